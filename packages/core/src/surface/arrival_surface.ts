import type { RoadNetwork } from '../network/road_network';
import type { NetworkPlace } from '../network/network_place';
import type { LandGrid } from './land_grid';

/**
 * The parts of a search result (`search/`'s `SearchResult`) the surface reads. Declared structurally so
 * the surface depends on the result's shape only.
 */
export interface SurfaceSearch {
  net: RoadNetwork;
  // a NetworkPlace's link and offset are all the surface reads of a source on a link
  sources: ReadonlyArray<{ node?: number; snap?: (Pick<NetworkPlace, 'link' | 'offsetM'> & Partial<NetworkPlace>) | null; startCost: number }>;
  /** Costs above this count as unreached (undefined / Infinity: no budget). */
  budget?: number;
  directed?: boolean;
  metric?: 'time' | 'length';
  /** Cost of reaching each node (Infinity when not reached). */
  cost: Float64Array;
  /** First-arriving source of each node, -1 when not reached. */
  source: Int32Array;
  /**
   * Present when the search ran edge-based (turn rules): per arc, the cost of entering it at its tail
   * and the source doing so. Links are then entered at these, not at their end nodes' costs.
   */
  readonly turnStates?: { readonly entryCost: Float64Array; readonly entrySource: Int32Array };
}

/**
 * Per link, the cost of travelling its whole length in each direction for the search's metric and
 * directedness, with the search module's rules: time directed = the link's own costs; time undirected =
 * the cheaper direction both ways; length = the link length wherever that direction (directed) or
 * either direction (undirected) may be travelled; Infinity where not travellable.
 */
export function linkTraversalCosts(net: RoadNetwork, metric: 'time' | 'length', directed: boolean): { forward: Float64Array; backward: Float64Array } {
  const m = net.linkCount;
  const forward = new Float64Array(m);
  const backward = new Float64Array(m);
  for (let l = 0; l < m; l++) {
    const f = net.linkForwardS[l];
    const b = net.linkBackwardS[l];
    if (metric === 'time') {
      if (directed) {
        forward[l] = f;
        backward[l] = b;
      } else {
        forward[l] = backward[l] = Math.min(f, b);
      }
    } else {
      const len = net.linkLengthM[l];
      if (directed) {
        forward[l] = f < Infinity ? len : Infinity;
        backward[l] = b < Infinity ? len : Infinity;
      } else {
        forward[l] = backward[l] = f < Infinity || b < Infinity ? len : Infinity;
      }
    }
  }
  return { forward, backward };
}

const traversalCache = new WeakMap<RoadNetwork, Map<string, { forward: Float64Array; backward: Float64Array }>>();

function cachedTraversal(net: RoadNetwork, metric: 'time' | 'length', directed: boolean): { forward: Float64Array; backward: Float64Array } {
  let m = traversalCache.get(net);
  if (!m) {
    m = new Map();
    traversalCache.set(net, m);
  }
  const key = `${metric}:${directed}`;
  let c = m.get(key);
  if (!c) {
    c = linkTraversalCosts(net, metric, directed);
    m.set(key, c);
  }
  return c;
}

/**
 * Arrival cost and first-arriving source for every cell, at the cell's nearest road point: the best of
 * entering the link at its source node (if the link may be travelled source→target), at its target node
 * (target→source), or from a source snapped onto the same link (in a travellable direction). Costs
 * above the search budget and cells without a road count as unreached: Infinity, owner -1. Ties go to
 * the lower source index.
 */
export function arrivalAndOwner(grid: LandGrid, result: SurfaceSearch): { arrival: Float32Array; owner: Int32Array } {
  const cells = grid.nearestLink.length;
  const arrival = new Float32Array(cells).fill(Infinity);
  const owner = new Int32Array(cells).fill(-1);
  const ev = linkEvaluator(result);
  const nearestLink = grid.nearestLink;
  const nearestOffset = grid.nearestOffsetM;
  for (let k = 0; k < cells; k++) {
    const l = nearestLink[k];
    if (l < 0) continue;
    if (ev.at(l, nearestOffset[k])) {
      arrival[k] = ev.cost;
      owner[k] = ev.owner;
    }
  }
  return { arrival, owner };
}

/** Cells of the grid grouped by their nearest link (CSR): cells of link l are `cells[offset[l] .. offset[l+1]-1]`, ascending. */
export interface LinkCellIndex {
  offset: Uint32Array;
  cells: Int32Array;
}

export function linkCellIndex(grid: LandGrid, linkCount: number): LinkCellIndex {
  const offset = new Uint32Array(linkCount + 1);
  const nl = grid.nearestLink;
  for (let k = 0; k < nl.length; k++) if (nl[k] >= 0) offset[nl[k] + 1]++;
  for (let l = 0; l < linkCount; l++) offset[l + 1] += offset[l];
  const fill = offset.slice(0, linkCount);
  const cells = new Int32Array(offset[linkCount]);
  for (let k = 0; k < nl.length; k++) if (nl[k] >= 0) cells[fill[nl[k]]++] = k;
  return { offset, cells };
}

/** Reached cells only: the sparse form of `arrivalAndOwner`, visiting only links a search reached. */
export interface SparseArrival {
  /** Reached cells, ascending. */
  cells: Int32Array;
  /** Arrival cost per listed cell. */
  arrival: Float32Array;
  /** First-arriving source per listed cell. */
  owner: Int32Array;
}

