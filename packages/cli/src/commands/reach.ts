import type { Command } from 'commander';
import type { SearchSource } from '@firecover/core';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator } from '../i18n';
import { addNetworkOptions, type NetworkOptions } from '../network_options';
import { nonNegativeNumber } from '../parse_options';
import { runCommand } from '../run_command';
import { addStationOptions, type StationOptions } from '../stations_option';

export const reachMessages = defineMessages({
  en: {
    description: 'Travel-time search from one or more stations: every road node reached within the budget, and the reached road pieces.',
    searchGroup: 'Search:',
    budget: 'travel-time budget, seconds, turnout included (default: no limit)',
    turnout: 'turnout time added at every station before driving, seconds',
    undirected: 'ignore one-way rules (pgRouting directed := false)',
    outputGroup: 'Output:',
    out: 'CSV of reached nodes: node,agg_cost,source (default: standard output)',
    edgesOut: 'GeoJSON of reached road pieces, cut where the budget runs out',
    exampleOsm: 'firecover reach --osm lauf.osm.pbf --from "11.2775,49.5109" --budget 240 --turnout 60 --out reach.csv --edges-out reach.geojson',
    exampleEdges: 'firecover reach --edges edges.csv --from-node 11,16 --budget 3 --out reach.csv',
    summaryStations: 'stations: {count}',
    reached: 'reached: {nodes} nodes, {km} km of road within {budget}',
    noLimit: 'no time limit',
    seconds: '{s} s',
    turnoutNote: ' (turnout {s} s included)',
    island: 'warning: station {n} is on an island of {size} nodes: its roads are cut off from the main network of {main} nodes (no way out and back)',
    sourceNote: 'source = station number (1-based, in the order given)',
    wrote: 'wrote {file} ({count} {what})',
    rows: 'rows',
    pieces: 'road pieces',
  },
  zh: {
    description: '从一个或多个消防站出发的行车时间搜索：在时间预算内到达的所有道路节点，以及到达的路段。',
    searchGroup: '搜索：',
    budget: '行车时间预算，秒，含出动准备时间（默认：不限）',
    turnout: '每个站出车前的出动准备时间，秒',
    undirected: '忽略单行规定（即 pgRouting 的 directed := false）',
    outputGroup: '输出：',
    out: '到达节点的 CSV：node,agg_cost,source（默认：标准输出）',
    edgesOut: '到达路段的 GeoJSON，在预算用尽处截断',
    exampleOsm: 'firecover reach --osm lauf.osm.pbf --from "11.2775,49.5109" --budget 240 --turnout 60 --out reach.csv --edges-out reach.geojson',
    exampleEdges: 'firecover reach --edges edges.csv --from-node 11,16 --budget 3 --out reach.csv',
    summaryStations: '消防站：{count} 个',
    reached: '到达：{nodes} 个节点，道路 {km} 公里，时间预算 {budget}',
    noLimit: '不限时',
    seconds: '{s} 秒',
    turnoutNote: '（含出动准备 {s} 秒）',
    island: '警告：{n} 号站位于一个仅有 {size} 个节点的孤岛上：其道路与主路网（{main} 个节点）不连通（无法往返）',
    sourceNote: 'source = 消防站序号（从 1 开始，按给出的顺序）',
    wrote: '已写入 {file}（{count} {what}）',
    rows: '行',
    pieces: '个路段',
  },
});

interface ReachOptions extends NetworkOptions, StationOptions {
  budget?: number;
  turnout: number;
  undirected?: boolean;
  out?: string;
  edgesOut?: string;
}

export const reachCommand: CommandModule = {
  name: 'reach',
  register(program: Command, ctx: CliContext) {
    const t = translator(reachMessages, ctx.lang);
    const cmd = program.command('reach').description(t('description'));
    addNetworkOptions(cmd, ctx);
    addStationOptions(cmd, ctx);
    cmd
      .optionsGroup(t('searchGroup'))
      .option('--budget <seconds>', t('budget'), nonNegativeNumber(ctx, 'seconds', '秒'))
      .option('--turnout <seconds>', t('turnout'), nonNegativeNumber(ctx, 'seconds', '秒'), 0)
      .option('--undirected', t('undirected'))
      .optionsGroup(t('outputGroup'))
      .option('--out <file.csv>', t('out'))
      .option('--edges-out <file.geojson>', t('edgesOut'))
      .addHelpText('after', `\n${t('sourceNote')}\n${examplesHelp(ctx, [t('exampleOsm'), t('exampleEdges')])}`)
      .action(runCommand(ctx, (opts: ReachOptions) => runReach(opts, ctx)));
  },
};

