import type { RoadNetwork } from '../network/road_network';

/** What an arc costs in a search: travel time (seconds) or road length (metres). */
export type SearchMetric = 'time' | 'length';

/**
 * Per-arc costs for a search mode, aligned with the network's CSR arcs. Cached per network object
 * (a network with new costs, from `withLinkCosts`, is a new object and gets its own cache entry).
 *
 * - time, directed: `arcCostS` as is.
 * - time, undirected: min(forward, backward) of the link in both directions (pgRouting `directed := false`:
 *   each travellable direction becomes an undirected edge, so the cheaper one counts).
 * - length, directed: `linkLengthM` where the arc's travel time is finite, else Infinity.
 * - length, undirected: `linkLengthM` where either direction is travellable, else Infinity.
 */
export function effectiveArcCosts(net: RoadNetwork, metric: SearchMetric, directed: boolean): Float32Array {
  if (metric === 'time' && directed) return net.arcCostS;
  const cache = cacheOf(net);
  const key = `${metric}:${directed ? 'd' : 'u'}`;
  let c = cache.costs.get(key);
  if (!c) {
    c = new Float32Array(net.arcLink.length);
    for (let a = 0; a < c.length; a++) {
      const l = net.arcLink[a] >>> 1;
      const f = net.linkForwardS[l];
      const b = net.linkBackwardS[l];
      if (metric === 'time') c[a] = Math.min(f, b);
      else if (directed) c[a] = net.arcCostS[a] < Infinity ? net.linkLengthM[l] : Infinity;
      else c[a] = f < Infinity || b < Infinity ? net.linkLengthM[l] : Infinity;
    }
    cache.costs.set(key, c);
  }
  return c;
}

/** Arc index of each link direction: `linkArcs(net)[link << 1 | direction]`. Cached per network. */
export function linkArcs(net: RoadNetwork): Int32Array {
  const cache = cacheOf(net);
  if (!cache.linkArc) {
    const la = new Int32Array(2 * net.linkCount);
    for (let a = 0; a < net.arcLink.length; a++) la[net.arcLink[a]] = a;
    cache.linkArc = la;
  }
  return cache.linkArc;
}

/**
 * The reversed graph in CSR form: arcs *entering* node n are positions `revOffset[n] .. revOffset[n+1]-1`;
 * `revArc[i]` is the forward arc index and `revTail[i]` its tail node. Built on first use and cached.
 */
export interface ReverseGraph {
  readonly revOffset: Uint32Array;
  readonly revArc: Uint32Array;
  readonly revTail: Uint32Array;
}

export function reverseGraph(net: RoadNetwork): ReverseGraph {
  const cache = cacheOf(net);
  if (!cache.reverse) {
    const n = net.nodeCount;
    const arcCount = net.arcHead.length;
    const revOffset = new Uint32Array(n + 1);
    for (let a = 0; a < arcCount; a++) revOffset[net.arcHead[a] + 1]++;
    for (let i = 0; i < n; i++) revOffset[i + 1] += revOffset[i];
    const fill = revOffset.slice(0, n);
    const revArc = new Uint32Array(arcCount);
    const revTail = new Uint32Array(arcCount);
    for (let u = 0; u < n; u++) {
      for (let a = net.arcOffset[u]; a < net.arcOffset[u + 1]; a++) {
        const i = fill[net.arcHead[a]]++;
        revArc[i] = a;
        revTail[i] = u;
      }
    }
    cache.reverse = { revOffset, revArc, revTail };
  }
  return cache.reverse;
}

/** Costs of the reversed graph's arcs (aligned with `revArc`) for a search mode. Cached. */
export function reverseArcCosts(net: RoadNetwork, metric: SearchMetric, directed: boolean): Float32Array {
  const cache = cacheOf(net);
  const key = `rev:${metric}:${directed ? 'd' : 'u'}`;
  let c = cache.costs.get(key);
  if (!c) {
    const fwd = effectiveArcCosts(net, metric, directed);
    const { revArc } = reverseGraph(net);
    c = new Float32Array(revArc.length);
    for (let i = 0; i < c.length; i++) c[i] = fwd[revArc[i]];
    cache.costs.set(key, c);
  }
  return c;
}

interface NetCache {
  costs: Map<string, Float32Array>;
  linkArc?: Int32Array;
  reverse?: ReverseGraph;
}

const caches = new WeakMap<RoadNetwork, NetCache>();

function cacheOf(net: RoadNetwork): NetCache {
  let c = caches.get(net);
  if (!c) {
    c = { costs: new Map() };
    caches.set(net, c);
  }
  return c;
}
