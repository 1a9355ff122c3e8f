import type { Command } from 'commander';
import type { RoadNetwork, SearchSource, Snap, SnapIndex } from '@firecover/core';
import type { CliContext } from './command_module';
import { defineMessages, translator } from './i18n';
import { nonNegativeNumber, parseIdList, parseLonLatList, type LonLat } from './parse_options';

/**
 * Stations given on the command line, shared by `reach` and `due`: `--from "LON,LAT[;…]"` (snapped to the
 * nearest road, mid-link) or `--from-node ID[,ID…]` (original node ids), and `--max-snap`. Only core
 * types are imported here: the commands pass the loaded core module in, so that `--help` stays fast.
 */

export const stationsMessages = defineMessages({
  en: {
    stationsGroup: 'Stations (exactly one of):',
    from: 'station coordinates "LON,LAT[;LON,LAT…]" (WGS84, longitude first); each is snapped to the nearest road',
    fromNode: 'station node ids "ID[,ID…]" (original ids: OSM node id or pgRouting vertex id)',
    maxSnap: 'largest distance from a --from point to the nearest road, metres',
    noStations: 'give the stations with --from "LON,LAT[;…]" or --from-node ID[,ID…]',
    bothStations: 'give the stations with either --from or --from-node, not both',
    stationSnapped: '  station {n} at {lon},{lat}: {dist} m to the road (link {link}{way})',
    stationNode: '  station {n}: node {node}',
  },
  zh: {
    stationsGroup: '消防站（二选一）：',
    from: '消防站坐标 "经度,纬度[;经度,纬度…]"（WGS84，经度在前）；每个点吸附到最近的道路',
    fromNode: '消防站所在节点编号 "ID[,ID…]"（原始编号：OSM 节点编号或 pgRouting 顶点编号）',
    maxSnap: '--from 坐标点到最近道路的最大距离，米',
    noStations: '请用 --from "经度,纬度[;…]" 或 --from-node ID[,ID…] 给出消防站',
    bothStations: '--from 与 --from-node 只能二选一',
    stationSnapped: '  {n} 号站 位于 {lon},{lat}：距道路 {dist} 米（路段 {link}{way}）',
    stationNode: '  {n} 号站：节点 {node}',
  },
});

/** The station options as commander stores them. */
export interface StationOptions {
  from?: string;
  fromNode?: string;
  maxSnap: number;
}

/** Adds --from / --from-node / --max-snap (default 250 m) under the stations heading. */
export function addStationOptions(cmd: Command, ctx: CliContext, maxSnapHelp?: string): Command {
  const t = translator(stationsMessages, ctx.lang);
  return cmd
    .optionsGroup(t('stationsGroup'))
    .option('--from <points>', t('from'))
    .option('--from-node <ids>', t('fromNode'))
    .option('--max-snap <metres>', maxSnapHelp ?? t('maxSnap'), nonNegativeNumber(ctx, 'metres', '米'), 250);
}

type Core = typeof import('@firecover/core');
type MakeError = (where: { file: string; feature?: string }, en: string, zh: string) => Error;

/** The stations as parsed from the command line, before the network is read. */
export interface ParsedStations {
  points?: LonLat[];
  ids?: number[];
}

/**
 * Checks that exactly one of --from / --from-node is given and parses it (InputErrors placed at the
 * option and "station N"). Call before reading the network, so that a typo fails fast.
 */
export function parseStationOptions(opts: StationOptions, core: Core): ParsedStations {
  const { InputError } = core;
  const mkErr: MakeError = (where, en, zh) => new InputError(where, en, zh);
  if (opts.from === undefined && opts.fromNode === undefined) throw new InputError({ file: 'command line' }, stationsMessages.en.noStations, stationsMessages.zh.noStations);
  if (opts.from !== undefined && opts.fromNode !== undefined) throw new InputError({ file: 'command line' }, stationsMessages.en.bothStations, stationsMessages.zh.bothStations);
  return opts.from !== undefined ? { points: parseLonLatList(opts.from, '--from', mkErr) } : { ids: parseIdList(opts.fromNode as string, '--from-node', mkErr) };
}

/** One station placed on the network. */
export interface PlacedStation {
  /** 1-based number in the order given. */
  n: number;
  /** Where the search starts: a node index or a snapped point (startCost is the caller's). */
  place: Pick<SearchSource, 'node' | 'snap'>;
  /** The node(s) the station touches: its node, or both ends of its link (for island checks). */
  nodes: number[];
  /** The original node id (`--from-node`), or the coordinates as given (`--from`) and their snap. */
  nodeId?: number;
  point?: LonLat;
  snap?: Snap;
}

/**
 * Where a search starts or ends for a snapped position: the node itself when the snap lies at an end of
 * its link (core's `snapEndNode`, within 1 mm), else the snap. Searches treat both alike; the node form
 * lets the summary name the node and check its island.
 */
