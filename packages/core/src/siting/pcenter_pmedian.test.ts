import { beforeAll, describe, expect, it } from 'vitest';
import { groupDemand } from './aggregate';
import { costMatrixFromDense, costMatrixFromEntries, withFixed, type CostEntry, type CostMatrix } from './cost_matrix';
import { solveSiting } from './models';
import { blockMatrices } from './pmedian_blocks';
import type { MipSolver } from './solver';
import { testSolver } from './testing';

let solver: MipSolver;
beforeAll(async () => {
  solver = await testSolver();
});

/*
 * The matrix of models.test.ts:
 *        d1  d2  d3  d4  d5
 *   A     4   8  15  20  25
 *   B    12   6   9   9  30
 *   C    30  18  10   7   5
 * p-center p = 1: A 25, B 30, C 30 → A, 25. p = 2: {A,B} max(4,6,9,9,25) = 25; {A,C} max(4,8,10,7,5) = 10;
 * {B,C} max(12,6,9,7,5) = 12 → {A,C}, 10. A fixed, p = 1: {A,B} 25, {A,C} 10 → C, 10.
 */
const small = (): CostMatrix =>
  costMatrixFromDense(['A', 'B', 'C'], ['d1', 'd2', 'd3', 'd4', 'd5'], [10, 20, 30, 15, 5], [
    [4, 8, 15, 20, 25],
    [12, 6, 9, 9, 30],
    [30, 18, 10, 7, 5],
  ]);

