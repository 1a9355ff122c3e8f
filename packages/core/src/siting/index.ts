export { type MipProblem, type MipOptions, type MipSolution, type MipSolver, type MipStatus, MipBuilder } from './solver';
export { highsMipSolver, type HighsModule } from './highs_solver';
export { type CostMatrix, type CostEntry, costMatrixFromEntries, costMatrixFromDense, withinCost, withFixed, costMatrixRows } from './cost_matrix';
export { groupDemand, type DemandGroups } from './aggregate';
export { evaluateSet, type SetEvaluation } from './evaluate';
export { solveSiting, SITING_MODELS, SitingSetupError, type SitingModel, type SitingOptions, type SitingResult } from './models';
export { costMatrixFromTables, type MatrixColumns, type WeightColumns } from './matrix_table';
