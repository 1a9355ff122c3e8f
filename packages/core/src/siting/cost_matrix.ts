/**
 * A sparse facility–demand cost matrix, stored by demand point (CSR): the input of every siting model,
 * as spopt's `*.from_cost_matrix`. Pairs that are absent cannot be served (no route, or beyond the
 * search budget). Costs are in one unit throughout (seconds from dispatch for network times, metres
 * for the published distance fixtures).
 */
export interface CostMatrix {
  facilityIds: string[];
  demandIds: string[];
  /** Demand weight per demand point (population, area, 1 per point …). */
  weight: Float64Array;
  /** Demand j's pairs are entries `start[j] .. start[j+1]-1`, facilities ascending. */
  start: Uint32Array;
  facility: Int32Array;
  cost: Float64Array;
  /** 1 for a facility forced open (an existing station), 0 for a candidate. */
  fixed: Uint8Array;
}

/** One facility–demand pair by index. */
export interface CostEntry {
  facility: number;
  demand: number;
  cost: number;
}

/**
 * A cost matrix from pairs (any order; an infinite or NaN cost is dropped, a duplicate pair keeps the
 * lower cost). `fixed` lists facility indices forced open.
 */
export function costMatrixFromEntries(
  facilityIds: readonly string[],
  demandIds: readonly string[],
  weight: ArrayLike<number>,
  entries: Iterable<CostEntry>,
  fixed: Iterable<number> = [],
): CostMatrix {
  const nd = demandIds.length;
  if (weight.length !== nd) throw new RangeError(`${weight.length} weights for ${nd} demand points`);
  const byDemand: [number, number][][] = Array.from({ length: nd }, () => []);
  for (const e of entries) {
    if (!(e.cost < Infinity) || !(e.cost >= 0)) continue;
    if (!(e.facility >= 0 && e.facility < facilityIds.length)) throw new RangeError(`facility index ${e.facility} out of range`);
    if (!(e.demand >= 0 && e.demand < nd)) throw new RangeError(`demand index ${e.demand} out of range`);
    byDemand[e.demand].push([e.facility, e.cost]);
  }
  const start = new Uint32Array(nd + 1);
  const fac: number[] = [];
  const cost: number[] = [];
  for (let j = 0; j < nd; j++) {
    const list = byDemand[j].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let k = 0; k < list.length; k++) {
      if (k > 0 && list[k][0] === list[k - 1][0]) continue;
      fac.push(list[k][0]);
      cost.push(list[k][1]);
    }
    start[j + 1] = fac.length;
  }
  const fixedArr = new Uint8Array(facilityIds.length);
  for (const i of fixed) fixedArr[i] = 1;
  const w = Float64Array.from(weight);
  for (let j = 0; j < nd; j++) if (!(w[j] >= 0 && w[j] < Infinity)) throw new RangeError(`weight of demand ${demandIds[j]} must be a finite number ≥ 0, got ${w[j]}`);
  return { facilityIds: facilityIds.slice(), demandIds: demandIds.slice(), weight: w, start, facility: Int32Array.from(fac), cost: Float64Array.from(cost), fixed: fixedArr };
}

/** A cost matrix from a dense table `cost[facility][demand]` (Infinity = no route). */
export function costMatrixFromDense(
  facilityIds: readonly string[],
  demandIds: readonly string[],
  weight: ArrayLike<number>,
  cost: readonly (ArrayLike<number>)[],
  fixed: Iterable<number> = [],
): CostMatrix {
  const entries: CostEntry[] = [];
  for (let i = 0; i < cost.length; i++) for (let j = 0; j < cost[i].length; j++) entries.push({ facility: i, demand: j, cost: cost[i][j] });
  return costMatrixFromEntries(facilityIds, demandIds, weight, entries, fixed);
}

/** The same matrix with only the pairs of cost ≤ `maxCost` (the coverage matrix of a covering model). */
export function withinCost(m: CostMatrix, maxCost: number): CostMatrix {
  const nd = m.demandIds.length;
  let n = 0;
  for (let e = 0; e < m.cost.length; e++) if (m.cost[e] <= maxCost) n++;
  const start = new Uint32Array(nd + 1);
  const facility = new Int32Array(n);
  const cost = new Float64Array(n);
  let q = 0;
  for (let j = 0; j < nd; j++) {
    for (let e = m.start[j]; e < m.start[j + 1]; e++) {
      if (m.cost[e] <= maxCost) {
        facility[q] = m.facility[e];
        cost[q++] = m.cost[e];
      }
    }
    start[j + 1] = q;
  }
  return { ...m, start, facility, cost };
}

/** The same matrix with other facilities forced open. */
export function withFixed(m: CostMatrix, fixed: Iterable<number>): CostMatrix {
  const f = new Uint8Array(m.facilityIds.length);
  for (const i of fixed) f[i] = 1;
  return { ...m, fixed: f };
}

/** Every pair as rows `facility,demand,cost,weight,fixed` (the `--matrix-out` CSV body, no header). */
export function* costMatrixRows(m: CostMatrix): Generator<[string, string, number, number, 0 | 1]> {
  for (let j = 0; j < m.demandIds.length; j++) {
    for (let e = m.start[j]; e < m.start[j + 1]; e++) {
      const i = m.facility[e];
      yield [m.facilityIds[i], m.demandIds[j], m.cost[e], m.weight[j], m.fixed[i] === 1 ? 1 : 0];
    }
  }
}

/**
 * A cost matrix from parallel arrays of pairs, each pair at most once (no duplicate check: for
 * producers that guarantee it, such as one search per facility). A counting sort by demand keeps the
 * input order within a demand point, so pairs given facility by facility come out facilities ascending.
 */
export function costMatrixFromArrays(
  facilityIds: readonly string[],
  demandIds: readonly string[],
  weight: ArrayLike<number>,
  pairFacility: Int32Array,
  pairDemand: Int32Array,
  pairCost: ArrayLike<number>,
  fixed: Iterable<number> = [],
): CostMatrix {
  const nd = demandIds.length;
  const n = pairFacility.length;
  const start = new Uint32Array(nd + 1);
  for (let q = 0; q < n; q++) start[pairDemand[q] + 1]++;
  for (let j = 0; j < nd; j++) start[j + 1] += start[j];
  const fill = start.slice(0, nd);
  const facility = new Int32Array(n);
  const cost = new Float64Array(n);
  for (let q = 0; q < n; q++) {
    const at = fill[pairDemand[q]]++;
    facility[at] = pairFacility[q];
    cost[at] = pairCost[q];
  }
  const fixedArr = new Uint8Array(facilityIds.length);
  for (const i of fixed) fixedArr[i] = 1;
  return { facilityIds: facilityIds.slice(), demandIds: demandIds.slice(), weight: Float64Array.from(weight), start, facility, cost, fixed: fixedArr };
}
