import { describe, expect, it } from 'vitest';
import type { Feature, Point, Polygon } from 'geojson';
import { LinkFlag } from '../network/road_class';
import type { WaterSourceProps } from '../io/map_features';
import { analyzeWater } from './analyze_water';
import { hydrantsAt, metricNetwork, toLonLat, waterInput } from './testing';
import { waterFigures } from './water_figures';

const noLand = { land: false } as const;

describe('wide roads (oracles §3)', () => {
  // A 400 m road 61 m wide, running east; left = north. Kerb hydrants 35 m off the centreline
  // (30.5 m half width + 4.5 m) snap to it: reach is 30 m + half the width = 60.5 m.
  const wide = (widthM: number) => metricNetwork([[0, 0], [400, 0]], [{ from: 0, to: 1, widthM, roadClass: 'primary' }]);

  it('hydrants on one side only fail', () => {
    const a = analyzeWater(waterInput(wide(61), { hydrants: hydrantsAt([[0, 35], [100, 35], [200, 35], [300, 35], [400, 35]]) }), noLand);
    expect(a.spacing.gaps).toHaveLength(0); // spacing along the road is met
    expect(a.wideRoads.gaps).toHaveLength(1);
    expect(a.wideRoads.gaps[0].missing).toBe('right');
    expect(a.wideRoads.gaps[0].lengthM).toBeCloseTo(400, 3);
    expect(a.wideRoads.oneSidedKm).toBeCloseTo(0.4, 6);
  });

  it('staggered on both sides passes', () => {
    // North at 0, 120, 240, 360 (reach to 420 ≥ 400); south at 60, 180, 300, 400 (reach from 0).
    const pts: [number, number][] = [[0, 35], [120, 35], [240, 35], [360, 35], [60, -35], [180, -35], [300, -35], [400, -35]];
    const a = analyzeWater(waterInput(wide(61), { hydrants: hydrantsAt(pts) }), noLand);
    expect(a.wideRoads.wideRoadKm).toBeCloseTo(0.4, 6);
    expect(a.wideRoads.gaps).toHaveLength(0);
  });

  it('a 60 m road is not wider than 60 m', () => {
    const a = analyzeWater(waterInput(wide(60), { hydrants: hydrantsAt([[0, 25], [100, 25], [200, 25], [300, 25], [400, 25]]) }), noLand);
    expect(a.wideRoads.wideRoadKm).toBe(0);
    expect(a.wideRoads.gaps).toHaveLength(0);
  });

  it('one-sided stretch in the middle of a staggered road', () => {
    // South side lacks 180: south hydrants 60 and 300 reach to 120 and from 240: the south side is
    // unserved on (120, 240), a 120 m stretch missing the right (south) side.
    const pts: [number, number][] = [[0, 35], [120, 35], [240, 35], [360, 35], [60, -35], [300, -35], [400, -35]];
    const a = analyzeWater(waterInput(wide(61), { hydrants: hydrantsAt(pts) }), noLand);
    expect(a.wideRoads.gaps.map((g) => [g.missing, Math.round(g.lengthM * 1000) / 1000])).toEqual([['right', 120]]);
  });
});

describe('bridge heads and tunnel entrances', () => {
  it('a head needs a hydrant within 50 m along the road', () => {
    // 0 —100— 1 —bridge 100— 2 —100— 3. Hydrants at x = 60 and x = 251.
    // Head at node 1 (x = 100): 40 m → ok. Head at node 2 (x = 200): 51 m → missing.
    const net = metricNetwork(
      [[0, 0], [100, 0], [200, 0], [300, 0]],
      [{ from: 0, to: 1 }, { from: 1, to: 2, flags: LinkFlag.BRIDGE, name: 'Pegnitz bridge' }, { from: 2, to: 3 }],
    );
    const a = analyzeWater(waterInput(net, { hydrants: hydrantsAt([[60, 4], [251, 4]]) }), noLand);
    expect(a.requiredPlaces.map((p) => [p.kind, p.node, p.ok, Math.round(p.nearestHydrantM * 1000) / 1000])).toEqual([
      ['bridge_head', 1, true, 40],
      ['bridge_head', 2, false, 51],
    ]);
    expect(a.requiredPlaces[0].name).toBe('Pegnitz bridge');
  });

  it('tunnel entrances: both ends of a run of two tunnel links', () => {
    const net = metricNetwork(
      [[0, 0], [100, 0], [200, 0], [300, 0], [400, 0]],
      [{ from: 0, to: 1 }, { from: 1, to: 2, flags: LinkFlag.TUNNEL }, { from: 2, to: 3, flags: LinkFlag.TUNNEL }, { from: 3, to: 4 }],
    );
    const a = analyzeWater(waterInput(net, { hydrants: hydrantsAt([[90, 3], [310, 3]]) }), noLand);
    expect(a.requiredPlaces.map((p) => [p.kind, p.run, p.node, p.ok])).toEqual([
      ['tunnel_entrance', 1, 1, true],
      ['tunnel_entrance', 1, 3, true],
    ]);
  });
});

