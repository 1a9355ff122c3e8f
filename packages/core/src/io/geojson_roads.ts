import type { FeatureCollection } from 'geojson';
import { InputError } from '../input_error';
import { CHINESE_ROAD_CLASSES, LinkFlag, UNKNOWN_CLASS, roadClassCode } from '../network/road_class';
import type { RoadNetwork } from '../network/road_network';
import { DEFAULT_SPEED_MODEL, type SpeedModel } from '../cost/speed_model';
import { RoadLineStore, type RoadLineAttributes } from './geojson_road_lines';
import { LANE_WIDTH_M, onewayDirection, parseMaxspeedKmh, parseWidthM } from './osm_tags';
import { parseJsonText } from './json_text';
import { propertiesVehicleLimits } from './osm_vehicle_limits';
import { briefName, briefText, briefValue } from './brief_value';

/** Options of `readGeoJsonRoads`: the junction tolerance and the speed model. */
export interface GeoJsonRoadsOptions {
  /**
   * Line vertices closer than this many metres are the same junction. Default 0.01 m; 0 = only exactly
   * equal coordinates.
   */
  toleranceM?: number;
  /** Speeds for the link costs. Default `DEFAULT_SPEED_MODEL`. */
  speedModel?: SpeedModel;
}

/** The property names read for the road class, in order of precedence. */
const CLASS_KEYS = ['highway', 'class', 'road_class', '等级'] as const;

/**
 * Roads from a GeoJSON FeatureCollection of LineString / MultiLineString features (WGS84 lon/lat), the
 * way planners often have them from a city GIS.
 *
 * Properties (all optional): OSM-style `highway`, or a Chinese urban road class in `class` / `road_class`
 * / `等级` (快速路 / 主干路 / 次干路 / 支路, see `CHINESE_ROAD_CLASSES`; OSM class names work there too),
 * `oneway` (yes / -1 / no / true / 1), `maxspeed` (km/h), `name`, `width` (m), `lanes`, `bridge`, `tunnel`,
 * `id` (kept as `linkWayId` when numeric, so `way:ID` speed overrides apply). Unknown classes → `unknown`.
 * Without `oneway`, `highway: motorway` / `motorway_link` and roundabouts are one-way as in OSM; Chinese
 * classes (city GIS centre lines) are two-way.
 *
 * Noding: lines are split into links wherever they share a vertex — an end or an interior one — with
 * another line or with themselves. Vertices within `toleranceM` (default 0.01 m) count as shared. Lines
 * that merely cross without a shared vertex stay unconnected (a bridge over a road). Link ids are
 * sequential from 1; link costs come from the speed model.
 *
 * Mistakes are `InputError`s naming the file and the feature index (0-based, as in `features[i]`).
 */
export function readGeoJsonRoads(text: string | FeatureCollection, fileName: string, options: GeoJsonRoadsOptions = {}): RoadNetwork {
  const tol = options.toleranceM ?? 0.01;
  if (!(tol >= 0)) throw new RangeError(`toleranceM must be ≥ 0, got ${tol}`);
  // A parsed collection comes from readLayer (Shapefile roads, or GeoJSON already brought to WGS84).
  const doc = typeof text === 'string' ? parseJsonText(text, fileName, 'invalid JSON', 'JSON 格式错误') : text;
  if (typeof doc !== 'object' || doc === null || (doc as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((doc as { features?: unknown }).features)) {
    throw new InputError({ file: fileName }, 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})', '不是 GeoJSON FeatureCollection（应为 {"type": "FeatureCollection", "features": [...]}）');
  }
  const features = (doc as { features: unknown[] }).features;
  const store = new RoadLineStore();
  features.forEach((f, i) => addRoadFeature(store, f, i, fileName));
  return store.build(fileName, tol, options.speedModel ?? DEFAULT_SPEED_MODEL);
}

/**
 * Checks one road feature (`features[index]`) and adds its lines and attributes to `store`: the
 * feature-by-feature half of `readGeoJsonRoads`, shared with the streaming reader.
 */
