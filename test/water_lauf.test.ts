import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { analyzeWater, CHINA_PRESET, DEFAULT_WATER, readOsm, type HydrantProps, type OsmImport, type WaterAnalysis, type WaterInput } from '../packages/core/src/index';
import { LAUF_PBF, haveSharedData } from './shared_data';

/**
 * The Lauf an der Pegnitz extract: 479 mapped hydrants (status untagged = unknown, which counts),
 * municipal roads primary … residential. Hand checks on three short streets: the hydrant offsets along
 * each street were read off the data (hydrant node → nearest point of the street), the gaps follow
 * from the rule "a point farther than 60 m along the road from every hydrant is in a gap".
 */
describe.runIf(haveSharedData(LAUF_PBF))('water analysis on Lauf', () => {
  let osm: OsmImport;
  let a: WaterAnalysis;
  const input = (features = osm.features): WaterInput => ({
    network: osm.network,
    preset: CHINA_PRESET,
    stations: [],
    features,
    studyArea: null,
    analysis: { accessDistanceM: 150, cellSizeM: 25, bandsS: [180, 240, 300], year: 0, maxSnapDistanceM: 250 },
    water: { ...DEFAULT_WATER, hydrantRoadClasses: [...DEFAULT_WATER.hydrantRoadClasses] },
  });
  const load = (): WaterAnalysis => {
    osm ??= readOsm(new Uint8Array(readFileSync(LAUF_PBF)), LAUF_PBF);
    a ??= analyzeWater(input(), { land: false });
    return a;
  };
  const streetLinks = (name: string): number[] => {
    const net = osm.network;
    const out: number[] = [];
    for (let l = 0; l < net.linkCount; l++) if (net.names[net.linkName[l]] === name && a.requiredMask[l]) out.push(l);
    return out;
  };
  const gapsOn = (links: number[]) => a.spacing.gaps.flatMap((g) => g.chain.parts.filter((p) => links.includes(p.link)).map((p) => [Math.min(p.fromM, p.toM), Math.max(p.fromM, p.toM)]));

  it('every hydrant is read and either snapped or reported off the road', () => {
    const w = load();
    expect(w.counts.total).toBe(479);
    expect(w.counts.snapped + w.counts.offRoad).toBe(479);
    expect(w.counts.offRoad).toBeGreaterThan(0);
    // Untagged status: all unknown. They count toward spacing (presumed in service) but 完好率 =
    // working ÷ existing = 0: nothing is known to be intact.
    expect(w.counts.unknown).toBe(w.counts.snapped);
    expect(w.total.intactRate).toBe(0);
    expect(w.total.existing).toBe(w.counts.snapped);
  });

  it('Wäschgasse (98.1 m between two junctions, one hydrant 39.8 m in): no gap', () => {
    // 39.8 ≤ 60 to one end and 98.1 − 39.8 = 58.3 ≤ 60 to the other: every point within 60 m.
    load();
    const links = streetLinks('Wäschgasse');
    expect(links).toHaveLength(1);
    expect(osm.network.linkLengthM[links[0]]).toBeCloseTo(98.1, 1);
    const h = a.hydrants.find((x) => x.id === 'node/3851678963')!;
    expect(h.snap!.link).toBe(links[0]);
    expect(h.snap!.offsetM).toBeCloseTo(39.8, 1);
    expect(gapsOn(links)).toEqual([]);
  });

  it('Vogelwiesen (245.9 m dead end, one hydrant 12.0 m from its start): gap from 72.0 m to the end', () => {
    // Hydrant node/2130923488 lies 11.4 m off the road, 12.0 m along it. The dead end is 233.9 m away;
    // the gap runs from 12.0 + 60 = 72.0 m to the end at 245.9 m: 173.9 m, needing ⌈173.9/120⌉ = 2 new.
    load();
    const links = streetLinks('Vogelwiesen');
    expect(links).toHaveLength(1);
    const h = a.hydrants.find((x) => x.id === 'node/2130923488')!;
    expect(h.snap!.link).toBe(links[0]);
    expect(h.snap!.offsetM).toBeCloseTo(12.0, 1);
    const L = osm.network.linkLengthM[links[0]];
    expect(L).toBeCloseTo(245.9, 1);
    const g = gapsOn(links);
    expect(g).toHaveLength(1);
    expect(g[0][0]).toBeCloseTo(h.snap!.offsetM + 60, 6);
    expect(g[0][1]).toBeCloseTo(L, 6);
    const gap = a.spacing.gaps.find((x) => x.chain.parts.some((p) => p.link === links[0]))!;
    expect([gap.chain.startEnd, gap.chain.endEnd]).toContain('dead_end');
    expect(a.fixPlan.proposed.filter((p) => p.link === links[0])).toHaveLength(2);
  });

  it('Peter-Henlein-Straße (224.6 m, hydrants at 63.2 m and 108.0 m): one gap starting 60 m past the second', () => {
    // 108.0 − 63.2 = 44.8 ≤ 120 between them; 63.2 − 60 = 3.2 m of the start is within reach of the first
    // and the rest of the start is served from the junction side (no gap there); past the second
    // hydrant the road is served up to 108.0 + 60 = 168.0 m, then a gap until a hydrant beyond the far
    // junction takes over.
    load();
    const links = streetLinks('Peter-Henlein-Straße');
    expect(links).toHaveLength(1);
    const offs = a.hydrants.filter((x) => x.snap?.link === links[0]).map((x) => x.snap!.offsetM).sort((p, q) => p - q);
    expect(offs.map((x) => Math.round(x * 10) / 10)).toEqual([63.2, 108.0]);
    const g = gapsOn(links);
    expect(g).toHaveLength(1);
    expect(g[0][0]).toBeCloseTo(offs[1] + 60, 6);
    expect(g[0][1]).toBeLessThan(osm.network.linkLengthM[links[0]]);
  });

  it('invariants: unprotected road lies inside the spacing gaps; the fix plan closes every gap', () => {
    const w = load();
    // 150 m ≥ 60 m: a point beyond 150 m of every hydrant is beyond 60 m.
    expect(w.protection.unprotectedKm).toBeLessThanOrEqual(w.spacing.gapKm + 1e-9);
    expect(w.protection.protectedKm + w.protection.unprotectedKm).toBeCloseTo(w.spacing.roadKm, 6);
    expect(w.fixPlan.proposed.length).toBeGreaterThan(0);
    const added: Feature<Point, HydrantProps>[] = w.fixPlan.proposed.map((p, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { id: `new${i}`, status: 'working' },
    }));
    const after = analyzeWater(input({ ...osm.features, hydrants: { type: 'FeatureCollection', features: [...osm.features.hydrants.features, ...added] } }), { land: false });
    // A new hydrant can snap to a crossing road at a junction: allow gaps of under 1 m from that.
    expect(after.spacing.gaps.filter((g) => g.lengthM > 1)).toEqual([]);
    // Required does not depend on the hydrants; existing grows by the new ones.
    expect(after.total.required).toBe(w.total.required);
    expect(after.total.existing).toBe(w.total.existing + added.length);
  });
});
