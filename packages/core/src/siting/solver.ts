/**
 * The integer-programming solver the siting models are handed, as spopt's models are handed theirs:
 * core builds the problem, the caller brings a solver that runs where it runs (the CLI loads HiGHS
 * in Node; a browser worker loads the same WebAssembly build). Core imports no solver itself.
 */

/** A mixed-integer linear problem: optimise `colCost · x` subject to `rowLower ≤ A x ≤ rowUpper`, `colLower ≤ x ≤ colUpper`. */
export interface MipProblem {
  sense: 'minimize' | 'maximize';
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 where the column must take an integer value. */
  integer: Uint8Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** The constraint matrix by rows (CSR): row r holds columns `rowIndex[rowStart[r] .. rowStart[r+1]-1]`. */
  rowStart: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
}

/** Options passed to the injected solver (time limit in seconds, relative MIP gap). */
export interface MipOptions {
  /** Stop after this many seconds and return the best solution found (default: no limit). */
  timeLimitS?: number;
  /** Relative MIP gap at which the solver may stop and call the solution optimal (default 0: prove it). */
  relativeGap?: number;
}

/** How a solve ended: proven optimal, stopped at the time limit (best found so far), infeasible, unbounded, or failed. */
export type MipStatus = 'optimal' | 'time_limit' | 'infeasible' | 'unbounded' | 'error';

/** The solver's answer: status, variable values, objective, best bound and gap, time in seconds. */
export interface MipSolution {
  status: MipStatus;
  /** Column values, or null when no feasible solution was found. */
  x: Float64Array | null;
  /** Objective of `x` (NaN without a solution). */
  objective: number;
  /** The best proven bound on the objective (the dual bound). */
  bound: number;
  /** Relative gap between `objective` and `bound` (0 when proven optimal; Infinity without a solution). */
  gap: number;
  /** Solver run time, seconds. */
  timeS: number;
}

/** An injected integer-programming solver (core loads none; `highsMipSolver` adapts HiGHS). */
export interface MipSolver {
  /** Shown in reports, e.g. "HiGHS 1.15 (WebAssembly)". */
  readonly name: string;
  solve(problem: MipProblem, options?: MipOptions): MipSolution;
}

/** Builds a `MipProblem` column by column and row by row. */
export class MipBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly int: number[] = [];
  private readonly rLower: number[] = [];
  private readonly rUpper: number[] = [];
  private readonly start: number[] = [0];
  private readonly index: number[] = [];
  private readonly value: number[] = [];

  constructor(readonly sense: 'minimize' | 'maximize') {}

  get columnCount(): number {
    return this.cost.length;
  }

  /** Adds a column and returns its index. */
  column(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.int.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Changes a column's bounds. */
  bound(column: number, lower: number, upper: number): void {
    this.lower[column] = lower;
    this.upper[column] = upper;
  }

  /** Adds the row `lower ≤ Σ values[k]·x[columns[k]] ≤ upper`. */
  row(columns: readonly number[], values: readonly number[], lower: number, upper: number): void {
    for (let k = 0; k < columns.length; k++) {
      this.index.push(columns[k]);
      this.value.push(values[k]);
    }
    this.start.push(this.index.length);
    this.rLower.push(lower);
    this.rUpper.push(upper);
  }

  build(): MipProblem {
    return {
      sense: this.sense,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.int),
      rowLower: Float64Array.from(this.rLower),
      rowUpper: Float64Array.from(this.rUpper),
      rowStart: Int32Array.from(this.start),
      rowIndex: Int32Array.from(this.index),
      rowValue: Float64Array.from(this.value),
    };
  }
}
