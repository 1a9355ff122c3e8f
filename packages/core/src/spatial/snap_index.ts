import Flatbush from 'flatbush';
import { packedTree, type PackedTree } from './packed_tree';
import CheapRuler from 'cheap-ruler';
import { networkBbox, type RoadNetwork } from '../network/road_network';
import { ENTRY, SegmentGrid } from './segment_grid';
import { TypedHeap } from '../search/typed_heap';
import { placeEndNode, type NetworkPlace } from '../network/network_place';

export { AT_NODE_TOLERANCE_M } from '../network/network_place';

/** Cell sizes of the search grids, as multiples of the finest. */
const GRID_FACTORS = [1, 4, 16];
/** The finest cell is the mean segment spacing divided by this (roads cluster in towns). */
const FINE_CELL_DIVISOR = 1;
/** A query moves to the next coarser grid when at least this many rings around it are empty. */
const GRID_SWITCH_RINGS = 4;

/**
 * The nearest point of one link to a query point: a `NetworkPlace` (link, offsetM, fraction) plus
 * where it lies and how far the query point is from it.
 */
export interface Snap extends NetworkPlace {
  /** Distance from the query point to the road, metres. */
  distanceM: number;
  /** Longitude of the snapped position on the road, WGS84 degrees. */
  lon: number;
  /** Latitude of the snapped position on the road, WGS84 degrees. */
  lat: number;
}

/** The node a snapped position coincides with (a link end, within 1 mm), or -1 mid-link: `placeEndNode`. */
export const snapEndNode = placeEndNode;

/**
 * Nearest-road lookup: a flatbush R-tree over every segment of every link geometry, in a local
 * equirectangular projection (cheap-ruler `kx`/`ky` at the centre of the network's bounding box), so
 * that all distances are metres. Point-to-segment distances are exact in that projection; its scale
 * error grows with the distance from the centre latitude (≈ tan(lat) · Δlat: about 0.5 % at 0.3° away
 * at 49° N), which is irrelevant for choosing the nearest road and small for reporting `distanceM`.
 *
 * Snaps land mid-link: `fraction` is the share of the link's geometry (projected length) before the
 * snapped point, and `offsetM = fraction × linkLengthM`, so offsets are in the same units as the
 * lengths the searches use, even for edge tables whose lengths were given explicitly.
 */
export class SnapIndex {
  readonly net: RoadNetwork;
  /** Centre of the projection, degrees. */
  readonly lon0: number;
  readonly lat0: number;
  /** Metres per degree of longitude / latitude at `lat0`. */
  readonly kx: number;
  readonly ky: number;
  /** Number of indexed segments. */
  readonly segmentCount: number;

  private readonly index: Flatbush | null;
  /** The index's packed tree, walked by the exact nearest-segment search. */
  private readonly tree: PackedTree | null;
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  /** Per segment: fraction of its link's geometry before it, and its own share (fraction = a + t·b). */
  private readonly segFrac: Float64Array;
  /** Per segment: geometry position of its first point. */
  private readonly segStart: Uint32Array;
  /** Per segment: link index. */
  private readonly segLink: Uint32Array;
  private readonly heap = new TypedHeap(256);
  /**
   * Uniform grids over the segments, cells 1×, 4× and 16× the mean segment spacing: `nearest` uses the
   * finest grid near roads and a coarser one far from them, so it needs no heap and few empty cells.
   */
  private readonly grids: SegmentGrid[];
  /** Scratch for `within`: best segment per link, stamped per call. */
  private stamp = 0;
  private linkStamp: Uint32Array;
  private linkBestD2: Float64Array;
  private linkBestSeg: Uint32Array;

