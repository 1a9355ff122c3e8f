import type { RoadNetwork } from '../network/road_network';
import { turnRestrictionTable, type TurnRestriction, type TurnRestrictionTable } from '../network/turn_restrictions';
import type { OsmRelation } from './osm_data';

/**
 * OSM turn restrictions (`type=restriction` relations, https://wiki.openstreetmap.org/wiki/Relation:restriction)
 * for a fire engine, as rows of a `TurnRestrictionTable`. Documented for users in docs/osm-import.md.
 *
 * Which value counts: `restriction:emergency` when tagged; else none when `except` lists `emergency`
 * or `motorcar` (the fire engine is exempt); else `restriction:motorcar`, else `restriction`. A relation
 * with only other vehicles' values (`restriction:hgv`, `:bus`, `:bicycle` …) or only a
 * `restriction:conditional` value is counted and left out.
 *
 * Kinds read: `no_left_turn`, `no_right_turn`, `no_straight_on`, `no_u_turn` (a banned move) and
 * `only_left_turn`, `only_right_turn`, `only_straight_on` (the one allowed move). Others (`no_entry`,
 * `no_exit`, `only_u_turn` …) are counted as `unknown_kind`.
 *
 * Members: one `from` way, one `via` node, one `to` way. A `via` way (a restriction over several
 * junctions) is counted as `via_way` and not applied. The `from` way must have exactly one link ending
 * at the via node and the `to` way exactly one link starting there (OSM requires from and to to end
 * at the via node; a way passing through it, or a closed way, is `ambiguous`). Members missing from
 * the extract or not drivable are `incomplete`; a via node that is no junction of the graph is
 * `not_junction`.
 */

/** Why a restriction relation was not applied. */
export type TurnRestrictionSkip = 'via_way' | 'exempt' | 'other_vehicle' | 'conditional' | 'unknown_kind' | 'incomplete' | 'ambiguous' | 'not_junction';

/** What the import did with the turn restriction relations. */
export interface TurnRestrictionReport {
  /** `type=restriction` relations in the file. */
  relations: number;
  /** Rows of the restriction table (one per relation applied). */
  applied: number;
  /** Applied ones by kind (`no_left_turn` …). */
  byKind: Record<string, number>;
  /** Relations left out, by reason. */
  notApplied: Partial<Record<TurnRestrictionSkip, number>>;
}

const NO_KINDS = new Set(['no_left_turn', 'no_right_turn', 'no_straight_on', 'no_u_turn']);
const ONLY_KINDS = new Set(['only_left_turn', 'only_right_turn', 'only_straight_on']);
const EXEMPT = new Set(['emergency', 'motorcar']);

/** The restriction value that binds a fire engine, or why there is none. */
export function fireEngineRestriction(tags: Record<string, string>): { kind: string } | { skip: TurnRestrictionSkip } {
  const emergency = tags['restriction:emergency'];
  if (emergency !== undefined) return emergency === 'none' || emergency === 'no' ? { skip: 'exempt' } : { kind: emergency.trim() };
  const except = (tags.except ?? '').split(';').map((s) => s.trim());
  if (except.some((e) => EXEMPT.has(e))) return { skip: 'exempt' };
  const v = tags['restriction:motorcar'] ?? tags.restriction;
  if (v !== undefined) return { kind: v.trim() };
  if (tags['restriction:conditional'] !== undefined) return { skip: 'conditional' };
  return { skip: Object.keys(tags).some((k) => k.startsWith('restriction:')) ? 'other_vehicle' : 'unknown_kind' };
}

/**
 * The restrictions of `relations` that bind a fire engine on `net` (built from the same OSM data:
 * `nodeId` holds OSM node ids, `linkWayId` OSM way ids), and a report of what was left out and why.
 */
export function osmTurnRestrictions(net: RoadNetwork, relations: readonly OsmRelation[]): { table: TurnRestrictionTable; report: TurnRestrictionReport } {
  const report: TurnRestrictionReport = { relations: relations.length, applied: 0, byKind: {}, notApplied: {} };
  const skip = (r: TurnRestrictionSkip): void => {
    report.notApplied[r] = (report.notApplied[r] ?? 0) + 1;
  };
  const nodeIndex = new Map<number, number>();
  for (let n = 0; n < net.nodeCount; n++) nodeIndex.set(net.nodeId[n], n);
  let ways: Set<number> | undefined;
  const wayInGraph = (id: number): boolean => (ways ??= new Set(net.linkWayId)).has(id);
  const rows: TurnRestriction[] = [];
  for (const rel of relations) {
    const v = fireEngineRestriction(rel.tags);
    if ('skip' in v) {
      skip(v.skip);
      continue;
    }
    const only = ONLY_KINDS.has(v.kind);
    if (!only && !NO_KINDS.has(v.kind)) {
      skip('unknown_kind');
      continue;
    }
    const from = rel.members.filter((m) => m.role === 'from');
    const to = rel.members.filter((m) => m.role === 'to');
    const via = rel.members.filter((m) => m.role === 'via');
    if (via.some((m) => m.type === 'way')) {
      skip('via_way');
      continue;
    }
    if (from.length !== 1 || to.length !== 1 || via.length !== 1 || from[0].type !== 'way' || to[0].type !== 'way' || via[0].type !== 'node') {
      skip(from.length > 1 || to.length > 1 ? 'ambiguous' : 'incomplete');
      continue;
    }
    const node = nodeIndex.get(via[0].ref);
    const fromLinks = node === undefined ? [] : linksOfWayAt(net, from[0].ref, node);
    const toLinks = node === undefined ? [] : linksOfWayAt(net, to[0].ref, node);
    if (node === undefined || fromLinks.length === 0 || toLinks.length === 0) {
      // a via node inside one road piece (no junction) can be in the file and still not be a graph node
      skip(node === undefined && wayInGraph(from[0].ref) && wayInGraph(to[0].ref) ? 'not_junction' : 'incomplete');
      continue;
    }
    if (fromLinks.length !== 1 || toLinks.length !== 1) {
      skip('ambiguous');
      continue;
    }
    rows.push({ fromLink: fromLinks[0], viaNode: node, toLink: toLinks[0], kind: only ? 'only' : 'no', sourceId: rel.id });
    report.byKind[v.kind] = (report.byKind[v.kind] ?? 0) + 1;
  }
  report.applied = rows.length;
  return { table: turnRestrictionTable(net, rows), report };
}

/** Links of OSM way `wayId` with an end at node `v`, once each (one-way rules are left to the search). */
function linksOfWayAt(net: RoadNetwork, wayId: number, v: number): number[] {
  const out: number[] = [];
  for (let a = net.arcOffset[v]; a < net.arcOffset[v + 1]; a++) {
    const l = net.arcLink[a] >>> 1;
    if (net.linkWayId[l] === wayId && !out.includes(l)) out.push(l);
  }
  // a link from v back to v (a loop way) has two ends at v: which one is meant is not said
  if (out.some((l) => net.linkSource[l] === net.linkTarget[l])) return [out[0], out[0]];
  return out;
}
