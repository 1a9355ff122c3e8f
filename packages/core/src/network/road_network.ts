import { LinkFlag, UNKNOWN_CLASS } from './road_class';

/**
 * The routable road network: nodes, links (undirected road pieces between two graph nodes, one per
 * pgRouting edge row) and a compressed-sparse-row graph of arcs (each link in both directions).
 *
 * Everything is a typed array, so a network can be transferred to a Web Worker without copying.
 * Indices are 0-based positions in these arrays; original ids (OSM node ids, pgRouting ids) are kept
 * in `nodeId` and `linkId` for export.
 *
 * Arcs: link `l` yields arc `source→target` (direction 0) and arc `target→source` (direction 1).
 * Both always exist in the CSR; a direction that may not be travelled (one-way, negative pgRouting
 * cost, closure) has cost `Infinity`. This keeps undirected searches (hose lengths along the road,
 * pgRouting `directed := false`) on the same arrays.
 */
export interface RoadNetwork {
  readonly nodeCount: number;
  /** Original node id (OSM node id, pgRouting vertex id). */
  readonly nodeId: Float64Array;
  /** Longitude, WGS84 degrees. */
  readonly nodeLon: Float64Array;
  /** Latitude, WGS84 degrees. */
  readonly nodeLat: Float64Array;

  readonly linkCount: number;
  /** Original edge id (pgRouting edge id; for OSM and GeoJSON a sequential id from 1). */
  readonly linkId: Float64Array;
  /** OSM way id, or NaN. */
  readonly linkWayId: Float64Array;
  readonly linkSource: Uint32Array;
  readonly linkTarget: Uint32Array;
  /** Length along the geometry, metres. */
  readonly linkLengthM: Float32Array;
  /** Travel time source→target, seconds; Infinity where that direction cannot be travelled. */
  readonly linkForwardS: Float32Array;
  /** Travel time target→source, seconds; Infinity where that direction cannot be travelled. */
  readonly linkBackwardS: Float32Array;
  /** Road class code (see `ROAD_CLASSES`). */
  readonly linkClass: Uint8Array;
  /** Bits of `LinkFlag`. */
  readonly linkFlags: Uint8Array;
  /** Posted speed limit source→target, km/h; NaN when not tagged. */
  readonly linkMaxspeedForwardKmh: Float32Array;
  /** Posted speed limit target→source, km/h; NaN when not tagged. */
  readonly linkMaxspeedBackwardKmh: Float32Array;
  /** Carriageway width, metres (from `width`, or lanes × 3.5 m); NaN when unknown. */
  readonly linkWidthM: Float32Array;
  /** Index into `names`; 0 is the empty name. */
  readonly linkName: Uint32Array;
  /** Chinese name (GeoJSON `nameZh`, OSM `name:zh`), index into `names`; 0: none given. */
  readonly linkNameZh: Uint32Array;
  readonly names: readonly string[];

  /** Geometry of link l: coordinates `geomOffset[l] .. geomOffset[l+1]-1` (both end nodes included). */
  readonly geomOffset: Uint32Array;
  readonly geomLon: Float64Array;
  readonly geomLat: Float64Array;

  /** CSR: arcs leaving node n are `arcOffset[n] .. arcOffset[n+1]-1`. */
  readonly arcOffset: Uint32Array;
  /** Head node of each arc. */
  readonly arcHead: Uint32Array;
  /** `link << 1 | direction` (direction 0 = source→target). */
  readonly arcLink: Uint32Array;
  /** Travel time of each arc, seconds; Infinity where not travellable. */
  readonly arcCostS: Float32Array;
}

/** [west, south, east, north] of the network's geometry (every shape point), degrees; null when empty. */
export function networkBbox(net: RoadNetwork): [number, number, number, number] | null {
  const lon = net.geomLon;
  const lat = net.geomLat;
  if (lon.length === 0) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i];
    const y = lat[i];
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Bytes held by the routable graph (CSR + link topology and costs + ids), geometry and names excluded. */
export function graphBytes(net: RoadNetwork): number {
  return (
    net.arcOffset.byteLength +
    net.arcHead.byteLength +
    net.arcLink.byteLength +
    net.arcCostS.byteLength +
    net.linkSource.byteLength +
    net.linkTarget.byteLength +
    net.linkLengthM.byteLength +
    net.linkForwardS.byteLength +
    net.linkBackwardS.byteLength +
    net.linkClass.byteLength +
    net.linkFlags.byteLength +
    net.linkId.byteLength +
    net.nodeId.byteLength
  );
}

