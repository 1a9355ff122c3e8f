// The public API of @firecover/core: every name a user of the library needs, chosen one by one. Anything
// not listed here is internal and may change without notice. Test helpers live in `@firecover/core/testing`.
// The list is pinned by src/public_api.test.ts (names) and src/public_api_types.ts (signatures): change
// both deliberately when the API changes.

// ---- errors ------------------------------------------------------------------------------------------
/** Every mistake in the user's input: names the file (and line or feature), in English and Chinese. */
export { InputError, isInputError, type InputErrorPlace } from './input_error';

// ---- the road network --------------------------------------------------------------------------------
/** The routable graph (CSR typed arrays), its builder, a copy with new link costs, its bounding box, its memory. */
export { type RoadNetwork, RoadNetworkBuilder, type LinkInput, withLinkCosts, networkBbox, graphBytes } from './network/road_network';
/** Road classes (OSM `highway` names, Chinese 快速路/主干路/次干路/支路) and the per-link flags. */
export { ROAD_CLASSES, type RoadClass, roadClassCode, roadClassName, CHINESE_ROAD_CLASSES, LinkFlag } from './network/road_class';
/** Geodesic lengths in metres. */
export { polylineLengthM, distanceM } from './network/geodesy';
/** Points and pieces along a link's geometry, by metres from its source node. */
export { linkCumulativeM, pointOnLink, linkSlice } from './network/link_geometry';
/** What a network holds (counts, lengths by class, islands, extent), as `firecover info` reports it. */
export { networkStatistics, type NetworkStatistics, type ClassStatistics } from './network/statistics';
/** An input error for a network with no link that can be travelled in either direction. */
export { requireTravellableNetwork } from './network/travellable';
/** One notion of a place on the network (link, offset, fraction), or a node; and the node a place sits on. */
export { type NetworkPlace, type NodeOrPlace, placeOnLink, placeEndNode, normalisePlace, AT_NODE_TOLERANCE_M } from './network/network_place';
/** The one access rule: links that can be driven, and links that give access to the land beside them (no motorways). */
export { travellable, travellableLink, landAccessLink } from './network/access';
/** The network with every direction of every open link travellable (pgRouting's `directed := false`). */
export { undirectedView } from './network/undirected_view';
/** Islands: strongly connected components, and the component of a node. */
export { stronglyConnectedComponents, islandOf, type Components } from './network/islands';

