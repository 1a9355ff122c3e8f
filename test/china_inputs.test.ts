import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serialize as writeFlatGeobuf } from 'flatgeobuf/lib/mjs/geojson.js';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWater, InputError, loadScenario, type LoadedScenario, type WaterAnalysis } from '../packages/core/src/index';
import { bd, gcj, gk35, GK35_PRJ } from './china_coordinates';
import { REPO_ROOT } from './shared_data';

/**
 * The sample city's hydrants in the coordinates and formats Chinese bureaus have — converted HERE, with
 * proj4 and the published GCJ-02 / BD-09 formulas written out in this file (not with the code under
 * test) — give the same water figures as the WGS84 original; undeclared GCJ-02 / BD-09 gets a warning;
 * projected coordinates without a CRS get an error naming the zone.
 */
const DIR = join(REPO_ROOT, 'data', 'sample-city');
const SCENARIO = JSON.parse(readFileSync(join(DIR, 'scenario.json'), 'utf8')) as Record<string, unknown>;
const HYDRANTS = JSON.parse(readFileSync(join(DIR, 'hydrants.geojson'), 'utf8')) as {
  features: { properties: Record<string, string | number>; geometry: { coordinates: [number, number] } }[];
};

const STATUS_ZH: Record<string, string> = { working: '完好', damaged: '损坏', low_pressure: '低压', unknown: '未知' };

function geojsonWith(f: (lon: number, lat: number) => [number, number], crsMember?: string): Uint8Array {
  const fc = {
    type: 'FeatureCollection',
    ...(crsMember ? { crs: { type: 'name', properties: { name: crsMember } } } : {}),
    features: HYDRANTS.features.map((h) => ({ ...h, geometry: { type: 'Point', coordinates: f(...h.geometry.coordinates) } })),
  };
  return new TextEncoder().encode(JSON.stringify(fc));
}

/** Chinese-header rows: 编号, 经度/纬度 (or X坐标/Y坐标), 状态 in Chinese, 类型, 管径, 位置, 所在道路. */
function chineseRows(coords: (lon: number, lat: number) => [number, number], xName: string, yName: string): (string | number)[][] {
  const rows: (string | number)[][] = [['编号', xName, yName, '状态', '类型', '管径', 'position', '所在道路']];
  for (const h of HYDRANTS.features) {
    const p = h.properties;
    const [x, y] = coords(...h.geometry.coordinates);
    rows.push([p.id, x, y, STATUS_ZH[p.status as string], p.type, p.diameterMm, p.position, p.road]);
  }
  return rows;
}

function gb18030Csv(rows: (string | number)[][]): Uint8Array {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(9) : c)).join(',')).join('\r\n');
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['消火栓台账 — 见下一工作表']);
  const ws = wb.addWorksheet('消火栓');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A point Shapefile (.shp, .shx, .dbf) written by hand, attributes in GBK, no .cpg. */
