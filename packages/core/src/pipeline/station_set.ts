import { InputError } from '../input_error';
import type { LoadedScenario, Station } from '../scenario/scenario_types';
import { stationsInService } from '../scenario/stations';

/**
 * Which stations an analysis takes: `'existing'` (现状), `'planned'` (existing + under construction +
 * planned, whatever their year), `'all'` (candidates too), or a year Y (existing + those entering service
 * by Y). See `stationsInService` for the exact rule.
 */
export type StationSetChoice = 'existing' | 'planned' | 'all' | number;

/**
 * Reads a station-set option as the CLI's `--stations` and the viewer give it: `existing`, `planned`,
 * `all` or a four-digit year; not given → the scenario's `analysis.year` when set, else existing. Anything
 * else is an InputError naming `where` (e.g. "--stations").
 */
export function parseStationSet(value: string | undefined, scenario: Pick<LoadedScenario, 'analysis'>, where = 'stations'): StationSetChoice {
  if (value === undefined) return scenario.analysis.year || 'existing';
  const v = value.trim();
  if (v === 'existing' || v === 'planned' || v === 'all') return v;
  if (/^\d{4}$/.test(v)) return Number(v);
  throw new InputError({ file: where }, `expected existing, planned, all or a year, got "${v}"`, `应为 existing、planned、all 或年份，实际为“${v}”`);
}

/** The stations of a choice, in scenario order. */
export function stationsOfSet(scenario: Pick<LoadedScenario, 'stations'>, choice: StationSetChoice): Station[] {
  return stationsInService(scenario, choice === 'existing' ? undefined : choice);
}
