import { textDecoder } from '../web_globals';
import { parseJsonText } from './json_text';
import type { FeatureCollection, Geometry } from 'geojson';
import { InputError } from '../input_error';
import type { LonLat } from './china_offsets';
import { WGS84, crsFromGeoJsonMember, crsFromWkt, gaussKrugerZone, resolveCrs, type Crs } from './crs';
import { firstProjectedPosition, projectedCoordinatesError } from './crs_detect';
import { canonicalProperties, csvRows, pointTable, statusTable, type Cell, type StatusUpdate } from './point_table';
import { readFlatGeobuf } from './flatgeobuf';
import type { ByteChunks } from './byte_chunks';
import { readGeoJsonDocument } from './geojson_stream';
import { readKml } from './kml';
import { readShapefile } from './shapefile';
import { decodeTextAuto, type EncodingSource } from './text_encoding';
import { readXlsxSheet } from './xlsx';

/**
 * One layer file named in a scenario (or on the command line), in any of the formats Chinese offices
 * have, read into WGS84 GeoJSON with a report of what happened. Pure: the bytes come through `read`.
 */

/** A layer reference: a path, or a path with its coordinate system, text encoding, columns and sheet. */
export type LayerRef = string | LayerRefObject;

/** A layer given with how to read it: path, CRS, text encoding, column names, Excel sheet. */
export interface LayerRefObject {
  path: string;
  /** EPSG:4326 (default), EPSG:4490, EPSG:4491–4554 (CGCS2000 Gauss–Krüger), EPSG:3857, GCJ-02, BD-09, any EPSG proj4 knows, a proj4 string. */
  crs?: string;
  /** Text encoding when it cannot be detected (CSV, DBF): "GBK", "GB18030", "UTF-8", "Big5" … */
  encoding?: string;
  /** CSV / Excel: property → header name, e.g. { "x": "横坐标", "y": "纵坐标", "id": "栓号" }. */
  columns?: Record<string, string>;
  /** Excel: the sheet's name (default: the first sheet). */
  sheet?: string;
}

/** The layer formats `readLayer` reads, told from the file name. */
export type LayerFormat = 'geojson' | 'shapefile' | 'csv' | 'xlsx' | 'kml' | 'flatgeobuf';

/** How the coordinate system was decided. */
export type CrsSource = 'scenario' | 'command line' | '.prj' | 'GeoJSON crs' | 'FlatGeobuf header' | 'default';

/** Per-layer import report (printed by analyze / hydrants, written into summary.json as `imports[]`). */
export interface LayerImportReport {
  /** Scenario field: "hydrants", "network", "stations" … */
  layer: string;
  file: string;
  format: LayerFormat;
  /** Features or data rows read. */
  read: number;
  /** Features kept. */
  kept: number;
  /** Features dropped, each with where (row / record) and why. */
  dropped: { where: string; reason: string; reasonZh: string }[];
  /** The CRS used ("EPSG:4523") and its name. */
  crs: string;
  crsName: string;
  crsSource: CrsSource;
  /** Text encoding of a CSV / DBF, and how it was chosen. */
  encoding?: string;
  encodingSource?: EncodingSource;
  /** Anything else worth telling (the coordinate columns used, a sheet name, swapped x/y). */
  notes: string[];
}

export interface LayerRead {
  fc: FeatureCollection;
  report: LayerImportReport;
}

/** How `readLayer` reads: the file reader (core does no I/O), the layer's role and name for messages, where a CRS came from. */
export interface ReadLayerOptions {
  /** The format, when the caller knows it (`--geojson FILE`): otherwise told from the file's extension. */
  format?: LayerFormat;
  /** Scenario field, for the report and messages. */
  layer: string;
  /** The path as shown in messages (resolved beside the scenario). */
  displayName: string;
  /** Reads a file by the path as written (sidecars: same stem, other extension); rejects when missing. */
  read: (path: string) => Promise<Uint8Array>;
  /** Where an explicit `crs` came from (default "scenario"). */
  crsSource?: 'scenario' | 'command line';
  /** Longitude of the roads, for naming the Gauss–Krüger zone of undeclared projected coordinates. */
  hintLonDeg?: number;
  /** JSON.parse for GeoJSON text (default: JSON.parse with an InputError). */
  parseJson?: (text: string, file: string) => unknown;
  /**
   * Opens a file as a stream of byte chunks, or gives undefined to have it read whole (the CLI streams
   * large files). A streamed GeoJSON is parsed feature by feature, never as one string, so it may be
   * larger than the 512 MiB a JavaScript string can hold; it must be UTF-8 (an `encoding` other than
   * UTF-8 reads the file whole).
   */
  openStream?: (path: string) => Promise<ByteChunks | undefined>;
}