async function runReach(opts: ReachOptions, ctx: CliContext): Promise<void> {
  const t = translator(reachMessages, ctx.lang);
  const core = await import('@firecover/core');
  const { parseStationOptions, placeStations, describeStation } = await import('../stations_option');

  // Check the command line before reading anything big.
  const parsed = parseStationOptions(opts, core);

  const { readNetwork, requireRoads } = await import('../read_network');
  const loaded = await readNetwork(opts, ctx);
  const net = loaded.network;
  requireRoads(loaded);

  // The snap index (an R-tree and segment grids over every link) only when a station is given by
  // coordinates: --from-node on a 4.5 M-edge table would spend seconds and hundreds of MB on it.
  const snapIndex = parsed.points ? new core.SnapIndex(net, core.landAccessLink(net)) : undefined;
  const placed = placeStations(core, net, loaded.label, parsed, opts.maxSnap, snapIndex);
  const sources: SearchSource[] = placed.map((s) => ({ ...s.place, startCost: opts.turnout }));
  const lines = placed.map((s) => describeStation(net, s, ctx));

  const directed = !opts.undirected;
  const budget = opts.budget ?? Infinity;
  const result = core.multiSourceSearch(net, sources, { budget, directed });
  const { nodes: reachedNodes, pieces, roadM } = core.reachTable(result);

  const { num, id, csvLine } = await import('../format');
  let csv = 'node,agg_cost,source\n';
  for (const n of reachedNodes) csv += csvLine([id(net.nodeId[n]), num(result.cost[n]), result.source[n] + 1]);

  const outputs: { path: string; data: string }[] = [];
  if (opts.out !== undefined) outputs.push({ path: opts.out, data: csv });
  if (opts.edgesOut !== undefined) {
    const features = pieces.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'LineString' as const, coordinates: core.linkSlice(net, p.link, p.fromM, p.toM).map(([x, y]) => [round7(x), round7(y)]) },
      properties: {
        link_id: net.linkId[p.link],
        way_id: Number.isNaN(net.linkWayId[p.link]) ? null : net.linkWayId[p.link],
        source: p.source + 1,
        cost_start_s: Number(num(p.costFrom)),
        cost_end_s: Number(num(p.costTo)),
        length_m: Number(num(p.toM - p.fromM, 2)),
      },
    }));
    outputs.push({ path: opts.edgesOut, data: `${JSON.stringify({ type: 'FeatureCollection', features })}\n` });
  }
  const { writeFilesAtomic } = await import('../atomic_write');
  await writeFilesAtomic(outputs, loaded.inputs);

  // Summary: on stdout when the CSV went to a file, else on stderr so that stdout stays pure CSV.
  const summary: string[] = [t('summaryStations', { count: sources.length }), ...lines];
  const budgetText = Number.isFinite(budget) ? t('seconds', { s: num(budget) }) : t('noLimit');
  summary.push(t('reached', { nodes: reachedNodes.length, km: (roadM / 1000).toFixed(2), budget: budgetText }) + (opts.turnout > 0 ? t('turnoutNote', { s: num(opts.turnout) }) : ''));
  for (const island of core.stationsOnIslands(net, sources, directed)) {
    summary.push(ctx.color.yellow(t('island', { n: island.station + 1, size: island.size, main: island.mainSize })));
  }
  if (opts.out !== undefined) summary.push(t('wrote', { file: opts.out, count: reachedNodes.length, what: t('rows') }));
  if (opts.edgesOut !== undefined) summary.push(t('wrote', { file: opts.edgesOut, count: pieces.length, what: t('pieces') }));
  // --json: the figures of the summary and the rows of the CSV.
  ctx.result({
    stations: sources.length,
    budgetS: Number.isFinite(budget) ? budget : null,
    turnoutS: opts.turnout,
    reachedNodes: reachedNodes.length,
    roadKm: Number((roadM / 1000).toFixed(3)),
    rows: reachedNodes.map((n) => ({ node: net.nodeId[n], aggCostS: Number(num(result.cost[n])), source: result.source[n] + 1 })),
    files: outputs.map((o) => o.path),
  });
  if (opts.out === undefined) {
    ctx.data.write(csv);
    ctx.err.write(`${summary.join('\n')}\n`);
  } else {
    ctx.out.write(`${summary.join('\n')}\n`);
  }
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
