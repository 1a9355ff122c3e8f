import type { RoadNetwork } from './road_network';
import { rulerAt } from './geodesy';

/**
 * Positions along a link by metres from its source node, in the units of `linkLengthM`. The drawn
 * geometry's lengths are scaled to the stored length (an edge table may give its own `length_m`), so a
 * piece covering 40 % of the link's length covers 40 % of its drawn line and offsets from a search line
 * up with the drawing. The one place that slices link geometry: coverage, water and the CLI use it.
 */

/** Cumulative geometry lengths of link `l` scaled to `linkLengthM[l]`, one per geometry point. */
export function linkCumulativeM(net: RoadNetwork, l: number): Float64Array {
  const s = net.geomOffset[l];
  const e = net.geomOffset[l + 1];
  const cum = new Float64Array(e - s);
  if (e - s < 2) return cum;
  const ruler = rulerAt(net.geomLat[s]);
  for (let i = s + 1; i < e; i++) {
    cum[i - s] = cum[i - s - 1] + ruler.distance([net.geomLon[i - 1], net.geomLat[i - 1]], [net.geomLon[i], net.geomLat[i]]);
  }
  const total = cum[cum.length - 1];
  const L = net.linkLengthM[l];
  if (total > 0) for (let i = 0; i < cum.length; i++) cum[i] *= L / total;
  else for (let i = 0; i < cum.length; i++) cum[i] = (L * i) / (cum.length - 1);
  return cum;
}

/**
 * The point at `offsetM` from the source node of link `l` (clamped to the link), and the unit
 * direction of travel there (east, north; at a vertex, the direction of the segment ending there).
 */
export function pointOnLink(net: RoadNetwork, l: number, offsetM: number, cum = linkCumulativeM(net, l)): { lon: number; lat: number; dirX: number; dirY: number } {
  const s = net.geomOffset[l];
  const n = cum.length;
  let i = 1;
  while (i < n - 1 && cum[i] < offsetM) i++;
  const a = cum[i - 1];
  const b = cum[i];
  const t = b > a ? Math.min(1, Math.max(0, (offsetM - a) / (b - a))) : 0;
  const lon1 = net.geomLon[s + i - 1];
  const lat1 = net.geomLat[s + i - 1];
  const lon2 = net.geomLon[s + i];
  const lat2 = net.geomLat[s + i];
  const ruler = rulerAt(lat1);
  const dx = (lon2 - lon1) * ruler.kx;
  const dy = (lat2 - lat1) * ruler.ky;
  const len = Math.hypot(dx, dy) || 1;
  return { lon: lon1 + t * (lon2 - lon1), lat: lat1 + t * (lat2 - lat1), dirX: dx / len, dirY: dy / len };
}

/**
 * Coordinates [lon, lat] of link `l` between offsets `fromM` and `toM` (either order; the result runs
 * from `fromM` to `toM`): the two end points (clamped to the link) and every vertex strictly between.
 * Not rounded: callers round for their output.
 */
export function linkSlice(net: RoadNetwork, l: number, fromM: number, toM: number, cum = linkCumulativeM(net, l)): [number, number][] {
  const rev = toM < fromM;
  const a = rev ? toM : fromM;
  const b = rev ? fromM : toM;
  const s = net.geomOffset[l];
  const out: [number, number][] = [];
  const p = pointOnLink(net, l, a, cum);
  out.push([p.lon, p.lat]);
  for (let i = 1; i < cum.length - 1; i++) {
    if (cum[i] > a && cum[i] < b) out.push([net.geomLon[s + i], net.geomLat[s + i]]);
  }
  const q = pointOnLink(net, l, b, cum);
  out.push([q.lon, q.lat]);
  if (rev) out.reverse();
  return out;
}
