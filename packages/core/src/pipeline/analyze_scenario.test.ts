import { describe, expect, it } from 'vitest';
import { testScenario, testStation } from '../coverage/testing';
import { isInputError } from '../input_error';
import { rulerAt } from '../network/geodesy';
import { gridNetwork } from '../surface/testing';
import { stationLinkDistricts } from '../water/water_districts';
import { analyzeScenario } from './analyze_scenario';
import { parseStationSet, stationsOfSet } from './station_set';

// A 21 × 21 grid of 100 m two-way blocks at 36 km/h (10 s a block) around (120°E, 30°N): x, y ∈ [−1000, 1000] m.
const N = 21;
const HALF = 1000;
const LON0 = 120;
const LAT0 = 30;
const r = rulerAt(LAT0);
const net = gridNetwork({ n: N, spacingM: 100, speedKmh: 36, lon0: LON0, lat0: LAT0 });
const at = (id: string, x: number, turnoutS: number, o: Parameters<typeof testStation>[3] = {}) => testStation(id, LON0 + x / r.kx, LAT0, { turnoutS, ...o });
// West at x = −500 m turns out in 60 s, east at x = +500 m in 115 s.
const west = at('west', -500, 60);
const east = at('east', 500, 115);

/** x of a link's midpoint, m (grid node k = i + j·N sits at x = 100 i − 1000). */
function midX(l: number): number {
  const s = net.linkSource[l];
  const t = net.linkTarget[l];
  return ((s % N) + (t % N)) * 50 - HALF;
}

describe('districts on the roads count turnout (one rule for CLI, library and viewer)', () => {
  // Manhattan distance is the shortest path on a grid, and the |y| part is the same for both stations, so
  // west owns a link iff 60 + |x + 500| / 10 < 115 + |x − 500| / 10 (x of its midpoint): x < 275 m between
  // the stations; with both turnouts at 0 s it would be x < 0.
  const expectedWest = (x: number, turnW: number, turnE: number) => turnW + Math.abs(x + 500) / 10 < turnE + Math.abs(x - 500) / 10;

  it('stationLinkDistricts (analyzeWater’s default) gives each link to the first arrival from dispatch', () => {
    const d = stationLinkDistricts(net, [west, east]);
    expect(d.ids).toEqual(['west', 'east']);
    for (let l = 0; l < net.linkCount; l++) expect(d.linkOwner[l], `link ${l} at x = ${midX(l)}`).toBe(expectedWest(midX(l), 60, 115) ? 0 : 1);
    // The links between x = 0 and 275 m are west's only because east turns out 55 s later (with both at
    // 0 s they would be east's): horizontal midpoints x = 50, 150, 250 (21 rows each) and vertical links at
    // x = 100, 200 (20 each) = 3 × 21 + 2 × 20 = 103 links.
    let moved = 0;
    for (let l = 0; l < net.linkCount; l++) {
      if (d.linkOwner[l] === 0 && midX(l) > 0) moved++; // x = 0 itself is a tie at 0 s (west, the lower index)
    }
    expect(moved).toBe(3 * N + 2 * (N - 1));
  });

  it('analyzeScenario passes the coverage districts to the water checks: the same split', () => {
    const s = testScenario(net, [west, east]);
    const res = analyzeScenario(s, { land: false, compare: false });
    const owner = res.water!.districts.linkOwner;
    for (let l = 0; l < net.linkCount; l++) expect(owner[l]).toBe(expectedWest(midX(l), 60, 115) ? 0 : 1);
  });
});