/**
 * `arrivalAndOwner` restricted to the cells of links the search touched (an end reached, or a snapped
 * source on it): for a bounded search from one station this costs the size of its service area, not of
 * the grid.
 */
export function sparseArrival(grid: LandGrid, index: LinkCellIndex, result: SurfaceSearch): SparseArrival {
  const ev = linkEvaluator(result);
  const net = result.net;
  const cost = result.cost;
  const cellsOut: number[] = [];
  const arr: number[] = [];
  const own: number[] = [];
  const off = grid.nearestOffsetM;
  const touched: number[] = [];
  for (let l = 0; l < net.linkCount; l++) {
    if (cost[net.linkSource[l]] < Infinity || cost[net.linkTarget[l]] < Infinity || ev.hasSnap(l)) touched.push(l);
  }
  for (const l of touched) {
    for (let p = index.offset[l]; p < index.offset[l + 1]; p++) {
      const k = index.cells[p];
      if (ev.at(l, off[k])) {
        cellsOut.push(k);
        arr.push(ev.cost);
        own.push(ev.owner);
      }
    }
  }
  // links are visited in index order, cells within a link ascending: sort the whole list by cell, as
  // packed keys (cell × 2^26 + position, exact in a double) through the native typed-array sort
  const n = cellsOut.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = cellsOut[i] * 67108864 + i;
  keys.sort();
  const cellsSorted = new Int32Array(n);
  const arrival = new Float32Array(n);
  const owner = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    const i = keys[q] % 67108864;
    cellsSorted[q] = cellsOut[i];
    arrival[q] = arr[i];
    owner[q] = own[i];
  }
  return { cells: cellsSorted, arrival, owner };
}

/** Evaluates the arrival cost at a position on a link; `at` returns false when unreached within the budget. */
function linkEvaluator(result: SurfaceSearch): { at: (l: number, offsetM: number) => boolean; hasSnap: (l: number) => boolean; cost: number; owner: number } {
  const net = result.net;
  const { forward, backward } = cachedTraversal(net, result.metric ?? 'time', result.directed ?? true);
  const budget = result.budget ?? Infinity;
  const onLink = new Map<number, number[]>();
  result.sources.forEach((s, i) => {
    if (s.snap && s.node === undefined) {
      const list = onLink.get(s.snap.link);
      if (list) list.push(i);
      else onLink.set(s.snap.link, [i]);
    }
  });
  const { linkSource, linkTarget, linkLengthM } = net;
  const cost = result.cost;
  const src = result.source;
  // entering link l forward at its source node, backward at its target node: the node costs, or with
  // turn rules the cost of the best allowed turn into that arc
  let inF: Float64Array | null = null;
  let inB: Float64Array | null = null;
  let inFS: Int32Array | null = null;
  let inBS: Int32Array | null = null;
  const ts = result.turnStates;
  if (ts) {
    const m = net.linkCount;
    inF = new Float64Array(m);
    inB = new Float64Array(m);
    inFS = new Int32Array(m);
    inBS = new Int32Array(m);
    for (let a = 0; a < net.arcLink.length; a++) {
      const ld = net.arcLink[a];
      if (ld & 1) {
        inB[ld >>> 1] = ts.entryCost[a];
        inBS[ld >>> 1] = ts.entrySource[a];
      } else {
        inF[ld >>> 1] = ts.entryCost[a];
        inFS[ld >>> 1] = ts.entrySource[a];
      }
    }
  }
  const ev = {
    cost: Infinity,
    owner: -1,
    hasSnap: (l: number): boolean => onLink.has(l),
    at: (l: number, offsetM: number): boolean => {
      const len = linkLengthM[l];
      const frac = len > 0 ? Math.min(1, Math.max(0, offsetM / len)) : 0;
      let best = Infinity;
      let who = -1;
      const u = linkSource[l];
      const f = forward[l];
      const cu = inF !== null ? inF[l] : cost[u];
      if (f < Infinity && cu < Infinity) {
        best = cu + f * frac;
        who = inFS !== null ? inFS[l] : src[u];
      }
      const v = linkTarget[l];
      const b = backward[l];
      const cv = inB !== null ? inB[l] : cost[v];
      if (b < Infinity && cv < Infinity) {
        const c = cv + b * (1 - frac);
        const sv = inBS !== null ? inBS[l] : src[v];
        if (c < best || (c === best && sv < who)) {
          best = c;
          who = sv;
        }
      }
      const snapped = onLink.get(l);
      if (snapped) {
        for (const i of snapped) {
          const s = result.sources[i];
          const sn = s.snap!;
          const sFrac = sn.fraction ?? (len > 0 ? Math.min(1, Math.max(0, sn.offsetM / len)) : 0);
          let c = Infinity;
          if (frac >= sFrac && f < Infinity) c = s.startCost + f * (frac - sFrac);
          if (frac <= sFrac && b < Infinity) c = Math.min(c, s.startCost + b * (sFrac - frac));
          if (c < best || (c === best && c < Infinity && i < who)) {
            best = c;
            who = i;
          }
        }
      }
      if (best <= budget) {
        ev.cost = best;
        ev.owner = who;
        return true;
      }
      return false;
    },
  };
  return ev;
}

/** Per cell, the cost (seconds or metres, as the search) at its nearest road point; Infinity when unreached. */
export function arrivalSurface(grid: LandGrid, result: SurfaceSearch): Float32Array {
  return arrivalAndOwner(grid, result).arrival;
}
