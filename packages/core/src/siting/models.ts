import { groupDemand, type DemandGroups } from './aggregate';
import { withinCost, type CostMatrix } from './cost_matrix';
import { evaluateSet, type SetEvaluation } from './evaluate';
import { pCenterByCovering } from './pcenter';
import { assignedCost, blockMatrices } from './pmedian_blocks';
import { reduceCover } from './reduce';
import { MipBuilder, type MipSolution, type MipSolver, type MipStatus } from './solver';

/** The siting models `solveSiting` knows: set covering, maximal covering, backup coverage, p-median, p-center. */
export const SITING_MODELS = ['lscp', 'mclp', 'backup', 'pmedian', 'pcenter'] as const;
/** One of `SITING_MODELS`. */
export type SitingModel = (typeof SITING_MODELS)[number];

/** What to solve: the model, p (new facilities), the share of demand to cover (LSCP), time limit and solver options. */
export interface SitingOptions {
  model: SitingModel;
  /** New facilities to open (mclp, backup, pmedian, pcenter). */
  p?: number;
  /** LSCP: share of the total demand weight that must be covered, 0 < share ≤ 1 (default 1: every coverable point). */
  share?: number;
  /**
   * The standard: a pair covers when its cost ≤ this (required for lscp, mclp, backup). For pmedian and
   * pcenter an optional cut-off: pairs above it are not used.
   */
  serviceCost?: number;
  solver: MipSolver;
  timeLimitS?: number;
  /**
   * pmedian / pcenter: a demand point may be left unassigned at this cost (a point beyond the cut-off of
   * every chosen facility); without it every point with a pair must be assigned to an open facility.
   */
  unservedCost?: number;
  /**
   * pcenter: `cover` (default) binary-searches the distinct costs with one set-covering problem per
   * step (exact, small steps); `direct` solves the one ILP with assignment variables (small problems).
   */
  pcenterMethod?: 'cover' | 'direct';
  /**
   * pmedian: the block of each demand point for a block side (on a scenario: side × side land cells).
   * Given, with `unservedCost`, a problem above `exactPairLimit` assignment pairs is solved on blocks
   * (the smallest side 2, 4, 8, … that brings it under the limit) and the set evaluated exactly.
   */
  demandBlocks?: (side: number) => Int32Array;
  /** pmedian: most assignment pairs (after merging identical rows) solved as the exact ILP (default `PMEDIAN_EXACT_PAIRS`). */
  exactPairLimit?: number;
}

/**
 * The most facility–demand pairs (after merging identical rows) of a p-median solved as the exact ILP
 * before blocks are used. Measured on the sample city (204 facilities, 53,936 cells, 9.8 million pairs
 * within 2 × the standard, 15,026 distinct rows): the exact ILP did not finish in 60 s; with this limit
 * the blocks are 16 × 16 cells (253 blocks), both block ILPs take 1.3 s in HiGHS and the bound is within
 * 18.6 %; a limit of 400,000 gives 8 × 8 blocks (906), 18 s and 8.7 % with the same set chosen.
 */
export const PMEDIAN_EXACT_PAIRS = 100_000;

