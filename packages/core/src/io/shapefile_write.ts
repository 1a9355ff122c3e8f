import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { InputError } from '../input_error';
import { textDecoder, utf8Bytes } from '../web_globals';
import { gaussKrugerZone, type Crs } from './crs';

/**
 * An ESRI Shapefile writer (ESRI Shapefile Technical Description, July 1998, and the dBASE III table
 * format), bytes out, for Node and the viewer's worker alike. No maintained npm writer runs in a browser
 * without the DOM and writes GBK attributes (`@mapbox/shp-write` needs file-saver and jszip, writes
 * UTF-8 only and truncates field names silently), so the format is written here.
 *
 * - Points → Point (type 1), or MultiPoint (type 8) when any feature is a MultiPoint; lines
 *   (LineString, MultiLineString → one part per line) → PolyLine (3); polygons (Polygon, MultiPolygon)
 *   → Polygon (5) with outer rings clockwise and holes counter-clockwise, as the spec requires. A
 *   GeometryCollection contributes its members. Z values are dropped (2D shapes).
 * - A layer mixing points, lines and polygons is split per kind: `<layer>_points`, `<layer>_lines`,
 *   `<layer>_polygons` (a Shapefile holds one shape type). Features without a geometry are written as
 *   null shapes into the layer's only kind (or its first kind when split).
 * - Attributes: one field per property name (in order of first appearance). All values numbers → N
 *   (width and decimals to hold every value exactly, at most 20 characters, else C); all booleans → L;
 *   otherwise C (objects as JSON), width the longest value's bytes (at most 254: longer text is cut at
 *   a character boundary and counted in `cutValues`). Field names are at most 10 bytes in the written
 *   encoding: a longer name is cut at a character boundary, characters other than letters, digits and
 *   `_` become `_`, and a name equal (ignoring case) to an earlier one gets `_1`, `_2` … — every name
 *   changed is listed in `renamed` (the CLI writes it as `<layer>.fields.csv`). More than 255 fields or
 *   65,535 bytes a record (the DBF limits) is an InputError.
 * - Encoding: UTF-8 (`.cpg` "UTF-8") or GBK (`.cpg` "GBK", language driver 0x4D), for older Chinese GIS;
 *   a character GBK cannot hold is written as `?` and counted in `unencodable`.
 */

/** Attribute text encoding of a written Shapefile: UTF-8 (`.cpg` "UTF-8") or GBK (`.cpg` "GBK"). */
export type ShapefileEncoding = 'utf-8' | 'gbk';

/** Options of `writeShapefile`: attribute encoding, `.prj` text, DBF header date. */
export interface ShapefileWriteOptions {
  /** Attribute text encoding (default UTF-8). */
  encoding?: ShapefileEncoding;
  /** The `.prj` text (see `shapefilePrj`); WGS84 when absent. */
  prj?: string;
  /** The date in the DBF header (default now). */
  date?: Date;
}

/** One Shapefile set: `stem` plus `.shp`, `.shx`, `.dbf`, `.prj`, `.cpg`. */
export interface ShapefileSet {
  stem: string;
  shapeType: number;
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  prj: string;
  cpg: string;
  records: number;
}

/** A layer written by `writeShapefile`: its sets (one per geometry kind), the renamed fields, and what did not fit. */
export interface ShapefileLayer {
  sets: ShapefileSet[];
  /** Field names written differently from the property names (`original`, `written`). */
  renamed: { original: string; written: string }[];
  /** Text values cut to the 254-byte limit of a C field. */
  cutValues: number;
  /** Characters the encoding cannot hold, written as "?". */
  unencodable: number;
}

type Kind = 'points' | 'lines' | 'polygons';
const SHAPE = { null: 0, point: 1, polyline: 3, polygon: 5, multipoint: 8 } as const;

/** The WKT of a WGS84 `.prj` (ESRI flavour). */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const CGCS2000_GEOGCS =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/**
 * The `.prj` (ESRI WKT) of an output CRS: WGS84 (also for GCJ-02 and BD-09, which have no EPSG or WKT
 * definition — their positions are written as longitude / latitude shaped like WGS84, and `note` says
 * so), CGCS2000 (EPSG:4490) and its Gauss–Krüger zones, EPSG:3857. Any other CRS is an InputError: a
 * Shapefile without the right `.prj` would be read in the wrong place.
 */
