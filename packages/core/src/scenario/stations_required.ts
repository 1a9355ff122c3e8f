import { InputError } from '../input_error';
import type { LoadedScenario, Station } from './scenario_types';
import { stationsInService } from './stations';

type When = number | 'planned' | 'all' | undefined;

/** Why a station is not in service for `when` (English, Chinese); null when it is. */
function exclusionReason(s: Station, when: When): [string, string] | null {
  if (stationsInService([s], when).length > 0) return null;
  if (s.status === 'candidate') return ['a candidate site (in service only with --stations all)', '候选站址（仅在 --stations all 时计入）'];
  const status = s.status === 'planned' ? ['planned', '规划'] : ['under construction', '在建'];
  if (s.year === undefined) return [`${status[0]}, without a year (in service with --stations planned or all)`, `${status[1]}，未给出年份（在 --stations planned 或 all 时计入）`];
  if (when === undefined || when === 0) return [`${status[0]} for ${s.year} (in service with --stations ${s.year}, planned or all)`, `${status[1]}，${s.year} 年（在 --stations ${s.year}、planned 或 all 时计入）`];
  return [`${status[0]} for ${s.year}, after ${when}`, `${status[1]}，${s.year} 年，晚于 ${when} 年`];
}

function setName(when: When): [string, string] {
  if (when === undefined || when === 0) return ['existing', '现状'];
  if (when === 'planned') return ['planned', '规划'];
  if (when === 'all') return ['all', '全部'];
  return [`year ${when}`, `${when} 年`];
}

/**
 * The stations in service (`stationsInService`), or an InputError when there is none: an analysis of
 * no station has no answer. The message names the station set and every station left out with the
 * reason, so the user can pick another `--stations`. Every command that analyses a scenario's stations
 * uses this, so they agree.
 */
export function requireStationsInService(scenario: Pick<LoadedScenario, 'stations' | 'fileName'>, when: When): Station[] {
  const inService = stationsInService(scenario, when);
  if (inService.length > 0) return inService;
  const [set, setZh] = setName(when);
  const file = scenario.fileName;
  if (scenario.stations.length === 0) throw new InputError({ file }, 'the scenario lists no stations', '场景中没有任何消防站');
  const reasons = scenario.stations.map((s) => ({ s, r: exclusionReason(s, when) ?? ['?', '?'] }));
  const en = reasons.map(({ s, r }) => `${s.id} (${r[0]})`).join('; ');
  const zh = reasons.map(({ s, r }) => `${s.id}（${r[1]}）`).join('；');
  throw new InputError({ file }, `no station is in service in the station set "${set}"; excluded: ${en}`, `站点集合“${setZh}”中没有在役消防站；未计入：${zh}`);
}
