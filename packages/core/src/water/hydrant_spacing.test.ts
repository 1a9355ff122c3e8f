import { describe, expect, it } from 'vitest';
import { analyzeWater } from './analyze_water';
import { greedyPositions, requiredOnStretch } from './spacing';
import { hydrantsAt, metricNetwork, waterInput } from './testing';

const noLand = { land: false } as const;

describe('spacing along the road (oracles §3)', () => {
  // One straight 400 m street, hydrants 5 m off the kerb side.
  const street = metricNetwork(
    [
      [0, 0],
      [400, 0],
    ],
    [{ from: 0, to: 1 }],
  );

  it('consecutive hydrants 120.0 m apart pass', () => {
    // Hydrants at 0, 120, 240, 360 and 400: ends 0 and 400 are hydrants, every pair ≤ 120 m.
    const a = analyzeWater(waterInput(street, { hydrants: hydrantsAt([[0, 5], [120, 5], [240, 5], [360, 5], [400, 5]]) }), noLand);
    expect(a.spacing.gaps).toHaveLength(0);
  });

  it('120.1 m apart fail: one gap of 0.1 m beyond spacing/2 from both, span 120.1 m', () => {
    // Hydrants at 0, 120, 240.1, 360, 400: the pair 120 → 240.1 is 120.1 m apart. The points farther
    // than 60 m from both lie strictly between 180 and 180.1: a 0.1 m stretch, and span = 0.1 + 120.
    const a = analyzeWater(waterInput(street, { hydrants: hydrantsAt([[0, 5], [120, 5], [240.1, 5], [360, 5], [400, 5]]) }), noLand);
    expect(a.spacing.gaps).toHaveLength(1);
    expect(a.spacing.gaps[0].lengthM).toBeCloseTo(0.1, 3);
    expect(a.spacing.gaps[0].spanM).toBeCloseTo(120.1, 3);
    // The fix: one hydrant in the middle of the 0.1 m stretch (180.05 m from the start).
    expect(a.fixPlan.proposed).toHaveLength(1);
    expect(a.fixPlan.proposed[0].offsetM).toBeCloseTo(180.05, 2);
  });

  it('damaged and low-pressure hydrants do not count; unknown does', () => {
    const base = [[0, 5], [120, 5], [360, 5], [400, 5]] as [number, number][];
    const mid = hydrantsAt([[240, 5]], 'damaged').features[0];
    const fc = hydrantsAt(base);
    fc.features.push({ ...mid, properties: { id: 'd', status: 'damaged' } });
    const a = analyzeWater(waterInput(street, { hydrants: fc }), noLand);
    // Without 240: 120 → 360 is 240 m: the gap is (180, 300), 120 m long.
    expect(a.spacing.gaps).toHaveLength(1);
    expect(a.spacing.gaps[0].lengthM).toBeCloseTo(120, 3);
    fc.features[4].properties.status = 'unknown';
    expect(analyzeWater(waterInput(street, { hydrants: fc }), noLand).spacing.gaps).toHaveLength(0);
  });
});

