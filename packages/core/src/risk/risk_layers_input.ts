import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { InputError } from '../input_error';
import { typedFeatures } from '../scenario/layers';
import type { RiskSettings } from '../scenario/scenario_types';
import { HAZARD_CLASSES, HAZARD_CLASS_ALIASES, LINEAR_HAZARD_CLASSES, type CapabilityNeed, type HazardClass, type MicroMode } from '../standards/risk_rules';

/**
 * The scenario's risk layers, parsed: hazard sites, micro fire stations, communities, townships. Every
 * mistake is an InputError naming the file and the feature (`feature 3`), in English and Chinese.
 */

/** A hazard site (风险点): a point, a polygon (a site, a park) or a line (a tunnel, an expressway). */
export interface HazardSite {
  id: string;
  name: string | null;
  nameZh: string | null;
  class: HazardClass;
  /** Building height, metres (high-rises); null when not given. */
  heightM: number | null;
  /** Needs given on the site itself, over its class's. */
  need: CapabilityNeed;
  /** Response standard given on the site, seconds (over its class's), else undefined. */
  responseS?: number;
  geometry: Point | Polygon | MultiPolygon | LineString | MultiLineString;
}

/** A micro fire station (微型消防站). */
export interface MicroStation {
  id: string;
  name: string | null;
  nameZh: string | null;
  lon: number;
  lat: number;
  /** `foot` (default) or `light_vehicle`. */
  mode: MicroMode;
}

/** A community (社区) or a township (乡镇): a named area (communities may be points). */
export interface NamedArea<G> {
  id: string;
  name: string | null;
  nameZh: string | null;
  geometry: G;
}

/** The risk layers of a loaded scenario, with the settings they were read under. */
export interface RiskLayers {
  hazards: HazardSite[];
  microStations: MicroStation[];
  communities: NamedArea<Point | Polygon | MultiPolygon>[];
  townships: NamedArea<Polygon | MultiPolygon>[];
  settings: RiskSettings;
}

const where = (file: string, i: number): { file: string; feature: string } => ({ file, feature: `feature ${i}` });

function text(p: Record<string, unknown>, key: string): string | null {
  const v = p[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

/** A number ≥ 0 (tables give numbers as text too); undefined when absent. */
function numberOf(p: Record<string, unknown>, key: string, file: string, i: number): number | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new InputError(where(file, i), `${key} must be a number ≥ 0, got ${JSON.stringify(v)}`, `${key} 须为非负数，实际为 ${JSON.stringify(v)}`);
  return n;
}

const TRUE = new Set(['true', 'yes', '1', '是', '有', 'y']);
const FALSE = new Set(['false', 'no', '0', '否', '无', 'n']);

/** A yes/no value (true/false, 1/0, yes/no, 是/否); undefined when absent. */
export function flagOf(p: Record<string, unknown>, key: string, file: string, i: number): boolean | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new InputError(where(file, i), `${key} must be true or false (or 是 / 否), got ${JSON.stringify(v)}`, `${key} 须为 true 或 false（或 是 / 否），实际为 ${JSON.stringify(v)}`);
}

function idOf(p: Record<string, unknown>, fallback: string): string {
  return text(p, 'id') ?? fallback;
}

function uniqueIds(items: { id: string }[], file: string): void {
  const seen = new Map<string, number>();
  items.forEach((x, i) => {
    const first = seen.get(x.id);
    if (first !== undefined) throw new InputError(where(file, i), `duplicate id "${x.id}" (also feature ${first})`, `编号 "${x.id}" 重复（与 feature ${first} 相同）`);
    seen.set(x.id, i);
  });
}

/** A hazard class from a code or a Chinese name; undefined when unknown. */
export function hazardClassOf(name: string): HazardClass | undefined {
  const t = name.trim();
  if ((HAZARD_CLASSES as readonly string[]).includes(t)) return t as HazardClass;
  return HAZARD_CLASS_ALIASES[t];
}

/**
 * Hazard sites: points or polygons (`class` a HazardClass code or 重大危险源 / 化工园区 / 高层建筑 / 人员密集场所 /
 * 地下空间), lines for tunnels and expressways (隧道 / 高速公路). Optional `heightM`, and needs over the
 * class's: `aerialM`, `foam`, `tankerT`, `rescue`, `special`, `responseS`.
 */
