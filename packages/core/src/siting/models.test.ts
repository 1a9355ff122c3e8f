import { beforeAll, describe, expect, it } from 'vitest';
import { costMatrixFromDense, withFixed, type CostMatrix } from './cost_matrix';
import { groupDemand } from './aggregate';
import { solveSiting } from './models';
import type { MipSolver } from './solver';
import { testSolver } from './testing';

/*
 * Three candidates A, B, C and five demand points d1…d5, standard S = 10 (a pair covers when cost ≤ 10).
 *
 *        d1  d2  d3  d4  d5
 *   A     4   8  15  20  25
 *   B    12   6   9   9  30
 *   C    30  18  10   7   5
 *   w    10  20  30  15   5      total 80
 *
 * Coverage sets: d1 {A}, d2 {A,B}, d3 {B,C}, d4 {B,C}, d5 {C}.
 * Alone: A covers d1,d2 = 30; B covers d2,d3,d4 = 65; C covers d3,d4,d5 = 50.
 * Pairs: {A,B} covers d1–d4 = 75; {A,C} all = 80; {B,C} d2–d5 = 70.
 */
const INF = Infinity;
const IDS = ['A', 'B', 'C'];
const DEMAND = ['d1', 'd2', 'd3', 'd4', 'd5'];
const W = [10, 20, 30, 15, 5];
const COST = [
  [4, 8, 15, 20, 25],
  [12, 6, 9, 9, 30],
  [30, 18, 10, 7, 5],
];
const S = 10;
const small = (): CostMatrix => costMatrixFromDense(IDS, DEMAND, W, COST);

let solver: MipSolver;
beforeAll(async () => {
  solver = await testSolver();
});

describe('LSCP', () => {
  it('covers every point with the fewest facilities: d1 needs A, d5 needs C, and {A,C} covers all → 2', () => {
    const r = solveSiting(small(), { model: 'lscp', serviceCost: S, solver });
    expect(r.selectedIds).toEqual(['A', 'C']);
    expect(r.objective).toBe(2);
    expect(r.coveredWeight).toBe(80);
    expect(r.uncoveredDemandPoints).toBe(0);
    expect(r.optimal).toBe(true);
    expect(r.gap).toBe(0);
  });
  it('with a share of 0.8 (64 of 80): B alone covers 65 → 1 facility', () => {
    const r = solveSiting(small(), { model: 'lscp', share: 0.8, serviceCost: S, solver });
    expect(r.selectedIds).toEqual(['B']);
    expect(r.objective).toBe(1);
    expect(r.coveredWeight).toBe(65);
  });
  it('with a share of 0.85 (68): no single facility suffices; of the pairs (75, 80, 70) the tie-break takes the most coverage, {A,C}', () => {
    const r = solveSiting(small(), { model: 'lscp', share: 0.85, serviceCost: S, solver });
    expect(r.objective).toBe(2);
    expect(r.selectedIds).toEqual(['A', 'C']);
  });
  it('a fixed facility counts for coverage but not in the objective: A fixed → C alone completes the cover', () => {
    const r = solveSiting(withFixed(small(), [0]), { model: 'lscp', serviceCost: S, solver });
    expect(r.selectedIds).toEqual(['C']);
    expect(r.objective).toBe(1);
    expect(r.fixedIds).toEqual(['A']);
    expect(r.open).toEqual([0, 2]);
  });
});

describe('MCLP', () => {
  it('p = 1: B (65) beats A (30) and C (50)', () => {
    const r = solveSiting(small(), { model: 'mclp', p: 1, serviceCost: S, solver });
    expect(r.selectedIds).toEqual(['B']);
    expect(r.objective).toBe(65);
    expect(r.uncoveredDemandPoints).toBe(2); // d1 and d5
  });
  it('p = 2: {A,C} covers all 80', () => {
    const r = solveSiting(small(), { model: 'mclp', p: 2, serviceCost: S, solver });
    expect(r.selectedIds).toEqual(['A', 'C']);
    expect(r.objective).toBe(80);
  });
  it('A fixed, p = 1: A∪B = 75, A∪C = 80 → C', () => {
    const r = solveSiting(withFixed(small(), [0]), { model: 'mclp', p: 1, serviceCost: S, solver });
    expect(r.selectedIds).toEqual(['C']);
    expect(r.coveredWeight).toBe(80);
  });
  it('refuses more new facilities than free candidates', () => {
    expect(() => solveSiting(small(), { model: 'mclp', p: 4, serviceCost: S, solver })).toThrow(/only 3 candidates/);
  });
});

