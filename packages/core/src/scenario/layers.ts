import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { InputError } from '../input_error';
import { parseJsonText } from '../io/json_text';
import { briefName, briefText, briefValue } from '../io/brief_value';
import type { BarrierProps, HydrantProps, StationProps, WaterSourceKind, WaterSourceProps } from '../io/map_features';

/**
 * Parsing of the scenario's GeoJSON layers. Every mistake is an InputError naming the file and the
 * feature index (`feature 12`, 0-based as in `features[12]`), in English and Chinese.
 */

type GeomType = Geometry['type'];

/** A parsed GeoJSON text as a FeatureCollection (a bare Feature or geometry is wrapped). */
export function parseFeatureCollection(text: string, file: string): FeatureCollection {
  const doc = parseJsonText(text, file, 'not valid JSON', '不是有效的 JSON');
  if (typeof doc !== 'object' || doc === null) throw notGeoJson(file);
  const d = doc as { type?: unknown; features?: unknown };
  if (d.type === 'FeatureCollection') {
    if (!Array.isArray(d.features)) throw notGeoJson(file);
    return doc as FeatureCollection;
  }
  if (d.type === 'Feature') return { type: 'FeatureCollection', features: [doc as Feature] };
  if (typeof d.type === 'string' && GEOMETRY_TYPES.includes(d.type as GeomType)) {
    return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: doc as Geometry, properties: {} }] };
  }
  throw notGeoJson(file);
}

const GEOMETRY_TYPES: GeomType[] = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

function notGeoJson(file: string): InputError {
  return new InputError({ file }, 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})', '不是 GeoJSON FeatureCollection（应为 {"type": "FeatureCollection", "features": [...]}）');
}

function where(file: string, i: number): { file: string; feature: string } {
  return { file, feature: `feature ${i}` };
}

/** Features whose geometry is one of `types`; each position is checked for lon/lat ranges (InputError naming the feature). */
export function typedFeatures<G extends Geometry>(fc: FeatureCollection, file: string, types: GeomType[], what: { en: string; zh: string }): Feature<G, Record<string, unknown>>[] {
  return fc.features.map((f, i) => {
    if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') {
      throw new InputError(where(file, i), 'not a GeoJSON Feature', '不是 GeoJSON Feature');
    }
    const g = f.geometry as Geometry | null;
    if (!g || !types.includes(g.type)) {
      throw new InputError(
        where(file, i),
        `geometry is ${g ? briefName(g.type) : 'missing'}; ${what.en} must be ${types.join(' or ')}`,
        `几何类型为 ${g ? briefName(g.type) : '空'}；${what.zh}须为 ${types.join(' 或 ')}`,
      );
    }
    checkPositions((g as { coordinates: unknown }).coordinates, file, i);
    return { ...f, properties: (f.properties ?? {}) as Record<string, unknown> } as Feature<G, Record<string, unknown>>;
  });
}

/** GeoJSON nests positions at most three arrays deep (MultiPolygon); deeper is damage, refused before it can exhaust the stack. */
const MAX_COORDINATE_DEPTH = 3;

function checkPositions(c: unknown, file: string, i: number, depth = 0): void {
  if (!Array.isArray(c)) throw new InputError(where(file, i), 'coordinates are not an array', '坐标不是数组');
  if (depth > MAX_COORDINATE_DEPTH) throw new InputError(where(file, i), 'coordinates are nested deeper than any GeoJSON geometry', '坐标嵌套层数超过任何 GeoJSON 几何类型');
  if (typeof c[0] === 'number' || c.length === 0) {
    const [lon, lat] = c as number[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new InputError(where(file, i), `a coordinate is not [lon, lat] numbers: ${briefValue(c)}`, `坐标不是 [经度, 纬度] 数值：${briefValue(c)}`);
    }
    if (Math.abs(lat) > 90) {
      const swapped = Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
      throw new InputError(
        where(file, i),
        `latitude ${lat} is out of range${swapped ? ': the coordinates look like [lat, lon]; GeoJSON wants [lon, lat]' : ''}`,
        `纬度 ${lat} 超出范围${swapped ? '：坐标似乎为 [纬度, 经度]，GeoJSON 要求 [经度, 纬度]' : ''}`,
      );
    }
    if (Math.abs(lon) > 180) throw new InputError(where(file, i), `longitude ${lon} is out of range`, `经度 ${lon} 超出范围`);
    return;
  }
  for (const p of c) checkPositions(p, file, i, depth + 1);
}

