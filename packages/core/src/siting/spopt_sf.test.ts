import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveSharedData, SPOPT_SF_DIR } from '../../../../test/shared_data';
import { costMatrixFromTables } from './matrix_table';
import { solveSiting } from './models';
import type { MipSolver } from './solver';
import { testSolver } from './testing';

// Published by spopt's own tests (../shared/notes/oracles.md §4): 205 tracts, 16 sites, 5,000 m, p = 4.
const present = haveSharedData(SPOPT_SF_DIR);

describe.runIf(present)('San Francisco fixture (spopt)', () => {
  let solver: MipSolver;
  const load = () =>
    costMatrixFromTables(
      readFileSync(join(SPOPT_SF_DIR, 'SF_network_distance_candidateStore_16_censusTract_205_new.csv'), 'utf8'),
      'SF_network_distance_candidateStore_16_censusTract_205_new.csv',
      { facilityColumn: 'name', demandColumn: 'DestinationName', costColumn: 'distance' },
      { text: readFileSync(join(SPOPT_SF_DIR, 'SF_demand_205_centroid_uniform_weight.csv'), 'utf8'), file: 'SF_demand_205_centroid_uniform_weight.csv', columns: { idColumn: 'NAME', weightColumn: 'POP2000' } },
    );
  beforeAll(async () => {
    solver = await testSolver();
  });

  it('reads 16 sites, 205 tracts and 3,280 distances', () => {
    const m = load();
    expect(m.facilityIds.length).toBe(16);
    expect(m.demandIds.length).toBe(205);
    expect(m.cost.length).toBe(3280);
  });

  it('MCLP p = 4 at 5,000 m leaves 21 tracts uncovered (89.75609756097561 % of tracts covered)', () => {
    const r = solveSiting(load(), { model: 'mclp', p: 4, serviceCost: 5000, solver });
    expect(r.optimal).toBe(true);
    expect(r.uncoveredDemandPoints).toBe(21);
    expect((100 * (r.demandPoints - r.uncoveredDemandPoints)) / r.demandPoints).toBeCloseTo((100 * 184) / 205, 10); // published 89.75609756097561 % = 184 of 205
    expect(r.selected.length).toBe(4);
  });

  it('p-median p = 4: weighted mean distance 2982.1268579890657 m', () => {
    const r = solveSiting(load(), { model: 'pmedian', p: 4, solver });
    expect(r.optimal).toBe(true);
    expect(r.meanCost).toBeCloseTo(2982.1268579890657, 6);
  });

  // No published p-center figure is in oracles.md: the two exact methods must agree (and the radius is
  // one of the matrix's distances).
  it('p-center p = 1…4: the sequence of set-covering problems and the direct ILP give the same radius', () => {
    const m = load();
    const distances = new Set(Array.from(m.cost));
    for (let p = 1; p <= 4; p++) {
      const a = solveSiting(m, { model: 'pcenter', p, solver });
      const b = solveSiting(m, { model: 'pcenter', p, solver, pcenterMethod: 'direct' });
      expect(a.optimal).toBe(true);
      expect(b.optimal).toBe(true);
      expect(a.objective).toBeCloseTo(b.objective, 6);
      expect(distances.has(a.objective)).toBe(true);
      expect(a.selected.length).toBe(p);
    }
  });
});
