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
export { linkDistricts, stationLinkDistricts, type LinkDistricts, type DistrictSource } from './water_districts';
export { waterLayers } from './water_layers';
export type {
  WaterLayers,
  HydrantFeatureProperties,
  HydrantGapProperties,
  UnprotectedProperties,
  UnprotectedRoadProperties,
  UnprotectedLandProperties,
  ProposedHydrantProperties,
  WideRoadGapProperties,
  RequiredPlaceProperties,
  IntakeReachProperties,
  IntakeSourceProperties,
  IntakeReachRoadProperties,
  IntakeProposedProperties,
  IntakeNoWaterProperties,
  WaterCraneGapProperties,
} from './water_layer_properties';
export {
  waterFigures,
  WATER_FIGURE_KEYS,
  type WaterFigures,
  type WaterFigure,
  type WaterFigureKey,
  type WaterUnit,
  type WaterMissingPlace,
  type WaterStationIntake,
  type WaterProposedIntake,
} from './water_figures';
