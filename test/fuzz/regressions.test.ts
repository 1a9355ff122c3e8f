import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRoadsJson, readEdgeTable, readGeoJsonRoads, readLayer, readNetworkFile, readOsm, roadFields, writeNetworkFile, writeShapefile, type InputError } from '../../packages/core/src/index';
import { parseHydrants, parseStudyArea } from '../../packages/core/src/scenario/layers';
import { pgrSampleNetwork, thrownInputError } from '../../packages/core/src/testing';
import { pbfOf } from '../../packages/core/src/io/fixtures/pbf_blocks';
import { storedZip, zipParts } from '../../packages/core/src/io/fixtures/zip_parts';

// The smallest inputs the fuzz tests (test/fuzz/*.test.ts) found crashing an importer, each kept as a
// regression test: the import must refuse them with an InputError naming the file.

describe('fuzz regressions: OSM PBF', () => {
  it('a header block whose first field has wire type 3 (was: "Unimplemented type: 3" from pbf, a crash)', () => {
    const file = pbfOf([{ type: 'OSMHeader', block: Uint8Array.of(0x0b) }], 'raw');
    const e = thrownInputError(() => readOsm(file, 'h.osm.pbf'));
    expect(e.where.file).toBe('h.osm.pbf');
    expect(e.where.feature).toBe('blob 0 at byte 0');
    expect(e.detail).toMatch(/^malformed header block/);
  });

  it('a blob claiming 2 GiB uncompressed is refused before anything is allocated (the format caps blobs at 32 MiB)', () => {
    const file = pbfOf([{ type: 'OSMHeader', block: new Uint8Array(8) }], 'zlib', { rawSize: 2 ** 31 });
    const e = thrownInputError(() => readOsm(file, 'big.osm.pbf'));
    expect(e.detail).toContain('2147483648 bytes uncompressed');
  });

  it('a blob without raw_size that inflates past 32 MiB is refused (a zlib bomb: 33 MiB of zeros is ~33 kB compressed)', () => {
    const file = pbfOf([{ type: 'OSMHeader', block: new Uint8Array(33 * 1024 * 1024) }], 'zlib-no-size');
    expect(file.length).toBeLessThan(100_000);
    const e = thrownInputError(() => readOsm(file, 'bomb.osm.pbf'));
    expect(e.where.file).toBe('bomb.osm.pbf');
    expect(e.detail).toContain('32 MiB');
  });
});

const deep = (n: number, inner = '[1,2]'): string => '['.repeat(n) + inner + ']'.repeat(n);
const roads = (geometry: string): string => `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":${geometry}}]}`;

