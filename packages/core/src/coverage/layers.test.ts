import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load_scenario';
import { addStation, analyzeCoverage } from './analysis';
import { arrivalBandLayer, coverageLayers } from './layers';

const dir = new URL('../../../../data/sample-city/', import.meta.url);
async function sampleCity() {
  const json = JSON.parse(await readFile(new URL('scenario.json', dir), 'utf8')) as unknown;
  return loadScenario(json, 'data/sample-city/scenario.json', async (rel) => new Uint8Array(await readFile(new URL(rel, dir))));
}

describe('arrivalBandLayer', () => {
  it('is exactly the band features of service_areas, and the bands within the standard add up to the union', async () => {
    const scenario = await sampleCity();
    const base = analyzeCoverage(scenario);
    // a station added away from the existing ones changes the bands: check both analyses
    const moved = addStation(base, { id: 'x', name: 'x', lon: 104.58, lat: 30.09, class: 'class2', status: 'candidate', turnoutS: 60 });
    for (const a of [base, moved]) {
      const bands = arrivalBandLayer(a);
      const all = coverageLayers(a, ['service_areas']).service_areas!.features;
      expect(bands.features).toEqual(all.filter((f) => f.properties.kind === 'band'));
      // bandsS of the sample city are 180, 240, 300 and the standard is 300 s: the first three bands
      // partition the land reached within the standard, which is the "all" feature's area (cell counts).
      expect(scenario.analysis.bandsS).toEqual([180, 240, 300]);
      const within = bands.features.filter((f) => f.properties.withinStandard);
      expect(within).toHaveLength(3);
      const union = all.find((f) => f.properties.kind === 'all')!.properties.areaKm2!;
      const sum = within.reduce((s, f) => s + f.properties.areaKm2!, 0);
      expect(Math.abs(sum - union)).toBeLessThanOrEqual(0.003);
    }
    expect(arrivalBandLayer(moved).features).not.toEqual(arrivalBandLayer(base).features);
  });
});