function idOf(props: Record<string, unknown>, file: string, i: number, fallback: string): string {
  const id = props.id;
  if (id === undefined || id === null || id === '') return fallback;
  if (typeof id === 'string') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  throw new InputError(where(file, i), `id must be text or a number, got ${briefValue(id)}`, `id 须为文本或数字，实际为 ${briefValue(id)}`);
}

function uniqueIds<T extends { properties: { id: string } }>(features: T[], file: string): void {
  const seen = new Map<string, number>();
  features.forEach((f, i) => {
    const first = seen.get(f.properties.id);
    if (first !== undefined) {
      throw new InputError(where(file, i), `duplicate id "${briefText(f.properties.id)}" (also feature ${first})`, `编号 "${briefText(f.properties.id)}" 重复（与 feature ${first} 相同）`);
    }
    seen.set(f.properties.id, i);
  });
}

function optionalString(props: Record<string, unknown>, key: string): string | undefined {
  const v = props[key];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

// --- hydrants ---------------------------------------------------------------------------------

const HYDRANT_STATUS: Readonly<Record<string, HydrantProps['status']>> = {
  working: 'working',
  ok: 'working',
  完好: 'working',
  正常: 'working',
  damaged: 'damaged',
  broken: 'damaged',
  out_of_service: 'damaged',
  损坏: 'damaged',
  故障: 'damaged',
  low_pressure: 'low_pressure',
  低压: 'low_pressure',
  压力不足: 'low_pressure',
  unknown: 'unknown',
  未知: 'unknown',
};

/** Municipal hydrants: Point features with HydrantProps (status working / damaged / low_pressure / unknown, or 完好 / 损坏 / 低压 / 未知). */
export function parseHydrants(fc: FeatureCollection, file: string): FeatureCollection<Point, HydrantProps> {
  const features = typedFeatures<Point>(fc, file, ['Point'], { en: 'a hydrant', zh: '消火栓' }).map((f, i) => {
    const p = f.properties;
    const status = waterStatusOf(p.status, file, i) ?? 'unknown';
    const diameter = p.diameterMm;
    if (diameter !== undefined && !(typeof diameter === 'number' && diameter > 0)) {
      throw new InputError(where(file, i), 'diameterMm must be a positive number of millimetres', 'diameterMm 须为正数（毫米）');
    }
    const props: HydrantProps = { ...p, id: idOf(p, file, i, `hydrant-${i}`), status };
    for (const k of ['ref', 'type', 'position'] as const) {
      const v = optionalString(p, k);
      if (v === undefined) delete props[k];
      else props[k] = v;
    }
    return { type: 'Feature' as const, geometry: f.geometry, properties: props };
  });
  uniqueIds(features, file);
  return { type: 'FeatureCollection', features };
}

// --- water sources ----------------------------------------------------------------------------

const WATER_KINDS: readonly WaterSourceKind[] = ['suction_point', 'fire_water_pond', 'water_tank', 'intake_dock', 'water_crane', 'water_body', 'river'];
const WATER_KIND_ALIASES: Readonly<Record<string, WaterSourceKind>> = {
  取水点: 'suction_point',
  消防取水点: 'suction_point',
  取水码头: 'intake_dock',
  消防取水码头: 'intake_dock',
  消防水池: 'fire_water_pond',
  水池: 'fire_water_pond',
  消防水箱: 'water_tank',
  水箱: 'water_tank',
  消防水鹤: 'water_crane',
  水鹤: 'water_crane',
  水体: 'water_body',
  湖泊: 'water_body',
  水库: 'water_body',
  河流: 'river',
};

/** A hydrant's or water source's status from its text (working / 完好 / 损坏 …); undefined when not given. */
function waterStatusOf(raw: unknown, file: string, i: number): HydrantProps['status'] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const s = typeof raw === 'string' ? HYDRANT_STATUS[raw.trim().toLowerCase()] ?? HYDRANT_STATUS[raw.trim()] : undefined;
  if (!s) {
    throw new InputError(
      where(file, i),
      `status ${briefValue(raw)} must be one of working, damaged, low_pressure, unknown (or 完好 / 损坏 / 低压 / 未知)`,
      `status ${briefValue(raw)} 须为 working、damaged、low_pressure、unknown（或 完好、损坏、低压、未知）之一`,
    );
  }
  return s;
}

