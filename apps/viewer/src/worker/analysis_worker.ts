import type { FeatureCollection } from 'geojson';
import {
  addStation,
  analyzeCoverage,
  analyzeWater,
  compareStationSets,
  networkBbox,
  comparisonSummary,
  coverageLayers,
  coverageSummary,
  isInputError,
  loadScenario,
  waterLayers,
  waterFigures,
  type CoverageAnalysis,
  type LoadedScenario,
  type Station,
} from '@firecover/core';
import type { CandidateInput, ComparisonRow, ScenarioInfo } from '../model';
import { encodeLayer, normalizeLayer } from '../normalize';
import { baseLayers } from './base_layers';
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

let scenario: LoadedScenario | null = null;
let info: ScenarioInfo | null = null;
let baseAnalysis: CoverageAnalysis | null = null;
let analysis: CoverageAnalysis | null = null;
let baseSummary: Record<string, unknown> = {};
let candidates: CandidateInput[] = [];
let waterSummaryCache: unknown = null;
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
    bbox: networkBbox(s.network) ?? undefined,
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
  const t0 = performance.now();
  packLayers({ ...(coverageLayers(analysis!) as Record<string, FeatureCollection>), ...extra, candidates: candidateLayer() }, info!.bandsS, layers, transfer);
  let baseBytes: Record<string, Uint8Array> | undefined;
  if (base) {
    baseBytes = {};
    packLayers(base, info!.bandsS, baseBytes, transfer);
  }
  post({ type: 'result', kind, info: info!, layers, base: baseBytes, summary: { ...summaryOf(analysis!), water: waterSummaryCache }, baseSummary, candidates: [...candidates], computeMs, layersMs: performance.now() - t0 }, transfer);
}

/** The coverage summary as a plain object (figures with units and clauses, districts, gaps). */
function summaryOf(a: CoverageAnalysis): Record<string, unknown> {
  return coverageSummary(a) as unknown as Record<string, unknown>;
}

async function load(text: string, fileName: string): Promise<void> {
  post({ type: 'progress', stage: 'loading' });
  const json = JSON.parse(text) as unknown;
  scenario = await loadScenario(json, fileName, readFile);
  info = scenarioInfo(scenario);
  post({ type: 'progress', stage: 'coverage' });
  const t0 = performance.now();
  baseAnalysis = analyzeCoverage(scenario);
  analysis = baseAnalysis;
  candidates = [];
  baseSummary = summaryOf(baseAnalysis);
  post({ type: 'progress', stage: 'water' });
  let water: Record<string, FeatureCollection> = {};
  try {
    const w = analyzeWater(scenario);
    water = waterLayers(w) as unknown as Record<string, FeatureCollection>;
    baseSummary = { ...baseSummary, water: waterFigures(w) };
  } catch (e) {
    // Coverage is still worth showing when the water data is wrong; say why beside it.
    baseSummary = { ...baseSummary, water: { error: e instanceof Error ? e.message : String(e) } };
  }
  const ms = performance.now() - t0;
  waterSummaryCache = baseSummary.water;
  postResult('load', ms, water, baseLayers(scenario));
  comparison();
}


/** Existing stations; existing + planned up to each planned year; all (the core's plan sets). */
function comparison(): void {
  const c = comparisonSummary(compareStationSets(scenario!, undefined, undefined, baseAnalysis ? [baseAnalysis] : []));
  const rows: ComparisonRow[] = c.sets.map((s) => ({ key: s.key, label: s.label, stationCount: s.stations.length, summary: s as unknown as Record<string, unknown> }));
  post({ type: 'comparison', rows });
}

function recompute(): void {
  const t0 = performance.now();
  let a = baseAnalysis;
  for (const c of candidates) a = addStation(a!, candidateStation(c));
  analysis = a;
  postResult('update', performance.now() - t0, {});
}

function addCandidate(c: CandidateInput): void {
  const t0 = performance.now();
  analysis = addStation(analysis!, candidateStation(c));
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
