import type { CostMatrix } from './cost_matrix';

/**
 * Demand points merged into groups with the same row (the standard reduction before solving): for the
 * covering models two points covered by exactly the same facilities are one constraint with their
 * weights added; for the median models the costs must agree too. Points with no pair at all are left
 * out (they are reported as unreachable, never silently dropped) and so are points of weight 0.
 */
export interface DemandGroups {
  /** Group of each demand point, -1 for a point left out. */
  groupOf: Int32Array;
  /** Per group: total weight, and its row (facilities ascending, costs). */
  weight: Float64Array;
  start: Uint32Array;
  facility: Int32Array;
  cost: Float64Array;
  /** Points per group. */
  members: Uint32Array;
  count: number;
}

export function groupDemand(m: CostMatrix, byCost: boolean): DemandGroups {
  const nd = m.demandIds.length;
  const groupOf = new Int32Array(nd).fill(-1);
  const key = new Map<string, number>();
  const weight: number[] = [];
  const members: number[] = [];
  const start: number[] = [0];
  const fac: number[] = [];
  const cost: number[] = [];
  for (let j = 0; j < nd; j++) {
    const a = m.start[j];
    const b = m.start[j + 1];
    if (a === b || !(m.weight[j] > 0)) continue;
    let k = '';
    for (let e = a; e < b; e++) k += byCost ? `${m.facility[e]}:${m.cost[e]},` : `${m.facility[e]},`;
    let g = key.get(k);
    if (g === undefined) {
      g = weight.length;
      key.set(k, g);
      weight.push(0);
      members.push(0);
      for (let e = a; e < b; e++) {
        fac.push(m.facility[e]);
        cost.push(m.cost[e]);
      }
      start.push(fac.length);
    }
    weight[g] += m.weight[j];
    members[g]++;
    groupOf[j] = g;
  }
  return {
    groupOf,
    weight: Float64Array.from(weight),
    start: Uint32Array.from(start),
    facility: Int32Array.from(fac),
    cost: Float64Array.from(cost),
    members: Uint32Array.from(members),
    count: weight.length,
  };
}
