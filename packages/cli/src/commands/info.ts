import { InvalidArgumentError, type Command } from 'commander';
import type { OsmImportReport, RoadNetwork } from '@firecover/core';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator } from '../i18n';
import { addNetworkOptions, type NetworkOptions } from '../network_options';
import { runCommand } from '../run_command';

export const infoMessages = defineMessages({
  en: {
    description: 'What a road network holds: nodes, links, one-way roads, km of road, stations, hydrants, water, barriers, islands, dropped ways, extent.',
    maxIslands: 'list at most this many small islands',
    example1: 'firecover info --osm lauf.osm.pbf',
    example2: 'firecover info --edges edges.csv --nodes nodes.csv --json',
    input: 'input',
    nodes: 'nodes',
    links: 'links',
    arcs: 'directed arcs',
    oneWay: 'one-way links',
    roadKm: 'road length',
    stations: 'fire stations',
    hydrants: 'hydrants',
    water: 'water features',
    barriers: 'barriers',
    islands: 'islands',
    islandsText: '{count} outside the main network; the main network holds {share} % of nodes ({main})',
    islandsNone: 'none: every node lies in one strongly connected network',
    smallIslands: 'small islands (nodes)',
    more: '… and {n} more',
    dropped: 'dropped ways',
    turns: 'turn restrictions',
    turnsText: '{applied} applied of {relations} relations',
    turnsLeft: '; left out: {list}',
    turnsTable: '{count} (from the network file)',
    droppedNone: 'none',
    bbox: 'extent (lon/lat)',
    notInInput: 'n/a (not in this input)',
    km: '{km} km',
  },
  zh: {
    description: '路网概况：节点、路段、单行道、道路里程、消防站、消火栓、水源、障碍、孤岛、被剔除的道路、范围。',
    maxIslands: '最多列出多少个小孤岛',
    example1: 'firecover info --osm lauf.osm.pbf',
    example2: 'firecover info --edges edges.csv --nodes nodes.csv --json',
    input: '输入',
    nodes: '节点',
    links: '路段',
    arcs: '有向弧',
    oneWay: '单行路段',
    roadKm: '道路里程',
    stations: '消防站',
    hydrants: '消火栓',
    water: '水源要素',
    barriers: '障碍（快速路、铁路、河流）',
    islands: '孤岛',
    islandsText: '主路网之外 {count} 个；主路网含 {share}% 的节点（{main} 个）',
    islandsNone: '无：所有节点都在同一个强连通路网中',
    smallIslands: '小孤岛（节点数）',
    more: '……另有 {n} 个',
    dropped: '被剔除的道路',
    turns: '禁止转向',
    turnsText: '{relations} 条关系中采用 {applied} 条',
    turnsLeft: '；未采用：{list}',
    turnsTable: '{count} 条（来自路网文件）',
    droppedNone: '无',
    bbox: '范围（经度/纬度）',
    notInInput: '无（该输入不含此项）',
    km: '{km} 公里',
  },
});

interface InfoOptions extends NetworkOptions {
  maxIslands: number;
}

export const infoCommand: CommandModule = {
  name: 'info',
  register(program: Command, ctx: CliContext) {
    const t = translator(infoMessages, ctx.lang);
    const cmd = program.command('info').description(t('description'));
    addNetworkOptions(cmd, ctx);
    cmd
      .optionsGroup(ctx.lang === 'zh' ? '选项：' : 'Options:')
      .option('--max-islands <n>', t('maxIslands'), (v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(ctx.lang === 'zh' ? '应为非负整数' : 'expected a whole number ≥ 0');
        return n;
      }, 20)
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2')]))
      .action(runCommand(ctx, (opts: InfoOptions) => runInfo(opts, ctx)));
  },
};

/** The figures `info` prints; also its --json shape. */
export interface NetworkInfo {
  input: string;
  nodes: number;
  links: number;
  directedArcs: number;
  oneWayLinks: number;
  roadKm: number;
  /** null when the input cannot hold them (edge tables, GeoJSON roads). */
  stations: number | null;
  hydrants: number | null;
  waterFeatures: number | null;
  barriers: number | null;
  islands: { count: number; mainNodes: number; mainShare: number; smallIslandSizes: number[] };
  droppedWays: Record<string, number> | null;
  /** OSM turn restrictions: relations read, applied, left out by reason (null when the input has none to read). */
  turnRestrictions: { relations: number | null; applied: number; notApplied: Record<string, number> } | null;
  bbox: [number, number, number, number] | null;
}