describe('backup (double) coverage', () => {
  it('p = 2: {A,B} doubles d2 (20), {A,C} nothing, {B,C} d3+d4 (45) → {B,C}, 45', () => {
    const r = solveSiting(small(), { model: 'backup', p: 2, serviceCost: S, solver });
    expect(r.selectedIds).toEqual(['B', 'C']);
    expect(r.objective).toBe(45);
    expect(r.doubleCoveredWeight).toBe(45);
  });
  it('p = 3: d2, d3, d4 are doubled (65); d1 and d5 have one facility each and never count as backed up', () => {
    const r = solveSiting(small(), { model: 'backup', p: 3, serviceCost: S, solver });
    expect(r.objective).toBe(65);
    expect(r.coveredWeight).toBe(80);
  });
});

describe('p-median', () => {
  // p = 1 totals: A 40+160+450+300+125 = 1075; B 120+120+270+135+150 = 795; C 300+360+300+105+25 = 1090
  it('p = 1: B, total 795, mean 795/80 = 9.9375', () => {
    const r = solveSiting(small(), { model: 'pmedian', p: 1, solver });
    expect(r.selectedIds).toEqual(['B']);
    expect(r.objective).toBeCloseTo(795, 9);
    expect(r.meanCost).toBeCloseTo(9.9375, 12);
    expect(r.maxCost).toBe(30);
  });
  // p = 2: {A,B} 40+120+270+135+125 = 690; {A,C} 40+160+300+105+25 = 630; {B,C} 120+120+270+105+25 = 640
  it('p = 2: {A,C}, total 630, mean 7.875', () => {
    const r = solveSiting(small(), { model: 'pmedian', p: 2, solver });
    expect(r.selectedIds).toEqual(['A', 'C']);
    expect(r.meanCost).toBeCloseTo(7.875, 12);
  });
});

describe('p-center', () => {
  it('p = 1: worst costs A 25, B 30, C 30 → A, 25', () => {
    const r = solveSiting(small(), { model: 'pcenter', p: 1, solver });
    expect(r.selectedIds).toEqual(['A']);
    expect(r.objective).toBe(25);
  });
  it('p = 2: {A,B} 25, {A,C} 10, {B,C} 12 → {A,C}, 10', () => {
    const r = solveSiting(small(), { model: 'pcenter', p: 2, solver });
    expect(r.selectedIds).toEqual(['A', 'C']);
    expect(r.objective).toBe(10);
    expect(r.maxCost).toBe(10);
  });
});

describe('demand no facility reaches', () => {
  it('is reported, counted as uncovered and left out of the model, not dropped from the total', () => {
    const m = costMatrixFromDense(IDS, [...DEMAND, 'd6'], [...W, 7], COST.map((row) => [...row, INF]));
    const r = solveSiting(m, { model: 'mclp', p: 2, serviceCost: S, solver });
    expect(r.unreachableDemand).toEqual(['d6']);
    expect(r.totalWeight).toBe(87);
    expect(r.coveredWeight).toBe(80);
    expect(r.uncoveredDemandPoints).toBe(1);
    const pm = solveSiting(m, { model: 'pmedian', p: 2, solver });
    expect(pm.unreachableDemand).toEqual(['d6']);
    expect(pm.unservedWeight).toBe(7);
    expect(pm.meanCost).toBeCloseTo(7.875, 12);
  });
  it('a point reachable but beyond the standard of every facility is unreachable for the covering models', () => {
    const m = costMatrixFromDense(IDS, [...DEMAND, 'd6'], [...W, 7], COST.map((row) => [...row, 11]));
    expect(solveSiting(m, { model: 'lscp', serviceCost: S, solver }).unreachableDemand).toEqual(['d6']);
  });
});

