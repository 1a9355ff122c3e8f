import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../packages/cli/test/run_cli';
import { readKml } from '../packages/core/src/index';
import { gcj, gk35 } from './china_coordinates';
import { REPO_ROOT } from './shared_data';

/**
 * The CLI's side of issue 10: an undeclared GCJ-02 layer is warned about on stderr and in summary.json
 * (`warnings[]`, beside the existing fields), every layer's import report is printed and written
 * (`imports[]`), and the network options take --crs. Coordinates are converted here, not by firecover.
 */
const DIR = join(REPO_ROOT, 'data', 'sample-city');
const tmp = tempDir('firecover-china-');
afterAll(() => tmp.cleanup());

type Fc = { features: { geometry: { type: string; coordinates: unknown } }[] };
function mapPositions(fc: Fc, f: (lon: number, lat: number) => [number, number]): Fc {
  const map = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? f((c as number[])[0], (c as number[])[1]) : (c as unknown[]).map(map));
  return { ...fc, features: fc.features.map((x) => ({ ...x, geometry: { ...x.geometry, coordinates: map(x.geometry.coordinates) } })) };
}

describe('firecover and Chinese coordinates', () => {
  it('analyze: hydrants in undeclared GCJ-02 → a warning on stderr and in summary.json, the import report printed and written', async () => {
    const scenario = JSON.parse(readFileSync(join(DIR, 'scenario.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['waterSources', 'barriers', 'demand', 'studyArea']) scenario[k] = join(DIR, scenario[k] as string);
    scenario.network = { geojson: join(DIR, 'roads.geojson') };
    scenario.hydrants = 'hydrants_gcj.geojson';
    const hydrants = mapPositions(JSON.parse(readFileSync(join(DIR, 'hydrants.geojson'), 'utf8')) as Fc, gcj);
    writeFileSync(join(tmp.dir, 'hydrants_gcj.geojson'), JSON.stringify(hydrants));
    writeFileSync(join(tmp.dir, 'scenario.json'), JSON.stringify(scenario));
    const out = join(tmp.dir, 'out');
    const r = await runCli(['analyze', join(tmp.dir, 'scenario.json'), '--no-water', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: hydrants .*GCJ-02.*"crs": "GCJ-02"/);
    expect(r.stdout).toMatch(/^Inputs\n {2}network: .*roads\.geojson · geojson · 1901 read, 1901 kept · EPSG:4326 WGS 84 \(default\)\n/);
    expect(r.stdout).toMatch(/hydrants: .*hydrants_gcj\.geojson · geojson · 3421 read, 3421 kept/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['scenario', 'coverage', 'comparison', 'water']) expect(summary).toHaveProperty(k);
    expect((summary.warnings as { code: string; layer: string }[]).map((w) => [w.code, w.layer])).toEqual([['gcj02-offset', 'hydrants']]);
    const imports = summary.imports as { layer: string; crs: string; crsSource: string; read: number }[];
    expect(imports.find((i) => i.layer === 'hydrants')).toMatchObject({ crs: 'EPSG:4326', crsSource: 'default', read: 3421 });
  }, 240_000);

  it('analyze with a water-source atlas and a status table: the import reports name the unknown id; 完好率 follows the updated statuses', async () => {
    const scenario = JSON.parse(readFileSync(join(DIR, 'scenario.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['barriers', 'demand', 'studyArea']) scenario[k] = join(DIR, scenario[k] as string);
    scenario.network = { geojson: join(DIR, 'roads.geojson') };
    delete scenario.hydrants;
    delete scenario.waterSources;
    Object.assign(scenario, { waterAtlas: 'atlas.geojson', waterStatus: 'status.csv' });
    type P = { properties: Record<string, string> };
    const h = JSON.parse(readFileSync(join(DIR, 'hydrants.geojson'), 'utf8')) as { features: P[] };
    const w = JSON.parse(readFileSync(join(DIR, 'water_sources.geojson'), 'utf8')) as { features: P[] };
    writeFileSync(join(tmp.dir, 'atlas.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [...h.features.map((f) => ({ ...f, properties: { ...f.properties, kind: 'hydrant' } })), ...w.features] }));
    const working = h.features.filter((f) => f.properties.status === 'working');
    const marked = working.slice(0, 10).map((f) => `${f.properties.id},损坏,2026-11-01`);
    writeFileSync(join(tmp.dir, 'status.csv'), ['编号,状态,日期', 'ZZ9,完好,2026-11-01', ...marked].join('\n'));
    writeFileSync(join(tmp.dir, 'atlas_scenario.json'), JSON.stringify(scenario));
    const out = join(tmp.dir, 'atlas_out');
    const r = await runCli(['analyze', join(tmp.dir, 'atlas_scenario.json'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`waterAtlas: .*atlas\\.geojson · geojson · ${h.features.length + w.features.length} read`));
    expect(r.stdout).toMatch(/waterStatus: .*status\.csv · csv.* 11 read, 10 kept, 1 dropped \(unknown id: row 2 \(id ZZ9\)\)/);
    expect(r.stdout).toMatch(new RegExp(`status: working ${working.length - 10}, damaged`));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { imports: { layer: string; dropped: { where: string }[] }[] };
    expect(summary.imports.find((i) => i.layer === 'waterStatus')!.dropped.map((d) => d.where)).toEqual(['row 2 (id ZZ9)']);
  }, 240_000);

  it('info --geojson --crs EPSG:4523: the roads in GK zone 35 read as the WGS84 original; without --crs the zone is named', async () => {
    const roads = mapPositions(JSON.parse(readFileSync(join(DIR, 'roads.geojson'), 'utf8')) as Fc, gk35);
    const file = join(tmp.dir, 'roads_gk35.geojson');
    writeFileSync(file, JSON.stringify(roads));
    const [want, got, bad] = await Promise.all([
      runCli(['info', '--geojson', join(DIR, 'roads.geojson')]),
      runCli(['info', '--geojson', file, '--crs', 'EPSG:4523']),
      runCli(['info', '--geojson', file]),
    ]);
    expect(got.code).toBe(0);
    const body = (s: string): string[] => s.split('\n').filter((l) => !l.startsWith('input'));
    expect(body(got.stdout)).toEqual(body(want.stdout));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/roads_gk35\.geojson.*zone 35.*"crs": "EPSG:4523"/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 240_000);

  it('hydrants --out-crs GCJ-02: the layers in GCJ-02 with a crs member; a bad --out-crs fails before any output', async () => {
    const out = join(tmp.dir, 'gcj');
    const never = join(tmp.dir, 'never');
    const kml = join(tmp.dir, 'kml');
    const [r, bad, rk, badKml] = await Promise.all([
      runCli(['hydrants', join(DIR, 'scenario.json'), '--no-land', '--out', out, '--out-crs', 'GCJ-02']),
      runCli(['hydrants', join(DIR, 'scenario.json'), '--no-land', '--out', never, '--out-crs', 'Beijing54']),
      runCli(['hydrants', join(DIR, 'scenario.json'), '--no-land', '--out', kml, '--out-crs', 'GCJ-02', '--format', 'kml']),
      runCli(['hydrants', join(DIR, 'scenario.json'), '--no-land', '--out', never, '--out-crs', 'EPSG:4523', '--format', 'kml']),
    ]);
    expect(r.code).toBe(0);
    const layer = JSON.parse(readFileSync(join(out, 'hydrants.geojson'), 'utf8')) as { crs: unknown; features: { properties: { id: string }; geometry: { coordinates: number[] } }[] };
    expect(layer.crs).toEqual({ type: 'name', properties: { name: 'GCJ-02' } });
    const source = JSON.parse(readFileSync(join(DIR, 'hydrants.geojson'), 'utf8')) as typeof layer;
    const byId = new Map(source.features.map((f) => [f.properties.id, f.geometry.coordinates]));
    for (const f of layer.features.slice(0, 50)) {
      const [lon, lat] = byId.get(f.properties.id)!;
      const [x, y] = gcj(lon, lat);
      expect(f.geometry.coordinates[0]).toBeCloseTo(x, 9);
      expect(f.geometry.coordinates[1]).toBeCloseTo(y, 9);
    }
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out-crs.*unknown coordinate system "Beijing54"/);
    expect(badKml.code).toBe(2);
    expect(badKml.stderr).toMatch(/KML holds longitude\/latitude/);
    expect(existsSync(never)).toBe(false);
    // --format kml: the same layers as KML placemarks, in the same GCJ-02 coordinates.
    expect(rk.code).toBe(0);
    const placemarks = readKml(readFileSync(join(kml, 'hydrants.kml'), 'utf8'), 'hydrants.kml').features;
    expect(placemarks).toHaveLength(layer.features.length);
    placemarks.slice(0, 50).forEach((p, i) => {
      expect(p.properties.id).toBe(layer.features[i].properties.id);
      expect((p.geometry as { coordinates: number[] }).coordinates).toEqual(layer.features[i].geometry.coordinates);
    });
    expect(existsSync(join(kml, 'hydrants.geojson'))).toBe(false);
  }, 240_000);
});
