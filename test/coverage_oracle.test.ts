import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../packages/core/src/coverage/analysis';
import { coverageLayers } from '../packages/core/src/coverage/layers';
import { polygonAreaKm2 } from '../packages/core/src/surface/contours';
import { gridNetwork } from '../packages/core/src/surface/testing';
import { testScenario, testStation } from '../packages/core/src/coverage/testing';
import type { MultiPolygon } from 'geojson';

// oracles.md §2: on a uniform street grid with one speed, the reach of drive time t is the L1 diamond of
// radius r = v·t, area 2r². 4 min at 30 km/h: r = 2 km, 8.0 km². With 1 more minute of turnout in the
// 5-min budget: r = 1.5 km, 4.5 km² = 9/16 of 8.0.
const LAT0 = 31.2;
const LON0 = 121.5;

describe('uniform grid service area (oracles.md §2)', () => {
  // 50 m spacing, 121 × 121 intersections: ±3 km around the centre, beyond any 2 km reach
  const net = gridNetwork({ n: 121, spacingM: 50, speedKmh: 30, lon0: LON0, lat0: LAT0 });
  const scenario = testScenario(net, []);

  for (const [turnoutS, rM] of [
    [60, 2000],
    [120, 1500],
  ] as const) {
    it(`turnout ${turnoutS} s: land area 2r² = ${(2 * rM * rM) / 1e6} km² within 2 %, road length exact`, () => {
      const station = testStation('C', LON0, LAT0, { turnoutS });
      const a = analyzeCoverage(scenario, [station]);
      const expectedKm2 = (2 * rM * rM) / 1e6;
      const s = a.stations[0];
      expect(Math.abs(s.serviceLandKm2 / expectedKm2 - 1)).toBeLessThan(0.02);
      // the polygon drawn for it agrees (turf.area as the check)
      const layer = coverageLayers(a, ['service_areas']).service_areas!;
      const poly = layer.features.find((f) => f.properties?.kind === 'station')!.geometry as MultiPolygon;
      expect(Math.abs(polygonAreaKm2(poly) / expectedKm2 - 1)).toBeLessThan(0.02);
      // reached road inside the diamond, counted from the spacing s = 50 m with N = r/s lines each side:
      // horizontal lines y = s·j, |j| ≤ N, each 2(r − s|j|) long: 2(2N+1)r − 2sN(N+1); vertical the same.
      const sM = 50;
      const N = rM / sM;
      const expectedRoadM = 2 * (2 * (2 * N + 1) * rM - 2 * sM * N * (N + 1));
      expect(s.reachedRoadM).toBeCloseTo(expectedRoadM, 3);
      expect(a.reachedRoadM).toBeCloseTo(expectedRoadM, 3);
    });
  }

  it('the 9/16 ratio holds between the two turnouts', () => {
    const a60 = analyzeCoverage(scenario, [testStation('C', LON0, LAT0, { turnoutS: 60 })]);
    const a120 = analyzeCoverage(scenario, [testStation('C', LON0, LAT0, { turnoutS: 120 })]);
    expect(Math.abs(a120.stations[0].serviceLandKm2 / a60.stations[0].serviceLandKm2 / (9 / 16) - 1)).toBeLessThan(0.02);
  });
});