// ---- importers and exporters (bytes or text in, no file system) --------------------------------------
/** OpenStreetMap `.osm.pbf` / `.osm` XML → network + stations, hydrants, water sources, barriers. */
export { readOsm, detectOsmFormat, type OsmImport, type OsmImportOptions, type OsmImportReport } from './io/osm_import';
/** The OSM importer over a byte stream: a PBF decoded one blob at a time (memory bounded by the graph, not the file). */
export { readOsmStream } from './io/osm_import';
export { PBF_STREAM_CACHE_BYTES, type OsmPbfStreamOptions } from './io/osm_pbf';
/** The road classes imported by default, and the tag options of the OSM importer. */
export { DEFAULT_DRIVABLE_CLASSES, type OsmTagOptions } from './io/osm_tags';
/** Options for the map features taken from OSM (stations, hydrants, water, barriers). */
export { type OsmFeatureOptions } from './io/osm_features';
/** The map layers that come with a network, and their GeoJSON properties. */
export {
  emptyMapFeatures,
  type MapFeatures,
  type StationProps,
  type HydrantProps,
  type WaterSourceProps,
  type WaterSourceKind,
  type BarrierProps,
} from './io/map_features';
/** pgRouting edge tables (`id,source,target,cost,reverse_cost`), read and written. */
export { readEdgeTable, writeEdgeTable } from './io/edge_table';
/** Coordinate systems: EPSG codes (CGCS2000 and its Gauss–Krüger zones, Web Mercator, any proj4 knows), `.prj` WKT; reprojection to WGS84. */
export { type Crs, WGS84, resolveCrs, crsFromWkt, gaussKrugerZone, gaussKrugerEpsg } from './io/crs';
/** GCJ-02 (Amap, Tencent) and BD-09 (Baidu) from the published formulas, with iterated inverses (≤ 1 µm). */
export { wgs84ToGcj02, gcj02ToWgs84, gcj02ToBd09, bd09ToGcj02, wgs84ToBd09, bd09ToWgs84 } from './io/china_offsets';
/** Wrong-looking coordinates: a layer shifted by the GCJ-02 / BD-09 offset, and the likely zone of undeclared projected ones. */
export { detectChinaOffset, projectedCrsHint, type ChinaOffsetFinding } from './io/crs_detect';
/** One reader for every layer format (GeoJSON, Shapefile, CSV, Excel, KML) with its CRS decided and reported. */
export { readLayer, reproject, layerPath, layerFormat, applyStatusTable, type LayerRef, type LayerRefObject, type LayerFormat, type LayerImportReport, type CrsSource, type ReadLayerOptions } from './io/layer_source';
/** The per-layer import report as text lines, and the offset warning. */
export { importReportLines, offsetWarning, type InputWarning } from './io/import_report';
/** Shapefiles (`.shp` + `.shx`, `.dbf`, `.prj`, `.cpg`) from bytes, attribute encoding from `.cpg` or detected. */
export { readShapefile, type ShapefileParts, type ShapefileRead } from './io/shapefile';
/** The first (or a named) sheet of an Excel `.xlsx` as rows. */
export { readXlsxSheet, type SheetRows } from './io/xlsx';
/** Point inventories from tables with Chinese or English headers (经度/纬度, X坐标/Y坐标, 编号, 状态 …). */
export { pointTable, type PointTable } from './io/point_table';
/** UTF-8 (with or without a byte-order mark) or GB18030 text, detected. */
export { decodeTextAuto, type DecodedText, type EncodingSource } from './io/text_encoding';
/** KML points, lines and polygons in and out. */
export { readKml } from './io/kml';
export { writeKml } from './io/kml_write';
/** GeoJSON layers written as ESRI Shapefile sets (.shp, .shx, .dbf, .prj, .cpg; UTF-8 or GBK attributes). */
export { writeShapefile, shapefilePrj, WGS84_PRJ, type ShapefileEncoding, type ShapefileWriteOptions, type ShapefileSet, type ShapefileLayer } from './io/shapefile_write';
/** Road class, one-way and speed fields of a road layer (Shapefile or GeoJSON) mapped to the road network's. */
export { roadFields } from './io/road_fields';
/** Network files (`.fcnet`): an imported network as one versioned, checksummed buffer that loads without parsing. */
export { readNetworkFile, writeNetworkFile, isNetworkFile, NETWORK_FILE_VERSION, type NetworkFileContents, type NetworkFileSource } from './io/network_file';
/** CSV injection (OWASP): text a spreadsheet would run as a formula gets a leading `'`; and back. */
export { neutraliseFormula, restoreFormula } from './io/csv_formula';
/** JSON text parsed with an error that names the line and column, never quoting the file's content. */
export { parseJsonText } from './io/json_text';
/** GeoJSON road lines (OSM `highway` or Chinese road classes). */
export { readGeoJsonRoads, parseRoadsJson, type GeoJsonRoadsOptions } from './io/geojson_roads';
/** GeoJSON road lines read from the file's bytes in chunks, feature by feature into typed arrays: files of any size, past V8's 512 MiB string limit. */
export { readGeoJsonRoadsStream, type GeoJsonRoadsStreamOptions } from './io/geojson_roads_stream';
/** A GeoJSON document streamed feature by feature (a byte-level scanner; each feature parsed alone), with located errors. */
export { streamGeoJsonFeatures, readGeoJsonDocument, GEOJSON_MAX_VALUE_BYTES, type GeoJsonStreamOptions, type GeoJsonStreamResult } from './io/geojson_stream';
/** A file's bytes as they arrive (async or sync iterable of chunks, or a web ReadableStream): what the streaming readers take. */
export { chunksOf, chunksOfBuffer, type ByteChunks, type ReadableStreamLike } from './io/byte_chunks';