function shapefile(points: [number, number][], fields: { name: string; type: 'C' | 'N'; len: number; dec?: number; values: (string | number)[] }[]) {
  const n = points.length;
  const header = (lengthBytes: number): DataView => {
    const v = new DataView(new ArrayBuffer(100));
    v.setInt32(0, 9994);
    v.setInt32(24, lengthBytes / 2);
    v.setInt32(28, 1000, true);
    v.setInt32(32, 1, true);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((b, i) => v.setFloat64(36 + 8 * i, b, true));
    return v;
  };
  const shp = new Uint8Array(100 + n * 28);
  shp.set(new Uint8Array(header(shp.length).buffer), 0);
  const shx = new Uint8Array(100 + n * 8);
  shx.set(new Uint8Array(header(shx.length).buffer), 0);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  points.forEach(([x, y], i) => {
    const o = 100 + i * 28;
    sv.setInt32(o, i + 1);
    sv.setInt32(o + 4, 10);
    sv.setInt32(o + 8, 1, true);
    sv.setFloat64(o + 12, x, true);
    sv.setFloat64(o + 20, y, true);
    xv.setInt32(100 + i * 8, o / 2);
    xv.setInt32(104 + i * 8, 10);
  });
  const recLen = 1 + fields.reduce((s, f) => s + f.len, 0);
  const headLen = 32 + 32 * fields.length + 1;
  const dbf = new Uint8Array(headLen + n * recLen + 1).fill(0x20, headLen);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 3;
  dbf.set([126, 1, 1], 1);
  dv.setUint32(4, n, true);
  dv.setUint16(8, headLen, true);
  dv.setUint16(10, recLen, true);
  fields.forEach((f, k) => {
    const o = 32 + 32 * k;
    dbf.fill(0, o, o + 32);
    dbf.set(iconv.encode(f.name, 'gbk').subarray(0, 10), o);
    dbf[o + 11] = f.type.charCodeAt(0);
    dbf[o + 16] = f.len;
    dbf[o + 17] = f.dec ?? 0;
  });
  dbf[headLen - 1] = 0x0d;
  for (let i = 0; i < n; i++) {
    let o = headLen + i * recLen + 1;
    for (const f of fields) {
      const v = f.values[i];
      const bytes = iconv.encode(typeof v === 'number' ? v.toFixed(f.dec ?? 0).padStart(f.len) : String(v), 'gbk');
      dbf.set(bytes.subarray(0, f.len), o);
      o += f.len;
    }
  }
  dbf[dbf.length - 1] = 0x1a;
  return { shp, shx, dbf };
}

async function load(files: Record<string, Uint8Array>, hydrants: unknown): Promise<LoadedScenario> {
  return loadScenario({ ...SCENARIO, hydrants }, 'city/scenario.json', async (rel) => {
    const mem = files[rel];
    if (mem) return mem;
    return new Uint8Array(readFileSync(join(DIR, rel)));
  });
}

function waterFigures(a: WaterAnalysis): { counts: WaterAnalysis['counts']; total: WaterAnalysis['total'] } {
  return { counts: a.counts, total: a.total };
}

/** Same figures: counts exactly, lengths to the millimetre (a reprojection round trip moves a point by micrometres). */
function expectSameFigures(got: ReturnType<typeof waterFigures>, want: ReturnType<typeof waterFigures>): void {
  expect(got.counts).toEqual(want.counts);
  for (const [k, v] of Object.entries(want.total)) {
    const g = (got.total as unknown as Record<string, unknown>)[k];
    if (typeof v === 'number') expect(g as number, k).toBeCloseTo(v, 6);
    else expect(g, k).toEqual(v);
  }
}

