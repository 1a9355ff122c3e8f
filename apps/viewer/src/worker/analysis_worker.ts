import type { FeatureCollection } from 'geojson';
import { isInputError, type LoadedScenario, type Station } from '@firecover/core';
import type { CandidateInput, ComparisonRow, ScenarioInfo } from '../model';
import { encodeLayer, normalizeLayer } from '../normalize';
import { baseLayers, networkBbox } from './base_layers';
import { coreApi, type CoreApi } from './core_api';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The analysis worker: loads a scenario with @firecover/core, runs coverage (and water), and posts
 * layers back as transferred UTF-8 GeoJSON buffers. Files named in the scenario are asked of the page
 * (which fetches them by URL or reads them from a dropped folder).
 */

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let api: CoreApi | null = null;
let scenario: LoadedScenario | null = null;
let info: ScenarioInfo | null = null;
let baseAnalysis: unknown = null;
let analysis: unknown = null;
let baseSummary: Record<string, unknown> = {};
let candidates: CandidateInput[] = [];
let nextReq = 1;
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
// Messages are handled one at a time so a click during a recompute waits its turn.
let queue: Promise<void> = Promise.resolve();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function readFile(relPath: string): Promise<Uint8Array> {
  const reqId = nextReq++;
  return new Promise((resolve, reject) => {
    pending.set(reqId, { resolve, reject });
    post({ type: 'readFile', reqId, relPath });
  });
}

function scenarioInfo(s: LoadedScenario): ScenarioInfo {
  const f = s.file as LoadedScenario['file'] & { provenance?: string; synthetic?: boolean; source?: string };
  const text = `${f.name} ${f.description ?? ''}`;
  const synthetic = f.synthetic === true || /synthetic|not a real place|虚构|合成/i.test(text);
  const osm = 'osm' in f.network;
  const provenance = f.provenance ?? f.source ?? f.description ?? s.fileName;
  return {
    name: f.name,
    nameZh: f.nameZh,
    description: f.description,
    synthetic,
    provenance,
    osm,
    bandsS: s.analysis.bandsS?.length ? s.analysis.bandsS : [180, 240, 300],
    presetName: s.preset.name,
    bbox: networkBbox(s),
  };
}

function packLayers(layers: Record<string, FeatureCollection>, bandsS: number[], out: Record<string, Uint8Array>, transfer: Transferable[]): void {
  for (const [name, fc] of Object.entries(layers)) {
    const bytes = encodeLayer(normalizeLayer(name, fc, bandsS));
    out[name] = bytes;
    transfer.push(bytes.buffer);
  }
}

function candidateStation(c: CandidateInput): Station {
  return {
    id: c.id,
    name: c.id,
    lon: c.lon,
    lat: c.lat,
    class: c.stationClass as Station['class'],
    status: 'candidate',
    turnoutS: scenario!.preset.turnoutS.value,
  };
}

function candidateLayer(): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: candidates.map((c) => ({ type: 'Feature', properties: { id: c.id, name: c.id, class: c.stationClass, status: 'candidate' }, geometry: { type: 'Point', coordinates: [c.lon, c.lat] } })),
  };
}

function postResult(kind: 'load' | 'update', computeMs: number, extra: Record<string, FeatureCollection>, base?: Record<string, FeatureCollection>): void {
  const layers: Record<string, Uint8Array> = {};
  const transfer: Transferable[] = [];
  packLayers({ ...api!.coverageLayers(analysis), ...extra, candidates: candidateLayer() }, info!.bandsS, layers, transfer);
  let baseBytes: Record<string, Uint8Array> | undefined;
  if (base) {
    baseBytes = {};
    packLayers(base, info!.bandsS, baseBytes, transfer);
  }
  post({ type: 'result', kind, info: info!, layers, base: baseBytes, summary: api!.coverageSummary(analysis), baseSummary, candidates: [...candidates], computeMs }, transfer);
}

