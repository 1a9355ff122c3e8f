import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseRoadsJson, readGeoJsonRoads, readLayer, roadFields } from '../../packages/core/src/index';
import { parseHydrants, parseStudyArea } from '../../packages/core/src/scenario/layers';
import { REPO_ROOT } from '../shared_data';
import { checkNetwork, checkWgs84Features, cleanOutcome, cleanOutcomeAsync, fuzzParams, lossyText, mutatedBytes, mutatedLines } from './fuzz_kit';

// GeoJSON road networks and point layers from the sample city (a few features of each), damaged as
// bytes, as lines, and as JSON values (a value anywhere replaced by a wrong type, NaN text, a huge
// number, a deep nesting): a valid network / in-range WGS84 layer, or an InputError naming the file.

const city = (name: string): { type: string; features: unknown[] } => JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'sample-city', name), 'utf8'));
const roadsDoc = { type: 'FeatureCollection', features: city('roads.geojson').features.slice(0, 12) };
const hydrantsDoc = { type: 'FeatureCollection', features: city('hydrants.geojson').features.slice(0, 6) };
const areaDoc = { type: 'FeatureCollection', features: city('study_area.geojson').features.slice(0, 2) };
const roadsText = JSON.stringify(roadsDoc, null, 1);
const enc = new TextEncoder();

/** Text of a value that does not belong: wrong types, non-numbers JSON cannot hold (NaN, 1e999), extremes, deep nesting. */
const wrongValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(null, true, '', 'NaN', 'Infinity', '1e309', -1, 0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, [], {}, [[]], [null], ['a', 'b'], { type: 'Point' }).map((v) => JSON.stringify(v)),
  fc.constantFrom('NaN', '1e999', '-1e999', 'Infinity', '0x10', '01', '-', '1.', '.5', 'undefined'),
  fc.constantFrom(1000, 5000, 50000).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.constantFrom(1000, 5000).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

/** The document's text with the value at a random path replaced by `wrongValue`'s text. */
function replaceAtPath(doc: unknown): fc.Arbitrary<string> {
  return fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), wrongValue).map(([steps, value]) => {
    const copy = JSON.parse(JSON.stringify(doc)) as unknown;
    let parent: Record<string | number, unknown> | null = null;
    let key: string | number = '';
    let cur: unknown = copy;
    for (const s of steps) {
      if (cur === null || typeof cur !== 'object') break;
      const keys = Array.isArray(cur) ? cur.map((_, i) => i) : Object.keys(cur);
      if (keys.length === 0) break;
      parent = cur as Record<string | number, unknown>;
      key = keys[s % keys.length];
      cur = parent[key];
    }
    if (parent === null) return value;
    parent[key] = '__fuzz_mark__';
    return JSON.stringify(copy).replace('"__fuzz_mark__"', () => value);
  });
}

const roadsArb = fc.oneof(
  mutatedBytes(enc.encode(roadsText)).map(lossyText),
  mutatedLines(roadsText).map(lossyText),
  replaceAtPath(roadsDoc),
);

describe('fuzz: GeoJSON roads', () => {
  it('readGeoJsonRoads: a valid network or an InputError naming the file', () => {
    fc.assert(
      fc.property(roadsArb, (text) => {
        cleanOutcome(() => readGeoJsonRoads(text, 'roads.geojson'), 'roads.geojson', checkNetwork);
      }),
      fuzzParams('GeoJSON roads', 700),
    );
  });

  it('through readLayer (as --geojson reads a network): a valid network or an InputError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(roadsArb.map((t) => enc.encode(t)), mutatedBytes(enc.encode(roadsText))), async (bytes) => {
        await cleanOutcomeAsync(
          async () => {
            const { fc: layer } = await readLayer('roads.geojson', { layer: 'network', displayName: 'roads.geojson', read: async () => bytes, parseJson: parseRoadsJson, format: 'geojson' });
            return readGeoJsonRoads(roadFields(layer), 'roads.geojson');
          },
          'roads.geojson',
          checkNetwork,
        );
      }),
      fuzzParams('GeoJSON roads through readLayer', 400),
    );
  });
});

describe('fuzz: GeoJSON layers', () => {
  const layers = [
    ['hydrants', hydrantsDoc, parseHydrants],
    ['study area', areaDoc, parseStudyArea],
  ] as const;
  for (const [name, doc, parse] of layers) {
    it(`${name} (readLayer, then the layer's parser): in-range WGS84 features or an InputError naming the file`, async () => {
      const text = JSON.stringify(doc);
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutatedBytes(enc.encode(text)), replaceAtPath(doc).map((t) => enc.encode(t))), fc.constantFrom(undefined, 'EPSG:4490', 'GCJ-02', 'EPSG:3857'), async (bytes, crs) => {
          await cleanOutcomeAsync(
            async () => {
              const { fc: layer } = await readLayer(crs ? { path: 'layer.geojson', crs } : 'layer.geojson', { layer: name, displayName: 'layer.geojson', read: async () => bytes });
              return parse(layer, 'layer.geojson');
            },
            'layer.geojson',
            checkWgs84Features,
          );
        }),
        fuzzParams(`GeoJSON ${name}`, 400),
      );
    });
  }
});
