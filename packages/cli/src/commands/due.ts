import type { Command } from 'commander';
import type { LoadedScenario, RoadNetwork, SearchSource, Snap, SnapIndex } from '@firecover/core';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator, type Translate } from '../i18n';
import { addNetworkOptions, type NetworkOptions } from '../network_options';
import { nonNegativeNumber, positiveInteger } from '../parse_options';
import { runCommand } from '../run_command';
import { displayWidth } from '../table';
import { addStationOptions, type StationOptions } from '../stations_option';

export const dueMessages = defineMessages({
  en: {
    description:
      'First, second, third … due station for addresses: which stations reach each point first and how long each takes (turnout included), with the response-standard check when a scenario is given.',
    maxSnap: 'largest distance from a --from station or a point to the nearest road, metres',
    scenarioGroup: 'Or a scenario (network and stations in service, with names and turnout):',
    scenario: 'scenario file (JSON); replaces the network and station options',
    stations: 'with --scenario: existing, planned, all, or a year (default: the scenario’s analysis.year, else existing)',
    pointsGroup: 'Points (exactly one of):',
    at: 'points "LON,LAT[;LON,LAT…]" (WGS84, longitude first), numbered 1, 2, … in the output',
    points: 'CSV of points with a header: id,lon,lat',
    searchGroup: 'Search:',
    k: 'how many stations to list per point',
    turnout: 'turnout time added at every station before driving, seconds (default: 0, or each station’s turnout in the scenario)',
    outputGroup: 'Output:',
    out: 'CSV: point,rank,station,cost_s,within_standard',
    routesOut: 'GeoJSON: each route as a LineString along the roads, from the station to the point',
    example1: 'firecover due --scenario data/sample-city/scenario.json --at "104.6010,30.0950;104.5900,30.1050"',
    example2: 'firecover due --edges edges.csv --nodes nodes.csv --from-node 11,16 --at "116.3030,39.9010" -k 2',
    example3: 'firecover due --osm city.osm.pbf --from "11.2775,49.5109;11.2911,49.5052" --points addresses.csv --turnout 60 --out due.csv --routes-out due.geojson',
    noPoints: 'give the points with --at "LON,LAT[;…]" or --points FILE.csv',
    bothPoints: 'give the points with either --at or --points, not both',
    scenarioAndNetwork: '--scenario gives the network and the stations; do not also give {options}',
    stationsWithoutScenario: '--stations only goes with --scenario',
    stationFar: 'station "{name}" is more than {max} m from any drivable road (lon {lon}, lat {lat})',
    summaryStations: 'stations: {count}',
    scenarioStations: 'scenario {name}: {count} stations in service ({when})',
    scenarioStation: '  {name} ({id}): turnout {turnout} s, {dist} m to the road',
    existing: 'existing',
    planned: 'planned',
    all: 'all',
    year: 'in {year}',
    pointSnapped: '  point {n} at {lon},{lat}: {dist} m to the road (link {link})',
    pointsFromFile: 'points: {count} from {file} (largest distance to the road {dist} m)',
    pointsAt: 'points: {count}',
    turnoutAll: 'arrival times include a turnout of {s} s at every station',
    turnoutScenario: 'arrival times include each station’s turnout',
    standard: 'standard: {s} s — {rule} ({clause})',
    colPoint: 'point',
    colRank: 'rank',
    colStation: 'station',
    colArrival: 'arrival s',
    colWithin: 'within {s} s',
    unreachable: 'unreachable',
    yes: 'yes',
    no: 'no',
    stationNode: '{n} (node {node})',
    stationAt: '{n} ({lon},{lat})',
    wrote: 'wrote {file} ({count} {what})',
    rows: 'rows',
    routes: 'routes',
  },
  zh: {
    description: '地址的第一、第二、第三……出动消防站：哪些消防站最先到达各点，各需多长时间（含出动准备时间）；给出场景时按响应标准检查。',
    maxSnap: '--from 消防站或点位到最近道路的最大距离，米',
    scenarioGroup: '或场景文件（路网与在役消防站，含站名与出动准备时间）：',
    scenario: '场景文件（JSON）；代替路网与消防站选项',
    stations: '与 --scenario 一起使用：existing、planned、all 或年份（默认：场景的 analysis.year，否则 existing）',
    pointsGroup: '点位（二选一）：',
    at: '点位 "经度,纬度[;经度,纬度…]"（WGS84，经度在前），输出中编号为 1、2、……',
    points: '点位 CSV，带表头：id,lon,lat',
    searchGroup: '搜索：',
    k: '每个点列出的消防站数',
    turnout: '每个站出车前的出动准备时间，秒（默认：0，或场景中各站的出动准备时间）',
    outputGroup: '输出：',
    out: 'CSV：point,rank,station,cost_s,within_standard',
    routesOut: 'GeoJSON：每条路线沿道路的 LineString，从消防站到点位',
    example1: 'firecover due --scenario data/sample-city/scenario.json --at "104.6010,30.0950;104.5900,30.1050"',
    example2: 'firecover due --edges edges.csv --nodes nodes.csv --from-node 11,16 --at "116.3030,39.9010" -k 2',
    example3: 'firecover due --osm city.osm.pbf --from "11.2775,49.5109;11.2911,49.5052" --points addresses.csv --turnout 60 --out due.csv --routes-out due.geojson',
    noPoints: '请用 --at "经度,纬度[;…]" 或 --points FILE.csv 给出点位',
    bothPoints: '--at 与 --points 只能二选一',
    scenarioAndNetwork: '--scenario 已给出路网与消防站；不要再给出 {options}',
    stationsWithoutScenario: '--stations 只能与 --scenario 一起使用',
    stationFar: '消防站“{name}”距最近可通行道路超过 {max} m（经度 {lon}，纬度 {lat}）',
    summaryStations: '消防站：{count} 个',
    scenarioStations: '场景 {name}：在役消防站 {count} 个（{when}）',
    scenarioStation: '  {name}（{id}）：出动准备 {turnout} 秒，距道路 {dist} 米',
    existing: '现状',
    planned: '规划',
    all: '全部',
    year: '{year} 年',
    pointSnapped: '  点 {n} 位于 {lon},{lat}：距道路 {dist} 米（路段 {link}）',
    pointsFromFile: '点位：{count} 个，来自 {file}（到道路的最大距离 {dist} 米）',
    pointsAt: '点位：{count} 个',
    turnoutAll: '到达时间含每个站 {s} 秒的出动准备时间',
    turnoutScenario: '到达时间含各站的出动准备时间',
    standard: '标准：{s} 秒 —— {rule}（{clause}）',
    colPoint: '点位',
    colRank: '顺位',
    colStation: '消防站',
    colArrival: '到达（秒）',
    colWithin: '{s} 秒内',
    unreachable: '不可达',
    yes: '是',
    no: '否',
    stationNode: '{n}（节点 {node}）',
    stationAt: '{n}（{lon},{lat}）',
    wrote: '已写入 {file}（{count} {what}）',
    rows: '行',
    routes: '条路线',
  },
});

