import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { StationClass } from '../standards/preset';
import type { Station } from '../scenario/scenario_types';
import type { GapZone } from './gaps';

/**
 * The feature properties of `coverageLayers(...)`, as written to the `*.geojson` files of
 * `firecover analyze --out` and sent to the viewer. Rounded as the layers round them (seconds 0.1,
 * km² 0.0001, metres 0.1); null where a value is not finite. Fields are added, never renamed.
 */

/** `service_areas`, kind "band": land whose first arrival (seconds from dispatch) is in (fromS, upToS]. */
export interface ServiceAreaBandProperties {
  kind: 'band';
  /** "≤ 3 min", "3–4 min", "> 5 min". */
  label: string;
  /** Lower limit, s; null for the first band (−∞). */
  fromS: number | null;
  /** Upper limit, s; null for the last band (+∞). */
  upToS: number | null;
  /** Land by cell count, km². */
  areaKm2: number | null;
  /** Area of the drawn polygon, km². */
  polygonAreaKm2: number | null;
  /** The band ends within the arrival standard. */
  withinStandard: boolean;
}

/** `service_areas`, kind "station": one station's land within the standard. */
export interface ServiceAreaStationProperties {
  kind: 'station';
  stationId: string;
  name: string;
  /** The standard, s from dispatch. */
  budgetS: number;
  turnoutS: number;
  areaKm2: number | null;
  polygonAreaKm2: number | null;
  reachedRoadKm: number | null;
}

/** `service_areas`, kind "all": the union of every station's land within the standard. */
export interface ServiceAreaUnionProperties {
  kind: 'all';
  budgetS: number;
  areaKm2: number | null;
  polygonAreaKm2: number | null;
  clause: string;
}

/** Properties of a `service_areas` feature: an arrival band, one station's area, or the union. */
export type ServiceAreaProperties = ServiceAreaBandProperties | ServiceAreaStationProperties | ServiceAreaUnionProperties;

/** `districts`: one station district with its checks and their clauses. */
export interface DistrictFeatureProperties {
  stationId: string;
  name: string;
  nameZh: string | null;
  class: StationClass;
  urbanEdge: boolean;
  areaKm2: number | null;
  polygonAreaKm2: number | null;
  capKm2: number;
  overCap: boolean;
  capClause: string;
  /** Latest first arrival in the district, s from dispatch. */
  latestArrivalS: number | null;
  responseS: number;
  edgeWithinStandard: boolean;
  lateAreaKm2: number | null;
  responseClause: string;
  /** "kind:name; …" of the barriers crossed, "" for none. */
  barriersCrossed: string;
  barriersCrossedZh: string;
  barrierClause: string;
  stationOffsetM: number | null;
  equivalentRadiusM: number | null;
  marginalised: boolean;
  marginalClause: string;
  demand: number | null;
}

/** `gaps`: a late or unreachable zone (rank within its kind, from 1). */
export interface GapFeatureProperties {
  rank: number;
  kind: GapZone['kind'];
  reason: GapZone['reason'];
  areaKm2: number | null;
  demand: number | null;
  minArrivalS: number | null;
  maxArrivalS: number | null;
  nearestStationId: string | null;
}

/** `reached_network`: a piece of road reached within the standard, by its first station. */
export interface ReachedNetworkProperties {
  /** The link's id in the source data (OSM way id, edge table id). */
  linkId: number;
  stationId: string;
  fromS: number | null;
  toS: number | null;
  lengthM: number | null;
}

/** `stations`: a station with its road snap and district figures. */
export interface StationFeatureProperties {
  id: string;
  name: string;
  nameZh: string | null;
  class: StationClass;
  status: Station['status'];
  year: number | null;
  turnoutS: number;
  snapDistanceM: number | null;
  serviceAreaKm2: number | null;
  reachedRoadKm: number | null;
  /** null: the station has no district (its class has none). */
  districtAreaKm2: number | null;
  capKm2: number | null;
  marginalised: boolean | null;
  island: boolean;
}

/** The layers of `coverageLayers`, each with its geometry and properties. */
export interface CoverageLayers {
  service_areas: FeatureCollection<Polygon | MultiPolygon, ServiceAreaProperties>;
  districts: FeatureCollection<Polygon | MultiPolygon, DistrictFeatureProperties>;
  gaps: FeatureCollection<Polygon | MultiPolygon, GapFeatureProperties>;
  reached_network: FeatureCollection<LineString, ReachedNetworkProperties>;
  stations: FeatureCollection<Point, StationFeatureProperties>;
}
