import proj4 from 'proj4';
import { InputError, type InputErrorPlace } from '../input_error';
import { bd09ToWgs84, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02, type LonLat } from './china_offsets';

/**
 * Coordinate reference systems of the data Chinese bureaus have, as transforms to and from WGS84
 * longitude / latitude (the coordinates firecover computes in).
 *
 * - `EPSG:4326` WGS84 and `EPSG:4490` CGCS2000 geographic: identical for this product (they differ by
 *   centimetres).
 * - The CGCS2000 Gauss–Krüger zones, defined here from their published parameters (GRS80/CGCS2000
 *   ellipsoid, scale 1, false northing 0): 3° zones 25–45 (central meridian 3·zone) as EPSG:4513–4533
 *   with the zone number in the easting (false easting zone·10⁶ + 500 000) and EPSG:4534–4554 without
 *   (false easting 500 000); 6° zones 13–23 (central meridian 6·zone − 3) as EPSG:4491–4501 with the
 *   prefix and EPSG:4502–4512 without. Coordinates are read as (easting, northing).
 * - `EPSG:3857` Web Mercator, and any other EPSG code proj4 has a definition for.
 * - `GCJ-02` (Amap / Tencent) and `BD-09` (Baidu), see china_offsets.ts.
 * - A proj4 string (`+proj=…`) or a WKT text (a Shapefile `.prj`).
 */
export interface Crs {
  /** Canonical name: "EPSG:4523", "GCJ-02", "BD-09", or "WKT"/"proj4" for a definition given as text. */
  id: string;
  /** Human-readable name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 35". */
  name: string;
  /** Longitude/latitude in degrees (true) or projected metres (false). */
  geographic: boolean;
  /** True for WGS84 and CGCS2000 geographic: no transform is needed. */
  identity: boolean;
  toWgs84(x: number, y: number): LonLat;
  fromWgs84(lon: number, lat: number): LonLat;
}

const GRS80 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** A CGCS2000 Gauss–Krüger zone by EPSG code, or undefined when the code is not one. */
export function gaussKrugerZone(epsg: number): { zone: number; widthDeg: 3 | 6; centralMeridianDeg: number; prefixed: boolean } | undefined {
  if (epsg >= 4513 && epsg <= 4533) return { zone: epsg - 4513 + 25, widthDeg: 3, centralMeridianDeg: 3 * (epsg - 4513 + 25), prefixed: true };
  if (epsg >= 4534 && epsg <= 4554) return { zone: epsg - 4534 + 25, widthDeg: 3, centralMeridianDeg: 75 + 3 * (epsg - 4534), prefixed: false };
  if (epsg >= 4491 && epsg <= 4501) return { zone: epsg - 4491 + 13, widthDeg: 6, centralMeridianDeg: 6 * (epsg - 4491 + 13) - 3, prefixed: true };
  if (epsg >= 4502 && epsg <= 4512) return { zone: epsg - 4502 + 13, widthDeg: 6, centralMeridianDeg: 75 + 6 * (epsg - 4502), prefixed: false };
  return undefined;
}

/** The EPSG code of a CGCS2000 Gauss–Krüger zone. */
export function gaussKrugerEpsg(widthDeg: 3 | 6, centralMeridianDeg: number, prefixed: boolean): number {
  if (widthDeg === 3) return (prefixed ? 4513 : 4534) + (centralMeridianDeg - 75) / 3;
  return (prefixed ? 4491 : 4502) + (centralMeridianDeg - 75) / 6;
}

function gaussKrugerDef(epsg: number): { def: string; name: string } | undefined {
  const z = gaussKrugerZone(epsg);
  if (!z) return undefined;
  const falseEastingM = z.prefixed ? z.zone * 1e6 + 500000 : 500000;
  const name = z.prefixed
    ? `CGCS2000 / ${z.widthDeg}-degree Gauss-Kruger zone ${z.zone}`
    : `CGCS2000 / ${z.widthDeg}-degree Gauss-Kruger CM ${z.centralMeridianDeg}E`;
  return { def: `+proj=tmerc +lat_0=0 +lon_0=${z.centralMeridianDeg} +k=1 +x_0=${falseEastingM} +y_0=0 ${GRS80}`, name };
}

