export type { ScenarioFile, IndicatorSettings, StationInput, AnalysisSettings, WaterSettings, Station, LoadedScenario } from './scenario_types';
export { validateScenario, scenarioProblems, stationProblems, SCENARIO_SCHEMA, FROM_NETWORK, type ScenarioProblem } from './validate_scenario';
export { stationClassOf, normaliseStation, stationsInService } from './stations';
export { loadScenario, analysisOf, waterOf, DEFAULT_ANALYSIS, DEFAULT_WATER, type ReadScenarioFile } from './load_scenario';
export { parseHydrants, parseWaterSources, parseBarriers, parseDemand, parseStudyArea, parseFeatureCollection } from './layers';
export { requireStationsInService } from './stations_required';
