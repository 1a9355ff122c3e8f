import { analyzeCoverage, type CoverageAnalysis } from '../coverage/analysis';
import type { LoadedScenario, Station } from '../scenario/scenario_types';

/**
 * The coverage of a chosen station set through the same analysis `firecover analyze` runs (districts,
 * checks, gaps, figures). The one place siting meets the coverage analysis: when the pipeline's
 * `analyzeScenario` lands, this is the function to switch over.
 */
export function coverageOfSet(scenario: LoadedScenario, stations: readonly Station[]): CoverageAnalysis {
  return analyzeCoverage(scenario, stations);
}
