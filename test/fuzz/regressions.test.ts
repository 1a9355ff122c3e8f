import { describe, expect, it } from 'vitest';
import { parseRoadsJson, readGeoJsonRoads, readLayer, readOsm, roadFields, type InputError } from '../../packages/core/src/index';
import { parseHydrants, parseStudyArea } from '../../packages/core/src/scenario/layers';
import { thrownInputError } from '../../packages/core/src/testing';
import { pbfOf } from '../../packages/core/src/io/fixtures/pbf_blocks';

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
