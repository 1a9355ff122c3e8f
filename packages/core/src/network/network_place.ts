import type { RoadNetwork } from './road_network';

/**
 * A place on the road network: a point on a link. The one notion of "where" shared by snapping (a
 * `Snap` is a `NetworkPlace` plus the query point's distance and the snapped lon/lat), search sources
 * and targets, hydrants, intake points and coverage.
 */
export interface NetworkPlace {
  /** Link index (position in the `RoadNetwork` link arrays). */
  link: number;
  /** Metres from the link's source node along its geometry (in the units of `linkLengthM`). */
  offsetM: number;
  /** `offsetM / linkLengthM`, 0..1 (0 = at the source node, 1 = at the target node). */
  fraction: number;
}

/**
 * Where a search starts or ends: a graph node, or a place on a link. Exactly one of `node` / `snap`
 * (the field keeps its historical name: any `NetworkPlace` goes there, a `Snap` included).
 */
export interface NodeOrPlace {
  /** Node index. */
  node?: number;
  /** A place on a link (mid-link). */
  snap?: NetworkPlace;
}

/** The place `offsetM` metres along link `link` (clamped to the link), with its fraction. */
export function placeOnLink(net: RoadNetwork, link: number, offsetM: number): NetworkPlace {
  const L = net.linkLengthM[link];
  const o = Math.min(L, Math.max(0, offsetM));
  return { link, offsetM: o, fraction: L > 0 ? o / L : 0 };
}

/** A place within this distance of a link end is at that end's node, metres. */
export const AT_NODE_TOLERANCE_M = 0.001;

/**
 * The node a place coincides with (a link end, within 1 mm), or -1 for a mid-link place. Searches
 * treat a place at a node as that node: otherwise a point exactly at a junction, snapped to the end of
 * a one-way link pointing away from it, could not use the junction's other roads.
 */
export function placeEndNode(net: RoadNetwork, place: NetworkPlace): number {
  const len = net.linkLengthM[place.link];
  if (place.fraction <= 0 || place.offsetM <= AT_NODE_TOLERANCE_M) return net.linkSource[place.link];
  if (place.fraction >= 1 || place.offsetM >= len - AT_NODE_TOLERANCE_M) return net.linkTarget[place.link];
  return -1;
}

/**
 * The same place as a node when a place on a link lies at a link end (see `placeEndNode`), else as
 * given. Malformed input (no link, a link out of range) is passed through for the caller's checks.
 */
export function normalisePlace<T extends NodeOrPlace>(net: RoadNetwork, p: T): T {
  const pl = p.snap;
  if (p.node !== undefined || !pl || !(pl.link >= 0 && pl.link < net.linkCount)) return p;
  const node = placeEndNode(net, pl);
  return node >= 0 ? { ...p, node, snap: undefined } : p;
}