type DueKey = keyof (typeof dueMessages)['en'];

interface DueOptions extends NetworkOptions, StationOptions {
  scenario?: string;
  stations?: string;
  at?: string;
  points?: string;
  k: number;
  turnout?: number;
  out?: string;
  routesOut?: string;
}

export const dueCommand: CommandModule = {
  name: 'due',
  register(program: Command, ctx: CliContext) {
    const t = translator(dueMessages, ctx.lang);
    const cmd = program.command('due').description(t('description'));
    addNetworkOptions(cmd, ctx);
    addStationOptions(cmd, ctx, t('maxSnap'));
    cmd
      .optionsGroup(t('scenarioGroup'))
      .option('--scenario <file.json>', t('scenario'))
      .option('--stations <set>', t('stations'))
      .optionsGroup(t('pointsGroup'))
      .option('--at <points>', t('at'))
      .option('--points <file.csv>', t('points'))
      .optionsGroup(t('searchGroup'))
      .option('-k <n>', t('k'), positiveInteger(ctx), 3)
      .option('--turnout <seconds>', t('turnout'), nonNegativeNumber(ctx, 'seconds', '秒'))
      .optionsGroup(t('outputGroup'))
      .option('--out <file.csv>', t('out'))
      .option('--routes-out <file.geojson>', t('routesOut'))
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2'), t('example3')]))
      .action(runCommand(ctx, (opts: DueOptions) => runDue(opts, ctx)));
  },
};

