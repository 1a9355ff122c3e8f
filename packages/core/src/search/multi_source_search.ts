import type { RoadNetwork } from '../network/road_network';
import { placeEndNode, type NetworkPlace, type NodeOrPlace } from '../network/network_place';
import { TypedHeap } from './typed_heap';
import { effectiveArcCosts, linkArcs, reverseArcCosts, reverseGraph, type SearchMetric } from './arc_costs';
import type { TurnModel } from '../network/turn_restrictions';
import { compileTurns } from './turn_costs';
import { ArcWorkspace, runTurnSearch, type TurnSeed } from './turn_search';
import { restrictedArcStates, runRestrictedSearch } from './turn_restricted_search';

/**
 * Where a search starts: a graph node (`node`), or a place on a link (`snap`: any `NetworkPlace`, e.g. a
 * `Snap` from `SnapIndex`). Exactly one of the two.
 */
export interface SearchSource extends NodeOrPlace {
  /** Cost already spent at the start (e.g. turnout time, seconds for the time metric); 0 for none. */
  startCost: number;
}

/**
 * `forward` (default): costs of travelling away from the sources (an engine leaving a station).
 * `reverse`: costs of travelling from each node *to* the nearest source, along the arcs in their own
 * direction (an engine driving to an address, searched from the address).
 */
export type SearchDirection = 'forward' | 'reverse';

/** Options of `multiSourceSearch`: budget, direction rules, metric, and a reusable workspace. */
export interface SearchOptions {
  /** Largest arrival cost reached, inclusive (seconds for `time`, metres for `length`). Default Infinity. */
  budget?: number;
  /** Respect one-way rules (travel away from the sources along travellable arcs). Default true. */
  directed?: boolean;
  /**
   * `time` (default): arc costs are travel times in seconds. `length`: arc costs are `linkLengthM`,
   * metres; one-way rules apply only when `directed`.
   */
  metric?: SearchMetric;
  /** `forward` (default) or `reverse` (cost from each node to the sources). */
  direction?: SearchDirection;
  /**
   * Called when a node is settled (its cost is final), before its arcs are relaxed; returning false
   * stops the search there. Nodes not settled by then keep tentative costs (each ≥ the last settled
   * cost) or Infinity. For searches that stop as soon as what they look for is certain.
   */
  onSettle?: (node: number, cost: number) => boolean;
  /**
   * Reuse these arrays (and heap) instead of allocating: the result's `cost`/`source`/`predArc` are
   * the workspace's and are overwritten by the next search run with the same workspace.
   */
  workspace?: SearchWorkspace;
  /**
   * Turn rules for this search: restrictions and/or penalties, run edge-based (see docs/search.md).
   * Default: the network's own `turnModel`; null: none (the node search). Directed searches only.
   */
  turns?: TurnModel | null;
}

/**
 * The per-arc view of an edge-based search (turn rules applied): what reached-road and place
 * functions read instead of node costs, since the cost of using a link depends on the turn into it.
 * Built on first access from the search's labels (read it before the workspace runs another search).
 */
export interface TurnStates {
  /** Forward: per arc, the cheapest cost at which it is entered at its tail, any turn penalty paid; Infinity if never within the budget. */
  readonly entryCost: Float64Array;
  readonly entrySource: Int32Array;
  /** Per arc: forward, the cost on arriving at its head along it (from its tail); reverse, the cost from its tail through it to the sources. */
  readonly arcCost: Float64Array;
  readonly arcSource: Int32Array;
}

/** Per node the arrival cost and the first-arriving source; the input that reached-road and surface functions read. */
export interface SearchResult {
  readonly net: RoadNetwork;
  readonly sources: readonly SearchSource[];
  readonly budget: number;
  readonly directed: boolean;
  readonly metric: SearchMetric;
  readonly direction: SearchDirection;
  /** Per node: arrival cost including `startCost` (seconds or metres); Infinity if not reached within the budget. */
  readonly cost: Float64Array;
  /** Per node: index in `sources` of the source arriving first; equal arrival → the lowest index; -1 unreached. */
  readonly source: Int32Array;
  /**
   * Per node: the arc it was reached by (reverse: the arc it leaves by towards the source); -1 for a
   * node where a source starts (a node source, or an end of a snapped source's link reached directly
   * from the snapped point) and for unreached nodes.
   */
  readonly predArc: Int32Array;
  /** Set when the search ran edge-based (turn restrictions or penalties applied). */
  readonly turnStates?: TurnStates;
}