// ---- travel costs ------------------------------------------------------------------------------------
/** The fire-engine speed model: per-class speeds, maxspeed caps, congestion, per-road overrides. */
export { type SpeedModel, DEFAULT_SPEED_MODEL, speedModelWith, applySpeedModel } from './cost/speed_model';
/**
 * Time-of-day speed profiles (peak / off-peak / night factors per road class; defaults a local choice),
 * the network as driven at an hour, and hour lists as the CLI gives them ("0-23").
 */
export {
  type DayPeriod,
  type ClassFactors,
  type TimeOfDayProfile,
  type TimeOfDayOverrides,
  DEFAULT_TIME_OF_DAY,
  timeOfDayWith,
  speedFactor,
  networkAtHour,
  parseHours,
} from './cost/time_of_day';
/**
 * Turn restrictions as a (from link, via node, to link) table carried on the network, and the turn
 * model (restrictions and/or turn penalties) that makes every directed search on a network edge-based.
 */
export {
  type TurnRestrictionTable,
  type TurnRestriction,
  type TurnModel,
  type TurnPenalties,
  TurnKind,
  turnRestrictionTable,
  withTurnRestrictions,
  withTurnModel,
} from './network/turn_restrictions';
/** What the OSM import did with `type=restriction` relations (in `OsmImportReport.turnRestrictions`). */
export { type TurnRestrictionReport, type TurnRestrictionSkip } from './io/osm_restrictions';
/** Road closures (by OSM way, link or area): which links close, and the network with them closed. */
export { closeRoads, closeLinks, findClosedLinks, type RoadClosures, type ClosureReport } from './cost/closures';

// ---- snapping and geometry predicates ----------------------------------------------------------------
/** Nearest point on the nearest road (an R-tree over every segment), and the node a snap sits on. */
export { SnapIndex, snapEndNode, type Snap } from './spatial/snap_index';
/** Point in (multi)polygon, lon/lat. */
export { pointInPolygon } from './spatial/point_in_polygon';

// ---- searches ----------------------------------------------------------------------------------------
/** The bounded multi-source search with start offsets (turnout), and a reusable workspace for repeated runs. */
export { multiSourceSearch, SearchWorkspace, type SearchSource, type SearchOptions, type SearchResult, type TurnStates } from './search/multi_source_search';
/** Cost metric of a search: travel time (s) or length (m). */
export { type SearchMetric } from './search/arc_costs';
/** The road reached within the budget, cut exactly inside partly reached links. */
export { reachedPieces, reachedLengthM, type ReachedPiece } from './search/reached_pieces';
/** Forward (from the sources) or reverse (towards them) searches, and a search read at one place. */
export { type SearchDirection } from './search/multi_source_search';
export { costAtPlace, type PlaceCost } from './search/place_cost';
/** What `firecover reach` reports: the reached nodes in pgRouting's order, and stations on road islands. */
export { reachTable, stationsOnIslands, type ReachTable, type StationIsland } from './search/reach_table';
/** Routes as lines (cut exactly at snapped ends), and the due list of a point with unreachable stations filled in. */
export { routeLine, dueRanking, type DueRow } from './search/routes';
/** First, second, third due: the sources ranked by arrival at a point. */
export { rankSources, type SearchTarget, type RankedSource } from './search/point_query';

// ---- standards ---------------------------------------------------------------------------------------
/** Presets (GB 51080-2015 + 建标152-2017 + GB 50974-2014, NFPA 1710): every threshold with its clause. */
export {
  type Rule,
  type StandardsPreset,
  type PresetOverrides,
  type BarrierKind,
  type StationClass,
  CHINA_PRESET,
  NFPA1710_PRESET,
  PRESETS,
  STATION_CLASSES,
  STATION_CLASS_LABELS,
  STATION_CLASS_ALIASES,
  type StationStatus,
  STATION_STATUSES,
  STATION_STATUS_ALIASES,
  withOverrides,
  districtCapKm2,
} from './standards/preset';
/** The plans' main indicators (专栏 "主要指标") and their default targets, each with its source and binding or expected. */
export { PLAN_INDICATORS, PLAN_INDICATOR_TARGETS, type PlanIndicator } from './standards/preset';

