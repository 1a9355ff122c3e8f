import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import type { RoadNetwork } from '../network/road_network';
import { chunksOfBuffer } from './byte_chunks';
import { readGeoJsonRoads, parseRoadsJson } from './geojson_roads';
import { readGeoJsonRoadsStream } from './geojson_roads_stream';
import { streamGeoJsonFeatures } from './geojson_stream';
import { readLayer } from './layer_source';
import { roadFields } from './road_fields';
import { prng } from '../search/test_networks';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Chunks cut at the given byte positions. */
function* cutAt(bytes: Uint8Array, cuts: number[]): Generator<Uint8Array> {
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    yield bytes.subarray(from, c);
    from = c;
  }
}


async function thrown(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** Every typed array and value of two networks (all columns), compared. */
function expectSameNetwork(a: RoadNetwork, b: RoadNetwork): void {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  expect(Object.keys(rb).sort()).toEqual(Object.keys(ra).sort());
  for (const k of Object.keys(ra)) {
    const x = ra[k];
    if (typeof x === 'function') continue;
    if (ArrayBuffer.isView(x)) expect(Array.from(rb[k] as ArrayLike<number>), k).toEqual(Array.from(x as unknown as ArrayLike<number>));
    else expect(rb[k], k).toEqual(x);
  }
}

// Names with escapes (\" \\ \/ \u…), 2-, 3- and 4-byte UTF-8 (é, 长安街, 😀 as a surrogate pair escape and raw),
// a BOM, CRLF line ends, a crs member after the features, a MultiLineString, shared vertices (a T and a cross).
const ROADS =
  '\ufeff{"type":"FeatureCollection",\r\n"name":"r\\"oads\\\\ \\/ é",\r\n"features":[\r\n' +
  '{"type":"Feature","properties":{"等级":"主干路","name":"长安街 \\"东\\" \\ud83d\\ude00 😀","lanes":4},"geometry":{"type":"LineString","coordinates":[[116.0,39.0],[116.001,39.0],[116.002,39.0]]}},\r\n' +
  '{"type":"Feature","properties":{"highway":"residential","oneway":"yes","maxspeed":"30","name":"a\\tb\\u00e9"},"geometry":{"type":"LineString","coordinates":[[116.001,38.999],[116.001,39.0],[116.001,39.001]]}},\r\n' +
  '{"type":"Feature","id":"42","properties":{"class":"支路","bridge":true},"geometry":{"type":"MultiLineString","coordinates":[[[116.002,39.0],[116.002,39.001e0]],[[116.0,39.0],[115.999,39.0]]]}}\r\n' +
  '],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}}\r\n';

async function wholeText(text: string, file: string): Promise<RoadNetwork> {
  const { fc } = await readLayer(file, { layer: 'network', displayName: file, read: async () => utf8(text), parseJson: parseRoadsJson, format: 'geojson' });
  return readGeoJsonRoads(roadFields(fc), file);
}

describe('streamGeoJsonFeatures', () => {
  it('cut at every byte position, gives the features and members JSON.parse gives for the whole text', async () => {
    const bytes = utf8(ROADS);
    const whole = JSON.parse(ROADS.slice(1)) as { features: unknown[] } & Record<string, unknown>;
    const { features: wantFeatures, ...wantMembers } = whole;
    for (let cut = 0; cut <= bytes.length; cut++) {
      const got: unknown[] = [];
      const r = await streamGeoJsonFeatures(cutAt(bytes, [cut]), 'r.geojson', (f, i) => {
        expect(i).toBe(got.length);
        got.push(f);
      });
      expect(got).toEqual(wantFeatures);
      expect(r.members).toEqual(wantMembers);
      expect(r).toMatchObject({ hasFeatures: true, featureCount: 3, bytesRead: bytes.length });
    }
  });

  it('one byte per chunk, and random cuts into many chunks, give the same', async () => {
    const bytes = utf8(ROADS);
    const want = (JSON.parse(ROADS.slice(1)) as { features: unknown[] }).features;
    const ones: unknown[] = [];
    await streamGeoJsonFeatures(chunksOfBuffer(bytes, 1), 'r.geojson', (f) => ones.push(f));
    expect(ones).toEqual(want);
    const rnd = prng(11);
    for (let t = 0; t < 200; t++) {
      const cuts = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * bytes.length)).sort((a, b) => a - b);
      const got: unknown[] = [];
      await streamGeoJsonFeatures(cutAt(bytes, cuts), 'r.geojson', (f) => got.push(f));
      expect(got).toEqual(want);
    }
  });

  it('reads a web ReadableStream (a browser File.stream())', async () => {
    const bytes = utf8(ROADS);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunksOfBuffer(bytes, 7)) c.enqueue(chunk.slice());
        c.close();
      },
    });
    const got: unknown[] = [];
    await streamGeoJsonFeatures(stream, 'r.geojson', (f) => got.push(f));
    expect(got).toHaveLength(3);
    // a stream without async iteration (older browsers): read through its reader
    const bare = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunksOfBuffer(bytes, 5)) c.enqueue(chunk.slice());
        c.close();
      },
    });
    const viaReader: unknown[] = [];
    await streamGeoJsonFeatures({ getReader: () => bare.getReader() }, 'r.geojson', (f) => viaReader.push(f));
    expect(viaReader).toEqual(got);
  });

  it('a file far larger than the per-value limit is read when each feature is under it (the limit is per value, never the file)', async () => {
    const feature = (i: number) => `{"type":"Feature","properties":{"name":"road ${i}"},"geometry":{"type":"LineString","coordinates":[[${8 + i * 1e-4},49],[${8 + i * 1e-4},49.001]]}}`;
    const n = 2000;
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: n }, (_, i) => feature(i)).join(',\n')}]}`;
    const bytes = utf8(text);
    expect(bytes.length).toBeGreaterThan(200 * 1024);
    let count = 0;
    const r = await streamGeoJsonFeatures(chunksOfBuffer(bytes, 4096), 'big.geojson', () => count++, { maxValueBytes: 1024 });
    expect(count).toBe(n);
    expect(r.featureCount).toBe(n);
    // … and a feature over the limit is refused with the reason, naming the feature
    const big = `{"type":"FeatureCollection","features":[${feature(0)},{"type":"Feature","properties":{"name":"${'x'.repeat(2000)}"},"geometry":null}]}`;
    const e = await thrown(streamGeoJsonFeatures(chunksOfBuffer(utf8(big), 100), 'big.geojson', () => {}, { maxValueBytes: 1024 }));
    expect(e.where).toMatchObject({ file: 'big.geojson', feature: 'feature 1' });
    expect(e.detail).toMatch(/^feature 1 alone is larger than 1024 bytes/);
  });

  it('a file cut short at any byte is an InputError (never another error), naming the feature it ends in', async () => {
    const bytes = utf8(ROADS);
    const start1 = utf8(ROADS.slice(0, ROADS.indexOf('{"type":"Feature","properties":{"highway"'))).length;
    for (let end = 0; end <= bytes.length - 3; end++) {
      // the text ends "}}}\r\n": cut anywhere before its last brace, it is incomplete
      const e = await thrown(streamGeoJsonFeatures(cutAt(bytes.subarray(0, end), [Math.floor(end / 2)]), 'cut.geojson', () => {}));
      expect(e.where.file).toBe('cut.geojson');
    }
    // cut in the middle of the second feature (index 1): hand-located at its 20th byte
    const e = await thrown(streamGeoJsonFeatures([bytes.subarray(0, start1 + 20)], 'cut.geojson', () => {}));
    expect(e.where).toMatchObject({ file: 'cut.geojson', feature: 'feature 1', line: 5 });
    expect(e.detail).toMatch(/ends too early/);
  });

  it('a syntax error inside a feature names its line and feature, never the bytes', async () => {
    const text = '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{},"geometry":null},\n{"type":"Feature","properties":{"secret":"SECRET-TEXT"} "geometry":null}\n]}';
    for (let cut = 0; cut <= text.length; cut += 5) {
      const e = await thrown(streamGeoJsonFeatures(cutAt(utf8(text), [cut]), 'bad.geojson', () => {}));
      expect(e.where).toMatchObject({ file: 'bad.geojson', line: 3, feature: 'feature 1' });
      // the missing comma: `{"type":"Feature",` (18) + `"properties":` (13) + `{"secret":"SECRET-TEXT"}` (24) = 55
      // characters, a space, then the `"` of "geometry" at column 57
      expect(e.detail).toBe('invalid JSON: unexpected character at line 3, column 57');
      expect(e.message).not.toContain('SECRET');
    }
    // outside the features: a stray character after the collection
    const e = await thrown(streamGeoJsonFeatures([utf8('{"type":"FeatureCollection","features":[]}\nX')], 'bad.geojson', () => {}));
    expect(e.where).toEqual({ file: 'bad.geojson', line: 2 });
    expect(e.detail).toBe('invalid JSON: unexpected character at line 2, column 1');
  });

  it('invalid UTF-8 inside a feature is an InputError naming the feature; a top level that is not an object is not a FeatureCollection', async () => {
    const head = utf8('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},{"type":"Feature","properties":{"name":"');
    const tail = utf8('"},"geometry":null}]}');
    const bytes = new Uint8Array([...head, 0xc4, 0xe3, 0xba, ...tail]); // GBK 你 + a stray byte
    const e = await thrown(streamGeoJsonFeatures([bytes], 'gbk.geojson', () => {}));
    expect(e.where).toMatchObject({ file: 'gbk.geojson', feature: 'feature 1' });
    expect(e.detail).toMatch(/not UTF-8/);
    const arr = await thrown(streamGeoJsonFeatures([utf8('[1, 2]')], 'a.geojson', () => {}));
    expect(arr.detail).toMatch(/not a GeoJSON FeatureCollection/);
  });
});