export function shapefilePrj(crs: Crs | undefined): { prj: string; note?: { en: string; zh: string } } {
  if (!crs || crs.id === 'EPSG:4326') return { prj: WGS84_PRJ };
  if (crs.id === 'GCJ-02' || crs.id === 'BD-09') {
    return {
      prj: WGS84_PRJ,
      note: {
        en: `${crs.id} has no EPSG or WKT definition: the Shapefiles hold ${crs.id} longitude/latitude with a GCS_WGS_1984 .prj — declare "crs": "${crs.id}" when reading them back`,
        zh: `${crs.id} 没有 EPSG 或 WKT 定义：Shapefile 中为 ${crs.id} 经纬度，.prj 写作 GCS_WGS_1984——读回时请声明 "crs": "${crs.id}"`,
      },
    };
  }
  if (crs.id === 'EPSG:4490') return { prj: CGCS2000_GEOGCS };
  if (crs.id === 'EPSG:3857') {
    return {
      prj: 'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]',
    };
  }
  const code = /^EPSG:(\d+)$/.exec(crs.id);
  const z = code ? gaussKrugerZone(Number(code[1])) : undefined;
  if (z) {
    // ESRI's names: 3° zones "CGCS2000_3_Degree_GK_Zone_35" / "…_CM_105E", 6° zones "CGCS2000_GK_Zone_18" / "CGCS2000_GK_CM_105E".
    const name = `CGCS2000_${z.widthDeg === 3 ? '3_Degree_' : ''}GK_${z.prefixed ? `Zone_${z.zone}` : `CM_${z.centralMeridianDeg}E`}`;
    const falseEastingM = z.prefixed ? z.zone * 1e6 + 500000 : 500000;
    return {
      prj: `PROJCS["${name}",${CGCS2000_GEOGCS},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEastingM.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${z.centralMeridianDeg.toFixed(1)}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`,
    };
  }
  throw new InputError(
    { file: '--out-crs' },
    `--format shapefile writes a .prj for WGS84, CGCS2000 (EPSG:4490 and the Gauss-Kruger zones EPSG:4491-4554), EPSG:3857, GCJ-02 and BD-09 only, not ${crs.id} (use --format geojson)`,
    `--format shapefile 只能为 WGS84、CGCS2000（EPSG:4490 及高斯-克吕格投影带 EPSG:4491–4554）、EPSG:3857、GCJ-02 与 BD-09 写 .prj，不能为 ${crs.id}（请用 --format geojson）`,
  );
}

/** A GeoJSON layer as one Shapefile set per geometry kind (see the module comment). */
export function writeShapefile(fc: FeatureCollection, stem: string, options: ShapefileWriteOptions = {}): ShapefileLayer {
  const encoding = options.encoding ?? 'utf-8';
  const encoder = textEncoder(encoding);
  const byKind = new Map<Kind, Feature[]>();
  const nulls: Feature[] = [];
  for (const f of fc.features) {
    const kinds = geometryKinds(f.geometry);
    if (kinds.size === 0) nulls.push(f);
    for (const k of (['points', 'lines', 'polygons'] as const).filter((x) => kinds.has(x))) {
      const list = byKind.get(k) ?? [];
      list.push(kinds.size === 1 ? f : { ...f, geometry: onlyKind(f.geometry as Geometry, k) });
      byKind.set(k, list);
    }
  }
  const kinds = (['points', 'lines', 'polygons'] as const).filter((k) => byKind.has(k));
  if (nulls.length > 0) {
    if (kinds.length === 0) byKind.set('points', nulls);
    else byKind.get(kinds[0])!.push(...nulls);
  }
  const fields = dbfFields(fc.features, encoder);
  const recordBytes = 1 + fields.list.reduce((a, f) => a + f.width, 0);
  if (fields.list.length > 255 || recordBytes > 65535) {
    throw new InputError(
      { file: `${stem}.dbf` },
      `the layer has ${fields.list.length} properties (${recordBytes} bytes a record): a DBF holds at most 255 fields and 65,535 bytes a record (use --format geojson)`,
      `该图层有 ${fields.list.length} 个属性（每条记录 ${recordBytes} 字节）：DBF 最多 255 个字段、每条记录 65 535 字节（请用 --format geojson）`,
    );
  }
  const prj = options.prj ?? WGS84_PRJ;
  const cpg = encoding === 'gbk' ? 'GBK' : 'UTF-8';
  const date = options.date ?? new Date();
  const sets: ShapefileSet[] = [];
  const written = kinds.length === 0 ? (['points'] as const) : kinds;
  for (const k of written) {
    const features = byKind.get(k) ?? [];
    const { shp, shx, shapeType } = shpBytes(features, k, kinds.length === 0);
    sets.push({ stem: written.length > 1 ? `${stem}_${k}` : stem, shapeType, shp, shx, dbf: dbfBytes(features, fields.list, encoder, encoding, date), prj, cpg, records: features.length });
  }
  return { sets, renamed: fields.renamed, cutValues: encoder.cut, unencodable: encoder.unencodable };
}