/** The path of a reference. */
export function layerPath(ref: LayerRef): string {
  return typeof ref === 'string' ? ref : ref.path;
}

/** The format of a file by its extension (GeoJSON for anything unknown, as before). */
export function layerFormat(path: string): LayerFormat {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'shp') return 'shapefile';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'kml') return 'kml';
  if (ext === 'fgb') return 'flatgeobuf';
  return 'geojson';
}

/** Reads a layer and brings it to WGS84. */
export async function readLayer(ref: LayerRef, opts: ReadLayerOptions): Promise<LayerRead> {
  const r: LayerRefObject = typeof ref === 'string' ? { path: ref } : ref;
  const file = opts.displayName;
  const format = opts.format ?? layerFormat(r.path);
  const notes: string[] = [];
  let fc: FeatureCollection;
  let read: number;
  let dropped: LayerImportReport['dropped'] = [];
  let ownCrs: { crs: Crs; source: CrsSource } | undefined;
  let encoding: string | undefined;
  let encodingSource: EncodingSource | undefined;
  let table = false;

  if (format === 'shapefile') {
    const stem = r.path.slice(0, -4);
    const upper = r.path.slice(-4) === '.SHP';
    const sidecar = async (ext: string): Promise<Uint8Array | undefined> => {
      try {
        return await opts.read(`${stem}.${upper ? ext.toUpperCase() : ext}`);
      } catch {
        return undefined;
      }
    };
    const shp = await opts.read(r.path);
    const [dbf, prj, cpg] = await Promise.all([sidecar('dbf'), sidecar('prj'), sidecar('cpg')]);
    if (!dbf) throw new InputError({ file }, `the attribute file ${stem}.dbf is missing beside the .shp (a Shapefile is at least .shp, .shx and .dbf)`, `.shp 旁缺少属性文件 ${stem}.dbf（Shapefile 至少包括 .shp、.shx 和 .dbf）`);
    const text = (b: Uint8Array | undefined): string | undefined => (b ? textDecoder('utf-8').decode(b).trim() : undefined);
    const s = readShapefile({ shp, dbf, prj: text(prj), cpg: text(cpg) }, file, r.encoding);
    fc = s.fc;
    for (const f of fc.features) f.properties = canonicalProperties(f.properties ?? {}, r.columns);
    read = s.read;
    dropped = s.dropped;
    encoding = s.encoding;
    encodingSource = s.encodingSource;
    const prjText = text(prj);
    if (prjText) ownCrs = { crs: crsFromWkt(prjText, { file: `${stem}.prj` }), source: '.prj' };
  } else if (format === 'csv' || format === 'xlsx') {
    table = true;
    const bytes = await opts.read(r.path);
    let rows: Cell[][];
    let rowNumbers: number[];
    if (format === 'csv') {
      const decoded = decodeTextAuto(bytes, r.encoding, file);
      encoding = decoded.encoding;
      encodingSource = decoded.source;
      ({ rows, rowNumbers } = csvRows(decoded.text, file));
    } else {
      const sheet = readXlsxSheet(bytes, file, r.sheet);
      rows = sheet.rows;
      rowNumbers = sheet.rowNumbers;
      notes.push(`sheet "${sheet.sheet}"`);
    }
    const t = pointTable(rows, rowNumbers, file, r.columns);
    fc = t.fc;
    read = t.read;
    dropped = t.dropped;
    notes.push(`x = "${t.xColumn}", y = "${t.yColumn}"`);
  } else if (format === 'kml') {
    const bytes = await opts.read(r.path);
    fc = readKml(decodeTextAuto(bytes, r.encoding, file).text, file);
    read = fc.features.length;
    for (const f of fc.features) f.properties = canonicalProperties(f.properties ?? {}, r.columns);
  } else if (format === 'flatgeobuf') {
    const g = await readFlatGeobuf(await opts.read(r.path), file);
    fc = g.fc;
    read = fc.features.length;
    for (const f of fc.features) f.properties = canonicalProperties(f.properties ?? {}, r.columns);
    // FlatGeobuf's spec: a code without an organisation is an EPSG code.
    if (g.crs && (g.crs.org === null || g.crs.org.toUpperCase() === 'EPSG') && g.crs.code > 0) ownCrs = { crs: resolveCrs(`EPSG:${g.crs.code}`, { file, feature: 'header crs' }), source: 'FlatGeobuf header' };
    else if (g.crs?.wkt) ownCrs = { crs: crsFromWkt(g.crs.wkt, { file, feature: 'header crs' }), source: 'FlatGeobuf header' };
  } else {
    const utf8 = r.encoding === undefined || /^utf-?8$/i.test(r.encoding.trim());
    const stream = utf8 && opts.openStream ? await opts.openStream(r.path) : undefined;
    if (stream) {
      const [label, labelZh] = opts.parseJson ? ['invalid JSON', 'JSON 格式错误'] : ['not valid JSON', '不是有效的 JSON'];
      fc = asLayerCollection(await readGeoJsonDocument(stream, file, { label, labelZh }), file);
    } else {
      const bytes = await opts.read(r.path);
      const decoded = decodeTextAuto(bytes, r.encoding, file);
      fc = parseJsonLayer(decoded.text, file, opts.parseJson);
    }
    read = fc.features.length;
    const member = crsFromGeoJsonMember((fc as { crs?: unknown }).crs, { file, feature: 'crs' });
    if (member) ownCrs = { crs: member, source: 'GeoJSON crs' };
  }

  let crs: Crs;
  let crsSource: CrsSource;
  if (r.crs !== undefined) {
    crs = resolveCrs(r.crs, { file, feature: 'crs' });
    crsSource = opts.crsSource ?? 'scenario';
  } else if (ownCrs) {
    ({ crs, source: crsSource } = ownCrs);
  } else {
    crs = WGS84;
    crsSource = 'default';
    const bad = firstProjectedPosition(positions(fc));
    if (bad) throw projectedCoordinatesError({ file }, bad, opts.hintLonDeg);
  }

  if (table && !crs.geographic) {
    const swap = northingEastingSwapped(fc, crs);
    if (swap) {
      notes.push('x/y swapped: the x column holds northings (Chinese survey order X = north)');
      for (const f of fc.features) {
        const c = (f.geometry as { coordinates: number[] }).coordinates;
        [c[0], c[1]] = [c[1], c[0]];
      }
    }
  }
  if (!crs.identity) fc = reproject(fc, crs);
  return {
    fc,
    report: {
      layer: opts.layer,
      file,
      format,
      read,
      kept: fc.features.length,
      dropped,
      crs: crs.id,
      crsName: crs.name,
      crsSource,
      ...(encoding === undefined ? {} : { encoding, encodingSource }),
      notes,
    },
  };
}

