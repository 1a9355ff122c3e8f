import { InputError } from '../input_error';
import { briefText } from './brief_value';
import { CsvReader, IdIndex, doubled } from './csv_reader';
import { polylineLengthM } from '../network/geodesy';
import { CHINESE_ROAD_CLASSES, LinkFlag, ROAD_CLASSES, UNKNOWN_CLASS, roadClassCode } from '../network/road_class';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { neutraliseFormula, restoreFormula } from './csv_formula';

/**
 * pgRouting edge tables, the way users bring networks out of PostGIS
 * (`COPY (SELECT id, source, target, cost, reverse_cost, … FROM ways) TO … CSV HEADER`).
 *
 * Edges: header required, columns in any order, names case-insensitive:
 * - `id`, `source`, `target`, `cost` (required); `reverse_cost` (optional: without it every edge is
 *   one-way source→target, as in pgRouting). Costs are seconds; a negative cost means that direction
 *   cannot be travelled (stored as Infinity).
 * - `length` / `length_m` (metres) → link length; otherwise measured along the straight line between
 *   the end nodes.
 * - `highway` / `class` / `road_class` / `fclass` (OSM class or 快速路/主干路/次干路/支路) → road class;
 *   `name` → name. Any other column is ignored.
 * - `x1,y1,x2,y2`: end coordinates (lon/lat), used when no node table is given.
 *
 * Nodes (optional): `id` and `lon,lat` (or `x,y`, `lng,lat`, `longitude,latitude`), WGS84 degrees.
 *
 * Every mistake is an `InputError` naming the file and the line.
 */
