import type { RoadNetwork } from '../network/road_network';
import { arcTurnRules, type ArcTurnRules, type TurnModel, type TurnPenalties } from '../network/turn_restrictions';
import type { SearchMetric } from './arc_costs';

/** Default angle bands of `TurnPenalties`, degrees (a local modelling choice, see docs/search.md). */
export const TURN_STRAIGHT_MAX_DEG = 30;
export const TURN_U_MIN_DEG = 150;

/** The turn rules of one search, compiled onto arcs: restrictions and/or penalties. */
export interface CompiledTurns {
  rules: ArcTurnRules | null;
  penalties: CompiledPenalties | null;
}

export interface CompiledPenalties {
  leftS: number;
  rightS: number;
  uTurnS: number;
  straightS: number;
  straightMaxDeg: number;
  uTurnMinDeg: number;
  /** Per arc: compass bearing (degrees, 0 = north, clockwise) of its last segment, arriving at its head. */
  inBearing: Float32Array;
  /** Per arc: bearing of its first segment, leaving its tail. */
  outBearing: Float32Array;
  /** Per node: 1 when three or more link ends meet there (a junction: turns there are penalised). */
  junction: Uint8Array;
}

/**
 * What turn handling a search on `net` needs, or null for the plain node search: restrictions apply
 * when the model asks for them and there are any; penalties apply to time searches when one is > 0.
 * Undirected searches (hose lengths, walking) never apply turns.
 */
export function compileTurns(net: RoadNetwork, model: TurnModel | null | undefined, metric: SearchMetric, directed: boolean): CompiledTurns | null {
  if (!model || !directed) return null;
  const table = model.table ?? net.turnRestrictions;
  const rules = model.restrictions !== false && table && table.count > 0 ? arcTurnRules(net, table) : null;
  const p: TurnPenalties = model.penalties ?? {};
  const any = (p.leftS ?? 0) > 0 || (p.rightS ?? 0) > 0 || (p.uTurnS ?? 0) > 0 || (p.straightS ?? 0) > 0;
  const penalties = metric === 'time' && any ? compilePenalties(net, p) : null;
  return rules || penalties ? { rules, penalties } : null;
}

const geometryCache = new WeakMap<Float64Array, { inBearing: Float32Array; outBearing: Float32Array; junction: Uint8Array }>();

function compilePenalties(net: RoadNetwork, p: TurnPenalties): CompiledPenalties {
  let g = geometryCache.get(net.geomLon);
  if (!g || g.inBearing.length !== net.arcLink.length) {
    g = arcBearings(net);
    geometryCache.set(net.geomLon, g);
  }
  return {
    leftS: p.leftS ?? 0,
    rightS: p.rightS ?? 0,
    uTurnS: p.uTurnS ?? 0,
    straightS: p.straightS ?? 0,
    straightMaxDeg: p.straightMaxDeg ?? TURN_STRAIGHT_MAX_DEG,
    uTurnMinDeg: p.uTurnMinDeg ?? TURN_U_MIN_DEG,
    ...g,
  };
}

/** Bearing from (lon1, lat1) to (lon2, lat2), degrees clockwise from north (local flat approximation). */
function bearingDeg(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return (Math.atan2((lon2 - lon1) * k, lat2 - lat1) * 180) / Math.PI;
}

/** Per-arc arriving and leaving bearings from the link geometry (repeated points skipped), and junction nodes. */
export function arcBearings(net: RoadNetwork): { inBearing: Float32Array; outBearing: Float32Array; junction: Uint8Array } {
  const A = net.arcLink.length;
  const inBearing = new Float32Array(A);
  const outBearing = new Float32Array(A);
  const { geomOffset, geomLon: x, geomLat: y } = net;
  for (let a = 0; a < A; a++) {
    const ld = net.arcLink[a];
    const l = ld >>> 1;
    const s = geomOffset[l];
    const e = geomOffset[l + 1] - 1;
    const n = e - s + 1;
    const back = (ld & 1) === 1;
    // point k of the link in the direction of travel
    const px = (k: number): number => (back ? x[e - k] : x[s + k]);
    const py = (k: number): number => (back ? y[e - k] : y[s + k]);
    let i = 1;
    while (i < n - 1 && px(i) === px(0) && py(i) === py(0)) i++;
    outBearing[a] = bearingDeg(px(0), py(0), px(i), py(i));
    let j = n - 2;
    while (j > 0 && px(j) === px(n - 1) && py(j) === py(n - 1)) j--;
    inBearing[a] = bearingDeg(px(j), py(j), px(n - 1), py(n - 1));
  }
  const junction = new Uint8Array(net.nodeCount);
  for (let n = 0; n < net.nodeCount; n++) if (net.arcOffset[n + 1] - net.arcOffset[n] >= 3) junction[n] = 1;
  return { inBearing, outBearing, junction };
}

/** The signed turn angle from arc `a` into arc `b`, degrees in (−180, 180]: positive turns right (clockwise). */
export function turnAngleDeg(p: CompiledPenalties, a: number, b: number): number {
  let t = p.outBearing[b] - p.inBearing[a];
  while (t > 180) t -= 360;
  while (t <= -180) t += 360;
  return t;
}

/**
 * Seconds added for the move from arc `a` into arc `b` at the node between them. A move back along the
 * same link is a U-turn anywhere (dead ends included); other moves are penalised only at junctions.
 */
export function turnPenaltyS(p: CompiledPenalties, net: RoadNetwork, a: number, b: number): number {
  if (net.arcLink[a] >>> 1 === net.arcLink[b] >>> 1 && a !== b) return p.uTurnS;
  if (p.junction[net.arcHead[a]] === 0) return 0;
  const t = turnAngleDeg(p, a, b);
  const m = Math.abs(t);
  if (m >= p.uTurnMinDeg) return p.uTurnS;
  if (m <= p.straightMaxDeg) return p.straightS;
  return t > 0 ? p.rightS : p.leftS;
}
