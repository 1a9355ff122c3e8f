import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { parseDbf, parseShp } from './shpjs_api';
import { InputError } from '../input_error';
import { encodingLabel, isUtf8, type EncodingSource } from './text_encoding';

/**
 * An ESRI Shapefile read from its parts' bytes (`.shp` geometry, `.dbf` attributes, optional `.prj`
 * coordinate system and `.cpg` code page), with `shpjs` (a maintained pure-JS reader that runs in Node
 * and browsers). Points, multipoints, polylines and polygons (with holes) come out as GeoJSON
 * geometries in the file's own coordinates: the caller reprojects them from the `.prj`.
 *
 * Attribute encoding: the `.cpg` when present; else detected (well-formed UTF-8 → UTF-8); else
 * `fallbackEncoding` (the scenario's `encoding`), default GB18030 (GBK), the code page of Chinese GIS.
 * Records with a null shape are dropped and reported.
 */
export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** What `readShapefile` read: the features, the CRS found in `.prj`, and the attribute encoding and how it was decided. */
export interface ShapefileRead {
  fc: FeatureCollection<Geometry, Record<string, unknown>>;
  read: number;
  dropped: { where: string; reason: string; reasonZh: string }[];
  encoding: string | undefined;
  encodingSource: EncodingSource | undefined;
}

/** A Shapefile's features in WGS84 from its parts' bytes (`.shp`, `.shx`, `.dbf`, `.prj`, `.cpg`), with its encoding and CRS. */
export function readShapefile(parts: ShapefileParts, file: string, fallbackEncoding?: string): ShapefileRead {
  const shp = parts.shp;
  if (shp.length < 100 || new DataView(shp.buffer, shp.byteOffset, 4).getInt32(0) !== 9994) {
    throw new InputError({ file }, 'not an ESRI Shapefile (.shp): the file code 9994 is missing', '不是 ESRI Shapefile（.shp）：缺少文件标识 9994');
  }
  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(view(shp));
  } catch (e) {
    throw new InputError({ file }, `the .shp cannot be read: ${(e as Error).message}`, `无法读取 .shp：${(e as Error).message}`);
  }
  let records: Record<string, unknown>[] = [];
  let encoding: string | undefined;
  let encodingSource: EncodingSource | undefined;
  if (parts.dbf) {
    const dbf = parts.dbf;
    const cpg = parts.cpg === undefined ? undefined : encodingLabel(parts.cpg);
    if (cpg) {
      encoding = cpg;
      encodingSource = 'cpg';
    } else if (dbfLooksUtf8(dbf)) {
      encoding = 'utf-8';
      encodingSource = 'detected';
    } else {
      encoding = (fallbackEncoding && encodingLabel(fallbackEncoding)) || 'gb18030';
      encodingSource = fallbackEncoding ? 'declared' : 'detected';
    }
    checkDbfHeader(dbf, file.replace(/\.shp$/i, '.dbf'));
    try {
      records = parseDbf(view(dbf), encoding);
    } catch (e) {
      throw new InputError({ file: file.replace(/\.shp$/i, '.dbf') }, `the .dbf cannot be read: ${(e as Error).message}`, `无法读取 .dbf：${(e as Error).message}`);
    }
    if (records.length !== geometries.length) {
      throw new InputError({ file }, `the .shp has ${geometries.length} shapes but the .dbf ${records.length} records`, `.shp 有 ${geometries.length} 个图形，而 .dbf 有 ${records.length} 条记录`);
    }
  }
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  const dropped: ShapefileRead['dropped'] = [];
  geometries.forEach((g, i) => {
    if (!g) {
      dropped.push({ where: `record ${i + 1}`, reason: 'null shape', reasonZh: '空图形' });
      return;
    }
    const geometry = g.type === 'MultiPoint' && g.coordinates.length === 1 ? { type: 'Point' as const, coordinates: g.coordinates[0] } : g;
    features.push({ type: 'Feature', geometry, properties: { ...records[i] } });
  });
  return { fc: { type: 'FeatureCollection', features }, read: geometries.length, dropped, encoding, encodingSource };
}

/**
 * The DBF header's record count and sizes against the bytes there are: the parser trusts the count and
 * would make that many records (up to 4 billion, from one damaged word) out of bytes that are not there.
 */
function checkDbfHeader(dbf: Uint8Array, file: string): void {
  if (dbf.length < 32) throw new InputError({ file }, `the .dbf is truncated (${dbf.length} bytes, its header alone is 32)`, `.dbf 文件不完整（${dbf.length} 字节，仅文件头就需 32 字节）`);
  const v = view(dbf);
  const records = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recordLen = v.getUint16(10, true);
  if (headerLen < 33 || headerLen > dbf.length) throw new InputError({ file }, `the .dbf header is damaged (it says ${headerLen} header bytes in a file of ${dbf.length})`, `.dbf 文件头已损坏（声称文件头 ${headerLen} 字节，文件共 ${dbf.length} 字节）`);
  if (records > 0 && (recordLen < 1 || headerLen + records * recordLen > dbf.length)) {
    throw new InputError(
      { file },
      `the .dbf is truncated or damaged: its header says ${records} records of ${recordLen} bytes, but ${dbf.length - headerLen} bytes follow the header`,
      `.dbf 文件不完整或已损坏：文件头称有 ${records} 条 ${recordLen} 字节的记录，而文件头后只有 ${dbf.length - headerLen} 字节`,
    );
  }
}

/**
 * Whether the DBF's text is UTF-8: judged on the records (field names are cut at 11 bytes, which can
 * split a UTF-8 character), and on the field names only when the records are pure ASCII.
 */
function dbfLooksUtf8(dbf: Uint8Array): boolean {
  if (dbf.length < 32) return true;
  const headerLen = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength).getUint16(8, true);
  const records = dbf.subarray(Math.min(headerLen, dbf.length));
  if (records.some((b) => b >= 0x80)) return isUtf8(records);
  const names: number[] = [];
  for (let o = 32; o + 32 <= headerLen && dbf[o] !== 0x0d; o += 32) {
    for (let k = 0; k < 11 && dbf[o + k] !== 0; k++) names.push(dbf[o + k]);
  }
  return isUtf8(Uint8Array.from(names));
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
