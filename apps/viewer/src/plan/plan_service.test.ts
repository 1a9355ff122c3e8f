import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeScenario, loadScenario, pointOnLink, type LoadedScenario } from '@firecover/core';
import { PlanService, planYears } from './plan_service';
import { isPlaceholderName, NEAR_ROAD_M, placeNamer } from './place_names';

const DIR = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'data', 'sample-city');

describe('the plan year by year on the sample city', () => {
  let scenario: LoadedScenario;
  let plan: PlanService;
  beforeAll(async () => {
    scenario = await loadScenario(JSON.parse(readFileSync(path.join(DIR, 'scenario.json'), 'utf8')) as unknown, 'scenario.json', async (rel) => new Uint8Array(readFileSync(path.join(DIR, rel))));
    plan = new PlanService(scenario, analyzeScenario(scenario, { compare: false, onWaterError: 'keep' }));
  }, 120_000);

  it('lists the years planned stations enter service (Xincheng 2026, Huxi 2028)', () => {
    expect(planYears(scenario)).toEqual([2026, 2028]);
    expect(plan.info().years).toEqual([2026, 2028]);
  });

  it('a year newly covers exactly the covered land it adds (adding stations never uncovers land)', () => {
    const base = plan.setYear(null);
    expect(base.newlyCoveredKm2).toBe(0);
    expect(base.layers.newly_covered.features).toHaveLength(0);
    let prevKm2 = 0;
    for (const y of [2026, 2028]) {
      const r = plan.setYear(y);
      const a = plan.analysis(y).coverage.figures.landCoveredKm2;
      const b = plan.analysis(null).coverage.figures.landCoveredKm2;
      expect(r.newlyCoveredKm2).toBeCloseTo(a - b, 9);
      expect(r.newlyCoveredKm2).toBeGreaterThan(prevKm2);
      prevKm2 = r.newlyCoveredKm2;
      // the rectangles cover exactly the cells: their area in the grid's metric frame is cells × cell²
      const g = plan.analysis(y).coverage.context.grid;
      const f = r.layers.newly_covered.features[0];
      let m2 = 0;
      for (const poly of (f.geometry as GeoJSON.MultiPolygon).coordinates) {
        const [[w, s], [e], [, n]] = poly[0];
        m2 += (e - w) * g.kx * (n - s) * g.ky;
      }
      expect(m2 / 1e6).toBeCloseTo(r.newlyCoveredKm2, 3);
      expect(r.stations.map((s) => s.id)).toContain(y === 2026 ? 'xincheng' : 'huxi');
    }
  });

  it('due at a station itself: that station first, at its turnout', () => {
    plan.setYear(null);
    const s = scenario.stations.find((x) => x.id === 'chengzhong')!;
    // the station's own position: the point snaps where the station does, so the drive is 0 s
    const a = plan.due(s.lon, s.lat);
    expect(a.rows[0].id).toBe('chengzhong');
    expect(a.rows[0].costS).toBeCloseTo(s.turnoutS, 6);
    expect(a.rows[1].id).not.toBe('chengzhong');
    expect(a.rows[1].costS!).toBeGreaterThan(s.turnoutS);
  });

  it('due in the base view counts the page candidates: at a candidate itself, it is first at its turnout', () => {
    plan.setYear(null);
    // a candidate where station chengzhong stands, turning out in 30 s: it beats chengzhong's own turnout
    const s = scenario.stations.find((x) => x.id === 'chengzhong')!;
    const c = { ...s, id: 'C1', name: 'C1', status: 'candidate' as const, turnoutS: 30 };
    expect(s.turnoutS).toBeGreaterThan(30);
    const a = plan.due(s.lon, s.lat, 2, [c]);
    expect(a.rows.map((r) => r.id)).toEqual(['C1', 'chengzhong']);
    expect(a.rows[0].costS).toBeCloseTo(30, 6);
    expect(a.rows[1].costS).toBeCloseTo(s.turnoutS, 6);
    // a plan year shows its own stations: the candidates are held back
    plan.setYear(2026);
    expect(plan.due(s.lon, s.lat, 2, [c]).rows[0].id).toBe('chengzhong');
    plan.setYear(null);
  });

  it('measure: from a point to itself is 0 m; between two stations at least the straight line', () => {
    const s = scenario.stations.find((x) => x.id === 'chengbei')!;
    expect(plan.measure([s.lon, s.lat], [s.lon, s.lat]).distanceM).toBe(0);
    const t = scenario.stations.find((x) => x.id === 'chengnan')!;
    const there = plan.measure([s.lon, s.lat], [t.lon, t.lat]);
    expect(there.distanceM!).toBeGreaterThanOrEqual(there.straightM - 1);
    expect(there.route.length).toBeGreaterThan(2);
  });

  it('names unnamed OSM stations by the nearest named road, else by coordinates', () => {
    expect(isPlaceholderName('node/1529384')).toBe(true);
    expect(isPlaceholderName('')).toBe(true);
    expect(isPlaceholderName('Chengzhong Station')).toBe(false);
    const net = scenario.network;
    let l = 0;
    while ((net.names[net.linkName[l]] ?? '') === '' || net.linkLengthM[l] < 50) l++;
    const mid = pointOnLink(net, l, net.linkLengthM[l] / 2);
    const road = net.names[net.linkName[l]];
    expect(placeNamer(scenario).nameAt(mid.lon, mid.lat)).toEqual({ name: `Station near ${road}`, nameZh: `${road}附近消防站` });
    // 0.05° north of the town's northern edge: no road within NEAR_ROAD_M
    const far = placeNamer(scenario).nameAt(104.6, 30.25);
    expect(NEAR_ROAD_M).toBe(500);
    expect(far.name).toBe('Station at 104.60000, 30.25000');
  });
});
