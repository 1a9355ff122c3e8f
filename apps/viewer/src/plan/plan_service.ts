import type { FeatureCollection } from 'geojson';
import {
  SnapIndex,
  analyzeScenario,
  distanceM,
  dueRanking,
  landAccessLink,
  rankSources,
  routeLine,
  snapEndNode,
  type LoadedScenario,
  type RoadNetwork,
  type ScenarioAnalysis,
  type SearchSource,
  type Snap,
  type Station,
} from '@firecover/core';
import { normalizeLayer } from '../normalize';
import { newlyCovered } from './newly_covered';
import { nameStationsLayer, shownName } from './place_names';

/**
 * The plan year by year and the point questions, in the analysis worker (no DOM, no `self`; tests call
 * it in Node): for a year Y the stations in service in Y (core's rule: existing + under construction and
 * planned with `year` ≤ Y, `stationsInService`) analysed by `analyzeScenario` — the same call as
 * `firecover analyze --stations Y` — with the land that year newly covers against the base; the first
 * and second due station at a point (`dueRanking` on the stations shown, placed as `firecover due`
 * places them); the network distance and drive time between two points.
 */

/** A station as the plan lists it. */
export interface PlanStation {
  id: string;
  name: string;
  nameZh: string;
  lon: number;
  lat: number;
  status: Station['status'];
  year: number | null;
  class: string;
}

export interface PlanInfo {
  /** Years in which planned or under-construction stations enter service, ascending. */
  years: number[];
  /** The year of the loaded analysis (`analysis.year`), null when it shows the existing stations. */
  baseYear: number | null;
  stations: PlanStation[];
}

/** One year of the plan (or the base, `year: null`). */
export interface YearAnswer {
  year: number | null;
  /** Stations in service that year, scenario order. */
  stations: PlanStation[];
  layers: Record<string, FeatureCollection>;
  summary: Record<string, unknown>;
  baseSummary: Record<string, unknown>;
  /** Land newly covered against the base, km² (0 for the base). */
  newlyCoveredKm2: number;
  computeMs: number;
}

export interface DueStationRow {
  rank: number;
  id: string;
  name: string;
  nameZh: string;
  /** Arrival from dispatch (turnout + driving), s; null: cannot reach. */
  costS: number | null;
  withinStandard: boolean | null;
}

export interface DueAnswer {
  lon: number;
  lat: number;
  /** Distance from the point to its road, m; null when no road is within `POINT_MAX_SNAP_M`. */
  snapDistanceM: number | null;
  rows: DueStationRow[];
  standardS: number;
  year: number | null;
}

export interface MeasureAnswer {
  from: [number, number];
  to: [number, number];
  /** Shortest driving distance along the roads (one-way rules kept), m; null when unreachable or off-road. */
  distanceM: number | null;
  /** Fastest drive time (no turnout), s; null when unreachable. */
  timeS: number | null;
  /** Straight-line distance, m. */
  straightM: number;
  /** The shortest-distance route, lon/lat. */
  route: [number, number][];
  /** Why there is no answer (en, zh), else null. */
  problem: { en: string; zh: string } | null;
}

/** Points farther than this from a road get no due answer, m (the default of `firecover due --max-snap`). */
export const POINT_MAX_SNAP_M = 250;

/** Years in which planned or under-construction stations enter service. */
export function planYears(scenario: Pick<LoadedScenario, 'stations'>): number[] {
  const ys = scenario.stations.filter((s) => (s.status === 'planned' || s.status === 'under_construction') && s.year !== undefined).map((s) => s.year!);
  return [...new Set(ys)].sort((a, b) => a - b);
}

export class PlanService {
  private readonly net: RoadNetwork;
  private readonly years = new Map<number, ScenarioAnalysis>();
  private current: ScenarioAnalysis;
  private currentYear: number | null = null;
  private accessIndex: SnapIndex | null = null;
  private readonly bandsS: number[];

  constructor(
    readonly scenario: LoadedScenario,
    private readonly base: ScenarioAnalysis,
  ) {
    this.net = scenario.network;
    this.current = base;
    this.bandsS = scenario.analysis.bandsS?.length ? scenario.analysis.bandsS : [180, 240, 300];
  }

  planStation(s: Station): PlanStation {
    const n = shownName(this.scenario, s);
    return { id: s.id, name: n.name, nameZh: n.nameZh, lon: s.lon, lat: s.lat, status: s.status, year: s.year ?? null, class: s.class };
  }

  info(): PlanInfo {
    return { years: planYears(this.scenario), baseYear: this.base.stationSet.choice !== null && typeof this.base.stationSet.choice === 'number' ? this.base.stationSet.choice : null, stations: this.scenario.stations.map((s) => this.planStation(s)) };
  }

  /** The analysis of year Y (cached), or the base for null. */
  analysis(year: number | null): ScenarioAnalysis {
    if (year === null) return this.base;
    let a = this.years.get(year);
    if (!a) {
      a = analyzeScenario(this.scenario, { stations: year, compare: false, onWaterError: 'keep' });
      this.years.set(year, a);
    }
    return a;
  }

