import type { CandidateInput, ComparisonRow, LayerBytes, ScenarioInfo } from '../model';

/** Messages between the page and the analysis worker. Layers travel as transferred UTF-8 GeoJSON buffers. */
export type ToWorker =
  | { type: 'load'; scenarioText: string; fileName: string }
  | { type: 'file'; reqId: number; bytes?: Uint8Array; error?: string }
  | { type: 'addCandidate'; candidate: CandidateInput }
  | { type: 'removeCandidate'; id: string };

export interface ResultMessage {
  type: 'result';
  kind: 'load' | 'update';
  info: ScenarioInfo;
  layers: Record<string, LayerBytes>;
  /** Background layers, sent with the first result only. */
  base?: Record<string, LayerBytes>;
  summary: Record<string, unknown>;
  /** Summary before the candidates (for before → after). */
  baseSummary: Record<string, unknown>;
  candidates: CandidateInput[];
  /** Time spent in the analysis for this message, ms. */
  computeMs: number;
  /** Time to build and encode the layers, ms. */
  layersMs: number;
}

export type FromWorker =
  | { type: 'readFile'; reqId: number; relPath: string }
  | { type: 'progress'; stage: string }
  | ResultMessage
  | { type: 'comparison'; rows: ComparisonRow[] }
  | { type: 'error'; message: string; messageZh?: string; where?: string };
