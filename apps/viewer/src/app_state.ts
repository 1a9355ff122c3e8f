import type { FeatureCollection } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import type { CandidateInput, ComparisonRow, ScenarioInfo } from './model';
import type { FigureLine } from '@firecover/core';
import type { ExportMapOptions, ExportMapResult } from './export/print_export';

/** Everything the page knows; also exposed as `window.__firecover` for tests and the console. */
export interface AppState {
  ready: boolean;
  loading: boolean;
  stage: string;
  error: string | null;
  /** "scenario": analysed here, candidates possible; "analysis": an analyze output folder shown as is. */
  mode: 'scenario' | 'analysis' | null;
  info: ScenarioInfo | null;
  summary: Record<string, unknown> | null;
  baseSummary: Record<string, unknown> | null;
  comparison: ComparisonRow[];
  candidates: CandidateInput[];
  /** Analysis time in the worker for the last candidate change, ms. */
  lastRecomputeMs: number | null;
  /** Building and encoding the layers after it, ms. */
  lastLayersMs: number | null;
  /** Click to map data updated, ms. */
  lastRoundTripMs: number | null;
  /** The last candidate change's time from the change to its layers handed to the map (loaded by MapLibre, before drawing), ms. */
  lastUpdateMs: number | null;
  /** Parsed small layers the panel reads (districts, gaps, stations). */
  decoded: Record<string, FeatureCollection>;
  /** Counts worker results applied (tests wait for it to change). */
  updates: number;
  candidateMode: boolean;
  map: MlMap | null;
  /** Headline coverage figure, percent (null while unknown). */
  coveragePct: number | null;
  /** Errors MapLibre reported (style, sources), newest last. */
  mapErrors: string[];
}

export const state: AppState = {
  ready: false,
  loading: false,
  stage: '',
  error: null,
  mode: null,
  info: null,
  summary: null,
  baseSummary: null,
  comparison: [],
  candidates: [],
  lastRecomputeMs: null,
  lastRoundTripMs: null,
  lastLayersMs: null,
  lastUpdateMs: null,
  decoded: {},
  updates: 0,
  candidateMode: false,
  map: null,
  coveragePct: null,
  mapErrors: [],
};

declare global {
  interface Window {
    __firecover: AppState & {
      exportPng?: (pixelRatio?: number) => Promise<Blob>;
      districtsCsv?: () => string;
      /** Print export of the current view (docs/viewer.md, "Print and exports"). */
      exportMap?: (opts: ExportMapOptions) => Promise<ExportMapResult>;
      /** The visible layers as one FeatureCollection, each feature tagged with `fc_layer`. */
      visibleLayersGeojson?: () => Promise<FeatureCollection>;
    } & Partial<LiveTestApi>;
  }
}
window.__firecover = state;

/** The candidate test API (src/live): each change resolves when its layers are handed to the map. */
export interface LiveTestApi {
  /** `cls`: a class code (`class2`) or Chinese name (`二级`); resolves with the new candidate's id. */
  addCandidate(lon: number, lat: number, cls?: string): Promise<string>;
  moveCandidate(id: string, lon: number, lat: number): Promise<void>;
  editCandidate(id: string, patch: Partial<Pick<CandidateInput, 'stationClass' | 'name' | 'turnoutS'>>): Promise<void>;
  removeCandidate(id: string): Promise<void>;
  undo(): Promise<void>;
  /** The scenario with its candidates, as the Save button downloads it. */
  saveScenario(): Promise<string>;
  openScenarioUrl(url: string): Promise<void>;
  /** Resolves when no candidate change waits or runs (after a mouse drag). */
  candidatesSettled(): Promise<void>;
  /** Per candidate change: total to the map, analysis, layer building, encoding (ms) and bytes sent, newest last. */
  /** Frames the drawing policy did not draw so far. */
  framesHeld: number;
  liveSamples: readonly { totalMs: number; handedMs: number; receivedMs: number; computeMs: number; buildMs: number; encodeMs: number; bytes: number; diffFeatures: number }[];
}

/** A figure line of `coverageSummary().figures`: value with unit, its clause and pass/fail. */
export type { FigureLine };

export function figureLines(summary: Record<string, unknown> | null | undefined): FigureLine[] | null {
  const f = summary?.figures;
  return Array.isArray(f) ? (f as FigureLine[]) : null;
}

const PCT_KEYS = ['landSharePct', 'coveredPct', 'coveragePct', 'coveredSharePct', 'studyAreaCoveredPct', 'areaCoveredPct', 'withinStandardPct'];

/** The one coverage figure (land reached within the standard), percent, whatever the summary calls it. */
export function coverageFigure(summary: Record<string, unknown> | null | undefined): number | null {
  if (!summary) return null;
  const line = figureLines(summary)?.find((l) => l.key === 'landShare');
  if (line) return line.value;
  for (const k of PCT_KEYS) if (typeof summary[k] === 'number') return summary[k] as number;
  return null;
}

/** A figure by key: from the figure lines, or a plain numeric property (comparison rows, analyze output). */
export function figure(summary: Record<string, unknown> | null | undefined, keys: string[]): number | null {
  if (!summary) return null;
  const lines = figureLines(summary);
  for (const k of keys) {
    const l = lines?.find((x) => x.key === k);
    if (l && l.value !== null) return l.value;
    if (typeof summary[k] === 'number') return summary[k] as number;
  }
  return null;
}

/** Land reached late plus land not reachable, km² (the gaps). */
export function gapAreaKm2(summary: Record<string, unknown> | null | undefined): number | null {
  const late = figure(summary, ['lateAreaKm2']);
  const unreachable = figure(summary, ['unreachableAreaKm2']);
  if (late !== null || unreachable !== null) return (late ?? 0) + (unreachable ?? 0);
  return figure(summary, ['gapAreaKm2', 'gapsAreaKm2', 'uncoveredKm2']);
}

export const OVER_CAP_KEYS = ['districtsOverCap'];
