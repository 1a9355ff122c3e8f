import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { analyzeCoverage, addStation } from '../packages/core/src/coverage/analysis';
import { compareStationSets, planStationSets } from '../packages/core/src/coverage/compare';
import { coverageSummary } from '../packages/core/src/coverage/summary';
import { type BarrierProps } from '../packages/core/src/index';
import { rulerAt } from '../packages/core/src/network/geodesy';
import { cellAt } from '../packages/core/src/surface/land_grid';
import { gridNetwork } from '../packages/core/src/surface/testing';
import { testScenario, testStation } from '../packages/core/src/coverage/testing';

// A 100 m street grid at 36 km/h (10 s per block), ±3 km around (120°E, 30°N); the study area is the
// rectangle x ∈ [−1000, 1000] m, y ∈ [−1250, 1250] m: 80 × 100 cells of 25 m = 5.0 km².
const LON0 = 120;
const LAT0 = 30;
const r = rulerAt(LAT0);
const lon = (x: number) => LON0 + x / r.kx;
const lat = (y: number) => LAT0 + y / r.ky;
const net = gridNetwork({ n: 61, spacingM: 100, speedKmh: 36, lon0: LON0, lat0: LAT0 });

function rect(x0: number, y0: number, x1: number, y1: number): FeatureCollection<Polygon> {
  const ring = [
    [lon(x0), lat(y0)],
    [lon(x1), lat(y0)],
    [lon(x1), lat(y1)],
    [lon(x0), lat(y1)],
    [lon(x0), lat(y0)],
  ];
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] };
}
const area = rect(-1000, -1250, 1000, 1250);
const railway: Feature<LineString, BarrierProps> = {
  type: 'Feature',
  properties: { id: 'rail-1', kind: 'railway', name: 'Test railway' },
  geometry: { type: 'LineString', coordinates: [[lon(450), lat(-1500)], [lon(450), lat(1500)]] },
};
const scenario = testScenario(net, [], { studyArea: area, features: { barriers: { type: 'FeatureCollection', features: [railway] } } });
const at = (x: number, y: number, o: Parameters<typeof testStation>[3] = {}, id = `S${x}_${y}`) => testStation(id, lon(x), lat(y), o);

describe('district area cap (GB 51080-2015 §4.1.3-2, 建标152-2017)', () => {
  it('one station holds the whole 5.0 km² study area: a class-1 station (7 km²) passes, a class-2 (4 km²) fails, at the urban edge (15 km²) passes', () => {
    const c1 = analyzeCoverage(scenario, [at(0, 0, { class: 'class1' })]).districts[0];
    expect(c1.areaKm2).toBeCloseTo(5.0, 9);
    expect(c1.capKm2).toBe(7);
    expect(c1.overCap).toBe(false);
    const c2 = analyzeCoverage(scenario, [at(0, 0, { class: 'class2' })]).districts[0];
    expect(c2.capKm2).toBe(4);
    expect(c2.overCap).toBe(true);
    const edge = analyzeCoverage(scenario, [at(0, 0, { class: 'class2', urbanEdge: true })]).districts[0];
    expect(edge.capKm2).toBe(15);
    expect(edge.overCap).toBe(false);
  });

  it('a logistics station gets no district; the required number of stations is ⌈area / 7 km²⌉', () => {
    const a = analyzeCoverage(scenario, [at(0, 0), at(200, 0, { class: 'logistics' })]);
    expect(a.districts.map((d) => d.stationId)).toEqual(['S0_0']);
    expect(a.figures.requiredStations).toBe(1); // ⌈5.0 / 7⌉
    const big = testScenario(net, [], { studyArea: rect(-2000, -2500, 2000, 2500) }); // 20 km²
    expect(analyzeCoverage(big, [at(0, 0)]).figures.requiredStations).toBe(3); // ⌈20 / 7⌉
  });
});

describe('5 minutes to the district edge (GB 51080-2015 §4.1.3-1)', () => {
  // The latest cell is the corner cell centred (987.5, 1237.5) m: its nearest road point is (1000, 1237.5),
  // 2237.5 m by road from the station at (0, 0) = 223.75 s at 10 m/s.
  it('turnout 60 s: the edge is reached at 283.75 s ≤ 300 s', () => {
    const d = analyzeCoverage(scenario, [at(0, 0, { turnoutS: 60 })]).districts[0];
    expect(d.latestArrivalS).toBeCloseTo(283.75, 4);
    expect(d.edgeWithinStandard).toBe(true);
    expect(d.lateAreaKm2).toBe(0);
  });
  it('turnout 120 s: 343.75 s > 300 s fails, and the late land is reported', () => {
    const a = analyzeCoverage(scenario, [at(0, 0, { turnoutS: 120 })]);
    const d = a.districts[0];
    expect(d.latestArrivalS).toBeCloseTo(343.75, 4);
    expect(d.edgeWithinStandard).toBe(false);
    expect(d.lateAreaKm2).toBeGreaterThan(0);
    expect(a.gaps.lateAreaKm2).toBeCloseTo(d.lateAreaKm2, 9);
    // the latest gap cells: min arrival just over 300 s, max 343.75 s
    expect(a.gaps.late[0].maxArrivalS).toBeCloseTo(343.75, 4);
    expect(a.gaps.late[0].minArrivalS!).toBeGreaterThan(300);
  });
});

