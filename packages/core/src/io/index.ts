export * from './map_features';
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
export { readGeoJsonRoads, type GeoJsonRoadsOptions } from './geojson_roads';
export { readNetworkFile, writeNetworkFile, isNetworkFile, NETWORK_FILE_VERSION, type NetworkFileContents, type NetworkFileSource } from './network_file';
export { neutraliseFormula, restoreFormula } from './csv_formula';
export { parseJsonText } from './json_text';