export function parseHazards(fc: FeatureCollection, file: string): HazardSite[] {
  const types = ['Point', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'] as const;
  const sites = typedFeatures<HazardSite['geometry']>(fc, file, [...types], { en: 'a hazard site', zh: '风险点' }).map((f, i): HazardSite => {
    const p = f.properties;
    const raw = text(p, 'class');
    const cls = raw === null ? undefined : hazardClassOf(raw);
    if (!cls) {
      const zh = Object.keys(HAZARD_CLASS_ALIASES).join(' / ');
      throw new InputError(
        where(file, i),
        `class ${raw === null ? 'is missing; it' : JSON.stringify(p.class)} must be one of ${HAZARD_CLASSES.join(', ')} (or ${zh})`,
        `class ${raw === null ? '缺失；' : JSON.stringify(p.class)} 须为 ${HAZARD_CLASSES.join('、')}（或 ${zh}）之一`,
      );
    }
    const linear = LINEAR_HAZARD_CLASSES.includes(cls);
    const isLine = f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString';
    if (linear !== isLine) {
      throw new InputError(
        where(file, i),
        linear ? `a ${cls} must be a LineString or MultiLineString, got ${f.geometry.type}` : `a ${cls} must be a Point or a Polygon, got ${f.geometry.type} (lines are for tunnels and expressways)`,
        linear ? `${cls} 须为线（LineString / MultiLineString），实际为 ${f.geometry.type}` : `${cls} 须为点或面，实际为 ${f.geometry.type}（线仅用于隧道和高速公路）`,
      );
    }
    const need: CapabilityNeed = {};
    const aerial = p.aerialM;
    if (aerial === 'height') need.aerialM = 'height';
    else {
      const a = numberOf(p, 'aerialM', file, i);
      if (a !== undefined) need.aerialM = a;
    }
    const tanker = numberOf(p, 'tankerT', file, i);
    if (tanker !== undefined) need.tankerT = tanker;
    for (const k of ['foam', 'rescue', 'special'] as const) {
      const v = flagOf(p, k, file, i);
      if (v !== undefined) need[k] = v;
    }
    const responseS = numberOf(p, 'responseS', file, i);
    if (responseS === 0) throw new InputError(where(file, i), 'responseS must be more than 0 seconds', 'responseS 须大于0秒');
    return {
      id: idOf(p, `hazard-${i}`),
      name: text(p, 'name'),
      nameZh: text(p, 'nameZh'),
      class: cls,
      heightM: numberOf(p, 'heightM', file, i) ?? null,
      need,
      ...(responseS !== undefined ? { responseS } : {}),
      geometry: f.geometry,
    };
  });
  uniqueIds(sites, file);
  return sites;
}

/** Micro fire stations: points with `mode` foot (default, 步行) or light_vehicle (轻便车辆 / 车辆). */
export function parseMicroStations(fc: FeatureCollection, file: string): MicroStation[] {
  const out = typedFeatures<Point>(fc, file, ['Point'], { en: 'a micro fire station', zh: '微型消防站' }).map((f, i): MicroStation => {
    const p = f.properties;
    const m = text(p, 'mode');
    const mode = m === null || m === 'foot' || m === '步行' ? 'foot' : m === 'light_vehicle' || m === '轻便车辆' || m === '车辆' ? 'light_vehicle' : undefined;
    if (!mode) throw new InputError(where(file, i), `mode ${JSON.stringify(p.mode)} must be foot or light_vehicle (or 步行 / 轻便车辆)`, `mode ${JSON.stringify(p.mode)} 须为 foot 或 light_vehicle（或 步行 / 轻便车辆）`);
    return { id: idOf(p, `micro-${i}`), name: text(p, 'name'), nameZh: text(p, 'nameZh'), lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], mode };
  });
  uniqueIds(out, file);
  return out;
}

/** Communities: polygons or points with id, name, nameZh. */
export function parseCommunities(fc: FeatureCollection, file: string): NamedArea<Point | Polygon | MultiPolygon>[] {
  const out = typedFeatures<Point | Polygon | MultiPolygon>(fc, file, ['Point', 'Polygon', 'MultiPolygon'], { en: 'a community', zh: '社区' }).map((f, i) => ({
    id: idOf(f.properties, `community-${i}`),
    name: text(f.properties, 'name'),
    nameZh: text(f.properties, 'nameZh'),
    geometry: f.geometry,
  }));
  uniqueIds(out, file);
  return out;
}

/** Townships: polygons with id, name, nameZh. */
export function parseTownships(fc: FeatureCollection, file: string): NamedArea<Polygon | MultiPolygon>[] {
  const out = typedFeatures<Polygon | MultiPolygon>(fc, file, ['Polygon', 'MultiPolygon'], { en: 'a township', zh: '乡镇' }).map((f, i) => ({
    id: idOf(f.properties, `township-${i}`),
    name: text(f.properties, 'name'),
    nameZh: text(f.properties, 'nameZh'),
    geometry: f.geometry,
  }));
  uniqueIds(out, file);
  return out;
}
