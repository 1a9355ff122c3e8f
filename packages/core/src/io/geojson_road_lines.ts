import CheapRuler from 'cheap-ruler';
import { InputError } from '../input_error';
import { polylineLengthM } from '../network/geodesy';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { applySpeedModel, type SpeedModel } from '../cost/speed_model';
import { emptyVehicleLimits } from '../network/vehicle_limits';

/** A road feature's link attributes, as `readGeoJsonRoads` reads them from its properties. */
export interface RoadLineAttributes {
  flags: number;
  roadClass: number;
  wayId?: number;
  maxspeedForwardKmh: number;
  maxspeedBackwardKmh: number;
  widthM: number;
  name: string;
  nameZh: string;
  /** Vehicle limits the feature carries (maxweight t, maxheight m, maxwidth m — NaN for none — and hgv=no). */
  vehicle?: { maxWeightT: number; maxHeightM: number; maxWidthM: number; noHgv: boolean };
}

type Num = Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float32Array<ArrayBuffer>;

/** A typed array that doubles when full (the importers' one growth rule: amortised linear). */
class Column<A extends Num> {
  data: A;
  length = 0;
  constructor(private readonly make: (n: number) => A) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}
const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);
const f32 = (n: number) => new Float32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/**
 * The road lines of a GeoJSON layer in typed arrays — coordinates, the feature and attribute row of
 * each line, one attribute row per feature (names interned) — and the noding that turns them into a
 * network. Both the whole-text reader and the streaming one fill it feature by feature, so no object
 * per feature is kept and a file of any size costs about 20 bytes per vertex here plus the network.
 */
export class RoadLineStore {
  private coords = new Column(f64);
  /** Per line: first vertex (index into coords / 2), feature index, attribute row. */
  private lineStart = new Column(f64);
  private lineFeature = new Column(f64);
  private lineAttr = new Column(i32);
  private flags = new Column(u8);
  private roadClass = new Column(u8);
  private wayId = new Column(f64);
  private maxF = new Column(f32);
  private maxB = new Column(f32);
  private width = new Column(f32);
  private name = new Column(i32);
  private nameZh = new Column(i32);
  // Vehicle limits per attribute row (NaN / 0 for none), and whether any row has one.
  private vWeight = new Column(f32);
  private vHeight = new Column(f32);
  private vWidth = new Column(f32);
  private vNoHgv = new Column(u8);
  private anyVehicle = false;
  private names: string[] = [''];
  private nameIndex = new Map<string, number>([['', 0]]);

  get lineCount(): number {
    return this.lineStart.length;
  }

  get vertexCount(): number {
    return this.coords.length >> 1;
  }