/**
 * Arrays for repeated searches on networks of one size. Reset is proportional to what the previous
 * search touched, so many small (budgeted) searches stay cheap on a large graph.
 */
export class SearchWorkspace {
  readonly nodeCount: number;
  readonly cost: Float64Array;
  readonly source: Int32Array;
  readonly predArc: Int32Array;
  readonly heap: TypedHeap;
  /** Nodes given a finite cost by the last search (first `touchedCount` entries). */
  readonly touched: Int32Array;
  touchedCount = 0;

  constructor(nodeCount: number) {
    this.nodeCount = nodeCount;
    this.cost = new Float64Array(nodeCount).fill(Infinity);
    this.source = new Int32Array(nodeCount).fill(-1);
    this.predArc = new Int32Array(nodeCount).fill(-1);
    this.touched = new Int32Array(nodeCount);
    this.heap = new TypedHeap(1024);
  }

  /** Back to "nothing reached". */
  reset(): void {
    const { cost, source, predArc, touched } = this;
    const n = this.touchedCount;
    if (n > this.nodeCount >> 2) {
      cost.fill(Infinity);
      source.fill(-1);
      predArc.fill(-1);
    } else {
      for (let i = 0; i < n; i++) {
        const v = touched[i];
        cost[v] = Infinity;
        source[v] = -1;
        predArc[v] = -1;
      }
    }
    this.touchedCount = 0;
    this.heap.clear();
  }
}

const sharedHeap = new TypedHeap(1 << 14);

/**
 * Multi-source bounded Dijkstra on the CSR arrays — the one search engine of firecover: every node gets
 * the cost of the cheapest way from any source (its `startCost` plus the arcs travelled), and which
 * source that is. Point queries (`rankSources`), the water fields and the coverage all run on it.
 *
 * - Directed: travel goes away from the sources along arcs with finite cost.
 * - Undirected: an arc may be used when either direction of its link is travellable, at
 *   min(forward, backward) (pgRouting `directed := false`).
 * - Reverse (`direction: 'reverse'`): cost from each node to the nearest source, over the reversed
 *   arcs (same rules, arcs used in their own direction).
 * - A snapped source starts mid-link: forward, it reaches the link's target at
 *   startCost + forwardCost × (1 − fraction) if forward is allowed, and the link's source at
 *   startCost + backwardCost × fraction if backward is allowed (undirected: both, at the undirected
 *   cost); reverse, the link's source reaches it at forwardCost × fraction and the target at
 *   backwardCost × (1 − fraction). A place within 1 mm of a link end is that node.
 * - Budget inclusive: cost ≤ budget is reached.
 * - Ties: labels are compared as (cost, source index), so where two sources arrive at exactly the same
 *   cost the lower source index wins, independent of arc order. Among equal-cost paths from the same
 *   source the first one found (CSR order) gives `predArc`.
 */
