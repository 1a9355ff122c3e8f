import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWater, distanceM, loadScenario, type LoadedScenario, type WaterAnalysis } from '../packages/core/src/index';
import { pointOnLink } from '../packages/core/src/network/link_geometry';
import { REPO_ROOT } from './shared_data';

/**
 * The sample city's planted hydrant findings (data/sample-city/PLANTED.md) are all found. Expected
 * values come from PLANTED.md (written by the generator from what it planted), not from this code.
 */
const DIR = join(REPO_ROOT, 'data', 'sample-city');
const SCENARIO = join(DIR, 'scenario.json');

describe.runIf(existsSync(SCENARIO))('sample city: planted hydrant findings', () => {
  let s: LoadedScenario;
  let a: WaterAnalysis;
  const load = async (): Promise<WaterAnalysis> => {
    s ??= await loadScenario(JSON.parse(readFileSync(SCENARIO, 'utf8')), SCENARIO, async (rel) => new Uint8Array(readFileSync(join(DIR, rel))));
    a ??= analyzeWater(s, { land: false });
    return a;
  };
  const linksOfRoads = (ids: number[]): number[] => {
    const out: number[] = [];
    for (let l = 0; l < s.network.linkCount; l++) if (ids.includes(s.network.linkWayId[l])) out.push(l);
    return out;
  };
  const gapMetresOn = (links: number[]): number => {
    let m = 0;
    for (const g of a.spacing.gaps) for (const p of g.chain.parts) if (links.includes(p.link)) m += Math.abs(p.toM - p.fromM);
    return m;
  };

  it('1: new roads without any hydrant are gaps over their whole length', async () => {
    await load();
    const ids = [27, 28, 29, 30, 77, 78, 79, 80, 127, 128, 129, 130, 179, 180, 181, 182, 784, 785, 786, 787, 788, 789, 790, 791, 840, 841, 842, 843, 844, 845, 846, 847];
    const links = linksOfRoads(ids);
    expect(links.length).toBeGreaterThanOrEqual(ids.length);
    let len = 0;
    for (const l of links) len += s.network.linkLengthM[l];
    // Whole length, less the ends within 60 m of hydrants on the crossing streets.
    const gap = gapMetresOn(links);
    expect(gap).toBeGreaterThan(0.8 * len);
    for (const l of links) expect(a.hydrants.some((h) => h.snap?.link === l)).toBe(false);
  });

  // PLANTED.md measures spacing between consecutive hydrants of one road, counting every hydrant
  // whatever its status; here too (all statuses count) so the planted spacings show alone. Along the
  // network a hydrant on a crossing street near a junction also serves the road, so a measured span
  // can be shorter than the planted one, never longer.
  const allStatuses = { land: false, countingStatuses: ['working', 'damaged', 'low_pressure', 'unknown'] } as const;

  it('2: 建设路 has a spacing gap between the hydrants planted 271 m apart', async () => {
    await load();
    const b = analyzeWater(s, allStatuses);
    const gaps = b.spacing.gaps.filter((g) => g.chain.parts.some((p) => [207, 208].includes(s.network.linkWayId[p.link])));
    expect(gaps).toHaveLength(1);
    const g = gaps[0];
    expect(g.spanM).not.toBeNull();
    expect(g.spanM!).toBeGreaterThan(120);
    expect(g.spanM!).toBeLessThanOrEqual(271 + 1);
    // The gap lies between the two planted hydrants (x = -1600 m, latitudes 30.07976 … 30.08219).
    for (const p of g.chain.parts) {
      const lat = (s.network.nodeLat[s.network.linkSource[p.link]] + s.network.nodeLat[s.network.linkTarget[p.link]]) / 2;
      expect(lat).toBeGreaterThan(30.0797);
      expect(lat).toBeLessThan(30.0823);
    }
    // With defective hydrants left out (the default) the gap is still there.
    expect(a.spacing.gaps.some((x) => x.chain.parts.some((p) => [207, 208].includes(s.network.linkWayId[p.link])))).toBe(true);
  });

  it('2b: 滨江南路 Binjiang South Road (142 m planted, at the south head of 东门大桥) has a gap', async () => {
    await load();
    const b = analyzeWater(s, allStatuses);
    // Road ids 1541 and 1542 meet the bridge at its south head; the planted 142 m spacing straddles
    // that junction, so the gap is cut there into two pieces (the bridge deck is a third).
    const pieces = b.spacing.gaps.filter((g) => g.chain.parts.some((p) => [1541, 1542].includes(s.network.linkWayId[p.link])));
    expect(pieces.length).toBeGreaterThanOrEqual(1);
    // Points farther than 60 m from both planted hydrants: 142 − 120 = 22 m at most along this road.
    const onRoad = pieces.flatMap((g) => g.chain.parts).filter((p) => [1541, 1542].includes(s.network.linkWayId[p.link]));
    const m = onRoad.reduce((x, p) => x + Math.abs(p.toM - p.fromM), 0);
    expect(m).toBeGreaterThan(0);
    expect(m).toBeLessThanOrEqual(22 + 0.5);
  });

  it('3: the south head of 东门大桥 has no hydrant within 50 m', async () => {
    await load();
    const head = a.requiredPlaces.filter((p) => p.kind === 'bridge_head' && distanceM(p.lon, p.lat, 104.60832, 30.09364) < 15);
    expect(head).toHaveLength(1);
    expect(head[0].ok).toBe(false);
    // The other bridge heads and the underpass entrances are equipped.
    expect(a.requiredPlaces.filter((p) => !p.ok)).toHaveLength(1);
  });

  it('4: 世纪大道 (64 m wide) has hydrants on the north side only', async () => {
    await load();
    const links = linksOfRoads([924, 925, 926, 927, 928, 929, 930, 931, 932, 933, 934, 935, 936, 937, 938, 939, 940, 941, 942, 943, 944, 945, 946, 947, 948, 949, 950, 951]);
    let wideM = 0;
    for (const l of links) wideM += s.network.linkLengthM[l];
    expect(a.wideRoads.wideRoadKm * 1000).toBeCloseTo(wideM, 0);
    // The 59 kerb hydrants 33–34 m from the centreline snap to it (reach 30 m + 32 m half width).
    expect(a.hydrants.filter((h) => h.snap && links.includes(h.snap.link)).length).toBeGreaterThanOrEqual(59);
    // One side unserved along most of the avenue; the same side throughout (the north side is served).
    // Near crossings some kerb hydrants are nearer the crossing street and serve it instead: there
    // neither side of the avenue has one within 60 m ("both").
    const oneSided = a.wideRoads.gaps.filter((g) => g.missing !== 'both');
    expect(oneSided.reduce((m, g) => m + g.lengthM, 0)).toBeGreaterThan(0.8 * wideM);
    expect(new Set(oneSided.map((g) => g.missing)).size).toBe(1);
    // Required counts both sides (§7.2.3): per side at least ⌈length / 120⌉ over the avenue (a sum of
    // ceilings per stretch is at least the ceiling of the sum), times two; and the avenue is the only wide road.
    expect(a.wideRoads.required % 2).toBe(0);
    expect(a.wideRoads.required).toBeGreaterThanOrEqual(2 * Math.ceil(wideM / 120));
    // The fix plan adds hydrants on the avenue's unserved (south) side: every side placement is on
    // the avenue, south of its centreline where the north side is served, and in north–south pairs
    // where neither side is.
    const side = a.fixPlan.proposed.filter((p) => p.side !== null);
    expect(side.length).toBe(a.wideRoads.proposed);
    expect(side.length).toBeGreaterThan(0);
    for (const p of side) expect(links).toContain(p.link);
    const centreLat = (p: (typeof side)[number]): number => pointOnLink(s.network, p.link, p.offsetM).lat;
    const onOneSided = side.filter((p) => a.wideRoads.gaps[p.wideGap].missing !== 'both');
    expect(onOneSided.length).toBeGreaterThanOrEqual(Math.ceil((0.8 * wideM) / 120));
    for (const p of onOneSided) expect(p.lat).toBeLessThan(centreLat(p));
    const onBoth = side.filter((p) => a.wideRoads.gaps[p.wideGap].missing === 'both');
    expect(onBoth.filter((p) => p.lat > centreLat(p)).length).toBe(onBoth.length / 2);
  });

  it('5: statuses and 完好率 = 3000/3421', async () => {
    await load();
    expect(a.counts.total).toBe(3421);
    expect([a.counts.working, a.counts.damaged, a.counts.lowPressure, a.counts.unknown]).toEqual([3000, 176, 139, 106]);
    expect(a.total.intactRate).toBeCloseTo(3000 / 3421, 6);
  });
});
