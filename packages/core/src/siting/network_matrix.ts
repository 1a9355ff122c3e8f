import type { CoverageContext } from '../coverage/context';
import { multiSourceSearch } from '../search/multi_source_search';
import type { Snap } from '../spatial/snap_index';
import { cellAreaKm2 } from '../surface/land_grid';
import { sparseArrival } from '../surface/arrival_surface';
import type { Station } from '../scenario/scenario_types';
import { costMatrixFromArrays, type CostMatrix } from './cost_matrix';
import type { SitingCandidate } from './candidates';

/** A facility of a network siting problem: a scenario station (fixed or free) or a candidate site. */
export interface SitingFacility {
  id: string;
  name: string;
  lon: number;
  lat: number;
  snap: Snap;
  /** Seconds from dispatch before the engine rolls (the station's own, or the preset's for a candidate). */
  turnoutS: number;
  fixed: boolean;
  /** The scenario station this facility is, if any. */
  station: Station | null;
  /** The candidate this facility is, if any (for a free scenario station: its rule checks, origin `station`). */
  candidate: SitingCandidate | null;
}

/** What demand weighs: the scenario's demand layer (e.g. population), or land area. */
export type DemandBasis = 'demand' | 'area';

/** A scenario's siting problem on the road network: the cost matrix (arrival s, turnout included), facilities and demand cells. */
export interface NetworkSitingProblem {
  matrix: CostMatrix;
  facilities: SitingFacility[];
  /** Grid cell of each demand point (matrix demand index → cell). */
  demandCells: Int32Array;
  /** `demand`: the scenario's demand layer apportioned to cells; `area`: each land cell weighs its area, km². */
  basis: DemandBasis;
  /** The standard, seconds from dispatch (preset.responseS). */
  responseS: number;
  /** The largest arrival kept in the matrix, seconds. */
  budgetS: number;
}

/**
 * The cost matrix of a scenario: demand points are the land cells of the coverage context (weighted by
 * demand, or by area without a demand layer, or when asked); facility i reaches cell k at the arrival
 * time the coverage analysis computes (turnout + driving to the cell's nearest road point, the same
 * search and surface rules), kept when ≤ `budgetS`. Cells of zero weight are not demand points; land
 * cells no road serves are demand points without pairs (reported as unreachable).
 */
export function networkCostMatrix(ctx: CoverageContext, facilities: readonly SitingFacility[], options: { budgetS: number; basis?: DemandBasis }): NetworkSitingProblem {
  const basis: DemandBasis = options.basis ?? (ctx.demand ? 'demand' : 'area');
  const R = ctx.preset.responseS.value;
  const budgetS = options.budgetS;
  const cells = ctx.land.length;
  const cellKm2 = cellAreaKm2(ctx.grid);
  const demandOf = new Int32Array(cells).fill(-1);
  const demandCells: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < cells; k++) {
    if (!ctx.land[k]) continue;
    const w = basis === 'demand' ? (ctx.demand ? ctx.demand[k] : 0) : cellKm2;
    if (!(w > 0)) continue;
    demandOf[k] = demandCells.length;
    demandCells.push(k);
    weight.push(w);
  }
  // pairs facility by facility into growing typed arrays (a city's matrix has millions of pairs)
  let pf = new Int32Array(1 << 16);
  let pd = new Int32Array(1 << 16);
  let pc = new Float32Array(1 << 16);
  let n = 0;
  facilities.forEach((f, i) => {
    // One second beyond the budget so that a float32 arrival rounding onto the budget is kept, as the
    // coverage analysis (unbounded search, float32 surface, ≤ test) keeps it.
    const result = multiSourceSearch(ctx.net, [{ snap: f.snap, startCost: f.turnoutS }], { budget: budgetS + 1, workspace: ctx.workspace });
    const reached = sparseArrival(ctx.grid, ctx.linkCells, result);
    if (n + reached.cells.length > pf.length) {
      const size = Math.max(pf.length * 2, n + reached.cells.length);
      const grow = <T extends Int32Array | Float32Array>(a: T, b: T): T => {
        b.set(a.subarray(0, n));
        return b;
      };
      pf = grow(pf, new Int32Array(size));
      pd = grow(pd, new Int32Array(size));
      pc = grow(pc, new Float32Array(size));
    }
    for (let q = 0; q < reached.cells.length; q++) {
      const j = demandOf[reached.cells[q]];
      const c = reached.arrival[q];
      if (j >= 0 && c <= budgetS) {
        pf[n] = i;
        pd[n] = j;
        pc[n] = c;
        n++;
      }
    }
  });
  const matrix = costMatrixFromArrays(
    facilities.map((f) => f.id),
    demandCells.map((k) => `cell:${k}`),
    weight,
    pf.subarray(0, n),
    pd.subarray(0, n),
    pc.subarray(0, n),
    facilities.flatMap((f, i) => (f.fixed ? [i] : [])),
  );
  return { matrix, facilities: facilities.slice(), demandCells: Int32Array.from(demandCells), basis, responseS: R, budgetS };
}
