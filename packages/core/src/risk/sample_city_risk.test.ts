import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../pipeline/analyze_scenario';
import { loadScenario } from '../scenario/load_scenario';
import type { LoadedScenario } from '../scenario/scenario_types';
import { analyzeCoverage } from '../coverage/analysis';
import { analyzeRisk } from './analyze_risk';

// The planted risk findings of the sample city (docs/risk.md "Sample city"), asserted from how they were
// planted: which station carries which apparatus, where the 10 t Old Bridge stands, which micro station
// lies in which community, which township holds which station. Times are bounded, not copied.
const dir = new URL('../../../../data/sample-city/', import.meta.url);
let loaded: Promise<LoadedScenario> | null = null;
const load = (): Promise<LoadedScenario> =>
  (loaded ??= (async () => {
    const json = JSON.parse(await readFile(new URL('scenario_risk.json', dir), 'utf8')) as unknown;
    return loadScenario(json, 'data/sample-city/scenario_risk.json', async (rel) => new Uint8Array(await readFile(new URL(rel, dir))));
  })());

describe('sample city: planted risk findings', () => {
  it('scenario.json itself has no risk block (its figures and files stay as they were)', async () => {
    const plain = JSON.parse(await readFile(new URL('scenario.json', dir), 'utf8')) as Record<string, unknown>;
    expect(plain.risk).toBeUndefined();
  });

  it('loads 9 hazards (7 classes), 4 micro stations, 6 communities, 4 townships, and the 10 t limit on the Old Bridge only', async () => {
    const s = await load();
    expect(s.risk!.hazards.map((h) => h.id)).toEqual(['HZ1', 'HZ2', 'HZ3', 'HZ5', 'HZ6', 'HZ7', 'HZ4', 'HZ8', 'HZ9']);
    expect(new Set(s.risk!.hazards.map((h) => h.class)).size).toBe(7);
    expect(s.risk!.microStations.length).toBe(4);
    expect(s.risk!.communities.length).toBe(6);
    expect(s.risk!.townships.length).toBe(4);
    const v = s.network.vehicleLimits!;
    const limited = [];
    for (let l = 0; l < s.network.linkCount; l++) if (!Number.isNaN(v.maxWeightT[l])) limited.push(l);
    expect(limited.length).toBe(1);
    expect(s.network.names[s.network.linkName[limited[0]]]).toBe('Old Bridge');
    expect(v.maxWeightT[limited[0]]).toBe(10);
  });

  it('the findings of the existing stations', async () => {
    const r = analyzeScenario(await load(), { water: false, compare: false }).risk!;
    const h = new Map(r.hazards.map((x) => [x.id, x]));
    // HZ1, a 45 m tower beside Chengzhong: its 32 m aerial is too short; only Chengnan's 53 m, ≥ 3 km away, can serve: late
    expect(h.get('HZ1')!.firstAnyStationId).toBe('chengzhong');
    expect(h.get('HZ1')!.capableStationIds).toEqual(['chengnan']);
    expect(h.get('HZ1')!.capableStationId).toBe('chengnan');
    expect(h.get('HZ1')!.capableS!).toBeGreaterThan(300);
    expect(h.get('HZ1')!.reason).toBe('too_far');
    // HZ2, 28 m beside Chengzhong: its 32 m aerial serves it in time
    expect(h.get('HZ2')!.capableStationId).toBe('chengzhong');
    expect(h.get('HZ2')!.meets).toBe(true);
    // HZ3, 30 m just south of the Old Bridge: the first unit (the coverage's search, no vehicle limits) crosses
    // the bridge in time; Chengzhong's 25 t aerial may not (10 t) and, going round, is late
    expect(h.get('HZ3')!.firstAnyS!).toBeLessThanOrEqual(300);
    expect(h.get('HZ3')!.capableS!).toBeGreaterThan(300);
    expect(h.get('HZ3')!.meets).toBe(false);
    // HZ4 (chemical park) and HZ5 (LPG depot) need foam: Chengzhong has none, Chengbei and Chengnan do
    expect(h.get('HZ4')!.capableStationIds).toEqual(['chengbei', 'chengnan']);
    expect(h.get('HZ5')!.capableStationIds).toEqual(['chengbei', 'chengnan']);
    // HZ6 (any unit) and HZ7 (rescue) in the old core: Chengzhong, in time
    for (const id of ['HZ6', 'HZ7']) {
      expect(h.get(id)!.capableStationId, id).toBe('chengzhong');
      expect(h.get(id)!.meets, id).toBe(true);
    }
    // HZ8 the 140 m underpass, HZ9 3.1 km of expressway: lines, km reached ≤ length
    expect(h.get('HZ8')!.kind).toBe('line');
    expect(h.get('HZ8')!.lengthKm!).toBeCloseTo(0.14, 2);
    expect(h.get('HZ9')!.lengthKm!).toBeGreaterThan(3);
    expect(h.get('HZ9')!.reachedKm!).toBeLessThanOrEqual(h.get('HZ9')!.lengthKm!);
    // no hazard is served earlier by a capable unit than by the first unit
    for (const x of r.hazards) if (x.capableS !== null) expect(x.capableS, x.id).toBeGreaterThanOrEqual(x.firstAnyS!);
    const highRise = r.classes.find((c) => c.class === 'high_rise')!;
    expect([highRise.sites, highRise.sitesMet]).toEqual([3, 1]);
    expect(highRise.notMetIds).toEqual(['HZ1', 'HZ3']);
  });

  it('HZ3 is late only because of the bridge: without the limit the aerial crosses and is as fast as the first unit', async () => {
    const s = await load();
    const free: LoadedScenario = { ...s, network: { ...s.network, vehicleLimits: undefined } };
    const coverage = analyzeCoverage(free, free.stations.filter((x) => x.status === 'existing'));
    const r = analyzeRisk(free, coverage)!;
    const hz3 = r.hazards.find((x) => x.id === 'HZ3')!;
    expect(hz3.capableS).toBeCloseTo(hz3.firstAnyS!, 6);
    expect(hz3.meets).toBe(true);
  });

  it('micro stations: Fuqian and Binjiang have one inside, Jinxiu is reached from the tower next door, Jiangnan, Xincheng and Beiyuan lack one', async () => {
    const m = analyzeScenario(await load(), { water: false, compare: false }).risk!.micro!;
    const c = new Map(m.communities.map((x) => [x.id, x]));
    expect(c.get('C1')!.insideIds).toEqual(['M1']);
    expect(c.get('C2')!.insideIds).toEqual(['M3']);
    expect(c.get('C6')!.insideIds).toEqual([]);
    expect(c.get('C6')!.firstMicroId).toBe('M2');
    expect(c.get('C6')!.arrivalS!).toBeLessThanOrEqual(180);
    expect(m.lackingIds).toEqual(['C3', 'C4', 'C5']);
    expect(m.communitiesInReach).toBe(3);
  });

  it('townships: Dongfeng (the industrial park) has no full-time brigade: coverage rate 3 / 4 = 75 %', async () => {
    const t = analyzeScenario(await load(), { water: false, compare: false }).risk!.townships!;
    expect(t.townships.map((x) => [x.id, x.stations.map((s) => s.id)])).toEqual([
      ['T1', ['chengzhong', 'chengbei']],
      ['T2', ['chengnan']],
      ['T3', []],
      ['T4', ['liushu']],
    ]);
    expect(t.coveragePct).toBe(75);
    expect(t.lackingIds).toEqual(['T3']);
    // the township seat of Liushu is a 500 m square of land served by its own brigade
    expect(t.townships[3].landReachedPct).toBe(100);
  });
});
