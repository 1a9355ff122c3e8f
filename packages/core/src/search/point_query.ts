import type { RoadNetwork } from '../network/road_network';
import { normalisePlace, type NodeOrPlace } from '../network/network_place';
import { effectiveArcCosts, linkArcs } from './arc_costs';
import { multiSourceSearch, SearchWorkspace, type SearchOptions, type SearchSource } from './multi_source_search';

/** A place to reach: a node, or a place on a link. Exactly one of the two. */
export type SearchTarget = NodeOrPlace;

/** One source in the first/second/third-due ranking at a target, with its arrival cost. */
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

/** A workspace per network for point queries called without one (their results never leave the call). */
const workspaces = new WeakMap<RoadNetwork, SearchWorkspace>();

function workspaceFor(net: RoadNetwork): SearchWorkspace {
  let ws = workspaces.get(net);
  if (!ws) {
    ws = new SearchWorkspace(net.nodeCount);
    workspaces.set(net, ws);
  }
  return ws;
}

/**
 * The first, second, third … due sources for one target (which stations reach an address first, and how
 * long each takes): one reverse `multiSourceSearch` from the target (cost from every node to the
 * target), read at each source's place plus its `startCost`; the search stops as soon as the `k` best
 * sources are certain. Exact for mid-link sources and targets. Sorted by cost, equal costs by source
 * index; sources that cannot reach the target within the budget are left out, so fewer than `k` may come
 * back. Options as for `multiSourceSearch` (budget inclusive, directed, metric); `workspace` is used for
 * the search (its arrays are overwritten), else a workspace kept per network.
 */
export function rankSources(
  net: RoadNetwork,
  targetIn: SearchTarget,
  sourcesIn: readonly SearchSource[],
  k = 3,
  options: SearchOptions = {},
): RankedSource[] {
  // a position at a link end is that node (see placeEndNode): its other roads are usable too
  const target = normalisePlace(net, targetIn);
  const sources = sourcesIn.map((s) => normalisePlace(net, s));
  const budget = options.budget ?? Infinity;
  const directed = options.directed ?? true;
  const metric = options.metric ?? 'time';
  const fwdCost = effectiveArcCosts(net, metric, directed);
  const la = linkArcs(net);
  const n = net.nodeCount;
  const S = sources.length;
  if (k <= 0 || S === 0) return [];

  const tSnap = target.snap;
  if ((target.node === undefined) === (tSnap === undefined)) throw new RangeError('target must have exactly one of node / snap');
  let tF = Infinity;
  if (target.node !== undefined) {
    if (!(Number.isInteger(target.node) && target.node >= 0 && target.node < n)) throw new RangeError(`target node ${target.node} is not a node index`);
  } else {
    const l = tSnap!.link;
    if (!(Number.isInteger(l) && l >= 0 && l < net.linkCount)) throw new RangeError(`target snap link ${l} is not a link index`);
    if (!(tSnap!.fraction >= 0 && tSnap!.fraction <= 1)) throw new RangeError(`target snap fraction must be within 0..1, got ${tSnap!.fraction}`);
    tF = fwdCost[la[l << 1]];
  }

  // What each source waits for: node v settled → candidate cost extra + cost[v], first arc (or -1).
  const watch = new Map<number, Array<{ s: number; extra: number; firstArc: number }>>();
  const addWatch = (v: number, s: number, extra: number, firstArc: number): void => {
    const list = watch.get(v);
    if (list) list.push({ s, extra, firstArc });
    else watch.set(v, [{ s, extra, firstArc }]);
  };
  const cand = new Float64Array(S).fill(Infinity);
  const candNode = new Int32Array(S).fill(-1); // node the route continues from; -1: straight along the target's link
  const candArc = new Int32Array(S).fill(-1); // first arc (snapped source), or -1
  let minStart = Infinity;
  for (let s = 0; s < S; s++) {
    const src = sources[s];
    const sc = src.startCost;
    if (!(sc >= 0 && sc < Infinity)) throw new RangeError(`sources[${s}].startCost must be a finite number ≥ 0, got ${sc}`);
    if ((src.node === undefined) === (src.snap === undefined)) throw new RangeError(`sources[${s}] must have exactly one of node / snap`);
    minStart = Math.min(minStart, sc);
    if (src.node !== undefined) {
      if (!(Number.isInteger(src.node) && src.node >= 0 && src.node < n)) throw new RangeError(`sources[${s}].node ${src.node} is not a node index`);
      addWatch(src.node, s, sc, -1);
      continue;
    }
    const { link: l, fraction: g } = src.snap!;
    if (!(Number.isInteger(l) && l >= 0 && l < net.linkCount)) throw new RangeError(`sources[${s}].snap.link ${l} is not a link index`);
    if (!(g >= 0 && g <= 1)) throw new RangeError(`sources[${s}].snap.fraction must be within 0..1, got ${g}`);
    const fArc = la[l << 1];
    const bArc = la[(l << 1) | 1];
    const F = fwdCost[fArc];
    const B = fwdCost[bArc];
    if (F < Infinity) addWatch(net.linkTarget[l], s, sc + F * (1 - g), fArc);
    if (B < Infinity) addWatch(net.linkSource[l], s, sc + B * g, bArc);
    // straight along the shared link to a target on the same link
    if (tSnap && tSnap.link === l) {
      const f = tSnap.fraction;
      if (f >= g && F < Infinity && sc + F * (f - g) < cand[s]) {
        cand[s] = sc + F * (f - g);
        candArc[s] = fArc;
      }
      if (f <= g && B < Infinity && sc + B * (g - f) < cand[s]) {
        cand[s] = sc + B * (g - f);
        candArc[s] = bArc;
      }
    }
  }

  // k-th smallest candidate cost so far (Infinity while fewer than k)
  const kth = (): number => {
    if (k >= S) {
      let m = -Infinity;
      for (let s = 0; s < S; s++) m = Math.max(m, cand[s]);
      return m;
    }
    return Float64Array.from(cand).sort()[k - 1];
  };
  let kthCost = kth();

  // The reverse search from the target: the cost of each node is its cost to reach the target. Every
  // unsettled node is at least the settled cost cu from the target, so any candidate below
  // cu + minStart is final; once k of them are final, nothing else can come before them.
  const result = multiSourceSearch(net, [{ node: target.node, snap: tSnap, startCost: 0 }], {
    budget,
    directed,
    metric,
    direction: 'reverse',
    workspace: options.workspace ?? workspaceFor(net),
    onSettle: (u, cu) => {
      if (kthCost < cu + minStart) return false;
      const w = watch.get(u);
      if (w) {
        for (const { s, extra, firstArc } of w) {
          const c = extra + cu;
          if (c < cand[s]) {
            cand[s] = c;
            candNode[s] = u;
            candArc[s] = firstArc;
          }
        }
        kthCost = kth();
      }
      return true;
    },
  });
  const dist = result.cost;
  const next = result.predArc;

  /** Arcs from node `u` to the target. */
  const routeFrom = (u: number): number[] => {
    const route: number[] = [];
    let x = u;
    while (next[x] >= 0) {
      const a = next[x];
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

  const ranked: number[] = [];
  for (let s = 0; s < S; s++) if (cand[s] <= budget && cand[s] < Infinity) ranked.push(s);
  ranked.sort((a, b) => cand[a] - cand[b] || a - b);
  return ranked.slice(0, k).map((s) => {
    const route = candNode[s] >= 0 ? routeFrom(candNode[s]) : [];
    if (candArc[s] >= 0) route.unshift(candArc[s]);
    return { source: s, cost: cand[s], route };
  });
}