  /** Shows year Y (null: back to the base): its layers, figures and the land it newly covers. */
  setYear(year: number | null): YearAnswer {
    const t0 = performance.now();
    const a = this.analysis(year);
    this.current = a;
    this.currentYear = year;
    const built = a.layers();
    const raw: Record<string, FeatureCollection> = { ...(built.coverage as Record<string, FeatureCollection>), ...((built.water ?? {}) as Record<string, FeatureCollection>) };
    const layers: Record<string, FeatureCollection> = {};
    for (const [name, fc] of Object.entries(raw)) layers[name] = normalizeLayer(name, name === 'stations' ? nameStationsLayer(this.scenario, structuredClone(fc) as never) : fc, this.bandsS);
    const nc = year === null ? null : newlyCovered(this.base.coverage, a.coverage, 'base', `year-${year}`);
    layers.newly_covered = { type: 'FeatureCollection', features: nc && nc.cells > 0 ? [nc.feature] : [] };
    layers.candidates = { type: 'FeatureCollection', features: [] };
    return {
      year,
      stations: a.stationSet.stations.map((s) => this.planStation(s)),
      layers,
      summary: withWater(a),
      baseSummary: withWater(this.base),
      newlyCoveredKm2: nc?.areaKm2 ?? 0,
      computeMs: performance.now() - t0,
    };
  }

  private index(): SnapIndex {
    this.accessIndex ??= new SnapIndex(this.net, landAccessLink(this.net));
    return this.accessIndex;
  }

  private place(snap: Snap): { node: number } | { snap: Snap } {
    const node = snapEndNode(this.net, snap);
    return node >= 0 ? { node } : { snap };
  }

  /**
   * First and second due station at a point, among the stations shown (`firecover due --scenario … -k 2`):
   * the year's stations, or the base's with the page's `candidates` (a plan year holds the candidates back).
   */
  due(lon: number, lat: number, k = 2, candidates: readonly Station[] = []): DueAnswer {
    const standardS = this.scenario.preset.responseS.value;
    const snap = this.index().nearest(lon, lat, POINT_MAX_SNAP_M);
    const answer: DueAnswer = { lon, lat, snapDistanceM: snap ? snap.distanceM : null, rows: [], standardS, year: this.currentYear };
    if (!snap) return answer;
    const stations = this.currentYear === null ? [...this.current.stationSet.stations, ...candidates] : this.current.stationSet.stations;
    const max = this.scenario.analysis.maxSnapDistanceM;
    const placed: { s: Station; source: SearchSource }[] = [];
    for (const s of stations) {
      const ss = this.index().nearest(s.lon, s.lat, max);
      if (ss) placed.push({ s, source: { ...this.place(ss), startCost: s.turnoutS } });
    }
    const rows = dueRanking(this.net, [this.place(snap)], placed.map((p) => p.source), k);
    answer.rows = rows.map((r) => {
      const s = placed[r.source].s;
      const n = shownName(this.scenario, s);
      const cost = Number.isFinite(r.cost) ? r.cost : null;
      return { rank: r.rank, id: s.id, name: n.name, nameZh: n.nameZh, costS: cost, withinStandard: cost === null ? false : cost <= standardS };
    });
    return answer;
  }

  /** Driving distance and time between two points along the roads, with the shortest route. */
  measure(from: [number, number], to: [number, number]): MeasureAnswer {
    const straightM = distanceM(from[0], from[1], to[0], to[1]);
    const out: MeasureAnswer = { from, to, distanceM: null, timeS: null, straightM, route: [], problem: null };
    const a = this.index().nearest(from[0], from[1], POINT_MAX_SNAP_M);
    const b = this.index().nearest(to[0], to[1], POINT_MAX_SNAP_M);
    if (!a || !b) {
      out.problem = { en: `a point is more than ${POINT_MAX_SNAP_M} m from a road`, zh: `有点距道路超过 ${POINT_MAX_SNAP_M} 米` };
      return out;
    }
    const src: SearchSource = { ...this.place(a), startCost: 0 };
    const dst = this.place(b);
    const byLength = rankSources(this.net, dst, [src], 1, { metric: 'length' });
    const byTime = rankSources(this.net, dst, [src], 1, { metric: 'time' });
    if (byLength.length === 0) {
      out.problem = { en: 'no road route between the two points (one-way rules or a road island)', zh: '两点之间没有道路路线（单行规定或道路孤岛）' };
      return out;
    }
    out.distanceM = byLength[0].cost;
    out.timeS = byTime.length ? byTime[0].cost : null;
    out.route = routeLine(this.net, byLength[0].route, src, dst).coordinates;
    return out;
  }
}

function withWater(a: ScenarioAnalysis): Record<string, unknown> {
  const water = a.waterFigures ?? (a.waterError === null ? null : { error: a.waterError instanceof Error ? a.waterError.message : String(a.waterError) });
  return { ...(a.summary as unknown as Record<string, unknown>), water };
}
