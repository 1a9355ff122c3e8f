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
  /** Forward: cheapest cost at which the arc is entered at its tail (after the turn into it). */
  readonly entry: Float64Array;
  readonly entrySource: Int32Array;
  /** Per node: the free state (arrived by an arc no rule names, or a source there: every move open). */
  readonly free: Float64Array;
  readonly freeSource: Int32Array;
  /** Per node: the best node source seeded there. */
  readonly seedCost: Float64Array;
  readonly seedSource: Int32Array;
  readonly settled: Uint8Array;
  private readonly touchedArcs: Int32Array;
  private readonly nodeMark: Uint8Array;
  private readonly touchedNodes: Int32Array;
  private touchedNodeCount = 0;
  private touchedArcCount = 0;
  private readonly settledNodes: Int32Array;
  private settledCount = 0;

  constructor(arcCount: number, nodeCount: number) {
    this.arcCount = arcCount;
    this.label = new Float64Array(arcCount).fill(Infinity);
    this.labelSource = new Int32Array(arcCount).fill(-1);
    this.entry = new Float64Array(arcCount).fill(Infinity);
    this.entrySource = new Int32Array(arcCount).fill(-1);
    this.touchedArcs = new Int32Array(arcCount);
    this.free = new Float64Array(nodeCount).fill(Infinity);
    this.freeSource = new Int32Array(nodeCount).fill(-1);
    this.seedCost = new Float64Array(nodeCount).fill(Infinity);
    this.seedSource = new Int32Array(nodeCount).fill(-1);
    this.nodeMark = new Uint8Array(nodeCount);
    this.touchedNodes = new Int32Array(nodeCount);
    this.settled = new Uint8Array(nodeCount);
    this.settledNodes = new Int32Array(nodeCount);
  }

  touchNode(v: number): void {
    if (this.nodeMark[v] === 0) {
      this.nodeMark[v] = 1;
      this.touchedNodes[this.touchedNodeCount++] = v;
    }
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
      this.entry.fill(Infinity);
      this.entrySource.fill(-1);
    } else {
      for (let i = 0; i < n; i++) {
        const a = this.touchedArcs[i];
        this.label[a] = Infinity;
        this.labelSource[a] = -1;
        this.entry[a] = Infinity;
        this.entrySource[a] = -1;
      }
    }
    for (let i = 0; i < this.settledCount; i++) this.settled[this.settledNodes[i]] = 0;
    for (let i = 0; i < this.touchedNodeCount; i++) {
      const v = this.touchedNodes[i];
      this.nodeMark[v] = 0;
      this.free[v] = Infinity;
      this.freeSource[v] = -1;
      this.seedCost[v] = Infinity;
      this.seedSource[v] = -1;
    }
    this.touchedNodeCount = 0;
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
 * Edge-based bounded multi-source Dijkstra (pgRouting `pgr_trsp` semantics): a move from arc a into
 * arc b at their node costs arcCost[b] plus the turn penalty of (a, b), and is skipped when a
 * restriction bans it. A node source may leave by any arc, free of rules and penalties (there is no
 * arc it came by); a node target is reached by any arc. A node's cost is the cheapest way arriving
 * there (forward) or leaving it (reverse), or its own seed. Labels are (cost, source index) as in the
 * node search. Returns the new touched count.
 *
 * States. With penalties every arc is a state of its own (the cost of the next move depends on the
 * arc arrived by). With restrictions only, arriving by an arc that no rule names leaves every move
 * open, so all such arrivals at a node share one "free" state of that node; only arcs named as the
 * `from` of a rule (forward) — or, reverse, the arcs leaving a node that such an arc enters — get
 * states of their own. That is the node search plus a few states at the restricted junctions, exact
 * all the same.
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
  const { label, labelSource, entry, entrySource, free, freeSource, seedCost, seedSource } = ws;
  const { rules, penalties } = turns;
  const full = penalties !== null;
  const ruleStart = rules !== null ? rules.ruleStart : null;
  const restricted = rules !== null && reverse && !full ? restrictedNodes(net, rules.ruleStart) : null;
  const rev = reverse ? reverseGraph(net) : null;
  const { arcOffset, arcHead, arcLink, linkSource, linkTarget } = net;
  const tailOf = (a: number): number => (arcLink[a] & 1 ? linkTarget[arcLink[a] >>> 1] : linkSource[arcLink[a] >>> 1]);

  const nodeLabel = (v: number, c: number, s: number, pred: number): void => {
    const cv = cost[v];
    if (c < cv || (c === cv && s < source[v])) {
      if (touched !== null && cv === Infinity) touched[tc++] = v;
      ws.touchNode(v);
      cost[v] = c;
      source[v] = s;
      predArc[v] = pred;
    }
  };
  const freeLabel = (v: number, c: number, s: number): void => {
    if (c < free[v] || (c === free[v] && s < freeSource[v])) {
      ws.touchNode(v);
      free[v] = c;
      freeSource[v] = s;
      heap.push(A + v, c, s);
    }
  };
  /** Forward: whether arriving by arc b needs a state of its own. */
  const ownState = (b: number): boolean => full || (ruleStart !== null && ruleStart[b] < ruleStart[b + 1]);

  for (const sd of seeds) {
    if (!(sd.cost <= budget)) continue;
    nodeLabel(sd.node, sd.cost, sd.source, -1);
    if (sd.arc >= 0) {
      // a snapped source's first arc (reverse: its last arc, ending at the place)
      const b = sd.arc;
      if (sd.cost < label[b] || (sd.cost === label[b] && sd.source < labelSource[b])) {
        ws.touchArc(b);
        label[b] = sd.cost;
        labelSource[b] = sd.source;
      }
      if (reverse ? full || restricted![sd.node] === 1 : ownState(b)) heap.push(b, sd.cost, sd.source);
      if (reverse ? !full : !ownState(b)) freeLabel(sd.node, sd.cost, sd.source);
    } else {
      if (sd.cost < seedCost[sd.node] || (sd.cost === seedCost[sd.node] && sd.source < seedSource[sd.node])) {
        ws.touchNode(sd.node);
        seedCost[sd.node] = sd.cost;
        seedSource[sd.node] = sd.source;
      }
      freeLabel(sd.node, sd.cost, sd.source);
    }
  }

  while (heap.length > 0) {
    const id = heap.pop();
    const cu = heap.poppedKey;
    const s = heap.poppedTie;
    let a = -1;
    let u: number;
    if (id >= A) {
      u = id - A;
      if (cu !== free[u] || s !== freeSource[u]) continue; // stale
    } else {
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
          if (full) {
            base += turnPenaltyS(penalties, net, a, b);
            if (base > budget) continue;
          }
        }
        if (base < entry[b] || (base === entry[b] && s < entrySource[b])) {
          ws.touchArc(b);
          entry[b] = base;
          entrySource[b] = s;
        }
        const nc = base + cb;
        if (nc > budget) continue;
        if (nc < label[b] || (nc === label[b] && s < labelSource[b])) {
          ws.touchArc(b);
          label[b] = nc;
          labelSource[b] = s;
          const h = arcHead[b];
          if (ownState(b)) heap.push(b, nc, s);
          else freeLabel(h, nc, s);
          nodeLabel(h, nc, s, b);
        }
      }
    } else {
      const { revOffset, revArc, revTail } = rev!;
      // from a free state only the moves no rule constrains (all of them at a seed or with penalties);
      // from an arc state, with penalties every move, with restrictions only the constrained ones
      const seeded = a < 0 && cu === seedCost[u] && s === seedSource[u];
      const end = revOffset[u + 1];
      for (let i = revOffset[u]; i < end; i++) {
        const p = revArc[i];
        const cp = arcCost[p];
        if (cp === Infinity) continue;
        let nc = cu + cp;
        if (a >= 0) {
          const ruled = ruleStart !== null && ruleStart[p] < ruleStart[p + 1];
          if (!full && !ruled) continue;
          if (ruled && !turnAllowed(rules!, p, a)) continue;
          if (full) nc += turnPenaltyS(penalties, net, p, a);
        } else if (!full && !seeded && ruleStart !== null && ruleStart[p] < ruleStart[p + 1]) continue;
        if (nc > budget) continue;
        if (nc < label[p] || (nc === label[p] && s < labelSource[p])) {
          ws.touchArc(p);
          label[p] = nc;
          labelSource[p] = s;
          const t = revTail[i];
          if (full || restricted![t] === 1) heap.push(p, nc, s);
          if (!full) freeLabel(t, nc, s);
          nodeLabel(t, nc, s, p);
        }
      }
    }
  }
  return tc;
}

const restrictedCache = new WeakMap<Uint32Array, Uint8Array>();

/** Nodes where some arriving arc is the `from` of a rule (cached per compiled rules). */
function restrictedNodes(net: RoadNetwork, ruleStart: Uint32Array): Uint8Array {
  let r = restrictedCache.get(ruleStart);
  if (!r) {
    r = new Uint8Array(net.nodeCount);
    for (let a = 0; a < net.arcLink.length; a++) if (ruleStart[a] < ruleStart[a + 1]) r[net.arcHead[a]] = 1;
    restrictedCache.set(ruleStart, r);
  }
  return r;
}