describe('barriers (GB 51080-2015 §4.1.3-4)', () => {
  it('a railway through the middle of a district is a crossing, of the length inside the study area', () => {
    const d = analyzeCoverage(scenario, [at(0, 0)]).districts[0];
    expect(d.crossings.map((c) => [c.id, c.kind, c.name])).toEqual([['rail-1', 'railway', 'Test railway']]);
    // the line at x = 450 m runs 2500 m through the study area (y from −1250 to 1250)
    expect(Math.abs(d.crossings[0].lengthM / 2500 - 1)).toBeLessThan(0.01);
  });
  it('a railway mapped as many short pieces counts as one barrier: pieces of 80 m each are below the 100 m threshold, together 2500 m', () => {
    // the same line at x = 450 m cut into 80 m pieces, as OSM maps a railway in many ways
    const pieces: Feature<LineString, BarrierProps>[] = [];
    for (let y = -1250, i = 0; y < 1250; y += 80, i++) {
      pieces.push({ type: 'Feature', properties: { id: `rail-${String(i).padStart(2, '0')}`, kind: 'railway', name: 'Test railway' }, geometry: { type: 'LineString', coordinates: [[lon(450), lat(y)], [lon(450), lat(Math.min(y + 80, 1250))]] } });
    }
    const split = testScenario(net, [], { studyArea: area, features: { barriers: { type: 'FeatureCollection', features: pieces } } });
    const d = analyzeCoverage(split, [at(0, 0)]).districts[0];
    expect(d.crossings.map((c) => [c.id, c.kind, c.name, c.ids.length])).toEqual([['rail-00', 'railway', 'Test railway', pieces.length]]);
    expect(Math.abs(d.crossings[0].lengthM / 2500 - 1)).toBeLessThan(0.01);
  });
  it('a railway along the boundary between two districts is not', () => {
    // stations at x = −100 and x = 1000 on the same street: the L1 boundary is the line x = 450
    const a = analyzeCoverage(scenario, [at(-100, 0), at(1000, 0)]);
    expect(a.districts.every((d) => d.crossings.length === 0)).toBe(true);
  });
});

describe('marginalised station (GB 51080-2015 §4.1.5)', () => {
  // the district is the whole study area, centroid (0, 0); equivalent radius √(5 km²/π) = 1261.6 m, half = 630.8 m
  it('600 m off the centre passes, 700 m off is marginalised', () => {
    const ok = analyzeCoverage(scenario, [at(600, 0)]).districts[0];
    expect(ok.equivalentRadiusM).toBeCloseTo(Math.sqrt(5e6 / Math.PI), 3);
    expect(ok.stationOffsetM).toBeCloseTo(600, 0);
    expect(ok.marginalised).toBe(false);
    const off = analyzeCoverage(scenario, [at(700, 0)]).districts[0];
    expect(off.stationOffsetM).toBeCloseTo(700, 0);
    expect(off.marginalised).toBe(true);
  });
});

describe('second-due coverage', () => {
  it('counts land two different stations actually reach within the standard', () => {
    const A = at(-100, 0);
    const B = at(1000, 0);
    const a = analyzeCoverage(scenario, [A, B]);
    const g = a.context.grid;
    // cell centred (−62.5, 12.5): nearest road point (−62.5, 0); A at 37.5 m (63.75 s), B at 1062.5 m (166.25 s)
    const k1 = cellAt(g, lon(-62.5), lat(12.5));
    expect(a.firstS[k1]).toBeCloseTo(63.75, 4);
    expect(a.secondS[k1]).toBeCloseTo(166.25, 4);
    // cell centred (−987.5, 1237.5): nearest road point (−1000, 1237.5); A 2137.5 m (273.75 s), B 3237.5 m (383.75 s > 300)
    const k2 = cellAt(g, lon(-987.5), lat(1237.5));
    expect(a.firstS[k2]).toBeCloseTo(273.75, 4);
    expect(a.secondS[k2]).toBe(Infinity);
    expect(a.figures.secondDueLandShare).toBeGreaterThan(0);
    expect(a.figures.secondDueLandShare).toBeLessThan(1);
    // one station: nothing is second-due, whatever else could reach
    expect(analyzeCoverage(scenario, [A]).figures.secondDueLandShare).toBe(0);
  });
});

describe('planned versus existing', () => {
  it('builds cumulative year sets and reports the change', () => {
    const stations = [at(-600, 0, { status: 'existing' }, 'E1'), at(700, 0, { status: 'planned', year: 2030, turnoutS: 60 }, 'P1'), at(0, 900, { status: 'candidate' }, 'C1')];
    const sc = testScenario(net, stations, { studyArea: rect(-2000, -2000, 2000, 2000) });
    const sets = planStationSets(sc);
    expect(sets.map((s) => [s.key, s.stations.map((x) => x.id)])).toEqual([
      ['existing', ['E1']],
      ['year-2030', ['E1', 'P1']],
      ['all', ['E1', 'P1', 'C1']],
    ]);
    const cmp = compareStationSets(sc, sets);
    expect(cmp.changes[0].stationsAdded).toEqual(['P1']);
    expect(cmp.changes[0].landShareDelta).toBeGreaterThan(0);
    expect(cmp.changes[0].lateAreaDeltaKm2 + cmp.changes[0].unreachableAreaDeltaKm2).toBeLessThan(0);
    // incremental and from-scratch analyses agree byte for byte
    const scratch = analyzeCoverage(sc, [stations[0], stations[1]]);
    expect(JSON.stringify(coverageSummary(cmp.sets[1].analysis))).toBe(JSON.stringify(coverageSummary(scratch)));
    expect(JSON.stringify(coverageSummary(addStation(analyzeCoverage(sc, [stations[0]]), stations[1])))).toBe(JSON.stringify(coverageSummary(scratch)));
    // an analysis the caller already has is reused for its set, and the comparison is unchanged
    const withKnown = compareStationSets(sc, sets, undefined, [scratch]);
    expect(withKnown.sets[1].analysis).toBe(scratch);
    expect(JSON.stringify(withKnown.changes)).toBe(JSON.stringify(cmp.changes));
  });
});
