export { analyzeScenario, type ScenarioAnalysis, type ScenarioAnalysisOptions, type ScenarioLayers } from './analyze_scenario';
export { parseStationSet, stationsOfSet, type StationSetChoice } from './station_set';
