import type { CandidateInput, ComparisonRow, LayerBytes, ScenarioInfo } from '../model';
import type { DueAnswer, MeasureAnswer, PlanInfo, YearAnswer } from '../plan/plan_service';
import type { LayerDiff } from '../live/apply_diff';

/**
 * The messages between the page and the analysis worker, typed once: each request type maps to its
 * `[params, result]` (as maplibre-gl-js's `RequestResponseMessageMap` does), so a sender and its handler
 * cannot disagree. Requests go both ways (the worker asks the page for the files a scenario names); every
 * request gets one response, or an error. Layers travel as transferred UTF-8 GeoJSON buffers.
 */

/** A result of the analysis: the layers drawn, the figures shown. */
export interface ResultMessage {
  kind: 'load' | 'update';
  info: ScenarioInfo;
  layers: Record<string, LayerBytes>;
  /** Background layers, sent with the first result only. */
  base?: Record<string, LayerBytes>;
  /** `coverageSummary` of the stations shown, with `water`: the water figures (`WaterFigures`), `{ error }`, or null. */
  summary: Record<string, unknown>;
  /** Summary before the candidates (for before → after). */
  baseSummary: Record<string, unknown>;
  candidates: CandidateInput[];
  /** Time spent in the analysis for this message, ms. */
  computeMs: number;
  /** Time to build and encode the layers, ms. */
  layersMs: number;
  /** Of a load: every layer with features, sent now or not (the legend lists them). */
  available?: string[];
  /** Of a candidate change: layers the page holds, as the changes to apply (a MapLibre `GeoJSONSourceDiff`: remove by id, add). */
  diffs?: Record<string, LayerDiff>;
  /** Of a candidate change: building the layers (contours, GeoJSON objects), ms; `layersMs` is then the encoding. */
  buildMs?: number;
}

/** Requests the page sends the worker: type → [params, result]. */
export interface WorkerRequestMap {
  /** Load and analyse a scenario (files it names are asked of the page with `readFile`). */
  load: [
    {
      scenarioText: string;
      fileName: string;
      /** Sources to send now (default all); the rest on `layers`. */
      visible?: string[];
      /** The scenario's files are URLs relative to this: fetched by the worker, not asked of the page. */
      baseUrl?: string;
      /** The page takes layers ahead of the result (`base` events: nothing is shown yet). */
      ahead?: boolean;
    },
    ResultMessage,
  ];
  /**
   * Start reading the scenario at `url` (and the files it names) before the page asks for it: the page's
   * thread is busy starting the map meanwhile. A `load` of the same URL and text then takes it over.
   */
  prefetch: [{ url: string }, Record<string, never>];
  /** The plan's station sets side by side (existing, each planned year, full plan, with candidates). */
  comparison: [Record<string, never>, ComparisonRow[]];
  /**
   * The whole candidate list (add, move, edit, delete, undo are all this): recomputed from the first
   * candidate that differs; only the `visible` layers that changed come back.
   */
  setCandidates: [{ candidates: CandidateInput[]; visible: string[] }, ResultMessage];
  /** Layers by name for the current candidates (a layer shown after it was hidden; hydrants from street scale). */
  layers: [{ names: string[] }, ResultMessage];
  /** The scenario with the candidates, as scenario JSON text (`firecover analyze` reads it). */
  saveScenario: [Record<string, never>, { text: string }];
  /** The plan: its years and every station with status and year (plan/plan_service.ts). */
  plan: [Record<string, never>, PlanInfo];
  /** Show year Y of the plan (null: the loaded analysis again): layers, figures, newly covered land. */
  setYear: [{ year: number | null }, YearMessage];
  /** First and second due station at a point, among the stations of the year shown. */
  due: [{ lon: number; lat: number }, DueAnswer];
  /** Network distance and drive time between two points, with the route. */
  measure: [{ from: [number, number]; to: [number, number] }, MeasureAnswer];
}

/** `setYear`'s answer: the year's layers as UTF-8 GeoJSON bytes. */
export interface YearMessage extends Omit<YearAnswer, 'layers'> {
  layers: Record<string, LayerBytes>;
  layersMs: number;
}

/** Requests the worker sends the page: type → [params, result]. */
export interface PageRequestMap {
  /** The bytes of a file the scenario names, relative to the scenario file. */
  readFile: [{ relPath: string }, Uint8Array];
}

/** One-way notices from the worker: type → params. */
export interface WorkerEventMap {
  progress: { stage: 'loading' | 'coverage' };
  /**
   * Layers ahead of a load's result, when the page asked for them: the background (roads, water, …) as
   * soon as the scenario is read, then the coverage layers as soon as the coverage is computed (the
   * result leaves those out).
   */
  base: { layers: Record<string, LayerBytes>; info: ScenarioInfo };
}

/** Why a request failed: an `InputError`'s English and Chinese detail and where, or a plain message. */
export interface RequestError {
  message: string;
  messageZh?: string;
  where?: string;
}

/** Any request of map `M`, tagged by type. */
export type RequestOf<M> = { [T in keyof M]: { kind: 'request'; id: number; type: T; params: M[T] extends [infer P, unknown] ? P : never } }[keyof M];
/** Any response of map `M`: its result, or the error. */
export type ResponseOf<M> = {
  [T in keyof M]: { kind: 'response'; id: number; type: T; result: M[T] extends [unknown, infer R] ? R : never } | { kind: 'error'; id: number; type: T; error: RequestError };
}[keyof M];
export type EventOf<M> = { [T in keyof M]: { kind: 'event'; type: T; params: M[T] } }[keyof M];

export type Params<M, T extends keyof M> = M[T] extends [infer P, unknown] ? P : never;
export type Result<M, T extends keyof M> = M[T] extends [unknown, infer R] ? R : never;

/** What the page posts to the worker. */
export type ToWorker = RequestOf<WorkerRequestMap> | ResponseOf<PageRequestMap>;
/** What the worker posts to the page. */
export type FromWorker = ResponseOf<WorkerRequestMap> | RequestOf<PageRequestMap> | EventOf<WorkerEventMap>;
