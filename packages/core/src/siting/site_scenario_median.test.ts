import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load_scenario';
import type { LoadedScenario } from '../scenario/scenario_types';
import { siteScenario } from './site_scenario';
import type { MipSolver } from './solver';
import { testSolver } from './testing';

const dir = new URL('../../../../data/sample-city/', import.meta.url);

async function loadSample(): Promise<LoadedScenario> {
  const json = JSON.parse(await readFile(new URL('scenario.json', dir), 'utf8')) as unknown;
  return loadScenario(json, 'data/sample-city/scenario.json', async (rel) => new Uint8Array(await readFile(new URL(rel, dir))));
}

// The problems `firecover site data/sample-city/scenario.json --model pmedian|pcenter --p 2` solves
// (generated candidates at the default 250 m), which used to run into a 60 s time limit. The curve is
// left out (curveMax 0): it is the MCLP, tested elsewhere.
const TIME_LIMIT_S = 60;
// each test builds the network matrix (≈ 9 million pairs) and runs the planned-versus-optimal MCLP too:
// tens of seconds on a loaded machine, so a test timeout well above the solver's limit

describe('p-median and p-center on the sample city finish', () => {
  let s: LoadedScenario;
  let solver: MipSolver;
  beforeAll(async () => {
    [s, solver] = await Promise.all([loadSample(), testSolver()]);
  });

  it('p-center p = 2: exact by set covering, proven optimal within the time limit', () => {
    const r = siteScenario(s, { model: 'pcenter', p: 2, solver, curveMax: 0, timeLimitS: TIME_LIMIT_S }).result;
    expect(r.method).toBe('cover-sequence');
    expect(r.optimal).toBe(true);
    expect(r.status).toBe('optimal');
    expect(r.selected.length).toBe(2);
    expect(r.timeS).toBeLessThan(TIME_LIMIT_S);
    // the radius is the worst arrival of the chosen set (every reachable cell is served within 2 × 300 s)
    expect(r.objective).toBe(r.maxCost);
    expect(r.objective).toBeLessThanOrEqual(600);
    expect(r.bound).toBe(r.objective);
  }, 240_000);

  it('p-median p = 2: solved on blocks, labelled aggregated, objective exact for the set, a valid bound below it', () => {
    const siting = siteScenario(s, { model: 'pmedian', p: 2, solver, curveMax: 0, timeLimitS: TIME_LIMIT_S });
    const r = siting.result;
    expect(r.aggregated).toBe(true);
    expect(r.method).toBe('blocks');
    expect(r.blockSide).toBeGreaterThanOrEqual(2);
    expect(r.selected.length).toBe(2);
    expect(r.timeS).toBeLessThan(TIME_LIMIT_S);
    // objective = Σ w × nearest arrival over served cells + the unserved reachable cells at the cut-off
    const U = siting.problem.budgetS;
    const served = r.totalWeight - r.unservedWeight;
    expect(r.objective).toBeCloseTo(r.meanCost * served + (r.unservedWeight - r.unreachableWeight) * U, 0);
    expect(Number.isFinite(r.bound)).toBe(true);
    expect(r.bound).toBeGreaterThan(0);
    expect(r.bound).toBeLessThanOrEqual(r.objective);
    expect(r.gap).toBeCloseTo((r.objective - r.bound) / r.objective, 12);
  }, 240_000);
});