// ---- scenarios ---------------------------------------------------------------------------------------
/** The scenario file's types, and the scenario loaded with its network and layers. */
export type { ScenarioFile, StationInput, AnalysisSettings, WaterSettings, Station, LoadedScenario, IndicatorSettings } from './scenario/scenario_types';
/** Validation against the published JSON Schema (precompiled), with problems named by field. */
export { validateScenario, scenarioProblems, stationProblems, SCENARIO_SCHEMA, FROM_NETWORK, type ScenarioProblem } from './scenario/validate_scenario';
/** Loading a scenario: the caller reads files (`readFile`), core parses and checks everything. */
export { loadScenario, DEFAULT_ANALYSIS, DEFAULT_WATER, type ReadScenarioFile, type OpenScenarioStream } from './scenario/load_scenario';
/** The stations in service in a given year (existing, or planned by then). */
export { stationsInService } from './scenario/stations';

// ---- coverage ----------------------------------------------------------------------------------------
/** Service areas, districts and their checks, coverage figures, gaps; adding a candidate station. */
export { analyzeCoverage, addStation, coverageLinkDistricts, type CoverageAnalysis, type StationCoverage } from './coverage/analysis';
/** Options of a coverage analysis, and which links give access to land (for snapping stations and points). */
export { type CoverageOptions } from './coverage/context';
export { type DistrictReport, type BarrierCrossing } from './coverage/districts';
export { type CoverageFigures } from './coverage/figures';
export { type GapZone, type GapReport } from './coverage/gaps';
/** Existing versus each planned year (or any station sets): the analyses and their differences. */
export { planStationSets, compareStationSets, type StationSet, type SetComparison, type SetChange, type ComparedSet } from './coverage/compare';
/** The coverage results as GeoJSON layers (`arrivalBandLayer`: only the arrival bands, what a map redraws after a move), and the typed properties of their features. */
export { coverageLayers, arrivalBandLayer, type CoverageLayerName } from './coverage/layers';
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
} from './coverage/layer_properties';
/** Coverage hour by hour with the time-of-day speeds (`analyze --hours`, summary.json `coverageByHour`). */
export { coverageByHour, type CoverageByHour, type HourCoverage } from './coverage/coverage_by_hour';
/** The coverage results as plain, rounded, bilingual figures (what `summary.json` and the report print). */
export {
  coverageSummary,
  comparisonSummary,
  type CoverageSummary,
  type ComparisonSummary,
  type FigureLine,
  type CheckLine,
  type DistrictSummary,
  type GapSummary,
} from './coverage/summary';

// ---- water (hydrants, water sources) -----------------------------------------------------------------
/** Hydrant spacing and protection along the road, wide roads, bridges and tunnels, per-district rates, fix plan, intakes. */
export {
  analyzeWater,
  DEFAULT_WATER_SETTINGS,
  type WaterAnalysis,
  type WaterInput,
  type WaterOptions,
  type WaterDistrictRow,
  type ProposedHydrant,
  type LandWater,
} from './water/analyze_water';
/** Hydrant statuses, and those counted as usable by default. */
export { DEFAULT_COUNTING_STATUSES, type HydrantStatus } from './water/hydrant_snap';
export { type SpacingGap } from './water/spacing';
export { type WideRoadGap } from './water/wide_roads';
export { type RequiredPlace } from './water/required_places';
export { type IntakeCandidate, type IntakeSource, type StationWater } from './water/intake';
/** Per-link districts: each road link goes to the station whose engine reaches its midpoint first, turnout counted. */
export { linkDistricts, type LinkDistricts, type DistrictSource } from './water/water_districts';
/** The water results as GeoJSON layers, and the typed properties of their features. */
export { waterLayers } from './water/water_layers';
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
} from './water/water_layer_properties';
/** The water results as typed figures (value, unit, clause; the CLI and the viewer format them). */
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
} from './water/water_figures';

// ---- the whole pipeline ------------------------------------------------------------------------------
/** The stations in service, or an input error naming every station left out and why (no station, no analysis). */
export { requireStationsInService } from './scenario/stations_required';
/** One call from a loaded scenario to every analysis: coverage → districts → water → existing versus planned. */
export { analyzeScenario, type ScenarioAnalysis, type ScenarioAnalysisOptions, type ScenarioLayers } from './pipeline/analyze_scenario';
/** The station set of a run: existing, planned, all, or a year (the `--stations` rule of the CLI and the viewer). */
export { parseStationSet, stationsOfSet, type StationSetChoice } from './pipeline/station_set';

