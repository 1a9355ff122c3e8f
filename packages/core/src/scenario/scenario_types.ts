import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { RoadNetwork } from '../network/road_network';
import type { MapFeatures } from '../io/map_features';
import type { PlanIndicator, PresetOverrides, StandardsPreset, StationClass, StationStatus } from '../standards/preset';
import type { SpeedModel } from '../cost/speed_model';
import type { TimeOfDayOverrides, TimeOfDayProfile } from '../cost/time_of_day';
import type { LayerImportReport, LayerRef } from '../io/layer_source';
import type { InputWarning } from '../io/import_report';
import type { CapabilityNeed, CapabilityVehicle, HazardClass, VehicleProfile } from '../standards/risk_rules';
import type { RiskLayers } from '../risk/risk_layers_input';

/**
 * The scenario file (JSON): one analysis bound together. The CLI and the viewer read the same file.
 * Paths inside are relative to the scenario file. A published JSON Schema
 * (packages/core/schema/scenario.schema.json) validates it; validation errors name the bad field.
 *
 * Layers given as a file are GeoJSON, a Shapefile (.shp beside .dbf, .prj, .cpg), CSV or Excel (.xlsx)
 * points; each is a path or `{ path, crs, encoding, columns, sheet }` (see LayerRef: coordinates in
 * CGCS2000 Gauss–Krüger zones, GCJ-02, BD-09 … are brought to WGS84). "from-network" takes a layer
 * from the OSM network file.
 */
export interface ScenarioFile {
  $schema?: string;
  name: string;
  nameZh?: string;
  /** Free text shown in reports, e.g. "Synthetic sample city — not a real place". */
  description?: string;
  /** Exactly one network source. */
  network: { osm: string } | { geojson: LayerRef } | { shapefile: LayerRef } | { edges: string; nodes?: string };
  /** Speed model overrides (see SpeedModel): class speeds/caps in km/h, congestion factor, per-road speeds. */
  speedModel?: {
    classSpeedKmh?: Record<string, number>;
    classCapKmh?: Record<string, number>;
    congestionFactor?: number;
    roadSpeedKmh?: Record<string, number>;
  };
  /** Time-of-day speed profile for coverage by hour (see cost/time_of_day.ts); defaults are a local choice. */
  timeOfDay?: TimeOfDayOverrides;
  /** Turn rules for every search (restrictions read with the network, penalties in seconds); off when absent. */
  turns?: { restrictions?: boolean; leftS?: number; rightS?: number; uTurnS?: number; straightS?: number };
  /** Roads that cannot be used: link ids, OSM way ids, polygons (a GeoJSON file path). */
  closures?: { links?: number[]; ways?: number[]; polygons?: LayerRef };
  /** Standards preset id ("cn" default, "nfpa1710") and overrides by rule name, e.g. { "districtAreaKm2": 6 }. */
  standards?: string;
  overrides?: PresetOverrides;
  /** Stations inline, a GeoJSON file of points with StationInput properties, or "from-network" (OSM amenity=fire_station). */
  stations: StationInput[] | LayerRef;
  /** Hydrants: GeoJSON points (HydrantProps) or "from-network". */
  hydrants?: LayerRef;
  /** Status update table for the hydrants (CSV / Excel: 编号 id, 状态 status, 日期 date): statuses replaced by id, unknown ids reported. */
  hydrantStatus?: LayerRef;
  /** Water sources other than hydrants: GeoJSON (WaterSourceProps) or "from-network". */
  waterSources?: LayerRef;
  /** Water-source atlas (消防水源一张图): every water source in one layer with unified ids and a kind (hydrant / 消火栓 or a WaterSourceKind); instead of hydrants + waterSources. */
  waterAtlas?: LayerRef;
  /** Status update table for the atlas (CSV / Excel: 编号 id, 状态 status, 日期 date) by unified id; unknown ids reported. */
  waterStatus?: LayerRef;
  /** Barriers districts must not cross: GeoJSON (BarrierProps) or "from-network". */
  barriers?: LayerRef;
  /** Demand: GeoJSON points or polygons with a numeric weight property (default "population"). */
  demand?: LayerRef;
  demandProperty?: string;
  /** Study area (建成区, built-up area): GeoJSON polygon(s). */
  studyArea?: LayerRef;
  analysis?: AnalysisSettings;
  water?: WaterSettings;
  /** The plans' main indicators for the planning report: baseline, target, binding (约束性) by indicator name. */
  indicators?: IndicatorSettings;
  /** Risk and capability: hazard sites, micro fire stations, communities, townships, vehicle limits (docs/risk.md). */
  risk?: RiskSettings;
}