/** readLayer as the CLI calls it, then the road or layer parser. */
async function layerError(text: string, file: string, then: (fc: Parameters<typeof roadFields>[0]) => unknown, crs?: string): Promise<InputError> {
  try {
    const { fc } = await readLayer(crs ? { path: file, crs } : file, { layer: 'x', displayName: file, read: async () => new TextEncoder().encode(text), parseJson: parseRoadsJson });
    then(fc);
  } catch (e) {
    if ((e as Error).name === 'InputError') return e as InputError;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('fuzz regressions: GeoJSON', () => {
  it('a road layer whose feature is a string (was: TypeError in roadFields)', async () => {
    const e = await layerError('{"type":"FeatureCollection","features":["A;"]}', 'r.geojson', (fc) => readGeoJsonRoads(roadFields(fc), 'r.geojson'));
    expect(e.where).toEqual({ file: 'r.geojson', feature: 'feature 0' });
  });

  it('a road whose coordinates nest 10,000 arrays deep (was: stack overflow quoting the coordinate)', () => {
    const e = thrownInputError(() => readGeoJsonRoads(roads(`{"type":"LineString","coordinates":${deep(10000)}}`), 'r.geojson'));
    expect(e.where).toEqual({ file: 'r.geojson', feature: 'feature 0' });
    expect(e.message.length).toBeLessThan(200);
  });

  it('a geometry type that is a deeply nested array (was: stack overflow converting it to text)', () => {
    const e = thrownInputError(() => readGeoJsonRoads(roads(`{"type":${deep(10000)},"coordinates":[]}`), 'r.geojson'));
    // The outer array holds one element, itself an array: shown as [[…]], not expanded.
    expect(e.detail).toBe('geometry is [[…]], not a LineString or MultiLineString');
  });

  it('a hydrant whose coordinates nest 10,000 arrays deep (was: stack overflow walking the positions)', async () => {
    const e = await layerError(roads(`{"type":"Point","coordinates":${deep(10000)}}`), 'h.geojson', (fc) => parseHydrants(fc, 'h.geojson'));
    expect(e.where).toEqual({ file: 'h.geojson', feature: 'feature 0' });
  });

  it('a hydrant status that is a deeply nested array (was: stack overflow in JSON.stringify for the message)', () => {
    const fc = JSON.parse(roads('{"type":"Point","coordinates":[104,30]}'));
    fc.features[0].properties.status = JSON.parse(deep(5000));
    const e = thrownInputError(() => parseHydrants(fc, 'h.geojson'));
    expect(e.detail).toMatch(/^status \[\[…\]\] must be one of/);
  });

  it('a GCJ-02 study area with a coordinate 1e999 (JSON for Infinity; was: TypeError from the transform)', async () => {
    const e = await layerError(roads('{"type":"Polygon","coordinates":[[[104,30],[104.1,30],[1e999,30.1],[104,30]]]}'), 'a.geojson', (fc) => parseStudyArea(fc, 'a.geojson'), 'GCJ-02');
    expect(e.where).toEqual({ file: 'a.geojson', feature: 'feature 0' });
  });

  it('a GeometryCollection whose geometries are not an array, in a layer to reproject (was: TypeError)', async () => {
    const e = await layerError(roads('{"type":"GeometryCollection","geometries":5}'), 'a.geojson', (fc) => parseStudyArea(fc, 'a.geojson'), 'GCJ-02');
    expect(e.where.file).toBe('a.geojson');
  });
});

describe('fuzz regressions: Shapefile and Excel sizes', () => {
  it('a .dbf whose record count says 4 billion (was: the parser built records until the heap ran out)', async () => {
    const fc = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { id: 'H1' }, geometry: { type: 'Point' as const, coordinates: [104, 30] } }] };
    const set = writeShapefile(fc, 'h', { date: new Date(Date.UTC(2026, 0, 1)) }).sets[0];
    const dbf = set.dbf.slice();
    new DataView(dbf.buffer).setUint32(4, 0xffffffff, true);
    const parts: Record<string, Uint8Array> = { 'h.shp': set.shp, 'h.dbf': dbf };
    const read = async (p: string): Promise<Uint8Array> => parts[p] ?? Promise.reject(new Error('ENOENT'));
    const e = await readLayer('h.shp', { layer: 'hydrants', displayName: 'h.shp', read }).then(
      () => undefined,
      (x: unknown) => x as InputError,
    );
    expect(e?.name).toBe('InputError');
    expect(e?.where.file).toBe('h.dbf');
    expect(e?.detail).toContain('4294967295 records');
  });

  it('an .xlsx cell reference far beyond column XFD (was: a row padded to billions of empty cells)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['lon', 'lat']);
    const parts = zipParts(new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']).replace('r="B1"', 'r="ZZZZZZZZ1"');
    expect(sheet).toContain('ZZZZZZZZ1');
    const bytes = storedZip({ ...parts, 'xl/worksheets/sheet1.xml': new TextEncoder().encode(sheet) });
    const e = await readLayer('h.xlsx', { layer: 'hydrants', displayName: 'h.xlsx', read: async () => bytes }).then(
      () => undefined,
      (x: unknown) => x as InputError,
    );
    expect(e?.message).toBe('h.xlsx: a cell reference lies beyond Excel\'s last column XFD ("ZZZZZZZZ1")');
  });

  it('an .xlsx entry whose central-directory size claims 4 GiB is refused before allocating it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['lon', 'lat']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    // Central directory file headers (PK\x01\x02): uncompressed size at +24.
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 <= bytes.length; i++) {
      if (v.getUint32(i, true) === 0x02014b50) {
        v.setUint32(i + 24, 0xfffffff0, true);
        patched++;
      }
    }
    expect(patched).toBeGreaterThan(0);
    const e = await readLayer('h.xlsx', { layer: 'hydrants', displayName: 'h.xlsx', read: async () => bytes }).then(
      () => undefined,
      (x: unknown) => x as InputError,
    );
    expect(e?.name).toBe('InputError');
    expect(e?.where.file).toBe('h.xlsx');
    expect(e?.detail).toMatch(/zip structure is damaged \(an entry claims 4294967280 bytes/);
  });
});