describe('protection along the network, not a circle (oracles §3)', () => {
  // A U-shaped street: two parallel 300 m arms 20 m apart joined at the east end.
  //   0 (0,0) ── 1 (300,0)
  //               │ 20 m
  //   3 (0,20) ── 2 (300,20)
  const u = metricNetwork(
    [
      [0, 0],
      [300, 0],
      [300, 20],
      [0, 20],
    ],
    [
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ],
  );

  it('150 m along the network passes, 151 m fails even 20 m away across', () => {
    // Hydrant at x = 0 on the south arm. Along the road: south arm 300 + 20 + back west on the north arm.
    // North arm point at x: distance 300 + 20 + (300 − x) = 620 − x. So x = 0 (node 3) is 620 m away
    // though 20 m in a straight line. South arm: x ≤ 150 protected, x > 150 not.
    const a = analyzeWater(waterInput(u, { hydrants: hydrantsAt([[0, -3]]) }), noLand);
    const south = a.protection.unprotected.flatMap((c) => c.parts).filter((p) => p.link === 0);
    expect(south).toHaveLength(1);
    expect(Math.min(south[0].fromM, south[0].toM)).toBeCloseTo(150, 3);
    // Total road 620 m, protected 150 m.
    expect(a.protection.protectedKm * 1000).toBeCloseTo(150, 2);
    expect(a.protection.unprotectedKm * 1000).toBeCloseTo(470, 2);
  });

  it('a point 150 m away passes and 151 m fails', () => {
    // Two hydrants on the south arm at x = 0 and x = 300 − 1 (1 m before the bend). Node 3 (x = 0 on
    // the north arm) is 1 + 20 + 300 = 321 m from the second one. The north-arm point at x = 170 is
    // 1 + 20 + 130 = 151 m away: unprotected; x = 171 is 150 m: protected (the boundary).
    const a = analyzeWater(waterInput(u, { hydrants: hydrantsAt([[0, -3], [299, -3]]) }), noLand);
    const north = a.protection.unprotected.flatMap((c) => c.parts).filter((p) => p.link === 2);
    expect(north).toHaveLength(1);
    // Link 2 runs from (300,20) west to (0,20): offset = 300 − x. Protected offsets ≤ 129 (x ≥ 171).
    expect(Math.min(north[0].fromM, north[0].toM)).toBeCloseTo(129, 3);
    expect(Math.max(north[0].fromM, north[0].toM)).toBeCloseTo(300, 3);
  });
});

