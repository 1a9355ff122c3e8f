import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decodeLayer } from '../normalize';
import { loadAnalysisFolder } from './analysis_folder';

/** An `analyze --out` folder of a risk scenario: its micro station, community and township files are shown like the worker's. */
describe('analysis folder with risk layers', () => {
  const square = (x0: number, y0: number) => [[[x0, y0], [x0 + 0.01, y0], [x0 + 0.01, y0 + 0.01], [x0, y0 + 0.01], [x0, y0]]];
  const files: Record<string, FeatureCollection> = {
    'townships.geojson': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'T1', name: 'Town', fullTime: false }, geometry: { type: 'Polygon', coordinates: square(104, 30) } }] },
    'communities.geojson': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'C1', inReach: true }, geometry: { type: 'Polygon', coordinates: square(104.02, 30) } }] },
    'micro_stations.geojson': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'M1', onNetwork: true }, geometry: { type: 'Point', coordinates: [104.005, 30.005] } }] },
  };
  const source = {
    label: 'out',
    async bytes(rel: string): Promise<Uint8Array> {
      if (!files[rel]) throw new Error(`${rel}: not here`);
      return new TextEncoder().encode(JSON.stringify(files[rel]));
    },
  };

  it('reads them, each area with one label point (fc_label), the micro stations as they are', async () => {
    const { layers } = await loadAnalysisFolder('{"scenario":{"name":"Risk"}}', source);
    const town = decodeLayer(layers.townships);
    expect(town.features.map((f) => [f.geometry.type, f.properties?.id, f.properties?.fc_label ?? false])).toEqual([
      ['Polygon', 'T1', false],
      ['Point', 'T1', true],
    ]);
    expect(decodeLayer(layers.communities).features.filter((f) => f.properties?.fc_label === true).map((f) => f.properties?.id)).toEqual(['C1']);
    expect(decodeLayer(layers.micro_stations).features.map((f) => f.properties?.id)).toEqual(['M1']);
  });
});
