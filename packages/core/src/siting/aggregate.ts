import type { CostMatrix } from './cost_matrix';

/**
 * Demand points merged into groups with the same row (the standard reduction before solving).
 *
 * - `cover` (the covering models, on a matrix already cut at the standard): a row is the set of free
 *   facilities covering the point plus how many fixed facilities cover it (counted up to 2, all a
 *   double-coverage model needs); the fixed ones are constants, so they are left out of the row.
 * - `cost` (the median models): a row is every facility with its cost; points merge only when all
 *   costs agree.
 *
 * Points with no pair at all are left out (they are reported as unreachable, never silently dropped)
 * and so are points of weight 0.
 */
export interface DemandGroups {
  /** Group of each demand point, -1 for a point left out. */
  groupOf: Int32Array;
  /** Per group: total weight, and its row (facilities ascending, costs). */
  weight: Float64Array;
  start: Uint32Array;
  facility: Int32Array;
  cost: Float64Array;
  /** `cover`: fixed facilities covering the group, capped at 2 (0 in `cost` mode). */
  fixedCount: Uint8Array;
  /** Points per group. */
  members: Uint32Array;
  count: number;
}

export function groupDemand(m: CostMatrix, mode: 'cover' | 'cost'): DemandGroups {
  const nd = m.demandIds.length;
  const groupOf = new Int32Array(nd).fill(-1);
  const buckets = new Map<number, number[]>();
  const weight: number[] = [];
  const members: number[] = [];
  const fixedCount: number[] = [];
  const start: number[] = [0];
  const fac: number[] = [];
  const cost: number[] = [];
  const rowF: number[] = [];
  const rowC: number[] = [];
  const byCost = mode === 'cost';
  for (let j = 0; j < nd; j++) {
    const a = m.start[j];
    const b = m.start[j + 1];
    if (a === b || !(m.weight[j] > 0)) continue;
    rowF.length = 0;
    rowC.length = 0;
    let nFixed = 0;
    // FNV-1a over the row; equal hashes are confirmed element by element
    let h = 2166136261;
    for (let e = a; e < b; e++) {
      const i = m.facility[e];
      if (!byCost && m.fixed[i]) {
        nFixed++;
        continue;
      }
      rowF.push(i);
      rowC.push(m.cost[e]);
      h = Math.imul(h ^ i, 16777619);
      if (byCost) h = Math.imul(h ^ (Math.fround(m.cost[e]) * 1024) | 0, 16777619);
    }
    nFixed = Math.min(nFixed, 2);
    h = Math.imul(h ^ nFixed, 16777619) >>> 0;
    let g = -1;
    const bucket = buckets.get(h);
    if (bucket) {
      for (const cand of bucket) {
        if (fixedCount[cand] !== nFixed || start[cand + 1] - start[cand] !== rowF.length) continue;
        let same = true;
        for (let t = 0, e = start[cand]; t < rowF.length; t++, e++) {
          if (fac[e] !== rowF[t] || (byCost && cost[e] !== rowC[t])) {
            same = false;
            break;
          }
        }
        if (same) {
          g = cand;
          break;
        }
      }
    }
    if (g < 0) {
      g = weight.length;
      if (bucket) bucket.push(g);
      else buckets.set(h, [g]);
      weight.push(0);
      members.push(0);
      fixedCount.push(nFixed);
      for (let t = 0; t < rowF.length; t++) {
        fac.push(rowF[t]);
        cost.push(rowC[t]);
      }
      start.push(fac.length);
    }
    weight[g] += m.weight[j];
    members[g]++;
    groupOf[j] = g;
  }
  return {
    groupOf,
    weight: Float64Array.from(weight),
    start: Uint32Array.from(start),
    facility: Int32Array.from(fac),
    cost: Float64Array.from(cost),
    fixedCount: Uint8Array.from(fixedCount),
    members: Uint32Array.from(members),
    count: weight.length,
  };
}
