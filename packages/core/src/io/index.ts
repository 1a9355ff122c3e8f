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
export { readGeoJsonRoads, parseRoadsJson, type GeoJsonRoadsOptions } from './geojson_roads';
export { type Crs, WGS84, resolveCrs, crsFromWkt, crsFromGeoJsonMember, gaussKrugerZone, gaussKrugerEpsg } from './crs';
export { wgs84ToGcj02, gcj02ToWgs84, gcj02ToBd09, bd09ToGcj02, wgs84ToBd09, bd09ToWgs84 } from './china_offsets';
export { detectChinaOffset, projectedCrsHint, type ChinaOffsetFinding } from './crs_detect';
export { readLayer, reproject, layerPath, layerFormat, type LayerRef, type LayerRefObject, type LayerFormat, type LayerImportReport, type CrsSource, type ReadLayerOptions } from './layer_source';
export { readShapefile, type ShapefileParts, type ShapefileRead } from './shapefile';
export { readXlsxSheet, type SheetRows } from './xlsx';
export { pointTable, csvRows, statusTable, canonicalProperties, type PointTable, type StatusUpdate } from './point_table';
export { decodeTextAuto, encodingLabel, type DecodedText, type EncodingSource } from './text_encoding';
export { importReportLines, offsetWarning, type InputWarning } from './import_report';
export { roadFields } from './road_fields';
export { readKml } from './kml';
export { writeKml } from './kml_write';
export { writeShapefile, shapefilePrj, WGS84_PRJ, type ShapefileEncoding, type ShapefileWriteOptions, type ShapefileSet, type ShapefileLayer } from './shapefile_write';
export { applyStatusTable } from './layer_source';
export { readNetworkFile, writeNetworkFile, isNetworkFile, NETWORK_FILE_VERSION, type NetworkFileContents, type NetworkFileSource } from './network_file';
export { neutraliseFormula, restoreFormula } from './csv_formula';
export { parseJsonText } from './json_text';