describe('sample-city hydrants in Chinese coordinates and formats', () => {
  let original: ReturnType<typeof waterFigures>;
  beforeAll(async () => {
    const s = await load({}, 'hydrants.geojson');
    expect(s.warnings).toEqual([]);
    original = waterFigures(analyzeWater(s, { land: false }));
    // The sample city has a construction rate to lose: a wrong CRS would change these.
    expect(original.counts.snapped).toBeGreaterThan(3000);
  }, 60_000);

  const gk = gk35;

  const cases: [string, () => Promise<{ files: Record<string, Uint8Array>; ref: unknown; crs: string; source: string }>][] = [
    ['GeoJSON in GK zone 35, declared EPSG:4523', async () => ({ files: { 'h.geojson': geojsonWith(gk) }, ref: { path: 'h.geojson', crs: 'EPSG:4523' }, crs: 'EPSG:4523', source: 'scenario' })],
    ['GeoJSON in GK zone 35 with a crs member', async () => ({ files: { 'h.geojson': geojsonWith(gk, 'urn:ogc:def:crs:EPSG::4523') }, ref: 'h.geojson', crs: 'EPSG:4523', source: 'GeoJSON crs' })],
    ['GeoJSON in GCJ-02, declared', async () => ({ files: { 'h.geojson': geojsonWith(gcj) }, ref: { path: 'h.geojson', crs: 'GCJ-02' }, crs: 'GCJ-02', source: 'scenario' })],
    ['GeoJSON in BD-09, declared', async () => ({ files: { 'h.geojson': geojsonWith(bd) }, ref: { path: 'h.geojson', crs: 'BD-09' }, crs: 'BD-09', source: 'scenario' })],
    [
      'GBK Shapefile with a CGCS2000 GK zone 35 .prj',
      async () => {
        const pts = HYDRANTS.features.map((h) => gk(...h.geometry.coordinates));
        const p = (k: string) => HYDRANTS.features.map((h) => h.properties[k]);
        const { shp, shx, dbf } = shapefile(pts, [
          { name: '编号', type: 'C', len: 12, values: p('id') },
          { name: '状态', type: 'C', len: 8, values: p('status').map((s) => STATUS_ZH[s as string]) },
          { name: 'type', type: 'C', len: 12, values: p('type') },
          { name: 'diameterMm', type: 'N', len: 6, values: p('diameterMm') },
          { name: 'position', type: 'C', len: 12, values: p('position') },
          { name: '道路', type: 'C', len: 40, values: p('road') },
        ]);
        // Chinese field names need the same mapping as tables: status from 状态, id from 编号.
        return { files: { 'h.shp': shp, 'h.shx': shx, 'h.dbf': dbf, 'h.prj': new TextEncoder().encode(GK35_PRJ) }, ref: 'h.shp', crs: 'EPSG:4523', source: '.prj' };
      },
    ],
    [
      'FlatGeobuf in GK zone 35, EPSG:4523 in its header (written by the flatgeobuf library, as GDAL writes it)',
      async () => {
        const fc = JSON.parse(new TextDecoder().decode(geojsonWith(gk))) as Parameters<typeof writeFlatGeobuf>[0];
        return { files: { 'h.fgb': writeFlatGeobuf(fc, 4523) }, ref: 'h.fgb', crs: 'EPSG:4523', source: 'FlatGeobuf header' };
      },
    ],
    ['Excel sheet with Chinese headers (second sheet, named)', async () => ({ files: { 'h.xlsx': await xlsx(chineseRows((x, y) => [x, y], '经度', '纬度')) }, ref: { path: 'h.xlsx', sheet: '消火栓' }, crs: 'EPSG:4326', source: 'default' })],
    ['GB18030 CSV with Chinese headers', async () => ({ files: { 'h.csv': gb18030Csv(chineseRows((x, y) => [x, y], '经度', '纬度')) }, ref: 'h.csv', crs: 'EPSG:4326', source: 'default' })],
    ['GB18030 CSV in GK zone 35, X坐标 = northing as survey tables have it', async () => ({ files: { 'h.csv': gb18030Csv(chineseRows((x, y) => { const [e, n] = gk(x, y); return [n, e]; }, 'X坐标', 'Y坐标')) }, ref: { path: 'h.csv', crs: 'EPSG:4523' }, crs: 'EPSG:4523', source: 'scenario' })],
  ];

  for (const [name, make] of cases) {
    it(`${name}: the same water figures as the WGS84 GeoJSON`, async () => {
      const { files, ref, crs, source } = await make();
      const s = await load(files, ref);
      expect(s.warnings).toEqual([]);
      const report = s.imports!.find((r) => r.layer === 'hydrants')!;
      expect(report.crs).toBe(crs);
      expect(report.crsSource).toBe(source);
      expect(report.read).toBe(HYDRANTS.features.length);
      expect(report.kept).toBe(HYDRANTS.features.length);
      if (name.includes('GBK') || name.includes('GB18030')) expect(report.encoding).toBe('gb18030');
      expectSameFigures(waterFigures(analyzeWater(s, { land: false })), original);
    }, 60_000);
  }

  it('undeclared GCJ-02 hydrants get a warning naming GCJ-02 and how to declare it', async () => {
    const s = await load({ 'h.geojson': geojsonWith(gcj) }, 'h.geojson');
    expect(s.warnings!.map((w) => w.code)).toEqual(['gcj02-offset']);
    const w = s.warnings![0];
    expect(w.layer).toBe('hydrants');
    expect(w.en).toContain('GCJ-02');
    expect(w.en).toContain('BD-09');
    expect(w.en).toContain('"crs": "GCJ-02"');
    expect(w.zh).toContain('GCJ-02');
  }, 60_000);

  it('undeclared BD-09 hydrants get the BD-09 warning', async () => {
    const s = await load({ 'h.geojson': geojsonWith(bd) }, 'h.geojson');
    expect(s.warnings!.map((w) => w.code)).toEqual(['bd09-offset']);
  }, 60_000);

  it('projected coordinates without a CRS are an error naming the zone', async () => {
    const err = await load({ 'h.geojson': geojsonWith(gk) }, 'h.geojson').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/zone 35.*EPSG:4523/);
    expect((err as InputError).where.file).toBe('city/h.geojson');
    // Without the zone prefix the zone is named from the roads' longitude (≈104.6°E → central meridian 105°E).
    const noPrefix = (lon: number, lat: number): [number, number] => {
      const [e, n] = gk(lon, lat);
      return [e - 35e6, n];
    };
    const err2 = await load({ 'h.geojson': geojsonWith(noPrefix) }, 'h.geojson').catch((e: unknown) => e);
    expect((err2 as InputError).message).toMatch(/central meridian is likely 105°E: declare "crs": "EPSG:4544"/);
  }, 60_000);

  it('blank rows are dropped and reported with their row numbers', async () => {
    const rows = chineseRows((x, y) => [x, y], '经度', '纬度');
    rows.splice(3, 0, ['H9999', '', '', '完好', 'pillar', 150, 'sidewalk', '无坐标路']);
    const s = await load({ 'h.csv': gb18030Csv(rows) }, 'h.csv');
    const report = s.imports!.find((r) => r.layer === 'hydrants')!;
    expect(report.read).toBe(HYDRANTS.features.length + 1);
    expect(report.kept).toBe(HYDRANTS.features.length);
    expect(report.dropped).toEqual([{ where: 'row 4', reason: 'no coordinates', reasonZh: '无坐标' }]);
  }, 60_000);

  it('a stations CSV (UTF-8 with BOM, Chinese headers, GK zone 35, X坐标 = northing) gives the inline stations', async () => {
    const inline = SCENARIO.stations as { id: string; name: string; lon: number; lat: number; class: string; status: string; year?: number }[];
    const lines = ['编号,名称,X坐标,Y坐标,类别,status,year,所在道路'];
    for (const st of inline) {
      const [e, n] = gk35(st.lon, st.lat);
      lines.push([st.id, st.name, n.toFixed(4), e.toFixed(4), st.class, st.status, st.year ?? '', '某路'].join(','));
    }
    const csv = new TextEncoder().encode(`\uFEFF${lines.join('\n')}`);
    const s = await loadScenario({ ...SCENARIO, stations: { path: 'stations.csv', crs: 'EPSG:4523' } }, 'city/scenario.json', async (rel) => (rel === 'stations.csv' ? csv : new Uint8Array(readFileSync(join(DIR, rel)))));
    const report = s.imports!.find((r) => r.layer === 'stations')!;
    expect(report).toMatchObject({ format: 'csv', encoding: 'utf-8', encodingSource: 'bom', crs: 'EPSG:4523', read: inline.length });
    expect(report.notes).toContain('x/y swapped: the x column holds northings (Chinese survey order X = north)');
    expect(s.stations.map((st) => st.id)).toEqual(inline.map((st) => st.id));
    s.stations.forEach((st, i) => {
      // 0.1 mm of easting/northing ≈ 1e-9 degrees.
      expect(st.lon).toBeCloseTo(inline[i].lon, 7);
      expect(st.lat).toBeCloseTo(inline[i].lat, 7);
      expect(st.status).toBe(inline[i].status);
    });
  }, 60_000);

  it('a GB18030 stations CSV with Chinese statuses (现状 / 在建 / 规划 / 备选) and 规划年份 "2026年" gives the inline stations', async () => {
    const inline = SCENARIO.stations as { id: string; name: string; lon: number; lat: number; class: string; status: string; year?: number }[];
    // The plans' own words, one spelling per status (the codes' meaning per standards.md's terms).
    const ZH: Record<string, string> = { existing: '现状', under_construction: '在建', planned: '规划', candidate: '备选' };
    // The sample city has existing and planned stations; make the last two under construction and a candidate so all four occur.
    const want = inline.map((st, i) => ({ ...st, status: i === inline.length - 1 ? 'candidate' : i === inline.length - 2 ? 'under_construction' : st.status }));
    expect(new Set(want.map((st) => st.status)).size).toBe(4);
    const rows: (string | number)[][] = [['编号', '名称', '经度', '纬度', '站级', '状态', '规划年份']];
    for (const st of want) rows.push([st.id, st.name, st.lon, st.lat, st.class, ZH[st.status], st.year === undefined ? '' : `${st.year}年`]);
    const csv = gb18030Csv(rows);
    const s = await loadScenario({ ...SCENARIO, stations: 'stations.csv' }, 'city/scenario.json', async (rel) => (rel === 'stations.csv' ? csv : new Uint8Array(readFileSync(join(DIR, rel)))));
    expect(s.imports!.find((r) => r.layer === 'stations')).toMatchObject({ format: 'csv', encoding: 'gb18030', read: inline.length });
    expect(s.stations.map((st) => [st.id, st.status, st.year])).toEqual(want.map((st) => [st.id, st.status, st.year]));
  }, 60_000);

  it('an unknown Chinese status is an error naming the row and the accepted names', async () => {
    const rows: (string | number)[][] = [['编号', '名称', '经度', '纬度', '站级', '状态'], ['a', 'A', 104.595634, 30.10027, '一级', '废弃']];
    const csv = gb18030Csv(rows);
    const err = await loadScenario({ ...SCENARIO, stations: 'stations.csv' }, 'city/scenario.json', async (rel) => (rel === 'stations.csv' ? csv : new Uint8Array(readFileSync(join(DIR, rel))))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/stations\.csv.*feature 0.*status: must be one of .*现状.*在建.*规划.*备选/);
  }, 60_000);

  it('a status update table (GB18030 CSV: 编号, 状态, 日期) changes the statuses by id, latest date winning, and reports unknown ids', async () => {
    const working = HYDRANTS.features.filter((h) => h.properties.status === 'working').slice(0, 100).map((h) => String(h.properties.id));
    const rows: string[][] = [['编号', '状态', '日期']];
    for (const id of working) rows.push([id, '损坏', '2026-11-01']);
    rows.push([working[0], '完好', '2026-01-01']); // older: ignored
    rows.push(['H9998', '完好', '2026-11-01'], ['H9999', '损坏', '2026-11-02']);
    const csv = gb18030Csv(rows);
    const s = await loadScenario({ ...SCENARIO, hydrants: 'hydrants.geojson', hydrantStatus: 'inspection.csv' }, 'city/scenario.json', async (rel) => (rel === 'inspection.csv' ? csv : new Uint8Array(readFileSync(join(DIR, rel)))));
    const report = s.imports!.find((r) => r.layer === 'hydrantStatus')!;
    expect(report).toMatchObject({ read: 103, kept: 100, encoding: 'gb18030' });
    expect(report.dropped).toEqual([
      { where: 'row 103 (id H9998)', reason: 'unknown id', reasonZh: '编号不存在' },
      { where: 'row 104 (id H9999)', reason: 'unknown id', reasonZh: '编号不存在' },
    ]);
    const a = analyzeWater(s, { land: false });
    expect(a.counts.working).toBe(original.counts.working - 100);
    expect(a.counts.damaged).toBe(original.counts.damaged + 100);
    expect(a.counts.total).toBe(original.counts.total);
  }, 60_000);
});
