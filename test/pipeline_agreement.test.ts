import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeScenario,
  analyzeWater,
  linkDistricts,
  loadScenario,
  multiSourceSearch,
  waterFigures,
  type LoadedScenario,
  type ScenarioAnalysis,
  type WaterDistrictRow,
} from '../packages/core/src/index';
import { AnalysisSession } from '../apps/viewer/src/worker/analysis_session';
import { REPO_ROOT } from './shared_data';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';

/**
 * One district rule everywhere (issue 7): with unequal turnouts — the sample city with 城北 (chengbei) at
 * 180 s and the other stations at the preset's 60 s — the CLI (`firecover analyze --out`), the library
 * (`analyzeScenario`) and the viewer's analysis (`AnalysisSession`, the worker's code) give the same
 * per-district water figures, and they are not what the old rule (every station starting at 0 s, the
 * viewer's former fallback) gives.
 */

const SLOW_STATION = 'chengbei';
const SLOW_TURNOUT_S = 180;
const exec = promisify(execFile);
const CLI = join(REPO_ROOT, 'packages', 'cli', 'bin', 'firecover.mjs');
const SAMPLE_DIR = dirname(SAMPLE_CITY_SCENARIO);

let tmp: string;
let scenarioPath: string;
let scenarioText: string;
let scenario: LoadedScenario;
let library: ScenarioAnalysis;

const readBeside = async (rel: string): Promise<Uint8Array> => new Uint8Array(readFileSync(resolve(SAMPLE_DIR, rel)));

/** The sample scenario with one slow station; its layer paths made absolute so the file can live elsewhere. */
function slowScenarioText(): string {
  const json = JSON.parse(readFileSync(SAMPLE_CITY_SCENARIO, 'utf8')) as Record<string, unknown> & { stations: { id: string; turnoutS?: number }[]; network: { geojson: string } };
  delete json.$schema;
  for (const key of ['hydrants', 'waterSources', 'barriers', 'demand', 'studyArea']) if (typeof json[key] === 'string') json[key] = resolve(SAMPLE_DIR, json[key] as string);
  json.network = { geojson: resolve(SAMPLE_DIR, json.network.geojson) };
  const slow = json.stations.find((s) => s.id === SLOW_STATION);
  if (!slow) throw new Error(`sample city has no station ${SLOW_STATION}`);
  slow.turnoutS = SLOW_TURNOUT_S;
  return JSON.stringify(json, null, 2);
}

/** The comparable part of a district row: counts exactly, lengths to the CSV's 3 decimals. */
function comparable(r: Pick<WaterDistrictRow, 'id' | 'required' | 'existing' | 'working' | 'gaps' | 'proposed' | 'roadKm' | 'gapKm'>): (string | number)[] {
  return [r.id, r.required, r.existing, r.working, r.gaps, r.proposed, Number(r.roadKm.toFixed(3)), Number(r.gapKm.toFixed(3))];
}

