import type { LoadedScenario, Station } from '../scenario/scenario_types';
import { addStation, analyzeCoverage, type CoverageAnalysis } from './analysis';
import type { CoverageOptions } from './context';

/** A named set of stations in service (现状, a planning year, the full plan). */
export interface StationSet {
  key: string;
  label: { en: string; zh: string };
  /** Planning year for a cumulative year set, else null. */
  year: number | null;
  stations: Station[];
}

/**
 * The sets a plan compares: existing stations (现状); for each year in which planned or
 * under-construction stations enter service, existing + those with year ≤ Y (cumulative); the whole
 * plan (planned and under construction whatever their year) when it differs from the last year; and
 * every station, candidates included, when there are candidates. Within a set: existing stations in
 * scenario order, then the others by year and scenario order, so each set extends the previous one.
 */
export function planStationSets(scenario: Pick<LoadedScenario, 'stations'>): StationSet[] {
  const all = scenario.stations;
  const existing = all.filter((s) => s.status === 'existing');
  const plannedAll = all.filter((s) => s.status === 'planned' || s.status === 'under_construction');
  const byYear = (list: Station[]): Station[] =>
    list
      .map((s, i) => ({ s, i }))
      .sort((x, y) => (x.s.year ?? Infinity) - (y.s.year ?? Infinity) || x.i - y.i)
      .map((x) => x.s);
  const sets: StationSet[] = [{ key: 'existing', label: { en: 'existing', zh: '现状' }, year: null, stations: existing }];
  const years = [...new Set(plannedAll.filter((s) => s.year !== undefined).map((s) => s.year!))].sort((a, b) => a - b);
  for (const y of years) {
    const added = byYear(plannedAll.filter((s) => s.year !== undefined && s.year <= y));
    sets.push({ key: `year-${y}`, label: { en: `planned by ${y}`, zh: `${y}年规划` }, year: y, stations: [...existing, ...added] });
  }
  const plan = [...existing, ...byYear(plannedAll)];
  if (plan.length !== sets[sets.length - 1].stations.length) {
    sets.push({ key: 'planned', label: { en: 'full plan', zh: '全部规划' }, year: null, stations: plan });
  }
  const candidates = all.filter((s) => s.status === 'candidate');
  if (candidates.length > 0) {
    sets.push({ key: 'all', label: { en: 'all incl. candidates', zh: '含候选站' }, year: null, stations: [...plan, ...candidates] });
  }
  return sets;
}

/** One set's figures in a comparison. */
export interface ComparedSet {
  set: StationSet;
  analysis: CoverageAnalysis;
}

/** The change from one set to the next. Shares are fractions (0..1) and their differences. */
export interface SetChange {
  from: string;
  to: string;
  stationsAdded: string[];
  landShareDelta: number;
  demandShareDelta: number | null;
  roadShareDelta: number;
  secondDueLandShareDelta: number;
  lateAreaDeltaKm2: number;
  unreachableAreaDeltaKm2: number;
  districtsOverCap: [number, number];
  districtsLate: [number, number];
}

/** The analyses of several station sets and the changes between consecutive sets. */
export interface SetComparison {
  sets: ComparedSet[];
  changes: SetChange[];
}

/**
 * Coverage of several station sets side by side, with the change between consecutive sets. A set that
 * extends the previous one (same stations first, in the same order) is computed incrementally; a set
 * whose stations (same ids, same order) an analysis in `known` of the same scenario already covers reuses
 * it — the caller has usually just analysed the stations in service (built with the same `options`).
 */
export function compareStationSets(
  scenario: LoadedScenario,
  sets: StationSet[] = planStationSets(scenario),
  options?: CoverageOptions,
  known: readonly CoverageAnalysis[] = [],
): SetComparison {
  const out: ComparedSet[] = [];
  let prev: CoverageAnalysis | null = null;
  const sameStations = (a: CoverageAnalysis, set: StationSet): boolean =>
    a.stations.length === set.stations.length && a.stations.every((s, i) => s.station.id === set.stations[i].id);
  for (const set of sets) {
    let a: CoverageAnalysis;
    const prevIds = prev ? prev.stations.map((s) => s.station.id) : null;
    const reuse = known.find((k) => k.context.scenario === scenario && sameStations(k, set));
    if (reuse) {
      a = reuse;
    } else if (prev && prevIds && prevIds.length <= set.stations.length && prevIds.every((id, i) => set.stations[i].id === id)) {
      a = prev;
      for (const s of set.stations.slice(prevIds.length)) a = addStation(a, s);
    } else {
      a = analyzeCoverage(scenario, set.stations, options);
    }
    out.push({ set, analysis: a });
    prev = a;
  }
  const changes: SetChange[] = [];
  for (let i = 1; i < out.length; i++) {
    const x = out[i - 1];
    const y = out[i];
    const fx = x.analysis.figures;
    const fy = y.analysis.figures;
    const before = new Set(x.set.stations.map((s) => s.id));
    changes.push({
      from: x.set.key,
      to: y.set.key,
      stationsAdded: y.set.stations.filter((s) => !before.has(s.id)).map((s) => s.id),
      landShareDelta: fy.landShare - fx.landShare,
      demandShareDelta: fx.demandShare !== null && fy.demandShare !== null ? fy.demandShare - fx.demandShare : null,
      roadShareDelta: fy.roadShare - fx.roadShare,
      secondDueLandShareDelta: fy.secondDueLandShare - fx.secondDueLandShare,
      lateAreaDeltaKm2: fy.lateAreaKm2 - fx.lateAreaKm2,
      unreachableAreaDeltaKm2: fy.unreachableAreaKm2 - fx.unreachableAreaKm2,
      districtsOverCap: [fx.districtsOverCap, fy.districtsOverCap],
      districtsLate: [fx.districtsLate, fy.districtsLate],
    });
  }
  return { sets: out, changes };
}