export function placeOf(core: Pick<Core, 'snapEndNode'>, net: RoadNetwork, snap: Snap): { node: number } | { snap: Snap } {
  const node = core.snapEndNode(net, snap);
  return node >= 0 ? { node } : { snap };
}

/**
 * Places parsed stations on the network: node ids are looked up (unknown → InputError naming the
 * station), coordinates are snapped with `index` (default: every link) within `maxSnapM`.
 */
export function placeStations(core: Core, net: RoadNetwork, networkLabel: string, parsed: ParsedStations, maxSnapM: number, index?: SnapIndex): PlacedStation[] {
  const { InputError } = core;
  const out: PlacedStation[] = [];
  if (parsed.ids) {
    const ids = parsed.ids;
    const wanted = new Map<number, number>();
    for (const id of ids) if (!wanted.has(id)) wanted.set(id, -1);
    for (let n = 0; n < net.nodeCount; n++) if (wanted.get(net.nodeId[n]) === -1) wanted.set(net.nodeId[n], n);
    ids.forEach((nodeId, i) => {
      const node = wanted.get(nodeId) ?? -1;
      if (node < 0) {
        throw new InputError({ file: '--from-node', feature: `station ${i + 1}` }, `node ${nodeId} is not in the network (${networkLabel})`, `节点 ${nodeId} 不在路网中（${networkLabel}）`);
      }
      out.push({ n: i + 1, place: { node }, nodes: [node], nodeId });
    });
  } else if (parsed.points) {
    const idx = index ?? new core.SnapIndex(net);
    parsed.points.forEach((p, i) => {
      const snap = snapPoint(core, idx, p.lon, p.lat, maxSnapM, { file: '--from', feature: `station ${i + 1}` }, `station ${i + 1}`, `${i + 1} 号站`);
      const place = placeOf(core, net, snap);
      out.push({ n: i + 1, place, nodes: 'node' in place ? [place.node] : [net.linkSource[snap.link], net.linkTarget[snap.link]], point: p, snap });
    });
  }
  return out;
}

/** The summary line for a placed station ("station 1 at …: 3.2 m to the road (link 7, way 123)"). */
export function describeStation(net: RoadNetwork, s: PlacedStation, ctx: CliContext): string {
  const t = translator(stationsMessages, ctx.lang);
  const snap = s.snap;
  if (!snap || !s.point) return t('stationNode', { n: s.n, node: String(s.nodeId) });
  const way = net.linkWayId[snap.link];
  return t('stationSnapped', {
    n: s.n,
    lon: s.point.lon,
    lat: s.point.lat,
    dist: snap.distanceM.toFixed(1),
    link: String(net.linkId[snap.link]),
    way: Number.isNaN(way) ? '' : `, way ${way}`,
  });
}

/**
 * Snaps a point to the nearest road of `index` within `maxSnapM`. Too far → InputError at `where`,
 * naming the point as `labelEn` / `labelZh`; when the point is far but the same numbers read LAT,LON
 * would lie on the network, the message says they look swapped.
 */
export function snapPoint(core: Core, index: SnapIndex, lon: number, lat: number, maxSnapM: number, where: { file: string; line?: number; feature?: string }, labelEn: string, labelZh: string): Snap {
  const { InputError } = core;
  const snap = index.nearest(lon, lat);
  if (snap && snap.distanceM <= maxSnapM) return snap;
  if (lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90) {
    const swapped = index.nearest(lat, lon, maxSnapM);
    if (swapped) {
      throw new InputError(
        where,
        `${labelEn} at ${lon},${lat} is ${fmtKm(snap?.distanceM)} from the nearest road, but ${lat},${lon} lies on the network: the coordinates look swapped (give longitude first)`,
        `${labelZh} ${lon},${lat} 距最近道路 ${fmtKmZh(snap?.distanceM)}，而 ${lat},${lon} 正好在路网上：经纬度似乎写反了（请先写经度）`,
      );
    }
  }
  const d = snap ? snap.distanceM : Infinity;
  throw new InputError(
    where,
    `${labelEn} at ${lon},${lat} is ${fmtKm(d)} from the nearest road (in the sea?); the limit is --max-snap ${maxSnapM} m`,
    `${labelZh} ${lon},${lat} 距最近道路 ${fmtKmZh(d)}（是否在海里？）；上限为 --max-snap ${maxSnapM} 米`,
  );
}

function fmtKm(m: number | undefined): string {
  if (m === undefined || !Number.isFinite(m)) return 'far';
  return m < 10_000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(0)} km`;
}

function fmtKmZh(m: number | undefined): string {
  if (m === undefined || !Number.isFinite(m)) return '很远';
  return m < 10_000 ? `${Math.round(m)} 米` : `${(m / 1000).toFixed(0)} 公里`;
}
