import { LinkFlag, UNKNOWN_CLASS } from './road_class';
import type { TurnModel, TurnRestrictionTable } from './turn_restrictions';
import type { VehicleLimits } from './vehicle_limits';

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
  /** Turn restrictions read with the network (OSM relations); inert data until a `turnModel` applies them. */
  readonly turnRestrictions?: TurnRestrictionTable;
  /** When set, every directed search on this network runs edge-based with these turn rules (see docs/search.md). */
  readonly turnModel?: TurnModel;
  /** Per-link vehicle limits (OSM maxweight / maxheight / maxwidth / hgv), absent when none is mapped. */
  readonly vehicleLimits?: VehicleLimits;
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

type TypedArray = Float64Array | Float32Array | Uint32Array | Uint8Array;

/** A typed array that grows by doubling: importers append millions of values without an object each. */
class Growable<A extends TypedArray> {
  private data: A;
  length = 0;
  constructor(private readonly make: (n: number) => A, capacity = 1024) {
    this.data = make(capacity);
  }
  /** Makes room for `capacity` values in all, at once (a reader that knows its row count never doubles). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const bigger = this.make(capacity);
    bigger.set(this.data.subarray(0, this.length) as never);
    this.data = bigger;
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  /** The values as an exact-size array; the builder's own buffer is released at once, to keep the peak low. */
  take(): A {
    const out = this.data.length === this.length ? this.data : (this.data.slice(0, this.length) as A);
    this.data = this.make(0);
    this.length = 0;
    return out;
  }
}

/**
 * A column that most importers leave at one value (no way id, no speed limit, no shape): no buffer
 * at all until a different value arrives, then a `Growable` holding the earlier defaults.
 */
class DefaultColumn<A extends TypedArray> {
  private values: Growable<A> | null = null;
  length = 0;
  constructor(
    private readonly make: (n: number) => A,
    private readonly fallback: number,
  ) {}
  push(v: number): void {
    if (this.values === null) {
      // NaN marks "none" in several columns: compare so that NaN equals NaN.
      if (v === this.fallback || Object.is(v, this.fallback)) {
        this.length++;
        return;
      }
      const g = new Growable(this.make, Math.max(1024, this.length * 2));
      for (let i = 0; i < this.length; i++) g.push(this.fallback);
      this.values = g;
    }
    this.values.push(v);
    this.length++;
  }
  get(i: number): number {
    return this.values === null ? this.fallback : this.values.get(i);
  }
  /** Drops the values. */
  clear(): void {
    this.values = null;
    this.length = 0;
  }
  /** The values as an exact-size array (filled with the default when none other came). */
  take(): A {
    const out = this.values === null ? this.make(this.length) : this.values.take();
    if (this.values === null && this.fallback !== 0) out.fill(this.fallback);
    this.values = null;
    this.length = 0;
    return out;
  }
}

const f64 = (n: number): Float64Array => new Float64Array(n);
const f32 = (n: number): Float32Array => new Float32Array(n);
const u32 = (n: number): Uint32Array => new Uint32Array(n);
const u8 = (n: number): Uint8Array => new Uint8Array(n);
const NO_GEOMETRY = 0xffffffff;

/**
 * Accumulates nodes and links from an importer and packs them into a `RoadNetwork`.
 * Link costs not given explicitly are NaN until `applySpeedModel` fills them.
 *
 * Every link is stored at once in growable typed arrays (about 34 bytes a link, plus 16 per shape
 * point and about 24 when way ids, speed limits, widths or Chinese names are given; at most twice
 * that while an array doubles, never when `reserve` was told the counts), never as an object per
 * link, so building is linear in time and memory and a province-sized network fits without raising
 * Node's heap.
 */
export class RoadNetworkBuilder {
  private nodeIds = new Growable(f64);
  private lons = new Growable(f64);
  private lats = new Growable(f64);
  private nameIndex = new Map<string, number>([['', 0]]);
  private nameList: string[] = [''];
  private built = false;