/**
 * A copy of `net` that shares all topology and geometry arrays but carries new link costs (seconds;
 * Infinity = closed in that direction). The CSR arc costs are rebuilt to match.
 */
export function withLinkCosts(net: RoadNetwork, forwardS: Float32Array, backwardS: Float32Array): RoadNetwork {
  if (forwardS.length !== net.linkCount || backwardS.length !== net.linkCount) {
    throw new RangeError(`withLinkCosts: expected ${net.linkCount} costs, got ${forwardS.length}/${backwardS.length}`);
  }
  const arcCostS = new Float32Array(net.arcLink.length);
  for (let a = 0; a < arcCostS.length; a++) {
    const ld = net.arcLink[a];
    arcCostS[a] = ld & 1 ? backwardS[ld >>> 1] : forwardS[ld >>> 1];
  }
  return { ...net, linkForwardS: forwardS, linkBackwardS: backwardS, arcCostS };
}

/** Everything an importer knows about one link. Costs are filled in later by the speed model unless given. */
export interface LinkInput {
  /** Builder node indices (from `addNode`). */
  source: number;
  target: number;
  /** Original edge id; default: sequential from 1. */
  id?: number;
  wayId?: number;
  /** Flat [lon, lat, lon, lat, …] including both end nodes; default: the straight line between them. */
  geometry?: ArrayLike<number>;
  /** Metres; default: measured along the geometry. */
  lengthM?: number;
  /** Road class code; default `unknown`. */
  roadClass?: number;
  /** Bits of `LinkFlag`; FORWARD/BACKWARD say which directions may be travelled. */
  flags: number;
  /** Explicit costs in seconds (edge tables); set `LinkFlag.EXPLICIT_COST` with them. */
  forwardS?: number;
  backwardS?: number;
  maxspeedForwardKmh?: number;
  maxspeedBackwardKmh?: number;
  widthM?: number;
  name?: string;
  /** Chinese name, when the source gives one apart from `name`. */
  nameZh?: string;
}

/** Measures a polyline given as flat [lon, lat, …], in metres. */
export type LengthFn = (flatLonLat: ArrayLike<number>, start: number, end: number) => number;

/**
 * Accumulates nodes and links from an importer and packs them into a `RoadNetwork`.
 * Link costs not given explicitly are NaN until `applySpeedModel` fills them.
 */
export class RoadNetworkBuilder {
  private nodeIds: number[] = [];
  private lons: number[] = [];
  private lats: number[] = [];
  private links: LinkInput[] = [];
  private nameIndex = new Map<string, number>([['', 0]]);
  private nameList: string[] = [''];

  private nameId(name: string): number {
    let ni = this.nameIndex.get(name);
    if (ni === undefined) {
      ni = this.nameList.length;
      this.nameList.push(name);
      this.nameIndex.set(name, ni);
    }
    return ni;
  }

  constructor(private readonly measure: LengthFn) {}

  get nodeCount(): number {
    return this.nodeIds.length;
  }

  get linkCount(): number {
    return this.links.length;
  }

  /** Adds a node and returns its index. Ids are not checked for duplicates here: importers do that with file context. */
  addNode(id: number, lon: number, lat: number): number {
    this.nodeIds.push(id);
    this.lons.push(lon);
    this.lats.push(lat);
    return this.nodeIds.length - 1;
  }

  addLink(link: LinkInput): number {
    this.links.push(link);
    return this.links.length - 1;
  }

