import type { RoadNetwork } from './road_network';

/**
 * Turn restrictions as a compact table over the network's links: restriction `i` says that at graph
 * node `viaNode[i]`, coming along link `fromLink[i]`, the move into link `toLink[i]` is banned
 * (`kind` NO) or is the only one allowed (`kind` ONLY: every other move out of that node from that
 * link is banned). This is the (from edge, via vertex, to edge) form of pgRouting's `pgr_trsp`
 * restrictions with a path of one turn, and of OSM `type=restriction` relations with a via node.
 *
 * The table is plain data carried on the network (`RoadNetwork.turnRestrictions`) and in `.fcnet`
 * files; searches apply it only when a turn model asks for it (see `search/turn_model.ts`).
 */
export interface TurnRestrictionTable {
  readonly count: number;
  readonly fromLink: Uint32Array;
  readonly viaNode: Uint32Array;
  readonly toLink: Uint32Array;
  /** `TurnKind.NO` or `TurnKind.ONLY`. */
  readonly kind: Uint8Array;
  /** Source id (OSM relation id), NaN when none. */
  readonly sourceId: Float64Array;
}

/** The two kinds of restriction: a banned move, or the one allowed move. */
export const TurnKind = { NO: 0, ONLY: 1 } as const;

/** One restriction as an object (for building tables by hand and in tests). */
export interface TurnRestriction {
  fromLink: number;
  viaNode: number;
  toLink: number;
  kind: 'no' | 'only';
  sourceId?: number;
}

/** A table from a list of restrictions. Links and node must exist in `net` and both links must touch the node. */
export function turnRestrictionTable(net: RoadNetwork, list: readonly TurnRestriction[]): TurnRestrictionTable {
  const n = list.length;
  const t = {
    count: n,
    fromLink: new Uint32Array(n),
    viaNode: new Uint32Array(n),
    toLink: new Uint32Array(n),
    kind: new Uint8Array(n),
    sourceId: new Float64Array(n),
  };
  list.forEach((r, i) => {
    t.fromLink[i] = r.fromLink;
    t.viaNode[i] = r.viaNode;
    t.toLink[i] = r.toLink;
    if (r.kind !== 'no' && r.kind !== 'only') throw new RangeError(`restriction ${i}: kind must be "no" or "only", got "${String(r.kind)}"`);
    t.kind[i] = r.kind === 'only' ? TurnKind.ONLY : TurnKind.NO;
    t.sourceId[i] = r.sourceId ?? NaN;
  });
  const bad = checkTurnRestrictions(net, t);
  if (bad >= 0) throw new RangeError(`restriction ${bad}: links ${list[bad].fromLink} and ${list[bad].toLink} must exist and both touch node ${list[bad].viaNode}`);
  return t;
}

/** Index of the first restriction whose links or node are out of range or do not meet at its node; -1 when all are sound. */
export function checkTurnRestrictions(net: RoadNetwork, t: TurnRestrictionTable): number {
  const touches = (l: number, v: number): boolean => net.linkSource[l] === v || net.linkTarget[l] === v;
  for (let i = 0; i < t.count; i++) {
    const f = t.fromLink[i];
    const to = t.toLink[i];
    const v = t.viaNode[i];
    if (f >= net.linkCount || to >= net.linkCount || v >= net.nodeCount || t.kind[i] > 1) return i;
    if (!touches(f, v) || !touches(to, v)) return i;
  }
  return -1;
}

/** A copy of `net` carrying `table` as its turn restrictions (arrays shared). */
export function withTurnRestrictions(net: RoadNetwork, table: TurnRestrictionTable): RoadNetwork {
  const bad = checkTurnRestrictions(net, table);
  if (bad >= 0) throw new RangeError(`withTurnRestrictions: restriction ${bad} does not fit the network`);
  return { ...net, turnRestrictions: table };
}

/**
 * The restrictions compiled onto arcs: for each arc `a` arriving at a node, the moves out of that node
 * it is restricted on are `ruleTo[ruleStart[a] .. ruleStart[a+1]-1]` (arc indices), each with
 * `ruleOnly` 1 for an "only" rule. Arcs with no rule have an empty range, so the search checks one
 * pair of offsets per settled arc.
 */
export interface ArcTurnRules {
  readonly ruleStart: Uint32Array;
  readonly ruleTo: Uint32Array;
  readonly ruleOnly: Uint8Array;
  /** Per arc: 1 when the arc has at least one "only" rule. */
  readonly hasOnly: Uint8Array;
}

const compiled = new WeakMap<TurnRestrictionTable, WeakMap<Uint32Array, ArcTurnRules>>();