describe('water cranes in severe-cold cities', () => {
  it('main roads need a crane within 500 m along the road', () => {
    // A 3,000 m primary road, cranes at 500 and 1,500: reach [0, 2,000]; gap (2,000, 3,000], 1,000 m.
    // Required on 3,000 m: ⌈3000/1000⌉ = 3.
    const net = metricNetwork([[0, 0], [3000, 0]], [{ from: 0, to: 1, roadClass: 'primary' }]);
    const crane = (x: number, id: string): Feature<Point, WaterSourceProps> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: toLonLat(x, 8) }, properties: { id, kind: 'water_crane' } });
    const input = waterInput(net, { waterSources: { type: 'FeatureCollection', features: [crane(500, 'c1'), crane(1500, 'c2')] } });
    input.water.severeCold = true;
    const a = analyzeWater(input, noLand);
    expect(a.cranes.count).toBe(2);
    expect(a.cranes.required).toBe(3);
    expect(a.cranes.gaps.map((g) => Math.round(g.lengthM))).toEqual([1000]);
    input.water.severeCold = false;
    expect(analyzeWater(input, noLand).cranes.checked).toBe(false);
  });
});

describe('intake points', () => {
  // A 1,000 m road east, 10 m/s both ways; a station at x = 0; no hydrants.
  const net = metricNetwork([[0, 0], [1000, 0]], [{ from: 0, to: 1, roadClass: 'residential' }]);
  const point = (x: number, y: number, id: string, kind: WaterSourceProps['kind']): Feature<Point, WaterSourceProps> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: toLonLat(x, y) },
    properties: { id, kind },
  });
  const lake = (x: number, id: string): Feature<Polygon, WaterSourceProps> => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[toLonLat(x - 5, 20), toLonLat(x + 5, 20), toLonLat(x, 120), toLonLat(x - 5, 20)]] },
    properties: { id, kind: 'water_body', name: id },
  });

  it('reach, station time, road served only by intakes, and new intake sites', () => {
    const input = waterInput(net, {
      waterSources: { type: 'FeatureCollection', features: [point(600, 20, 'dock', 'intake_dock'), point(300, 80, 'far', 'suction_point'), lake(100, 'west lake'), lake(950, 'east pond')] },
    });
    input.stations = [{ id: 's1', name: 'Station 1', lon: toLonLat(0, 0)[0], lat: toLonLat(0, 0)[1], class: 'class1', status: 'existing', turnoutS: 60 }];
    input.water.intakeTimeS = 30;
    const a = analyzeWater(input, noLand);
    // The dock is 20 m from the road (≤ 50): reachable; the suction point 80 m away is not.
    expect(a.intake.sources.map((s) => [s.id, s.snap !== null])).toEqual([
      ['dock', true],
      ['far', false],
    ]);
    // Station at x = 0 to the dock at x = 600: 60 s.
    expect(a.intake.stations[0].timeS).toBeCloseTo(60, 3);
    expect(a.intake.stations[0].sourceId).toBe('dock');
    // 30 s at 10 m/s either way from x = 600: [300, 900] → 600 m served by the dock, 400 m by nothing.
    expect(a.intake.beyondHydrantsReachedKm * 1000).toBeCloseTo(600, 2);
    expect(a.intake.noWaterKm * 1000).toBeCloseTo(400, 2);
    // New sites: west lake at x = 100 reaches [0, 400] → gains [0, 300] = 300 m; then the east pond
    // at x = 950 reaches [650, 1000] → gains [900, 1000] = 100 m.
    expect(a.intake.proposed.map((c) => [c.waterId, Math.round(c.gainM * 100) / 100])).toEqual([
      ['west lake', 300],
      ['east pond', 100],
    ]);
  });
});