/** A solved siting problem: the chosen facilities, objective, optimality and MIP gap, solver and time, and the set's figures. */
export interface SitingResult extends SetEvaluation {
  model: SitingModel;
  /** New facilities chosen (not counting fixed ones). */
  p: number;
  /** Indices and ids of the new facilities chosen, ascending. */
  selected: number[];
  selectedIds: string[];
  /** Ids of the facilities forced open. */
  fixedIds: string[];
  /**
   * The model's objective: lscp the number of new facilities; mclp the covered weight; backup the weight
   * covered twice; pmedian the total weighted cost (unserved points at `unservedCost`); pcenter the worst
   * assigned cost.
   */
  objective: number;
  /** The best proven bound on the objective. */
  bound: number;
  optimal: boolean;
  gap: number;
  status: MipStatus;
  solver: string;
  timeS: number;
  serviceCost: number | null;
  /** Demand points (ids) that no facility reaches (within `serviceCost` for the covering models). */
  unreachableDemand: string[];
  /** Their total weight. */
  unreachableWeight: number;
  /** Facilities in the matrix (fixed and free). */
  facilityCount: number;
  /** Rows the model was solved on after merging demand points with identical rows. */
  demandGroups: number;
  /** How it was solved: the model's ILP, p-center's sequence of set-covering problems, or p-median on blocks. */
  method: 'ilp' | 'cover-sequence' | 'blocks';
  /**
   * p-median solved on blocks of demand points: the set is optimal for the blocks, not proven for the
   * cells; `objective`, `meanCost` and `maxCost` are exact for that set; `bound` a valid lower bound (NaN: none).
   */
  aggregated: boolean;
  /** Blocks: the side in demand cells (side × side cells per block) and the number of blocks; null otherwise. */
  blockSide: number | null;
  blocks: number | null;
  /** p-center by covering: the set-covering problems solved; null otherwise. */
  coverSolves: number | null;
}

// Matrices are not changed once built (withFixed / withinCost make new ones), so the cut matrix and the
// demand groups are kept per matrix object: the curve solves the same matrix for p = 1 … k.
const cutCache = new WeakMap<CostMatrix, Map<number, CostMatrix>>();
const groupCache = new WeakMap<CostMatrix, Map<string, DemandGroups>>();

function cached<K, V>(cache: WeakMap<CostMatrix, Map<K, V>>, m: CostMatrix, key: K, make: () => V): V {
  let byKey = cache.get(m);
  if (!byKey) {
    byKey = new Map();
    cache.set(m, byKey);
  }
  let v = byKey.get(key);
  if (v === undefined) {
    v = make();
    byKey.set(key, v);
  }
  return v;
}

/** Thrown when a model cannot be set up as asked (e.g. more new facilities than candidates); the CLI reports it as an input error. */
export class SitingSetupError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'SitingSetupError';
  }
}

/**
 * Solves one siting model exactly with the given integer-programming solver. Facilities marked fixed in
 * the matrix are forced open and not counted among the p new ones.
 *
 * - lscp: min Σ x_i over candidates s.t. every coverable point has an open facility within the standard
 *   (or, with `share` < 1, covered weight ≥ share × total weight; ties broken towards more coverage).
 * - mclp: max Σ w_j y_j, y_j ≤ Σ_{i∈N_j} x_i, Σ x_i = p.
 * - backup: max Σ w_j u_j, Σ x_i = p, and u_j binary with 2 u_j ≤ Σ_{i∈N_j} x_i where no fixed
 *   facility covers j, u_j ≤ Σ_{i∈N_j} x_i where one does (two fixed: a constant) — only demand truly
 *   within the standard of two different open facilities counts.
 * - pmedian: min Σ w_j c_ij z_ij, Σ_i z_ij = 1, z_ij ≤ x_i, Σ x_i = p.
 * - pcenter: min D, Σ_i c_ij z_ij ≤ D, Σ_i z_ij = 1, z_ij ≤ x_i, Σ x_i = p.
 */