function parseJsonLayer(text: string, file: string, parse?: (text: string, file: string) => unknown): FeatureCollection {
  // The line and column of a syntax error, never a quote of the file's content (it may be private).
  return asLayerCollection(parse ? parse(text, file) : parseJsonText(text, file, 'not valid JSON', '不是有效的 JSON'), file);
}

/** A parsed GeoJSON document as a FeatureCollection: a lone Feature or geometry is a collection of one. */
function asLayerCollection(doc: unknown, file: string): FeatureCollection {
  const d = doc as { type?: unknown; features?: unknown; crs?: unknown } | null;
  if (d && d.type === 'FeatureCollection' && Array.isArray(d.features)) return doc as FeatureCollection;
  if (d && d.type === 'Feature') return { type: 'FeatureCollection', features: [doc as FeatureCollection['features'][number]] };
  if (d && typeof d.type === 'string' && 'coordinates' in d) return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: doc as Geometry, properties: {} }] };
  throw new InputError({ file }, 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})', '不是 GeoJSON FeatureCollection（应为 {"type": "FeatureCollection", "features": [...]}）');
}

/** Every position of every feature (malformed ones are skipped: the layer parsers report them). */
export function* positions(fc: FeatureCollection): Generator<LonLat> {
  // Positions lie at most three arrays deep (MultiPolygon); deeper nesting is damage the layer parsers report.
  const walk = function* (c: unknown, depth: number): Generator<LonLat> {
    if (!Array.isArray(c) || depth > 3) return;
    if (typeof c[0] === 'number') {
      if (typeof c[1] === 'number') yield [c[0], c[1]];
      return;
    }
    for (const p of c) yield* walk(p, depth + 1);
  };
  for (const f of fc.features ?? []) {
    const g = (f as { geometry?: { coordinates?: unknown; geometries?: { coordinates?: unknown }[] } } | null)?.geometry;
    if (!g) continue;
    if (Array.isArray(g.geometries)) for (const gg of g.geometries) yield* walk(gg?.coordinates, 0);
    else yield* walk(g.coordinates, 0);
  }
}

