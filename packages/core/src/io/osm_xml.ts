import { SaxesParser } from 'saxes';
import { briefText } from './brief_value';
import { InputError } from '../input_error';
import { indexOfId, isNodeOfInterest, isRelationOfInterest, isTurnRestrictionRelation, selectWays, type OsmData, type OsmMember, type OsmRelation, type OsmWay } from './osm_data';
import type { OsmTags } from './osm_tags';

/**
 * Reads an `.osm` XML file (OSM API 0.6 format) into `OsmData`. Errors name the file and line.
 * Meant for small extracts and hand-made fixtures; large areas should come as `.osm.pbf`.
 */
export function readOsmXml(text: string, fileName: string): OsmData {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const nodeIdList: number[] = [];
  const nodeLonList: number[] = [];
  const nodeLatList: number[] = [];
  const allWays: OsmWay[] = [];
  const refs: number[] = [];
  const relations: OsmRelation[] = [];
  const turnRestrictions: OsmRelation[] = [];
  const taggedNodes: OsmData['taggedNodes'] = [];
  let sawOsm = false;

  // The element being read: its tags, and for ways/relations their refs/members.
  let kind: 'node' | 'way' | 'relation' | '' = '';
  let id = 0;
  let lon = 0;
  let lat = 0;
  let tags: OsmTags = {};
  let refStart = 0;
  let members: OsmMember[] = [];
  let startLine = 0;
  let pending: InputError | undefined;

  const fail = (detail: string, detailZh: string, line = parser.line): never => {
    throw new InputError({ file: fileName, line }, detail, detailZh);
  };
  const num = (attrs: Record<string, string>, name: string, what: string): number => {
    const v = attrs[name];
    const n = v === undefined || v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(n)) fail(`<${what}> has no valid ${name}="…" (got ${v === undefined ? 'nothing' : `"${briefText(v)}"`})`, `<${what}> 缺少有效的 ${name} 属性`);
    return n;
  };

  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'osm':
        sawOsm = true;
        break;
      case 'node':
        kind = 'node';
        id = num(a, 'id', 'node');
        lat = num(a, 'lat', 'node');
        lon = num(a, 'lon', 'node');
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
          fail(`node ${id}: coordinates out of range (lat ${lat}, lon ${lon})`, `节点 ${id} 坐标超出范围 (纬度 ${lat}, 经度 ${lon})`);
        }
        tags = {};
        break;
      case 'way':
        kind = 'way';
        id = num(a, 'id', 'way');
        tags = {};
        refStart = refs.length;
        startLine = parser.line;
        break;
      case 'relation':
        kind = 'relation';
        id = num(a, 'id', 'relation');
        tags = {};
        members = [];
        break;
      case 'tag':
        if (kind !== '') {
          if (a.k === undefined || a.v === undefined) fail('<tag> needs k="…" and v="…"', '<tag> 需要 k 和 v 属性');
          tags[a.k] = a.v;
        }
        break;
      case 'nd':
        if (kind === 'way') refs.push(num(a, 'ref', 'nd'));
        break;
      case 'member':
        if (kind === 'relation') {
          const t = a.type;
          if (t !== 'node' && t !== 'way' && t !== 'relation') fail(`<member> type must be node, way or relation (got "${briefText(String(t))}")`, '<member> 的 type 必须是 node、way 或 relation');
          members.push({ type: t as OsmMember['type'], ref: num(a, 'ref', 'member'), role: a.role ?? '' });
        }
        break;
      default:
        break;
    }
  });

  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'node':
        nodeIdList.push(id);
        nodeLonList.push(lon);
        nodeLatList.push(lat);
        if (isNodeOfInterest(tags)) taggedNodes.push({ id, lon, lat, tags });
        kind = '';
        break;
      case 'way':
        // Reported after parsing: saxes calls this handler for tags closed implicitly by a wrong close tag,
        // and the XML error that follows is the one to report.
        if (refs.length === refStart) pending ??= new InputError({ file: fileName, line: startLine }, `way ${id} has no nodes`, `路段 ${id} 没有节点`);
        allWays.push({ id, tags, refStart, refEnd: refs.length });
        kind = '';
        break;
      case 'relation':
        if (isRelationOfInterest(tags)) relations.push({ id, tags, members });
        else if (isTurnRestrictionRelation(tags)) turnRestrictions.push({ id, tags, members });
        kind = '';
        break;
      default:
        break;
    }
  });

  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    // saxes messages start with "line:column: "; keep the rest.
    const m = /^(\d+):(\d+): (.*)$/s.exec(msg);
    throw new InputError({ file: fileName, line: m ? Number(m[1]) : parser.line }, `malformed XML: ${m ? m[3] : msg}`, `XML 格式错误: ${m ? m[3] : msg}`);
  }
  if (pending) throw pending;
  if (!sawOsm) throw new InputError({ file: fileName, line: 1 }, 'not an OSM XML file (no <osm> element)', '不是 OSM XML 文件 (缺少 <osm> 元素)');

  const { ways, wayRefs, neededIds } = selectWays(allWays, refs, relations);
  // Coordinates of all nodes by id, then picked for the needed ones.
  const order = Float64Array.from(nodeIdList.keys());
  order.sort((x, y) => nodeIdList[x] - nodeIdList[y]);
  const sortedIds = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) sortedIds[i] = nodeIdList[order[i]];
  const nodeLon = new Float64Array(neededIds.length).fill(NaN);
  const nodeLat = new Float64Array(neededIds.length).fill(NaN);
  for (let i = 0; i < neededIds.length; i++) {
    const k = indexOfId(sortedIds, neededIds[i]);
    if (k >= 0) {
      nodeLon[i] = nodeLonList[order[k]];
      nodeLat[i] = nodeLatList[order[k]];
    }
  }
  return { nodeIds: neededIds, nodeLon, nodeLat, ways, wayRefs, relations, taggedNodes, turnRestrictions };
}
