import type { RoadNetwork } from '../network/road_network';
import { turnAllowed } from '../network/turn_restrictions';
import type { TypedHeap } from './typed_heap';
import { reverseGraph } from './arc_costs';
import { turnPenaltyS, type CompiledTurns } from './turn_costs';

/**
 * Per-arc arrays of the edge-based search, kept between runs of one `SearchWorkspace` (or one network
 * size) and reset in proportion to what the last run touched.
 */
export class ArcWorkspace {
  readonly arcCount: number;
  /** Forward: cost on arriving at the arc's head; reverse: cost from the arc's tail to the sources. */
  readonly label: Float64Array;
  readonly labelSource: Int32Array;
  /** Arc the state was reached from (forward: the arc before; reverse: the arc after); -1 from a source. */
  readonly labelPred: Int32Array;
  /** Forward: cheapest cost at which the arc is entered at its tail (after the turn into it). */
  readonly entry: Float64Array;
  readonly entrySource: Int32Array;
  readonly settled: Uint8Array;
  private readonly touchedArcs: Int32Array;
  private touchedArcCount = 0;
  private readonly settledNodes: Int32Array;
  private settledCount = 0;

  constructor(arcCount: number, nodeCount: number) {
    this.arcCount = arcCount;
    this.label = new Float64Array(arcCount).fill(Infinity);
    this.labelSource = new Int32Array(arcCount).fill(-1);
    this.labelPred = new Int32Array(arcCount).fill(-1);
    this.entry = new Float64Array(arcCount).fill(Infinity);
    this.entrySource = new Int32Array(arcCount).fill(-1);
    this.touchedArcs = new Int32Array(arcCount);
    this.settled = new Uint8Array(nodeCount);
    this.settledNodes = new Int32Array(nodeCount);
  }

  touchArc(a: number): void {
    if (this.label[a] === Infinity && this.entry[a] === Infinity) this.touchedArcs[this.touchedArcCount++] = a;
  }

  settle(n: number): boolean {
    if (this.settled[n]) return false;
    this.settled[n] = 1;
    this.settledNodes[this.settledCount++] = n;
    return true;
  }

  reset(): void {
    const n = this.touchedArcCount;
    if (n > this.arcCount >> 2) {
      this.label.fill(Infinity);
      this.labelSource.fill(-1);
      this.labelPred.fill(-1);
      this.entry.fill(Infinity);
      this.entrySource.fill(-1);
    } else {
      for (let i = 0; i < n; i++) {
        const a = this.touchedArcs[i];
        this.label[a] = Infinity;
        this.labelSource[a] = -1;
        this.labelPred[a] = -1;
        this.entry[a] = Infinity;
        this.entrySource[a] = -1;
      }
    }
    for (let i = 0; i < this.settledCount; i++) this.settled[this.settledNodes[i]] = 0;
    this.touchedArcCount = 0;
    this.settledCount = 0;
  }
}

/** A node seed (a node source, no arc yet) or an arc seed (a snapped source's first arc, `arc` ≥ 0). */
export interface TurnSeed {
  node: number;
  cost: number;
  source: number;
  arc: number;
}

/** The node-level outputs the edge-based search fills (the same arrays as the node search). */
export interface NodeLabels {
  cost: Float64Array;
  source: Int32Array;
  predArc: Int32Array;
  /** Records nodes given a finite cost (from `touchedCount` on), when given. */
  touched: Int32Array | null;
  touchedCount: number;
}

/**
 * Edge-based bounded multi-source Dijkstra: the states are arcs (pgRouting `pgr_trsp` semantics). A
 * move from arc a into arc b at their node costs arcCost[b] plus the turn penalty of (a, b), and is
 * skipped when a restriction bans it. A node source may leave by any arc, free of rules and penalties
 * (there is no arc it came by). A node's cost is the cheapest state arriving there (forward) or leaving
 * it (reverse), or its own seed. Labels are (cost, source index) as in the node search.
 * Returns the new touched count.
 */