/** Water sources other than hydrants: `kind` per WaterSourceProps (or 取水点 / 取水码头 / 消防水池 / 消防水鹤 …). */
export function parseWaterSources(fc: FeatureCollection, file: string): FeatureCollection<Point | LineString | Polygon | MultiPolygon, WaterSourceProps> {
  const features = typedFeatures<Point | LineString | Polygon | MultiPolygon>(fc, file, ['Point', 'LineString', 'Polygon', 'MultiPolygon'], { en: 'a water source', zh: '消防水源' }).map((f, i) => {
    const p = f.properties;
    const raw = typeof p.kind === 'string' ? p.kind.trim() : undefined;
    const kind = raw === undefined ? undefined : (WATER_KINDS as readonly string[]).includes(raw) ? (raw as WaterSourceKind) : WATER_KIND_ALIASES[raw];
    if (!kind) {
      const zh = Object.keys(WATER_KIND_ALIASES).join(' / ');
      throw new InputError(
        where(file, i),
        `kind ${raw === undefined ? 'is missing; it' : briefValue(p.kind)} must be one of ${WATER_KINDS.join(', ')} (or ${zh})`,
        `kind ${raw === undefined ? '缺失；' : briefValue(p.kind)} 须为 ${WATER_KINDS.join('、')}（或 ${zh}）之一`,
      );
    }
    const props: WaterSourceProps = { ...p, id: idOf(p, file, i, `water-${i}`), kind };
    const status = waterStatusOf(p.status, file, i);
    if (status === undefined) delete props.status;
    else props.status = status;
    setNames(props, p);
    return { type: 'Feature' as const, geometry: f.geometry, properties: props };
  });
  uniqueIds(features, file);
  return { type: 'FeatureCollection', features };
}

/** `kind` values of a water-source atlas that mean a municipal hydrant (every other kind is a WaterSourceKind). */
export const HYDRANT_KIND_NAMES: readonly string[] = ['hydrant', 'fire_hydrant', '消火栓', '市政消火栓', '室外消火栓'];

/**
 * A water-source atlas (消防水源"一张图"): one layer of every fire water source — hydrants, water cranes,
 * intake points, docks, fire pools, tanks, water bodies — each with a unified id (统一编号) that status
 * updates refer to, and a `kind` (水源类型): a hydrant name (HYDRANT_KIND_NAMES) or a water-source kind.
 * Every feature needs an id and ids are unique across the atlas; split into the hydrants and the other
 * water sources, each parsed by its own rules (errors name the atlas feature).
 */
export function parseWaterAtlas(
  fc: FeatureCollection,
  file: string,
): { hydrants: FeatureCollection<Point, HydrantProps>; waterSources: FeatureCollection<Point | LineString | Polygon | MultiPolygon, WaterSourceProps> } {
  const hydrantAt: number[] = [];
  const otherAt: number[] = [];
  const seen = new Map<string, number>();
  fc.features.forEach((f, i) => {
    const p = (f && typeof f === 'object' && f.properties) || {};
    const raw = p.id;
    if (raw === undefined || raw === null || raw === '') {
      throw new InputError(where(file, i), 'every water source of an atlas needs an id (id / 编号): the unified id that status updates refer to', '消防水源一张图中每个水源都须有编号（id / 编号），状态更新按统一编号进行');
    }
    const id = idOf(p, file, i, '');
    const first = seen.get(id);
    if (first !== undefined) throw new InputError(where(file, i), `duplicate id ${briefValue(id)} (also feature ${first}): atlas ids are unified across hydrants and other water sources`, `编号 ${briefValue(id)} 重复（与 feature ${first} 相同）：一张图中消火栓与其他水源的编号须统一且唯一`);
    seen.set(id, i);
    const kind = typeof p.kind === 'string' ? p.kind.trim() : '';
    (HYDRANT_KIND_NAMES.includes(kind.toLowerCase()) || HYDRANT_KIND_NAMES.includes(kind) ? hydrantAt : otherAt).push(i);
  });
  // Parse each part by its own rules; an error's "feature j" of a part is feature at[j] of the atlas.
  const part = <T>(at: number[], parse: (part: FeatureCollection, file: string) => T): T => {
    try {
      return parse({ type: 'FeatureCollection', features: at.map((i) => fc.features[i]) }, file);
    } catch (e) {
      const m = e instanceof InputError ? /^feature (\d+)$/.exec(e.where.feature ?? '') : null;
      if (!m || !(e instanceof InputError)) throw e;
      throw new InputError({ ...e.where, feature: `feature ${at[Number(m[1])]}` }, e.detail, e.detailZh);
    }
  };
  return { hydrants: part(hydrantAt, parseHydrants), waterSources: part(otherAt, parseWaterSources) };
}

/** Keeps `name` / `nameZh` only where given as a non-empty string or a number (optionalString's rules). */
function setNames(props: { name?: string; nameZh?: string }, p: Record<string, unknown>): void {
  for (const key of ['name', 'nameZh'] as const) {
    const v = optionalString(p, key);
    if (v === undefined) delete props[key];
    else props[key] = v;
  }
}

