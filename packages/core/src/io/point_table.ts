import type { Feature, FeatureCollection, Point } from 'geojson';
import { briefText } from './brief_value';
import { CsvReader, guessDelimiter } from './csv_reader';
import { utf8Bytes } from '../web_globals';
import { InputError } from '../input_error';

/**
 * Point inventories as tables (a CSV file or an Excel sheet): one row per point, the coordinate
 * columns found from the header (or named in `columns`), every other column kept as a property.
 *
 * Header names recognised (case, spaces and underscores ignored), first match wins:
 * - x: lon, lng, long, longitude, x, 经度, X坐标, 东坐标, easting — y: lat, latitude, y, 纬度, Y坐标, 北坐标, northing
 * - id: id, 编号, 编码 · name: name, 名称 · status: status, 状态 · type: type, 类型 · road: road, 道路,
 *   所在道路, 道路名称 · kind: kind, 水源类型, 种类 · class: class, 类别, 站级 · diameterMm: 管径, 口径, diameter
 *   · year: year, 年份, 投用年份, 建成年份, 建设年份, 规划年份
 *
 * `columns` maps a property (x, y, lon, lat, id, name, status, …) to a header name and wins over the
 * detection. A row whose two coordinate cells are both empty is dropped (reported); a coordinate that
 * is not a number is an InputError naming the row. Cells of the recognised text columns stay text;
 * other cells that read as numbers become numbers.
 */

export type Cell = string | number | boolean | null | undefined;

export interface TableDrop {
  /** "row 7" (1-based, as a spreadsheet or a text editor shows it). */
  where: string;
  reason: string;
  reasonZh: string;
}

/** Points read from a table: the features, the columns used for each field, the rows dropped and why. */
export interface PointTable {
  fc: FeatureCollection<Point, Record<string, unknown>>;
  /** Data rows seen (blank lines excluded). */
  read: number;
  dropped: TableDrop[];
  /** Header names used for x and y. */
  xColumn: string;
  yColumn: string;
}

const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  x: ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'x坐标', '东坐标', 'easting', 'point_x', '横坐标'],
  y: ['lat', 'latitude', 'y', '纬度', 'y坐标', '北坐标', 'northing', 'point_y', '纵坐标'],
  id: ['id', '编号', '编码', '设施编号', '消火栓编号', '水源编号'],
  name: ['name', '名称', '名字', '设施名称'],
  nameZh: ['namezh', 'name:zh', '中文名称'],
  status: ['status', '状态', '完好状态', '使用状态'],
  type: ['type', '类型', '型式', '形式'],
  road: ['road', '道路', '所在道路', '道路名称', '路名'],
  kind: ['kind', '水源类型', '种类', '水源种类'],
  class: ['class', '类别', '站级', '等级'],
  diameterMm: ['diametermm', 'diameter', '管径', '口径', '管径mm'],
  year: ['year', '年份', '投用年份', '建成年份', '建设年份', '规划年份', '投入使用年份'],
};
const TEXT_KEYS = new Set(['id', 'name', 'nameZh', 'status', 'type', 'road', 'kind', 'class']);

/** A year cell as a number: 2026, "2026", "2026年" → 2026; anything else is kept for the schema to reject with its row. */
function yearValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^\s*(\d{4})\s*年?\s*$/.exec(v);
  return m ? Number(m[1]) : v;
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_（）()]/g, '').replace(/^point/, 'point_');

/** Rows of a CSV text (comma, semicolon or tab separated, guessed from the first line). Blank lines are dropped. */
export function csvRows(text: string, file: string): { rows: string[][]; rowNumbers: number[] } {
  const bytes = utf8Bytes(text.replace(/^\uFEFF/, ''));
  const r = new CsvReader(bytes, file, guessDelimiter(bytes));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  while (r.next()) {
    const row: string[] = [];
    for (let i = 0; i < r.fieldCount; i++) row.push(r.text(i));
    if (row.every((c) => c.trim() === '')) continue;
    rows.push(row);
    rowNumbers.push(r.line);
  }
  return { rows, rowNumbers };
}

