import type { OsmTags } from './osm_tags';

/**
 * What the OSM readers (PBF, XML) hand to the graph and feature builders: the ways and relations the
 * import cares about, coordinates for just the nodes those ways use, and the few tagged nodes that are
 * features (hydrants, stations, water sources). Node coordinates are typed arrays keyed by a sorted id
 * array, so a 164k-node city costs no per-node objects.
 */
export interface OsmWay {
  id: number;
  tags: OsmTags;
  /** Node ids are `OsmData.wayRefs[refStart .. refEnd-1]`. */
  refStart: number;
  refEnd: number;
}

export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface OsmRelation {
  id: number;
  tags: OsmTags;
  members: OsmMember[];
}

export interface OsmTaggedNode {
  id: number;
  lon: number;
  lat: number;
  tags: OsmTags;
}

export interface OsmData {
  /** Ids of the nodes used by `ways`, ascending, unique. */
  nodeIds: Float64Array;
  /** Coordinates by position in `nodeIds`; NaN when the node is not in the file (cut extract). */
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  ways: OsmWay[];
  wayRefs: Float64Array;
  relations: OsmRelation[];
  taggedNodes: OsmTaggedNode[];
  /** `type=restriction` relations (turn restrictions), kept apart from the feature relations. */
  turnRestrictions?: OsmRelation[];
}

/** Position of `id` in the sorted `ids`, or -1. */
export function indexOfId(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid];
    if (v < id) lo = mid + 1;
    else if (v > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const WATER_LANDUSE = new Set(['reservoir', 'basin']);
const FEATURE_WATERWAY = new Set(['riverbank', 'river', 'canal']);
const FEATURE_EMERGENCY = new Set(['fire_hydrant', 'suction_point', 'fire_water_pond', 'water_tank']);

/** A tagged way or multipolygon that is a map feature (station, water, barrier). */
function isAreaOrLineFeature(tags: OsmTags): boolean {
  return (
    tags.amenity === 'fire_station' ||
    tags.natural === 'water' ||
    (tags.waterway !== undefined && FEATURE_WATERWAY.has(tags.waterway)) ||
    (tags.landuse !== undefined && WATER_LANDUSE.has(tags.landuse)) ||
    tags.railway === 'rail' ||
    (tags.emergency !== undefined && FEATURE_EMERGENCY.has(tags.emergency))
  );
}

/** Ways kept by the readers: every `highway=*` (drop reasons are counted later) and feature ways. */
export function isWayOfInterest(tags: OsmTags): boolean {
  return tags.highway !== undefined || isAreaOrLineFeature(tags);
}

/** A turn restriction relation (`type=restriction`); see io/osm_restrictions.ts for which ones apply. */
export function isTurnRestrictionRelation(tags: OsmTags): boolean {
  return tags.type === 'restriction';
}

export function isRelationOfInterest(tags: OsmTags): boolean {
  return tags.type === 'multipolygon' && isAreaOrLineFeature(tags);
}

/** Nodes kept with their tags (features). Keys checked first so untagged-ish nodes cost one lookup. */
export function isNodeOfInterest(tags: OsmTags): boolean {
  const e = tags.emergency;
  return (e !== undefined && FEATURE_EMERGENCY.has(e)) || tags.amenity === 'fire_station' || tags['disused:emergency'] === 'fire_hydrant';
}

/**
 * Keeps the ways of interest plus the member ways of kept relations, and lists the node ids they use
 * (sorted, unique). `allWays` may hold untagged ways (multipolygon members); they are dropped unless used.
 */
export function selectWays(
  allWays: OsmWay[],
  allRefs: ArrayLike<number>,
  relations: OsmRelation[],
): { ways: OsmWay[]; wayRefs: Float64Array; neededIds: Float64Array } {
  const memberWays = new Set<number>();
  for (const r of relations) for (const m of r.members) if (m.type === 'way') memberWays.add(m.ref);
  const ways: OsmWay[] = [];
  let total = 0;
  for (const w of allWays) {
    if (isWayOfInterest(w.tags) || memberWays.has(w.id)) {
      ways.push(w);
      total += w.refEnd - w.refStart;
    }
  }
  const wayRefs = new Float64Array(total);
  let o = 0;
  for (const w of ways) {
    const start = o;
    for (let i = w.refStart; i < w.refEnd; i++) wayRefs[o++] = allRefs[i];
    w.refStart = start;
    w.refEnd = o;
  }
  const sorted = wayRefs.slice().sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i];
  return { ways, wayRefs, neededIds: sorted.slice(0, u) };
}