  /**
   * @param filter Only links for which this returns true are indexed (e.g. exclude motorways, or links
   *   closed in both directions). Default: every link.
   */
  constructor(net: RoadNetwork, filter?: (link: number) => boolean) {
    this.net = net;
    const bbox = networkBbox(net);
    this.lon0 = bbox ? (bbox[0] + bbox[2]) / 2 : 0;
    this.lat0 = bbox ? (bbox[1] + bbox[3]) / 2 : 0;
    const ruler = new CheapRuler(this.lat0, 'meters');
    this.kx = ruler.kx;
    this.ky = ruler.ky;

    const g = net.geomLon.length;
    const px = new Float64Array(g);
    const py = new Float64Array(g);
    for (let i = 0; i < g; i++) {
      px[i] = (net.geomLon[i] - this.lon0) * this.kx;
      py[i] = (net.geomLat[i] - this.lat0) * this.ky;
    }
    const along = new Float64Array(g);
    let segCount = 0;
    for (let l = 0; l < net.linkCount; l++) {
      const s = net.geomOffset[l];
      const e = net.geomOffset[l + 1];
      for (let i = s + 1; i < e; i++) along[i] = along[i - 1] + Math.hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
      if (e - s >= 2 && (!filter || filter(l))) segCount += e - s - 1;
    }
    const segStart = new Uint32Array(segCount);
    const segLink = new Uint32Array(segCount);
    let index: Flatbush | null = null;
    if (segCount > 0) {
      index = new Flatbush(segCount);
      let k = 0;
      for (let l = 0; l < net.linkCount; l++) {
        const s = net.geomOffset[l];
        const e = net.geomOffset[l + 1];
        if (e - s < 2 || (filter && !filter(l))) continue;
        for (let i = s; i < e - 1; i++) {
          segStart[k] = i;
          segLink[k] = l;
          k++;
          index.add(Math.min(px[i], px[i + 1]), Math.min(py[i], py[i + 1]), Math.max(px[i], px[i + 1]), Math.max(py[i], py[i + 1]));
        }
      }
      index.finish();
    }
    // grids: cell size about the mean spacing of segments (at most ~4 M cells), then 4× and 16× that
    let gx0 = Infinity;
    let gy0 = Infinity;
    let gx1 = -Infinity;
    let gy1 = -Infinity;
    for (let k = 0; k < segCount; k++) {
      const i = segStart[k];
      gx0 = Math.min(gx0, px[i], px[i + 1]);
      gx1 = Math.max(gx1, px[i], px[i + 1]);
      gy0 = Math.min(gy0, py[i], py[i + 1]);
      gy1 = Math.max(gy1, py[i], py[i + 1]);
    }
    this.grids = [];
    if (segCount > 0) {
      let cellM = Math.max(1, Math.sqrt(((gx1 - gx0 + 1) * (gy1 - gy0 + 1)) / segCount) / FINE_CELL_DIVISOR);
      while ((Math.floor((gx1 - gx0) / cellM) + 1) * (Math.floor((gy1 - gy0) / cellM) + 1) > 4_000_000) cellM *= 1.5;
      for (const factor of GRID_FACTORS) this.grids.push(new SegmentGrid(px, py, segStart, gx0, gy0, gx1, gy1, cellM * factor));
    }

    this.index = index;
    this.tree = index ? packedTree(index) : null;
    this.px = px;
    this.py = py;
    const segFrac = new Float64Array(2 * segCount);
    for (let k = 0; k < segCount; k++) {
      const i = segStart[k];
      const total = along[net.geomOffset[segLink[k] + 1] - 1];
      if (total > 0) {
        segFrac[2 * k] = along[i] / total;
        segFrac[2 * k + 1] = (along[i + 1] - along[i]) / total;
      }
    }
    this.segFrac = segFrac;
    this.segStart = segStart;
    this.segLink = segLink;
    this.segmentCount = segCount;
    this.linkStamp = new Uint32Array(net.linkCount);
    this.linkBestD2 = new Float64Array(net.linkCount);
    this.linkBestSeg = new Uint32Array(net.linkCount);
  }

  /**
   * The nearest position on the nearest indexed link to (lon, lat), mid-link, or null when no link lies
   * within `maxDistanceM` metres (inclusive; default: no limit). Equally near links: the lower link index.
   */
  nearest(lon: number, lat: number, maxDistanceM = Infinity): Snap | null {
    if (!this.index) return null;
    const x = (lon - this.lon0) * this.kx;
    const y = (lat - this.lat0) * this.ky;
    const maxD2 = maxDistanceM * maxDistanceM;
    const fine = this.grids[0];
    if (!fine.contains(x, y)) {
      const seg = this.nearestSegment(x, y, maxD2);
      return seg < 0 ? null : this.snapOn(seg, x, y);
    }
    // the grid whose cells suit the distance to the nearest road here
    let level = 0;
    let empty = fine.emptyRingsAt(x, y);
    while (level + 1 < this.grids.length && empty >= GRID_SWITCH_RINGS) {
      level++;
      empty = this.grids[level].emptyRingsAt(x, y);
    }
    const grid = this.grids[level];
    const j = grid.nearest(x, y, maxD2);
    if (j < 0) return null;
    const xy = grid.cellCoords;
    const o = ENTRY * j;
    return this.snapAt(grid.cellSegs[j], x, y, xy[o], xy[o + 1], xy[o] + xy[o + 2], xy[o + 1] + xy[o + 3]);
  }

