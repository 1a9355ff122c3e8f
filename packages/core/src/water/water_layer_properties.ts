import type { FeatureCollection, LineString, MultiPolygon, Point } from 'geojson';
import type { WaterSourceKind } from '../io/map_features';
import type { ChainEnd } from './chains';
import type { HydrantStatus } from './hydrant_snap';

/**
 * The feature properties of `waterLayers(...)`, as written to the water `*.geojson` files and sent to the
 * viewer (snake_case names, lengths to 0.1 m, areas to 0.001 km²; null where a value is unknown).
 * `district` is the id of the coverage district the feature lies in (null: none). Fields are added,
 * never renamed.
 */

/** `hydrants`: every hydrant with its status and why it counts or not. */
export interface HydrantFeatureProperties {
  id: string;
  ref: string | null;
  status: HydrantStatus;
  /** counts | defective (damaged / low pressure) | off_road (too far from a road) | outside (study area). */
  compliance: 'counts' | 'defective' | 'off_road' | 'outside';
  type: string | null;
  diameter_mm: number | null;
  snap_m: number | null;
  road: string | null;
  roadZh: string | null;
  /** Side of a wide road relative to the link direction; null elsewhere. */
  side: 'left' | 'right' | null;
  district: string | null;
}

/** `hydrant_gaps`: a stretch of road farther than half the spacing from every hydrant. */
export interface HydrantGapProperties {
  gap: number;
  length_m: number;
  span_m: number | null;
  new_hydrants: number;
  start: ChainEnd;
  end: ChainEnd;
  road: string;
  roadZh: string | null;
  district: string | null;
  clause: string;
}

/** `unprotected`, kind "road": road beyond the hydrant protection radius. */
export interface UnprotectedRoadProperties {
  kind: 'road';
  length_m: number;
  road: string;
  roadZh: string | null;
  clause: string;
}

/** `unprotected`, kind "land": land beyond the protection radius (with the land figures). */
export interface UnprotectedLandProperties {
  kind: 'land';
  area_km2: number;
  clause: string;
}

/** Properties of an `unprotected` feature: a road piece or a land polygon beyond hydrant protection. */
export type UnprotectedProperties = UnprotectedRoadProperties | UnprotectedLandProperties;

/** `proposed_hydrants`: the fix plan, numbered from 1. */
export interface ProposedHydrantProperties {
  n: number;
  /** Spacing gap number it closes (null: a wide-road side). */
  gap: number | null;
  wide_gap: number | null;
  side: 'left' | 'right' | null;
  road: string | null;
  roadZh: string | null;
  district: string | null;
  offset_m: number;
}

/** `wide_road_gaps`: a wide road served on one side only (or neither). */
export interface WideRoadGapProperties {
  missing_side: 'left' | 'right' | 'both';
  length_m: number;
  road: string;
  roadZh: string | null;
  clause: string;
}

/** `required_places`: a bridge head or tunnel entrance and its nearest hydrant. */
export interface RequiredPlaceProperties {
  kind: 'bridge_head' | 'tunnel_entrance';
  run: number;
  name: string | null;
  nameZh: string | null;
  nearest_hydrant_m: number | null;
  ok: boolean;
  clause: string;
}

/** `intake_reach`, kind "source": an intake point or fire pool. */
export interface IntakeSourceProperties {
  kind: 'source';
  id: string;
  source_kind: WaterSourceKind;
  name: string | null;
  nameZh: string | null;
  reachable: boolean;
  snap_m: number | null;
}

/** `intake_reach`, kind "reach": road beyond hydrant protection that an engine loaded at an intake reaches in time. */
export interface IntakeReachRoadProperties {
  kind: 'reach';
  length_m: number;
  road: string;
  roadZh: string | null;
}

/** `intake_reach`, kind "proposed": a proposed new intake point. */
export interface IntakeProposedProperties {
  kind: 'proposed';
  n: number;
  water: string;
  waterZh: string | null;
  ranked_by: 'land' | 'road';
  gain_km2: number | null;
  gain_m: number;
}

/** `intake_reach`, kind "no_water": land with neither hydrant protection nor intake reach. */
export interface IntakeNoWaterProperties {
  kind: 'no_water';
  area_km2: number;
}

/** Properties of an `intake_reach` feature: a source, reached road, a proposed intake, or road with no water in reach. */
export type IntakeReachProperties = IntakeSourceProperties | IntakeReachRoadProperties | IntakeProposedProperties | IntakeNoWaterProperties;

/** `water_crane_gaps`: main road without a water crane within the spacing. */
export interface WaterCraneGapProperties {
  gap: number;
  length_m: number;
  span_m: number | null;
  road: string;
  roadZh: string | null;
  clause: string;
}

/** The layers of `waterLayers`; keys are the file names without `.geojson`. */
export interface WaterLayers {
  hydrants: FeatureCollection<Point, HydrantFeatureProperties>;
  hydrant_gaps: FeatureCollection<LineString, HydrantGapProperties>;
  unprotected: FeatureCollection<LineString | MultiPolygon, UnprotectedProperties>;
  proposed_hydrants: FeatureCollection<Point, ProposedHydrantProperties>;
  wide_road_gaps: FeatureCollection<LineString, WideRoadGapProperties>;
  required_places: FeatureCollection<Point, RequiredPlaceProperties>;
  intake_reach: FeatureCollection<Point | LineString | MultiPolygon, IntakeReachProperties>;
  /** Only where water cranes are checked (severe-cold cities). */
  water_crane_gaps?: FeatureCollection<LineString, WaterCraneGapProperties>;
}
