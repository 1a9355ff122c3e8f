import { describe, expect, it } from 'vitest';
import type { Geometry, Polygon } from 'geojson';
import { analyzeCoverage } from '../coverage/analysis';
import { testScenario, testStation } from '../coverage/testing';
import { rulerAt } from '../network/geodesy';
import { CHINA_PRESET } from '../standards/preset';
import { gridNetwork } from '../surface/testing';
import { metricNetwork, toLonLat } from '../water/testing';
import { microReach, microReachM } from './micro_reach';
import type { MicroStation, NamedArea } from './risk_layers_input';
import { riskRules } from './risk_rules_of';
import { townshipFigures } from './townships';

const rules = riskRules(CHINA_PRESET);

describe('micro fire stations on a tiny network', () => {
  // One road 0 … 1000 m. Standard 180 s, 60 s to set off: 120 s of travel, 6 km/h on foot → 200 m,
  // 20 km/h by light vehicle → 666.7 m.
  const net = metricNetwork([[0, 0], [1000, 0]], [{ from: 0, to: 1 }]);
  const micro = (id: string, x: number, mode: MicroStation['mode']): MicroStation => {
    const [lon, lat] = toLonLat(x, 0);
    return { id, name: null, nameZh: null, lon, lat, mode };
  };
  const pt = (id: string, x: number, y: number): NamedArea<Geometry & { type: 'Point' }> => ({ id, name: id, nameZh: null, geometry: { type: 'Point', coordinates: toLonLat(x, y) } });

  it('reach: 200 m on foot, 666.7 m by light vehicle', () => {
    expect(microReachM(rules, 'foot')).toBeCloseTo(200, 9);
    expect(microReachM(rules, 'light_vehicle')).toBeCloseTo(2000 / 3, 9);
  });

  it('a community 150 m along is reached on foot at 60 + 150 / (6 / 3.6) = 150 s; one 400 m along by the vehicle from 1000 m at 60 + 600 / (20 / 3.6) = 168 s; one 700 m from both is not', () => {
    const foot = micro('foot', 0, 'foot');
    const van = micro('van', 1000, 'light_vehicle');
    const m = microReach(net, [foot, van], [pt('a', 150, 20), pt('b', 400, 0), pt('c', 300, 0)], rules, 150, 250);
    const [a, b, c] = m.communities;
    expect(a.firstMicroId).toBe('foot');
    expect(a.arrivalS).toBeCloseTo(150, 6);
    expect(b.firstMicroId).toBe('van');
    expect(b.arrivalS).toBeCloseTo(168, 6);
    // c at 300 m: 300 m on foot (> 200 m) and 700 m by vehicle (> 666.7 m)
    expect(c.inReach).toBe(false);
    expect(m.communitiesInReach).toBe(2);
    expect(m.communitiesInReachPct).toBeCloseTo(200 / 3, 9);
    expect(m.lackingIds).toEqual(['c']);
  });

  it('a micro station inside a community polygon counts even when its road is far', () => {
    const ring = [toLonLat(2000, 2000), toLonLat(2100, 2000), toLonLat(2100, 2100), toLonLat(2000, 2100), toLonLat(2000, 2000)];
    const inside = micro('in', 0, 'foot');
    const [lon, lat] = toLonLat(2050, 2050);
    const m = microReach(net, [{ ...inside, lon, lat }], [{ id: 'p', name: null, nameZh: null, geometry: { type: 'Polygon', coordinates: [ring] } }], rules, 150, 250);
    expect(m.stations[0].onNetwork).toBe(false);
    expect(m.communities[0].insideIds).toEqual(['in']);
    expect(m.communities[0].inReach).toBe(true);
  });
});

describe('townships with and without a full-time brigade', () => {
  // 21 × 21 grid of 100 m blocks at 36 km/h (10 s a block) around (120°E, 30°N); a class-1 station at the
  // centre turning out in 250 s drives 50 s = 500 m (Manhattan) within the 300 s standard.
  const LON0 = 120;
  const LAT0 = 30;
  const r = rulerAt(LAT0);
  const ll = (x: number, y: number): [number, number] => [LON0 + x / r.kx, LAT0 + y / r.ky];
  const net = gridNetwork({ n: 21, spacingM: 100, speedKmh: 36, lon0: LON0, lat0: LAT0 });
  const centre = testStation('c', ...ll(0, 0), { turnoutS: 250 });
  const volunteer = testStation('v', ...ll(800, 800), { class: 'volunteer', turnoutS: 60 });
  const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]] });
  const towns: NamedArea<Polygon>[] = [
    { id: 'A', name: 'A', nameZh: null, geometry: square(-200, -200, 200, 200) },
    { id: 'B', name: 'B', nameZh: null, geometry: square(610, 610, 990, 990) },
  ];

  it('A holds the class-1 station and lies within 400 m Manhattan of it: 100 % reached; B holds only a volunteer team and lies ≥ 1220 m away: 0 %; coverage rate 1 / 2', () => {
    const scenario = testScenario(net, [centre, volunteer]);
    // coverage of the class-1 station only (the volunteer team is not counted as a responder here)
    const coverage = analyzeCoverage(scenario, [centre]);
    const t = townshipFigures(towns, coverage, [centre, volunteer], []);
    const [a, b] = t.townships;
    expect(a.stations).toEqual([{ id: 'c', class: 'class1' }]);
    expect(a.fullTime).toBe(true);
    expect(a.landReachedPct).toBe(100);
    expect(b.stations).toEqual([{ id: 'v', class: 'volunteer' }]);
    expect(b.fullTime).toBe(false);
    expect(b.landReachedPct).toBe(0);
    expect(b.landKm2).toBeGreaterThan(0);
    expect(t.coveragePct).toBe(50);
    expect(t.lackingIds).toEqual(['B']);
  });
});
