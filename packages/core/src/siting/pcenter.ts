import type { DemandGroups } from './aggregate';
import { reduceCover } from './reduce';
import { MipBuilder, type MipSolver, type MipStatus } from './solver';

/** The outcome of the p-center search by a sequence of set-covering problems. */
export interface PCenterSearch {
  /** The worst assigned cost of the set found (NaN when no set was found). */
  radius: number;
  /** The largest radius proven too small, as a lower bound: the radius is optimal when the next distinct cost is the radius. */
  bound: number;
  optimal: boolean;
  status: MipStatus;
  /** Free facilities opened, ascending (exactly p unless fewer free ones exist). */
  selected: number[];
  /** Set-covering (LSCP feasibility) problems handed to the solver. */
  coverSolves: number;
  /** Seconds inside the solver over all steps. */
  solverS: number;
}

/**
 * p-center exactly by a sequence of set-covering problems. The optimal radius is one of the distinct
 * costs of the (cut) matrix, or the unserved cost when one is given (every point may then be left
 * unassigned at that cost). For a radius R: can at most p free facilities, the fixed ones open, cover
 * every group within R? That is monotone in R, so the smallest feasible R is found by binary search
 * over the sorted distinct costs, each step an LSCP (min Σ x, Σ x ≤ p, each uncovered row ≥ 1) after
 * the identical-row merge and the dominance reduction of `reduceCover`. The search starts at the
 * largest of the groups' nearest costs (no set does better) and a step whose rows include one no
 * free facility can cover is infeasible without a solve.
 *
 * `groups` are the cost-mode groups (fixed facilities included in the rows). A step the solver stops
 * at the time limit without a set is taken as not feasible for the search but not proven: the radius
 * found is then feasible, the bound is the largest radius proven infeasible, and `optimal` is false.
 */
export function pCenterByCovering(
  groups: DemandGroups,
  fixed: Uint8Array,
  free: readonly number[],
  p: number,
  solver: MipSolver,
  options: { timeLimitS?: number; unservedCost?: number } = {},
): PCenterSearch {
  const U = options.unservedCost ?? Infinity;
  const started = Date.now();
  const remainingS = (): number | undefined => (options.timeLimitS === undefined ? undefined : Math.max(0.01, options.timeLimitS - (Date.now() - started) / 1000));
  // no set does better than every group's nearest facility of all (fixed and free)
  let lower = -Infinity;
  for (let k = 0; k < groups.count; k++) {
    let best = U;
    for (let e = groups.start[k]; e < groups.start[k + 1]; e++) if (groups.cost[e] < best) best = groups.cost[e];
    if (best > lower) lower = best;
  }
  if (groups.count === 0) lower = 0;
  const radii = Array.from(new Set(Array.from(groups.cost).filter((c) => c >= lower && c < U))).sort((a, b) => a - b);
  if (U < Infinity) radii.push(U);

  let coverSolves = 0;
  let solverS = 0;
  let unproven = false;
  // feasibility of radius R: the chosen free facilities, or null (infeasible or not proven: `unproven` set)
  const feasible = (R: number): number[] | null => {
    if (R >= U) return [];
    const start: number[] = [0];
    const fac: number[] = [];
    const weight: number[] = [];
    for (let k = 0; k < groups.count; k++) {
      const row: number[] = [];
      let byFixed = false;
      for (let e = groups.start[k]; e < groups.start[k + 1]; e++) {
        if (groups.cost[e] > R) continue;
        if (fixed[groups.facility[e]]) byFixed = true;
        else row.push(groups.facility[e]);
      }
      if (byFixed) continue;
      if (row.length === 0) return null; // nothing covers this group within R
      fac.push(...row);
      start.push(fac.length);
      weight.push(groups.weight[k]);
    }
    if (weight.length === 0) return [];
    if (p === 0) return null;
    const cover: DemandGroups = {
      groupOf: new Int32Array(0),
      weight: Float64Array.from(weight),
      start: Uint32Array.from(start),
      facility: Int32Array.from(fac),
      cost: new Float64Array(fac.length),
      fixedCount: new Uint8Array(weight.length),
      members: new Uint32Array(weight.length),
      count: weight.length,
    };
    const red = reduceCover(cover, free);
    const b = new MipBuilder('minimize');
    const col = new Map<number, number>();
    for (const i of red.kept) col.set(i, b.column(1, 0, 1, true));
    const cols = red.kept.map((i) => col.get(i)!);
    b.row(cols, cols.map(() => 1), 0, p);
    for (const row of red.rows) {
      const rc = row.map((i) => col.get(i)!);
      b.row(rc, rc.map(() => 1), 1, Infinity);
    }
    coverSolves++;
    const sol = solver.solve(b.build(), { timeLimitS: remainingS() });
    solverS += sol.timeS;
    if (sol.x) {
      // Trust a set only once it is checked: a solver stopped at its time limit can hand back a column
      // vector that is not an integer-feasible cover (seen with HiGHS on a loaded machine). Such a step is
      // not proven either way.
      const chosen = red.kept.filter((_, q) => sol.x![cols[q]] > 0.5);
      const open = new Set(chosen);
      if (chosen.length <= p && red.rows.every((row) => row.some((i) => open.has(i)))) return chosen;
      unproven = true;
      return null;
    }
    if (sol.status !== 'infeasible') unproven = true;
    return null;
  };

  // binary search for the smallest feasible index; lo - 1 is the largest index proven (or taken as) infeasible
  let lo = 0;
  let hi = radii.length - 1;
  let best: number[] | null = null;
  let bestIdx = -1;
  let provenBelow = -1;
  if (radii.length > 0 && U === Infinity) {
    best = feasible(radii[hi]);
    bestIdx = best ? hi : -1;
    if (!best) hi = -1;
  } else if (radii.length > 0) {
    best = [];
    bestIdx = hi;
  }
  if (bestIdx >= 0) hi = bestIdx - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const before: boolean = unproven;
    const set = feasible(radii[mid]);
    if (set) {
      best = set;
      bestIdx = mid;
      hi = mid - 1;
    } else {
      if (unproven === before) provenBelow = Math.max(provenBelow, mid);
      lo = mid + 1;
    }
  }
  if (!best) {
    return { radius: NaN, bound: radii.length > 0 ? radii[provenBelow + 1] ?? NaN : NaN, optimal: false, status: unproven ? 'time_limit' : 'infeasible', selected: [], coverSolves, solverS };
  }
  // pad to exactly p new facilities (opening more never raises a worst cost), lowest indices first
  const chosen = new Set(best);
  for (const i of free) {
    if (chosen.size >= p) break;
    chosen.add(i);
  }
  const selected = [...chosen].sort((a, b) => a - b);
  // every radius below radii[provenBelow + 1] is proven infeasible: that radius is a lower bound
  const bound = radii[provenBelow + 1];
  const optimal = provenBelow + 1 === bestIdx;
  return { radius: radii[bestIdx], bound, optimal, status: optimal ? 'optimal' : 'time_limit', selected, coverSolves, solverS };
}