export function runTurnSearch(
  net: RoadNetwork,
  arcCost: Float32Array,
  turns: CompiledTurns,
  reverse: boolean,
  budget: number,
  seeds: readonly TurnSeed[],
  out: NodeLabels,
  ws: ArcWorkspace,
  heap: TypedHeap,
  onSettle: ((node: number, cost: number) => boolean) | null,
): number {
  const A = net.arcLink.length;
  const { cost, source, predArc, touched } = out;
  let tc = out.touchedCount;
  const { label, labelSource, labelPred, entry, entrySource } = ws;
  const { rules, penalties } = turns;
  const rev = reverse ? reverseGraph(net) : null;
  const { arcOffset, arcHead, arcLink, linkSource, linkTarget } = net;
  const tailOf = (a: number): number => (arcLink[a] & 1 ? linkTarget[arcLink[a] >>> 1] : linkSource[arcLink[a] >>> 1]);

  const nodeLabel = (v: number, c: number, s: number, pred: number): void => {
    const cv = cost[v];
    if (c < cv || (c === cv && s < source[v])) {
      if (touched !== null && cv === Infinity) touched[tc++] = v;
      cost[v] = c;
      source[v] = s;
      predArc[v] = pred;
    }
  };
  const arcLabel = (b: number, c: number, s: number, pred: number): void => {
    if (c < label[b] || (c === label[b] && s < labelSource[b])) {
      ws.touchArc(b);
      label[b] = c;
      labelSource[b] = s;
      labelPred[b] = pred;
      heap.push(b, c, s);
    }
  };

  for (const sd of seeds) {
    if (!(sd.cost <= budget)) continue;
    nodeLabel(sd.node, sd.cost, sd.source, -1);
    if (sd.arc >= 0) arcLabel(sd.arc, sd.cost, sd.source, -1);
    else heap.push(A + sd.node, sd.cost, sd.source);
  }

  while (heap.length > 0) {
    const id = heap.pop();
    const cu = heap.poppedKey;
    const s = heap.poppedTie;
    let a = -1;
    let u: number;
    if (id >= A) u = id - A;
    else {
      a = id;
      if (cu !== label[a] || s !== labelSource[a]) continue; // stale
      u = reverse ? tailOf(a) : arcHead[a];
    }
    if (onSettle !== null && ws.settle(u) && !onSettle(u, cu)) break;
    if (!reverse) {
      const end = arcOffset[u + 1];
      for (let b = arcOffset[u]; b < end; b++) {
        const cb = arcCost[b];
        if (cb === Infinity) continue;
        let base = cu;
        if (a >= 0) {
          if (rules !== null && !turnAllowed(rules, a, b)) continue;
          if (penalties !== null) base += turnPenaltyS(penalties, net, a, b);
          if (base > budget) continue;
        }
        if (base < entry[b] || (base === entry[b] && s < entrySource[b])) {
          ws.touchArc(b);
          entry[b] = base;
          entrySource[b] = s;
        }
        const nc = base + cb;
        if (nc > budget) continue;
        if (nc < label[b] || (nc === label[b] && s < labelSource[b])) {
          arcLabel(b, nc, s, a);
          nodeLabel(arcHead[b], nc, s, b);
        }
      }
    } else {
      const { revOffset, revArc, revTail } = rev!;
      const end = revOffset[u + 1];
      for (let i = revOffset[u]; i < end; i++) {
        const p = revArc[i];
        const cp = arcCost[p];
        if (cp === Infinity) continue;
        let nc = cu + cp;
        if (a >= 0) {
          if (rules !== null && !turnAllowed(rules, p, a)) continue;
          if (penalties !== null) nc += turnPenaltyS(penalties, net, p, a);
        }
        if (nc > budget) continue;
        if (nc < label[p] || (nc === label[p] && s < labelSource[p])) {
          arcLabel(p, nc, s, a);
          nodeLabel(revTail[i], nc, s, p);
        }
      }
    }
  }
  return tc;
}