  private nameId(s: string): number {
    let k = this.nameIndex.get(s);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(s);
      this.nameIndex.set(s, k);
    }
    return k;
  }

  /** Adds one feature's attributes; returns the row its lines refer to. */
  addAttributes(a: RoadLineAttributes): number {
    this.flags.push(a.flags);
    this.roadClass.push(a.roadClass);
    this.wayId.push(a.wayId ?? NaN);
    this.maxF.push(a.maxspeedForwardKmh);
    this.maxB.push(a.maxspeedBackwardKmh);
    this.width.push(a.widthM);
    this.name.push(this.nameId(a.name));
    this.nameZh.push(this.nameId(a.nameZh));
    const v = a.vehicle;
    if (v) this.anyVehicle = true;
    this.vWeight.push(v ? v.maxWeightT : NaN);
    this.vHeight.push(v ? v.maxHeightM : NaN);
    this.vWidth.push(v ? v.maxWidthM : NaN);
    this.vNoHgv.push(v?.noHgv ? 1 : 0);
    return this.flags.length - 1;
  }

  /** Adds a line of feature `feature` with attribute row `attr`; `flat` is [lon, lat, lon, lat, …]. */
  addLine(feature: number, attr: number, flat: ArrayLike<number>): void {
    this.lineStart.push(this.coords.length >> 1);
    this.lineFeature.push(feature);
    this.lineAttr.push(attr);
    for (let k = 0; k < flat.length; k++) this.coords.push(flat[k]);
  }

  /** Every vertex in file order (for the projected-coordinates check). */
  *positions(): Generator<[number, number]> {
    const c = this.coords.data;
    for (let k = 0; k + 1 < this.coords.length; k += 2) yield [c[k], c[k + 1]];
  }

  /** Replaces every vertex by `fn(x, y)` (a reprojection to WGS84). */
  transform(fn: (x: number, y: number) => [number, number]): void {
    const c = this.coords.data;
    for (let k = 0; k + 1 < this.coords.length; k += 2) {
      const [lon, lat] = fn(c[k], c[k + 1]);
      c[k] = lon;
      c[k + 1] = lat;
    }
  }

  /**
   * Nodes the lines (see `readGeoJsonRoads`): checks the coordinate ranges, clusters vertices within
   * `toleranceM`, makes nodes at line ends and at vertices used more than once, splits the lines there
   * and applies the speed model.
   */
  build(fileName: string, toleranceM: number, speedModel: SpeedModel): RoadNetwork {
    const tol = toleranceM;
    const nLines = this.lineCount;
    if (nLines === 0) throw new InputError({ file: fileName }, 'no road lines: the network is empty', '没有道路线：路网为空');
    const c = this.coords.data;
    const nCoords = this.coords.length;
    const start = this.lineStart.data;
    const feature = this.lineFeature.data;
    const lineEnd = (li: number): number => (li + 1 < nLines ? start[li + 1] : nCoords >> 1);

    // 1. coordinate ranges (and the swapped-columns hint)
    let allSwapped = true;
    for (let k = 0; k < nCoords && allSwapped; k += 2) {
      const lon = c[k];
      const lat = c[k + 1];
      if (!(Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90)) allSwapped = false;
    }
    if (allSwapped) {
      throw new InputError(
        { file: fileName, feature: `feature ${feature[0]}` },
        `latitude ${c[1]} is out of range and every latitude is a valid longitude: coordinates look like [lat, lon]; GeoJSON wants [lon, lat]`,
        `纬度 ${c[1]} 超出范围，且所有纬度都像经度：坐标似乎是 [纬度, 经度]；GeoJSON 要求 [经度, 纬度]`,
      );
    }
    let minLat = Infinity;
    let maxLat = -Infinity;
    for (let li = 0; li < nLines; li++) {
      for (let v = start[li]; v < lineEnd(li); v++) {
        const lon = c[2 * v];
        const lat = c[2 * v + 1];
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
          throw new InputError(
            { file: fileName, feature: `feature ${feature[li]}` },
            `coordinates (${lon}, ${lat}) out of range: expected WGS84 longitude/latitude in degrees (reproject to EPSG:4326 first)`,
            `坐标 (${lon}, ${lat}) 超出范围：应为 WGS84 经纬度（请先转换到 EPSG:4326）`,
          );
        }
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }

    // 2. cluster vertices into junction candidates: a grid of `tol`-sized cells in metres around the
    // centre latitude (exact coordinates when tol = 0). The first vertex of a cluster is its
    // representative; a vertex joins the nearest representative within tol in the 3 × 3 cells around
    // it (ties to the older cluster), else starts a cluster. Consecutive repeats of a cluster in a line
    // are dropped, the kept vertices compacted in place.
    const ruler = new CheapRuler((minLat + maxLat) / 2, 'meters');
    const kx = ruler.kx;
    const ky = ruler.ky;
    const cell = Math.max(tol, 1e-9);
    const repVertex = new Column(i32); // a representative's vertex (after compaction)
    const cellA = (lon: number): number => (tol === 0 ? lon + 0 : Math.floor((lon * kx) / cell) + 0);
    const cellB = (lat: number): number => (tol === 0 ? lat + 0 : Math.floor((lat * ky) / cell) + 0);
    const clusters = new ClusterIndex(
      (k) => cellA(c[2 * repVertex.data[k]]),
      (k) => cellB(c[2 * repVertex.data[k] + 1]),
    );
    const nextInCell = new Column(i32);
    const uses = new Column(u8); // saturates at 2: only "used more than once" matters
    const vertexCluster = new Int32Array(nCoords >> 1);
    // Most of the 3 × 3 cells around a vertex are empty: a bit per hashed cell (about 16 bits per
    // vertex, so mostly zeros) skips them without a hash-table probe.
    const filterLog2 = Math.min(29, Math.max(10, Math.ceil(Math.log2(Math.max(1, nCoords >> 1) * 16))));
    const filter = new Int32Array(2 ** (filterLog2 - 5));
    const shift = 32 - filterLog2;
    const bucket = (a: number, b: number): number => (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul((b | 0) ^ 0x7f4a7c15, 0x85ebca6b)) >>> shift;
    let w = 0; // write cursor (vertices)
    for (let li = 0; li < nLines; li++) {
      const from = start[li];
      const to = lineEnd(li);
      start[li] = w;
      const first = w;
      let prev = -1;
      for (let v = from; v < to; v++) {
        const lon = c[2 * v];
        const lat = c[2 * v + 1];
        let found = -1;
        if (tol === 0) {
          found = clusters.get(lon + 0, lat + 0);
        } else {
          const cx = cellA(lon);
          const cy = cellB(lat);
          let bestD = Infinity;
          for (let dx = -1; dx <= 1; dx++) {
            for (let dy = -1; dy <= 1; dy++) {
              const h = bucket(cx + dx, cy + dy);
              if ((filter[h >>> 5] & (1 << (h & 31))) === 0) continue; // no cluster in that cell
              for (let k = clusters.get(cx + dx, cy + dy); k >= 0; k = nextInCell.data[k]) {
                const r = repVertex.data[k];
                const d = Math.hypot((c[2 * r] - lon) * kx, (c[2 * r + 1] - lat) * ky);
                if (d <= tol && (d < bestD || (d === bestD && k < found))) {
                  found = k;
                  bestD = d;
                }
              }
            }
          }
        }
        if (found >= 0 && found === prev) continue; // repeated point
        c[2 * w] = lon;
        c[2 * w + 1] = lat;
        if (found < 0) {
          // a new cluster, its representative in place first (the index reads keys from it)
          found = repVertex.length;
          repVertex.push(w);
          uses.push(0);
          const cx = cellA(lon);
          const cy = cellB(lat);
          nextInCell.push(clusters.get(cx, cy));
          clusters.set(cx, cy, found);
          const h = bucket(cx, cy);
          filter[h >>> 5] |= 1 << (h & 31);
        }
        vertexCluster[w] = found;
        w++;
        prev = found;
      }
      if (w - first < 2) {
        throw new InputError({ file: fileName, feature: `feature ${feature[li]}` }, 'a line needs at least 2 distinct points', '线至少需要 2 个不同的点');
      }
      for (let v = first; v < w; v++) if (uses.data[vertexCluster[v]] < 2) uses.data[vertexCluster[v]]++;
    }
    const keptEnd = (li: number): number => (li + 1 < nLines ? start[li + 1] : w);

    // 3. nodes: line ends and every vertex used more than once; split lines there
    const b = new RoadNetworkBuilder(polylineLengthM);
    const nodeOf = new Int32Array(repVertex.length).fill(-1);
    const rep = repVertex.data;
    const nodeAt = (k: number): number => {
      if (nodeOf[k] < 0) nodeOf[k] = b.addNode(b.nodeCount + 1, c[2 * rep[k]], c[2 * rep[k] + 1]);
      return nodeOf[k];
    };
    const linkAttr = new Column(i32);
    for (let li = 0; li < nLines; li++) {
      const a = this.lineAttr.data[li];
      const wayId = this.wayId.data[a];
      const attrs = {
        flags: this.flags.data[a],
        roadClass: this.roadClass.data[a],
        ...(Number.isNaN(wayId) ? {} : { wayId }),
        maxspeedForwardKmh: this.maxF.data[a],
        maxspeedBackwardKmh: this.maxB.data[a],
        widthM: this.width.data[a],
        name: this.names[this.name.data[a]],
        nameZh: this.names[this.nameZh.data[a]],
      };
      const s = start[li];
      const e = keptEnd(li);
      let from = s;
      for (let v = s + 1; v < e; v++) {
        if (v < e - 1 && uses.data[vertexCluster[v]] < 2) continue;
        const ka = vertexCluster[from];
        const kb = vertexCluster[v];
        const geometry: number[] = [c[2 * rep[ka]], c[2 * rep[ka] + 1]];
        for (let j = from + 1; j < v; j++) geometry.push(c[2 * j], c[2 * j + 1]);
        geometry.push(c[2 * rep[kb]], c[2 * rep[kb] + 1]);
        b.addLink({ source: nodeAt(ka), target: nodeAt(kb), geometry, ...attrs });
        linkAttr.push(a);
        from = v;
      }
    }
    const built = b.build();
    if (!this.anyVehicle) return applySpeedModel(built, speedModel);
    // The limits of each link's feature: an optional per-link section (network/vehicle_limits.ts).
    const vehicleLimits = emptyVehicleLimits(built.linkCount);
    for (let l = 0; l < built.linkCount; l++) {
      const a = linkAttr.data[l];
      vehicleLimits.maxWeightT[l] = this.vWeight.data[a];
      vehicleLimits.maxHeightM[l] = this.vHeight.data[a];
      vehicleLimits.maxWidthM[l] = this.vWidth.data[a];
      vehicleLimits.noHgv[l] = this.vNoHgv.data[a];
    }
    return applySpeedModel({ ...built, vehicleLimits }, speedModel);
  }
}

