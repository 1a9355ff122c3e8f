import * as core from '@firecover/core';
import type { FeatureCollection } from 'geojson';
import type { LoadedScenario, Station } from '@firecover/core';

/**
 * The part of @firecover/core the worker uses. Written against the analyses' published names; looked
 * up at run time so the page still opens (with a clear message) while an analysis is missing.
 */
export interface CoreApi {
  loadScenario(json: unknown, fileName: string, readFile: (relPath: string) => Promise<Uint8Array>): Promise<LoadedScenario>;
  analyzeCoverage(scenario: LoadedScenario, stations?: Station[]): unknown;
  addStation(analysis: unknown, station: Station): unknown;
  coverageLayers(analysis: unknown): Record<string, FeatureCollection>;
  coverageSummary(analysis: unknown): Record<string, unknown>;
  analyzeWater?(scenario: LoadedScenario, coverage?: unknown): unknown;
  waterLayers?(water: unknown): Record<string, FeatureCollection>;
  waterSummary?(water: unknown): Record<string, unknown>;
}

const exported = core as unknown as Record<string, unknown>;

export function coreApi(): CoreApi {
  const need = ['loadScenario', 'analyzeCoverage', 'addStation', 'coverageLayers', 'coverageSummary'];
  const missing = need.filter((n) => typeof exported[n] !== 'function');
  if (missing.length) throw new Error(`@firecover/core does not export ${missing.join(', ')} yet`);
  return exported as unknown as CoreApi;
}