  /**
   * Every indexed link passing within `radiusM` metres (inclusive) of (lon, lat), each with its nearest
   * point, sorted by distance (then link index).
   */
  within(lon: number, lat: number, radiusM: number): Snap[] {
    if (!this.index || !(radiusM >= 0)) return [];
    const x = (lon - this.lon0) * this.kx;
    const y = (lat - this.lat0) * this.ky;
    const r2 = radiusM * radiusM;
    const found = this.index.search(x - radiusM, y - radiusM, x + radiusM, y + radiusM);
    if (++this.stamp === 0xffffffff) {
      this.linkStamp.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const links: number[] = [];
    for (const seg of found) {
      const d2 = this.segmentDistance2(seg, x, y);
      if (d2 > r2) continue;
      const l = this.segLink[seg];
      if (this.linkStamp[l] !== stamp) {
        this.linkStamp[l] = stamp;
        this.linkBestD2[l] = d2;
        this.linkBestSeg[l] = seg;
        links.push(l);
      } else if (d2 < this.linkBestD2[l] || (d2 === this.linkBestD2[l] && seg < this.linkBestSeg[l])) {
        this.linkBestD2[l] = d2;
        this.linkBestSeg[l] = seg;
      }
    }
    links.sort((a, b) => this.linkBestD2[a] - this.linkBestD2[b] || a - b);
    return links.map((l) => this.snapOn(this.linkBestSeg[l], x, y));
  }

  /** Squared projected distance from (x, y) to segment `seg`, metres². */
  private segmentDistance2(seg: number, x: number, y: number): number {
    const i = this.segStart[seg];
    const px = this.px;
    const py = this.py;
    const x1 = px[i];
    const y1 = py[i];
    const dx = px[i + 1] - x1;
    const dy = py[i + 1] - y1;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((x - x1) * dx + (y - y1) * dy) / len2 : 0;
    if (t < 0) t = 0;
    else if (t > 1) t = 1;
    const ex = x1 + t * dx - x;
    const ey = y1 + t * dy - y;
    return ex * ex + ey * ey;
  }

  /**
   * Best-first walk of the packed R-tree: tree nodes are queued by box distance (a lower bound), leaf
   * segments by their exact distance, so the first segment to leave the queue is the nearest one.
   */
  private nearestSegment(x: number, y: number, maxD2: number): number {
    const { boxes, indices, levelBounds, nodeSize, numItems } = this.tree!;
    const nodeSize4 = nodeSize * 4;
    const numItems4 = numItems * 4;
    const q = this.heap;
    q.clear();
    let bound = maxD2;
    q.push((boxes.length - 4) * 2, 0, -1);
    while (q.length > 0) {
      const top = q.pop();
      if (q.poppedKey > bound) break;
      if (top & 1) return top >>> 1;
      const nodeIndex = top >>> 1;
      const leafLevel = nodeIndex < numItems4;
      let end = nodeIndex + nodeSize4;
      // first level bound above nodeIndex (there are only a handful of levels)
      for (let k = 0; k < levelBounds.length; k++) {
        if (levelBounds[k] > nodeIndex) {
          if (levelBounds[k] < end) end = levelBounds[k];
          break;
        }
      }
      for (let pos = nodeIndex; pos < end; pos += 4) {
        const child = indices[pos >> 2];
        if (leafLevel) {
          const d2 = this.segmentDistance2(child, x, y);
          if (d2 > bound) continue;
          bound = d2;
          q.push(child * 2 + 1, d2, child);
        } else {
          const dx = Math.max(boxes[pos] - x, x - boxes[pos + 2], 0);
          const dy = Math.max(boxes[pos + 1] - y, y - boxes[pos + 3], 0);
          const d2 = dx * dx + dy * dy;
          if (d2 > bound) continue;
          q.push(child * 2, d2, -1);
        }
      }
    }
    return -1;
  }

  private snapOn(seg: number, x: number, y: number): Snap {
    const i = this.segStart[seg];
    return this.snapAt(seg, x, y, this.px[i], this.py[i], this.px[i + 1], this.py[i + 1]);
  }

  /** The snap onto segment `seg` from (x1, y1) to (x2, y2) (projected metres) for the point (x, y). */
  private snapAt(seg: number, x: number, y: number, x1: number, y1: number, x2: number, y2: number): Snap {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((x - x1) * dx + (y - y1) * dy) / len2 : 0;
    if (t < 0) t = 0;
    else if (t > 1) t = 1;
    const sx = x1 + t * dx;
    const sy = y1 + t * dy;
    const l = this.segLink[seg];
    let fraction = this.segFrac[2 * seg] + t * this.segFrac[2 * seg + 1];
    if (fraction > 1) fraction = 1;
    return {
      link: l,
      offsetM: fraction * this.net.linkLengthM[l],
      fraction,
      distanceM: Math.hypot(sx - x, sy - y),
      lon: this.lon0 + sx / this.kx,
      lat: this.lat0 + sy / this.ky,
    };
  }
}
