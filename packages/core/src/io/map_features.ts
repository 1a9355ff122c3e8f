import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * Map features the analyses need besides roads, as GeoJSON (WGS84 lon/lat). Read from OSM by the
 * OSM importer, or from user GeoJSON files named in a scenario.
 */

/** A fire station (消防救援站). From OSM: `amenity=fire_station`, node or building reduced to one point. */
export interface StationProps {
  id: string;
  name: string;
  /** OSM objects merged into this site, e.g. ["node/123", "way/456"]. */
  osmIds?: string[];
}

/** A municipal hydrant (市政消火栓). From OSM: `emergency=fire_hydrant`. */
export interface HydrantProps {
  id: string;
  /** `ref` tag or the user's own id. */
  ref?: string;
  /** `fire_hydrant:type`: pillar / underground / wall / pipe … */
  type?: string;
  /** `fire_hydrant:diameter`, millimetres. */
  diameterMm?: number;
  /** `fire_hydrant:position`: lane / sidewalk / parking_lot / green … */
  position?: string;
  /** working / damaged / low_pressure / unknown (from `operational_status`, `disused`, or user data). */
  status: 'working' | 'damaged' | 'low_pressure' | 'unknown';
}

/** Kinds of water source other than hydrants (消防水源): suction points, fire ponds, tanks, docks, cranes, water bodies, rivers. */
export type WaterSourceKind = 'suction_point' | 'fire_water_pond' | 'water_tank' | 'intake_dock' | 'water_crane' | 'water_body' | 'river';

/** A water source other than a hydrant: intake point, fire pool, tank, water crane, water body, river. */
export interface WaterSourceProps {
  id: string;
  kind: WaterSourceKind;
  /**
   * working / damaged / low_pressure / unknown when the data says (a status table or a `status` / 状态 column);
   * a damaged source is not used as a water crane or an intake point. Absent: not recorded (usable).
   */
  status?: 'working' | 'damaged' | 'low_pressure' | 'unknown';
  name?: string;
  /** Chinese name (GeoJSON `nameZh`, OSM `name:zh`). */
  nameZh?: string;
}

/** Barriers that station districts must not cross (GB 51080-2015 §4.1.3-4). */
export interface BarrierProps {
  id: string;
  kind: 'expressway' | 'railway' | 'river';
  name?: string;
  /** Chinese name (GeoJSON `nameZh`, OSM `name:zh`). */
  nameZh?: string;
}

/** The map layers that come with a network or scenario: stations, hydrants, water sources, barriers (GeoJSON, WGS84). */
export interface MapFeatures {
  stations: FeatureCollection<Point, StationProps>;
  hydrants: FeatureCollection<Point, HydrantProps>;
  waterSources: FeatureCollection<Point | LineString | Polygon | MultiPolygon, WaterSourceProps>;
  barriers: FeatureCollection<LineString | MultiLineString | Polygon | MultiPolygon, BarrierProps>;
}

/** Map features with every layer empty (for networks that come without them). */
export function emptyMapFeatures(): MapFeatures {
  return {
    stations: { type: 'FeatureCollection', features: [] },
    hydrants: { type: 'FeatureCollection', features: [] },
    waterSources: { type: 'FeatureCollection', features: [] },
    barriers: { type: 'FeatureCollection', features: [] },
  };
}

export type { Feature };
