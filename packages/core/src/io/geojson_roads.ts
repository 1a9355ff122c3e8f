import type { FeatureCollection } from 'geojson';
import CheapRuler from 'cheap-ruler';
import { InputError } from '../input_error';
import { polylineLengthM } from '../network/geodesy';
import { CHINESE_ROAD_CLASSES, LinkFlag, UNKNOWN_CLASS, roadClassCode } from '../network/road_class';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { applySpeedModel, DEFAULT_SPEED_MODEL, type SpeedModel } from '../cost/speed_model';
import { LANE_WIDTH_M, onewayDirection, parseMaxspeedKmh, parseWidthM } from './osm_tags';
import { parseJsonText } from './json_text';
import { featureVehicleLimits } from './osm_vehicle_limits';
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

  // 1. lines with their feature index
  const lines: Array<{ feature: number; coords: number[] }> = [];
  features.forEach((f, i) => {
    const where = { file: fileName, feature: `feature ${i}` };
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const type = g?.type;
    let parts: unknown[];
    if (type === 'LineString') parts = [g!.coordinates];
    else if (type === 'MultiLineString' && Array.isArray(g!.coordinates)) parts = g!.coordinates;
    else {
      throw new InputError(where, `geometry is ${g ? briefName(type) : 'missing'}, not a LineString or MultiLineString`, `几何类型为 ${g ? briefName(type) : '空'}，不是 LineString 或 MultiLineString`);
    }
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
      lines.push({ feature: i, coords: flat });
    }
  });
  if (lines.length === 0) throw new InputError({ file: fileName }, 'no road lines: the network is empty', '没有道路线：路网为空');

  // 2. coordinate ranges (and the swapped-columns hint)
  let allSwapped = true;
  for (const ln of lines) {
    for (let k = 0; k < ln.coords.length && allSwapped; k += 2) {
      const lon = ln.coords[k];
      const lat = ln.coords[k + 1];
      if (!(Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90)) allSwapped = false;
    }
  }
  if (allSwapped) {
    throw new InputError(
      { file: fileName, feature: `feature ${lines[0].feature}` },
      `latitude ${lines[0].coords[1]} is out of range and every latitude is a valid longitude: coordinates look like [lat, lon]; GeoJSON wants [lon, lat]`,
      `纬度 ${lines[0].coords[1]} 超出范围，且所有纬度都像经度：坐标似乎是 [纬度, 经度]；GeoJSON 要求 [经度, 纬度]`,
    );
  }
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const ln of lines) {
    for (let k = 0; k < ln.coords.length; k += 2) {
      const lon = ln.coords[k];
      const lat = ln.coords[k + 1];
      if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
        throw new InputError(
          { file: fileName, feature: `feature ${ln.feature}` },
          `coordinates (${lon}, ${lat}) out of range: expected WGS84 longitude/latitude in degrees (reproject to EPSG:4326 first)`,
          `坐标 (${lon}, ${lat}) 超出范围：应为 WGS84 经纬度（请先转换到 EPSG:4326）`,
        );
      }
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }

  // 3. cluster vertices into junction candidates (grid hash in metres around the centre latitude)
  const ruler = new CheapRuler((minLat + maxLat) / 2, 'meters');
  const cell = Math.max(tol, 1e-9);
  const grid = new Map<string, number[]>();
  const repLon: number[] = [];
  const repLat: number[] = [];
  const uses: number[] = [];
  const clusterOf = (lon: number, lat: number): number => {
    if (tol === 0) {
      const key = `${lon},${lat}`;
      const hit = grid.get(key);
      if (hit) return hit[0];
      grid.set(key, [repLon.length]);
    } else {
      const x = lon * ruler.kx;
      const y = lat * ruler.ky;
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      let best = -1;
      let bestD = Infinity;
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const c of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            const d = Math.hypot((repLon[c] - lon) * ruler.kx, (repLat[c] - lat) * ruler.ky);
            if (d <= tol && (d < bestD || (d === bestD && c < best))) {
              best = c;
              bestD = d;
            }
          }
        }
      }
      if (best >= 0) return best;
      const key = `${cx},${cy}`;
      const list = grid.get(key);
      if (list) list.push(repLon.length);
      else grid.set(key, [repLon.length]);
    }
    repLon.push(lon);
    repLat.push(lat);
    uses.push(0);
    return repLon.length - 1;
  };
  const lineClusters: number[][] = [];
  for (const ln of lines) {
    const cl: number[] = [];
    const kept: number[] = [];
    for (let k = 0; k < ln.coords.length; k += 2) {
      const c = clusterOf(ln.coords[k], ln.coords[k + 1]);
      if (cl.length > 0 && cl[cl.length - 1] === c) continue; // repeated point
      cl.push(c);
      kept.push(ln.coords[k], ln.coords[k + 1]);
    }
    if (cl.length < 2) {
      throw new InputError({ file: fileName, feature: `feature ${ln.feature}` }, 'a line needs at least 2 distinct points', '线至少需要 2 个不同的点');
    }
    ln.coords = kept;
    for (const c of cl) uses[c]++;
    lineClusters.push(cl);
  }

  // 4. nodes: line ends and every vertex used more than once; split lines there
  const b = new RoadNetworkBuilder(polylineLengthM);
  const nodeOf = new Int32Array(repLon.length).fill(-1);
  const nodeAt = (c: number): number => {
    if (nodeOf[c] < 0) nodeOf[c] = b.addNode(b.nodeCount + 1, repLon[c], repLat[c]);
    return nodeOf[c];
  };
  const linkFeature: number[] = [];
  lines.forEach((ln, li) => {
    const cl = lineClusters[li];
    const attrs = attributesOf(features[ln.feature], fileName, ln.feature);
    let start = 0;
    for (let k = 1; k < cl.length; k++) {
      if (k < cl.length - 1 && uses[cl[k]] < 2) continue;
      const geometry: number[] = [repLon[cl[start]], repLat[cl[start]]];
      for (let j = start + 1; j < k; j++) geometry.push(ln.coords[2 * j], ln.coords[2 * j + 1]);
      geometry.push(repLon[cl[k]], repLat[cl[k]]);
      b.addLink({ source: nodeAt(cl[start]), target: nodeAt(cl[k]), geometry, ...attrs });
      linkFeature.push(ln.feature);
      start = k;
    }
  });
  const built = b.build();
  // maxweight / maxheight / maxwidth / hgv properties, read as OSM tags: an optional per-link section.
  const vehicleLimits = featureVehicleLimits(features, linkFeature);
  return applySpeedModel(vehicleLimits ? { ...built, vehicleLimits } : built, options.speedModel ?? DEFAULT_SPEED_MODEL);
}

/** JSON text parsed with an InputError naming the line and column of a syntax error (also for road layers read by readLayer). */
export function parseRoadsJson(text: string, file: string): unknown {
  return parseJsonText(text, file, 'invalid JSON', 'JSON 格式错误');
}
type LinkAttributes = {
  flags: number;
  roadClass: number;
  wayId?: number;
  maxspeedForwardKmh: number;
  maxspeedBackwardKmh: number;
  widthM: number;
  name: string;
  nameZh: string;
};

function attributesOf(feature: unknown, file: string, index: number): LinkAttributes {
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
  return { flags, roadClass, wayId, maxspeedForwardKmh: speed, maxspeedBackwardKmh: speed, widthM, name: str('name') ?? '', nameZh: str('nameZh') ?? str('name:zh') ?? str('name_zh') ?? '' };
}