const IDENTITY: Crs = {
  id: 'EPSG:4326',
  name: 'WGS 84',
  geographic: true,
  identity: true,
  toWgs84: (x, y) => [x, y],
  fromWgs84: (x, y) => [x, y],
};

/** WGS84 longitude / latitude: the default when nothing is declared. */
export const WGS84: Crs = IDENTITY;

function fromProj4(id: string, name: string, def: string): Crs {
  const p = proj4(def, 'EPSG:4326');
  const geographic = /\+proj=longlat/.test(def) || (p as unknown as { oProj?: { projName?: string } }).oProj?.projName === 'longlat';
  return {
    id,
    name,
    geographic,
    identity: false,
    toWgs84: (x, y) => p.forward([x, y]) as LonLat,
    fromWgs84: (x, y) => p.inverse([x, y]) as LonLat,
  };
}

/**
 * The CRS named by `spec` (case and spaces do not matter: "epsg:4523", "EPSG 4523", "4523", "GCJ02",
 * "gcj-02", "BD09", "CGCS2000", "WGS84", a proj4 string, or a WKT text). An unknown name is an InputError
 * at `where` listing what is accepted.
 */
export function resolveCrs(spec: string, where: InputErrorPlace): Crs {
  const s = spec.trim();
  const key = s.toUpperCase().replace(/[\s_]/g, '');
  if (key === 'GCJ-02' || key === 'GCJ02') return { id: 'GCJ-02', name: 'GCJ-02 (Amap, Tencent)', geographic: true, identity: false, toWgs84: gcj02ToWgs84, fromWgs84: wgs84ToGcj02 };
  if (key === 'BD-09' || key === 'BD09' || key === 'BD09LL') return { id: 'BD-09', name: 'BD-09 (Baidu)', geographic: true, identity: false, toWgs84: bd09ToWgs84, fromWgs84: wgs84ToBd09 };
  if (key === 'WGS84' || key === 'WGS-84' || key === 'CRS84' || key === 'OGC:CRS84' || key === 'URN:OGC:DEF:CRS:OGC:1.3:CRS84') return IDENTITY;
  if (key === 'CGCS2000') return { ...IDENTITY, id: 'EPSG:4490', name: 'CGCS2000' };
  if (s.startsWith('+proj=') || s.startsWith('+init=')) {
    try {
      return fromProj4('proj4', s, s);
    } catch (e) {
      throw new InputError(where, `crs: proj4 cannot read "${s}" (${(e as Error).message})`, `crs：proj4 无法解析 "${s}"（${(e as Error).message}）`);
    }
  }
  if (/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[/i.test(s)) return crsFromWkt(s, where);
  const epsg = epsgCode(s);
  if (epsg !== undefined) {
    if (epsg === 4326 || epsg === 4490) return epsg === 4326 ? IDENTITY : { ...IDENTITY, id: 'EPSG:4490', name: 'CGCS2000' };
    const gk = gaussKrugerDef(epsg);
    if (gk) return fromProj4(`EPSG:${epsg}`, gk.name, gk.def);
    const known = proj4.defs(`EPSG:${epsg}`);
    if (known) return fromProj4(`EPSG:${epsg}`, `EPSG:${epsg}`, `EPSG:${epsg}`);
    throw new InputError(
      where,
      `crs: no definition known for EPSG:${epsg}; give its proj4 string instead (e.g. "+proj=tmerc +lon_0=… +x_0=… +ellps=GRS80")`,
      `crs：未知 EPSG:${epsg} 的定义；请改为给出 proj4 参数串（如 "+proj=tmerc +lon_0=… +x_0=… +ellps=GRS80"）`,
    );
  }
  throw new InputError(
    where,
    `crs: unknown coordinate system "${s}" (use EPSG:4326, EPSG:4490 (CGCS2000), a CGCS2000 Gauss-Kruger zone EPSG:4491-4554, EPSG:3857, GCJ-02, BD-09, or a proj4 string)`,
    `crs：未知坐标系 "${s}"（可用 EPSG:4326、EPSG:4490（CGCS2000）、CGCS2000 高斯-克吕格投影带 EPSG:4491–4554、EPSG:3857、GCJ-02、BD-09 或 proj4 参数串）`,
  );
}

/** "EPSG:4523", "epsg 4523", "4523", "urn:ogc:def:crs:EPSG::4523" → 4523. */
function epsgCode(s: string): number | undefined {
  const m = /^(?:urn:ogc:def:crs:)?(?:EPSG)?[\s:]*(?:[\d.]*:)?(\d{4,6})$/i.exec(s.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The CRS of a WKT text (a Shapefile `.prj`, ESRI or OGC flavour). A CGCS2000 Gauss–Krüger zone or
 * another EPSG code the text names is taken by its code (so the published definition is used); any
 * other WKT is handed to proj4.
 */
export function crsFromWkt(wkt: string, where: InputErrorPlace): Crs {
  const text = wkt.trim().replace(/^\uFEFF/, '');
  // The outermost AUTHORITY / ID of an OGC WKT is the last one.
  const authority = [...text.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)].pop();
  const head = /^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(text);
  const name = head?.[2] ?? '';
  if (authority && /\]\s*\]\s*$/.test(text.slice(authority.index))) {
    const code = Number(authority[1]);
    if (code === 4326 || code === 4490 || gaussKrugerZone(code) || code === 3857) return resolveCrs(`EPSG:${code}`, where);
  }
  // ESRI names: 3° "CGCS2000_3_Degree_GK_Zone_35" / "CGCS2000_3_Degree_GK_CM_105E"; 6° "CGCS2000_GK_Zone_18" /
  // "CGCS2000_GK_CM_105E" (ESRI writes no width for 6° zones; some tools write "6_Degree").
  const esri = /CGCS2000[_ ](?:([36])[_ ]Degree[_ ])?GK[_ ](Zone[_ ](\d+)|CM[_ ](\d+)E)/i.exec(name);
  if (esri) {
    const width = (esri[1] === '3' ? 3 : 6) as 3 | 6;
    const cm = esri[3] !== undefined ? (width === 3 ? 3 * Number(esri[3]) : 6 * Number(esri[3]) - 3) : Number(esri[4]);
    const code = gaussKrugerEpsg(width, cm, esri[3] !== undefined);
    if (gaussKrugerZone(code)) return resolveCrs(`EPSG:${code}`, where);
  }
  if (/^GEOGCS/i.test(text) && /(WGS[_ ]?(19)?84|CGCS[_ ]?2000|China[_ ]Geodetic[_ ]Coordinate[_ ]System[_ ]2000|China[_ ]2000)/i.test(text)) {
    return /WGS/i.test(name) ? IDENTITY : { ...IDENTITY, id: 'EPSG:4490', name: 'CGCS2000' };
  }
  try {
    return fromProj4('WKT', name || 'WKT', text);
  } catch (e) {
    throw new InputError(where, `the coordinate system (.prj / WKT) cannot be read: ${(e as Error).message}`, `无法解析坐标系定义（.prj / WKT）：${(e as Error).message}`);
  }
}

/** The CRS named by a GeoJSON (2008) `crs` member, e.g. { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::4523" } }; undefined when absent. */
export function crsFromGeoJsonMember(member: unknown, where: InputErrorPlace): Crs | undefined {
  if (typeof member !== 'object' || member === null) return undefined;
  const name = (member as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  return resolveCrs(name, where);
}