describe('land protected along the network', () => {
  it('one hydrant at the end of a long road protects a triangle plus a half disc', () => {
    // Road from x = 0 east for 500 m; a hydrant at its west end. Land within 150 m of the road is
    // reached from its nearest road point; the hose runs along the road then straight to the land:
    // for x ≥ 0, protected when x + |y| ≤ 150 (a triangle of area 150² = 22,500 m²); west of the end,
    // the nearest road point is the end, so protected within 150 m of it (half disc, π·150²/2 =
    // 35,343 m²). Total 0.0578 km²; a 5 m raster approximates it within a few per cent.
    const net = metricNetwork([[0, 0], [500, 0]], [{ from: 0, to: 1 }]);
    const input = waterInput(net, { hydrants: hydrantsAt([[0, 0]]) });
    input.analysis.cellSizeM = 5;
    const a = analyzeWater(input);
    const expected = (150 * 150 + (Math.PI * 150 * 150) / 2) / 1e6;
    expect(a.protection.land!.protectedKm2).toBeGreaterThan(expected * 0.97);
    expect(a.protection.land!.protectedKm2).toBeLessThan(expected * 1.03);
    // All land with road access: 500 × 300 rectangle + two half discs of 150 m = 0.2207 km².
    const all = (500 * 300 + Math.PI * 150 * 150) / 1e6;
    expect(a.protection.land!.landKm2).toBeGreaterThan(all * 0.97);
    expect(a.protection.land!.landKm2).toBeLessThan(all * 1.03);
    expect(a.protection.land!.unprotected.coordinates.length).toBeGreaterThan(0);
  });
});

describe('wide roads: required and fix plan count both sides (GB 50974-2014 §7.2.3)', () => {
  // A straight 600 m primary road, no hydrants. Per side the placement needs ⌈600 / 120⌉ = 5
  // (at 60, 180, 300, 420, 540 m: each serves 60 m either side). 61 m wide: both sides, 2 × 5 = 10.
  // 59 m wide: not wide, 5.
  const road = (widthM: number) => metricNetwork([[0, 0], [600, 0]], [{ from: 0, to: 1, widthM, roadClass: 'primary' }]);

  it('a 61 m wide road of 600 m requires 10, and the fix plan places 5 on each side', () => {
    const a = analyzeWater(waterInput(road(61), {}), noLand);
    expect(a.total.required).toBe(10);
    expect(a.wideRoads.required).toBe(10);
    expect(a.wideRoads.gaps.map((g) => [g.missing, Math.round(g.lengthM * 1000) / 1000])).toEqual([['both', 600]]);
    expect(a.fixPlan.proposed).toHaveLength(10);
    expect(a.wideRoads.proposed).toBe(10);
    const bySide = (side: string): number[] => a.fixPlan.proposed.filter((p) => p.side === side).map((p) => Math.round(p.offsetM * 1000) / 1000);
    expect(bySide('left')).toEqual([60, 180, 300, 420, 540]);
    expect(bySide('right')).toEqual([60, 180, 300, 420, 540]);
    // Built as proposed (at the kerbs, 31.5 m either side of the centreline), both sides are served.
    const built = analyzeWater(waterInput(road(61), { hydrants: { type: 'FeatureCollection', features: a.fixPlan.proposed.map((p, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { id: `n${i}`, status: 'working' } })) } }), noLand);
    expect(built.hydrants.filter((h) => h.side === 1)).toHaveLength(5);
    expect(built.hydrants.filter((h) => h.side === -1)).toHaveLength(5);
    expect(built.wideRoads.gaps).toEqual([]);
    expect(built.spacing.gaps).toEqual([]);
    expect(built.total.constructionRate).toBe(1);
  });

  it('a 59 m wide road of the same length requires half: 5', () => {
    const a = analyzeWater(waterInput(road(59), {}), noLand);
    expect(a.total.required).toBe(5);
    expect(a.wideRoads.required).toBe(0);
    expect(a.fixPlan.proposed.map((p) => [Math.round(p.offsetM * 1000) / 1000, p.side])).toEqual([
      [60, null],
      [180, null],
      [300, null],
      [420, null],
      [540, null],
    ]);
  });

  it('one side served: the fix plan fills the other side only', () => {
    // North (left) hydrants at 60, 180, 300, 420, 540 serve the left side; the right side gets 5.
    const a = analyzeWater(waterInput(road(61), { hydrants: hydrantsAt([[60, 35], [180, 35], [300, 35], [420, 35], [540, 35]]) }), noLand);
    expect(a.total.required).toBe(10);
    expect(a.spacing.gaps).toHaveLength(0);
    expect(a.fixPlan.proposed.map((p) => [Math.round(p.offsetM * 1000) / 1000, p.side])).toEqual([
      [60, 'right'],
      [180, 'right'],
      [300, 'right'],
      [420, 'right'],
      [540, 'right'],
    ]);
  });
});

