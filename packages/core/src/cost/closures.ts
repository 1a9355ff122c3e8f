import type { MultiPolygon, Polygon, Position } from 'geojson';
import { InputError } from '../input_error';
import { pointInPolygon } from '../spatial/point_in_polygon';
import { LinkFlag } from '../network/road_class';
import { withLinkCosts, type RoadNetwork } from '../network/road_network';

/** Roads closed for a scenario (roadworks, a flooded underpass, an event). */
export interface RoadClosures {
  /** Link ids (`RoadNetwork.linkId`: pgRouting edge id, or the sequential id of OSM/GeoJSON links). */
  linkIds?: number[];
  /** OSM way ids: every link cut from the way. */
  wayIds?: number[];
  /** Every link whose geometry enters one of these areas (a vertex inside, or a segment crossing an edge). */
  polygons?: (Polygon | MultiPolygon)[];
  /** Where the closures came from, for error messages; default "closures". */
  source?: string;
}

/** Which links a set of closures closes, per closure given. */
export interface ClosureReport {
  /** Link indices closed, ascending, each once. */
  linkIndices: number[];
  /** Link indices closed by each given link id / way id / polygon, in the order given. */
  byLinkId: number[][];
  byWayId: number[][];
  byPolygon: number[][];
}

/**
 * Which links the closures hit. An id that names no link is an `InputError` (a typo would silently
 * leave a road open); a polygon that touches no road is not an error (its list is empty).
 */
export function findClosedLinks(net: RoadNetwork, c: RoadClosures): ClosureReport {
  const file = c.source ?? 'closures';
  const linkIndex = new Map<number, number[]>();
  if (c.linkIds?.length) for (let l = 0; l < net.linkCount; l++) push(linkIndex, net.linkId[l], l);
  const wayIndex = new Map<number, number[]>();
  if (c.wayIds?.length) for (let l = 0; l < net.linkCount; l++) push(wayIndex, net.linkWayId[l], l);

  const byLinkId = (c.linkIds ?? []).map((id, i) => {
    const ls = linkIndex.get(id);
    if (!ls) throw new InputError({ file, feature: `linkIds[${i}]` }, `no road link with id ${id}`, `没有编号为 ${id} 的路段`);
    return ls;
  });
  const byWayId = (c.wayIds ?? []).map((id, i) => {
    const ls = wayIndex.get(id);
    if (!ls) throw new InputError({ file, feature: `wayIds[${i}]` }, `no road link from OSM way ${id}`, `没有来自 OSM 路线 ${id} 的路段`);
    return ls;
  });
  const byPolygon = (c.polygons ?? []).map((g, i) => {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : undefined;
    if (!polys || polys.some((p) => p.length === 0 || p.some((r) => r.length < 4))) {
      throw new InputError({ file, feature: `polygons[${i}]` }, 'closure area must be a GeoJSON Polygon or MultiPolygon with closed rings of 4+ positions', '封闭区域必须是 GeoJSON Polygon 或 MultiPolygon');
    }
    const hit: number[] = [];
    for (const p of polys) for (let l = 0; l < net.linkCount; l++) if (linkEntersPolygon(net, l, p)) hit.push(l);
    return [...new Set(hit)].sort((a, b) => a - b);
  });
  const all = new Set<number>();
  for (const list of [...byLinkId, ...byWayId, ...byPolygon]) for (const l of list) all.add(l);
  return { linkIndices: [...all].sort((a, b) => a - b), byLinkId, byWayId, byPolygon };
}

/**
 * A new network with the closed links flagged `LinkFlag.CLOSED` and costing Infinity both ways.
 * The input network is not changed; topology and geometry arrays are shared.
 */
export function closeRoads(net: RoadNetwork, c: RoadClosures): RoadNetwork {
  return closeLinks(net, findClosedLinks(net, c).linkIndices);
}

/** Closes the given link indices (see `closeRoads`). */
export function closeLinks(net: RoadNetwork, linkIndices: readonly number[]): RoadNetwork {
  const flags = net.linkFlags.slice();
  const fwd = net.linkForwardS.slice();
  const bwd = net.linkBackwardS.slice();
  for (const l of linkIndices) {
    flags[l] |= LinkFlag.CLOSED;
    fwd[l] = Infinity;
    bwd[l] = Infinity;
  }
  return { ...withLinkCosts(net, fwd, bwd), linkFlags: flags };
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

function segmentsCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  const on = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean =>
    Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  return (o1 === 0 && on(ax, ay, bx, by, cx, cy)) || (o2 === 0 && on(ax, ay, bx, by, dx, dy)) || (o3 === 0 && on(cx, cy, dx, dy, ax, ay)) || (o4 === 0 && on(cx, cy, dx, dy, bx, by));
}

/** A vertex of the link inside the polygon (holes excluded), or a link segment crossing a ring edge. */
function linkEntersPolygon(net: RoadNetwork, l: number, rings: Position[][]): boolean {
  const g0 = net.geomOffset[l];
  const g1 = net.geomOffset[l + 1];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of rings[0]) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  let near = false;
  for (let i = g0; i < g1; i++) {
    const x = net.geomLon[i];
    const y = net.geomLat[i];
    if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
      if (pointInPolygon(x, y, rings)) return true;
      near = true;
    }
  }
  // A segment can cross the area with both ends outside its bounding box; test it when its box overlaps.
  for (let i = g0 + 1; i < g1; i++) {
    const ax = net.geomLon[i - 1];
    const ay = net.geomLat[i - 1];
    const bx = net.geomLon[i];
    const by = net.geomLat[i];
    if (!near && (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX || Math.max(ay, by) < minY || Math.min(ay, by) > maxY)) continue;
    for (const ring of rings) {
      for (let k = 1; k < ring.length; k++) {
        if (segmentsCross(ax, ay, bx, by, ring[k - 1][0], ring[k - 1][1], ring[k][0], ring[k][1])) return true;
      }
    }
  }
  return false;
}