// --- geometry ---------------------------------------------------------------------------------

function geometryKinds(g: Geometry | null): Set<Kind> {
  const out = new Set<Kind>();
  if (!g) return out;
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      out.add('points');
      break;
    case 'LineString':
    case 'MultiLineString':
      out.add('lines');
      break;
    case 'Polygon':
    case 'MultiPolygon':
      out.add('polygons');
      break;
    case 'GeometryCollection':
      for (const m of g.geometries) for (const k of geometryKinds(m)) out.add(k);
      break;
  }
  return out;
}

/** The members of kind `k` of a mixed geometry, as one Multi* geometry. */
function onlyKind(g: Geometry, k: Kind): Geometry {
  const members = g.type === 'GeometryCollection' ? g.geometries.flatMap((m) => (m.type === 'GeometryCollection' ? [onlyKind(m, k)] : [m])) : [g];
  const of = members.filter((m) => geometryKinds(m).has(k));
  if (k === 'points') return { type: 'MultiPoint', coordinates: of.flatMap(points) };
  if (k === 'lines') return { type: 'MultiLineString', coordinates: of.flatMap(lines) };
  return { type: 'MultiPolygon', coordinates: of.flatMap(polygons) };
}

function points(g: Geometry): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'MultiPoint') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(points);
  return [];
}
function lines(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(lines);
  return [];
}
function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygons);
  return [];
}

/** Twice the signed area (shoelace): positive for a counter-clockwise ring (x east, y north). */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s;
}

/** Rings closed and oriented: outer rings clockwise, holes counter-clockwise (ESRI spec). */
function esriRings(polys: Position[][][]): Position[][] {
  const out: Position[][] = [];
  for (const poly of polys) {
    poly.forEach((r, i) => {
      if (r.length === 0) return;
      const closed = r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r : [...r, r[0]];
      const ccw = signedArea2(closed) > 0;
      out.push((i === 0) === ccw ? [...closed].reverse() : closed);
    });
  }
  return out;
}

interface Shape {
  type: number;
  /** Parts (one for a point). */
  parts: Position[][];
}

/** The record of a feature; a geometry without any position (an empty MultiPoint …) is a null shape. */
function shapeOf(g: Geometry | null, kind: Kind, multipoint: boolean): Shape {
  if (!g) return { type: SHAPE.null, parts: [] };
  let shape: Shape;
  if (kind === 'points') {
    const ps = points(g);
    shape = multipoint ? { type: SHAPE.multipoint, parts: [ps] } : { type: SHAPE.point, parts: [ps] };
  } else if (kind === 'lines') {
    shape = { type: SHAPE.polyline, parts: lines(g).filter((l) => l.length > 0) };
  } else {
    shape = { type: SHAPE.polygon, parts: esriRings(polygons(g)) };
  }
  return shape.parts.some((p) => p.length > 0) ? shape : { type: SHAPE.null, parts: [] };
}

function contentBytes(s: Shape): number {
  if (s.type === SHAPE.null) return 4;
  if (s.type === SHAPE.point) return 20;
  const n = s.parts.reduce((a, p) => a + p.length, 0);
  if (s.type === SHAPE.multipoint) return 40 + 16 * n;
  return 44 + 4 * s.parts.length + 16 * n;
}

