import type { RoadNetwork } from '../network/road_network';
import type { NetworkPlace } from '../network/network_place';
import { mergeIntervals } from './intervals';
import { multiSourceSearch, type SearchResult, type SearchWorkspace } from '../search/multi_source_search';

export { mergeIntervals, complementIntervals, intervalsLength, GAP_EPS_M } from './intervals';

/**
 * Distances along the road network from points that sit mid-link (hydrants, water cranes, intake
 * points), for the water analyses.
 *
 * Hose distances are undirected lengths (a hose is laid along a road in either direction, one-way
 * streets included; links closed both ways are not roads), bounded: nodes farther than the bound keep `Infinity`. From the node
 * distances and the sources on each link, the distance at every point x of a link is exactly
 *
 *   d(x) = min( dSource + x, dTarget + (L − x), min over sources h on the link |x − h| ),
 *
 * so the set of points within r of a source is a union of closed intervals computed per link without
 * sampling (`coveredIntervals`).
 */

/** Sources grouped by link (CSR), offsets ascending within a link. */
export interface LinkSources {
  /** Sources on link l are `offsetsM[start[l] .. start[l+1]-1]`. */
  start: Uint32Array;
  offsetsM: Float64Array;
  /** Index into the caller's source list, aligned with `offsetsM`. */
  index: Uint32Array;
}

export function groupByLink(net: RoadNetwork, points: readonly NetworkPlace[]): LinkSources {
  const start = new Uint32Array(net.linkCount + 1);
  for (const p of points) start[p.link + 1]++;
  for (let l = 0; l < net.linkCount; l++) start[l + 1] += start[l];
  const fill = start.slice(0, net.linkCount);
  const offsetsM = new Float64Array(points.length);
  const index = new Uint32Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const k = fill[points[i].link]++;
    offsetsM[k] = points[i].offsetM;
    index[k] = i;
  }
  // Insertion sort per link: links carry few sources each.
  for (let l = 0; l < net.linkCount; l++) {
    for (let i = start[l] + 1; i < start[l + 1]; i++) {
      const o = offsetsM[i];
      const ix = index[i];
      let j = i - 1;
      while (j >= start[l] && (offsetsM[j] > o || (offsetsM[j] === o && index[j] > ix))) {
        offsetsM[j + 1] = offsetsM[j];
        index[j + 1] = index[j];
        j--;
      }
      offsetsM[j + 1] = o;
      index[j + 1] = ix;
    }
  }
  return { start, offsetsM, index };
}

/** An along-road distance field from a set of sources. */
export interface HoseField {
  net: RoadNetwork;
  /** Metres from each node to the nearest source along the network; Infinity beyond `boundM`. */
  nodeM: Float64Array;
  sources: LinkSources;
  boundM: number;
  /** The search behind it (for land surfaces). */
  search: SearchResult;
}

/**
 * Undirected length-metric multi-source search (`search/`'s `multiSourceSearch`, `metric: 'length'`,
 * `directed: false`) from places on links, bounded by `boundM` metres. With a `workspace` the field's
 * arrays are the workspace's (valid until its next search).
 */
export function hoseField(net: RoadNetwork, places: readonly NetworkPlace[], boundM: number, workspace?: SearchWorkspace): HoseField {
  const sources = groupByLink(net, places);
  const search = multiSourceSearch(
    net,
    places.map((snap) => ({ snap, startCost: 0 })),
    { metric: 'length', directed: false, budget: boundM, workspace },
  );
  return { net, nodeM: search.cost, sources, boundM, search };
}

/**
 * The parts of link `l` within `radiusM` of a source (closed intervals [from, to] in metres from the
 * source node, merged, ascending). `radiusM` must not exceed the field's bound.
 */
export function coveredIntervals(f: HoseField, l: number, radiusM: number): number[] {
  const L = f.net.linkLengthM[l];
  const raw: number[] = [];
  const dA = f.nodeM[f.net.linkSource[l]];
  const dB = f.nodeM[f.net.linkTarget[l]];
  if (dA <= radiusM) raw.push(0, Math.min(L, radiusM - dA));
  const { start, offsetsM } = f.sources;
  for (let i = start[l]; i < start[l + 1]; i++) raw.push(Math.max(0, offsetsM[i] - radiusM), Math.min(L, offsetsM[i] + radiusM));
  if (dB <= radiusM) raw.push(Math.max(0, L - (radiusM - dB)), L);
  return mergeIntervals(raw);
}

/**
 * Driving-time field (time metric, one-way streets and closures respected) from places on links: one
 * `multiSourceSearch`.
 * `toSources = false`: seconds from the nearest source to each node (an engine leaving the source).
 * `toSources = true`: seconds from each node to its nearest source (an engine driving to the source,
 * a reverse search). `label[n]` is the index of the winning source (-1 unreached). Bounded by `boundS`.
 */
export function timeField(
  net: RoadNetwork,
  places: readonly NetworkPlace[],
  boundS: number,
  toSources: boolean,
  workspace?: SearchWorkspace,
): { nodeS: Float64Array; label: Int32Array; search: SearchResult } {
  const search = multiSourceSearch(
    net,
    places.map((snap) => ({ snap, startCost: 0 })),
    { metric: 'time', directed: true, budget: boundS, direction: toSources ? 'reverse' : 'forward', workspace },
  );
  return { nodeS: search.cost, label: search.source, search };
}

/**
 * The parts of link `l` an engine reaches within `limitS` driving from the sources of a forward
 * `timeField` (seconds at nodes) — closed intervals in metres from the source node. Sources on the
 * link itself are `own` (their offsets).
 */
export function reachedIntervals(net: RoadNetwork, nodeS: Float64Array, l: number, limitS: number, own: readonly number[] = []): number[] {
  const L = net.linkLengthM[l];
  const fw = net.linkForwardS[l];
  const bw = net.linkBackwardS[l];
  const raw: number[] = [];
  const dA = nodeS[net.linkSource[l]];
  const dB = nodeS[net.linkTarget[l]];
  if (dA <= limitS) raw.push(0, fw > 0 ? Math.min(L, ((limitS - dA) / fw) * L) : L);
  if (dB <= limitS) raw.push(bw > 0 ? Math.max(0, L - ((limitS - dB) / bw) * L) : 0, L);
  for (const h of own) {
    raw.push(bw > 0 ? Math.max(0, h - (limitS / bw) * L) : 0, fw > 0 ? Math.min(L, h + (limitS / fw) * L) : L);
  }
  return mergeIntervals(raw);
}