/** The figures of core's `networkStatistics` with what the importer found (features, dropped ways). */
export function networkInfo(core: typeof import('@firecover/core'), net: RoadNetwork, input: string, features: import('@firecover/core').MapFeatures | undefined, report: OsmImportReport | undefined): NetworkInfo {
  const s = core.networkStatistics(net);
  const dropped: Record<string, number> = {};
  if (report) for (const [k, v] of Object.entries(report.droppedWays).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))) if (v) dropped[k] = v;
  return {
    input,
    nodes: s.nodes,
    links: s.links,
    directedArcs: s.directedArcs,
    oneWayLinks: s.oneWayLinks,
    roadKm: s.lengthM / 1000,
    stations: features ? features.stations.features.length : null,
    hydrants: features ? features.hydrants.features.length : null,
    waterFeatures: features ? features.waterSources.features.length : null,
    barriers: features ? features.barriers.features.length : null,
    islands: s.islands,
    droppedWays: report ? dropped : null,
    turnRestrictions: report?.turnRestrictions
      ? { relations: report.turnRestrictions.relations, applied: report.turnRestrictions.applied, notApplied: { ...report.turnRestrictions.notApplied } as Record<string, number> }
      : net.turnRestrictions
        ? { relations: null, applied: net.turnRestrictions.count, notApplied: {} }
        : null,
    bbox: s.bbox,
  };
}

async function runInfo(opts: InfoOptions, ctx: CliContext): Promise<void> {
  const t = translator(infoMessages, ctx.lang);
  const core = await import('@firecover/core');
  const { readNetwork } = await import('../read_network');
  const loaded = await readNetwork(opts, ctx);
  const info = networkInfo(core, loaded.network, loaded.label, loaded.features, loaded.report);
  // --json (a global option): the figures, printed by the shell as the run's one JSON document.
  if (ctx.output.json) {
    ctx.result({ ...info, roadKm: round(info.roadKm, 3), islands: { ...info.islands, mainShare: round(info.islands.mainShare, 4) } });
    return;
  }
  const na = t('notInInput');
  const count = (x: number | null) => (x === null ? na : String(x));
  const rows: [string, string][] = [
    [t('input'), info.input],
    [t('nodes'), String(info.nodes)],
    [t('links'), String(info.links)],
    [t('arcs'), String(info.directedArcs)],
    [t('oneWay'), String(info.oneWayLinks)],
    [t('roadKm'), t('km', { km: info.roadKm.toFixed(1) })],
    [t('stations'), count(info.stations)],
    [t('hydrants'), count(info.hydrants)],
    [t('water'), count(info.waterFeatures)],
    [t('barriers'), count(info.barriers)],
    [
      t('islands'),
      info.islands.count === 0
        ? t('islandsNone')
        : t('islandsText', { count: info.islands.count, share: (info.islands.mainShare * 100).toFixed(1), main: info.islands.mainNodes }),
    ],
  ];
  if (info.islands.count > 0) {
    const shown = info.islands.smallIslandSizes.slice(0, opts.maxIslands);
    const rest = info.islands.count - shown.length;
    rows.push([t('smallIslands'), shown.join(', ') + (rest > 0 ? ` ${t('more', { n: rest })}` : '')]);
  }
  if (info.droppedWays) {
    const entries = Object.entries(info.droppedWays);
    rows.push([t('dropped'), entries.length === 0 ? t('droppedNone') : entries.map(([k, v]) => `${k} ${v}`).join(', ')]);
  } else rows.push([t('dropped'), na]);
  const tr = info.turnRestrictions;
  if (tr) {
    const left = Object.entries(tr.notApplied).map(([k, v]) => `${k} ${v}`);
    const text = tr.relations === null ? t('turnsTable', { count: tr.applied }) : t('turnsText', { applied: tr.applied, relations: tr.relations });
    rows.push([t('turns'), left.length > 0 ? text + t('turnsLeft', { list: left.join(', ') }) : text]);
  }
  rows.push([t('bbox'), info.bbox ? info.bbox.map((x) => x.toFixed(5)).join(', ') : na]);
  const { table } = await import('../table');
  ctx.out.write(table(rows));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
