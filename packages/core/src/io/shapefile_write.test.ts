import type { FeatureCollection, Geometry, Polygon } from 'geojson';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readShapefile } from './shapefile';
import { shapefilePrj, writeShapefile, WGS84_PRJ } from './shapefile_write';
import { crsFromWkt, resolveCrs } from './crs';
import { prng } from '../search/test_networks';

const DATE = new Date(Date.UTC(2026, 11, 1));
const be = (b: Uint8Array, o: number): number => new DataView(b.buffer, b.byteOffset).getInt32(o, false);
const le = (b: Uint8Array, o: number): number => new DataView(b.buffer, b.byteOffset).getInt32(o, true);
const f64 = (b: Uint8Array, o: number): number => new DataView(b.buffer, b.byteOffset).getFloat64(o, true);

describe('writeShapefile', () => {
  it('two points: header bytes worked out by hand from the ESRI spec', () => {
    const layer: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { id: 'a' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [3, -4] }, properties: { id: 'b' } },
      ],
    };
    const [set] = writeShapefile(layer, 'two', { date: DATE }).sets;
    // .shp: 100-byte header + 2 records of (8-byte record header + 20-byte point) = 156 bytes = 78 words.
    expect(set.shp.length).toBe(156);
    expect(be(set.shp, 0)).toBe(9994);
    expect(be(set.shp, 24)).toBe(78);
    expect(le(set.shp, 28)).toBe(1000);
    expect(le(set.shp, 32)).toBe(1); // Point
    expect([f64(set.shp, 36), f64(set.shp, 44), f64(set.shp, 52), f64(set.shp, 60)]).toEqual([1, -4, 3, 2]);
    // Record 1 at byte 100: number 1, content 10 words; its point (1, 2) after the shape type.
    expect([be(set.shp, 100), be(set.shp, 104), le(set.shp, 108), f64(set.shp, 112), f64(set.shp, 120)]).toEqual([1, 10, 1, 1, 2]);
    expect([be(set.shp, 128), be(set.shp, 132), f64(set.shp, 140), f64(set.shp, 148)]).toEqual([2, 10, 3, -4]);
    // .shx: 100 + 2 × 8 = 116 bytes = 58 words; offsets 50 and 64 words, lengths 10.
    expect(set.shx.length).toBe(116);
    expect(be(set.shx, 24)).toBe(58);
    expect([be(set.shx, 100), be(set.shx, 104), be(set.shx, 108), be(set.shx, 112)]).toEqual([50, 10, 64, 10]);
    // .dbf: 32 + 32 × 1 field + 1 terminator = 65-byte header, records 1 + 1 byte, 2 records, 0x1A at the end.
    expect(set.dbf.length).toBe(65 + 2 * 2 + 1);
    expect([set.dbf[0], set.dbf[1], set.dbf[2], set.dbf[3]]).toEqual([3, 126, 12, 1]);
    expect(le(set.dbf, 4)).toBe(2);
    expect(set.dbf[64]).toBe(0x0d);
    expect(set.dbf[set.dbf.length - 1]).toBe(0x1a);
    expect(set.cpg).toBe('UTF-8');
    expect(set.prj).toBe(WGS84_PRJ);
    const back = readShapefile({ shp: set.shp, dbf: set.dbf, prj: set.prj, cpg: set.cpg }, 'two.shp');
    expect(back.fc.features.map((f) => [f.geometry, f.properties])).toEqual([
      [{ type: 'Point', coordinates: [1, 2] }, { id: 'a' }],
      [{ type: 'Point', coordinates: [3, -4] }, { id: 'b' }],
    ]);
  });

  it('a polygon with a hole keeps the hole; outer ring written clockwise, hole counter-clockwise', () => {
    // GeoJSON order (RFC 7946): outer counter-clockwise, hole clockwise.
    const outer = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole = [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]];
    const layer: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [outer, hole] }, properties: { n: 1 } }] };
    const [set] = writeShapefile(layer, 'p', { date: DATE }).sets;
    const shp = set.shp;
    expect(le(shp, 32)).toBe(5);
    // Record content at 108: type, box (4 doubles), numParts, numPoints, parts, points.
    const c = 108;
    expect([le(shp, c), le(shp, c + 36), le(shp, c + 40), le(shp, c + 44), le(shp, c + 48)]).toEqual([5, 2, 10, 0, 5]);
    const pts = Array.from({ length: 10 }, (_, i) => [f64(shp, c + 52 + 16 * i), f64(shp, c + 60 + 16 * i)]);
    const area2 = (r: number[][]): number => r.slice(1).reduce((a, p, i) => a + (r[i][0] * p[1] - p[0] * r[i][1]), 0);
    expect(area2(pts.slice(0, 5))).toBe(-200); // clockwise, 10 × 10
    expect(area2(pts.slice(5))).toBe(8); // counter-clockwise, 2 × 2
    const back = readShapefile({ shp, dbf: set.dbf, cpg: set.cpg }, 'p.shp').fc.features;
    expect(back).toHaveLength(1);
    const g = back[0].geometry as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(Math.abs(area2(g.coordinates[0]))).toBe(200);
    expect(Math.abs(area2(g.coordinates[1]))).toBe(8);
  });

  it('GBK: .cpg "GBK", Chinese station names as GBK bytes, read back equal', () => {
    const names = ['城中消防站', '东区特勤站', '港口站'];
    const layer: FeatureCollection = {
      type: 'FeatureCollection',
      features: names.map((nameZh, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [105 + i / 100, 30] }, properties: { nameZh, 站名: nameZh } })),
    };
    const out = writeShapefile(layer, 'stations', { encoding: 'gbk', date: DATE });
    const [set] = out.sets;
    expect(set.cpg).toBe('GBK');
    expect(set.dbf[29]).toBe(0x4d);
    // 城 = B3C7, 中 = D6D0 in GB 2312 / GBK; the first record's first cell starts after the header and the deletion flag.
    const first = 32 + 32 * 2 + 1 + 1;
    expect(Array.from(set.dbf.subarray(first, first + 4))).toEqual([0xb3, 0xc7, 0xd6, 0xd0]);
    // 5 Chinese characters × 2 bytes = 10: the widest name fits exactly.
    expect(set.dbf[32 + 16]).toBe(10);
    expect(out.unencodable).toBe(0);
    const back = readShapefile({ shp: set.shp, dbf: set.dbf, cpg: set.cpg }, 'stations.shp');
    expect(back.encoding).toBe('gb18030');
    expect(back.fc.features.map((f) => f.properties.nameZh)).toEqual(names);
    expect(back.fc.features.map((f) => f.properties['站名'])).toEqual(names);
  });

  it('field names over 10 bytes are cut deterministically, collisions numbered, and listed', () => {
    const props = { 消防站名称: 'x', hydrantCount12: 1, hydrantCount13: 2, id: 'a', ID: 'b', 'road name': 'r' };
    const layer: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: props }] };
    const utf8 = writeShapefile(layer, 'h', { date: DATE });
    expect(utf8.renamed).toEqual([
      { original: '消防站名称', written: '消防站' }, // 3 bytes a character in UTF-8: 3 fit in 10
      { original: 'hydrantCount12', written: 'hydrantCou' },
      { original: 'hydrantCount13', written: 'hydrantC_1' },
      { original: 'ID', written: 'ID_1' },
      { original: 'road name', written: 'road_name' },
    ]);
    const gbk = writeShapefile(layer, 'h', { encoding: 'gbk', date: DATE });
    expect(gbk.renamed.map((r) => r.original)).not.toContain('消防站名称'); // 2 bytes a character: 10 bytes fit
    const back = readShapefile({ shp: utf8.sets[0].shp, dbf: utf8.sets[0].dbf, cpg: 'UTF-8' }, 'h.shp').fc.features[0].properties;
    expect(back).toEqual({ 消防站: 'x', hydrantCou: 1, hydrantC_1: 2, id: 'a', ID_1: 'b', road_name: 'r' });
    expect(writeShapefile(layer, 'h', { date: DATE }).renamed).toEqual(utf8.renamed);
  });

  it('numbers, booleans and text round-trip; widths hold the values', () => {
    const values = [12.5, 3, -0.25, 1e-7, 123456789012];
    const layer: FeatureCollection = {
      type: 'FeatureCollection',
      features: values.map((v, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [i, i] }, properties: { v, ok: i % 2 === 0, t: i === 1 ? null : `s${i}` } })),
    };
    const [set] = writeShapefile(layer, 'n', { date: DATE }).sets;
    // v: N with 7 decimals ("123456789012.0000000" is 20 characters), ok: L width 1.
    expect(String.fromCharCode(set.dbf[32 + 11])).toBe('N');
    expect([set.dbf[32 + 16], set.dbf[32 + 17]]).toEqual([20, 7]);
    expect([String.fromCharCode(set.dbf[64 + 11]), set.dbf[64 + 16]]).toEqual(['L', 1]);
    const back = readShapefile({ shp: set.shp, dbf: set.dbf, cpg: set.cpg }, 'n.shp').fc.features.map((f) => f.properties);
    expect(back.map((p) => p.v)).toEqual(values);
    expect(back.map((p) => p.ok)).toEqual([true, false, true, false, true]);
    expect(back[0].t).toBe('s0');
  });

  it('MultiLineString → PolyLine parts; a mixed layer is split per kind', () => {
    const layer: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 2]]] }, properties: { k: 'l' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [5, 5] }, properties: { k: 'p' } },
      ],
    };
    const out = writeShapefile(layer, 'mix', { date: DATE });
    expect(out.sets.map((s) => [s.stem, s.shapeType, s.records])).toEqual([
      ['mix_points', 1, 1],
      ['mix_lines', 3, 1],
    ]);
    const lines = readShapefile({ shp: out.sets[1].shp, dbf: out.sets[1].dbf, cpg: 'UTF-8' }, 'l.shp').fc.features[0];
    expect(lines.geometry.type).toBe('MultiLineString');
    expect((lines.geometry as { coordinates: unknown }).coordinates).toEqual([[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 2]]]);
  });

  it('a geometry without positions is a null shape, outside the file box', () => {
    const layer: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 1], [2, 3]] }, properties: { n: 1 } },
        { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [] }, properties: { n: 2 } },
      ],
    };
    const [set] = writeShapefile(layer, 'z', { date: DATE }).sets;
    expect([f64(set.shp, 36), f64(set.shp, 44), f64(set.shp, 52), f64(set.shp, 60)]).toEqual([1, 1, 2, 3]);
    // Record 2 follows record 1 (8 + 44 + 4 + 32 bytes): a 4-byte null shape.
    const r2 = 100 + 8 + 44 + 4 + 32;
    expect([be(set.shp, r2), be(set.shp, r2 + 4), le(set.shp, r2 + 8)]).toEqual([2, 2, 0]);
    const back = readShapefile({ shp: set.shp, dbf: set.dbf, cpg: 'UTF-8' }, 'z.shp');
    expect([back.fc.features.length, back.dropped.length]).toEqual([1, 1]);
  });

  it('an empty layer is a valid Null-shape file with no records', () => {
    const [set] = writeShapefile({ type: 'FeatureCollection', features: [] }, 'e', { date: DATE }).sets;
    expect([set.shp.length, be(set.shp, 24), le(set.shp, 32), set.records]).toEqual([100, 50, 0, 0]);
  });

  it('property (seeded random layers): positions, integers and text read back unchanged', () => {
    const rand = prng(10);
    const alphabet = 'abcXYZ019 _-城中消防站区東';
    for (let run = 0; run < 50; run++) {
      const rows = Array.from({ length: 1 + Math.floor(rand() * 20) }, () => ({
        x: (rand() - 0.5) * 360,
        y: (rand() - 0.5) * 180,
        n: Math.round((rand() - 0.5) * 2e9),
        s: Array.from({ length: Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''),
      }));
      const layer: FeatureCollection = { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.x, r.y] }, properties: { n: r.n, s: r.s } })) };
      for (const encoding of ['utf-8', 'gbk'] as const) {
        const [set] = writeShapefile(layer, 'r', { date: DATE, encoding }).sets;
        const back = readShapefile({ shp: set.shp, dbf: set.dbf, cpg: set.cpg }, 'r.shp').fc.features;
        expect(back.map((f) => (f.geometry as { coordinates: number[] }).coordinates)).toEqual(rows.map((r) => [r.x, r.y]));
        expect(back.map((f) => f.properties.n)).toEqual(rows.map((r) => r.n));
        // DBF text is blank-padded: the reader trims, so compare trimmed.
        expect(back.map((f) => f.properties.s)).toEqual(rows.map((r) => r.s.trim()));
      }
    }
  });
});

