import { describe, expect, it } from 'vitest';
import { testScenario, testStation } from './testing';
import { gridNetwork } from '../surface/testing';
import { analyzeScenario } from '../pipeline/analyze_scenario';
import { coverageByHour } from './coverage_by_hour';
import type { TimeOfDayProfile } from '../cost/time_of_day';

// A 21 × 21 grid of 100 m two-way blocks at 36 km/h (10 s a block) around (120°E, 30°N); one station on
// the centre node with a 200 s turnout, so 100 s of driving are left of the 300 s standard.
const LON0 = 120;
const LAT0 = 30;
const net = gridNetwork({ n: 21, spacingM: 100, speedKmh: 36, lon0: LON0, lat0: LAT0 });
const centre = testStation('c', LON0, LAT0, { turnoutS: 200 });

/** Peak at half speed everywhere, night at double speed (exact in binary: 10 s → 20 s, 5 s). */
const HALF_PEAK: TimeOfDayProfile = {
  hours: Array.from({ length: 24 }, (_, h) => (h === 8 ? 'peak' : h === 2 ? 'night' : 'offpeak')),
  factors: { peak: { default: 0.5 }, offpeak: { default: 1 }, night: { default: 2 } },
  source: 'test',
  clause: 'test',
};

describe('coverage by hour', () => {
  const analysis = analyzeScenario(testScenario(net, [centre]), { water: false, compare: false });
  const byHour = coverageByHour(analysis.coverage, [2, 8, 12], HALF_PEAK);

  it('road reached: the L1 diamond of the grid, 4 r² blocks of 100 m (oracles.md §2)', () => {
    // 100 s of driving: off-peak 10 blocks → 4 × 10² × 100 m = 40,000 m (the diamond just fits the grid);
    // peak at half speed, 5 blocks → 4 × 5² × 100 m = 10,000 m; night at double speed, 20 blocks, but the
    // grid ends 10 blocks out: the whole grid, 2 × 21 × 20 links × 100 m = 84,000 m.
    const [night, peak, noon] = byHour.hours;
    expect(noon.roadReachedM).toBeCloseTo(40_000, 6);
    expect(peak.roadReachedM).toBeCloseTo(10_000, 6);
    expect(night.roadReachedM).toBeCloseTo(84_000, 6);
    expect([night.period, peak.period, noon.period]).toEqual(['night', 'peak', 'offpeak']);
    expect(byHour.worstHour).toBe(8);
  });

  it('an off-peak hour (all factors 1) gives the analysis’s own figures', () => {
    const noon = byHour.hours[2];
    const f = analysis.coverage.figures;
    expect(noon.landCoveredKm2).toBe(f.landCoveredKm2);
    expect(noon.landShare).toBe(f.landShare);
    expect(noon.roadReachedM).toBeCloseTo(f.roadReachedM, 6);
    expect(noon.demandCovered).toBeNull();
  });

  it('half speed at the peak is the same as half the driving time: a 250 s turnout at full speed', () => {
    const slow = analyzeScenario(testScenario(net, [testStation('c', LON0, LAT0, { turnoutS: 250 })]), { water: false, compare: false });
    expect(byHour.hours[1].landCoveredKm2).toBe(slow.coverage.figures.landCoveredKm2);
    expect(byHour.hours[1].roadReachedM).toBeCloseTo(slow.coverage.figures.roadReachedM, 6);
    expect(byHour.hours[1].landCoveredKm2).toBeLessThan(byHour.hours[2].landCoveredKm2);
  });

  it('analyzeScenario computes it when asked for hours, with the default profile cited as a local choice', () => {
    expect(analysis.coverageByHour).toBeNull();
    const a = analyzeScenario(testScenario(net, [centre]), { water: false, compare: false, hours: [8, 12] });
    expect(a.coverageByHour!.hours.map((h) => h.hour)).toEqual([8, 12]);
    expect(a.coverageByHour!.profileClause).toMatch(/^local choice/);
    // default peak: unknown-class roads ×0.8 → 80 s of driving at full speed = 8 blocks: 4 × 64 × 100 m
    expect(a.coverageByHour!.hours[0].roadReachedM).toBeCloseTo(25_600, 6);
    expect(() => coverageByHour(a.coverage, [24])).toThrow(RangeError);
  });
});
