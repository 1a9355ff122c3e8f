import { cellAreaKm2 } from '../surface/land_grid';
import type { CoverageAnalysis } from './analysis';

/** The headline figures of one station set. Shares are fractions 0..1; times seconds from dispatch. */
export interface CoverageFigures {
  responseS: number;
  responseClause: string;
  stationCount: number;
  /** Road that may be driven, and the part reached within the standard (cut exactly at the budget), metres. */
  roadLengthM: number;
  roadReachedM: number;
  roadShare: number;
  /** Land of reference: the study area, or (without one) land within the access distance of a road. */
  landBasis: 'study-area' | 'road-access';
  landKm2: number;
  landCoveredKm2: number;
  landShare: number;
  /** Demand (null without demand data). */
  demandTotal: number | null;
  demandCovered: number | null;
  demandShare: number | null;
  /** 90th-percentile first arrival, weighted by demand (by land without demand); null when beyond reach. */
  arrivalP90S: number | null;
  p90Basis: 'demand' | 'land';
  /** The preset's fractile (NFPA 1710: 0.9; China: 1 = the whole district to its edge), the arrival at that fractile, and whether it meets the standard. */
  fractile: number;
  fractileArrivalS: number | null;
  fractileMet: boolean;
  fractileClause: string;
  /** Land / demand actually reached by two different stations within the standard. */
  secondDueLandKm2: number;
  secondDueLandShare: number;
  secondDueDemand: number | null;
  secondDueDemandShare: number | null;
  lateAreaKm2: number;
  unreachableAreaKm2: number;
  districtCount: number;
  districtsOverCap: number;
  districtsLate: number;
  districtsCrossingBarriers: number;
  districtsMarginalised: number;
  /** Stations the land needs at the ordinary cap: ⌈land km² / districtAreaKm2⌉ (GB 51080-2015 §4.1.3-2). */
  requiredStations: number;
  requiredStationsCapKm2: number;
  requiredStationsClause: string;
  /** Stations of the set that have a district (logistics and micro stations have none). */
  stationsWithDistrict: number;
}

export function coverageFigures(a: CoverageAnalysis): CoverageFigures {
  const ctx = a.context;
  const { land, demand, preset, grid } = ctx;
  const R = a.responseS;
  const unit = cellAreaKm2(grid);
  let covered = 0;
  let second = 0;
  let demCovered = 0;
  let demSecond = 0;
  for (let k = 0; k < land.length; k++) {
    if (!land[k]) continue;
    if (a.firstS[k] <= R) {
      covered++;
      if (demand) demCovered += demand[k];
    }
    if (a.secondS[k] <= R) {
      second++;
      if (demand) demSecond += demand[k];
    }
  }
  const useDemand = demand !== null && ctx.demandTotal > 0;
  const fr = preset.fractile.value;
  const [p90, pf] = weightedQuantiles(a, useDemand, [0.9, fr]);
  const cap = preset.districtAreaKm2.value;
  const d = a.districts;
  return {
    responseS: R,
    responseClause: preset.responseS.clause,
    stationCount: a.stations.length,
    roadLengthM: ctx.roadLengthM,
    roadReachedM: a.reachedRoadM,
    roadShare: ctx.roadLengthM > 0 ? a.reachedRoadM / ctx.roadLengthM : 0,
    landBasis: ctx.scenario.studyArea ? 'study-area' : 'road-access',
    landKm2: ctx.landAreaKm2,
    landCoveredKm2: covered * unit,
    landShare: ctx.landCellCount > 0 ? covered / ctx.landCellCount : 0,
    demandTotal: demand ? ctx.demandTotal : null,
    demandCovered: demand ? demCovered : null,
    demandShare: useDemand ? demCovered / ctx.demandTotal : null,
    arrivalP90S: p90,
    p90Basis: useDemand ? 'demand' : 'land',
    fractile: fr,
    fractileArrivalS: pf,
    fractileMet: pf !== null && pf <= R,
    fractileClause: preset.fractile.clause,
    secondDueLandKm2: second * unit,
    secondDueLandShare: ctx.landCellCount > 0 ? second / ctx.landCellCount : 0,
    secondDueDemand: demand ? demSecond : null,
    secondDueDemandShare: useDemand ? demSecond / ctx.demandTotal : null,
    lateAreaKm2: a.gaps.lateAreaKm2,
    unreachableAreaKm2: a.gaps.unreachableAreaKm2,
    districtCount: d.length,
    districtsOverCap: d.filter((x) => x.overCap).length,
    districtsLate: d.filter((x) => !x.edgeWithinStandard).length,
    districtsCrossingBarriers: d.filter((x) => x.crossings.length > 0).length,
    districtsMarginalised: d.filter((x) => x.marginalised).length,
    requiredStations: Math.ceil(ctx.landAreaKm2 / cap - 1e-9),
    requiredStationsCapKm2: cap,
    requiredStationsClause: preset.districtAreaKm2.clause,
    stationsWithDistrict: a.stations.filter((s) => s.capKm2 !== null).length,
  };
}

/**
 * Weighted quantiles of the first arrival over land cells (weight = demand, or 1 per cell): for each p,
 * the smallest arrival t such that the weight arriving by t is at least p of the total (NFPA 1710
 * fractile). Null where that takes unreached land (Infinity) or there is no weight.
 */
function weightedQuantiles(a: CoverageAnalysis, byDemand: boolean, ps: number[]): (number | null)[] {
  const { land, demand } = a.context;
  let n = 0;
  for (let k = 0; k < land.length; k++) if (land[k] && (byDemand ? demand![k] > 0 : true)) n++;
  const times = new Float32Array(n);
  const weights = new Float64Array(n);
  let total = 0;
  for (let k = 0, i = 0; k < land.length; k++) {
    if (!land[k]) continue;
    const w = byDemand ? demand![k] : 1;
    if (!(w > 0)) continue;
    times[i] = a.firstS[k];
    weights[i++] = w;
    total += w;
  }
  if (!(total > 0)) return ps.map(() => null);
  if (!byDemand) {
    // equal weights: the ⌈p·n⌉-th smallest arrival
    const sorted = times.slice().sort();
    return ps.map((p) => {
      const t = sorted[Math.max(0, Math.ceil(p * sorted.length - 1e-9) - 1)];
      return t < Infinity ? t : null;
    });
  }
  // cells in order of arrival, ties in cell order: a non-negative float32 orders like its bit pattern
  const order = stableOrderByBits(new Uint32Array(times.buffer));
  return ps.map((p) => {
    const need = p * total * (1 - 1e-12);
    let acc = 0;
    for (let q = 0; q < n; q++) {
      const i = order[q];
      acc += weights[i];
      if (acc >= need) return times[i] < Infinity ? times[i] : null;
    }
    return null;
  });
}

/**
 * Indices 0…n−1 ordered by `keys` ascending, equal keys in index order: a least-significant-digit radix
 * sort in two 16-bit passes (each pass stable), linear in n. A live candidate move recomputes the
 * figures of ~10⁵ land cells; a comparison sort of them took most of the figures' time.
 */
export function stableOrderByBits(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let src = new Uint32Array(n);
  let dst = new Uint32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  const start = new Uint32Array(65536);
  for (const shift of [0, 16]) {
    start.fill(0);
    for (let i = 0; i < n; i++) start[(keys[i] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = start[d];
      start[d] = sum;
      sum += c;
    }
    for (let q = 0; q < n; q++) {
      const i = src[q];
      dst[start[(keys[i] >>> shift) & 0xffff]++] = i;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}
