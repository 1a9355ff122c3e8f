import { describe, expect, it } from 'vitest';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection } from 'geojson';
import { InputError } from '../input_error';
import { readFlatGeobuf } from './flatgeobuf';
import { readLayer } from './layer_source';

const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [104.6, 30.1] }, properties: { 编号: 'H1', 状态: '损坏' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[104.6, 30.1], [104.61, 30.1]] }, properties: { 编号: 'R1' } },
  ],
};

describe('readFlatGeobuf', () => {
  it('reads points and lines with their attributes; 编号 / 状态 are recognised as in tables', async () => {
    const bytes = serialize(fc);
    const { fc: back, crs } = await readFlatGeobuf(bytes, 'a.fgb');
    expect(crs).toBeUndefined();
    expect(back.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString']);
    const r = await readLayer('a.fgb', { layer: 'hydrants', displayName: 'a.fgb', read: async () => bytes });
    expect(r.report).toMatchObject({ format: 'flatgeobuf', read: 2, crs: 'EPSG:4326', crsSource: 'default' });
    expect(r.fc.features[0].properties).toMatchObject({ id: 'H1', status: '损坏' });
  });

  it('a header CRS of EPSG:4490 is honoured and named as its source', async () => {
    const r = await readLayer('a.fgb', { layer: 'hydrants', displayName: 'a.fgb', read: async () => serialize(fc, 4490) });
    expect(r.report).toMatchObject({ crs: 'EPSG:4490', crsSource: 'FlatGeobuf header' });
  });

  it('a file that is not FlatGeobuf, and one cut short, are InputErrors naming the file', async () => {
    await expect(readFlatGeobuf(new TextEncoder().encode('{"type":"FeatureCollection"}'), 'x.fgb')).rejects.toThrow(/x\.fgb: not a FlatGeobuf file/);
    const bytes = serialize(fc);
    // A view into the whole file's buffer (as a reader that reads more than it needs hands over) and a copy.
    for (const cut of [bytes.subarray(0, bytes.length - 20), bytes.slice(0, bytes.length - 20)]) {
      const e = await readFlatGeobuf(cut, 'cut.fgb').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toMatch(/^cut\.fgb \(feature 1\): the FlatGeobuf file (is cut short: its header declares 2 features, 1 could be read|cannot be read)/);
    }
  });
});
