import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, tempDir } from '../packages/cli/test/run_cli';
import { MANIFEST } from '../packages/cli/src/atomic_write';
import { SAMPLE_CITY_SCENARIO, SAMPLE_CITY_WATER_FILES } from './sample_city_files';

const SCENARIO = SAMPLE_CITY_SCENARIO;
// Coverage: summary, five layers and the district table; water (docs/water.md, no water cranes: the sample
// city is not a severe-cold city): seven layers and the per-district hydrant table.
const COVERAGE_FILES = ['districts.csv', 'districts.geojson', 'gaps.geojson', 'reached_network.geojson', 'service_areas.geojson', 'stations.geojson', 'summary.json'];
const WATER_FILES = SAMPLE_CITY_WATER_FILES;
// and firecover's manifest of the folder, listing the rest
const LAYERS = [...COVERAGE_FILES, ...WATER_FILES, MANIFEST].sort();
const tmp = tempDir('firecover-analyze-');
afterAll(() => tmp.cleanup());

describe('firecover analyze on the sample city', () => {
  it('writes summary.json, the coverage and water layers and the two tables, byte-identical run to run and language to language', async () => {
    const a = join(tmp.dir, 'a');
    const b = join(tmp.dir, 'b');
    const [ra, rb] = await Promise.all([runCli(['analyze', SCENARIO, '--out', a]), runCli(['analyze', SCENARIO, '--out', b, '--lang', 'zh'])]);
    expect(ra.stderr).toBe('');
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    expect(filesIn(a)).toEqual(LAYERS);
    for (const f of LAYERS) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
    // the terminal table: every check with its clause, in the language asked for
    expect(ra.stdout).toMatch(/Districts/);
    expect(ra.stdout).toMatch(/GB 51080-2015 §4\.1\.3-1/);
    expect(ra.stdout).toMatch(/GB 51080-2015 §4\.1\.3-4/);
    expect(ra.stdout).toMatch(/Existing versus planned/);
    expect(rb.stdout).toMatch(/辖区/);
    expect(rb.stdout).toMatch(/现状与规划对比/);
    // Chinese names in the Chinese tables (stations' nameZh, barriers' nameZh in barriers.geojson), English otherwise
    expect(rb.stdout).toMatch(/城南消防救援站/);
    expect(rb.stdout).toMatch(/绕城快速路/);
    expect(rb.stdout).not.toMatch(/Chengnan Station|Raocheng Expressway/);
    expect(ra.stdout).toMatch(/Raocheng Expressway/);
    expect(ra.stdout).not.toMatch(/城南消防救援站/);

    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    // PLANTED.md #6: Chengnan sits at the southern edge of town, far off its district centre
    const chengnan = summary.coverage.districts.find((d: { stationId: string }) => d.stationId === 'chengnan');
    expect(chengnan.marginalised.value).toBe(true);
    expect(chengnan.marginalised.clause).toMatch(/GB 51080-2015/);
    // PLANTED.md #7: coverage rises as the planned stations enter service (2026, 2028)
    const sets = summary.comparison.sets as { key: string; landSharePct: number; demandSharePct: number }[];
    expect(sets.map((s) => s.key)).toEqual(['existing', 'year-2026', 'year-2028']);
    expect(sets[1].landSharePct).toBeGreaterThan(sets[0].landSharePct);
    expect(sets[2].landSharePct).toBeGreaterThan(sets[1].landSharePct);
    expect(sets[2].demandSharePct).toBeGreaterThan(sets[0].demandSharePct);
    // every figure carries a unit and a clause
    for (const f of summary.coverage.figures) {
      expect(typeof f.unit).toBe('string');
      expect(typeof f.clause).toBe('string');
    }
    const districts = JSON.parse(readFileSync(join(a, 'districts.geojson'), 'utf8'));
    expect(districts.features.length).toBe(summary.coverage.districts.length);

    // districts.csv: a header and one row per district, each check with its clause
    // spreadsheet tables start with a UTF-8 byte-order mark (Excel on Chinese Windows needs it)
    const csvRaw = readFileSync(join(a, 'districts.csv'), 'utf8');
    expect(csvRaw.charCodeAt(0)).toBe(0xfeff);
    const csv = csvRaw.slice(1).trimEnd().split('\n');
    expect(csv[0].split(',').slice(0, 8)).toEqual(['station_id', 'name', 'name_zh', 'class', 'area_km2', 'cap_km2', 'area_ok', 'area_clause']);
    expect(csv.length).toBe(1 + summary.coverage.districts.length);
    const chengnanRow = csv.find((l) => l.startsWith('chengnan,'));
    expect(chengnanRow).toMatch(/城南消防救援站/);
    expect(chengnanRow).toMatch(/GB 51080-2015 §4\.1\.3-1/);
    // hydrant_districts.csv: the water table on the coverage districts; PLANTED.md #5: 3421 hydrants, 3000 working
    const water = readFileSync(join(a, 'hydrant_districts.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(water[0].split(',').slice(0, 3)).toEqual(['district', 'name', 'name_zh']);
    expect(water.slice(1, -1).map((l) => l.split(',')[0])).toEqual(summary.coverage.districts.map((d: { stationId: string }) => d.stationId));
    const total = water[water.length - 1].split(',');
    const col = (name: string) => total[water[0].split(',').indexOf(name)];
    expect(col('district')).toBe('total');
    expect(col('existing')).toBe('3421');
    expect(col('working')).toBe('3000');
  });

  it('--no-water writes the coverage files only', async () => {
    const c = join(tmp.dir, 'c');
    const r = await runCli(['analyze', SCENARIO, '--out', c, '--no-water']);
    expect(r.code).toBe(0);
    expect(filesIn(c)).toEqual([...COVERAGE_FILES, MANIFEST].sort());
    expect(r.stdout).not.toMatch(/Water supply/);
  });

  it('rejects a bad --stations value with exit code 2', async () => {
    const r = await runCli(['analyze', SCENARIO, '--stations', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--stations/);
  });
});
