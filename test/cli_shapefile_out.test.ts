import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../packages/cli/test/run_cli';
import { crsFromWkt, readShapefile } from '../packages/core/src/index';
import { gk35 } from './china_coordinates';
import { REPO_ROOT } from './shared_data';

/**
 * `analyze --out DIR --format shapefile` (issue 10, formats out): every GeoJSON layer of the ordinary
 * run comes out as a Shapefile set, and what the Shapefiles hold — read back with the Shapefile reader
 * (built from the ESRI spec) and the rename sidecar — equals what the GeoJSON layers hold.
 */
const DIR = join(REPO_ROOT, 'data', 'sample-city');
const tmp = tempDir('firecover-shpout-');
afterAll(() => tmp.cleanup());

type Fc = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
const PARTS = ['.shp', '.shx', '.dbf', '.prj', '.cpg'];

function readSet(dir: string, stem: string): ReturnType<typeof readShapefile> {
  const p = (ext: string): string => join(dir, `${stem}${ext}`);
  return readShapefile({ shp: readFileSync(p('.shp')), dbf: readFileSync(p('.dbf')), prj: readFileSync(p('.prj'), 'utf8'), cpg: readFileSync(p('.cpg'), 'utf8') }, p('.shp'));
}

/** original → written, from `<layer>.fields.csv` (names without commas or quotes here). */
function renames(dir: string, layer: string): Map<string, string> {
  const file = join(dir, `${layer}.fields.csv`);
  if (!existsSync(file)) return new Map();
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true); // for Excel, as the CSV tables
  const [header, ...rows] = text.slice(1).trim().split('\n');
  expect(header).toBe('original,written');
  return new Map(rows.map((r) => r.split(',') as [string, string]));
}

/** Every scalar property of `original` read back under its written name, equal. */
function expectSameProperties(original: Record<string, unknown>, back: Record<string, unknown>, names: Map<string, string>): void {
  for (const [k, v] of Object.entries(original)) {
    const got = back[names.get(k) ?? k];
    if (v === null || v === undefined) expect([null, undefined, ''], k).toContain(got);
    else if (typeof v === 'object') expect(got, k).toBe(JSON.stringify(v));
    else expect(got, k).toBe(typeof v === 'string' ? v.trim() : v);
  }
}