async function load(text: string, fileName: string): Promise<void> {
  api = coreApi();
  post({ type: 'progress', stage: 'loading' });
  const json = JSON.parse(text) as unknown;
  scenario = await api.loadScenario(json, fileName, readFile);
  info = scenarioInfo(scenario);
  post({ type: 'progress', stage: 'coverage' });
  const t0 = performance.now();
  baseAnalysis = api.analyzeCoverage(scenario);
  analysis = baseAnalysis;
  candidates = [];
  baseSummary = api.coverageSummary(baseAnalysis);
  let waterLayers: Record<string, FeatureCollection> = {};
  if (api.analyzeWater && api.waterLayers) {
    post({ type: 'progress', stage: 'water' });
    const water = api.analyzeWater(scenario, baseAnalysis);
    waterLayers = api.waterLayers(water);
    if (api.waterSummary) baseSummary = { ...baseSummary, water: api.waterSummary(water) };
  }
  const ms = performance.now() - t0;
  postResult('load', ms, waterLayers, baseLayers(scenario));
  comparison();
}

/** Existing stations; existing + planned up to each planned year; all. */
function comparison(): void {
  const s = scenario!;
  const a = api!;
  const rows: ComparisonRow[] = [];
  const existing = s.stations.filter((x) => x.status === 'existing');
  rows.push({ key: 'existing', label: { en: 'Existing', zh: '现状' }, stationCount: existing.length, summary: a.coverageSummary(a.analyzeCoverage(s, existing)) });
  const future = s.stations.filter((x) => x.status === 'planned' || x.status === 'under_construction');
  const years = [...new Set(future.map((x) => x.year).filter((y): y is number => typeof y === 'number'))].sort((p, q) => p - q);
  for (const y of years) {
    const set = s.stations.filter((x) => x.status === 'existing' || ((x.status === 'planned' || x.status === 'under_construction') && (x.year ?? Infinity) <= y));
    rows.push({ key: `year-${y}`, label: { en: `Planned by ${y}`, zh: `${y}年规划` }, stationCount: set.length, summary: a.coverageSummary(a.analyzeCoverage(s, set)) });
  }
  const all = s.stations.filter((x) => x.status !== 'candidate');
  if (future.length) rows.push({ key: 'all', label: { en: 'All planned', zh: '全部规划' }, stationCount: all.length, summary: a.coverageSummary(a.analyzeCoverage(s, all)) });
  const withCand = s.stations;
  if (withCand.length > all.length) rows.push({ key: 'all-candidates', label: { en: 'All + candidates', zh: '全部含备选' }, stationCount: withCand.length, summary: a.coverageSummary(a.analyzeCoverage(s, withCand)) });
  post({ type: 'comparison', rows });
}

function recompute(): void {
  const t0 = performance.now();
  let a = baseAnalysis;
  for (const c of candidates) a = api!.addStation(a, candidateStation(c));
  analysis = a;
  postResult('update', performance.now() - t0, {});
}

function addCandidate(c: CandidateInput): void {
  const t0 = performance.now();
  analysis = api!.addStation(analysis, candidateStation(c));
  candidates.push(c);
  postResult('update', performance.now() - t0, {});
}

function fail(e: unknown): void {
  if (isInputError(e)) {
    const err = e as Error & { where?: { file?: string; line?: number; feature?: unknown }; detailZh?: string };
    const w = err.where;
    post({ type: 'error', message: err.message, messageZh: err.detailZh, where: w ? [w.file, w.line, w.feature].filter((x) => x !== undefined).join(':') : undefined });
  } else {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'file') {
    const p = pending.get(m.reqId);
    pending.delete(m.reqId);
    if (p && m.bytes) p.resolve(m.bytes);
    else if (p) p.reject(new Error(m.error ?? 'file not found'));
    return;
  }
  queue = queue
    .then(async () => {
      if (m.type === 'load') await load(m.scenarioText, m.fileName);
      else if (!scenario) throw new Error('no scenario loaded');
      else if (m.type === 'addCandidate') addCandidate(m.candidate);
      else if (m.type === 'removeCandidate') {
        candidates = candidates.filter((c) => c.id !== m.id);
        recompute();
      }
    })
    .catch(fail);
};