describe('demand aggregation', () => {
  it('merges points covered by the same facilities (d3 and d4 both {B,C}) and keeps their weight', () => {
    const g = groupDemand(withinCostForTest(), 'cover');
    expect(g.count).toBe(4);
    expect(g.groupOf[2]).toBe(g.groupOf[3]);
    expect(g.weight[g.groupOf[2]]).toBe(45);
    expect(g.members[g.groupOf[2]]).toBe(2);
  });
  it('property: aggregation never changes the MCLP optimum (random matrices, p = 1…3)', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 20; trial++) {
      const nf = 5;
      const nd = 12;
      const cost = Array.from({ length: nf }, () => Array.from({ length: nd }, () => (rnd() < 0.2 ? INF : Math.floor(rnd() * 20))));
      const w = Array.from({ length: nd }, () => 1 + Math.floor(rnd() * 9));
      const m = costMatrixFromDense(['f0', 'f1', 'f2', 'f3', 'f4'], w.map((_, j) => `d${j}`), w, cost);
      for (let p = 1; p <= 3; p++) {
        const r = solveSiting(m, { model: 'mclp', p, serviceCost: 10, solver });
        expect(r.objective).toBe(bruteForce(cost, w, p, 10, []).best);
        expect(r.selected.length).toBe(p);
      }
      // with f0 fixed: the reductions (fixed-covered points left out, dominated candidates dropped) keep the optimum
      const mf = withFixed(m, [0]);
      for (let p = 1; p <= 3; p++) {
        const r = solveSiting(mf, { model: 'mclp', p, serviceCost: 10, solver });
        expect(r.objective).toBe(bruteForce(cost, w, p, 10, [0]).best);
        expect(r.selected.length).toBe(p);
        expect(r.selected).not.toContain(0);
      }
      const l = solveSiting(mf, { model: 'lscp', serviceCost: 10, solver });
      expect(l.objective).toBe(bruteForce(cost, w, 0, 10, [0]).fewestToCoverAll);
      const bk = solveSiting(m, { model: 'backup', p: 3, serviceCost: 10, solver });
      expect(bk.objective).toBe(bruteForce(cost, w, 3, 10, []).bestDouble);
    }
  });
});

function withinCostForTest(): CostMatrix {
  return costMatrixFromDense(IDS, DEMAND, W, COST.map((row) => row.map((c) => (c <= S ? c : INF))));
}

/**
 * By enumeration over every subset of the free facilities: the best covered weight and the best
 * doubly covered weight with exactly p free ones (plus `fixed`), and the fewest free ones covering
 * every point some facility covers.
 */
function bruteForce(cost: number[][], w: number[], p: number, s: number, fixed: number[]): { best: number; bestDouble: number; fewestToCoverAll: number } {
  const nf = cost.length;
  let best = 0;
  let bestDouble = 0;
  let fewest = Infinity;
  const coverable = w.map((_, j) => cost.some((row) => row[j] <= s));
  for (let mask = 0; mask < 1 << nf; mask++) {
    if (fixed.some((i) => mask & (1 << i))) continue;
    let bits = 0;
    for (let i = 0; i < nf; i++) if (mask & (1 << i)) bits++;
    let sum = 0;
    let dbl = 0;
    let all = true;
    for (let j = 0; j < w.length; j++) {
      let n = 0;
      for (let i = 0; i < nf; i++) if ((mask & (1 << i) || fixed.includes(i)) && cost[i][j] <= s) n++;
      if (n >= 1) sum += w[j];
      if (n >= 2) dbl += w[j];
      if (n === 0 && coverable[j]) all = false;
    }
    if (all) fewest = Math.min(fewest, bits);
    if (bits !== p) continue;
    best = Math.max(best, sum);
    bestDouble = Math.max(bestDouble, dbl);
  }
  return { best, bestDouble, fewestToCoverAll: fewest };
}