/** hydrant_districts.csv (BOM, header, one row per district, then the total) → rows by column name. */
function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'firecover-pipeline-'));
  scenarioText = slowScenarioText();
  scenarioPath = join(tmp, 'scenario.json');
  writeFileSync(scenarioPath, scenarioText);
  scenario = await loadScenario(JSON.parse(scenarioText) as unknown, scenarioPath, readBeside);
  library = analyzeScenario(scenario, { compare: false });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('per-district water figures with unequal turnouts (chengbei 180 s, others 60 s)', () => {
  it('the scenario is as described: chengbei turns out in 180 s, the other stations in service in 60 s', () => {
    const turnouts = Object.fromEntries(library.coverage.stations.map((s) => [s.station.id, s.station.turnoutS]));
    expect(turnouts).toEqual({ chengzhong: 60, chengbei: 180, chengnan: 60, liushu: 60 });
  });

  it('districts on the roads follow the dispatch order: each link goes to the station that reaches its midpoint first, turnout included', () => {
    // Oracle: one separate search per station (no shared heap, no tie handling), turnout added afterwards.
    const net = scenario.network;
    const stations = library.coverage.stations.filter((s) => s.capKm2 !== null);
    const single = stations.map((s) => multiSourceSearch(net, [{ snap: s.snap, startCost: 0 }]).cost);
    const owner = library.water!.districts.linkOwner;
    let checked = 0;
    for (let l = 0; l < net.linkCount; l++) {
      const d = owner[l];
      if (d < 0) continue;
      const at = (i: number): number => {
        const c = single[i];
        const fwd = net.linkForwardS[l] < Infinity ? c[net.linkSource[l]] + net.linkForwardS[l] / 2 : Infinity;
        const bwd = net.linkBackwardS[l] < Infinity ? c[net.linkTarget[l]] + net.linkBackwardS[l] / 2 : Infinity;
        return stations[i].station.turnoutS + Math.min(fwd, bwd);
      };
      const mine = at(d);
      if (!Number.isFinite(mine)) continue; // a station's own closed link
      for (let i = 0; i < stations.length; i++) expect(mine).toBeLessThanOrEqual(at(i) + 1e-6);
      checked++;
    }
    expect(checked).toBeGreaterThan(net.linkCount / 2);
  });

  it('the old 0-s rule would assign hundreds of links differently, and the slow station’s district shrinks under the new one', () => {
    const net = scenario.network;
    const withDistrict = library.coverage.stations.filter((s) => s.capKm2 !== null);
    const zero = linkDistricts(net, withDistrict.map((s) => ({ station: { ...s.station, turnoutS: 0 }, snap: s.snap })));
    const now = library.water!.districts.linkOwner;
    let moved = 0;
    for (let l = 0; l < net.linkCount; l++) if (zero.linkOwner[l] !== now[l]) moved++;
    expect(moved).toBeGreaterThanOrEqual(100);
    // A later start can only lose links: no link joins the slow station's district because of its turnout.
    const slow = withDistrict.findIndex((s) => s.station.id === SLOW_STATION);
    for (let l = 0; l < net.linkCount; l++) if (now[l] === slow) expect(zero.linkOwner[l]).toBe(slow);
    // …and the per-district water table differs (this is what the viewer used to show).
    const old = waterFigures(analyzeWater(scenario, { districts: zero, stations: withDistrict.map((s) => s.station), land: false }));
    const oldSlow = old.districts.find((r) => r.id === SLOW_STATION)!;
    const newSlow = library.waterFigures!.districts.find((r) => r.id === SLOW_STATION)!;
    expect(newSlow.roadKm).toBeLessThan(oldSlow.roadKm - 1);
    expect(newSlow.required).toBeLessThan(oldSlow.required);
    // Totals do not depend on districts.
    expect(old.total.required).toBe(library.waterFigures!.total.required);
  });

  it('the CLI (summary.json and hydrant_districts.csv), the library and the viewer’s analysis agree district by district', async () => {
    const out = join(tmp, 'out');
    const { stderr } = await exec(process.execPath, [CLI, 'analyze', scenarioPath, '--out', out], { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
    expect(stderr).toBe('');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { water: { districts: WaterDistrictRow[]; total: WaterDistrictRow; figures: unknown[] } };
    const csv = readCsv(join(out, 'hydrant_districts.csv'));

    const session = new AnalysisSession();
    const viewer = await session.load(scenarioText, scenarioPath, readBeside);
    const viewerWater = viewer.summary.water as { districts: WaterDistrictRow[]; total: WaterDistrictRow; figures: unknown[] };

    const lib = library.waterFigures!;
    const expected = lib.districts.map(comparable);
    expect(expected.map((r) => r[0])).toEqual(['chengzhong', 'chengbei', 'chengnan', 'liushu']);
    expect(summary.water.districts.map(comparable)).toEqual(expected);
    expect(viewerWater.districts.map(comparable)).toEqual(expected);
    expect(
      csv.slice(0, -1).map((r) => [r.district, Number(r.required), Number(r.existing), Number(r.working), Number(r.gaps), Number(r.new_hydrants), Number(r.road_km), Number(r.gap_km)]),
    ).toEqual(expected);
    // The same headline figures in all three (the viewer's analysis computes land figures as the CLI does).
    expect(summary.water.figures).toEqual(JSON.parse(JSON.stringify(lib.figures)));
    expect(viewerWater.figures).toEqual(lib.figures);
  });
});