export function multiSourceSearch(net: RoadNetwork, sources: readonly SearchSource[], options: SearchOptions = {}): SearchResult {
  const budget = options.budget ?? Infinity;
  const directed = options.directed ?? true;
  const metric = options.metric ?? 'time';
  const direction = options.direction ?? 'forward';
  if (!(budget >= 0)) throw new RangeError(`search budget must be ≥ 0, got ${budget}`);
  if (metric !== 'time' && metric !== 'length') throw new RangeError(`unknown search metric "${String(metric)}"`);
  if (direction !== 'forward' && direction !== 'reverse') throw new RangeError(`unknown search direction "${String(direction)}"`);
  const reverse = direction === 'reverse';
  const arcCost = effectiveArcCosts(net, metric, directed);
  const turns = compileTurns(net, options.turns === undefined ? net.turnModel : options.turns, metric, directed);

  let cost: Float64Array;
  let source: Int32Array;
  let predArc: Int32Array;
  let heap: TypedHeap;
  const ws: SearchWorkspace | undefined = options.workspace;
  if (ws) {
    if (ws.nodeCount !== net.nodeCount) throw new RangeError(`workspace is for ${ws.nodeCount} nodes, network has ${net.nodeCount}`);
    ws.reset();
    ({ cost, source, predArc, heap } = ws);
  } else {
    cost = new Float64Array(net.nodeCount).fill(Infinity);
    source = new Int32Array(net.nodeCount).fill(-1);
    predArc = new Int32Array(net.nodeCount).fill(-1);
    heap = sharedHeap;
    heap.clear();
  }

  const seed = (node: number, c: number, s: number): void => {
    if (!(c <= budget)) return;
    const old = cost[node];
    if (c < old || (c === old && s < source[node])) {
      if (ws && old === Infinity) ws.touched[ws.touchedCount++] = node;
      cost[node] = c;
      source[node] = s;
      predArc[node] = -1;
      heap.push(node, c, s);
    }
  };
  const onSettle = options.onSettle ?? null;
  const touchedIn = ws ? ws.touched : null;
  if (turns) {
    const seeds: TurnSeed[] = [];
    seedSources(net, sources, arcCost, (node, c, s, arc) => seeds.push({ node, cost: c, source: s, arc: arc ?? -1 }), reverse);
    const aw = arcWorkspace(net, ws);
    const out = { cost, source, predArc, touched: touchedIn, touchedCount: 0 };
    const restrictedOnly = turns.penalties === null && turns.rules !== null;
    const t = restrictedOnly
      ? runRestrictedSearch(net, arcCost, turns.rules!, reverse, budget, seeds, out, aw, heap, onSettle)
      : runTurnSearch(net, arcCost, turns, reverse, budget, seeds, out, aw, heap, onSettle);
    if (ws) ws.touchedCount = t;
    const result = { net, sources, budget, directed, metric, direction, cost, source, predArc } as SearchResult;
    let states: TurnStates | undefined;
    const build = (): TurnStates =>
      restrictedOnly
        ? restrictedArcStates(net, arcCost, turns.rules!, reverse, budget, cost, source, aw)
        : { entryCost: aw.entry, entrySource: aw.entrySource, arcCost: aw.label, arcSource: aw.labelSource };
    Object.defineProperty(result, 'turnStates', { get: () => (states ??= build()), enumerable: true });
    return result;
  }
  seedSources(net, sources, arcCost, seed, reverse);
  const count = ws ? ws.touchedCount : 0;
  let touched: number;
  if (reverse) {
    const g = reverseGraph(net);
    touched = runDijkstra(g.revOffset, g.revTail, reverseArcCosts(net, metric, directed), budget, cost, source, predArc, heap, touchedIn, count, g.revArc, onSettle);
  } else {
    touched = runDijkstra(net.arcOffset, net.arcHead, arcCost, budget, cost, source, predArc, heap, touchedIn, count, null, onSettle);
  }
  if (ws) ws.touchedCount = touched;
  return { net, sources, budget, directed, metric, direction, cost, source, predArc };
}

const arcWorkspaces = new WeakMap<SearchWorkspace, ArcWorkspace>();

/** The arc arrays of the edge-based search: the workspace's own (reset), or new ones. */
function arcWorkspace(net: RoadNetwork, ws: SearchWorkspace | undefined): ArcWorkspace {
  const A = net.arcLink.length;
  if (!ws) return new ArcWorkspace(A, net.nodeCount);
  let aw = arcWorkspaces.get(ws);
  if (!aw || aw.arcCount !== A) {
    aw = new ArcWorkspace(A, net.nodeCount);
    arcWorkspaces.set(ws, aw);
  } else aw.reset();
  return aw;
}