// ---- risk and capability -----------------------------------------------------------------------------
/** Hazard classes, the capability each needs, vehicle profiles and the micro-station standard (the presets' risk rules). */
export {
  HAZARD_CLASSES,
  HAZARD_CLASS_LABELS,
  HAZARD_CLASS_ALIASES,
  LINEAR_HAZARD_CLASSES,
  DEFAULT_HAZARD_CLASS_RULES,
  DEFAULT_VEHICLE_PROFILES,
  DEFAULT_CAPABILITY_VEHICLE,
  type HazardClass,
  type HazardClassRule,
  type CapabilityNeed,
  type CapabilityVehicle,
  type VehicleProfile,
  type MicroMode,
} from './standards/risk_rules';
/** Risk and capability of a station set: first capable unit per hazard, figures per class, micro stations, townships; as summary and layers. */
export { analyzeRisk, riskSummary, riskLayers, type RiskAnalysis, type HazardClassFigures } from './risk/analyze_risk';
export { type HazardArrival, type HazardReason } from './risk/hazard_arrival';
export { type MicroAnalysis, type CommunityMicro, type MicroStationReach } from './risk/micro_reach';
export { type TownshipAnalysis, type TownshipFigures, FULL_TIME_CLASSES } from './risk/townships';
export { riskRules, type RiskRules, type ResolvedNeed } from './risk/risk_rules_of';
export type { RiskLayers, HazardSite, MicroStation, NamedArea } from './risk/risk_layers_input';
export type { RiskSettings } from './scenario/scenario_types';
/** Per-link vehicle limits (OSM maxweight / maxheight / maxwidth / hgv) and the network a vehicle may drive. */
export { networkForVehicle, vehicleLimitCounts, linksClosedToVehicle, type VehicleLimits, type VehicleSize } from './network/vehicle_limits';

// ---- station siting ----------------------------------------------------------------------------------
/** The siting models (LSCP, MCLP, backup, p-median, p-center) as exact integer programs over a cost matrix. */
export { solveSiting, SITING_MODELS, SitingSetupError, type SitingModel, type SitingOptions, type SitingResult } from './siting/models';
/** Any set of open facilities judged on a cost matrix: covered, backed-up and unreachable demand, mean and worst cost. */
export { evaluateSet, type SetEvaluation } from './siting/evaluate';
/** The solver is injected (core loads none): the problem it is given, its answer, and an adapter over HiGHS (WebAssembly). */
export { type MipProblem, type MipOptions, type MipSolution, type MipSolver, type MipStatus } from './siting/solver';
export { highsMipSolver, type HighsModule } from './siting/highs_solver';
/** Sparse facility × demand cost matrices: from pairs, a dense table or CSV tables; cut at a cost; the rows as written out. */
export { type CostMatrix, type CostEntry, costMatrixFromEntries, costMatrixFromDense, withinCost, costMatrixRows } from './siting/cost_matrix';
export { costMatrixFromTables, type MatrixColumns, type WeightColumns } from './siting/matrix_table';
/** Candidate sites, given or generated on main roads, with the GB 51080-2015 §4.1.5 siting checks. */
export { generateCandidates, candidatesFromGeoJson, checkCandidates, type SitingCandidate, type SitingCheck, type SitingRule, type SitingLayers } from './siting/candidates';
/** A scenario's siting problem on the network (arrivals as `analyze` computes them), solved with its curve and planned-versus-optimal table. */
export { networkCostMatrix, type NetworkSitingProblem, type SitingFacility, type DemandBasis } from './siting/network_matrix';
export { siteScenario, type SiteScenarioOptions, type ScenarioSiting, type FixedStations, type CurvePoint, type PlannedVersusOptimal } from './siting/site_scenario';
/** A GeoJSON text as a FeatureCollection, errors naming the file and feature (a bare Feature or geometry is wrapped). */
export { parseFeatureCollection } from './scenario/layers';