describe('analyze --format shapefile', () => {
  it('writes a Shapefile set per layer whose per-district figures read back equal the GeoJSON', async () => {
    const g = join(tmp.dir, 'geojson');
    const s = join(tmp.dir, 'shp');
    const k = join(tmp.dir, 'gbk');
    const never = join(tmp.dir, 'never');
    const rg = await runCli(['analyze', join(DIR, 'scenario.json'), '--out', g]);
    const rs = await runCli(['analyze', join(DIR, 'scenario.json'), '--out', s, '--format', 'shapefile']);
    const rk = await runCli(['analyze', join(DIR, 'scenario.json'), '--no-water', '--out', k, '--format', 'shapefile', '--encoding', 'gbk', '--out-crs', 'EPSG:4523']);
    const badEnc = await runCli(['analyze', join(DIR, 'scenario.json'), '--out', never, '--encoding', 'gbk']);
    const badCrs = await runCli(['analyze', join(DIR, 'scenario.json'), '--out', never, '--format', 'shapefile', '--out-crs', '+proj=tmerc +lon_0=120 +ellps=GRS80']);
    expect([rg.code, rs.code, rk.code], rs.stderr + rk.stderr).toEqual([0, 0, 0]);
    expect(badEnc.code).toBe(2);
    expect(badEnc.stderr).toMatch(/--encoding applies to --format shapefile only/);
    expect(badCrs.code).toBe(2);
    expect(badCrs.stderr).toMatch(/--format shapefile writes a \.prj for WGS84/);
    expect(existsSync(never)).toBe(false);

    // Every GeoJSON layer → a full set (split per geometry kind when mixed); the tables unchanged.
    const shpFiles = readdirSync(s);
    expect(shpFiles.filter((f) => f.endsWith('.geojson'))).toEqual([]);
    const layers = readdirSync(g).filter((f) => f.endsWith('.geojson')).map((f) => f.replace(/\.geojson$/, ''));
    expect(layers.length).toBeGreaterThan(5);
    for (const layer of layers) {
      const fc = JSON.parse(readFileSync(join(g, `${layer}.geojson`), 'utf8')) as Fc;
      const stems = shpFiles.filter((f) => f.endsWith('.shp')).map((f) => f.slice(0, -4)).filter((x) => x === layer || /^(.*)_(points|lines|polygons)$/.exec(x)?.[1] === layer);
      expect(stems.length, layer).toBeGreaterThan(0);
      for (const stem of stems) for (const ext of PARTS) expect(shpFiles, `${stem}${ext}`).toContain(`${stem}${ext}`);
      const records = stems.reduce((a, stem) => a + readSet(s, stem).read, 0);
      // A feature mixing kinds is written once per kind; otherwise one record per feature.
      expect(records, layer).toBeGreaterThanOrEqual(fc.features.length);
    }
    expect(readFileSync(join(s, 'districts.csv'), 'utf8')).toBe(readFileSync(join(g, 'districts.csv'), 'utf8'));
    expect(readFileSync(join(s, 'districts.cpg'), 'utf8')).toBe('UTF-8');
    expect(crsFromWkt(readFileSync(join(s, 'districts.prj'), 'utf8'), { file: 'districts.prj' }).id).toBe('EPSG:4326');

    // The per-district figures: every property of every district, under its written name.
    const districts = JSON.parse(readFileSync(join(g, 'districts.geojson'), 'utf8')) as Fc;
    const names = renames(s, 'districts');
    expect(names.get('latestArrivalS')).toBe('latestArri');
    for (const w of names.values()) expect(new TextEncoder().encode(w).length).toBeLessThanOrEqual(10);
    const back = readSet(s, 'districts').fc.features;
    expect(back).toHaveLength(districts.features.length);
    districts.features.forEach((d, i) => {
      expectSameProperties(d.properties, back[i].properties, names);
      const rings = (x: { type: string; coordinates: unknown }): number => (x.type === 'Polygon' ? (x.coordinates as unknown[]).length : (x.coordinates as unknown[][]).reduce((a, p) => a + p.length, 0));
      expect(rings(back[i].geometry as never)).toBe(rings(d.geometry));
    });
    const hydrants = JSON.parse(readFileSync(join(g, 'hydrants.geojson'), 'utf8')) as Fc;
    const hb = readSet(s, 'hydrants').fc.features;
    expect(hb.map((f) => (f.geometry as { coordinates: number[] }).coordinates)).toEqual(hydrants.features.map((f) => f.geometry.coordinates));

    // GBK + CGCS2000 zone 35: .cpg "GBK", the station names back in Chinese, the .prj naming the zone.
    expect(readFileSync(join(k, 'stations.cpg'), 'utf8')).toBe('GBK');
    const prj = readFileSync(join(k, 'stations.prj'), 'utf8');
    expect(prj).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_Zone_35"/);
    expect(crsFromWkt(prj, { file: 'stations.prj' }).id).toBe('EPSG:4523');
    const stations = JSON.parse(readFileSync(join(g, 'stations.geojson'), 'utf8')) as Fc;
    const sk = readSet(k, 'stations');
    expect(sk.encoding).toBe('gb18030');
    expect(sk.fc.features.map((f) => f.properties.nameZh)).toEqual(stations.features.map((f) => f.properties.nameZh));
    sk.fc.features.forEach((f, i) => {
      const [lon, lat] = stations.features[i].geometry.coordinates as number[];
      const [e, n] = gk35(lon, lat);
      const [x, y] = (f.geometry as { coordinates: number[] }).coordinates;
      expect(x).toBeCloseTo(e, 3);
      expect(y).toBeCloseTo(n, 3);
    });
  }, 240_000);

  it('honours SOURCE_DATE_EPOCH in the DBF header, so two runs on any day give the same bytes', async () => {
    // 365 days after the epoch is 1971-01-01: the header's bytes 1–3 are the year − 1900, month, day.
    const env = { SOURCE_DATE_EPOCH: String(365 * 86400) };
    const a = join(tmp.dir, 'epoch-a');
    const b = join(tmp.dir, 'epoch-b');
    for (const out of [a, b]) expect((await runCli(['analyze', join(DIR, 'scenario.json'), '--no-water', '--out', out, '--format', 'shapefile'], { env })).code).toBe(0);
    const dbf = readFileSync(join(a, 'stations.dbf'));
    expect([dbf[1], dbf[2], dbf[3]]).toEqual([71, 1, 1]);
    for (const f of readdirSync(a).filter((n) => /\.(shp|shx|dbf|prj|cpg)$/.test(n))) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  }, 240_000);
});