/**
 * An open-addressing hash (linear probing, at most half full) from a pair of doubles — a grid cell,
 * or exact coordinates, -0 given as 0 — to the newest cluster there (-1: none). Only the cluster is
 * stored (4 bytes a slot): a slot's key is recomputed from its cluster (`keyA`, `keyB`), which keeps
 * the index of a 20 M-vertex file at about 130 MB.
 */
class ClusterIndex {
  private slots = new Int32Array(1 << 16).fill(-1);
  private used = 0;
  private readonly bits = new Float64Array(2);
  private readonly words = new Int32Array(this.bits.buffer);

  constructor(
    private readonly keyA: (cluster: number) => number,
    private readonly keyB: (cluster: number) => number,
  ) {}

  private hash(a: number, b: number): number {
    this.bits[0] = a;
    this.bits[1] = b;
    const w = this.words;
    let h = Math.imul(w[0] ^ Math.imul(w[1], 0x9e3779b1), 0x85ebca6b);
    h ^= Math.imul(w[2] ^ Math.imul(w[3], 0xc2b2ae35), 0x27d4eb2f);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return (h ^ (h >>> 13)) >>> 0;
  }

  get(a: number, b: number): number {
    const mask = this.slots.length - 1;
    for (let i = this.hash(a, b) & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i];
      if (k < 0) return -1;
      if (this.keyA(k) === a && this.keyB(k) === b) return k;
    }
  }

  /** Makes `cluster` the newest at key (a, b) (its own key, by keyA / keyB). */
  set(a: number, b: number, cluster: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    for (let i = this.hash(a, b) & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i];
      if (k < 0) {
        this.slots[i] = cluster;
        this.used++;
        return;
      }
      if (this.keyA(k) === a && this.keyB(k) === b) {
        this.slots[i] = cluster;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.used = 0;
    for (let i = 0; i < old.length; i++) if (old[i] >= 0) this.set(this.keyA(old[i]), this.keyB(old[i]), old[i]);
  }
}