describe('shapefilePrj', () => {
  it('each supported output CRS gives a .prj the reader maps back to the same system', () => {
    for (const id of ['EPSG:4326', 'EPSG:4490', 'EPSG:4523', 'EPSG:4544', 'EPSG:4496', 'EPSG:4507', 'EPSG:3857']) {
      const crs = resolveCrs(id, { file: 't' });
      const back = crsFromWkt(shapefilePrj(crs).prj, { file: 't.prj' });
      const [x, y] = crs.fromWgs84(105.5, 30.1);
      const [lon, lat] = back.toWgs84(x, y);
      expect(lon, id).toBeCloseTo(105.5, 7);
      expect(lat, id).toBeCloseTo(30.1, 7);
    }
    expect(shapefilePrj(resolveCrs('EPSG:4496', { file: 't' })).prj).toMatch(/^PROJCS\["CGCS2000_GK_Zone_18",.*"False_Easting",18500000\.0\].*"Central_Meridian",105\.0\]/);
    expect(shapefilePrj(resolveCrs('EPSG:4544', { file: 't' })).prj).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_CM_105E",.*"False_Easting",500000\.0\]/);
  });

  it('the .prj of every CGCS2000 zone (EPSG:4491–4554) reads back as that EPSG code, not as an anonymous WKT', () => {
    // 6° zones with prefix 4491–4501, without 4502–4512; 3° zones with prefix 4513–4533, without 4534–4554.
    for (let code = 4491; code <= 4554; code++) {
      const id = `EPSG:${code}`;
      const back = crsFromWkt(shapefilePrj(resolveCrs(id, { file: 't' })).prj, { file: 't.prj' });
      expect(back.id, id).toBe(id);
    }
    expect(crsFromWkt(shapefilePrj(resolveCrs('EPSG:4490', { file: 't' })).prj, { file: 't.prj' }).id).toBe('EPSG:4490');
  });

  it('GCJ-02 and BD-09: a WGS84-shaped .prj with a note; other systems refused', () => {
    for (const id of ['GCJ-02', 'BD-09']) {
      const r = shapefilePrj(resolveCrs(id, { file: 't' }));
      expect(r.prj).toBe(WGS84_PRJ);
      expect(r.note?.en).toMatch(new RegExp(`${id} has no EPSG`));
    }
    expect(() => shapefilePrj(resolveCrs('+proj=tmerc +lon_0=120 +ellps=GRS80', { file: 't' }))).toThrow(/--format shapefile writes a \.prj for/);
  });
});

