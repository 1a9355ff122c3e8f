import { coverageContext, snapStation } from '../coverage/context';
import type { LoadedScenario, Station } from '../scenario/scenario_types';
import type { StationClass } from '../standards/preset';
import { checkCandidates, generateCandidates, type SitingCandidate, type SitingLayers } from './candidates';
import { withFixed, withinCost, type CostMatrix } from './cost_matrix';
import { evaluateSet } from './evaluate';
import { solveSiting, type SitingModel, type SitingResult } from './models';
import { networkCostMatrix, type DemandBasis, type NetworkSitingProblem, type SitingFacility } from './network_matrix';
import type { MipSolver } from './solver';

/** Which scenario stations are forced open: existing ones (default), existing and planned, or none. */
export type FixedStations = 'existing' | 'planned' | 'none';

/** Options of `siteScenario`: model, p, share, candidates or their spacing, which stations are fixed, the curve's length, time limit. */
export interface SiteScenarioOptions {
  model: SitingModel;
  p?: number;
  share?: number;
  /** The user's candidate points; without them candidates are generated on main and secondary roads. */
  candidates?: readonly { id: string; name: string; lon: number; lat: number }[];
  /** Spacing of generated candidates, metres (default 250). */
  candidateSpacingM?: number;
  fixed?: FixedStations;
  layers?: SitingLayers;
  basis?: DemandBasis;
  solver: MipSolver;
  timeLimitS?: number;
  /** The curve runs MCLP for p = 1 … curveMax (default 5; capped at the free facilities). */
  curveMax?: number;
  /** pmedian / pcenter: arrivals above this are not used, seconds (default 2 × responseS). */
  maxCostS?: number;
  /** Class of a new station (default class1). */
  newStationClass?: StationClass;
}

/** One point of the coverage curve: p new stations and the demand they (with the fixed ones) reach within the standard. */
export interface CurvePoint {
  p: number;
  coveredWeight: number;
  coveredShare: number;
  /** Weight added by the p-th station over the best p − 1. */
  marginalWeight: number;
  selectedIds: string[];
  optimal: boolean;
  gap: number;
  timeS: number;
}

/** How much of what the best p sites would add the scenario's p planned sites add (MCLP on the covering matrix, existing stations fixed). */
export interface PlannedVersusOptimal {
  p: number;
  plannedIds: string[];
  optimalIds: string[];
  baseWeight: number;
  plannedWeight: number;
  optimalWeight: number;
  plannedGain: number;
  optimalGain: number;
  /** plannedGain / optimalGain (1 when the optimum adds nothing). */
  ratio: number;
  optimal: boolean;
  gap: number;
}

/** The siting of a scenario: the problem, the solution, the coverage curve and the planned-versus-optimal comparison. */
export interface ScenarioSiting {
  problem: NetworkSitingProblem;
  /** The covering matrix (pairs within the standard) the curve and the comparison use. */
  coveringMatrix: CostMatrix;
  result: SitingResult;
  /** Every candidate point with its rule checks (accepted and rejected). */
  candidates: SitingCandidate[];
  rejected: SitingCandidate[];
  /** New facilities chosen. */
  chosen: SitingFacility[];
  /** The station set whose coverage is reported: fixed stations plus the chosen ones, as stations. */
  stationSet: Station[];
  curve: CurvePoint[];
  plannedVsOptimal: PlannedVersusOptimal | null;
}

const isPlanned = (s: Station): boolean => s.status === 'planned' || s.status === 'under_construction';

/**
 * Station siting on a scenario: candidates (given or generated) checked against GB 51080-2015 §4.1.5,
 * the network cost matrix from the scenario's stations and accepted candidates, the model solved
 * exactly, the MCLP curve and the planned-versus-optimal comparison.
 */
