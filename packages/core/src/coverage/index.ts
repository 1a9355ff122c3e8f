export { analyzeCoverage, addStation, combinedSearch, coverageLinkDistricts, type CoverageAnalysis, type StationCoverage } from './analysis';
export { coverageContext, snapStation, type CoverageContext, type CoverageOptions, type PreparedBarrier } from './context';
export { type DistrictReport, type BarrierCrossing } from './districts';
export { type CoverageFigures } from './figures';
export { type GapZone, type GapReport } from './gaps';
export { planStationSets, compareStationSets, type StationSet, type SetComparison, type SetChange, type ComparedSet } from './compare';
export { coverageLayers, type CoverageLayerName } from './layers';
export type {
  CoverageLayers,
  ServiceAreaProperties,
  ServiceAreaBandProperties,
  ServiceAreaStationProperties,
  ServiceAreaUnionProperties,
  DistrictFeatureProperties,
  GapFeatureProperties,
  ReachedNetworkProperties,
  StationFeatureProperties,
} from './layer_properties';
export {
  coverageSummary,
  comparisonSummary,
  type CoverageSummary,
  type ComparisonSummary,
  type FigureLine,
  type CheckLine,
  type DistrictSummary,
  type GapSummary,
} from './summary';