describe('writeShapefile GBK bytes against iconv-lite', () => {
  it('Chinese text and field names encode as iconv-lite encodes GBK; a character outside GBK becomes "?" and is counted', () => {
    const names = ['城中消防救援站', '滨江特勤站（二级）', '≤ 3 min', 'Qingxi 清溪河'];
    const layer: FeatureCollection = { type: 'FeatureCollection', features: names.map((n, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [i, 0] }, properties: { 名称: n } })) };
    const out = writeShapefile(layer, 'g', { encoding: 'gbk', date: DATE });
    const dbf = out.sets[0].dbf;
    expect(Array.from(dbf.subarray(32, 36))).toEqual(Array.from(iconv.encode('名称', 'gbk')));
    const width = dbf[32 + 16];
    expect(width).toBe(Math.max(...names.map((n) => iconv.encode(n, 'gbk').length)));
    names.forEach((n, i) => {
      const start = 65 + i * (1 + width) + 1;
      const want = iconv.encode(n, 'gbk');
      expect(Array.from(dbf.subarray(start, start + want.length)), n).toEqual(Array.from(want));
    });
    expect(out.unencodable).toBe(0);
    // U+1F692 (fire engine emoji) is not in GBK.
    const odd = writeShapefile({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null as unknown as Geometry, properties: { n: 'a\u{1F692}b' } }] }, 'o', { encoding: 'gbk', date: DATE });
    expect(odd.unencodable).toBe(1);
    expect(readShapefile({ shp: odd.sets[0].shp, dbf: odd.sets[0].dbf, cpg: 'GBK' }, 'o.shp').dropped).toHaveLength(1);
  });

  it('text longer than 254 bytes is cut at a character boundary and counted', () => {
    const long = '消'.repeat(100); // 300 bytes in UTF-8 → 84 characters (252 bytes) fit
    const out = writeShapefile({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { t: long } }] }, 'c', { date: DATE });
    expect(out.cutValues).toBe(1);
    expect(out.sets[0].dbf[32 + 16]).toBe(254);
    const back = readShapefile({ shp: out.sets[0].shp, dbf: out.sets[0].dbf, cpg: 'UTF-8' }, 'c.shp').fc.features[0].properties.t;
    expect(back).toBe('消'.repeat(84));
  });
});

describe('writeShapefile DBF limits', () => {
  it('more than 255 properties is refused with the limit named', () => {
    const properties = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`p${i}`, i]));
    expect(() => writeShapefile({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties }] }, 'wide')).toThrow(/at most 255 fields/);
  });
});
