import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../packages/cli/test/run_cli';
import { LAUF_PBF, REPO_ROOT, haveSharedData } from './shared_data';

// The whole pipeline on real data through the command a planner runs: an OSM extract, its own stations,
// hydrants, water and barriers. Expected facts come from ../shared/data/lauf-pegnitz/SOURCE.md (counted
// with osmium): 4 amenity=fire_station objects at 3 sites, 479 hydrants, and the Wetzendorf station on a
// road island whose village roads leave the extract.
const SCENARIO = resolve(REPO_ROOT, 'test', 'fixtures', 'lauf-pegnitz.scenario.json');
const tmp = tempDir('firecover-lauf-');
afterAll(() => tmp.cleanup());

describe.runIf(haveSharedData(LAUF_PBF))('firecover analyze on the Lauf extract (real OSM data)', () => {
  it('analyses the 3 station sites, reports the Wetzendorf island and counts all 479 hydrants', async () => {
    const out = join(tmp.dir, 'out');
    const r = await runCli(['analyze', SCENARIO, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Road island: Freiwillige Feuerwehr Wetzendorf/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const districts: { stationId: string; areaKm2: { value: number; limit: number; clause: string } }[] = summary.coverage.districts;
    expect(districts).toHaveLength(3);
    // the districts partition the served land: their areas add up to the land within access of a road
    // that some engine reaches, which lies inside the 4.4 × 3.4 km extract (≈ 15 km²)
    const total = districts.reduce((s, d) => s + d.areaKm2.value, 0);
    // each area is checked against the class-1 cap of 建标152-2017
    for (const d of districts) expect([d.areaKm2.limit, d.areaKm2.clause]).toEqual([7, '建标152-2017']);
    expect(total).toBeGreaterThan(5);
    expect(total).toBeLessThan(15);
    const hydrants = readFileSync(join(out, 'hydrant_districts.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
    const header = hydrants[0].split(',');
    const totalRow = hydrants[hydrants.length - 1].split(',');
    // every hydrant of the file is read: those on a road count as existing, the rest are reported off-road
    const m = /Municipal hydrants: (\d+); on a road (\d+), farther than 30 m from any road (\d+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const [all, onRoad, offRoad] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(all).toBe(479);
    expect(onRoad + offRoad).toBe(479);
    expect(totalRow[header.indexOf('district')]).toBe('total');
    expect(Number(totalRow[header.indexOf('existing')])).toBe(onRoad);
  });
});