export function addRoadFeature(store: RoadLineStore, f: unknown, index: number, fileName: string): void {
  const where = { file: fileName, feature: `feature ${index}` };
  const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
  const type = g?.type;
  let parts: unknown[];
  if (type === 'LineString') parts = [g!.coordinates];
  else if (type === 'MultiLineString' && Array.isArray(g!.coordinates)) parts = g!.coordinates;
  else {
    throw new InputError(where, `geometry is ${g ? briefName(type) : 'missing'}, not a LineString or MultiLineString`, `几何类型为 ${g ? briefName(type) : '空'}，不是 LineString 或 MultiLineString`);
  }
  const flats: number[][] = [];
  for (const part of parts) {
    if (!Array.isArray(part)) throw new InputError(where, 'line coordinates are not an array', '线坐标不是数组');
    const flat: number[] = [];
    for (const p of part) {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        throw new InputError(where, `a coordinate is not [lon, lat] numbers: ${briefValue(p)}`, `坐标不是 [经度, 纬度] 数值：${briefValue(p)}`);
      }
      flat.push(p[0], p[1]);
    }
    if (flat.length < 4) throw new InputError(where, `a line needs at least 2 points, got ${flat.length / 2}`, `线至少需要 2 个点，实际 ${flat.length / 2} 个`);
    flats.push(flat);
  }
  const attr = store.addAttributes(attributesOf(f, fileName, index));
  for (const flat of flats) store.addLine(index, attr, flat);
}

/** JSON text parsed with an InputError naming the line and column of a syntax error (also for road layers read by readLayer). */
export function parseRoadsJson(text: string, file: string): unknown {
  return parseJsonText(text, file, 'invalid JSON', 'JSON 格式错误');
}
function attributesOf(feature: unknown, file: string, index: number): RoadLineAttributes {
  const f = feature as { id?: unknown; properties?: unknown };
  const raw = f.properties;
  const props: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const str = (k: string): string | undefined => {
    const v = props[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v === 'number' || typeof v === 'string') return String(v).trim();
    throw new InputError({ file, feature: `feature ${index}` }, `property "${briefText(k)}" must be a string, number or boolean`, `属性“${briefText(k)}”必须是字符串、数字或布尔值`);
  };
  let roadClass = UNKNOWN_CLASS;
  for (const k of CLASS_KEYS) {
    const v = str(k);
    if (v === undefined || v === '') continue;
    const code = roadClassCode(v) ?? roadClassCode(CHINESE_ROAD_CLASSES[v] ?? '');
    if (code !== undefined) {
      roadClass = code;
      break;
    }
  }
  const tags: Record<string, string> = {};
  for (const k of ['oneway', 'junction', 'highway']) {
    const v = str(k);
    if (v !== undefined) tags[k] = v;
  }
  const dir = onewayDirection(tags);
  let flags = dir === 1 ? LinkFlag.FORWARD : dir === -1 ? LinkFlag.BACKWARD : LinkFlag.FORWARD | LinkFlag.BACKWARD;
  const yes = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== 'no' && v !== 'false' && v !== '0';
  if (yes(str('bridge'))) flags |= LinkFlag.BRIDGE;
  if (yes(str('tunnel'))) flags |= LinkFlag.TUNNEL;
  if (tags.junction === 'roundabout') flags |= LinkFlag.ROUNDABOUT;
  const speed = parseMaxspeedKmh(str('maxspeed'));
  let widthM = parseWidthM(str('width'));
  if (Number.isNaN(widthM)) {
    const lanes = Number(str('lanes'));
    if (Number.isInteger(lanes) && lanes > 0) widthM = lanes * LANE_WIDTH_M;
  }
  const idRaw = props.id ?? f.id;
  const wayId = typeof idRaw === 'number' ? idRaw : typeof idRaw === 'string' && /^-?\d+$/.test(idRaw.trim()) ? Number(idRaw) : undefined;
  // maxweight / maxheight / maxwidth / hgv properties, read as OSM tags: an optional per-link section.
  const vehicle = propertiesVehicleLimits(props);
  return { flags, roadClass, wayId, maxspeedForwardKmh: speed, maxspeedBackwardKmh: speed, widthM, name: str('name') ?? '', nameZh: str('nameZh') ?? str('name:zh') ?? str('name_zh') ?? '', ...(vehicle ? { vehicle } : {}) };
}
