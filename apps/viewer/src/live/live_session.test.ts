import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeScenario, loadScenario, stationsInService, type LoadedScenario } from '@firecover/core';
import type { CandidateInput } from '../model';
import { AnalysisSession } from '../worker/analysis_session';
import { candidateStation } from './candidates';

// The worker's session in Node: candidate lists recomputed from the first changed candidate must give what
// a fresh analysis of the same stations gives, and a saved scenario must reopen with the same candidates.
const dir = new URL('../../../../data/sample-city/', import.meta.url);
const read = async (rel: string) => new Uint8Array(readFileSync(new URL(rel, dir)));
const text = readFileSync(new URL('scenario.json', dir), 'utf8');

function figures(summary: Record<string, unknown>) {
  return (summary.figures as { key: string; value: number | null }[]).map((f) => [f.key, f.value]);
}

/** Coverage figures of the scenario's default stations plus the candidates, analysed from scratch. */
function fresh(scenario: LoadedScenario, list: CandidateInput[]) {
  const stations = [...stationsInService(scenario), ...list.map((c) => candidateStation(c, scenario.preset.turnoutS.value))];
  return analyzeScenario(scenario, { stations, water: false, compare: false }).summary;
}

// a seeded generator (mulberry32): the same edits on every run
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the viewer session, candidates changed live', () => {
  it('gives the figures of a fresh analysis after every add, move, edit and delete', async () => {
    const session = new AnalysisSession();
    await session.load(text, 'scenario.json', read, undefined, ['districts']);
    const scenario = session.scenarioAnalysis!.scenario;
    const net = scenario.network;
    const rand = prng(7);
    // places on the town's roads (road vertices between the sample city's stations, 104.53–104.62, 30.07–30.11)
    const vertices: number[] = [];
    for (let i = 0; i < net.geomLon.length; i++) if (net.geomLon[i] > 104.54 && net.geomLon[i] < 104.62 && net.geomLat[i] > 30.07 && net.geomLat[i] < 30.11) vertices.push(i);
    expect(vertices.length).toBeGreaterThan(100);
    const at = () => {
      const i = vertices[Math.floor(rand() * vertices.length)];
      return { lon: +net.geomLon[i].toFixed(6), lat: +net.geomLat[i].toFixed(6) };
    };
    let list: CandidateInput[] = [];
    let seq = 0;
    for (let step = 0; step < 12; step++) {
      const r = rand();
      if (list.length === 0 || r < 0.3) list = [...list, { id: `C${++seq}`, ...at(), stationClass: rand() < 0.5 ? 'class2' : '一级' }];
      else if (r < 0.6) {
        const k = Math.floor(rand() * list.length);
        list = list.map((c, i) => (i === k ? { ...c, ...at() } : c));
      } else if (r < 0.8) {
        const k = Math.floor(rand() * list.length);
        list = list.map((c, i) => (i === k ? { ...c, turnoutS: 30 + Math.floor(rand() * 5) * 30, stationClass: 'small' } : c));
      } else {
        const k = Math.floor(rand() * list.length);
        list = list.filter((_, i) => i !== k);
      }
      const got = session.setCandidates(list, ['districts', 'candidates']);
      expect(figures(got.summary)).toEqual(figures(fresh(scenario, list) as unknown as Record<string, unknown>));
      expect(got.candidates).toEqual(list);
      // only the layers asked for, and the water figures stay those of the scenario's own districts
      expect(Object.keys(got.layers).sort()).toEqual(['candidates', 'districts']);
      expect(got.summary.water).toEqual(got.baseSummary.water);
    }
    // a candidate far from any road is refused, and the session goes on from the list it had
    const other = list.length ? [{ ...list[0], ...at() }, { id: 'far', lon: 104.0, lat: 29.5, stationClass: 'class2' }] : [{ id: 'far', lon: 104.0, lat: 29.5, stationClass: 'class2' }];
    expect(() => session.setCandidates(other)).toThrow(/more than .* m from any drivable road/);
    // the list kept is the last accepted one: one more candidate after it is added to its analysis
    const more = [...list, { id: 'C98', ...at(), stationClass: 'class2' }];
    expect(figures(session.setCandidates(more).summary)).toEqual(figures(fresh(scenario, more) as unknown as Record<string, unknown>));
    list = more;
    const moved = list.length ? list.map((c, i) => (i === 0 ? { ...c, ...at() } : c)) : [{ id: 'C99', ...at(), stationClass: 'class2' }];
    expect(figures(session.setCandidates(moved).summary)).toEqual(figures(fresh(scenario, moved) as unknown as Record<string, unknown>));
  }, 120_000);

  it('saves the candidates into a scenario the loader accepts, which reopens with the same candidates and figures', async () => {
    const session = new AnalysisSession();
    await session.load(text, 'scenario.json', read);
    const list: CandidateInput[] = [
      { id: 'C1', lon: 104.58, lat: 30.09, stationClass: '二级', name: 'West candidate', turnoutS: 45 },
      { id: 'C2', lon: 104.6, lat: 30.085, stationClass: 'class1' },
    ];
    const before = session.setCandidates(list);
    const saved = session.saveScenario();
    const json = JSON.parse(saved) as { stations: { id: string; status: string }[] };
    expect(json.stations.filter((s) => s.status === 'candidate').map((s) => s.id)).toEqual(['C1', 'C2']);
    // what `firecover analyze` does first: load and validate it beside the original
    const loaded = await loadScenario(json, 'saved.json', read);
    expect(loaded.stations.filter((s) => s.status === 'candidate').map((s) => [s.id, s.class, s.turnoutS])).toEqual([
      ['C1', 'class2', 45],
      ['C2', 'class1', 60],
    ]);
    const again = new AnalysisSession();
    const r = await again.load(saved, 'saved.json', read);
    expect(r.candidates).toEqual(list);
    expect(figures(r.summary)).toEqual(figures(before.summary));
    expect(r.summary.districts).toEqual(before.summary.districts);
  }, 120_000);
});
