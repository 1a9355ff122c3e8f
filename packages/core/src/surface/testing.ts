import CheapRuler from 'cheap-ruler';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { LinkFlag } from '../network/road_class';
import { polylineLengthM } from '../network/geodesy';
import type { SurfaceSearch } from './arrival_surface';

/**
 * Test fixtures for the surface and coverage tests (not part of the public API): a square street grid
 * with exact lengths and costs, and a plain reference Dijkstra to check results against.
 */
export interface GridNetworkOptions {
  /** Intersections per side (nodes n × n). */
  n: number;
  spacingM: number;
  speedKmh: number;
  /** Centre of the grid, degrees. */
  lon0?: number;
  lat0?: number;
}

/** A square grid of two-way streets centred on (lon0, lat0); node index = i + j·n, i east, j north. */
export function gridNetwork(o: GridNetworkOptions): RoadNetwork {
  const lon0 = o.lon0 ?? 116.4;
  const lat0 = o.lat0 ?? 39.9;
  const r = new CheapRuler(lat0, 'meters');
  const half = ((o.n - 1) * o.spacingM) / 2;
  const b = new RoadNetworkBuilder(polylineLengthM);
  for (let j = 0; j < o.n; j++) {
    for (let i = 0; i < o.n; i++) b.addNode(i + j * o.n + 1, lon0 + (i * o.spacingM - half) / r.kx, lat0 + (j * o.spacingM - half) / r.ky);
  }
  const costS = o.spacingM / (o.speedKmh / 3.6);
  const flags = LinkFlag.FORWARD | LinkFlag.BACKWARD | LinkFlag.EXPLICIT_COST;
  for (let j = 0; j < o.n; j++) {
    for (let i = 0; i < o.n; i++) {
      const k = i + j * o.n;
      if (i + 1 < o.n) b.addLink({ source: k, target: k + 1, lengthM: o.spacingM, flags, forwardS: costS, backwardS: costS });
      if (j + 1 < o.n) b.addLink({ source: k, target: k + o.n, lengthM: o.spacingM, flags, forwardS: costS, backwardS: costS });
    }
  }
  return b.build();
}

/** Reference multi-source Dijkstra from nodes (no mid-link sources), time metric, directed, O(n²)-free but heap-less for clarity. */
export function referenceSearch(net: RoadNetwork, sources: { node: number; startCost: number }[], budget = Infinity): SurfaceSearch {
  const cost = new Float64Array(net.nodeCount).fill(Infinity);
  const source = new Int32Array(net.nodeCount).fill(-1);
  // simple binary heap of [cost, node]
  const heap: [number, number, number][] = [];
  const push = (e: [number, number, number]): void => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p][0] < e[0] || (heap[p][0] === e[0] && heap[p][2] <= e[2])) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = e;
  };
  const pop = (): [number, number, number] => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && (heap[c + 1][0] < heap[c][0] || (heap[c + 1][0] === heap[c][0] && heap[c + 1][2] < heap[c][2]))) c++;
        if (last[0] < heap[c][0] || (last[0] === heap[c][0] && last[2] <= heap[c][2])) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };
  sources.forEach((s, i) => push([s.startCost, s.node, i]));
  while (heap.length > 0) {
    const [c, u, s] = pop();
    if (c > budget || cost[u] <= c) continue;
    cost[u] = c;
    source[u] = s;
    for (let a = net.arcOffset[u]; a < net.arcOffset[u + 1]; a++) {
      const nc = c + net.arcCostS[a];
      if (nc <= budget && nc < cost[net.arcHead[a]]) push([nc, net.arcHead[a], s]);
    }
  }
  return { net, sources, budget, directed: true, metric: 'time', cost, source };
}
