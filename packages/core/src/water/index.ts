export {
  analyzeWater,
  DEFAULT_WATER_SETTINGS,
  WATER_CRANE_ROAD_CLASSES,
  type WaterAnalysis,
  type WaterInput,
  type WaterOptions,
  type WaterDistrictRow,
  type ProposedHydrant,
  type LandWater,
} from './analyze_water';
export { snapHydrants, normaliseHydrantStatus, DEFAULT_COUNTING_STATUSES, type SnappedHydrant, type HydrantStatus } from './hydrant_snap';
export { requiredOnStretch, greedyPositions, type SpacingGap } from './spacing';
export { type Chain, type ChainPart, type ChainEnd } from './chains';
export { type WideRoadGap } from './wide_roads';
export { type RequiredPlace } from './required_places';
export { INTAKE_KINDS, type IntakeSource, type IntakeCandidate, type StationWater } from './intake';
export { stationLinkDistricts, type LinkDistricts } from './water_districts';
export { waterLayers, type WaterLayers } from './water_layers';
export { waterSummary, waterTable } from './water_summary';