describe('required counts and the fix plan', () => {
  it('500 m road with no hydrant needs ⌈500/120⌉ = 5', () => {
    // Each hydrant serves at most 120 m of a path (60 m either side): 4 serve 480 < 500, so ≥ 5; the
    // greedy places 60, 180, 300, 420 and the middle of the last 20 m (490).
    expect(requiredOnStretch(500, 120)).toBe(5);
    expect(greedyPositions(500, 120)).toEqual([60, 180, 300, 420, 490]);
    expect(requiredOnStretch(240, 120)).toBe(2);
    expect(requiredOnStretch(240.1, 120)).toBe(3);
    const road = metricNetwork([[0, 0], [500, 0]], [{ from: 0, to: 1 }]);
    const a = analyzeWater(waterInput(road, {}), noLand);
    expect(a.spacing.gaps).toHaveLength(1);
    expect(a.spacing.gaps[0].lengthM).toBeCloseTo(500, 3);
    expect(a.spacing.gaps[0].spanM).toBeNull();
    expect(a.fixPlan.proposed.map((p) => Math.round(p.offsetM * 1000) / 1000)).toEqual([60, 180, 300, 420, 490]);
    expect(a.total.required).toBe(5);
    expect(a.total.existing).toBe(0);
    expect(a.total.constructionRate).toBe(0);
    // After building them: no gap.
    const fixed = analyzeWater(waterInput(road, { hydrants: hydrantsAt(a.fixPlan.proposed.map((p) => [p.offsetM, 3])) }), noLand);
    expect(fixed.spacing.gaps).toHaveLength(0);
  });

  it('建有率 and 完好率 on a T junction', () => {
    // T: west arm 300 m, east arm 200 m, south stem 250 m meeting at node 0 (a junction of three).
    // Stretches: 300 → ⌈2.5⌉ = 3, 200 → ⌈1.67⌉ = 2, 250 → ⌈2.08⌉ = 3; required 8.
    // Hydrants: 4 working, 1 damaged, 1 low pressure, 1 unknown = 7 existing;
    // 建有率 = 7/8 = 0.875; 完好率 = working ÷ existing = 4/7 (unknown is not known to be intact).
    const t = metricNetwork(
      [
        [0, 0],
        [-300, 0],
        [200, 0],
        [0, -250],
      ],
      [
        { from: 0, to: 1 },
        { from: 0, to: 2 },
        { from: 0, to: 3 },
      ],
    );
    const pts: [number, number, string][] = [
      [-60, 3, 'working'],
      [-180, 3, 'working'],
      [60, 3, 'working'],
      [3, -60, 'working'],
      [-290, 3, 'damaged'],
      [180, 3, 'low_pressure'],
      [3, -180, 'unknown'],
    ];
    const fc = hydrantsAt(pts.map(([x, y]) => [x, y]));
    fc.features.forEach((f, i) => (f.properties.status = pts[i][2] as never));
    const a = analyzeWater(waterInput(t, { hydrants: fc }), noLand);
    expect(a.spacing.stretches).toBe(3);
    expect(a.total.required).toBe(8);
    expect(a.total.existing).toBe(7);
    expect(a.total.constructionRate).toBeCloseTo(0.875, 12);
    expect(a.total.intactRate).toBeCloseTo(4 / 7, 12);
    // Counting hydrants: west 60, 180; east 60; stem 60, 180 (unknown counts).
    // West arm: 180 + 60 = 240 covers to 240; the end (300) is 120 m away → gap (240, 300], 60 m, dead end.
    // East arm: 60 covers [0, 120]; the end at 200 → gap (120, 200], 80 m.
    // Stem: 60 and 180 cover [0, 240]; end at 250 → gap (240, 250], 10 m.
    const lens = a.spacing.gaps.map((g) => Math.round(g.lengthM * 1000) / 1000).sort((x, y) => x - y);
    expect(lens).toEqual([10, 60, 80]);
    for (const g of a.spacing.gaps) {
      expect([g.chain.startEnd, g.chain.endEnd].sort()).toEqual(['dead_end', 'inside']);
    }
    // Fix plan: one hydrant per gap (each ≤ 120 m).
    expect(a.fixPlan.proposed).toHaveLength(3);
  });

  it('spacing runs through a cross junction and round a loop', () => {
    // Cross: four 100 m arms from a junction with one hydrant at the junction: every point is
    // ≤ 100 m away, points beyond 60 m on each arm are gaps (4 × 40 m, each ending at a dead end).
    const cross = metricNetwork(
      [
        [0, 0],
        [100, 0],
        [-100, 0],
        [0, 100],
        [0, -100],
      ],
      [1, 2, 3, 4].map((k) => ({ from: 0, to: k })),
    );
    // (A hydrant mapped at the junction point itself; one 2 m off it diagonally would snap 2 m along
    // one arm and shift that arm's gap to 38 m and the others' to 42 m.)
    const a = analyzeWater(waterInput(cross, { hydrants: hydrantsAt([[0, 0]]) }), noLand);
    expect(a.spacing.gaps.map((g) => Math.round(g.lengthM * 1000) / 1000)).toEqual([40, 40, 40, 40]);
    // Required: 4 stretches of 100 m → 4 × 1.
    expect(a.total.required).toBe(4);

    // Loop: a 400 m square block (4 × 100 m) with hydrants at two opposite corners (0 and 2). A point
    // on side 0→1 at x is x from corner 0 and 200 − x from corner 2: beyond 60 m from both for x > 60.
    // The gap runs on through corner 1 (100 m from both) to 60 m before corner 2: 40 + 40 = 80 m, and
    // likewise round corner 3: two gaps of 80 m, each one stretch through its corner.
    const loop = metricNetwork(
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      [
        { from: 0, to: 1 },
        { from: 1, to: 2 },
        { from: 2, to: 3 },
        { from: 3, to: 0 },
      ],
    );
    const b = analyzeWater(waterInput(loop, { hydrants: hydrantsAt([[-2, -2], [102, 102]]) }), noLand);
    expect(b.spacing.gaps.map((g) => Math.round(g.lengthM * 1000) / 1000)).toEqual([80, 80]);
    // Each gap is bounded by hydrant reach at both ends: span = 80 + 120 = 200 m, the distance from
    // corner 0 to corner 2 along the road.
    for (const g of b.spacing.gaps) expect(g.spanM).toBeCloseTo(200, 3);
    // Without hydrants the loop is one closed stretch of 400 m: ⌈400/120⌉ = 4 required.
    const c = analyzeWater(waterInput(loop, {}), noLand);
    expect(c.spacing.stretches).toBe(1);
    expect(c.total.required).toBe(4);
    expect(c.spacing.gaps).toHaveLength(1);
    expect(c.spacing.gaps[0].chain.startEnd).toBe('loop');
  });
});