/** A station ready for the search, with what the outputs say about it. */
interface DueStation {
  /** In the CSV and GeoJSON: the scenario's station id, or the 1-based number in the order given. */
  key: string;
  /** In the table. */
  label: string;
  source: SearchSource;
}

/** A point to rank stations for. */
interface DuePoint {
  id: string;
  lon: number;
  lat: number;
  snap: Snap;
  /** What the search ends at: the snap, or the node when the snap lies at a link end. */
  target: { node: number } | { snap: Snap };
}

interface DueRow {
  point: string;
  rank: number;
  station: DueStation;
  /** Infinity = cannot reach the point. */
  cost: number;
  route: number[] | null;
  /** The point's place, where the route ends. */
  target: DuePoint['target'];
}

async function runDue(opts: DueOptions, ctx: CliContext): Promise<void> {
  const t = translator(dueMessages, ctx.lang);
  const core = await import('@firecover/core');
  const { InputError } = core;
  const err = (file: string, key: DueKey, params: Record<string, string | number> = {}): Error => {
    const en = translator(dueMessages, 'en');
    const zh = translator(dueMessages, 'zh');
    return new InputError({ file }, en(key, params), zh(key, params));
  };

  // The command line first: cheap mistakes fail before any file is read.
  if (opts.at === undefined && opts.points === undefined) throw err('command line', 'noPoints');
  if (opts.at !== undefined && opts.points !== undefined) throw err('command line', 'bothPoints');
  const { parseLonLatList } = await import('../parse_options');
  const mkErr = (where: { file: string; line?: number; feature?: string }, en: string, zh: string) => new InputError(where, en, zh);
  const atPoints = opts.at !== undefined ? parseLonLatList(opts.at, '--at', mkErr, 'point') : undefined;
  let parsedStations: import('../stations_option').ParsedStations | undefined;
  if (opts.scenario !== undefined) {
    const extra = (['osm', 'geojson', 'edges', 'nodes', 'from', 'fromNode'] as const).filter((k) => opts[k] !== undefined).map((k) => (k === 'fromNode' ? '--from-node' : `--${k}`));
    if (extra.length > 0) throw err('--scenario', 'scenarioAndNetwork', { options: extra.join(', ') });
  } else {
    if (opts.stations !== undefined) throw err('--stations', 'stationsWithoutScenario');
    const { parseStationOptions } = await import('../stations_option');
    parsedStations = parseStationOptions(opts, core);
  }
  let csvPoints: import('../points_csv').CsvPoint[] | undefined;
  const inputs: string[] = [];
  if (opts.points !== undefined) {
    const { readInputText } = await import('../read_input');
    const { parsePointsCsv } = await import('../points_csv');
    csvPoints = parsePointsCsv(await readInputText(opts.points), opts.points, mkErr);
    inputs.push(opts.points);
  }

  // Network and stations
  let net: RoadNetwork;
  let stations: DueStation[];
  let scenario: LoadedScenario | undefined;
  // Stations and points snap to the links where a crew can stop (core's landAccessLink): one index.
  let accessIndex: SnapIndex;
  const summary: string[] = [];
  if (opts.scenario !== undefined) {
    const { readScenario, stationSetOption } = await import('../read_scenario');
    const read = await readScenario(opts.scenario);
    inputs.push(...read.inputs);
    const loaded = read.scenario;
    scenario = loaded;
    net = loaded.network;
    const when = stationSetOption(opts.stations, loaded);
    const whenText = when === undefined ? t('existing') : typeof when === 'number' ? t('year', { year: when }) : t(when);
    const inService = core.requireStationsInService(loaded, when);
    const index = new core.SnapIndex(net, core.landAccessLink(net));
    accessIndex = index;
    const max = loaded.analysis.maxSnapDistanceM;
    const { placeOf } = await import('../stations_option');
    summary.push(t('scenarioStations', { name: ctx.lang === 'zh' ? (loaded.file.nameZh ?? loaded.file.name) : loaded.file.name, count: inService.length, when: whenText }));
    stations = inService.map((s) => {
      const name = ctx.lang === 'zh' ? (s.nameZh ?? s.name) : s.name;
      const snap = index.nearest(s.lon, s.lat, max);
      if (!snap) {
        const p = { name: s.name, max, lon: s.lon, lat: s.lat };
        throw new InputError({ file: opts.scenario as string, feature: `station ${s.id}` }, translator(dueMessages, 'en')('stationFar', p), translator(dueMessages, 'zh')('stationFar', { ...p, name: s.nameZh ?? s.name }));
      }
      const turnout = opts.turnout ?? s.turnoutS;
      summary.push(t('scenarioStation', { name, id: s.id, turnout: fmt(turnout), dist: snap.distanceM.toFixed(1) }));
      return { key: s.id, label: name, source: { ...placeOf(core, net, snap), startCost: turnout } };
    });
  } else {
    const { readNetwork, requireRoads } = await import('../read_network');
    const loaded = await readNetwork(opts, ctx);
    requireRoads(loaded);
    inputs.push(...loaded.inputs);
    net = loaded.network;
    const { placeStations, describeStation } = await import('../stations_option');
    accessIndex = new core.SnapIndex(net, core.landAccessLink(net));
    const placed = placeStations(core, net, loaded.label, parsedStations as import('../stations_option').ParsedStations, opts.maxSnap, accessIndex);
    summary.push(t('summaryStations', { count: placed.length }), ...placed.map((s) => describeStation(net, s, ctx)));
    const turnout = opts.turnout ?? 0;
    stations = placed.map((s) => ({
      key: String(s.n),
      label: s.point ? t('stationAt', { n: s.n, lon: s.point.lon, lat: s.point.lat }) : t('stationNode', { n: s.n, node: String(s.nodeId) }),
      source: { ...s.place, startCost: turnout },
    }));
  }

  // Points: snapped to the nearest drivable road that gives access to land (not a motorway).
  const { snapPoint, placeOf } = await import('../stations_option');
  const pointIndex = accessIndex;
  const points: DuePoint[] = [];
  if (atPoints) {
    summary.push(t('pointsAt', { count: atPoints.length }));
    atPoints.forEach((p, i) => {
      const snap = snapPoint(core, pointIndex, p.lon, p.lat, opts.maxSnap, { file: '--at', feature: `point ${i + 1}` }, `point ${i + 1}`, `点 ${i + 1}`);
      points.push({ id: String(i + 1), lon: p.lon, lat: p.lat, snap, target: placeOf(core, net, snap) });
      summary.push(t('pointSnapped', { n: i + 1, lon: p.lon, lat: p.lat, dist: snap.distanceM.toFixed(1), link: String(net.linkId[snap.link]) }));
    });
  } else if (csvPoints) {
    let far = 0;
    for (const p of csvPoints) {
      const snap = snapPoint(core, pointIndex, p.lon, p.lat, opts.maxSnap, { file: opts.points as string, line: p.line }, `point ${p.id}`, `点 ${p.id}`);
      far = Math.max(far, snap.distanceM);
      points.push({ id: p.id, lon: p.lon, lat: p.lat, snap, target: placeOf(core, net, snap) });
    }
    summary.push(t('pointsFromFile', { count: csvPoints.length, file: opts.points as string, dist: far.toFixed(1) }));
  }
  if (opts.turnout !== undefined || !scenario) summary.push(t('turnoutAll', { s: fmt(opts.turnout ?? 0) }));
  else summary.push(t('turnoutScenario'));
  const standardS = scenario ? scenario.preset.responseS.value : undefined;
  if (scenario) {
    const r = scenario.preset.responseS;
    summary.push(t('standard', { s: fmt(r.value), rule: ctx.lang === 'zh' ? r.zh : r.en, clause: r.clause }));
  }

  // Ranking: the k first stations per point; stations that cannot reach it fill the list after them.
  const ranking = core.dueRanking(net, points.map((p) => p.target), stations.map((s) => s.source), opts.k);
  const rows: DueRow[] = ranking.map((r) => ({ point: points[r.target].id, rank: r.rank, station: stations[r.source], cost: r.cost, route: r.route, target: points[r.target].target }));

  const { num, csvLine } = await import('../format');
  const within = (cost: number): boolean | null => (standardS === undefined ? null : cost <= standardS);
  const outputs: { path: string; data: string }[] = [];
  if (opts.out !== undefined) {
    let csv = 'point,rank,station,cost_s,within_standard\n';
    for (const r of rows) {
      const w = within(r.cost);
      csv += csvLine([r.point, r.rank, r.station.key, Number.isFinite(r.cost) ? num(r.cost) : 'unreachable', w === null ? '' : String(w)]);
    }
    outputs.push({ path: opts.out, data: csv });
  }
  let routeCount = 0;
  if (opts.routesOut !== undefined) {
    const features = [];
    for (const r of rows) {
      if (!r.route) continue;
      const line = core.routeLine(net, r.route, r.station.source, r.target);
      const w = within(r.cost);
      features.push({
        type: 'Feature' as const,
        geometry: line.coordinates.length >= 2 ? { type: 'LineString' as const, coordinates: line.coordinates } : null,
        properties: { point: r.point, rank: r.rank, station: r.station.key, cost_s: Number(num(r.cost)), ...(w === null ? {} : { within_standard: w }), length_m: Number(num(line.lengthM, 2)) },
      });
    }
    routeCount = features.length;
    outputs.push({ path: opts.routesOut, data: `${JSON.stringify({ type: 'FeatureCollection', features })}\n` });
  }
  const { writeFilesAtomic } = await import('../atomic_write');
  await writeFilesAtomic(outputs, inputs);

  // --json: the rows of the CSV, with the standard they were checked against.
  ctx.result({
    standardS: standardS ?? null,
    rows: rows.map((r) => ({ point: r.point, rank: r.rank, station: r.station.key, costS: Number.isFinite(r.cost) ? Number(num(r.cost)) : null, withinStandard: within(r.cost) })),
    files: outputs.map((o) => o.path),
  });
  const text = [...summary, '', dueTable(rows, t, standardS, within)];
  if (opts.out !== undefined) text.push(t('wrote', { file: opts.out, count: rows.length, what: t('rows') }));
  if (opts.routesOut !== undefined) text.push(t('wrote', { file: opts.routesOut, count: routeCount, what: t('routes') }));
  ctx.out.write(`${text.join('\n').replace(/\n+$/, '')}\n`);
}

/** Seconds for messages: whole numbers without decimals, else to 0.1 s. */
function fmt(s: number): string {
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

/** The ranking as an aligned text table (CJK-aware widths). */
function dueTable(rows: readonly DueRow[], t: Translate<DueKey>, standardS: number | undefined, within: (cost: number) => boolean | null): string {
  const header = [t('colPoint'), t('colRank'), t('colStation'), t('colArrival')];
  if (standardS !== undefined) header.push(t('colWithin', { s: fmt(standardS) }));
  const body = rows.map((r) => {
    const cells = [r.point, String(r.rank), r.station.label, Number.isFinite(r.cost) ? r.cost.toFixed(1) : t('unreachable')];
    const w = within(r.cost);
    if (w !== null) cells.push(w ? t('yes') : t('no'));
    return cells;
  });
  return alignColumns([header, ...body], [false, true, false, true, false]);
}

function alignColumns(rows: readonly string[][], rightAlign: readonly boolean[]): string {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => {
          const pad = ' '.repeat(widths[c] - displayWidth(cell));
          return rightAlign[c] ? pad + cell : c === r.length - 1 ? cell : cell + pad;
        })
        .join('  '),
    )
    .join('\n');
}
