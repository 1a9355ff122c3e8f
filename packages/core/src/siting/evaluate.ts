import type { CostMatrix } from './cost_matrix';

/** How well a set of open facilities serves the demand of a cost matrix. */
export interface SetEvaluation {
  /** Facility indices open (fixed and chosen), ascending. */
  open: number[];
  /** Demand weight with an open facility within `serviceCost` (all served weight without a standard). */
  coveredWeight: number;
  /** Demand weight with two different open facilities within `serviceCost` (0 without a standard). */
  doubleCoveredWeight: number;
  totalWeight: number;
  demandPoints: number;
  /** Demand points with no open facility within `serviceCost` (without a standard: with no open facility reachable at all). */
  uncoveredDemandPoints: number;
  /** Weighted mean cost from each served demand point to its nearest open facility. */
  meanCost: number;
  /** The worst nearest-facility cost over served demand points (-Infinity when none is served). */
  maxCost: number;
  /** Weight with no open facility reachable at all. */
  unservedWeight: number;
}

/** Evaluates an open set on the original (not aggregated) matrix, so every model reports the same figures. */
export function evaluateSet(m: CostMatrix, open: readonly number[], serviceCost?: number): SetEvaluation {
  const isOpen = new Uint8Array(m.facilityIds.length);
  for (const i of open) isOpen[i] = 1;
  for (let i = 0; i < isOpen.length; i++) if (m.fixed[i]) isOpen[i] = 1;
  const S = serviceCost ?? Infinity;
  let covered = 0;
  let doubled = 0;
  let total = 0;
  let uncovered = 0;
  let sumWC = 0;
  let sumW = 0;
  let worst = -Infinity;
  let unserved = 0;
  for (let j = 0; j < m.demandIds.length; j++) {
    const w = m.weight[j];
    total += w;
    let best = Infinity;
    let within = 0;
    for (let e = m.start[j]; e < m.start[j + 1]; e++) {
      if (!isOpen[m.facility[e]]) continue;
      const c = m.cost[e];
      if (c < best) best = c;
      if (c <= S) within++;
    }
    if (best === Infinity) unserved += w;
    else {
      sumWC += w * best;
      sumW += w;
      if (best > worst) worst = best;
    }
    if (within >= 1) covered += w;
    else uncovered++;
    if (within >= 2 && serviceCost !== undefined) doubled += w;
  }
  const openList: number[] = [];
  for (let i = 0; i < isOpen.length; i++) if (isOpen[i]) openList.push(i);
  return {
    open: openList,
    coveredWeight: covered,
    doubleCoveredWeight: doubled,
    totalWeight: total,
    demandPoints: m.demandIds.length,
    uncoveredDemandPoints: uncovered,
    meanCost: sumW > 0 ? sumWC / sumW : NaN,
    maxCost: worst,
    unservedWeight: unserved,
  };
}