describe('analyzeScenario options', () => {
  const planned = at('planned', 0, 60, { status: 'planned', year: 2030 });
  const candidate = at('cand', 800, 60, { status: 'candidate' });
  const s = testScenario(net, [west, east, planned, candidate]);

  it('takes the station set by name, year or list, in scenario order', () => {
    expect(analyzeScenario(s, { water: false, compare: false }).stationSet.stations.map((x) => x.id)).toEqual(['west', 'east']);
    expect(analyzeScenario(s, { stations: 2029, water: false, compare: false }).stationSet.stations.map((x) => x.id)).toEqual(['west', 'east']);
    expect(analyzeScenario(s, { stations: '2030', water: false, compare: false }).stationSet).toMatchObject({ choice: 2030 });
    expect(analyzeScenario(s, { stations: 'all', water: false, compare: false }).coverage.stations.map((x) => x.station.id)).toEqual(['west', 'east', 'planned', 'cand']);
    const list = analyzeScenario(s, { stations: [east, west], water: false, compare: false });
    expect(list.stationSet).toEqual({ choice: null, stations: [east, west] });
    expect(list.coverage.stations.map((x) => x.station.id)).toEqual(['east', 'west']);
  });

  it('water and compare can be switched off; layers are built once and kept', () => {
    const off = analyzeScenario(s, { water: false, compare: false });
    expect(off.water).toBeNull();
    expect(off.waterFigures).toBeNull();
    expect(off.comparison).toBeNull();
    expect(off.comparisonSummary).toBeNull();
    expect(off.layers().water).toBeNull();
    const first = off.layers(['districts']);
    expect(Object.keys(first.coverage)).toEqual(['districts']);
    expect(off.layers().coverage.districts).toBe(first.coverage.districts);
    const on = analyzeScenario(s, { land: false, newIntakes: 0 });
    // existing, 2030 (+ planned), all (+ candidate)
    expect(on.comparisonSummary!.sets.map((x) => x.key)).toEqual(['existing', 'year-2030', 'all']);
    expect(on.waterFigures!.land).toBe(false);
    expect(on.waterFigures!.districts.map((x) => x.id)).toEqual(['west', 'east']);
  });

  it('onCoverage sees the coverage once, before the water analysis runs (which then fails here)', () => {
    const bad = { ...s, water: { ...s.water, hydrantRoadClasses: ['no-such-class'] } };
    const seen: unknown[] = [];
    expect(() => analyzeScenario(bad, { compare: false, onCoverage: (c) => seen.push(c) })).toThrow(/no-such-class/);
    expect(seen).toHaveLength(1);
    const calls: unknown[] = [];
    const r = analyzeScenario(s, { land: false, newIntakes: 0, onCoverage: (c) => calls.push(c) });
    expect(calls).toEqual([r.coverage]);
    expect(calls[0]).toBe(r.coverage);
  });

  it('keeps a water error beside the coverage when asked, throws it otherwise', () => {
    const bad = { ...s, water: { ...s.water, hydrantRoadClasses: ['no-such-class'] } };
    expect(() => analyzeScenario(bad, { compare: false })).toThrow(/no-such-class/);
    const kept = analyzeScenario(bad, { compare: false, onWaterError: 'keep' });
    expect(kept.water).toBeNull();
    expect(isInputError(kept.waterError)).toBe(true);
    expect(kept.summary.districts).toHaveLength(2);
  });
});

describe('parseStationSet', () => {
  const scenario = (year: number) => ({ analysis: { ...testScenario(net, []).analysis, year } });
  it('reads existing, planned, all and four-digit years; not given → the scenario year, else existing', () => {
    expect(parseStationSet(undefined, scenario(0))).toBe('existing');
    expect(parseStationSet(undefined, scenario(2035))).toBe(2035);
    expect(parseStationSet(' planned ', scenario(0))).toBe('planned');
    expect(parseStationSet('all', scenario(0))).toBe('all');
    expect(parseStationSet('existing', scenario(2035))).toBe('existing');
    expect(parseStationSet('2031', scenario(0))).toBe(2031);
  });
  it('names the option in its error, in English and Chinese', () => {
    for (const bad of ['soon', '203', '20300', '']) {
      try {
        parseStationSet(bad, scenario(0), '--stations');
        expect.unreachable(`"${bad}" accepted`);
      } catch (e) {
        expect(isInputError(e)).toBe(true);
        expect((e as Error & { where: { file: string } }).where.file).toBe('--stations');
        expect((e as Error & { detailZh: string }).detailZh).toMatch(/应为 existing、planned、all 或年份/);
      }
    }
  });
  it('stationsOfSet lists the stations in service', () => {
    const s = testScenario(net, [west, at('p', 0, 60, { status: 'planned', year: 2030 })]);
    expect(stationsOfSet(s, 'existing').map((x) => x.id)).toEqual(['west']);
    expect(stationsOfSet(s, 2030).map((x) => x.id)).toEqual(['west', 'p']);
  });
});