/** Points from a table whose first row is the header. */
export function pointTable(rows: Cell[][], rowNumbers: number[], file: string, columns: Readonly<Record<string, string>> = {}): PointTable {
  if (rows.length === 0) throw new InputError({ file }, 'the table is empty (no header row)', '表格为空（没有表头）');
  const header = rows[0].map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const find = (key: string): number => {
    const given = columns[key] ?? (key === 'x' ? columns.lon : key === 'y' ? columns.lat : undefined);
    if (given !== undefined) {
      const i = header.findIndex((h) => h === given) >= 0 ? header.findIndex((h) => h === given) : header.findIndex((h) => norm(h) === norm(given));
      if (i < 0) throw new InputError({ file, line: rowNumbers[0] }, `columns.${key}: no column "${given}" in the header (it has ${header.length} columns)`, `columns.${key}：表头中没有“${given}”列（表头共 ${header.length} 列）`);
      return i;
    }
    const names = SYNONYMS[key] ?? [key];
    for (const n of names) {
      const i = header.findIndex((h) => norm(h) === norm(n));
      if (i >= 0) return i;
    }
    return -1;
  };
  const xi = find('x');
  const yi = find('y');
  if (xi < 0 || yi < 0) {
    throw new InputError(
      { file, line: rowNumbers[0] },
      `no ${xi < 0 ? 'longitude/x' : 'latitude/y'} column found in the header (${header.length} columns; not listed: a file given by mistake may be private); name the columns lon/lat, 经度/纬度, x/y or X坐标/Y坐标, or give "columns": {"x": "…", "y": "…"}`,
      `表头中找不到${xi < 0 ? '经度/X' : '纬度/Y'}列（表头共 ${header.length} 列，不予列出：误指的文件可能涉及隐私）；请将列命名为 lon/lat、经度/纬度、x/y 或 X坐标/Y坐标，或在 "columns" 中指定 {"x": "…", "y": "…"}`,
    );
  }
  const known = new Map<number, string>();
  for (const key of Object.keys(SYNONYMS)) {
    if (key === 'x' || key === 'y') continue;
    const i = find(key);
    if (i >= 0 && i !== xi && i !== yi && !known.has(i)) known.set(i, key);
  }
  for (const key of Object.keys(columns)) {
    if (key in SYNONYMS || key === 'lon' || key === 'lat') continue;
    const i = find(key);
    if (i >= 0) known.set(i, key);
  }

  const features: Feature<Point, Record<string, unknown>>[] = [];
  const dropped: TableDrop[] = [];
  let read = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const line = rowNumbers[r];
    if (row.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    read++;
    const xs = cellText(row[xi]);
    const ys = cellText(row[yi]);
    if (xs === '' && ys === '') {
      dropped.push({ where: `row ${line}`, reason: 'no coordinates', reasonZh: '无坐标' });
      continue;
    }
    const x = toNumber(row[xi]);
    const y = toNumber(row[yi]);
    if (x === undefined || y === undefined) {
      const [bad, col] = (x === undefined ? [xs, header[xi]] : [ys, header[yi]]).map((t) => briefText(t));
      throw new InputError({ file, line, feature: `row ${line}` }, `column "${col}": "${bad}" is not a number`, `“${col}”列：“${bad}”不是数字`);
    }
    const props: Record<string, unknown> = {};
    header.forEach((h, c) => {
      if (c === xi || c === yi || h === '') return;
      const v = row[c];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return;
      const key = known.get(c);
      const value = key !== undefined && TEXT_KEYS.has(key) ? cellText(v) : key === 'year' ? yearValue(v) : typeof v === 'string' && toNumber(v) !== undefined ? toNumber(v) : v;
      props[h] = value;
      if (key !== undefined) props[key] = value;
    });
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: props });
  }
  return { fc: { type: 'FeatureCollection', features }, read, dropped, xColumn: header[xi], yColumn: header[yi] };
}

/**
 * Adds the recognised properties (id, name, status, type, road, kind, class, diameterMm, year) under their
 * canonical names to a feature's properties whose keys are a table's or a DBF's field names (编号, 状态 …);
 * keys already present are kept. `columns` (property → field name) wins over the recognition.
 */
export function canonicalProperties(props: Record<string, unknown>, columns: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const keys = Object.keys(props);
  const out = { ...props };
  for (const [key, names] of Object.entries(SYNONYMS)) {
    if (key === 'x' || key === 'y' || key in props) continue;
    const field = columns[key] ?? keys.find((k) => names.some((n) => norm(n) === norm(k)));
    if (field === undefined || !(field in props)) continue;
    const v = props[field];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    out[key] = TEXT_KEYS.has(key) && typeof v === 'number' ? String(v) : key === 'year' ? yearValue(v) : v;
  }
  return out;
}

/** One row of a status update table (编号 / id, 状态 / status, 日期 / date). */
export interface StatusUpdate {
  id: string;
  status: string;
  /** As written (ISO 2024-05-01, 2024/5/1, or an Excel serial day number as text); latest wins per id. */
  date: string | null;
  /** "row 7". */
  where: string;
}

/**
 * The rows of a status update table: `id` and `status` columns found like a point table's (编号 / id,
 * 状态 / status, or named in `columns`), `date` from date / 日期 / 检查日期 / 更新日期. Rows without an id or a
 * status are errors naming the row.
 */
export function statusTable(rows: Cell[][], rowNumbers: number[], file: string, columns: Readonly<Record<string, string>> = {}): StatusUpdate[] {
  if (rows.length === 0) throw new InputError({ file }, 'the table is empty (no header row)', '表格为空（没有表头）');
  const header = rows[0].map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const find = (key: string, names: readonly string[]): number => {
    const given = columns[key];
    const wanted = given === undefined ? names : [given];
    for (const n of wanted) {
      const i = header.findIndex((h) => norm(h) === norm(n));
      if (i >= 0) return i;
    }
    return -1;
  };
  const idCol = find('id', SYNONYMS.id);
  const statusCol = find('status', SYNONYMS.status);
  const dateCol = find('date', ['date', '日期', '检查日期', '更新日期', '巡查日期']);
  if (idCol < 0 || statusCol < 0) {
    throw new InputError(
      { file, line: rowNumbers[0] },
      `a status table needs an id and a status column (id / 编号, status / 状态), not found among the header's ${header.length} columns; or give "columns": {"id": "…", "status": "…"}`,
      `状态更新表须有编号列与状态列（id / 编号，status / 状态），表头 ${header.length} 列中没有；或在 "columns" 中指定`,
    );
  }
  const out: StatusUpdate[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const where = `row ${rowNumbers[r]}`;
    const id = cellText(row[idCol]);
    const status = cellText(row[statusCol]);
    if (id === '' || status === '') {
      throw new InputError({ file, line: rowNumbers[r], feature: where }, `${id === '' ? 'the id' : 'the status'} is empty`, `${id === '' ? '编号' : '状态'}为空`);
    }
    const date = dateCol < 0 ? null : cellText(row[dateCol]) || null;
    out.push({ id, status, date, where });
  }
  return out;
}

function cellText(v: Cell): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A finite number from a cell: numbers as they are, text with optional spaces / thousands commas. */
function toNumber(v: Cell): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().replace(/(?<=\d),(?=\d{3}(\D|$))/g, '');
  if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}
