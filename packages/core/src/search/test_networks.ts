// Test helpers (not exported from the package): the pgRouting sample network, seeded random graphs.
import { LinkFlag } from '../network/road_class';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { polylineLengthM } from '../network/geodesy';

/** pgRouting documentation sample: vertices 1..17 with (x, y), edges `[id, source, target, cost, reverse_cost]`. */
export const PGR_VERTICES: ReadonlyArray<[number, number, number]> = [
  [1, 0, 2], [2, 0.5, 3.5], [3, 1, 2], [4, 1.999999999999, 3.5], [5, 2, 0], [6, 2, 1], [7, 2, 2], [8, 2, 3],
  [9, 2, 4], [10, 3, 1], [11, 3, 2], [12, 3, 3], [13, 3.5, 2.3], [14, 3.5, 4], [15, 4, 1], [16, 4, 2], [17, 4, 3],
];

export const PGR_EDGES: ReadonlyArray<[number, number, number, number, number]> = [
  [1, 5, 6, 1, 1], [2, 6, 10, -1, 1], [3, 10, 15, -1, 1], [4, 6, 7, 1, 1], [5, 10, 11, 1, -1], [6, 1, 3, 1, 1],
  [7, 3, 7, 1, 1], [8, 7, 11, 1, 1], [9, 11, 16, 1, 1], [10, 7, 8, 1, 1], [11, 11, 12, 1, -1], [12, 8, 12, 1, -1],
  [13, 12, 17, 1, -1], [14, 8, 9, 1, 1], [15, 16, 17, 1, 1], [16, 15, 16, 1, 1], [17, 2, 4, 1, 1], [18, 13, 14, 1, 1],
];

/**
 * The pgRouting sample as a RoadNetwork with explicit costs and lengthM = cost (1 for every edge).
 * Node index = vertex id − 1, link index = edge id − 1. Coordinates are scaled to 0.001° so geometry
 * stays small and local.
 */
export function pgrSampleNetwork(): RoadNetwork {
  const b = new RoadNetworkBuilder(polylineLengthM);
  for (const [id, x, y] of PGR_VERTICES) b.addNode(id, 8 + x * 0.001, 49 + y * 0.001);
  for (const [id, s, t, c, r] of PGR_EDGES) {
    let flags = LinkFlag.EXPLICIT_COST;
    if (c >= 0) flags |= LinkFlag.FORWARD;
    if (r >= 0) flags |= LinkFlag.BACKWARD;
    b.addLink({ id, source: s - 1, target: t - 1, flags, forwardS: c, backwardS: r, lengthM: Math.max(c, r) });
  }
  return b.build();
}

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomGridOptions {
  cols: number;
  rows: number;
  /** Spacing between grid nodes, degrees. */
  stepDeg?: number;
  /** Share of links that are one-way (random direction). */
  oneWayShare?: number;
  /** Share of grid links left out. */
  dropShare?: number;
  /** Integer costs (many ties) instead of continuous ones. */
  integerCosts?: boolean;
  /** Share of links with a bent (3-point) geometry. */
  bentShare?: number;
}

/**
 * A seeded random grid network with explicit costs: some links dropped, some one-way, random costs,
 * lengths proportional to the forward cost (× 10 m/s). Node (c, r) has index r·cols + c.
 */
export function randomGrid(seed: number, o: RandomGridOptions): RoadNetwork {
  const rnd = prng(seed);
  const step = o.stepDeg ?? 0.001;
  const b = new RoadNetworkBuilder(polylineLengthM);
  for (let r = 0; r < o.rows; r++) for (let c = 0; c < o.cols; c++) b.addNode(r * o.cols + c + 1, 8 + c * step, 49 + r * step);
  const addLink = (s: number, t: number): void => {
    if (rnd() < (o.dropShare ?? 0.1)) return;
    const cost = o.integerCosts ? 1 + Math.floor(rnd() * 4) : 1 + rnd() * 20;
    let flags = LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD;
    if (rnd() < (o.oneWayShare ?? 0.2)) flags &= rnd() < 0.5 ? ~LinkFlag.FORWARD : ~LinkFlag.BACKWARD;
    const back = o.integerCosts ? cost : cost * (0.8 + rnd() * 0.4);
    const sc = s % o.cols;
    const sr = Math.floor(s / o.cols);
    const tc = t % o.cols;
    const tr = Math.floor(t / o.cols);
    let geometry: number[] | undefined;
    if (rnd() < (o.bentShare ?? 0)) {
      const mx = 8 + ((sc + tc) / 2) * step + (rnd() - 0.5) * step * 0.5;
      const my = 49 + ((sr + tr) / 2) * step + (rnd() - 0.5) * step * 0.5;
      geometry = [8 + sc * step, 49 + sr * step, mx, my, 8 + tc * step, 49 + tr * step];
    }
    b.addLink({ source: s, target: t, flags, forwardS: cost, backwardS: back, lengthM: cost * 10, geometry });
  };
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      const i = r * o.cols + c;
      if (c + 1 < o.cols) addLink(i, i + 1);
      if (r + 1 < o.rows) addLink(i, i + o.cols);
    }
  }
  return b.build();
}