  build(): RoadNetwork {
    const n = this.nodeIds.length;
    const m = this.links.length;
    const nodeId = Float64Array.from(this.nodeIds);
    const nodeLon = Float64Array.from(this.lons);
    const nodeLat = Float64Array.from(this.lats);

    const linkId = new Float64Array(m);
    const linkWayId = new Float64Array(m);
    const linkSource = new Uint32Array(m);
    const linkTarget = new Uint32Array(m);
    const linkLengthM = new Float32Array(m);
    const linkForwardS = new Float32Array(m);
    const linkBackwardS = new Float32Array(m);
    const linkClass = new Uint8Array(m);
    const linkFlags = new Uint8Array(m);
    const linkMaxF = new Float32Array(m);
    const linkMaxB = new Float32Array(m);
    const linkWidthM = new Float32Array(m);
    const linkName = new Uint32Array(m);
    const linkNameZh = new Uint32Array(m);
    const geomOffset = new Uint32Array(m + 1);

    let geomCount = 0;
    for (let l = 0; l < m; l++) {
      const g = this.links[l].geometry;
      geomCount += g ? g.length >> 1 : 2;
      geomOffset[l + 1] = geomCount;
    }
    const geomLon = new Float64Array(geomCount);
    const geomLat = new Float64Array(geomCount);

    for (let l = 0; l < m; l++) {
      const k = this.links[l];
      const s = k.source;
      const t = k.target;
      if (s >= n || t >= n || s < 0 || t < 0) throw new RangeError(`link ${l}: node index out of range`);
      linkId[l] = k.id ?? l + 1;
      linkWayId[l] = k.wayId ?? NaN;
      linkSource[l] = s;
      linkTarget[l] = t;
      let o = geomOffset[l];
      if (k.geometry) {
        const g = k.geometry;
        for (let i = 0; i < g.length; i += 2) {
          geomLon[o] = g[i];
          geomLat[o] = g[i + 1];
          o++;
        }
      } else {
        geomLon[o] = nodeLon[s];
        geomLat[o] = nodeLat[s];
        geomLon[o + 1] = nodeLon[t];
        geomLat[o + 1] = nodeLat[t];
      }
      linkLengthM[l] = k.lengthM ?? this.measure(k.geometry ?? [nodeLon[s], nodeLat[s], nodeLon[t], nodeLat[t]], 0, k.geometry ? k.geometry.length : 4);
      linkClass[l] = k.roadClass ?? UNKNOWN_CLASS;
      linkFlags[l] = k.flags;
      const explicit = (k.flags & LinkFlag.EXPLICIT_COST) !== 0;
      linkForwardS[l] = k.flags & LinkFlag.FORWARD ? (explicit ? k.forwardS ?? NaN : NaN) : Infinity;
      linkBackwardS[l] = k.flags & LinkFlag.BACKWARD ? (explicit ? k.backwardS ?? NaN : NaN) : Infinity;
      linkMaxF[l] = k.maxspeedForwardKmh ?? NaN;
      linkMaxB[l] = k.maxspeedBackwardKmh ?? NaN;
      linkWidthM[l] = k.widthM ?? NaN;
      if (k.name) linkName[l] = this.nameId(k.name);
      if (k.nameZh) linkNameZh[l] = this.nameId(k.nameZh);
    }

    // Counting sort of arcs by tail node; within a node, by link then direction (deterministic).
    const arcOffset = new Uint32Array(n + 1);
    for (let l = 0; l < m; l++) {
      arcOffset[linkSource[l] + 1]++;
      arcOffset[linkTarget[l] + 1]++;
    }
    for (let i = 0; i < n; i++) arcOffset[i + 1] += arcOffset[i];
    const fill = arcOffset.slice(0, n);
    const arcHead = new Uint32Array(2 * m);
    const arcLink = new Uint32Array(2 * m);
    for (let l = 0; l < m; l++) {
      let a = fill[linkSource[l]]++;
      arcHead[a] = linkTarget[l];
      arcLink[a] = (l << 1) | 0;
      a = fill[linkTarget[l]]++;
      arcHead[a] = linkSource[l];
      arcLink[a] = (l << 1) | 1;
    }

    const net: RoadNetwork = {
      nodeCount: n,
      nodeId,
      nodeLon,
      nodeLat,
      linkCount: m,
      linkId,
      linkWayId,
      linkSource,
      linkTarget,
      linkLengthM,
      linkForwardS,
      linkBackwardS,
      linkClass,
      linkFlags,
      linkMaxspeedForwardKmh: linkMaxF,
      linkMaxspeedBackwardKmh: linkMaxB,
      linkWidthM,
      linkName,
      linkNameZh,
      names: this.nameList.slice(),
      geomOffset,
      geomLon,
      geomLat,
      arcOffset,
      arcHead,
      arcLink,
      arcCostS: new Float32Array(2 * m),
    };
    return withLinkCosts(net, linkForwardS, linkBackwardS);
  }
}