// --- barriers ---------------------------------------------------------------------------------

const BARRIER_KINDS: Readonly<Record<string, BarrierProps['kind']>> = {
  expressway: 'expressway',
  motorway: 'expressway',
  快速路: 'expressway',
  高速公路: 'expressway',
  城市快速路: 'expressway',
  railway: 'railway',
  铁路: 'railway',
  铁路干线: 'railway',
  river: 'river',
  河流: 'river',
  河: 'river',
  江: 'river',
};

/** Barriers districts must not cross: kind expressway / railway / river (or 快速路 / 高速公路 / 铁路 / 河流). */
export function parseBarriers(fc: FeatureCollection, file: string): FeatureCollection<LineString | MultiLineString | Polygon | MultiPolygon, BarrierProps> {
  const features = typedFeatures<LineString | MultiLineString | Polygon | MultiPolygon>(fc, file, ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'], { en: 'a barrier', zh: '障碍' }).map((f, i) => {
    const p = f.properties;
    const kind = typeof p.kind === 'string' ? BARRIER_KINDS[p.kind.trim()] : undefined;
    if (!kind) {
      throw new InputError(
        where(file, i),
        `kind ${p.kind === undefined ? 'is missing; it' : briefValue(p.kind)} must be expressway, railway or river (or 快速路 / 高速公路 / 铁路 / 河流)`,
        `kind ${p.kind === undefined ? '缺失；' : briefValue(p.kind)} 须为 expressway、railway、river（或 快速路、高速公路、铁路、河流）`,
      );
    }
    const props: BarrierProps = { ...p, id: idOf(p, file, i, `barrier-${i}`), kind };
    setNames(props, p);
    return { type: 'Feature' as const, geometry: f.geometry, properties: props };
  });
  uniqueIds(features, file);
  return { type: 'FeatureCollection', features };
}

// --- stations from a file ---------------------------------------------------------------------

/** Station points: each feature's properties plus its lon/lat, as a StationInput-shaped object (validated by the caller). */
export function stationRecords(fc: FeatureCollection, file: string): Record<string, unknown>[] {
  return typedFeatures<Point>(fc, file, ['Point'], { en: 'a station', zh: '消防站' }).map((f, i) => {
    const p = { ...f.properties };
    if (typeof p.id === 'number') p.id = String(p.id);
    if (p.id === undefined) p.id = `station-${i}`;
    delete p.lon;
    delete p.lat;
    const [lon, lat] = f.geometry.coordinates;
    return { ...p, lon, lat };
  });
}

/** Map-feature stations (id and name) for the analyses that draw them. */
export function stationFeatures(stations: readonly { id: string; name: string; lon: number; lat: number }[]): FeatureCollection<Point, StationProps> {
  return {
    type: 'FeatureCollection',
    features: stations.map((s) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] }, properties: { id: s.id, name: s.name } })),
  };
}

// --- demand and study area --------------------------------------------------------------------

/** Demand points or polygons, each with a number ≥ 0 in `property`. */
export function parseDemand(fc: FeatureCollection, file: string, property: string): FeatureCollection<Point | Polygon | MultiPolygon, Record<string, unknown>> {
  const features = typedFeatures<Point | Polygon | MultiPolygon>(fc, file, ['Point', 'Polygon', 'MultiPolygon'], { en: 'a demand feature', zh: '需求要素' });
  features.forEach((f, i) => {
    const v = f.properties[property];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new InputError(
        where(file, i),
        `"${property}" must be a number ≥ 0, got ${briefValue(v)} (set demandProperty to use another property)`,
        `"${property}" 须为非负数，实际为 ${v === undefined ? '空' : briefValue(v)}（可用 demandProperty 指定其他字段）`,
      );
    }
  });
  return { type: 'FeatureCollection', features };
}

/** Study-area polygons (建成区). */
export function parseStudyArea(fc: FeatureCollection, file: string): FeatureCollection<Polygon | MultiPolygon> {
  const features = typedFeatures<Polygon | MultiPolygon>(fc, file, ['Polygon', 'MultiPolygon'], { en: 'the study area', zh: '研究范围' });
  if (features.length === 0) throw new InputError({ file }, 'the study area has no polygon', '研究范围没有多边形');
  return { type: 'FeatureCollection', features };
}

/** Closure polygons. */
export function parsePolygons(fc: FeatureCollection, file: string): (Polygon | MultiPolygon)[] {
  return typedFeatures<Polygon | MultiPolygon>(fc, file, ['Polygon', 'MultiPolygon'], { en: 'a closure area', zh: '封闭区域' }).map((f) => f.geometry);
}
