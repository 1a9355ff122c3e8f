import type { FeatureCollection, Point } from 'geojson';
import {
  addStation,
  analyzeScenario,
  coverageLayers,
  coverageSummary,
  isInputError,
  loadScenario,
  networkBbox,
  type CoverageAnalysis,
  type LoadedScenario,
  type ScenarioAnalysis,
  type Station,
  type WaterFigures,
} from '@firecover/core';
import type { CandidateInput, ComparisonRow, ScenarioInfo } from '../model';
import { normalizeLayer, type CandidateFeatureProperties } from '../normalize';
import { baseLayers } from './base_layers';
import type { RequestError } from './protocol';

/**
 * The viewer's analysis, without the worker around it (no `self`, no DOM): loads a scenario with
 * @firecover/core, analyses it with `analyzeScenario` (the same pipeline as `firecover analyze`, so the
 * water figures per district agree), adds and removes candidate stations incrementally, and returns the
 * layers as GeoJSON with the viewer's `fc_*` style properties. The worker posts what it returns; tests
 * call it in Node.
 */

/** The water part of a summary: the typed figures, or why the water analysis failed. */
export type WaterSummary = WaterFigures | { error: string } | null;

/** One analysis result, before the worker encodes the layers. */
export interface SessionResult {
  kind: 'load' | 'update';
  info: ScenarioInfo;
  layers: Record<string, FeatureCollection>;
  /** Background layers (first result only). */
  base?: Record<string, FeatureCollection>;
  summary: Record<string, unknown> & { water: WaterSummary };
  baseSummary: Record<string, unknown> & { water: WaterSummary };
  candidates: CandidateInput[];
  computeMs: number;
}

export type ReadFile = (relPath: string) => Promise<Uint8Array>;

export function scenarioInfo(s: LoadedScenario): ScenarioInfo {
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

/** A failure as the page shows it: an InputError's English and Chinese detail and where, else the message. */
export function requestError(e: unknown): RequestError {
  if (isInputError(e)) {
    const err = e as Error & { where?: { file?: string; line?: number; feature?: unknown }; detailZh?: string };
    const w = err.where;
    return { message: err.message, messageZh: err.detailZh, where: w ? [w.file, w.line, w.feature].filter((x) => x !== undefined).join(':') : undefined };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

export class AnalysisSession {
  private loaded: ScenarioAnalysis | null = null;
  private infoCache: ScenarioInfo | null = null;
  private analysis: CoverageAnalysis | null = null;
  private candidates: CandidateInput[] = [];
  private water: WaterSummary = null;

  /** The pipeline's result for the scenario as loaded (no candidates); null before `load`. */
  get scenarioAnalysis(): ScenarioAnalysis | null {
    return this.loaded;
  }

  /**
   * Reads and analyses a scenario: the stations in service in its `analysis.year` (else the existing
   * ones), water on their districts, the plan comparison. A water error is shown beside the coverage.
   */
  async load(scenarioText: string, fileName: string, readFile: ReadFile, onStage: (stage: 'loading' | 'coverage') => void = () => {}): Promise<SessionResult> {
    onStage('loading');
    const scenario = await loadScenario(JSON.parse(scenarioText) as unknown, fileName, readFile);
    const info = scenarioInfo(scenario);
    onStage('coverage');
    const t0 = performance.now();
    const r = analyzeScenario(scenario, { onWaterError: 'keep', compare: true });
    const layers = r.layers();
    const computeMs = performance.now() - t0;
    this.loaded = r;
    this.infoCache = info;
    this.analysis = r.coverage;
    this.candidates = [];
    this.water = r.waterFigures ?? (r.waterError === null ? null : { error: r.waterError instanceof Error ? r.waterError.message : String(r.waterError) });
    const base = baseLayers(scenario) as Record<string, FeatureCollection>;
    return {
      ...this.result('load', computeMs, { ...layers.water } as Record<string, FeatureCollection>),
      base: this.normalize(base),
    };
  }

  /** Adds a candidate station (incremental: one search from it). */
  addCandidate(c: CandidateInput): SessionResult {
    const t0 = performance.now();
    this.analysis = addStation(this.analysis ?? this.need().coverage, this.candidateStation(c));
    this.candidates.push(c);
    return this.result('update', performance.now() - t0, {});
  }

  /** Removes a candidate: the loaded analysis with the remaining candidates added again. */
  removeCandidate(id: string): SessionResult {
    const t0 = performance.now();
    this.candidates = this.candidates.filter((c) => c.id !== id);
    let a = this.need().coverage;
    for (const c of this.candidates) a = addStation(a, this.candidateStation(c));
    this.analysis = a;
    return this.result('update', performance.now() - t0, {});
  }

  /** The plan's station sets (from the pipeline's comparison of the loaded scenario). */
  comparison(): ComparisonRow[] {
    const c = this.need().comparisonSummary;
    return (c?.sets ?? []).map((s) => ({ key: s.key, label: s.label, stationCount: s.stations.length, summary: s as unknown as Record<string, unknown> }));
  }

  private need(): ScenarioAnalysis {
    if (!this.loaded) throw new Error('no scenario loaded');
    return this.loaded;
  }

  private candidateStation(c: CandidateInput): Station {
    return { id: c.id, name: c.id, lon: c.lon, lat: c.lat, class: c.stationClass as Station['class'], status: 'candidate', turnoutS: this.need().scenario.preset.turnoutS.value };
  }

  private candidateLayer(): FeatureCollection<Point, CandidateFeatureProperties> {
    return {
      type: 'FeatureCollection',
      features: this.candidates.map((c) => ({ type: 'Feature', properties: { id: c.id, name: c.id, class: c.stationClass as Station['class'], status: 'candidate' }, geometry: { type: 'Point', coordinates: [c.lon, c.lat] } })),
    };
  }

  private normalize(layers: Record<string, FeatureCollection>): Record<string, FeatureCollection> {
    const out: Record<string, FeatureCollection> = {};
    for (const [name, fc] of Object.entries(layers)) out[name] = normalizeLayer(name, fc, this.infoCache!.bandsS);
    return out;
  }

  private result(kind: 'load' | 'update', computeMs: number, extra: Record<string, FeatureCollection>): SessionResult {
    const loaded = this.need();
    const a = this.analysis!;
    // The loaded analysis's layers come from the pipeline (built once); after candidates, the coverage layers are redrawn.
    const coverage = a === loaded.coverage ? loaded.layers().coverage : coverageLayers(a);
    const summary = a === loaded.coverage ? loaded.summary : coverageSummary(a);
    const layers = this.normalize({ ...(coverage as Record<string, FeatureCollection>), ...extra, candidates: this.candidateLayer() });
    return {
      kind,
      info: this.infoCache!,
      layers,
      summary: { ...(summary as unknown as Record<string, unknown>), water: this.water },
      baseSummary: { ...(loaded.summary as unknown as Record<string, unknown>), water: this.water },
      candidates: [...this.candidates],
      computeMs,
    };
  }
}