  private linkIdA = new Growable(f64);
  private wayIdA = new DefaultColumn(f64, NaN);
  private sourceA = new Growable(u32);
  private targetA = new Growable(u32);
  private lengthA = new Growable(f32);
  private forwardA = new Growable(f32);
  private backwardA = new Growable(f32);
  private classA = new Growable(u8);
  private flagsA = new Growable(u8);
  private maxFA = new DefaultColumn(f32, NaN);
  private maxBA = new DefaultColumn(f32, NaN);
  private widthA = new DefaultColumn(f32, NaN);
  private nameA = new DefaultColumn(u32, 0);
  private nameZhA = new DefaultColumn(u32, 0);
  /** Start of each link's given shape in `shapeLon`/`shapeLat` (NO_GEOMETRY: straight line), and its point count. */
  private shapeStart = new DefaultColumn(u32, NO_GEOMETRY);
  private shapeCount = new DefaultColumn(u32, 2);
  private shapeLon = new Growable(f64);
  private shapeLat = new Growable(f64);

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
    return this.linkIdA.length;
  }

  /**
   * Makes room for `nodes` nodes and `links` links in all, at once: a reader that knows its row
   * counts (from its line counts) never doubles an array, so no array is ever held twice.
   */
  reserve(nodes: number, links: number): void {
    this.nodeIds.reserve(nodes);
    this.lons.reserve(nodes);
    this.lats.reserve(nodes);
    for (const g of [this.linkIdA, this.sourceA, this.targetA, this.lengthA, this.forwardA, this.backwardA, this.classA, this.flagsA]) g.reserve(links);
  }

  /** Adds a node and returns its index. Ids are not checked for duplicates here: importers do that with file context. */
  addNode(id: number, lon: number, lat: number): number {
    this.nodeIds.push(id);
    this.lons.push(lon);
    this.lats.push(lat);
    return this.nodeIds.length - 1;
  }

  /** Adds a link and returns its index. The input object is not kept. */
  addLink(link: LinkInput): number {
    const l = this.linkIdA.length;
    this.linkIdA.push(link.id ?? l + 1);
    this.wayIdA.push(link.wayId ?? NaN);
    // Range-checked in build(), where every node is known (a negative index is kept visible as such).
    this.sourceA.push(link.source < 0 ? NO_GEOMETRY : link.source);
    this.targetA.push(link.target < 0 ? NO_GEOMETRY : link.target);
    const g = link.geometry;
    if (g) {
      this.shapeStart.push(this.shapeLon.length);
      this.shapeCount.push(g.length >> 1);
      for (let i = 0; i + 1 < g.length; i += 2) {
        this.shapeLon.push(g[i]);
        this.shapeLat.push(g[i + 1]);
      }
    } else {
      this.shapeStart.push(NO_GEOMETRY);
      this.shapeCount.push(2);
    }
    // A geometry-less link is measured in build(), from its end nodes.
    this.lengthA.push(link.lengthM ?? (g ? this.measure(g, 0, g.length) : NaN));
    this.classA.push(link.roadClass ?? UNKNOWN_CLASS);
    this.flagsA.push(link.flags);
    const explicit = (link.flags & LinkFlag.EXPLICIT_COST) !== 0;
    this.forwardA.push(link.flags & LinkFlag.FORWARD ? (explicit ? (link.forwardS ?? NaN) : NaN) : Infinity);
    this.backwardA.push(link.flags & LinkFlag.BACKWARD ? (explicit ? (link.backwardS ?? NaN) : NaN) : Infinity);
    this.maxFA.push(link.maxspeedForwardKmh ?? NaN);
    this.maxBA.push(link.maxspeedBackwardKmh ?? NaN);
    this.widthA.push(link.widthM ?? NaN);
    this.nameA.push(link.name ? this.nameId(link.name) : 0);
    this.nameZhA.push(link.nameZh ? this.nameId(link.nameZh) : 0);
    return l;
  }

  /**
   * `addLink` for a link without geometry, way id, speed limits or width (an edge-table row), from
   * positional values: no object per row. `lengthM` NaN: measured in build() from the end nodes.
   * `forwardS` / `backwardS` are used as given (Infinity: that direction cannot be travelled).
   */
  addPlainLink(id: number, source: number, target: number, flags: number, forwardS: number, backwardS: number, lengthM: number, roadClass: number, name: string | undefined): number {
    const l = this.linkIdA.length;
    this.linkIdA.push(id);
    this.wayIdA.push(NaN);
    this.sourceA.push(source < 0 ? NO_GEOMETRY : source);
    this.targetA.push(target < 0 ? NO_GEOMETRY : target);
    this.shapeStart.push(NO_GEOMETRY);
    this.shapeCount.push(2);
    this.lengthA.push(lengthM);
    this.classA.push(roadClass);
    this.flagsA.push(flags);
    this.forwardA.push(flags & LinkFlag.FORWARD ? forwardS : Infinity);
    this.backwardA.push(flags & LinkFlag.BACKWARD ? backwardS : Infinity);
    this.maxFA.push(NaN);
    this.maxBA.push(NaN);
    this.widthA.push(NaN);
    this.nameA.push(name ? this.nameId(name) : 0);
    this.nameZhA.push(0);
    return l;
  }

  /** Packs the network. Call it once: the builder hands its arrays over and is empty afterwards. */
  build(): RoadNetwork {
    if (this.built) throw new Error('RoadNetworkBuilder.build() called twice: a builder hands its arrays to the one network it builds');
    this.built = true;
    const n = this.nodeIds.length;
    const m = this.linkIdA.length;
    const nodeId = this.nodeIds.take();
    const nodeLon = this.lons.take();
    const nodeLat = this.lats.take();
    const linkSource = this.sourceA.take();
    const linkTarget = this.targetA.take();
    for (let l = 0; l < m; l++) {
      if (linkSource[l] >= n || linkTarget[l] >= n) throw new RangeError(`link ${l}: node index out of range`);
    }

    const geomOffset = new Uint32Array(m + 1);
    let geomCount = 0;
    for (let l = 0; l < m; l++) {
      geomCount += this.shapeCount.get(l);
      geomOffset[l + 1] = geomCount;
    }
    const geomLon = new Float64Array(geomCount);
    const geomLat = new Float64Array(geomCount);
    const linkLengthM = this.lengthA.take();
    const ends = new Float64Array(4);
    for (let l = 0; l < m; l++) {
      const o = geomOffset[l];
      const start = this.shapeStart.get(l);
      if (start !== NO_GEOMETRY) {
        const count = this.shapeCount.get(l);
        for (let i = 0; i < count; i++) {
          geomLon[o + i] = this.shapeLon.get(start + i);
          geomLat[o + i] = this.shapeLat.get(start + i);
        }
      } else {
        const s = linkSource[l];
        const t = linkTarget[l];
        geomLon[o] = nodeLon[s];
        geomLat[o] = nodeLat[s];
        geomLon[o + 1] = nodeLon[t];
        geomLat[o + 1] = nodeLat[t];
        if (Number.isNaN(linkLengthM[l])) {
          ends[0] = nodeLon[s];
          ends[1] = nodeLat[s];
          ends[2] = nodeLon[t];
          ends[3] = nodeLat[t];
          linkLengthM[l] = this.measure(ends, 0, 4);
        }
      }
    }

    this.shapeLon.take();
    this.shapeLat.take();
    this.shapeStart.clear();
    this.shapeCount.clear();

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

    const linkForwardS = this.forwardA.take();
    const linkBackwardS = this.backwardA.take();
    const net: RoadNetwork = {
      nodeCount: n,
      nodeId,
      nodeLon,
      nodeLat,
      linkCount: m,
      linkId: this.linkIdA.take(),
      linkWayId: this.wayIdA.take(),
      linkSource,
      linkTarget,
      linkLengthM,
      linkForwardS,
      linkBackwardS,
      linkClass: this.classA.take(),
      linkFlags: this.flagsA.take(),
      linkMaxspeedForwardKmh: this.maxFA.take(),
      linkMaxspeedBackwardKmh: this.maxBA.take(),
      linkWidthM: this.widthA.take(),
      linkName: this.nameA.take(),
      linkNameZh: this.nameZhA.take(),
      names: this.nameList.slice(),
      geomOffset,
      geomLon,
      geomLat,
      arcOffset,
      arcHead,
      arcLink,
      // Filled by withLinkCosts from the link costs.
      arcCostS: new Float32Array(0),
    };
    return withLinkCosts(net, linkForwardS, linkBackwardS);
  }
}
