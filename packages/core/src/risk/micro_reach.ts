import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { landAccessLink, travellableLink } from '../network/access';
import type { RoadNetwork } from '../network/road_network';
import { multiSourceSearch, type SearchResult } from '../search/multi_source_search';
import { costAtPlace } from '../search/place_cost';
import { pointInPolygon } from '../spatial/point_in_polygon';
import { SnapIndex, type Snap } from '../spatial/snap_index';
import type { MicroMode } from '../standards/risk_rules';
import type { MicroStation, NamedArea } from './risk_layers_input';
import type { RiskRules } from './risk_rules_of';

/** One micro fire station: where it joins the road and how far its crew gets within the standard. */
export interface MicroStationReach {
  id: string;
  name: string | null;
  nameZh: string | null;
  mode: MicroMode;
  /** Distance its crew covers within the standard (speed × (response − turnout)), metres. */
  reachM: number;
  /** False when no road lies within the snapping distance (it then reaches nothing). */
  onNetwork: boolean;
}

/** One community: the micro station in reach first, or none. */
export interface CommunityMicro {
  id: string;
  name: string | null;
  nameZh: string | null;
  /** Micro stations inside the community (polygons only). */
  insideIds: string[];
  /** The micro station arriving first (time from the alarm, seconds), or null when none arrives within the standard. */
  firstMicroId: string | null;
  arrivalS: number | null;
  /** A micro station lies inside or arrives within the standard. */
  inReach: boolean;
}

/** Micro fire stations and the communities they serve; never part of the district coverage figures. */
export interface MicroAnalysis {
  responseS: number;
  turnoutS: number;
  speedKmh: Record<MicroMode, number>;
  responseClause: string;
  turnoutClause: string;
  speedClause: string;
  stations: MicroStationReach[];
  communities: CommunityMicro[];
  /** Communities with a micro station in reach, and their share, %; null without communities. */
  communitiesInReach: number;
  communitiesInReachPct: number | null;
  /** Ids of the communities lacking one. */
  lackingIds: string[];
}

/** Travel budget of a mode within the standard, metres. */
export function microReachM(rules: RiskRules, mode: MicroMode): number {
  return ((rules.micro.speedKmh[mode] * 1000) / 3600) * (rules.micro.responseS - rules.micro.turnoutS);
}

function areaPoints(g: Point | Polygon | MultiPolygon): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Position[] = [];
  for (const p of polys) {
    const ring = p[0] ?? [];
    const step = Math.max(1, Math.ceil(ring.length / 64));
    for (let i = 0; i < ring.length; i += step) out.push(ring[i]);
    if (ring.length > 0) out.push([ring.reduce((s, q) => s + q[0], 0) / ring.length, ring.reduce((s, q) => s + q[1], 0) / ring.length]);
  }
  return out;
}

/** Whether (lon, lat) lies inside a polygon community. */
function inside(g: Point | Polygon | MultiPolygon, lon: number, lat: number): boolean {
  if (g.type === 'Point') return false;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((p) => pointInPolygon(lon, lat, p));
}

/**
 * Micro fire station reach: one search per travel mode (on foot: either direction of every road; light
 * vehicle: one-way rules kept), by length, bounded by what the crew covers within the standard
 * (`speed × (responseS − turnoutS)`). A community is in reach when a micro station lies inside it or
 * reaches a road within `accessM` of it (a polygon: of its boundary points and centre) within the
 * standard. Micro stations join the nearest drivable road within `snapM`.
 */
export function microReach(net: RoadNetwork, micro: readonly MicroStation[], communities: readonly NamedArea<Point | Polygon | MultiPolygon>[], rules: RiskRules, accessM: number, snapM: number): MicroAnalysis {
  const any = new SnapIndex(net, travellableLink(net));
  const snaps: (Snap | null)[] = micro.map((m) => any.nearest(m.lon, m.lat, snapM));
  const modes: MicroMode[] = ['foot', 'light_vehicle'];
  const searches = new Map<MicroMode, { result: SearchResult; idx: number[] }>();
  for (const mode of modes) {
    const idx = micro.map((m, i) => (m.mode === mode && snaps[i] ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const result = multiSourceSearch(
      net,
      idx.map((i) => ({ snap: snaps[i]!, startCost: 0 })),
      { metric: 'length', directed: mode === 'light_vehicle', budget: microReachM(rules, mode) },
    );
    searches.set(mode, { result, idx });
  }
  const land = new SnapIndex(net, landAccessLink(net));
  const rows = communities.map((c): CommunityMicro => {
    const insideIds = micro.filter((m) => inside(c.geometry, m.lon, m.lat)).map((m) => m.id);
    const places = new Map<number, Snap>();
    for (const [lon, lat] of areaPoints(c.geometry)) for (const s of land.within(lon, lat, accessM)) if (!places.has(s.link) || s.distanceM < places.get(s.link)!.distanceM) places.set(s.link, s);
    let best = Infinity;
    let bestId: string | null = null;
    for (const [mode, { result, idx }] of searches) {
      const mps = (rules.micro.speedKmh[mode] * 1000) / 3600;
      for (const p of places.values()) {
        const r = costAtPlace(result, { snap: p });
        if (r.source < 0) continue;
        const t = rules.micro.turnoutS + r.cost / mps;
        if (t < best) {
          best = t;
          bestId = micro[idx[r.source]].id;
        }
      }
    }
    const arrives = best <= rules.micro.responseS + 1e-9;
    return { id: c.id, name: c.name, nameZh: c.nameZh, insideIds, firstMicroId: arrives ? bestId : null, arrivalS: arrives ? best : null, inReach: arrives || insideIds.length > 0 };
  });
  const inReach = rows.filter((r) => r.inReach).length;
  return {
    responseS: rules.micro.responseS,
    turnoutS: rules.micro.turnoutS,
    speedKmh: { ...rules.micro.speedKmh },
    responseClause: rules.micro.responseClause,
    turnoutClause: rules.micro.turnoutClause,
    speedClause: rules.micro.speedClause,
    stations: micro.map((m, i) => ({ id: m.id, name: m.name, nameZh: m.nameZh, mode: m.mode, reachM: microReachM(rules, m.mode), onNetwork: snaps[i] !== null })),
    communities: rows,
    communitiesInReach: inReach,
    communitiesInReachPct: rows.length === 0 ? null : (100 * inReach) / rows.length,
    lackingIds: rows.filter((r) => !r.inReach).map((r) => r.id),
  };
}
