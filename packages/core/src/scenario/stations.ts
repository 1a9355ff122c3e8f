import { STATION_CLASSES, STATION_CLASS_ALIASES, STATION_STATUSES, STATION_STATUS_ALIASES, type StandardsPreset, type StationClass, type StationStatus } from '../standards/preset';
import type { LoadedScenario, Station, StationInput } from './scenario_types';

/** A station class code from a code or a Chinese class name (一级, 二级消防站, 乡镇一级 …); undefined when unknown. */
export function stationClassOf(name: string): StationClass | undefined {
  const t = name.trim();
  if ((STATION_CLASSES as readonly string[]).includes(t)) return t as StationClass;
  return STATION_CLASS_ALIASES[t];
}

/** A station status code from a code or a Chinese status name (现状, 在建, 规划, 近期, 备选 …); undefined when unknown. */
export function stationStatusOf(name: string): StationStatus | undefined {
  const t = name.trim();
  if ((STATION_STATUSES as readonly string[]).includes(t)) return t as StationStatus;
  return STATION_STATUS_ALIASES[t];
}

/** A validated station input with its class and status normalised and its turnout filled from the preset. */
export function normaliseStation(input: StationInput, preset: StandardsPreset): Station {
  const cls = stationClassOf(input.class);
  if (!cls) throw new RangeError(`unknown station class "${input.class}"`);
  const status = stationStatusOf(input.status);
  if (!status) throw new RangeError(`unknown station status "${input.status}"`);
  return { ...input, class: cls, status, turnoutS: input.turnoutS ?? preset.turnoutS.value };
}

/**
 * Which stations are in service, for the planned-versus-existing comparison:
 * - `undefined` or 0: existing stations only (the current situation, 现状);
 * - a year Y: existing, plus under-construction and planned stations whose `year` ≤ Y (a station
 *   without a year is not counted in any year);
 * - `'planned'`: existing, under construction and planned, whatever their year (the full plan, 规划);
 * - `'all'`: every station, candidates included.
 */
export function stationsInService(scenario: Pick<LoadedScenario, 'stations'> | readonly Station[], when?: number | 'planned' | 'all'): Station[] {
  const stations: readonly Station[] = Array.isArray(scenario) ? scenario : (scenario as Pick<LoadedScenario, 'stations'>).stations;
  if (when === 'all') return stations.slice();
  if (when === 'planned') return stations.filter((s) => s.status !== 'candidate');
  return stations.filter((s) => {
    if (s.status === 'existing') return true;
    if (when === undefined || when === 0 || !Number.isFinite(when)) return false;
    if (s.status === 'candidate') return false;
    return s.year !== undefined && s.year <= when;
  });
}