/** Compiles `table` onto the arcs of `net` (cached per table and CSR). */
export function arcTurnRules(net: RoadNetwork, table: TurnRestrictionTable): ArcTurnRules {
  let byNet = compiled.get(table);
  if (!byNet) {
    byNet = new WeakMap();
    compiled.set(table, byNet);
  }
  let r = byNet.get(net.arcLink);
  if (r) return r;
  const arcCount = net.arcLink.length;
  const la = new Int32Array(2 * net.linkCount);
  for (let a = 0; a < arcCount; a++) la[net.arcLink[a]] = a;
  const arcHead = net.arcHead;
  // arcs of link l arriving at v / leaving v (a link from v to v has both)
  const arriving = (l: number, v: number, out: number[]): void => {
    out.length = 0;
    if (arcHead[la[l << 1]] === v) out.push(la[l << 1]);
    if (arcHead[la[(l << 1) | 1]] === v) out.push(la[(l << 1) | 1]);
  };
  const leaving = (l: number, v: number, out: number[]): void => {
    out.length = 0;
    if (net.linkSource[l] === v) out.push(la[l << 1]);
    if (net.linkTarget[l] === v) out.push(la[(l << 1) | 1]);
  };
  const pairs: number[] = []; // from, to, only
  const ins: number[] = [];
  const outs: number[] = [];
  for (let i = 0; i < table.count; i++) {
    const v = table.viaNode[i];
    arriving(table.fromLink[i], v, ins);
    leaving(table.toLink[i], v, outs);
    for (const a of ins) for (const b of outs) pairs.push(a, b, table.kind[i]);
  }
  const ruleStart = new Uint32Array(arcCount + 1);
  for (let p = 0; p < pairs.length; p += 3) ruleStart[pairs[p] + 1]++;
  for (let a = 0; a < arcCount; a++) ruleStart[a + 1] += ruleStart[a];
  const fill = ruleStart.slice(0, arcCount);
  const m = pairs.length / 3;
  const ruleTo = new Uint32Array(m);
  const ruleOnly = new Uint8Array(m);
  const hasOnly = new Uint8Array(arcCount);
  for (let p = 0; p < pairs.length; p += 3) {
    const k = fill[pairs[p]]++;
    ruleTo[k] = pairs[p + 1];
    ruleOnly[k] = pairs[p + 2];
    if (pairs[p + 2] === TurnKind.ONLY) hasOnly[pairs[p]] = 1;
  }
  r = { ruleStart, ruleTo, ruleOnly, hasOnly };
  byNet.set(net.arcLink, r);
  return r;
}

/**
 * Whether the move from arc `a` into arc `b` (leaving the node `a` arrives at) is allowed by the rules:
 * banned when a NO rule names `b`, or when `a` has ONLY rules and none names `b`.
 */
export function turnAllowed(rules: ArcTurnRules, a: number, b: number): boolean {
  const s = rules.ruleStart[a];
  const e = rules.ruleStart[a + 1];
  if (s === e) return true;
  let onlyHit = false;
  for (let k = s; k < e; k++) {
    if (rules.ruleTo[k] !== b) continue;
    if (rules.ruleOnly[k] === TurnKind.NO) return false;
    onlyHit = true;
  }
  return rules.hasOnly[a] === 0 || onlyHit;
}

/**
 * Turn penalties in seconds, added to the cost of a move at a node, by the turn's angle measured from
 * the link geometry (the last segment arriving, the first segment leaving). Left and right are for
 * traffic on the right (China): a left turn crosses the oncoming lanes. Every value defaults to 0;
 * the angle bands default to straight within ±30° and U-turn from 150°. Applied in time searches only.
 */
export interface TurnPenalties {
  /** Seconds for a left turn (turning anticlockwise by more than `straightMaxDeg`). */
  leftS?: number;
  /** Seconds for a right turn. */
  rightS?: number;
  /** Seconds for a U-turn: back along the same link, or turning by `uTurnMinDeg` or more. */
  uTurnS?: number;
  /** Seconds for going straight on through a junction. */
  straightS?: number;
  /** Largest angle, degrees, still counted as straight on. Default 30. */
  straightMaxDeg?: number;
  /** Smallest angle, degrees, counted as a U-turn. Default 150. */
  uTurnMinDeg?: number;
}

/**
 * How searches treat turns. Put on a network with `withTurnModel` (every directed search on it then
 * runs edge-based) or passed as `SearchOptions.turns` for one search.
 */
export interface TurnModel {
  /** Apply the network's `turnRestrictions` (or `table` when given). Default true. */
  restrictions?: boolean;
  /** Restrictions to apply instead of the network's own. */
  table?: TurnRestrictionTable;
  /** Turn penalties (time searches). */
  penalties?: TurnPenalties;
}

/** A copy of `net` whose directed searches apply `model` (null: back to the plain node search). */
export function withTurnModel(net: RoadNetwork, model: TurnModel | null): RoadNetwork {
  if (model?.table) {
    const bad = checkTurnRestrictions(net, model.table);
    if (bad >= 0) throw new RangeError(`withTurnModel: restriction ${bad} does not fit the network`);
  }
  for (const [k, v] of Object.entries(model?.penalties ?? {})) {
    if (!(typeof v === 'number' && v >= 0 && v < Infinity)) throw new RangeError(`turn penalty ${k} must be a finite number ≥ 0, got ${String(v)}`);
  }
  const { turnModel: _old, ...rest } = net;
  return model ? { ...rest, turnModel: model } : rest;
}
