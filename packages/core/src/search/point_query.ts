import type { RoadNetwork } from '../network/road_network';
import type { Snap } from '../network/snap_index';
import { TypedHeap } from '../network/typed_heap';
import { effectiveArcCosts, linkArcs, reverseArcCosts, reverseGraph } from './arc_costs';
import { runDijkstra, type SearchOptions, type SearchSource } from './multi_source_search';

/** A place to reach: a node, or a point on a link. Exactly one of the two. */
export interface SearchTarget {
  node?: number;
  snap?: Snap;
}

export interface RankedSource {
  /** Index into `sources`. */
  source: number;
  /** Arrival cost at the target including the source's `startCost` (seconds or metres). */
  cost: number;
  /**
   * Arc indices travelled from the source to the target, in order. A snapped source's first arc and a
   * snapped target's last arc are travelled only in part; a source on the target's own link that drives
   * straight to it has a single arc.
   */
  route: number[];
}

const heap = new TypedHeap(1 << 12);

/**
 * The first, second, third … due sources for one target (e.g. which stations reach an address first, and
 * how long each takes): one search over the reversed arcs from the target, then every source is read off.
 * Exact for mid-link sources and targets. Sorted by cost, equal costs by source index; sources that
 * cannot reach the target within the budget are left out, so fewer than `k` may come back.
 * Options as for `multiSourceSearch` (budget inclusive, directed, metric; `workspace` is not used).
 */
export function rankSources(
  net: RoadNetwork,
  target: SearchTarget,
  sources: readonly SearchSource[],
  k = 3,
  options: SearchOptions = {},
): RankedSource[] {
  const budget = options.budget ?? Infinity;
  const directed = options.directed ?? true;
  const metric = options.metric ?? 'time';
  const fwdCost = effectiveArcCosts(net, metric, directed);
  const revCost = reverseArcCosts(net, metric, directed);
  const rev = reverseGraph(net);
  const la = linkArcs(net);

  // dist[n]: cost from node n to the target; next[n]: reversed-CSR position of the first arc to take
  const n = net.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const tie = new Int32Array(n);
  const next = new Int32Array(n).fill(-1);
  heap.clear();
  const seed = (node: number, c: number): void => {
    if (c <= budget && c < dist[node]) {
      dist[node] = c;
      heap.push(node, c, 0);
    }
  };
  const tSnap = target.snap;
  if ((target.node === undefined) === (tSnap === undefined)) throw new RangeError('target must have exactly one of node / snap');
  let tF = Infinity;
  let tB = Infinity;
  if (target.node !== undefined) {
    if (!(Number.isInteger(target.node) && target.node >= 0 && target.node < n)) throw new RangeError(`target node ${target.node} is not a node index`);
    seed(target.node, 0);
  } else {
    const l = tSnap!.link;
    if (!(Number.isInteger(l) && l >= 0 && l < net.linkCount)) throw new RangeError(`target snap link ${l} is not a link index`);
    tF = fwdCost[la[l << 1]];
    tB = fwdCost[la[(l << 1) | 1]];
    // arriving at the target point: along the link forward from its source, or backward from its target
    if (tF < Infinity) seed(net.linkSource[l], tF * tSnap!.fraction);
    if (tB < Infinity) seed(net.linkTarget[l], tB * (1 - tSnap!.fraction));
  }
  runDijkstra(rev.revOffset, rev.revTail, revCost, budget, dist, tie, next, heap, null, 0);

  /** Arcs from node `u` to the target. */
  const routeFrom = (u: number): number[] => {
    const route: number[] = [];
    let x = u;
    while (next[x] >= 0) {
      const a = rev.revArc[next[x]];
      route.push(a);
      x = net.arcHead[a];
    }
    if (tSnap) {
      const l = tSnap.link;
      // which end of the target's link the route arrives at (the seed that gave dist[x])
      const viaSource = x === net.linkSource[l] && tF < Infinity && dist[x] === tF * tSnap.fraction;
      route.push(la[(l << 1) | (viaSource ? 0 : 1)]);
    }
    return route;
  };

  const ranked: Array<{ source: number; cost: number; build: () => number[] }> = [];
  for (let s = 0; s < sources.length; s++) {
    const src = sources[s];
    const sc = src.startCost;
    if (!(sc >= 0 && sc < Infinity)) throw new RangeError(`sources[${s}].startCost must be a finite number ≥ 0, got ${sc}`);
    if ((src.node === undefined) === (src.snap === undefined)) throw new RangeError(`sources[${s}] must have exactly one of node / snap`);
    let best = Infinity;
    let build: () => number[] = () => [];
    if (src.node !== undefined) {
      if (!(Number.isInteger(src.node) && src.node >= 0 && src.node < n)) throw new RangeError(`sources[${s}].node ${src.node} is not a node index`);
      const node = src.node;
      best = sc + dist[node];
      build = () => routeFrom(node);
    } else {
      const { link: l, fraction: g } = src.snap!;
      if (!(Number.isInteger(l) && l >= 0 && l < net.linkCount)) throw new RangeError(`sources[${s}].snap.link ${l} is not a link index`);
      const F = fwdCost[la[l << 1]];
      const B = fwdCost[la[(l << 1) | 1]];
      const fArc = la[l << 1];
      const bArc = la[(l << 1) | 1];
      if (F < Infinity) {
        const c = sc + F * (1 - g) + dist[net.linkTarget[l]];
        if (c < best) {
          best = c;
          build = () => [fArc, ...routeFrom(net.linkTarget[l])];
        }
      }
      if (B < Infinity) {
        const c = sc + B * g + dist[net.linkSource[l]];
        if (c < best) {
          best = c;
          build = () => [bArc, ...routeFrom(net.linkSource[l])];
        }
      }
      // straight along the shared link to a target on the same link
      if (tSnap && tSnap.link === l) {
        const f = tSnap.fraction;
        if (f >= g && F < Infinity && sc + F * (f - g) < best) {
          best = sc + F * (f - g);
          build = () => [fArc];
        }
        if (f <= g && B < Infinity && sc + B * (g - f) < best) {
          best = sc + B * (g - f);
          build = () => [bArc];
        }
      }
    }
    if (best <= budget && best < Infinity) ranked.push({ source: s, cost: best, build });
  }
  ranked.sort((a, b) => a.cost - b.cost || a.source - b.source);
  const top = ranked.slice(0, Math.max(0, k));
  return top.map((r) => ({ source: r.source, cost: r.cost, route: r.build() }));
}