describe('p-center by a sequence of set-covering problems', () => {
  it('p = 1 → A, radius 25, proven optimal', () => {
    const r = solveSiting(small(), { model: 'pcenter', p: 1, solver });
    expect(r.method).toBe('cover-sequence');
    expect(r.selectedIds).toEqual(['A']);
    expect(r.objective).toBe(25);
    expect(r.bound).toBe(25);
    expect(r.optimal).toBe(true);
    expect(r.coverSolves).toBeGreaterThan(0);
  });
  it('p = 2 → {A,C}, radius 10', () => {
    const r = solveSiting(small(), { model: 'pcenter', p: 2, solver });
    expect(r.selectedIds).toEqual(['A', 'C']);
    expect(r.objective).toBe(10);
    expect(r.maxCost).toBe(10);
    expect(r.optimal).toBe(true);
  });
  it('a solver stopped at its time limit that hands back a vector covering nothing proves nothing: not optimal, no false radius', () => {
    // Every solve "times out" with x = 0: no facility chosen, so no row is covered. Taken at its word the
    // search would call the smallest radius (4) feasible and optimal; checked, no step is proven.
    const lying: MipSolver = { name: 'lying', solve: (problem) => ({ status: 'time_limit', x: new Float64Array(problem.colCost.length), objective: 0, bound: 0, gap: 0, timeS: 0 }) };
    const r = solveSiting(small(), { model: 'pcenter', p: 2, solver: lying });
    expect(r.optimal).toBe(false);
    expect(r.status).toBe('time_limit');
    expect(Number.isNaN(r.objective) || r.objective === r.maxCost).toBe(true);
  });
  it('a solver that wrongly calls cover steps infeasible cannot make a bound above the set found: nothing claimed proven', () => {
    // The first step (the largest radius, 30) is solved truly; every later step "is infeasible". The search
    // would call 30 optimal, but the set found (padded to p = 2) has a worst cost below 30 (hand: any set
    // with A has worst ≤ 25), so that bound is false.
    let calls = 0;
    const wrong: MipSolver = { name: 'wrong', solve: (problem, o) => (calls++ === 0 ? solver.solve(problem, o) : { status: 'infeasible', x: null, objective: NaN, bound: NaN, gap: Infinity, timeS: 0 }) };
    const r = solveSiting(small(), { model: 'pcenter', p: 2, solver: wrong });
    expect(calls).toBeGreaterThan(1);
    expect(r.objective).toBeLessThan(30);
    expect(r.optimal).toBe(false);
    expect(Number.isNaN(r.bound) || r.bound <= r.objective).toBe(true);
  });
  it('A fixed, p = 1 → C, radius 10', () => {
    const r = solveSiting(withFixed(small(), [0]), { model: 'pcenter', p: 1, solver });
    expect(r.selectedIds).toEqual(['C']);
    expect(r.objective).toBe(10);
  });
  it('a point beyond the cut-off of every chosen facility costs the unserved cost: cut at 10, p = 1, unserved 50', () => {
    // within 10: A d1,d2; B d2,d3,d4; C d3,d4,d5. One facility leaves a point unserved (50) whichever;
    // the radius is 50 for every choice.
    const m = costMatrixFromDense(['A', 'B', 'C'], ['d1', 'd2', 'd3', 'd4', 'd5'], [10, 20, 30, 15, 5], [
      [4, 8, Infinity, Infinity, Infinity],
      [Infinity, 6, 9, 9, Infinity],
      [Infinity, Infinity, 10, 7, 5],
    ]);
    const r = solveSiting(m, { model: 'pcenter', p: 1, solver, unservedCost: 50 });
    expect(r.objective).toBe(50);
    expect(r.optimal).toBe(true);
    // p = 2: {A,C} serves everyone within 10
    expect(solveSiting(m, { model: 'pcenter', p: 2, solver, unservedCost: 50 }).objective).toBe(10);
  });
  it('property: agrees with the direct ILP on random sparse matrices (p = 1…3, with and without a fixed facility)', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let t = 0; t < 25; t++) {
      const nf = 4 + Math.floor(rnd() * 4);
      const nd = 6 + Math.floor(rnd() * 10);
      const entries: CostEntry[] = [];
      for (let i = 0; i < nf; i++) for (let j = 0; j < nd; j++) if (rnd() < 0.7) entries.push({ facility: i, demand: j, cost: 1 + Math.floor(rnd() * 40) });
      const fixed = t % 3 === 0 ? [0] : [];
      const m = costMatrixFromEntries(
        Array.from({ length: nf }, (_, i) => `f${i}`),
        Array.from({ length: nd }, (_, j) => `d${j}`),
        Array.from({ length: nd }, () => 1 + Math.floor(rnd() * 5)),
        entries,
        fixed,
      );
      for (let p = 1; p <= 3; p++) {
        const a = solveSiting(m, { model: 'pcenter', p, solver, unservedCost: 100 });
        const b = solveSiting(m, { model: 'pcenter', p, solver, unservedCost: 100, pcenterMethod: 'direct' });
        expect(b.optimal).toBe(true);
        expect(a.optimal).toBe(true);
        expect(a.objective).toBeCloseTo(b.objective, 6);
        expect(a.selected.length).toBe(p);
      }
    }
  });
});

/*
 * p-median blocks, worked by hand. Facilities A, B; points d1…d4 of weights 1, 3, 2, 2; unserved cost 20.
 *        d1  d2  d3  d4
 *   A     1   3   —   9
 *   B     —   5   4   6
 * Blocks {d1,d2} (W 4), {d3,d4} (W 4); a missing pair counts 20.
 *   mean: A (1·1 + 3·3)/4 = 2.5, (2·20 + 2·9)/4 = 14.5; B (1·20 + 3·5)/4 = 8.75, (2·4 + 2·6)/4 = 5
 *   low:  A 1, 9;  B 5, 4
 * Exact totals: {A} 1 + 9 + 40 + 18 = 68; {B} 20 + 15 + 8 + 12 = 55; {A,B} 1 + 9 + 8 + 12 = 30.
 * Low-block totals: {A} 4·1 + 4·9 = 40; {B} 4·5 + 4·4 = 36; {A,B} 4·1 + 4·4 = 20.
 */
const fourPoints = (): CostMatrix =>
  costMatrixFromDense(['A', 'B'], ['d1', 'd2', 'd3', 'd4'], [1, 3, 2, 2], [
    [1, 3, Infinity, 9],
    [Infinity, 5, 4, 6],
  ]);