export function solveSiting(matrix: CostMatrix, options: SitingOptions): SitingResult {
  const { model, solver } = options;
  const covering = model === 'lscp' || model === 'mclp' || model === 'backup';
  const S = options.serviceCost;
  if (covering && !(S !== undefined && S >= 0 && S < Infinity)) throw new RangeError(`model ${model} needs a finite service standard (serviceCost), got ${S}`);
  const m = S !== undefined && S < Infinity ? cached(cutCache, matrix, S, () => withinCost(matrix, S)) : matrix;
  const nf = m.facilityIds.length;
  const freeCount = nf - m.fixed.reduce((a, v) => a + v, 0);
  let p = options.p ?? 0;
  if (model !== 'lscp') {
    if (!(Number.isInteger(p) && p >= 0)) throw new SitingSetupError(`p must be a whole number ≥ 0, got ${options.p}`, `p 必须是不小于0的整数，实际为 ${options.p}`);
    if (p > freeCount) throw new SitingSetupError(`p = ${p} new facilities asked for, but only ${freeCount} candidates are free`, `要求新增 ${p} 个设施，但只有 ${freeCount} 个可选候选点`);
  }
  const share = options.share ?? 1;
  if (!(share > 0 && share <= 1)) throw new SitingSetupError(`share must be within (0, 1], got ${share}`, `覆盖比例必须在 (0, 1] 之间，实际为 ${share}`);

  const mode = covering ? 'cover' : 'cost';
  const groups = cached(groupCache, m, mode, () => groupDemand(m, mode));
  const unreachableDemand: string[] = [];
  let unreachableWeight = 0;
  for (let j = 0; j < m.demandIds.length; j++) {
    if (m.start[j] === m.start[j + 1]) {
      unreachableDemand.push(m.demandIds[j]);
      unreachableWeight += m.weight[j];
    }
  }
  let total = 0;
  for (let j = 0; j < m.weight.length; j++) total += m.weight[j];

  const base = { model, fixedIds: m.facilityIds.filter((_, i) => m.fixed[i] === 1), solver: solver.name, serviceCost: S ?? null, unreachableDemand, unreachableWeight, facilityCount: nf };
  const openOf = (sel: readonly number[]): Uint8Array => {
    const o = Uint8Array.from(m.fixed);
    for (const i of sel) o[i] = 1;
    return o;
  };
  if (model === 'pcenter' && options.pcenterMethod !== 'direct') {
    const freeList: number[] = [];
    for (let i = 0; i < nf; i++) if (!m.fixed[i]) freeList.push(i);
    const r = pCenterByCovering(groups, m.fixed, freeList, p, solver, { timeLimitS: options.timeLimitS, unservedCost: options.unservedCost });
    const ev = evaluateSet(matrix, r.selected);
    const found = r.status !== 'infeasible' && !Number.isNaN(r.radius);
    const objective = found ? assignedCost(groups, openOf(r.selected), options.unservedCost).worstCost : NaN;
    // A lower bound above a set's own worst cost is no bound: some step was called infeasible that is not
    // (seen once with HiGHS under a near-zero time limit on a loaded machine). Then nothing is proven.
    const boundHolds = !found || !(r.bound > objective);
    return {
      ...ev,
      ...base,
      p: r.selected.length,
      selected: r.selected,
      selectedIds: r.selected.map((i) => m.facilityIds[i]),
      objective,
      bound: boundHolds ? r.bound : NaN,
      optimal: r.optimal && boundHolds,
      gap: !found ? Infinity : !boundHolds ? Infinity : objective > 0 ? Math.max(0, (objective - r.bound) / objective) : 0,
      status: boundHolds ? r.status : 'time_limit',
      timeS: r.solverS,
      demandGroups: groups.count,
      method: 'cover-sequence',
      aggregated: false,
      blockSide: null,
      blocks: null,
      coverSolves: r.coverSolves,
    };
  }
  const limit = options.exactPairLimit ?? PMEDIAN_EXACT_PAIRS;
  if (model === 'pmedian' && options.demandBlocks && options.unservedCost !== undefined && groups.facility.length > limit) {
    const U = options.unservedCost;
    let side = 2;
    let bm = blockMatrices(m, groups, options.demandBlocks(side), U);
    while (bm.pairs > limit && bm.blocks > 1) {
      const next = blockMatrices(m, groups, options.demandBlocks(side * 2), U);
      if (next.blocks >= bm.blocks) break; // blocks no longer merge: solve what there is
      side *= 2;
      bm = next;
    }
    const started = Date.now();
    const sub = (mat: CostMatrix, timeLimitS: number | undefined): SitingResult => solveSiting(mat, { model: 'pmedian', p, solver, timeLimitS, unservedCost: U });
    const onMean = sub(bm.mean, options.timeLimitS);
    const left = options.timeLimitS === undefined ? undefined : Math.max(0.01, options.timeLimitS - (Date.now() - started) / 1000);
    const onLow = sub(bm.low, left);
    // the set: the better (exactly, on the cells) of the two block optima
    const exact = (sel: readonly number[]): number => assignedCost(groups, openOf(sel), U).totalCost;
    const sets = [onMean, onLow].filter((r) => !Number.isNaN(r.objective)).map((r) => r.selected);
    const chosen = sets.length === 0 ? [] : sets.reduce((a, c) => (exact(c) < exact(a) ? c : a));
    const objective = sets.length === 0 ? NaN : exact(chosen);
    // a valid lower bound: the dual bound of the low-cost blocks (see pmedian_blocks.ts), never the mean blocks' bound
    const bound = Number.isFinite(onLow.bound) ? Math.min(onLow.bound, objective) : NaN;
    const gap = Number.isFinite(bound) && objective > 0 ? Math.max(0, (objective - bound) / objective) : Infinity;
    const ev = evaluateSet(matrix, chosen);
    return {
      ...ev,
      ...base,
      p: chosen.length,
      selected: chosen.slice(),
      selectedIds: chosen.map((i) => m.facilityIds[i]),
      objective,
      bound,
      optimal: gap <= 1e-9,
      gap,
      // the status of the mean-block ILP (the set's problem); optimal for the cells only if the bound meets the objective
      status: gap <= 1e-9 ? 'optimal' : onMean.status,
      timeS: onMean.timeS + onLow.timeS,
      demandGroups: groups.count,
      method: 'blocks',
      aggregated: true,
      blockSide: side,
      blocks: bm.blocks,
      coverSolves: null,
    };
  }

  const b = new MipBuilder(model === 'lscp' || model === 'pmedian' || model === 'pcenter' ? 'minimize' : 'maximize');
  // x_i: one binary per facility; fixed ones have lower bound 1
  for (let i = 0; i < nf; i++) b.column(model === 'lscp' && !m.fixed[i] ? 1 : 0, m.fixed[i] ? 1 : 0, 1, true);
  const free: number[] = [];
  for (let i = 0; i < nf; i++) if (!m.fixed[i]) free.push(i);
  if (model !== 'lscp') b.row(free, free.map(() => 1), p, p);
  const rowOf = (g: DemandGroups, k: number): number[] => Array.from(g.facility.subarray(g.start[k], g.start[k + 1]));

  if (model === 'lscp' || model === 'mclp') {
    const red = reduceCover(groups, free);
    let fixedWeight = 0;
    for (let k = 0; k < groups.count; k++) if (groups.fixedCount[k] > 0) fixedWeight += groups.weight[k];
    // dominated facilities stay in the model fixed at 0; MCLP with fewer kept facilities than p opens
    // them all and pads with dominated ones (they add nothing the kept ones do not)
    for (const i of red.dominated) b.bound(i, 0, 0);
    if (model === 'mclp' && red.kept.length < p) {
      for (const i of red.dominated.slice(0, p - red.kept.length)) b.bound(i, 1, 1);
    }
    if (model === 'lscp' && share === 1) {
      for (const row of red.rows) b.row(row, row.map(() => 1), 1, Infinity);
    } else {
      const yCols: number[] = [];
      // lscp with a share: among the fewest facilities prefer more coverage (the bonus stays below one facility)
      const bonus = model === 'lscp' ? 0.5 / Math.max(total, Number.MIN_VALUE) : 1;
      red.rows.forEach((row, r) => {
        const y = b.column(model === 'lscp' ? -bonus * red.weight[r] : red.weight[r], 0, 1, false);
        b.row([y, ...row], [1, ...row.map(() => -1)], -Infinity, 0);
        yCols.push(y);
      });
      if (model === 'lscp') b.row(yCols, red.weight, share * total - fixedWeight, Infinity);
    }
  } else if (model === 'backup') {
    // A dominated candidate (its set of not-yet-doubled groups inside another's) cannot simply be
    // dropped: both may be needed. But it is never needed without its dominator (swapping it for the
    // dominator never lowers any group's count), so x_i ≤ x_dominator is a valid cut that prunes most
    // of the search.
    const red = reduceCover(groups, free, 1);
    for (const [i, j] of red.dominator) b.row([i, j], [1, -1], -Infinity, 0);
    for (let k = 0; k < groups.count; k++) {
      const f = groups.fixedCount[k];
      const cols = rowOf(groups, k);
      // already doubled by fixed stations (a constant), or can never be doubled
      if (f >= 2 || f + cols.length < 2) continue;
      if (f === 1) {
        // one fixed station already covers it: doubled as soon as one chosen facility covers it too
        // (u ≤ Σ x holds u integral for integral x, so u may stay continuous)
        const u = b.column(groups.weight[k], 0, 1, false);
        b.row([u, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0);
      } else {
        const u = b.column(groups.weight[k], 0, 1, true);
        b.row([u, ...cols], [2, ...cols.map(() => -1)], -Infinity, 0);
      }
    }
  } else {
    const d = model === 'pcenter' ? b.column(1, 0, Infinity, false) : -1;
    for (let k = 0; k < groups.count; k++) {
      const zs: number[] = [];
      const cs: number[] = [];
      for (let e = groups.start[k]; e < groups.start[k + 1]; e++) {
        const c = groups.cost[e];
        const z = b.column(model === 'pmedian' ? groups.weight[k] * c : 0, 0, 1, false);
        b.row([z, groups.facility[e]], [1, -1], -Infinity, 0);
        zs.push(z);
        cs.push(c);
      }
      if (options.unservedCost !== undefined) {
        zs.push(b.column(model === 'pmedian' ? groups.weight[k] * options.unservedCost : 0, 0, 1, false));
        cs.push(options.unservedCost);
      }
      b.row(zs, zs.map(() => 1), 1, 1);
      if (d >= 0) b.row([...zs, d], [...cs, -1], -Infinity, 0);
    }
  }

  const sol: MipSolution = solver.solve(b.build(), { timeLimitS: options.timeLimitS });
  const selected: number[] = [];
  if (sol.x) for (const i of free) if (sol.x[i] > 0.5) selected.push(i);
  const ev = evaluateSet(matrix, selected, covering ? S : undefined);
  const objective = !sol.x
    ? NaN
    : model === 'lscp'
      ? selected.length
      : model === 'mclp'
        ? ev.coveredWeight
        : model === 'backup'
          ? ev.doubleCoveredWeight
          : model === 'pmedian'
            ? sol.objective
            : ev.unservedWeight > 0
              ? sol.objective
              : ev.maxCost;
  return {
    ...ev,
    model,
    p: selected.length,
    selected,
    selectedIds: selected.map((i) => m.facilityIds[i]),
    fixedIds: m.facilityIds.filter((_, i) => m.fixed[i] === 1),
    objective,
    bound: model === 'lscp' && share < 1 ? Math.ceil(sol.bound - 1e-9) : sol.bound,
    optimal: sol.status === 'optimal',
    gap: sol.gap,
    status: sol.status,
    solver: solver.name,
    timeS: sol.timeS,
    serviceCost: S ?? null,
    unreachableDemand,
    unreachableWeight,
    facilityCount: nf,
    demandGroups: groups.count,
    method: 'ilp',
    aggregated: false,
    blockSide: null,
    blocks: null,
    coverSolves: null,
  };
}