export function siteScenario(scenario: LoadedScenario, options: SiteScenarioOptions): ScenarioSiting {
  const ctx = coverageContext(scenario);
  const R = ctx.preset.responseS.value;
  const fixedMode = options.fixed ?? 'existing';
  const points = options.candidates ?? generateCandidates(ctx, options.candidateSpacingM ?? 250);
  const candidates = checkCandidates(ctx, points, options.layers, options.candidates ? 'file' : 'generated');
  const rejected = candidates.filter((c) => !c.accepted);
  const turnoutS = ctx.preset.turnoutS.value;

  const stationFixed = (s: Station): boolean => fixedMode !== 'none' && (s.status === 'existing' || (fixedMode === 'planned' && isPlanned(s)));
  // free scenario stations (planned sites, when not fixed) are checked by the same rules, but never dropped: the report says how good a planned site is
  const freeStations = scenario.stations.filter((s) => !stationFixed(s));
  const stationChecks = new Map(checkCandidates(ctx, freeStations, options.layers, 'station').map((c, i) => [freeStations[i].id, c]));
  const facilities: SitingFacility[] = scenario.stations.map((s) => ({
    id: s.id,
    name: s.name,
    lon: s.lon,
    lat: s.lat,
    snap: snapStation(ctx, s),
    turnoutS: s.turnoutS,
    fixed: stationFixed(s),
    station: s,
    candidate: stationChecks.get(s.id) ?? null,
  }));
  const taken = new Set(facilities.map((f) => f.id));
  for (const c of candidates) {
    if (!c.accepted || !c.snap) continue;
    const id = taken.has(c.id) ? `candidate:${c.id}` : c.id;
    taken.add(id);
    facilities.push({ id, name: c.name, lon: c.lon, lat: c.lat, snap: c.snap, turnoutS, fixed: false, station: null, candidate: c });
  }

  const median = options.model === 'pmedian' || options.model === 'pcenter';
  const budgetS = median ? (options.maxCostS ?? 2 * R) : R;
  const problem = networkCostMatrix(ctx, facilities, { budgetS: Math.max(budgetS, R), basis: options.basis });
  const coveringMatrix = withinCost(problem.matrix, R);
  const result = solveSiting(median ? withinCost(problem.matrix, budgetS) : coveringMatrix, {
    model: options.model,
    p: options.p,
    share: options.share,
    serviceCost: median ? undefined : R,
    solver: options.solver,
    timeLimitS: options.timeLimitS,
    unservedCost: median ? budgetS : undefined,
    demandBlocks: (side) => gridBlocks(problem.demandCells, ctx.grid.width, side),
  });

  const chosen = result.selected.map((i) => facilities[i]);
  const newClass = options.newStationClass ?? 'class1';
  const asStation = (f: SitingFacility): Station =>
    f.station ?? { id: f.id, name: f.name, nameZh: `新站址 ${f.id}`, lon: f.lon, lat: f.lat, class: newClass, status: 'planned', turnoutS: f.turnoutS };
  const stationSet = [...facilities.filter((f) => f.fixed), ...chosen].map(asStation);

  const free = facilities.filter((f) => !f.fixed).length;
  const curve: CurvePoint[] = [];
  const base = evaluateSet(coveringMatrix, [], R);
  let prev = base.coveredWeight;
  for (let p = 1; p <= Math.min(options.curveMax ?? 5, free); p++) {
    const r = solveSiting(coveringMatrix, { model: 'mclp', p, serviceCost: R, solver: options.solver, timeLimitS: options.timeLimitS });
    curve.push({ p, coveredWeight: r.coveredWeight, coveredShare: r.totalWeight > 0 ? r.coveredWeight / r.totalWeight : 0, marginalWeight: r.coveredWeight - prev, selectedIds: r.selectedIds, optimal: r.optimal, gap: r.gap, timeS: r.timeS });
    prev = r.coveredWeight;
  }

  return { problem, coveringMatrix, result, candidates, rejected, chosen, stationSet, curve, plannedVsOptimal: plannedVersusOptimal(facilities, coveringMatrix, R, options) };
}

function plannedVersusOptimal(facilities: readonly SitingFacility[], covering: CostMatrix, R: number, options: SiteScenarioOptions): PlannedVersusOptimal | null {
  const planned = facilities.flatMap((f, i) => (f.station && isPlanned(f.station) ? [i] : []));
  if (planned.length === 0) return null;
  const existing = facilities.flatMap((f, i) => (f.station?.status === 'existing' ? [i] : []));
  const m = withFixed(covering, existing);
  const base = evaluateSet(m, [], R).coveredWeight;
  const plannedWeight = evaluateSet(m, planned, R).coveredWeight;
  const opt = solveSiting(m, { model: 'mclp', p: planned.length, serviceCost: R, solver: options.solver, timeLimitS: options.timeLimitS });
  const plannedGain = plannedWeight - base;
  const optimalGain = opt.coveredWeight - base;
  return {
    p: planned.length,
    plannedIds: planned.map((i) => facilities[i].id),
    optimalIds: opt.selectedIds,
    baseWeight: base,
    plannedWeight,
    optimalWeight: opt.coveredWeight,
    plannedGain,
    optimalGain,
    ratio: optimalGain > 0 ? plannedGain / optimalGain : 1,
    optimal: opt.optimal,
    gap: opt.gap,
  };
}

/** The block of each demand cell: side × side land cells (cell i + j·width → block ⌊i/side⌋, ⌊j/side⌋). */
export function gridBlocks(cells: Int32Array, width: number, side: number): Int32Array {
  const across = Math.ceil(width / side);
  return cells.map((k) => {
    const i = k % width;
    const j = (k - i) / width;
    return Math.floor(i / side) + Math.floor(j / side) * across;
  });
}
