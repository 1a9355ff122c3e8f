import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { RoadNetwork } from '../network/road_network';
import type { WaterSourceKind, WaterSourceProps } from '../io/map_features';
import type { Station } from '../scenario/scenario_types';
import type { SnapIndex, Snap } from '../spatial/snap_index';
import { timeField, reachedIntervals } from './along_road';
import type { NetworkPlace } from '../network/network_place';
import { placeOnLink } from '../network/network_place';
import { SearchWorkspace } from '../search/multi_source_search';
import { costAtPlace } from '../search/place_cost';
import { intersectIntervals, intervalsLength, subtractIntervals } from './intervals';
import { distanceM } from '../network/geodesy';

/**
 * Intake points, docks, fire pools and tanks (取水点 / 取水码头 / 消防水池): can an engine reach
 * each, how long from each station to its nearest one, which road beyond hydrant protection an engine
 * loaded at one reaches within `intakeTimeS`, and where a new intake would serve the most of the land
 * (else road) that neither hydrants nor intakes serve.
 */

export const INTAKE_KINDS: readonly WaterSourceKind[] = ['suction_point', 'intake_dock', 'fire_water_pond', 'water_tank'];
/** Water whose banks may host a new intake point. */
export const CANDIDATE_WATER_KINDS: readonly WaterSourceKind[] = ['water_body', 'river', 'fire_water_pond'];

type WaterFeature = Feature<Point | LineString | Polygon | MultiPolygon, WaterSourceProps>;

/** A water source that fire engines can draw from, with its access point on the road. */
export interface IntakeSource {
  index: number;
  id: string;
  kind: WaterSourceKind;
  name: string;
  nameZh: string | null;
  /** The point of the source nearest a drivable road, and that road position (null: no drivable road within reach). */
  lon: number;
  lat: number;
  snap: Snap | null;
}

/** Per station: the driving time to its nearest reachable intake source. */
export interface StationWater {
  stationId: string;
  name: string;
  nameZh: string | null;
  /** Driving seconds from the station to its nearest reachable intake source (Infinity: none). */
  timeS: number;
  sourceId: string | null;
}

/** A proposed intake point (取水点) on the road beside a water source. */
export interface IntakeCandidate {
  lon: number;
  lat: number;
  link: number;
  offsetM: number;
  /** The water it draws from. */
  waterId: string;
  waterName: string;
  waterNameZh: string | null;
  /** Road (m) beyond hydrant protection, beyond existing intakes and beyond the intakes chosen before it, that it newly serves. */
  gainM: number;
  /** Land (km²) likewise: cells beyond hydrant protection it newly brings within `intakeTimeS`; null without the land grid. */
  gainKm2: number | null;
}

function vertices(g: WaterFeature['geometry']): Position[] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates[0] ?? [];
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p[0] ?? []);
    default:
      return [];
  }
}

/** Snaps each intake-kind source not marked damaged at its vertex nearest a drivable road within `maxSnapM`. */
export function snapIntakes(waterSources: FeatureCollection<WaterFeature['geometry'], WaterSourceProps>, drivable: SnapIndex, maxSnapM: number): IntakeSource[] {
  const out: IntakeSource[] = [];
  waterSources.features.forEach((f, index) => {
    const p = f.properties;
    // A damaged intake (a status table says so) cannot fill an engine.
    if (!p || !INTAKE_KINDS.includes(p.kind) || p.status === 'damaged') return;
    const vs = vertices(f.geometry);
    if (vs.length === 0) return;
    let best: Snap | null = null;
    let at = vs[0];
    for (const v of vs) {
      const s = drivable.nearest(v[0], v[1], maxSnapM);
      if (s && (!best || s.distanceM < best.distanceM)) {
        best = s;
        at = v;
      }
    }
    out.push({ index, id: String(p.id ?? index + 1), kind: p.kind, name: p.name ?? '', nameZh: p.nameZh ?? null, lon: at[0], lat: at[1], snap: best });
  });
  return out;
}

/**
 * Driving time from every station to its nearest reachable intake source: one reverse search from the
 * sources, read at each station's place on the drivable roads.
 */
export function stationsToIntakes(net: RoadNetwork, stations: readonly Station[], sources: readonly IntakeSource[], drivable: SnapIndex): StationWater[] {
  const reachable = sources.filter((s) => s.snap);
  const { search } = timeField(net, reachable.map((s) => s.snap!), Infinity, true);
  return stations.map((st) => {
    const snap = drivable.nearest(st.lon, st.lat);
    const { cost: timeS, source: src } = snap ? costAtPlace(search, { snap }) : { cost: Infinity, source: -1 };
    return { stationId: st.id, name: st.name, nameZh: st.nameZh ?? null, timeS, sourceId: src >= 0 && timeS < Infinity ? reachable[src].id : null };
  });
}