describe('new intake points ranked by unprotected land (greedy maximal covering)', () => {
  // A 3,000 m residential road along y = 0, 10 m/s both ways; intakeTimeS = 30 s → an intake reaches
  // 300 m along the road either way. Land grid: 25 m cells, access 150 m; the grid spans y ∈ [−150, 150]
  // (12 rows, centres ±12.5 … ±137.5) and x from −150 (column centres −137.5 + 25 i). Every cell with
  // a centre x_c in (0, 3000) is land (nearest road point (x_c, 0), 12.5 … 137.5 m away), reached at
  // |x_c − x_intake| / 10 s. Reach ends fall on multiples of 50 m, never on a centre.
  //  - existing intake dock at x = 100: reaches x ≤ 400 (cells up to 387.5).
  //  - hydrant at x = 2705: protects cells with |x_c − 2705| + |y_c| ≤ 150; within x_c < 2700:
  //    dx = 142.5 → none, 117.5 → |y| ≤ 32.5: 2, 92.5 → 4, 67.5 → 6, 42.5 → 8, 17.5 → 10: 30 cells.
  //    Road protected along the road within 150 m: x ∈ [2555, 2855].
  //  - lake A at x = 1200: reach [900, 1500]: 24 columns × 12 = 288 cells (0.18 km²), road 600 m.
  //  - lake C at x = 650: reach [350, 950], less the dock's → [400, 950]: 22 columns = 264 cells,
  //    road 550 m; overlaps A on [900, 950].
  //  - lake B at x = 2400: reach [2100, 2700]: 24 columns = 288 cells less the 30 protected = 258
  //    cells (0.16125 km²); road [2100, 2555] = 455 m.
  // Round 1: A (288 > 264 > 258). Round 2: C less A is [400, 900] = 20 columns = 240 cells (500 m):
  // by land B (258 > 240) — the one not overlapping A; by road C would win (500 > 455 m).
  // Round 3: C, 240 cells = 0.15 km².
  const net = metricNetwork([[0, 0], [3000, 0]], [{ from: 0, to: 1, roadClass: 'residential' }]);
  const lake = (x: number, id: string): Feature<Polygon, WaterSourceProps> => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[toLonLat(x, 20), toLonLat(x + 40, 120), toLonLat(x - 40, 120), toLonLat(x, 20)]] },
    properties: { id, kind: 'water_body', name: id },
  });
  const dock: Feature<Point, WaterSourceProps> = { type: 'Feature', geometry: { type: 'Point', coordinates: toLonLat(100, -20) }, properties: { id: 'dock', kind: 'intake_dock' } };
  const make = () => {
    const input = waterInput(net, { hydrants: hydrantsAt([[2705, 3]]), waterSources: { type: 'FeatureCollection', features: [dock, lake(650, 'C'), lake(1200, 'A'), lake(2400, 'B')] } });
    input.water.intakeTimeS = 30;
    return input;
  };

  it('picks the largest, then the one not overlapping it, with gains in km² and road km', () => {
    const a = analyzeWater(make());
    expect(a.intake.proposedBy).toBe('land');
    expect(a.intake.proposed.map((c) => [c.waterId, Math.round(c.gainKm2! * 1e6) / 1e6, Math.round(c.gainM * 100) / 100])).toEqual([
      ['A', 0.18, 600],
      ['B', 0.16125, 455],
      ['C', 0.15, 500],
    ]);
    // Positions: the lake vertex nearest the road.
    const [x, y] = toLonLat(1200, 20);
    expect(a.intake.proposed[0].lon).toBeCloseTo(x, 9);
    expect(a.intake.proposed[0].lat).toBeCloseTo(y, 9);
    const w = waterFigures(a);
    expect(w.proposedBy).toBe('land');
    expect(w.proposedIntakes.map((q) => [q.n, q.waterId])).toEqual([[1, 'A'], [2, 'B'], [3, 'C']]);
  });

  it('without the land grid, falls back to road metres and says so', () => {
    const a = analyzeWater(make(), noLand);
    expect(a.intake.proposedBy).toBe('road');
    expect(a.intake.proposed.map((c) => [c.waterId, c.gainKm2, Math.round(c.gainM * 100) / 100])).toEqual([
      ['A', null, 600],
      ['C', null, 500],
      ['B', null, 455],
    ]);
    const w = waterFigures(a);
    expect(w.proposedBy).toBe('road');
    expect(w.land).toBe(false);
    expect(w.figures.some((f) => f.key.startsWith('land.'))).toBe(false);
  });
});