describe('fuzz regressions: network files', () => {
  const file = writeNetworkFile({ network: pgrSampleNetwork(), source: { name: 'a.csv', bytes: 1 } });
  const headerLength = new DataView(file.buffer, file.byteOffset).getUint32(12, true);
  const headerText = new TextDecoder().decode(file.subarray(16, 16 + headerLength));

  it('a flipped letter in a road name inside the header (was: read without complaint, the name changed)', () => {
    // The sample network has no names but the empty one; flip a letter of the source file's name instead.
    const at = 16 + headerText.indexOf('"a.csv"') + 1;
    const b = file.slice();
    b[at] ^= 0x02; // "a.csv" → "c.csv": still valid JSON
    const e = thrownInputError(() => readNetworkFile(b, 'n.fcnet'));
    expect(e.detail).toBe('the header is damaged (checksum mismatch): import the source again');
  });

  it('a file written before the header checksum existed still loads', () => {
    const old = new TextEncoder().encode(headerText.replace(/,"headerChecksum":\d+\}$/, '}'));
    const start = (16 + old.length + 7) & ~7;
    const arraysStart = (16 + headerLength + 7) & ~7;
    const out = new Uint8Array(start + file.length - arraysStart);
    out.set(file.subarray(0, 16));
    new DataView(out.buffer).setUint32(12, old.length, true);
    out.set(old, 16);
    out.set(file.subarray(arraysStart), start);
    expect(readNetworkFile(out, 'old.fcnet').network.linkCount).toBe(pgrSampleNetwork().linkCount);
  });

  it('a non-zero padding byte after the header is refused', () => {
    // A writtenBy of 0–7 characters shifts the header's end through every residue mod 8: pick one that pads.
    const padded = Array.from({ length: 8 }, (_, k) => writeNetworkFile({ network: pgrSampleNetwork(), writtenBy: `v${'x'.repeat(k)}` })).find((f) => (new DataView(f.buffer).getUint32(12, true) + 16) % 8 !== 0);
    expect(padded).toBeDefined();
    const b = padded!.slice();
    b[16 + new DataView(b.buffer).getUint32(12, true)] = 1;
    expect(thrownInputError(() => readNetworkFile(b, 'n.fcnet')).detail).toBe('the padding after the header is damaged');
  });
});

describe('fuzz regressions: messages quote a damaged field briefly', () => {
  it('an edge id of 60,000 characters is quoted by its first 40 (was: the whole field printed)', () => {
    const long = '<a>'.repeat(20000);
    const e = thrownInputError(() => readEdgeTable(`id,source,target,cost,x1,y1,x2,y2\n${long},1,2,5,104,30,104.01,30\n`, 'e.csv'));
    expect(e.where).toEqual({ file: 'e.csv', line: 2 });
    expect(e.detail).toBe(`edge id "${long.slice(0, 40)}…" is not an integer`);
  });

  it('a hydrant table coordinate of 10,000 characters is quoted by its first 40', async () => {
    const long = '9'.repeat(5000) + 'x'.repeat(5000);
    const { message } = await readLayer('h.csv', { layer: 'hydrants', displayName: 'h.csv', read: async () => new TextEncoder().encode(`lon,lat\n104,${long}\n`) }).then(
      () => ({ message: '' }),
      (x: unknown) => x as InputError,
    );
    expect(message).toBe(`h.csv:2 (row 2): column "lat": "${long.slice(0, 40)}…" is not a number`);
  });
});