/**
 * Per link, the road an engine loaded at one of `points` reaches within `limitS` (only links in
 * `links`). Repeated calls pass one `workspace`.
 */
export function intakeReach(net: RoadNetwork, points: readonly NetworkPlace[], limitS: number, links: Iterable<number>, workspace?: SearchWorkspace): Map<number, number[]> {
  const { nodeS } = timeField(net, points, limitS, false, workspace);
  const own = new Map<number, number[]>();
  for (const p of points) {
    let list = own.get(p.link);
    if (!list) own.set(p.link, (list = []));
    list.push(p.offsetM);
  }
  const out = new Map<number, number[]>();
  for (const l of links) {
    const iv = reachedIntervals(net, nodeS, l, limitS, own.get(l));
    if (iv.length) out.set(l, iv);
  }
  return out;
}

/**
 * Greedy siting of new intake points (greedy maximal covering: a heuristic, not guaranteed optimal).
 * Candidates are vertices of rivers, lakes and ponds within `maxSnapM` of a drivable road, thinned to
 * one per `candidateSpacingM`. Each round picks the candidate that brings the most still-unserved
 * land within `limitS` — cells of the land grid beyond hydrant protection, not within `limitS` of an
 * existing intake nor of a candidate already chosen (`opt.land`, the measure) — ties broken
 * by road; without a land grid, the most still-unserved road (metres). Rounds stop when `count` are
 * chosen or nothing more is gained. Greedy maximum coverage is within (1 − 1/e) of the best choice.
 */
export function proposeIntakes(
  net: RoadNetwork,
  waterSources: FeatureCollection<WaterFeature['geometry'], WaterSourceProps>,
  drivable: SnapIndex,
  unserved: Map<number, number[]>,
  opt: {
    maxSnapM: number;
    limitS: number;
    count: number;
    candidateSpacingM?: number;
    maxCandidates?: number;
    /** Unserved land: the cells a candidate at (link, offsetM) brings within `limitS`, and the area of a cell. */
    land?: { cellsReached: (link: number, offsetM: number) => ArrayLike<number>; cellKm2: number };
  },
): IntakeCandidate[] {
  const spacing = opt.candidateSpacingM ?? 300;
  const maxCandidates = opt.maxCandidates ?? 80;
  const cands: Omit<IntakeCandidate, 'gainM' | 'gainKm2'>[] = [];
  for (const f of waterSources.features) {
    const p = f.properties;
    if (!p || !CANDIDATE_WATER_KINDS.includes(p.kind)) continue;
    for (const v of vertices(f.geometry)) {
      if (cands.length >= maxCandidates) break;
      if (cands.some((c) => distanceM(c.lon, c.lat, v[0], v[1]) < spacing)) continue;
      const s = drivable.nearest(v[0], v[1], opt.maxSnapM);
      if (!s) continue;
      cands.push({ lon: v[0], lat: v[1], link: s.link, offsetM: s.offsetM, waterId: String(p.id), waterName: p.name ?? '', waterNameZh: p.nameZh ?? null });
    }
  }
  if (cands.length === 0 || opt.count <= 0) return [];
  if (unserved.size === 0 && !opt.land) return [];
  const links = [...unserved.keys()];
  const ws = new SearchWorkspace(net.nodeCount);
  const reach = cands.map((c) => (links.length ? intakeReach(net, [placeOnLink(net, c.link, c.offsetM)], opt.limitS, links, ws) : new Map<number, number[]>()));
  const cells = opt.land ? cands.map((c) => opt.land!.cellsReached(c.link, c.offsetM)) : null;
  const taken = new Set<number>();
  const left = new Map(unserved);
  const chosen: IntakeCandidate[] = [];
  const used = new Set<number>();
  while (chosen.length < opt.count) {
    let best = -1;
    let bestCells = 0;
    let bestM = 0;
    reach.forEach((r, i) => {
      if (used.has(i)) return;
      let m = 0;
      for (const [l, iv] of r) {
        const u = left.get(l);
        if (u) m += intervalsLength(intersectIntervals(u, iv));
      }
      let n = 0;
      if (cells) for (let j = 0; j < cells[i].length; j++) if (!taken.has(cells[i][j])) n++;
      if (n > bestCells || (n === bestCells && m > bestM + 1e-6)) {
        bestCells = n;
        bestM = m;
        best = i;
      }
    });
    if (best < 0) break;
    used.add(best);
    for (const [l, iv] of reach[best]) {
      const u = left.get(l);
      if (u) left.set(l, subtractIntervals(u, iv));
    }
    if (cells) for (let j = 0; j < cells[best].length; j++) taken.add(cells[best][j]);
    chosen.push({ ...cands[best], gainM: bestM, gainKm2: opt.land ? bestCells * opt.land.cellKm2 : null });
  }
  return chosen;
}
