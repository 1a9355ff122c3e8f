import type { FeatureCollection } from 'geojson';
import { InputError } from '../input_error';
import type { RoadNetwork } from '../network/road_network';
import { DEFAULT_SPEED_MODEL } from '../cost/speed_model';
import type { ByteChunks } from './byte_chunks';
import { WGS84, crsFromGeoJsonMember, resolveCrs, type Crs } from './crs';
import { firstProjectedPosition, projectedCoordinatesError } from './crs_detect';
import { RoadLineStore } from './geojson_road_lines';
import { addRoadFeature, type GeoJsonRoadsOptions } from './geojson_roads';
import { streamGeoJsonFeatures } from './geojson_stream';
import type { CrsSource, LayerImportReport } from './layer_source';
import { roadFields } from './road_fields';

/** Options of `readGeoJsonRoadsStream`: those of `readGeoJsonRoads`, plus how the layer is read. */
export interface GeoJsonRoadsStreamOptions extends GeoJsonRoadsOptions {
  /** The coordinate system when the file does not say (as a layer's `crs`); else its `crs` member, else WGS84. */
  crs?: string;
  /** Where an explicit `crs` came from (default "scenario"). */
  crsSource?: 'scenario' | 'command line';
  /** Road field names (see `roadFields`). */
  columns?: Readonly<Record<string, string>>;
  /** Longitude of the area, for naming the Gauss–Krüger zone of undeclared projected coordinates. */
  hintLonDeg?: number;
  /** Largest single feature in bytes (default 256 MiB). */
  maxFeatureBytes?: number;
  /** Called after each chunk with the bytes read so far (progress). */
  onBytes?: (bytesRead: number) => void;
}

/**
 * Roads from a GeoJSON file given as its bytes in chunks — for files of any size, also over V8's
 * 512 MiB string limit: features are parsed one at a time and go straight into typed arrays (no
 * object per feature kept), then noded as `readGeoJsonRoads` does. The same network as
 * `readLayer` + `roadFields` + `readGeoJsonRoads` on the whole text, with the same import report
 * (the CRS decided the same way: `crs`, else the file's `crs` member, else WGS84 with the
 * projected-coordinates check). The text must be UTF-8 (as RFC 7946 says GeoJSON is).
 */
export async function readGeoJsonRoadsStream(source: ByteChunks, fileName: string, options: GeoJsonRoadsStreamOptions = {}): Promise<{ network: RoadNetwork; report: LayerImportReport }> {
  const tol = options.toleranceM ?? 0.01;
  if (!(tol >= 0)) throw new RangeError(`toleranceM must be ≥ 0, got ${tol}`);
  const store = new RoadLineStore();
  const columns = options.columns ?? {};
  const one: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const add = (f: unknown, i: number): void => {
    if (f && typeof f === 'object' && !Array.isArray(f)) {
      one.features[0] = f as FeatureCollection['features'][number];
      roadFields(one, columns);
    }
    addRoadFeature(store, f, i, fileName);
  };
  const r = await streamGeoJsonFeatures(source, fileName, add, { maxValueBytes: options.maxFeatureBytes, label: 'invalid JSON', labelZh: 'JSON 格式错误', onBytes: options.onBytes });
  const m = r.members;
  let read = r.featureCount;
  if (!r.hasFeatures) {
    // Like readLayer: a lone Feature, or a bare geometry, is a collection of one.
    if (m.type === 'Feature') add(m, 0);
    else if (typeof m.type === 'string' && 'coordinates' in m) add({ type: 'Feature', geometry: m, properties: {} }, 0);
    else throw notCollection(fileName);
    read = 1;
  } else if (m.type !== 'FeatureCollection') throw notCollection(fileName);

  const file = fileName;
  const member = crsFromGeoJsonMember(m.crs, { file, feature: 'crs' });
  let crs: Crs;
  let crsSource: CrsSource;
  if (options.crs !== undefined) {
    crs = resolveCrs(options.crs, { file, feature: 'crs' });
    crsSource = options.crsSource ?? 'scenario';
  } else if (member) {
    crs = member;
    crsSource = 'GeoJSON crs';
  } else {
    crs = WGS84;
    crsSource = 'default';
    const bad = firstProjectedPosition(store.positions());
    if (bad) throw projectedCoordinatesError({ file }, bad, options.hintLonDeg);
  }
  if (!crs.identity) store.transform((x, y) => crs.toWgs84(x, y));
  const network = store.build(fileName, tol, options.speedModel ?? DEFAULT_SPEED_MODEL);
  return {
    network,
    report: { layer: 'network', file, format: 'geojson', read, kept: read, dropped: [], crs: crs.id, crsName: crs.name, crsSource, notes: [] },
  };
}

function notCollection(file: string): InputError {
  return new InputError({ file }, 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})', '不是 GeoJSON FeatureCollection（应为 {"type": "FeatureCollection", "features": [...]}）');
}