const twoBlocks = (): Int32Array => Int32Array.from([0, 0, 1, 1]);

describe('p-median on blocks', () => {
  it('block matrices: the weighted mean and the least cost, missing pairs at the unserved cost', () => {
    const m = fourPoints();
    const bm = blockMatrices(m, groupDemand(m, 'cost'), twoBlocks(), 20);
    expect(bm.blocks).toBe(2);
    expect(Array.from(bm.mean.weight)).toEqual([4, 4]);
    expect(Array.from(bm.mean.facility)).toEqual([0, 1, 0, 1]);
    expect(Array.from(bm.mean.cost)).toEqual([2.5, 8.75, 14.5, 5]);
    expect(Array.from(bm.low.cost)).toEqual([1, 5, 9, 4]);
  });
  it('p = 1: B (exact 55), lower bound 36 from the low blocks, labelled aggregated', () => {
    const r = solveSiting(fourPoints(), { model: 'pmedian', p: 1, solver, unservedCost: 20, demandBlocks: twoBlocks, exactPairLimit: 0 });
    expect(r.aggregated).toBe(true);
    expect(r.method).toBe('blocks');
    expect(r.blocks).toBe(2);
    expect(r.selectedIds).toEqual(['B']);
    expect(r.objective).toBeCloseTo(55, 9);
    expect(r.bound).toBeCloseTo(36, 9);
    expect(r.gap).toBeCloseTo(19 / 55, 9);
    expect(r.optimal).toBe(false);
    // served points only: (15 + 8 + 12) / 7
    expect(r.meanCost).toBeCloseTo(5, 12);
  });
  it('p = 2: both open, exact 30, bound 20', () => {
    const r = solveSiting(fourPoints(), { model: 'pmedian', p: 2, solver, unservedCost: 20, demandBlocks: twoBlocks, exactPairLimit: 0 });
    expect(r.objective).toBeCloseTo(30, 9);
    expect(r.bound).toBeCloseTo(20, 9);
  });
  it('under the pair limit the exact ILP runs, not blocks', () => {
    const r = solveSiting(fourPoints(), { model: 'pmedian', p: 1, solver, unservedCost: 20, demandBlocks: twoBlocks });
    expect(r.aggregated).toBe(false);
    expect(r.method).toBe('ilp');
    expect(r.objective).toBeCloseTo(55, 9);
  });
  it('property: bound ≤ exact optimum ≤ the blocks’ set evaluated exactly (random matrices, blocks of 3 points)', () => {
    let seed = 777;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let t = 0; t < 20; t++) {
      const nf = 3 + Math.floor(rnd() * 4);
      const nd = 6 + Math.floor(rnd() * 12);
      const entries: CostEntry[] = [];
      for (let i = 0; i < nf; i++) for (let j = 0; j < nd; j++) if (rnd() < 0.8) entries.push({ facility: i, demand: j, cost: 1 + Math.floor(rnd() * 40) });
      const m = costMatrixFromEntries(
        Array.from({ length: nf }, (_, i) => `f${i}`),
        Array.from({ length: nd }, (_, j) => `d${j}`),
        Array.from({ length: nd }, () => 1 + Math.floor(rnd() * 5)),
        entries,
        t % 4 === 0 ? [0] : [],
      );
      const blocks = (): Int32Array => Int32Array.from({ length: nd }, (_, j) => Math.floor(j / 3));
      for (let p = 1; p <= 2; p++) {
        const exact = solveSiting(m, { model: 'pmedian', p, solver, unservedCost: 50 });
        const agg = solveSiting(m, { model: 'pmedian', p, solver, unservedCost: 50, demandBlocks: blocks, exactPairLimit: 0 });
        expect(exact.optimal).toBe(true);
        expect(agg.aggregated).toBe(true);
        expect(agg.bound).toBeLessThanOrEqual(exact.objective + 1e-6);
        expect(agg.objective).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      }
    }
  });
});
