import Papa from 'papaparse';
import { InputError } from '../input_error';
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
export function readEdgeTable(edgesCsv: string, edgesFile: string, nodes?: { csv: string; file: string }): RoadNetwork {
  const edges = parseCsv(edgesCsv, edgesFile);
  const col = columnsOf(edges, edgesFile, ['id', 'source', 'target', 'cost']);
  const reverseCol = edges.header.indexOf('reverse_cost');
  const lengthCol = firstColumn(edges.header, ['length_m', 'length']);
  const classCol = firstColumn(edges.header, ['highway', 'road_class', 'class', 'fclass']);
  const nameCol = edges.header.indexOf('name');
  const xyCols = ['x1', 'y1', 'x2', 'y2'].map((c) => edges.header.indexOf(c));
  const haveXy = xyCols.every((c) => c >= 0);

  const b = new RoadNetworkBuilder(polylineLengthM);
  const nodeIndex = new Map<number, number>();

  if (nodes) {
    const t = parseCsv(nodes.csv, nodes.file);
    const idCol = columnsOf(t, nodes.file, ['id'])[0];
    const lonCol = firstColumn(t.header, ['lon', 'x', 'lng', 'longitude']);
    const latCol = firstColumn(t.header, ['lat', 'y', 'latitude']);
    if (lonCol < 0 || latCol < 0) {
      throw new InputError({ file: nodes.file, line: t.headerLine }, 'the node table needs coordinate columns: id,lon,lat (or id,x,y)', '节点表需要坐标列：id,lon,lat（或 id,x,y）');
    }
    const coords = t.rows.map((r, i) => {
      const line = t.lines[i];
      const id = parseId(r[idCol], nodes.file, line, 'node id', '节点编号');
      const lon = parseNumber(r[lonCol], nodes.file, line, 'longitude', '经度', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
      const lat = parseNumber(r[latCol], nodes.file, line, 'latitude', '纬度', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
      return { id, lon, lat, line };
    });
    checkCoordinates(coords, nodes.file);
    for (const c of coords) {
      if (nodeIndex.has(c.id)) throw new InputError({ file: nodes.file, line: c.line }, `duplicate node id ${c.id}`, `节点编号 ${c.id} 重复`);
      nodeIndex.set(c.id, b.addNode(c.id, c.lon, c.lat));
    }
  } else if (!haveXy) {
    throw new InputError(
      { file: edgesFile, line: edges.headerLine },
      'no coordinates for the nodes: give a node table (id,lon,lat) or x1,y1,x2,y2 columns on the edges',
      '节点没有坐标：请提供节点表（id,lon,lat）或在边表中提供 x1,y1,x2,y2 列',
    );
  } else {
    // node coordinates from the edges' end points (first mention wins)
    const ends: Array<{ id: number; lon: number; lat: number; line: number }> = [];
    const seen = new Set<number>();
    edges.rows.forEach((r, i) => {
      const line = edges.lines[i];
      for (const [end, xc, yc] of [[col[1], xyCols[0], xyCols[1]], [col[2], xyCols[2], xyCols[3]]] as const) {
        const id = parseId(r[end], edgesFile, line, 'node id', '节点编号');
        if (seen.has(id)) continue;
        seen.add(id);
        const lon = parseNumber(r[xc], edgesFile, line, 'x', 'x', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
        const lat = parseNumber(r[yc], edgesFile, line, 'y', 'y', `no coordinates for node ${id}`, `节点 ${id} 没有坐标`);
        ends.push({ id, lon, lat, line });
      }
    });
    checkCoordinates(ends, edgesFile);
    for (const e of ends) nodeIndex.set(e.id, b.addNode(e.id, e.lon, e.lat));
  }

  const edgeIds = new Set<number>();
  edges.rows.forEach((r, i) => {
    const line = edges.lines[i];
    const id = parseId(r[col[0]], edgesFile, line, 'edge id', '边编号');
    if (edgeIds.has(id)) throw new InputError({ file: edgesFile, line }, `duplicate edge id ${id}`, `边编号 ${id} 重复`);
    edgeIds.add(id);
    const ends = [col[1], col[2]].map((c) => {
      const nid = parseId(r[c], edgesFile, line, 'node id', '节点编号');
      const n = nodeIndex.get(nid);
      if (n === undefined) {
        throw new InputError({ file: edgesFile, line, feature: `edge ${id}` }, `unknown node id ${nid} (not in ${nodes ? nodes.file : 'the table'})`, `未知的节点编号 ${nid}（不在${nodes ? nodes.file : '表'}中）`);
      }
      return n;
    });
    const cost = parseNumber(r[col[3]], edgesFile, line, 'cost', 'cost');
    const reverse = reverseCol >= 0 ? parseNumber(r[reverseCol], edgesFile, line, 'reverse_cost', 'reverse_cost') : -1;
    let flags = LinkFlag.EXPLICIT_COST;
    if (cost >= 0) flags |= LinkFlag.FORWARD;
    if (reverse >= 0) flags |= LinkFlag.BACKWARD;
    let lengthM: number | undefined;
    if (lengthCol >= 0) {
      const v = Number((r[lengthCol] ?? '').trim());
      if ((r[lengthCol] ?? '').trim() !== '' && Number.isFinite(v) && v >= 0) lengthM = v;
    }
    let roadClass = UNKNOWN_CLASS;
    if (classCol >= 0) {
      const name = (r[classCol] ?? '').trim();
      roadClass = roadClassCode(name) ?? roadClassCode(CHINESE_ROAD_CLASSES[name] ?? '') ?? UNKNOWN_CLASS;
    }
    b.addLink({
      id,
      source: ends[0],
      target: ends[1],
      flags,
      forwardS: cost >= 0 ? cost : Infinity,
      backwardS: reverse >= 0 ? reverse : Infinity,
      lengthM,
      roadClass,
      name: nameCol >= 0 ? restoreFormula((r[nameCol] ?? '').trim()) : undefined,
    });
  });
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

interface Table {
  header: string[];
  headerLine: number;
  rows: string[][];
  /** 1-based line of each row. */
  lines: number[];
}

/** Parses CSV text into a header (trimmed, lower case) and rows with their line numbers. */
function parseCsv(text: string, file: string): Table {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  const lines: number[] = [];
  let pos = 0;
  let line = 1;
  let parseError: { line: number; message: string } | null = null;
  Papa.parse<string[]>(src, {
    skipEmptyLines: 'greedy',
    step: (res) => {
      // the row starts at the first non-blank character after the previous row
      let start = pos;
      while (start < src.length && /\s/.test(src[start])) {
        if (src[start] === '\n') line++;
        start++;
      }
      const end = res.meta.cursor;
      if (res.errors.length > 0 && !parseError) parseError = { line, message: res.errors[0].message };
      records.push(res.data.map((c) => c.trim()));
      lines.push(line);
      for (let i = start; i < end && i < src.length; i++) if (src[i] === '\n') line++;
      pos = end;
    },
  });
  if (records.length === 0) throw new InputError({ file, line: 1 }, 'the table is empty (a header line is required)', '表为空（需要标题行）');
  const perr = parseError as { line: number; message: string } | null;
  if (perr) throw new InputError({ file, line: perr.line }, `CSV syntax: ${perr.message}`, `CSV 语法错误：${perr.message}`);
  const header = records[0].map((h) => h.toLowerCase());
  const t: Table = { header, headerLine: lines[0], rows: records.slice(1), lines: lines.slice(1) };
  if (t.rows.length === 0) throw new InputError({ file, line: lines[0] }, 'the table has a header but no rows', '表只有标题行，没有数据');
  return t;
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

function parseId(raw: string | undefined, file: string, line: number, what: string, whatZh: string): number {
  const s = (raw ?? '').trim();
  const v = Number(s);
  if (s === '' || !Number.isInteger(v)) throw new InputError({ file, line }, `${what} "${s}" is not an integer`, `${whatZh}“${s}”不是整数`);
  return v;
}

function parseNumber(raw: string | undefined, file: string, line: number, what: string, whatZh: string, emptyMsg?: string, emptyMsgZh?: string): number {
  const s = (raw ?? '').trim();
  if (s === '' && emptyMsg) throw new InputError({ file, line }, emptyMsg, emptyMsgZh);
  const v = Number(s);
  if (s === '' || !Number.isFinite(v)) throw new InputError({ file, line }, `${what} "${s}" is not a number`, `${whatZh}“${s}”不是数字`);
  return v;
}

/** Range check of lon/lat, with a hint when the two columns look swapped. */
function checkCoordinates(pts: ReadonlyArray<{ lon: number; lat: number; line: number }>, file: string): void {
  if (pts.length > 0 && pts.every((p) => Math.abs(p.lat) > 90 && Math.abs(p.lat) <= 180 && Math.abs(p.lon) <= 90)) {
    throw new InputError(
      { file, line: pts[0].line },
      `latitude ${pts[0].lat} is out of range and every latitude is a valid longitude: the lon/lat columns look swapped`,
      `纬度 ${pts[0].lat} 超出范围，且所有纬度都像经度：经纬度列似乎写反了`,
    );
  }
  for (const p of pts) {
    if (!(Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180)) {
      throw new InputError(
        { file, line: p.line },
        `coordinates (${p.lon}, ${p.lat}) out of range: expected WGS84 longitude/latitude in degrees (projected coordinates are not supported; export with ST_Transform(geom, 4326))`,
        `坐标 (${p.lon}, ${p.lat}) 超出范围：应为 WGS84 经纬度（不支持投影坐标；请用 ST_Transform(geom, 4326) 导出）`,
      );
    }
  }
}
