import type { FeatureCollection } from 'geojson';

/**
 * What the page shows, whatever it came from: a scenario analysed in the worker, or an
 * `firecover analyze --out DIR` folder read as it is.
 */

/** Layer names, as written by `coverageLayers` / `waterLayers` and the analyze output folder. */
export const ANALYSIS_LAYERS = [
  'service_areas',
  'districts',
  'gaps',
  'reached_network',
  'stations',
  'hydrants',
  'hydrant_gaps',
  'unprotected',
  'proposed_hydrants',
  'intake_reach',
  'candidates',
  // the plan (plan/): land a plan year newly covers, stations not in service in the year shown, one label point per district
  'newly_covered',
  'plan_stations',
  'district_labels',
  // risk (core risk/): hazard sites with the first capable unit's arrival, when the scenario has a risk block
  'hazards',
  // risk: micro fire stations (微型消防站), communities (社区) and townships (乡镇/街道) with core's figures
  'micro_stations',
  'communities',
  'townships',
] as const;
export type AnalysisLayer = (typeof ANALYSIS_LAYERS)[number];

/** Background drawn from the scenario's own data (no tiles): roads by class, water, railway, expressway, study area. */
export const BASE_LAYERS = ['roads', 'water', 'railway', 'expressway', 'study_area'] as const;
export type BaseLayer = (typeof BASE_LAYERS)[number];

/** GeoJSON text encoded as UTF-8 bytes: crosses the worker boundary as a transferred buffer. */
export type LayerBytes = Uint8Array;

export interface ScenarioInfo {
  name: string;
  nameZh?: string;
  description?: string;
  synthetic: boolean;
  /** Where the data came from, printed on exports. */
  provenance: string;
  /** The data includes OpenStreetMap-derived roads or features (attribution needed). */
  osm: boolean;
  /** Arrival-time band limits, seconds, e.g. [180, 240, 300]. */
  bandsS: number[];
  presetName?: { en: string; zh: string };
  /** Centre and bounds [w, s, e, n] of everything drawn. */
  bbox?: [number, number, number, number];
}

/** A check on a district: passed or not, and the clause it comes from. */
export interface Check {
  name: string;
  ok: boolean;
  clause?: string;
  en?: string;
  zh?: string;
}

/** One row of the districts table, read from the districts layer properties. */
export interface DistrictRow {
  stationId: string;
  name: string;
  nameZh?: string;
  stationClass?: string;
  areaKm2: number;
  capKm2: number | null;
  latestArrivalS: number | null;
  overCap: boolean;
  crossesBarrier: boolean;
  checks: Check[];
}

/** Coverage figures of one station set (existing, a planned year, all). */
export interface ComparisonRow {
  key: string;
  label: { en: string; zh: string };
  stationCount: number;
  summary: Record<string, unknown>;
}

export interface CandidateInput {
  id: string;
  lon: number;
  lat: number;
  /** A station class code (`class2`) or a Chinese class name (`二级`). */
  stationClass: string;
  /** Shown name (default: the id). */
  name?: string;
  /** Turnout, seconds (default: the preset's). */
  turnoutS?: number;
}

export type Decoded = Record<string, FeatureCollection>;