type Box = [number, number, number, number];
function boxOf(parts: Position[][], box: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box {
  for (const p of parts) {
    for (const [x, y] of p) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

function shpBytes(features: Feature[], kind: Kind, empty: boolean): { shp: Uint8Array; shx: Uint8Array; shapeType: number } {
  const multipoint = kind === 'points' && features.some((f) => f.geometry && f.geometry.type !== 'Point');
  const shapes = features.map((f) => shapeOf(f.geometry, kind, multipoint));
  const shapeType = empty && features.length === 0 ? SHAPE.null : kind === 'points' ? (multipoint ? SHAPE.multipoint : SHAPE.point) : kind === 'lines' ? SHAPE.polyline : SHAPE.polygon;
  const shpLen = 100 + shapes.reduce((a, s) => a + 8 + contentBytes(s), 0);
  const shxLen = 100 + 8 * shapes.length;
  const shp = new DataView(new ArrayBuffer(shpLen));
  const shx = new DataView(new ArrayBuffer(shxLen));
  const box = boxOf(shapes.flatMap((s) => s.parts));
  const fileBox: Box = Number.isFinite(box[0]) ? box : [0, 0, 0, 0];
  for (const [v, len] of [
    [shp, shpLen],
    [shx, shxLen],
  ] as const) {
    v.setInt32(0, 9994, false);
    v.setInt32(24, len / 2, false);
    v.setInt32(28, 1000, true);
    v.setInt32(32, shapeType, true);
    fileBox.forEach((b, i) => v.setFloat64(36 + 8 * i, b, true));
  }
  let o = 100;
  shapes.forEach((s, i) => {
    const len = contentBytes(s);
    shx.setInt32(100 + 8 * i, o / 2, false);
    shx.setInt32(104 + 8 * i, len / 2, false);
    shp.setInt32(o, i + 1, false);
    shp.setInt32(o + 4, len / 2, false);
    let c = o + 8;
    shp.setInt32(c, s.type, true);
    c += 4;
    if (s.type === SHAPE.point) {
      shp.setFloat64(c, s.parts[0][0][0], true);
      shp.setFloat64(c + 8, s.parts[0][0][1], true);
    } else if (s.type !== SHAPE.null) {
      boxOf(s.parts).forEach((b, k) => shp.setFloat64(c + 8 * k, b, true));
      c += 32;
      const pts = s.parts.flat();
      if (s.type === SHAPE.multipoint) {
        shp.setInt32(c, pts.length, true);
        c += 4;
      } else {
        shp.setInt32(c, s.parts.length, true);
        shp.setInt32(c + 4, pts.length, true);
        c += 8;
        let start = 0;
        for (const p of s.parts) {
          shp.setInt32(c, start, true);
          c += 4;
          start += p.length;
        }
      }
      for (const [x, y] of pts) {
        shp.setFloat64(c, x, true);
        shp.setFloat64(c + 8, y, true);
        c += 16;
      }
    }
    o += 8 + len;
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer), shapeType };
}

// --- attributes -------------------------------------------------------------------------------

interface TextEncoderState {
  encode(s: string): Uint8Array;
  /** The byte length of `s` (without encoding pure ASCII). */
  byteLength(s: string): number;
  /** The bytes of `s`, cut at a character boundary to at most `max` bytes (counted in `cut`, unencodable characters in `unencodable`). */
  encodeMax(s: string, max: number): Uint8Array;
  cut: number;
  unencodable: number;
}

let gbkTable: Map<number, number> | undefined;
/** Unicode code unit → GBK two-byte code, built once from the platform's GBK decoder (WHATWG gbk). */
function gbkMap(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const decoder = textDecoder('gbk', { fatal: true });
  const table = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let s: string;
      try {
        s = decoder.decode(pair);
      } catch {
        continue;
      }
      if (s.length === 1 && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

function textEncoder(encoding: ShapefileEncoding): TextEncoderState {
  const state: TextEncoderState = {
    cut: 0,
    unencodable: 0,
    encode: (s) => whole(s, false),
    byteLength: (s) => (ascii(s) ? s.length : whole(s, false).length),
    encodeMax(s, max) {
      const b = whole(s, true);
      if (b.length <= max) return b;
      state.cut++;
      const parts: Uint8Array[] = [];
      let n = 0;
      for (const ch of chars(s)) {
        const c = one(ch);
        if (n + c.length > max) break;
        parts.push(c);
        n += c.length;
      }
      return join(parts);
    },
  };
  const memo = new Map<string, { bytes: Uint8Array; unencodable: number }>();
  /** The bytes of a whole string (remembered: layers repeat their values); `count` adds its unencodable characters to the tally. */
  const whole = (s: string, count: boolean): Uint8Array => {
    let m = memo.get(s);
    if (!m) {
      if (encoding === 'utf-8' || ascii(s)) m = { bytes: utf8Bytes(s), unencodable: 0 };
      else {
        const cs = chars(s);
        const parts = cs.map(one);
        m = { bytes: join(parts), unencodable: cs.filter((ch, i) => ch !== '?' && parts[i].length === 1 && parts[i][0] === 0x3f).length };
      }
      memo.set(s, m);
    }
    if (count) state.unencodable += m.unencodable;
    return m.bytes;
  };
  const one = (ch: string): Uint8Array => {
    if (encoding === 'utf-8') return utf8Bytes(ch);
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return Uint8Array.of(c);
    const g = ch.length === 1 ? gbkMap().get(c) : undefined;
    return g === undefined ? Uint8Array.of(0x3f) : Uint8Array.of(g >> 8, g & 0xff);
  };
  return state;
}

const chars = (s: string): string[] => Array.from(s);
function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}
/** Writes the ASCII text `s` at `o`. */
function writeAscii(out: Uint8Array, o: number, s: string): void {
  for (let i = 0; i < s.length; i++) out[o + i] = s.charCodeAt(i);
}
function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

interface Field {
  key: string;
  name: Uint8Array;
  type: 'C' | 'N' | 'L';
  width: number;
  decimals: number;
}

const MAX_N_WIDTH = 20;
const MAX_C_WIDTH = 254;

/** Digits after the decimal point in the shortest representation of |v| (0 … 20). */
function decimalsOf(v: number): number {
  const s = String(Math.abs(v));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return 0;
  const frac = (m[2] ?? '').length - Number(m[3] ?? 0);
  return Math.max(0, Math.min(20, frac));
}

function dbfFields(features: Feature[], enc: TextEncoderState): { list: Field[]; renamed: { original: string; written: string }[] } {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const used = new Set<string>();
  const renamed: { original: string; written: string }[] = [];
  const list: Field[] = [];
  for (const key of keys) {
    const values = features.map((f) => (f.properties ?? {})[key]).filter((v) => v !== null && v !== undefined);
    let type: Field['type'] = 'C';
    let width = 1;
    let decimals = 0;
    if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const nums = values as number[];
      decimals = nums.reduce((a, v) => Math.max(a, decimalsOf(v)), 0);
      width = nums.reduce((a, v) => Math.max(a, v.toFixed(decimals).length), 0);
      if (width <= MAX_N_WIDTH) type = 'N';
    } else if (values.length > 0 && values.every((v) => typeof v === 'boolean')) {
      type = 'L';
    }
    if (type === 'C') {
      decimals = 0;
      width = values.reduce((a: number, v) => Math.max(a, Math.min(MAX_C_WIDTH, enc.byteLength(cellText(v)))), 1);
    }
    const written = fieldName(key, enc, used);
    if (written !== key) renamed.push({ original: key, written });
    list.push({ key, name: enc.encode(written), type, width: type === 'L' ? 1 : width, decimals });
  }
  return { list, renamed };
}

function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** A DBF field name of at most 10 bytes, unique ignoring case among `used` (see the module comment). */
function fieldName(key: string, enc: TextEncoderState, used: Set<string>): string {
  const clean = chars(key)
    .map((c) => (c.codePointAt(0)! < 0x80 && !/[A-Za-z0-9_]/.test(c) ? '_' : c))
    .join('');
  const cut = (s: string, max: number): string => {
    let out = '';
    let n = 0;
    for (const c of chars(s)) {
      const b = enc.encode(c).length;
      if (n + b > max) break;
      out += c;
      n += b;
    }
    return out;
  };
  let name = cut(clean, 10) || 'FIELD';
  for (let i = 1; used.has(name.toUpperCase()); i++) name = `${cut(clean || 'FIELD', 10 - `_${i}`.length)}_${i}`;
  used.add(name.toUpperCase());
  return name;
}

function dbfBytes(features: Feature[], fields: Field[], enc: TextEncoderState, encoding: ShapefileEncoding, date: Date): Uint8Array {
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + fields.reduce((a, f) => a + f.width, 0);
  const out = new Uint8Array(headerLen + recordLen * features.length + 1);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  out[1] = date.getUTCFullYear() - 1900;
  out[2] = date.getUTCMonth() + 1;
  out[3] = date.getUTCDate();
  v.setUint32(4, features.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recordLen, true);
  out[29] = encoding === 'gbk' ? 0x4d : 0x00;
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    out.set(f.name.subarray(0, 10), o);
    out[o + 11] = f.type.charCodeAt(0);
    out[o + 16] = f.width;
    out[o + 17] = f.decimals;
  });
  out[headerLen - 1] = 0x0d;
  out.fill(0x20, headerLen, out.length - 1);
  let o = headerLen;
  for (const feature of features) {
    o++; // deletion flag: blank
    const props = feature.properties ?? {};
    for (const f of fields) {
      const value = props[f.key];
      if (value !== null && value !== undefined) {
        if (f.type === 'N') {
          const s = (value as number).toFixed(f.decimals);
          writeAscii(out, o + f.width - s.length, s);
        } else if (f.type === 'L') {
          out[o] = value ? 0x54 : 0x46;
        } else {
          const text = cellText(value);
          if (ascii(text) && text.length <= f.width) writeAscii(out, o, text);
          else out.set(enc.encodeMax(text, f.width), o);
        }
      } else if (f.type === 'L') {
        out[o] = 0x3f;
      }
      o += f.width;
    }
  }
  out[o] = 0x1a;
  return out;
}
