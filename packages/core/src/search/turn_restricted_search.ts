import type { RoadNetwork } from '../network/road_network';
import { turnAllowed, type ArcTurnRules } from '../network/turn_restrictions';
import type { TypedHeap } from './typed_heap';
import { reverseGraph } from './arc_costs';
import type { ArcWorkspace, NodeLabels, TurnSeed } from './turn_search';

/**
 * Where the rules sit: the arcs that are the `from` of some rule ("ruled" arcs), the nodes they
 * arrive at ("restricted" nodes), and per restricted node the ruled arcs arriving there (CSR by node
 * in `inStart`/`inArc`). Cached per compiled rules.
 */
export interface RuleSites {
  readonly ruled: Uint8Array;
  readonly restricted: Uint8Array;
  readonly inStart: Uint32Array;
  readonly inArc: Uint32Array;
  /** The restricted nodes, ascending. */
  readonly restrictedList: Uint32Array;
}

const sitesCache = new WeakMap<ArcTurnRules, RuleSites>();

export function ruleSites(net: RoadNetwork, rules: ArcTurnRules): RuleSites {
  let r = sitesCache.get(rules);
  if (r) return r;
  const A = net.arcLink.length;
  const ruled = new Uint8Array(A);
  const restricted = new Uint8Array(net.nodeCount);
  const inStart = new Uint32Array(net.nodeCount + 1);
  for (let a = 0; a < A; a++) {
    if (rules.ruleStart[a] < rules.ruleStart[a + 1]) {
      ruled[a] = 1;
      restricted[net.arcHead[a]] = 1;
      inStart[net.arcHead[a] + 1]++;
    }
  }
  for (let n = 0; n < net.nodeCount; n++) inStart[n + 1] += inStart[n];
  const fill = inStart.slice(0, net.nodeCount);
  const inArc = new Uint32Array(inStart[net.nodeCount]);
  for (let a = 0; a < A; a++) if (ruled[a]) inArc[fill[net.arcHead[a]]++] = a;
  const restrictedList = new Uint32Array(restricted.reduce((n, x) => n + x, 0));
  for (let n = 0, k = 0; n < net.nodeCount; n++) if (restricted[n]) restrictedList[k++] = n;
  r = { ruled, restricted, inStart, inArc, restrictedList };
  sitesCache.set(rules, r);
  return r;
}

/**
 * The search with turn restrictions and no penalties: the node search, plus a state of its own for
 * each ruled arc. Arriving by an arc no rule names leaves every move open, so such arrivals share the
 * node's label (`out.cost` / `out.source` / `out.predArc`, the node search's arrays, during the search
 * holding the "free" state); arriving by a ruled arc is a state in `ws.label` whose moves the rules
 * limit. Reverse, the free label of a node is its cost to the sources by any first arc; the arcs
 * leaving a restricted node carry states, relaxed only into the ruled arcs that allow them.
 *
 * Forward, the node output is then the smaller of the free label and the ruled states arriving there
 * (done at the end; the free labels of restricted nodes are kept in `ws.free`). Heap ids: nodes
 * 0..N-1, arc states N + arc. Returns the new touched count.
 */