/** A copy of `fc` with every position transformed to WGS84 (extra ordinates such as z are kept). */
export function reproject(fc: FeatureCollection, crs: Crs): FeatureCollection {
  // Deeper than a MultiPolygon's positions is left as it is, for the layer parsers to refuse.
  const map = (c: unknown, depth: number): unknown => {
    if (!Array.isArray(c) || depth > 3) return c;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      // JSON's 1e999 is Infinity: no transform takes it; the layer parsers refuse it.
      if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) return c;
      const [lon, lat] = crs.toWgs84(c[0], c[1]);
      return [lon, lat, ...c.slice(2)];
    }
    return c.map((x) => map(x, depth + 1));
  };
  // Malformed geometries (not objects, collections without an array, collections nested in collections) are left for the parsers to refuse.
  const geom = (g: Geometry | null, nested = false): Geometry | null => {
    if (!g || typeof g !== 'object') return g;
    if (g.type === 'GeometryCollection') return nested || !Array.isArray(g.geometries) ? g : { ...g, geometries: g.geometries.map((x) => geom(x, true) as Geometry) };
    return { ...g, coordinates: map(g.coordinates, 0) } as Geometry;
  };
  const { crs: _drop, ...rest } = fc as FeatureCollection & { crs?: unknown };
  return { ...rest, features: fc.features.map((f) => (f && typeof f === 'object' ? { ...f, geometry: geom(f.geometry) as Geometry } : f)) };
}

/** For a Gauss–Krüger table: whether most points have x like a northing and y like an easting. */
function northingEastingSwapped(fc: FeatureCollection, crs: Crs): boolean {
  const code = /^EPSG:(\d+)$/.exec(crs.id);
  const zone = code ? gaussKrugerZone(Number(code[1])) : undefined;
  if (!zone) return false;
  let swapped = 0;
  let total = 0;
  for (const [x, y] of positions(fc)) {
    total++;
    const eastingLike = (v: number): boolean => (zone.prefixed ? v > zone.zone * 1e6 && v < (zone.zone + 1) * 1e6 : v > 0 && v < 1e6);
    if (!eastingLike(x) && eastingLike(y)) swapped++;
  }
  return total > 0 && swapped > total / 2;
}

/**
 * A status update table (CSV or Excel: id, status, date — what an inspection round produces) applied to
 * a point layer's raw features by id: the status (and `statusDate`) of each known id is replaced, the
 * latest date winning when an id appears twice (rows without dates count as older); ids the layer does
 * not have are reported as dropped rows. The layer parser then reads the statuses as usual.
 */
export async function applyStatusTable(fc: FeatureCollection, ref: LayerRef, opts: ReadLayerOptions): Promise<{ fc: FeatureCollection; report: LayerImportReport }> {
  const r: LayerRefObject = typeof ref === 'string' ? { path: ref } : ref;
  const file = opts.displayName;
  const format = layerFormat(r.path);
  const bytes = await opts.read(r.path);
  let rows: Cell[][];
  let rowNumbers: number[];
  let encoding: string | undefined;
  let encodingSource: EncodingSource | undefined;
  if (format === 'csv') {
    const decoded = decodeTextAuto(bytes, r.encoding, file);
    encoding = decoded.encoding;
    encodingSource = decoded.source;
    ({ rows, rowNumbers } = csvRows(decoded.text, file));
  } else if (format === 'xlsx') {
    ({ rows, rowNumbers } = readXlsxSheet(bytes, file, r.sheet));
  } else {
    throw new InputError({ file }, 'a status update table must be a CSV or Excel (.xlsx) file', '状态更新表须为 CSV 或 Excel（.xlsx）文件');
  }
  const updates = statusTable(rows, rowNumbers, file, r.columns);
  const latest = new Map<string, StatusUpdate>();
  for (const u of updates) {
    const prev = latest.get(u.id);
    if (!prev || (u.date ?? '') >= (prev.date ?? '')) latest.set(u.id, u);
  }
  const byId = new Map<string, number>();
  fc.features.forEach((f, i) => {
    const id = (f.properties as { id?: unknown } | null)?.id;
    if (typeof id === 'string' || typeof id === 'number') byId.set(String(id), i);
  });
  const features = fc.features.slice();
  const dropped: LayerImportReport['dropped'] = [];
  let applied = 0;
  for (const u of latest.values()) {
    const i = byId.get(u.id);
    if (i === undefined) {
      dropped.push({ where: `${u.where} (id ${u.id})`, reason: 'unknown id', reasonZh: '编号不存在' });
      continue;
    }
    const f = features[i];
    features[i] = { ...f, properties: { ...f.properties, status: u.status, ...(u.date ? { statusDate: u.date } : {}) } };
    applied++;
  }
  return {
    fc: { ...fc, features },
    report: {
      layer: opts.layer,
      file,
      format,
      read: updates.length,
      kept: applied,
      dropped,
      crs: '-',
      crsName: '-',
      crsSource: 'default',
      ...(encoding === undefined ? {} : { encoding, encodingSource }),
      notes: [`${applied} statuses updated${updates.length > latest.size ? `, ${updates.length - latest.size} older rows of repeated ids ignored` : ''}`],
    },
  };
}