export function readEdgeTable(edgesCsv: Uint8Array | string, edgesFile: string, nodes?: { csv: Uint8Array | string; file: string }): RoadNetwork {
  const edges = openTable(edgesCsv, edgesFile);
  const col = columnsOf(edges, edgesFile, ['id', 'source', 'target', 'cost']);
  const reverseCol = edges.header.indexOf('reverse_cost');
  const lengthCol = firstColumn(edges.header, ['length_m', 'length']);
  const classCol = firstColumn(edges.header, ['highway', 'road_class', 'class', 'fclass']);
  const nameCol = edges.header.indexOf('name');
  const xyCols = ['x1', 'y1', 'x2', 'y2'].map((c) => edges.header.indexOf(c));
  const haveXy = xyCols.every((c) => c >= 0);

  const b = new RoadNetworkBuilder(polylineLengthM);
  // Sized from the line counts (one id a node row, at most two new ends an edge row), so neither the
  // index nor the builder's arrays ever grow on a large table, and are no larger than they need to be.
  const edgeRows = dataRows(edgesCsv);
  const nodeRows = nodes ? dataRows(nodes.csv) : 2 * edgeRows;
  b.reserve(nodes ? nodeRows : 0, edgeRows);
  let nodeIndex: NodeLookup;

  if (nodes) {
    const t = openTable(nodes.csv, nodes.file);
    const idCol = columnsOf(t, nodes.file, ['id'])[0];
    const lonCol = firstColumn(t.header, ['lon', 'x', 'lng', 'longitude']);
    const latCol = firstColumn(t.header, ['lat', 'y', 'latitude']);
    if (lonCol < 0 || latCol < 0) {
      throw new InputError({ file: nodes.file, line: t.headerLine }, 'the node table needs coordinate columns: id,lon,lat (or id,x,y)', '节点表需要坐标列：id,lon,lat（或 id,x,y）');
    }
    const r = t.reader;
    const points = new PointList(nodeRows);
    do {
      const id = parseId(r, idCol, nodes.file, 'node id', '节点编号');
      const lon = parseNumber(r, lonCol, nodes.file, 'longitude', '经度', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
      const lat = parseNumber(r, latCol, nodes.file, 'latitude', '纬度', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
      points.push(id, lon, lat, r.line);
    } while (r.next());
    checkCoordinates(points, nodes.file);
    nodeIndex = consecutiveIds(points) ?? new IdIndex(nodeRows);
    for (let k = 0; k < points.length; k++) {
      const id = points.id[k];
      if (nodeIndex.add(id) < 0) throw new InputError({ file: nodes.file, line: points.line[k] }, `duplicate node id ${id}`, `节点编号 ${id} 重复`);
      b.addNode(id, points.lon[k], points.lat[k]);
    }
  } else if (!haveXy) {
    throw new InputError(
      { file: edgesFile, line: edges.headerLine },
      'no coordinates for the nodes: give a node table (id,lon,lat) or x1,y1,x2,y2 columns on the edges',
      '节点没有坐标：请提供节点表（id,lon,lat）或在边表中提供 x1,y1,x2,y2 列',
    );
  } else {
    // Node coordinates from the edges' end points (first mention wins), in a first pass, so that
    // coordinate mistakes are reported before edge mistakes.
    const first = openTable(edgesCsv, edgesFile).reader;
    const points = new PointList(1024);
    const index = new IdIndex(nodeRows);
    nodeIndex = index;
    do {
      // Source end (x1, y1), then target end (x2, y2); no array per row.
      for (let k = 0; k < 2; k++) {
        const end = col[1 + k];
        const xc = xyCols[2 * k];
        const yc = xyCols[2 * k + 1];
        const id = parseId(first, end, edgesFile, 'node id', '节点编号');
        if (index.add(id) < 0) continue;
        const lon = parseNumber(first, xc, edgesFile, 'x', 'x', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
        const lat = parseNumber(first, yc, edgesFile, 'y', 'y', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
        points.push(id, lon, lat, first.line);
      }
    } while (first.next());
    checkCoordinates(points, edgesFile);
    b.reserve(points.length, edgeRows);
    for (let k = 0; k < points.length; k++) b.addNode(points.id[k], points.lon[k], points.lat[k]);
  }

  // Edge ids are checked for duplicates without a hash while they rise (as a table exported in id
  // order does); from the first that does not, every id so far goes into an index.
  let edgeIds: IdIndex | null = null;
  let lastEdgeId = -Infinity;
  let seenIds: Float64Array | null = new Float64Array(edgeRows);
  let seen = 0;
  const r = edges.reader;
  const unknownNode = (line: number, id: number, nid: number): InputError =>
    new InputError({ file: edgesFile, line, feature: `edge ${id}` }, `unknown node id ${nid} (not in ${nodes ? nodes.file : 'the table'})`, `未知的节点编号 ${nid}（不在${nodes ? nodes.file : '表'}中）`);
  do {
    const line = r.line;
    const id = parseId(r, col[0], edgesFile, 'edge id', '边编号');
    if (seenIds !== null && id > lastEdgeId) {
      lastEdgeId = id;
      // Counted from LF line ends: a table with lone-CR line ends has more rows than that.
      if (seen === seenIds.length) seenIds = doubled(seenIds, (k) => new Float64Array(k));
      seenIds[seen++] = id;
    } else {
      if (edgeIds === null) {
        edgeIds = new IdIndex(edgeRows);
        for (let k = 0; k < seen; k++) edgeIds.add(seenIds![k]);
        seenIds = null;
      }
      if (edgeIds.add(id) < 0) throw new InputError({ file: edgesFile, line }, `duplicate edge id ${id}`, `边编号 ${id} 重复`);
    }
    const sourceId = parseId(r, col[1], edgesFile, 'node id', '节点编号');
    const source = nodeIndex.get(sourceId);
    if (source < 0) throw unknownNode(line, id, sourceId);
    const targetId = parseId(r, col[2], edgesFile, 'node id', '节点编号');
    const target = nodeIndex.get(targetId);
    if (target < 0) throw unknownNode(line, id, targetId);
    const cost = parseNumber(r, col[3], edgesFile, 'cost', 'cost');
    const reverse = reverseCol >= 0 ? parseNumber(r, reverseCol, edgesFile, 'reverse_cost', 'reverse_cost') : -1;
    let flags = LinkFlag.EXPLICIT_COST;
    if (cost >= 0) flags |= LinkFlag.FORWARD;
    if (reverse >= 0) flags |= LinkFlag.BACKWARD;
    let lengthM = NaN;
    if (lengthCol >= 0) {
      const v = r.number(lengthCol);
      if (Number.isFinite(v) && v >= 0) lengthM = v;
    }
    let roadClass = UNKNOWN_CLASS;
    if (classCol >= 0 && !r.isEmpty(classCol)) {
      const name = r.text(classCol).trim();
      roadClass = roadClassCode(name) ?? roadClassCode(CHINESE_ROAD_CLASSES[name] ?? '') ?? UNKNOWN_CLASS;
    }
    const name = nameCol >= 0 && !r.isEmpty(nameCol) ? restoreFormula(r.text(nameCol).trim()) : undefined;
    b.addPlainLink(id, source, target, flags, cost >= 0 ? cost : Infinity, reverse >= 0 ? reverse : Infinity, lengthM, roadClass, name);
  } while (r.next());
  return b.build();
}

/**
 * The network as pgRouting tables with the original ids: edges `id,source,target,cost,reverse_cost,length_m,highway,name`
 * (costs in seconds, −1 where a direction cannot be travelled) and nodes `id,lon,lat`. Loading both into
 * PostGIS and running `pgr_drivingDistance` gives the same answers as the searches here; reading them
 * back with `readEdgeTable` gives the same network topology, costs and lengths (link shapes become
 * straight lines).
 */
export function writeEdgeTable(net: RoadNetwork): { edgesCsv: string; nodesCsv: string } {
  const e: string[] = ['id,source,target,cost,reverse_cost,length_m,highway,name'];
  for (let l = 0; l < net.linkCount; l++) {
    const f = net.linkForwardS[l];
    const r = net.linkBackwardS[l];
    const cls = net.linkClass[l] === UNKNOWN_CLASS ? '' : ROAD_CLASSES[net.linkClass[l]];
    e.push(
      [
        num(net.linkId[l]),
        num(net.nodeId[net.linkSource[l]]),
        num(net.nodeId[net.linkTarget[l]]),
        f < Infinity ? num(f) : '-1',
        r < Infinity ? num(r) : '-1',
        num(net.linkLengthM[l]),
        cls,
        csvField(net.names[net.linkName[l]] ?? ''),
      ].join(','),
    );
  }
  const n: string[] = ['id,lon,lat'];
  for (let i = 0; i < net.nodeCount; i++) n.push(`${num(net.nodeId[i])},${num(net.nodeLon[i])},${num(net.nodeLat[i])}`);
  return { edgesCsv: e.join('\n') + '\n', nodesCsv: n.join('\n') + '\n' };
}

function num(v: number): string {
  return String(v);
}

/** A text cell: formula-neutralised (CSV injection, see `neutraliseFormula`), quoted when needed. */
function csvField(text: string): string {
  const s = neutraliseFormula(text);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The data rows a table can have at most (its LF-ended lines less the header; exact for a table
 * without blank lines or multi-line fields), for sizing indices and the builder so that the
 * arrays handed to the network are the ones filled, not copies. Lone-CR line ends count as none:
 * whatever is sized from this still grows. The native indexOf keeps it a fraction of the parse.
 */
function dataRows(data: Uint8Array | string): number {
  let lines = 1;
  let lastIsNewline: boolean;
  if (typeof data === 'string') {
    for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) lines++;
    lastIsNewline = data.endsWith('\n');
  } else {
    for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) lines++;
    lastIsNewline = data.length > 0 && data[data.length - 1] === 10;
  }
  // A final LF ends the last line rather than starting one; the first line is the header.
  return Math.max(1, lines - (lastIsNewline ? 1 : 0) - 1);
}

/** Node id → builder index: a hash (`IdIndex`), or arithmetic when the ids are consecutive. */
interface NodeLookup {
  get(id: number): number;
  add(id: number): number;
}

/**
 * When the node table's ids are consecutive integers in file order (first, first + 1, …, as a
 * generated or renumbered table has them), id → index is a subtraction and needs no hash (about
 * 100 MB saved on two million nodes). Null otherwise.
 */
function consecutiveIds(points: PointList): NodeLookup | null {
  if (points.length === 0) return null;
  const first = points.id[0];
  for (let k = 1; k < points.length; k++) if (points.id[k] !== first + k) return null;
  let added = 0;
  return {
    get: (id) => {
      const k = id - first;
      return k >= 0 && k < added ? k : -1;
    },
    // Ids are added in file order, each once: the k-th is first + k.
    add: () => added++,
  };
}

/** Node coordinates with the line they came from, in typed arrays (a table may hold millions). */
class PointList {
  id: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  line: Int32Array;
  length = 0;
  /** `capacity`: the rows expected (a line count), so that a table never makes them double. */
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.id = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.line = new Int32Array(n);
  }
  push(id: number, lon: number, lat: number, line: number): void {
    if (this.length === this.id.length) {
      this.id = doubled(this.id, (n) => new Float64Array(n));
      this.lon = doubled(this.lon, (n) => new Float64Array(n));
      this.lat = doubled(this.lat, (n) => new Float64Array(n));
      this.line = doubled(this.line, (n) => new Int32Array(n));
    }
    const k = this.length++;
    this.id[k] = id;
    this.lon[k] = lon;
    this.lat[k] = lat;
    this.line[k] = line;
  }
}

interface Table {
  /** Column names, trimmed and lower case. */
  header: string[];
  headerLine: number;
  /** Positioned on the first data row. */
  reader: CsvReader;
}

/** Opens a CSV table: reads its header (trimmed, lower case) and moves to the first data row. */
function openTable(data: Uint8Array | string, file: string): Table {
  const reader = new CsvReader(data, file);
  if (!reader.next()) throw new InputError({ file, line: 1 }, 'the table is empty (a header line is required)', '表为空（需要标题行）');
  const header: string[] = [];
  for (let i = 0; i < reader.fieldCount; i++) header.push(reader.text(i).trim().toLowerCase());
  const headerLine = reader.line;
  if (!reader.next()) throw new InputError({ file, line: headerLine }, 'the table has a header but no rows', '表只有标题行，没有数据');
  return { header, headerLine, reader };
}

function firstColumn(header: string[], names: string[]): number {
  for (const n of names) {
    const i = header.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

function columnsOf(t: Table, file: string, required: string[]): number[] {
  const missing = required.filter((c) => !t.header.includes(c));
  if (missing.length > 0) {
    throw new InputError(
      { file, line: t.headerLine },
      // The header itself is not echoed: a file given by mistake may be private.
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header line has ${t.header.length} column${t.header.length === 1 ? '' : 's'})`,
      `缺少列 ${missing.join(', ')}（标题行共 ${t.header.length} 列）`,
    );
  }
  return required.map((c) => t.header.indexOf(c));
}

function parseId(r: CsvReader, i: number, file: string, what: string, whatZh: string): number {
  const v = r.number(i);
  if (!Number.isInteger(v)) {
    const s = briefText(r.text(i).trim());
    throw new InputError({ file, line: r.line }, `${what} "${s}" is not an integer`, `${whatZh}“${s}”不是整数`);
  }
  return v;
}

function parseNumber(r: CsvReader, i: number, file: string, what: string, whatZh: string, emptyMsg?: string, emptyMsgZh?: string): number {
  if (emptyMsg && r.isEmpty(i)) throw new InputError({ file, line: r.line }, emptyMsg, emptyMsgZh);
  const v = r.number(i);
  if (!Number.isFinite(v)) {
    const s = briefText(r.text(i).trim());
    throw new InputError({ file, line: r.line }, `${what} "${s}" is not a number`, `${whatZh}“${s}”不是数字`);
  }
  return v;
}

/** Range check of lon/lat, with a hint when the two columns look swapped. */
function checkCoordinates(pts: PointList, file: string): void {
  let swapped = pts.length > 0;
  for (let k = 0; k < pts.length && swapped; k++) swapped = Math.abs(pts.lat[k]) > 90 && Math.abs(pts.lat[k]) <= 180 && Math.abs(pts.lon[k]) <= 90;
  if (swapped) {
    throw new InputError(
      { file, line: pts.line[0] },
      `latitude ${pts.lat[0]} is out of range and every latitude is a valid longitude: the lon/lat columns look swapped`,
      `纬度 ${pts.lat[0]} 超出范围，且所有纬度都像经度：经纬度列似乎写反了`,
    );
  }
  for (let k = 0; k < pts.length; k++) {
    const lon = pts.lon[k];
    const lat = pts.lat[k];
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
      throw new InputError(
        { file, line: pts.line[k] },
        `coordinates (${lon}, ${lat}) out of range: expected WGS84 longitude/latitude in degrees (projected coordinates are not supported; export with ST_Transform(geom, 4326))`,
        `坐标 (${lon}, ${lat}) 超出范围：应为 WGS84 经纬度（不支持投影坐标；请用 ST_Transform(geom, 4326) 导出）`,
      );
    }
  }
}
