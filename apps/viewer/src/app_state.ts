import type { FeatureCollection } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import type { CandidateInput, ComparisonRow, ScenarioInfo } from './model';

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
  /** Click to map data updated, ms. */
  lastRoundTripMs: number | null;
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
  decoded: {},
  updates: 0,
  candidateMode: false,
  map: null,
  coveragePct: null,
  mapErrors: [],
};

declare global {
  interface Window {
    __firecover: AppState & { exportPng?: (pixelRatio?: number) => Promise<Blob>; districtsCsv?: () => string };
  }
}
window.__firecover = state;

const PCT_KEYS = ['coveredPct', 'coveragePct', 'coveredSharePct', 'studyAreaCoveredPct', 'areaCoveredPct', 'withinStandardPct'];
const SHARE_KEYS = ['coveredShare', 'coverageShare', 'coveredFraction', 'coverage'];

/** The one coverage figure, percent, whatever the summary calls it. */
export function coverageFigure(summary: Record<string, unknown> | null | undefined): number | null {
  if (!summary) return null;
  for (const k of PCT_KEYS) if (typeof summary[k] === 'number') return summary[k] as number;
  for (const k of SHARE_KEYS) if (typeof summary[k] === 'number' && (summary[k] as number) <= 1) return (summary[k] as number) * 100;
  for (const [k, v] of Object.entries(summary)) if (typeof v === 'number' && /cover.*Pct$/i.test(k) && !/popul|demand/i.test(k)) return v;
  for (const v of Object.values(summary)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = coverageFigure(v as Record<string, unknown>);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/** First numeric figure found under any of the keys (top level or one level down). */
export function figure(summary: Record<string, unknown> | null | undefined, keys: string[]): number | null {
  if (!summary) return null;
  for (const k of keys) if (typeof summary[k] === 'number') return summary[k] as number;
  for (const v of Object.values(summary)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const k of keys) if (typeof (v as Record<string, unknown>)[k] === 'number') return (v as Record<string, number>)[k];
    }
  }
  return null;
}

export const GAP_KEYS = ['gapAreaKm2', 'gapsAreaKm2', 'uncoveredKm2', 'uncoveredAreaKm2'];
export const OVER_CAP_KEYS = ['districtsOverCap', 'overCapCount', 'districtsOverCapCount'];
