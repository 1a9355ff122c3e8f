import type { MipOptions, MipProblem, MipSolution, MipSolver, MipStatus } from './solver';

/**
 * The parts of a loaded `highs` module (highs-js: HiGHS compiled to WebAssembly) this adapter uses,
 * declared structurally so core does not import the package: the caller loads it (`await loadHighs()`
 * in Node, or with `locateFile` for the `.wasm` asset in a browser worker) and passes it in.
 */
export interface HighsModule {
  readonly infinity: number;
  readonly constants: {
    readonly objectiveSense: { readonly minimize: unknown; readonly maximize: unknown };
    readonly modelStatus: Readonly<Record<string, number>>;
  };
  createModel(data: unknown): HighsModel;
}

interface HighsModel {
  readonly options: { set(values: Record<string, unknown>): void };
  readonly info: { get(name: string): unknown };
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array };
  getRunTime(): number;
  dispose(): void;
}

/** A `MipSolver` over a loaded highs-js module. */
export function highsMipSolver(highs: HighsModule, name = 'HiGHS (highs-js, WebAssembly)'): MipSolver {
  const inf = highs.infinity;
  const clamp = (a: Float64Array): Float64Array => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const st = highs.constants.modelStatus;
  return {
    name,
    solve(p: MipProblem, options: MipOptions = {}): MipSolution {
      const numCols = p.colCost.length;
      const numRows = p.rowLower.length;
      const model = highs.createModel({
        numCols,
        numRows,
        sense: p.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
        colCost: p.colCost,
        colLower: clamp(p.colLower),
        colUpper: clamp(p.colUpper),
        rowLower: clamp(p.rowLower),
        rowUpper: clamp(p.rowUpper),
        matrix: { format: 'csr', numRows, numCols, starts: p.rowStart, indices: p.rowIndex, values: p.rowValue },
        integrality: Int32Array.from(p.integer),
      });
      try {
        const opts: Record<string, unknown> = { output_flag: false, mip_rel_gap: options.relativeGap ?? 0 };
        if (options.timeLimitS !== undefined) opts.time_limit = options.timeLimitS;
        model.options.set(opts);
        model.run();
        const code = model.getModelStatus();
        const hasMip = p.integer.some((v) => v === 1);
        const num = (key: string): number => {
          const v = model.info.get(key);
          return typeof v === 'number' ? v : NaN;
        };
        const primalOk = num('primal_solution_status') === 2;
        let status: MipStatus;
        if (code === st.optimal) status = 'optimal';
        else if (code === st.timeLimit || code === st.interrupted || code === st.solutionLimit || code === st.iterationLimit) status = 'time_limit';
        else if (code === st.infeasible) status = 'infeasible';
        else if (code === st.unbounded || code === st.unboundedOrInfeasible) status = 'unbounded';
        else status = 'error';
        const x = primalOk || status === 'optimal' ? model.getSolution().colValue.slice() : null;
        const objective = x ? model.getObjectiveValue() : NaN;
        const bound = hasMip ? num('mip_dual_bound') : objective;
        let gap = x ? (hasMip ? num('mip_gap') : 0) : Infinity;
        if (status === 'optimal' && !(gap > 0)) gap = 0;
        return { status, x, objective, bound, gap: Number.isFinite(gap) || gap === Infinity ? gap : Infinity, timeS: model.getRunTime() };
      } finally {
        model.dispose();
      }
    },
  };
}
