/**
 * Messages of the siting worker and what the siting panel shows. The siting worker is its own Web
 * Worker (siting_worker.ts) so a long solve can be cancelled by stopping it, without losing the analysis.
 */

export interface SitingRequestOptions {
  model: 'mclp' | 'lscp';
  /** New stations (MCLP). */
  p: number;
  /** Spacing of generated candidates along main and secondary roads, m. */
  spacingM: number;
  /** The coverage curve runs MCLP for p = 1 … curveMax. */
  curveMax: number;
  /** Stop each solve after this many seconds (best found is reported, not proven). */
  timeLimitS: number;
}

export interface SitingSite {
  /** 1 = the site the curve picks first (the best single new station), then by the p it enters the curve. */
  rank: number;
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface SitingCurvePoint {
  p: number;
  coveredShare: number;
  marginalShare: number;
  selectedIds: string[];
  optimal: boolean;
}

/** The result as the panel shows it. */
export interface SitingView {
  model: 'mclp' | 'lscp';
  p: number;
  sites: SitingSite[];
  curve: SitingCurvePoint[];
  /** Share of the demand weight covered by the fixed stations and the chosen sites. */
  coveredShare: number;
  optimal: boolean;
  gap: number;
  solver: string;
  /** Solver time, s; `elapsedS`: the whole run in the worker (matrix, checks, curve). */
  timeS: number;
  elapsedS: number;
  candidates: number;
  rejected: number;
  /** Planned sites' gain over the optimum's (0..1), null without planned stations. */
  plannedRatio: number | null;
  fixedIds: string[];
}

export type ToSitingWorker =
  | { kind: 'run'; scenarioText: string; fileName: string; options: SitingRequestOptions }
  | { kind: 'file'; id: number; bytes: Uint8Array }
  | { kind: 'fileError'; id: number; message: string };

export type FromSitingWorker =
  | { kind: 'readFile'; id: number; relPath: string }
  | { kind: 'stage'; stage: 'loading' | 'solver' | 'solving' }
  | { kind: 'result'; view: SitingView }
  | { kind: 'error'; message: string; messageZh?: string };