describe('readGeoJsonRoadsStream', () => {
  it('cut at every byte position, gives the network (every column) and report of the whole-text reader', async () => {
    const want = await wholeText(ROADS, 'r.geojson');
    // hand check of the noding: the cross at (116.001, 39) and the T at (116.002, 39) and the start (116, 39)
    // split the 4 lines into 2 + 2 + 1 + 1 = 6 links; nodes: the 3 on the first line, the 2 ends of the
    // second, the far ends of the two parts of the third = 7
    expect(want.linkCount).toBe(6);
    expect(want.nodeCount).toBe(7);
    const bytes = utf8(ROADS);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { network, report } = await readGeoJsonRoadsStream(cutAt(bytes, [cut]), 'r.geojson');
      expectSameNetwork(want, network);
      expect(report).toEqual({ layer: 'network', file: 'r.geojson', format: 'geojson', read: 3, kept: 3, dropped: [], crs: 'EPSG:4326', crsName: expect.any(String), crsSource: 'GeoJSON crs', notes: [] });
    }
  });

  it('random road networks, cut at random places, give the same network as the whole-text reader (also with tolerance 0 and with a CRS)', async () => {
    const rnd = prng(5);
    for (let t = 0; t < 60; t++) {
      const features = [];
      const n = 1 + Math.floor(rnd() * 10);
      for (let i = 0; i < n; i++) {
        const pts = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => [500000 + Math.floor(rnd() * 5) * 100 + (rnd() < 0.2 ? rnd() * 0.004 : 0), 3300000 + Math.floor(rnd() * 5) * 100]);
        features.push({ type: 'Feature', properties: { 道路等级: ['主干路', '支路'][i % 2], 单行: rnd() < 0.3 ? '是' : '否', name: `路${i % 3}` }, geometry: { type: 'LineString', coordinates: pts } });
      }
      const text = JSON.stringify({ type: 'FeatureCollection', features }, null, rnd() < 0.5 ? 1 : undefined);
      const crs = 'EPSG:4547'; // CGCS2000 3-degree Gauss-Krüger CM 114E, no zone prefix
      const { fc } = await readLayer({ path: 'g.geojson', crs }, { layer: 'network', displayName: 'g.geojson', read: async () => utf8(text), parseJson: parseRoadsJson, format: 'geojson', crsSource: 'command line' });
      const bytes = utf8(text);
      const cuts = Array.from({ length: 3 }, () => Math.floor(rnd() * bytes.length)).sort((a, b) => a - b);
      for (const toleranceM of [0, 0.01, 1]) {
        let want: RoadNetwork | InputError;
        try {
          want = readGeoJsonRoads(roadFields(structuredClone(fc)), 'g.geojson', { toleranceM });
        } catch (e) {
          want = e as InputError;
        }
        const got = await readGeoJsonRoadsStream(cutAt(bytes, cuts), 'g.geojson', { toleranceM, crs, crsSource: 'command line' }).then(
          (r) => r.network,
          (e: unknown) => e as InputError,
        );
        if (want instanceof InputError) expect((got as InputError).message).toBe(want.message);
        else expectSameNetwork(want, got as RoadNetwork);
      }
    }
  });

  it('a geometry mistake names the feature (as the whole-text reader does)', async () => {
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[8,49],[8.1,49]]}},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[8,49]}}]}';
    const e = await thrown(readGeoJsonRoadsStream([utf8(text)], 'r.geojson'));
    expect(e.where).toEqual({ file: 'r.geojson', feature: 'feature 1' });
    expect(e.detail).toBe('geometry is Point, not a LineString or MultiLineString');
  });
});
