import type { DemandGroups } from './aggregate';
import { costMatrixFromArrays, type CostMatrix } from './cost_matrix';

/**
 * p-median on blocks of demand points, for matrices too large for the exact ILP (its assignment
 * variables are facilities × points).
 *
 * Points are merged into blocks (on a scenario: the side × side land cells around each other; the
 * caller gives the block of each point). Two block matrices are built, with a missing pair counted at
 * the unserved cost U (the cost the full model gives a point no chosen facility reaches):
 *
 * - `mean`: the block's cost from facility i is the weighted mean Σ w_j c_ij / W_b over its points.
 *   This is exactly what the block's points cost if all are served by i, so the block objective of a
 *   set is the cost of a feasible (single-assignment) solution of the full problem, an upper bound of
 *   the set's true cost. The weighted centroid cell's cost was the alternative; the mean was chosen
 *   because it weighs every point of the block and cannot be fooled by one odd centroid cell (e.g. a
 *   centroid in a cell that its road reaches from the far side).
 * - `low`: the block's cost from i is the least c_ij over its points. For any set S and block b,
 *   Σ_{j∈b} w_j min_{i∈S} c_ij ≥ W_b · min_{i∈S} min_{j∈b} c_ij, so the low block objective of every
 *   set is ≤ its true cost, hence the low block optimum ≤ the true optimum, and so is any proven
 *   (dual) bound of the low block ILP: a valid lower bound on the full p-median.
 *
 * The bound on the `mean` blocks is NOT a bound of the full problem (the mean blocks over-state every
 * set), so it is never reported as one.
 */
export interface BlockMatrices {
  mean: CostMatrix;
  low: CostMatrix;
  /** Blocks (demand points of both matrices). */
  blocks: number;
  /** Pairs (assignment variables before merging) of the mean matrix. */
  pairs: number;
}

/**
 * Builds the block matrices from the cost-mode groups of the full matrix and the block of every
 * demand point (`blockOf[j]`; points left out of the groups are left out of the blocks too).
 */
export function blockMatrices(m: CostMatrix, groups: DemandGroups, blockOf: Int32Array, unservedCost: number): BlockMatrices {
  const nf = m.facilityIds.length;
  const U = unservedCost;
  // blocks in order of first appearance, with the groups they hold (a group's points may fall in several blocks)
  const index = new Map<number, number>();
  const parts: Map<number, number>[] = []; // block → group → weight in the block
  for (let j = 0; j < m.demandIds.length; j++) {
    const g = groups.groupOf[j];
    if (g < 0) continue;
    let b = index.get(blockOf[j]);
    if (b === undefined) {
      b = parts.length;
      index.set(blockOf[j], b);
      parts.push(new Map());
    }
    const part = parts[b];
    part.set(g, (part.get(g) ?? 0) + m.weight[j]);
  }
  const weight: number[] = [];
  const pf: number[] = [];
  const pd: number[] = [];
  const meanC: number[] = [];
  const lowC: number[] = [];
  const sumWC = new Float64Array(nf);
  const wReached = new Float64Array(nf);
  const low = new Float64Array(nf).fill(Infinity);
  const touched: number[] = [];
  parts.forEach((part, b) => {
    let W = 0;
    for (const [g, w] of part) {
      W += w;
      for (let e = groups.start[g]; e < groups.start[g + 1]; e++) {
        const i = groups.facility[e];
        const c = groups.cost[e];
        if (wReached[i] === 0 && low[i] === Infinity) touched.push(i);
        sumWC[i] += w * c;
        wReached[i] += w;
        if (c < low[i]) low[i] = c;
      }
    }
    weight.push(W);
    touched.sort((x, y) => x - y);
    for (const i of touched) {
      pf.push(i);
      pd.push(b);
      // points of the block facility i does not reach cost U
      meanC.push((sumWC[i] + (W - wReached[i]) * U) / W);
      lowC.push(low[i]);
      sumWC[i] = 0;
      wReached[i] = 0;
      low[i] = Infinity;
    }
    touched.length = 0;
  });
  const ids = parts.map((_, b) => `block:${b}`);
  const fixed = Array.from(m.fixed.keys()).filter((i) => m.fixed[i] === 1);
  const F = Int32Array.from(pf);
  const D = Int32Array.from(pd);
  return {
    mean: costMatrixFromArrays(m.facilityIds, ids, weight, F, D, meanC, fixed),
    low: costMatrixFromArrays(m.facilityIds, ids, weight, F, D, lowC, fixed),
    blocks: parts.length,
    pairs: pf.length,
  };
}

/** The exact p-median and p-center figures of an open set on cost-mode groups: total weighted cost and worst cost, unreached points at U. */
export function assignedCost(groups: DemandGroups, isOpen: Uint8Array, unservedCost = Infinity): { totalCost: number; worstCost: number } {
  let total = 0;
  let worst = -Infinity;
  for (let k = 0; k < groups.count; k++) {
    let best = unservedCost;
    for (let e = groups.start[k]; e < groups.start[k + 1]; e++) if (isOpen[groups.facility[e]] && groups.cost[e] < best) best = groups.cost[e];
    total += groups.weight[k] * best;
    if (best > worst) worst = best;
  }
  return { totalCost: total, worstCost: worst };
}
