import type { FeatureCollection, Point } from 'geojson';
import {
  addStation,
  analyzeScenario,
  arrivalBandLayer,
  compareStationSets,
  comparisonSummary,
  coverageLayers,
  coverageSummary,
  isInputError,
  loadScenario,
  networkBbox,
  type CoverageAnalysis,
  type LoadedScenario,
  type CoverageLayerName,
  type ScenarioAnalysis,
  type ScenarioFile,
  type Station,
  type StationInput,
  type WaterFigures,
} from '@firecover/core';
import { candidateFromStation, candidateStation, commonPrefix } from '../live/candidates';
import { savedScenario } from '../scenario_file/save_scenario';
import type { CandidateInput, ComparisonRow, ScenarioInfo } from '../model';
import { normalizeLayer, type CandidateFeatureProperties } from '../normalize';
import { districtLabelPoints } from '../plan/district_labels';
import { baseLayers } from './base_layers';
import { RISK_AREA_LAYERS, withLabelPoints } from './risk_layers';
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
  /** Building the layers (contours, GeoJSON), ms. */
  buildMs?: number;
  /** Of a load: every layer that has features, sent now or not (the legend lists them all). */
  available?: string[];
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
  /** prefix[i]: the loaded analysis with the first i candidates added (prefix[0] is the loaded one). */
  private prefix: CoverageAnalysis[] = [];
  private scenarioJson: ScenarioFile | null = null;

  /** The pipeline's result for the scenario as loaded (no candidates); null before `load`. */
  get scenarioAnalysis(): ScenarioAnalysis | null {
    return this.loaded;
  }

  /**
   * Reads and analyses a scenario: the stations in service in its `analysis.year` (else the existing
   * ones), water on their districts, the plan comparison. A water error is shown beside the coverage.
   */
  async load(
    scenarioText: string,
    fileName: string,
    readFile: ReadFile,
    onStage: (stage: 'loading' | 'coverage') => void = () => {},
    visible?: readonly string[],
    /** Called with the background layers before the analysis starts (the map can draw the roads meanwhile). */
    onBase?: (base: Record<string, FeatureCollection>, info: ScenarioInfo) => void,
    /**
     * Called with the visible coverage layers as soon as the coverage is computed, while the water and
     * risk analyses still run (the map tiles them meanwhile); the result then carries the same objects.
     */
    onCoverage?: (layers: Record<string, FeatureCollection>, scenario: LoadedScenario) => void,
    /** The scenario already read from this text (the worker's read-ahead), else it is read here. */
    preloaded?: LoadedScenario,
  ): Promise<SessionResult> {
    onStage('loading');
    const json = JSON.parse(scenarioText) as unknown;
    const scenario = preloaded ?? (await loadScenario(json, fileName, readFile));
    const info = scenarioInfo(scenario);
    this.infoCache = info;
    const base = this.normalize(baseLayers(scenario) as Record<string, FeatureCollection>);
    onBase?.(base, info);
    onStage('coverage');
    const t0 = performance.now();
    // The plan comparison waits for its own request (`comparison`), after the first picture.
    let ahead: Record<string, FeatureCollection> | null = null;
    const sendCoverage = onCoverage
      ? (coverage: CoverageAnalysis) => {
          ahead = this.coverageLayersOf(coverage, (n) => visible === undefined || visible.includes(n));
          onCoverage(ahead, scenario);
        }
      : undefined;
    const r = analyzeScenario(scenario, { onWaterError: 'keep', compare: false, onCoverage: sendCoverage });
    this.loaded = r;
    this.infoCache = info;
    this.analysis = r.coverage;
    this.prefix = [r.coverage];
    this.candidates = [];
    this.scenarioJson = json as ScenarioFile;
    this.water = r.waterFigures ?? (r.waterError === null ? null : { error: r.waterError instanceof Error ? r.waterError.message : String(r.waterError) });
    // Candidates saved in the scenario (status "candidate") come back as the page's candidates, as entered.
    const raw = Array.isArray(this.scenarioJson.stations) ? (this.scenarioJson.stations as StationInput[]).filter((x) => x.status === 'candidate') : null;
    const saved: CandidateInput[] = raw
      ? raw.map((x) => ({ id: x.id, lon: x.lon, lat: x.lat, stationClass: x.class, name: x.name === x.id ? undefined : x.name, turnoutS: x.turnoutS }))
      : scenario.stations.filter((x) => x.status === 'candidate').map(candidateFromStation);
    if (saved.length) this.applyCandidates(saved);
    // the coverage layers sent ahead are those of the loaded analysis: reused unless saved candidates changed it
    const early = saved.length ? null : (ahead as Record<string, FeatureCollection> | null);
    const layers = { ...this.liveLayers(visible ?? null, true, early ? new Set(Object.keys(early)) : undefined), ...early };
    const computeMs = performance.now() - t0;
    const available = Object.entries(layers).filter(([, fc]) => fc.features.length > 0).map(([n]) => n);
    // not sent now: the reached roads exist with any station; the water layers are built already
    if (r.coverage.stations.length > 0) available.push('reached_network');
    for (const [n, fc] of Object.entries((r.water ? r.layers([]).water : null) ?? {})) if ((fc as FeatureCollection).features.length > 0) available.push(n);
    for (const n of ['hazards', ...RISK_AREA_LAYERS] as const) if ((r.layers([]).risk?.[n].features.length ?? 0) > 0) available.push(n);
    return { ...this.resultOf('load', computeMs, layers), base, available: [...new Set(available)] };
  }

  /**
   * Replaces the candidate list, recomputing only from the first candidate that differs (each list prefix
   * is kept): moving, editing or deleting the last candidate is one `addStation`. Returns the layers named
   * in `visible` (null: every layer) that the candidates change.
   */
  setCandidates(list: readonly CandidateInput[], visible: readonly string[] | null = null): SessionResult {
    const t0 = performance.now();
    this.applyCandidates(list);
    const computeMs = performance.now() - t0;
    const layers = this.liveLayers(visible, false);
    return { ...this.resultOf('update', computeMs, layers), buildMs: performance.now() - t0 - computeMs };
  }

  /** Layers by name for the current candidates (the page asks for a hidden layer when it is shown). */
  layersOf(names: readonly string[]): SessionResult {
    const t0 = performance.now();
    const all = this.liveLayers(names, true);
    const layers: Record<string, FeatureCollection> = {};
    for (const n of names) if (all[n]) layers[n] = all[n];
    return this.resultOf('update', performance.now() - t0, layers);
  }

  /** The page's candidates as stations (the scenario's default turnout where a candidate has none). */
  candidateStations(): Station[] {
    const loaded = this.need();
    return this.candidates.map((c) => candidateStation(c, loaded.scenario.preset.turnoutS.value));
  }

  /** The scenario file with the candidates as stations of status "candidate" (JSON text, what `analyze` reads). */
  saveScenario(): string {
    const loaded = this.need();
    return `${JSON.stringify(savedScenario(this.scenarioJson!, loaded.scenario.stations, this.candidates), null, 2)}\n`;
  }

  private applyCandidates(list: readonly CandidateInput[]): void {
    const loaded = this.need();
    const keep = Math.min(commonPrefix(this.candidates, list), this.prefix.length - 1);
    // built aside: a refused candidate (too far from a road) leaves the session as it was
    const prefix = this.prefix.slice(0, keep + 1);
    let a = prefix[keep];
    for (let i = keep; i < list.length; i++) {
      a = addStation(a, candidateStation(list[i], loaded.scenario.preset.turnoutS.value));
      prefix.push(a);
    }
    this.prefix = prefix;
    this.analysis = a;
    this.candidates = list.map((c) => ({ ...c }));
  }

  /**
   * The coverage layers of the current candidates and, with `water`, the scenario's water and hazard
   * layers, limited to `names` (null: all) less `skip`, normalised for the style.
   */
  private liveLayers(names: readonly string[] | null, water: boolean, skip?: ReadonlySet<string>): Record<string, FeatureCollection> {
    const loaded = this.need();
    const want = (n: string) => (names === null || names.includes(n)) && !skip?.has(n);
    const out: Record<string, FeatureCollection> = {};
    if (water && loaded.water) {
      const w = loaded.layers([]).water as unknown as Record<string, FeatureCollection> | null;
      for (const [n, fc] of Object.entries(w ?? {})) if (want(n)) out[n] = fc;
    }
    // hazard sites of the scenario's stations (candidates do not change them: sent with the water layers)
    if (water && loaded.risk && want('hazards')) {
      const hz = loaded.layers([]).risk?.hazards as FeatureCollection | undefined;
      if (hz) out.hazards = hz;
    }
    // micro stations, communities and townships: core's figures of the scenario's own stations (risk/analyze_risk.ts
    // riskLayers; candidates do not change them), sent with the water layers; areas with one label point each
    if (water && loaded.risk) {
      const risk = loaded.layers([]).risk as Record<string, FeatureCollection> | null;
      for (const n of RISK_AREA_LAYERS) if (want(n) && risk?.[n] && risk[n].features.length > 0) out[n] = withLabelPoints(risk[n]);
    }
    out.candidates = this.candidateLayer();
    return withFeatureIds({ ...this.coverageLayersOf(this.analysis!, want), ...this.normalize(out) });
  }

  /**
   * The candidate-dependent layers of a coverage wanted (arrival bands only for `service_areas`, districts
   * and one label point each, gaps, reached roads, stations), normalised for the style, with feature ids.
   */
  private coverageLayersOf(coverage: CoverageAnalysis, want: (name: string) => boolean): Record<string, FeatureCollection> {
    const out: Record<string, FeatureCollection> = {};
    if (want('service_areas')) out.service_areas = arrivalBandLayer(coverage) as FeatureCollection;
    const coverageNames = (['districts', 'gaps', 'reached_network', 'stations'] as CoverageLayerName[]).filter((n) => want(n) || (n === 'districts' && want('district_labels')));
    Object.assign(out, coverageLayers(coverage, coverageNames));
    const layers = this.normalize(out);
    if (layers.districts && want('district_labels')) layers.district_labels = districtLabelPoints(layers.districts) as FeatureCollection;
    if (!want('districts')) delete layers.districts;
    return withFeatureIds(layers);
  }

  private resultOf(kind: 'load' | 'update', computeMs: number, layers: Record<string, FeatureCollection>): SessionResult {
    const loaded = this.need();
    const a = this.analysis!;
    const summary = a === loaded.coverage ? loaded.summary : coverageSummary(a);
    return {
      kind,
      info: this.infoCache!,
      layers,
      summary: { ...(summary as unknown as Record<string, unknown>), water: this.water },
      baseSummary: { ...(loaded.summary as unknown as Record<string, unknown>), water: this.water },
      candidates: this.candidates.map((c) => ({ ...c })),
      computeMs,
    };
  }

  /** The plan's station sets (from the pipeline's comparison of the loaded scenario). */
  comparison(): ComparisonRow[] {
    const loaded = this.need();
    // Computed on first request (after the first picture), reusing the loaded coverage.
    if (!loaded.comparisonSummary) loaded.comparisonSummary = comparisonSummary((loaded.comparison = compareStationSets(loaded.scenario, undefined, undefined, [loaded.coverage])));
    const c = loaded.comparisonSummary;
    return (c?.sets ?? []).map((s) => ({ key: s.key, label: s.label, stationCount: s.stations.length, summary: s as unknown as Record<string, unknown> }));
  }

  private need(): ScenarioAnalysis {
    if (!this.loaded) throw new Error('no scenario loaded');
    return this.loaded;
  }

  private candidateLayer(): FeatureCollection<Point, CandidateFeatureProperties> {
    return {
      type: 'FeatureCollection',
      features: this.candidates.map((c) => {
        const st = candidateStation(c, 0);
        return { type: 'Feature', id: c.id, properties: { id: c.id, name: st.name, class: st.class, status: 'candidate' }, geometry: { type: 'Point', coordinates: [c.lon, c.lat] } };
      }),
    };
  }

  private normalize(layers: Record<string, FeatureCollection>): Record<string, FeatureCollection> {
    const out: Record<string, FeatureCollection> = {};
    for (const [name, fc] of Object.entries(layers)) out[name] = normalizeLayer(name, fc, this.infoCache!.bandsS);
    return out;
  }

}

/** Feature ids of the layers a candidate changes, so the page can update them by diff (`updateData`). */
const FEATURE_ID: Record<string, (p: Record<string, unknown>) => unknown> = {
  service_areas: (p) => `band-${String(p.fc_band)}`,
  districts: (p) => p.fc_station,
  district_labels: (p) => p.fc_station,
  gaps: (p) => p.fc_id,
  stations: (p) => p.id,
  candidates: (p) => p.id,
};

function withFeatureIds(layers: Record<string, FeatureCollection>): Record<string, FeatureCollection> {
  for (const [name, fc] of Object.entries(layers)) {
    const key = FEATURE_ID[name];
    if (!key) continue;
    for (const f of fc.features) {
      const id = key(f.properties ?? {});
      if (typeof id === 'string' || typeof id === 'number') f.id = id;
    }
  }
  return layers;
}
