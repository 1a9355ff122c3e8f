export { type RoadNetwork, RoadNetworkBuilder, type LinkInput, withLinkCosts, linkCostS, graphBytes, geometryBytes, networkBbox } from './road_network';
export { ROAD_CLASSES, type RoadClass, roadClassCode, roadClassName, CHINESE_ROAD_CLASSES, LinkFlag } from './road_class';
export { type SpeedModel, DEFAULT_SPEED_MODEL, speedModelWith, applySpeedModel } from './speed_model';
export { polylineLengthM, distanceM, rulerAt } from './geodesy';
export { linkCumulativeM, pointOnLink, linkSlice } from './link_geometry';
export { pointInRing, pointInPolygon } from './point_in_polygon';
export * from './map_features';
export { SnapIndex, snapEndNode, type Snap } from './snap_index';
export { readOsm, detectOsmFormat, type OsmImport, type OsmImportOptions, type OsmImportReport } from './osm_import';
export { readOsmPbf } from './osm_pbf';
export { readOsmXml } from './osm_xml';
export { buildOsmGraph, countOneWayLinks, type OsmGraphReport } from './osm_graph';
export { extractOsmFeatures, hydrantStatus, parseDiameterMm, type OsmFeatureOptions, type StationMerge } from './osm_features';
export { type OsmData, type OsmWay, type OsmRelation, type OsmMember, type OsmTaggedNode } from './osm_data';
export {
  type OsmTags,
  type OsmTagOptions,
  type DropReason,
  type DrivableWay,
  DEFAULT_DRIVABLE_CLASSES,
  DEFAULT_ACCESS_DENIED,
  IMPLICIT_MAXSPEED_KMH,
  LANE_WIDTH_M,
  dropReason,
  drivableWay,
  onewayDirection,
  parseMaxspeedKmh,
  parseWidthM,
} from './osm_tags';
export { readEdgeTable, writeEdgeTable } from './edge_table';
export { closeRoads, closeLinks, findClosedLinks, type RoadClosures, type ClosureReport } from './closures';
export { readGeoJsonRoads, type GeoJsonRoadsOptions } from './geojson_roads';