/** The scenario's risk block (all optional; defaults in the preset's risk rules). */
export interface RiskSettings {
  /** Hazard sites: points, polygons or lines (HazardInput properties: class, heightM, needs). */
  hazards?: LayerRef;
  /** Micro fire stations: points (`mode` foot / light_vehicle, default foot). */
  microStations?: LayerRef;
  /** Communities (社区): polygons or points. */
  communities?: LayerRef;
  /** Townships (乡镇): polygons. Default: the `indicators.townships` file when given. */
  townships?: LayerRef;
  /** Per hazard class: needed capability and response standard over the preset's. */
  classes?: Partial<Record<HazardClass, Partial<CapabilityNeed> & { responseS?: number }>>;
  /** Vehicle profiles by name over the preset's. */
  vehicleProfiles?: Record<string, Partial<Pick<VehicleProfile, 'weightT' | 'heightM' | 'widthM' | 'hgv'>>>;
  /** The vehicle profile each capability arrives in, over the preset's. */
  capabilityVehicle?: Partial<CapabilityVehicle>;
  /** Micro station standard over the preset's. */
  micro?: { responseS?: number; turnoutS?: number; footKmh?: number; lightVehicleKmh?: number };
  /** A line hazard's sample points join a road within this distance, metres (default 30). */
  lineSnapM?: number;
}

/** Per plan indicator (see PLAN_INDICATORS in standards/preset.ts): base-year value, target, binding; and staffing. */
export type IndicatorSettings = { [K in PlanIndicator]?: { baseline?: number; target?: number; binding?: boolean } } & {
  firefighters?: number;
  /** Township polygons (GeoJSON, `name` / `nameZh`), relative to the scenario file: the township coverage indicator. */
  townships?: string;
};

/** A fire station as written in a scenario or a stations GeoJSON file. */
export interface StationInput {
  id: string;
  name: string;
  nameZh?: string;
  lon: number;
  lat: number;
  /** A StationClass code or a Chinese class name (一级 / 二级 / 特勤 / 小型 / 战勤保障 / 乡镇一级 / 乡镇二级 / 专职 / 微型). */
  class: StationClass | string;
  /** A StationStatus code or a Chinese status name (现状 / 在建 / 规划 / 近期 / 远期 / 备选 …, see STATION_STATUS_ALIASES). */
  status: StationStatus | string;
  /** Year the station enters service (planned / under construction). */
  year?: number;
  /** Turnout seconds; default from the preset. */
  turnoutS?: number;
  /** Sits at the urban edge / in a new area with good roads (district cap 15 km²). */
  urbanEdge?: boolean;
  landAreaM2?: number;
  buildingAreaM2?: number;
  /** Tallest aerial ladder / platform, working height in metres (0 or absent: none). */
  aerialM?: number;
  /** Carries foam apparatus. */
  foam?: boolean;
  /** Largest water tanker, tonnes of water. */
  tankerT?: number;
  /** Carries rescue apparatus. */
  rescue?: boolean;
  /** Crew on duty, persons. */
  staffing?: number;
  /** Who runs a full-time brigade (专职): government or enterprise. */
  operator?: 'government' | 'enterprise';
}

/** The scenario's coverage settings (all optional; defaults in `DEFAULT_ANALYSIS`). */
export interface AnalysisSettings {
  /** Land is served through its nearest road within this distance, metres (default 150). */
  accessDistanceM?: number;
  /** Raster cell size, metres (default 25). */
  cellSizeM?: number;
  /** Arrival-time band limits, seconds (default [180, 240, 300]). */
  bandsS?: number[];
  /** Stations in service in this year (default: existing only; "all" plans are compared separately). */
  year?: number;
  /** Maximum distance from a station to its road, metres (default 250): farther is an error. */
  maxSnapDistanceM?: number;
}

/** The scenario's hydrant and water-source settings (all optional; defaults in `DEFAULT_WATER`). */
export interface WaterSettings {
  /** Road classes that need hydrants (default: municipal roads: primary…residential, living_street; not motorway, service). */
  hydrantRoadClasses?: string[];
  /** Hydrants farther than this from a road do not count, metres (default 30). */
  hydrantMaxSnapM?: number;
  /** Severe-cold city: check water-crane spacing (default false). */
  severeCold?: boolean;
  /** An intake point counts when a drivable road is within this distance, metres (default 50). */
  intakeMaxSnapM?: number;
  /** Land within this driving time of an intake point counts as supplied, seconds (default 300). */
  intakeTimeS?: number;
}

/** A station after loading: class normalised, snapped to the network. */
export interface Station extends Omit<StationInput, 'class' | 'status'> {
  class: StationClass;
  status: StationStatus;
  turnoutS: number;
}

/** A scenario with every file read and every layer parsed: the input of the analyses. */
export interface LoadedScenario {
  file: ScenarioFile;
  /** Where the scenario came from (for error messages and provenance). */
  fileName: string;
  network: RoadNetwork;
  speedModel: SpeedModel;
  /** The scenario's time-of-day profile (absent: `DEFAULT_TIME_OF_DAY` where one is needed). */
  timeOfDay?: TimeOfDayProfile;
  preset: StandardsPreset;
  stations: Station[];
  features: MapFeatures;
  demand: FeatureCollection<Point | Polygon | MultiPolygon, Record<string, unknown>> | null;
  studyArea: FeatureCollection<Polygon | MultiPolygon> | null;
  analysis: Required<AnalysisSettings>;
  water: Required<WaterSettings>;
  /** What each layer file gave: counts, drops, CRS and encoding (absent when built by hand). */
  imports?: LayerImportReport[];
  /** Warnings about the inputs (a layer that looks like GCJ-02 …), to show before any figure. */
  warnings?: InputWarning[];
  /** The risk layers (hazards, micro stations, communities, townships), parsed; absent without a `risk` block. */
  risk?: RiskLayers;
}
