import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, tempDir } from '../packages/cli/test/run_cli';
import { MANIFEST } from '../packages/cli/src/atomic_write';
import { SAMPLE_CITY_SCENARIO, SAMPLE_CITY_WATER_FILES } from './sample_city_files';

const SCENARIO = SAMPLE_CITY_SCENARIO;
// and firecover's manifest of the folder, listing the rest
const FILES = [...SAMPLE_CITY_WATER_FILES, MANIFEST].sort();
const tmp = tempDir('firecover-hydrants-');
afterAll(() => tmp.cleanup());

describe('firecover hydrants on the sample city', () => {
  const a = join(tmp.dir, 'a');
  const b = join(tmp.dir, 'b');
  const runs = Promise.all([runCli(['hydrants', SCENARIO, '--out', a]), runCli(['hydrants', SCENARIO, '--out', b, '--lang', 'zh'])]);

  it('writes the layer files and the district table, byte-identical run to run (and language to language)', async () => {
    const [ra, rb] = await runs;
    expect(ra.stderr).toBe('');
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    expect(filesIn(a)).toEqual(FILES);
    expect(filesIn(b)).toEqual(FILES);
    for (const f of FILES) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    // PLANTED.md #5: 3421 hydrants in the layer, one per hydrant
    expect(JSON.parse(readFileSync(join(a, 'hydrants.geojson'), 'utf8')).features).toHaveLength(3421);
  });

  it('prints every figure with its GB 50974-2014 clause', async () => {
    const [ra] = await runs;
    expect(ra.stdout).toMatch(/Spacing \(GB 50974-2014 §7\.2\.5, ≤ 120 m\)/);
    expect(ra.stdout).toMatch(/Protection \(GB 50974-2014 §7\.2\.5, ≤ 150 m/);
    expect(ra.stdout).toMatch(/Wide roads \(GB 50974-2014 §7\.2\.3/);
    expect(ra.stdout).toMatch(/Bridge heads and tunnel entrances \(GB 50974-2014 §7\.2\.4, within 50 m\)/);
    // PLANTED.md #5: intact rate = working ÷ existing = 3000 / 3421 = 87.7 %
    expect(ra.stdout).toMatch(/intact rate \(完好率\) 87\.7%/);
  });

  it('reports the planted bare bridge head (PLANTED.md #3: south head of 东门大桥, 104.60832, 30.09364)', async () => {
    const [ra, rb] = await runs;
    expect(ra.stdout).toMatch(/without a hydrant 1\b/);
    expect(ra.stdout).toMatch(/bridge head of Dongmen Bridge at 104\.60832, 30\.09364/);
    expect(rb.stdout).toMatch(/东门大桥桥头（104\.60832, 30\.09364）/);
    const places = JSON.parse(readFileSync(join(a, 'required_places.geojson'), 'utf8')).features as { geometry: { coordinates: [number, number] }; properties: { ok: boolean; nearest_hydrant_m: number | null; nameZh: string | null } }[];
    const bad = places.filter((p) => !p.properties.ok);
    expect(bad).toHaveLength(1);
    const [lon, lat] = bad[0].geometry.coordinates;
    // within about 15 m of the planted point (1e-4° ≈ 10 m)
    expect(Math.abs(lon - 104.60832)).toBeLessThan(1.5e-4);
    expect(Math.abs(lat - 30.09364)).toBeLessThan(1.5e-4);
    expect(bad[0].properties.nearest_hydrant_m).toBeGreaterThan(50);
    expect(bad[0].properties.nameZh).toBe('东门大桥');
  });

  it('--lang zh prints 建有率 and 完好率 and the Chinese station names', async () => {
    const [, rb] = await runs;
    expect(rb.stdout).toMatch(/建有率 \d+\.\d%，完好率 87\.7%/);
    expect(rb.stdout).toMatch(/城南消防救援站/);
    expect(rb.stdout).not.toMatch(/Chengnan Station/);
  });

  it('agrees with firecover analyze: the same water files from the same stations and districts', async () => {
    await runs;
    const c = join(tmp.dir, 'c');
    const rc = await runCli(['analyze', SCENARIO, '--out', c]);
    expect(rc.code).toBe(0);
    for (const f of SAMPLE_CITY_WATER_FILES) expect(readFileSync(join(a, f)).equals(readFileSync(join(c, f))), f).toBe(true);
  });

  it('a missing scenario file: exit 2, the file named, no stack trace, no output directory', async () => {
    const out = join(tmp.dir, 'never');
    const r = await runCli(['hydrants', join(tmp.dir, 'no-such-scenario.json'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*no-such-scenario\.json: file not found/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