/**
 * Validates the sources and calls `seed(node, cost, sourceIndex, arc)` for every node a source starts at
 * (`reverse`: every node from which a source is reached directly, at the cost of getting there). `arc`
 * is the arc of a snapped source's link that leads there (reverse: that leads from there to the
 * place), undefined for a node.
 */
export function seedSources(
  net: RoadNetwork,
  sources: readonly SearchSource[],
  arcCost: Float32Array,
  seed: (node: number, cost: number, source: number, arc?: number) => void,
  reverse = false,
): void {
  const la = linkArcs(net);
  for (let s = 0; s < sources.length; s++) {
    const src = sources[s];
    const sc = src.startCost;
    if (!(sc >= 0 && sc < Infinity)) throw new RangeError(`sources[${s}].startCost must be a finite number ≥ 0, got ${sc}`);
    if ((src.node === undefined) === (src.snap === undefined)) throw new RangeError(`sources[${s}] must have exactly one of node / snap`);
    if (src.node !== undefined) {
      if (!(Number.isInteger(src.node) && src.node >= 0 && src.node < net.nodeCount)) throw new RangeError(`sources[${s}].node ${src.node} is not a node index`);
      seed(src.node, sc, s);
    } else {
      const place: NetworkPlace = src.snap!;
      const { link, fraction } = place;
      if (!(Number.isInteger(link) && link >= 0 && link < net.linkCount)) throw new RangeError(`sources[${s}].snap.link ${link} is not a link index`);
      if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`sources[${s}].snap.fraction must be within 0..1, got ${fraction}`);
      const atNode = placeEndNode(net, place);
      if (atNode >= 0) {
        seed(atNode, sc, s);
        continue;
      }
      const fa = la[link << 1];
      const ba = la[(link << 1) | 1];
      const f = arcCost[fa];
      const b = arcCost[ba];
      if (reverse) {
        // arriving at the place: forward along the link from its source, or backward from its target
        if (f < Infinity) seed(net.linkSource[link], sc + f * fraction, s, fa);
        if (b < Infinity) seed(net.linkTarget[link], sc + b * (1 - fraction), s, ba);
      } else {
        if (f < Infinity) seed(net.linkTarget[link], sc + f * (1 - fraction), s, fa);
        if (b < Infinity) seed(net.linkSource[link], sc + b * fraction, s, ba);
      }
    }
  }
}

/**
 * The Dijkstra loop on a CSR (`offset`, `head`, `arcCost` aligned with `head`), with the heap already
 * seeded. Labels are (cost, tie) compared lexicographically; `pred` receives the arc each node was
 * reached by: its CSR position, or `arcId[position]` when given (the forward arc of a reversed CSR).
 * Records newly reached nodes in `touched` from `touchedCount` on when given, and returns the new count.
 * `onSettle(node, cost)` returning false stops the loop.
 */
export function runDijkstra(
  offset: Uint32Array,
  head: Uint32Array,
  arcCost: Float32Array,
  budget: number,
  cost: Float64Array,
  tie: Int32Array,
  pred: Int32Array,
  heap: TypedHeap,
  touched: Int32Array | null,
  touchedCount: number,
  arcId: Uint32Array | null = null,
  onSettle: ((node: number, cost: number) => boolean) | null = null,
): number {
  let tc = touchedCount;
  while (heap.length > 0) {
    const u = heap.pop();
    const cu = heap.poppedKey;
    const s = heap.poppedTie;
    if (cu !== cost[u] || s !== tie[u]) continue; // stale entry
    if (onSettle !== null && !onSettle(u, cu)) break;
    const end = offset[u + 1];
    for (let a = offset[u]; a < end; a++) {
      const nc = cu + arcCost[a];
      if (nc > budget) continue;
      const v = head[a];
      const cv = cost[v];
      // an infinite nc never passes: unreached nodes have tie −1, reached ones a finite cost
      if (nc < cv || (nc === cv && s < tie[v])) {
        if (touched !== null && cv === Infinity) touched[tc++] = v;
        cost[v] = nc;
        tie[v] = s;
        pred[v] = arcId === null ? a : arcId[a];
        heap.push(v, nc, s);
      }
    }
  }
  return tc;
}