export function runRestrictedSearch(
  net: RoadNetwork,
  arcCost: Float32Array,
  rules: ArcTurnRules,
  reverse: boolean,
  budget: number,
  seeds: readonly TurnSeed[],
  out: NodeLabels,
  ws: ArcWorkspace,
  heap: TypedHeap,
  onSettle: ((node: number, cost: number) => boolean) | null,
): number {
  const N = net.nodeCount;
  const { cost, source, predArc, touched } = out;
  let tc = out.touchedCount;
  const { label, labelSource, seedCost, seedSource } = ws;
  const { ruled, restricted } = ruleSites(net, rules);
  const { arcOffset, arcHead, arcLink, linkSource, linkTarget } = net;

  for (const sd of seeds) {
    const c = sd.cost;
    const s = sd.source;
    if (!(c <= budget)) continue;
    const v = sd.node;
    const b = sd.arc;
    if (b >= 0 && (reverse ? restricted[v] === 1 : ruled[b] === 1) && (c < label[b] || (c === label[b] && s < labelSource[b]))) {
      ws.touchArc(b);
      label[b] = c;
      labelSource[b] = s;
      heap.push(N + b, c, s);
    }
    if (b < 0 && (c < seedCost[v] || (c === seedCost[v] && s < seedSource[v]))) {
      ws.touchNode(v);
      seedCost[v] = c;
      seedSource[v] = s;
    }
    // forward, a ruled first arc arrives in its own state only; everything else sets the free label
    if (b >= 0 && !reverse && ruled[b] === 1) continue;
    const old = cost[v];
    if (c < old || (c === old && s < source[v])) {
      if (touched !== null && old === Infinity) touched[tc++] = v;
      cost[v] = c;
      source[v] = s;
      predArc[v] = -1;
      heap.push(v, c, s);
    }
  }

  const rev = reverse ? reverseGraph(net) : null;
  while (heap.length > 0) {
    const id = heap.pop();
    const cu = heap.poppedKey;
    const s = heap.poppedTie;
    let a = -1;
    let u: number;
    if (id < N) {
      u = id;
      if (cu !== cost[u] || s !== source[u]) continue; // stale
    } else {
      a = id - N;
      if (cu !== label[a] || s !== labelSource[a]) continue;
      u = reverse ? (arcLink[a] & 1 ? linkTarget[arcLink[a] >>> 1] : linkSource[arcLink[a] >>> 1]) : arcHead[a];
    }
    if (onSettle !== null && ws.settle(u) && !onSettle(u, cu)) break;
    if (!reverse) {
      const end = arcOffset[u + 1];
      for (let b = arcOffset[u]; b < end; b++) {
        const nc = cu + arcCost[b];
        if (nc > budget) continue;
        if (a >= 0 && !turnAllowed(rules, a, b)) continue;
        if (ruled[b] === 1) {
          if (nc < label[b] || (nc === label[b] && s < labelSource[b])) {
            ws.touchArc(b);
            label[b] = nc;
            labelSource[b] = s;
            heap.push(N + b, nc, s);
          }
          continue;
        }
        const v = arcHead[b];
        const cv = cost[v];
        if (nc < cv || (nc === cv && s < source[v])) {
          if (touched !== null && cv === Infinity) touched[tc++] = v;
          cost[v] = nc;
          source[v] = s;
          predArc[v] = b;
          heap.push(v, nc, s);
        }
      }
    } else {
      const { revOffset, revArc, revTail } = rev!;
      // a free label at a seed ends the trip there: every arc into the node may come before it
      const seeded = a < 0 && cu === seedCost[u] && s === seedSource[u];
      const end = revOffset[u + 1];
      for (let i = revOffset[u]; i < end; i++) {
        const p = revArc[i];
        const nc = cu + arcCost[p];
        if (nc > budget) continue;
        if (a >= 0 ? ruled[p] === 0 || !turnAllowed(rules, p, a) : ruled[p] === 1 && !seeded) continue;
        const t = revTail[i];
        if (restricted[t] === 1 && (nc < label[p] || (nc === label[p] && s < labelSource[p]))) {
          ws.touchArc(p);
          label[p] = nc;
          labelSource[p] = s;
          heap.push(N + p, nc, s);
        }
        const ct = cost[t];
        if (nc < ct || (nc === ct && s < source[t])) {
          if (touched !== null && ct === Infinity) touched[tc++] = t;
          cost[t] = nc;
          source[t] = s;
          predArc[t] = p;
          heap.push(t, nc, s);
        }
      }
    }
  }

  if (!reverse) {
    // node output: the free label or a ruled arrival, whichever is first; keep the free labels aside
    const { inStart, inArc, restrictedList } = ruleSites(net, rules);
    for (const v of restrictedList) {
      ws.touchNode(v);
      ws.free[v] = cost[v];
      ws.freeSource[v] = source[v];
    }
    for (const v of restrictedList) {
      for (let k = inStart[v]; k < inStart[v + 1]; k++) {
        const a = inArc[k];
        const c = label[a];
        if (c < cost[v] || (c === cost[v] && labelSource[a] < source[v])) {
          if (touched !== null && cost[v] === Infinity) touched[tc++] = v;
          cost[v] = c;
          source[v] = labelSource[a];
          predArc[v] = a;
        }
      }
    }
  }
  return tc;
}

/**
 * The per-arc view of a restricted search (see `TurnStates`), built from its labels after the search:
 * forward, the cost of entering each arc at its tail (the free label there, or a ruled arrival whose
 * rules allow the arc); reverse, each arc's cost from its tail to the sources (through the free label
 * of its head, or for a ruled arc through the states its rules allow, or a seed there).
 */
export function restrictedArcStates(
  net: RoadNetwork,
  arcCost: Float32Array,
  rules: ArcTurnRules,
  reverse: boolean,
  budget: number,
  cost: Float64Array,
  source: Int32Array,
  ws: ArcWorkspace,
): { entryCost: Float64Array; entrySource: Int32Array; arcCost: Float64Array; arcSource: Int32Array } {
  const A = net.arcLink.length;
  const entryCost = new Float64Array(A).fill(Infinity);
  const entrySource = new Int32Array(A).fill(-1);
  const exit = new Float64Array(A).fill(Infinity);
  const exitSource = new Int32Array(A).fill(-1);
  const { ruled, restricted, inStart, inArc } = ruleSites(net, rules);
  const { label, labelSource } = ws;
  const better = (c: number, s: number, oc: number, os: number): boolean => c < oc || (c === oc && s < os);
  for (let u = 0; u < net.nodeCount; u++) {
    for (let b = net.arcOffset[u]; b < net.arcOffset[u + 1]; b++) {
      const cb = arcCost[b];
      if (cb === Infinity) continue;
      if (!reverse) {
        let c = restricted[u] ? ws.free[u] : cost[u];
        let s = restricted[u] ? ws.freeSource[u] : source[u];
        if (restricted[u]) {
          for (let k = inStart[u]; k < inStart[u + 1]; k++) {
            const a = inArc[k];
            if (turnAllowed(rules, a, b) && better(label[a], labelSource[a], c, s)) {
              c = label[a];
              s = labelSource[a];
            }
          }
        }
        if (c <= budget) {
          entryCost[b] = c;
          entrySource[b] = s;
          exit[b] = c + cb;
          exitSource[b] = s;
        }
      } else {
        const v = net.arcHead[b];
        let c = Infinity;
        let s = -1;
        if (ruled[b] === 0) {
          c = cost[v];
          s = source[v];
        } else {
          c = ws.seedCost[v];
          s = ws.seedSource[v];
          for (let a = net.arcOffset[v]; a < net.arcOffset[v + 1]; a++) {
            if (turnAllowed(rules, b, a) && better(label[a], labelSource[a], c, s)) {
              c = label[a];
              s = labelSource[a];
            }
          }
        }
        if (c + cb <= budget) {
          exit[b] = c + cb;
          exitSource[b] = s;
        }
      }
    }
  }
  return { entryCost, entrySource, arcCost: exit, arcSource: exitSource };
}
