import type { DemandGroups } from './aggregate';

/** A covering problem after the classic reductions: rows of free facilities only, merged again. */
export interface ReducedCover {
  /** Free facilities kept (not dominated), ascending. */
  kept: number[];
  /** Free facilities dropped as dominated, ascending. */
  dominated: number[];
  /** For each dominated facility, a kept one whose set contains its set. */
  dominator: Map<number, number>;
  /** Merged rows: weight and the kept facilities covering them. */
  weight: number[];
  rows: number[][];
}

/**
 * Reduces a covering problem (LSCP, MCLP) before it is solved. Only groups no fixed facility covers
 * take part (the others are covered whatever is chosen). A free facility whose set of such groups is
 * contained in another's is dominated and dropped (equal sets: the lower index stays): in any solution
 * it can be swapped for the one dominating it without losing coverage, so the optimum is unchanged.
 * Rows are then restricted to the kept facilities and merged when equal. `maxFixed` = 1 takes the
 * groups one fixed facility covers into the sets too (double coverage: there a chosen facility still
 * adds the second cover).
 */
export function reduceCover(groups: DemandGroups, free: readonly number[], maxFixed = 0): ReducedCover {
  const active: number[] = [];
  for (let k = 0; k < groups.count; k++) if (groups.fixedCount[k] <= maxFixed) active.push(k);
  const words = (active.length + 31) >>> 5;
  const slot = new Map<number, number>();
  free.forEach((i, s) => slot.set(i, s));
  const bits = new Uint32Array(free.length * words);
  const size = new Int32Array(free.length);
  active.forEach((k, a) => {
    for (let e = groups.start[k]; e < groups.start[k + 1]; e++) {
      const s = slot.get(groups.facility[e]);
      if (s === undefined) continue;
      bits[s * words + (a >>> 5)] |= 1 << (a & 31);
      size[s]++;
    }
  });
  const subset = (s: number, t: number): boolean => {
    const a = s * words;
    const b = t * words;
    for (let w = 0; w < words; w++) if ((bits[a + w] & ~bits[b + w]) !== 0) return false;
    return true;
  };
  const keep: boolean[] = free.map(() => true);
  // larger sets first, so a dominated facility is found against a kept one
  const order = free.map((_, s) => s).sort((x, y) => size[y] - size[x] || x - y);
  const keptSlots: number[] = [];
  const dominator = new Map<number, number>();
  for (const s of order) {
    let by = size[s] === 0 && keptSlots.length > 0 ? keptSlots[0] : -1;
    for (let q = 0; q < keptSlots.length && by < 0; q++) {
      const t = keptSlots[q];
      if (size[t] >= size[s] && subset(s, t)) by = t;
    }
    if (by >= 0) {
      keep[s] = false;
      dominator.set(free[s], free[by]);
    } else keptSlots.push(s);
  }
  const kept = free.filter((_, s) => keep[s]);
  const dominated = free.filter((_, s) => !keep[s]);
  const keptSet = new Set(kept);
  const merged = new Map<string, number>();
  const weight: number[] = [];
  const rows: number[][] = [];
  for (const k of active) {
    const row: number[] = [];
    for (let e = groups.start[k]; e < groups.start[k + 1]; e++) if (keptSet.has(groups.facility[e])) row.push(groups.facility[e]);
    const key = row.join(',');
    const g = merged.get(key);
    if (g === undefined) {
      merged.set(key, rows.length);
      rows.push(row);
      weight.push(groups.weight[k]);
    } else weight[g] += groups.weight[k];
  }
  return { kept, dominated, dominator, weight, rows };
}
