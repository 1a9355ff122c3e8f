import type { RoadNetwork } from '../network/road_network';
import { normalisePlace, type NodeOrPlace } from '../network/network_place';
import { stronglyConnectedComponents } from '../network/islands';
import { majorityComponentOf } from '../network/majority_component';
import { undirectedView } from '../network/undirected_view';
import type { SearchResult } from './multi_source_search';
import { reachedPieces, type ReachedPiece } from './reached_pieces';

/** What a search reached, as `firecover reach` reports it. */
export interface ReachTable {
  /**
   * Reached nodes (cost ≤ budget), ordered like pgr_drivingDistance: by cost rounded to the millisecond
   * (the cost as printed to 3 decimals, so rows printing the same cost are in node id order), then by
   * original node id.
   */
  nodes: number[];
  /** The reached road pieces (`reachedPieces`). */
  pieces: ReachedPiece[];
  /** Their total length, metres. */
  roadM: number;
}

/** The rows `firecover reach` writes (every reached node, pgRouting's order) and the road reached, from one search. */
export function reachTable(result: SearchResult): ReachTable {
  const { net, budget } = result;
  const nodes: number[] = [];
  const key = new Float64Array(net.nodeCount);
  for (let n = 0; n < net.nodeCount; n++) {
    if (result.source[n] >= 0 && result.cost[n] <= budget) {
      nodes.push(n);
      key[n] = Number(result.cost[n].toFixed(3));
    }
  }
  nodes.sort((a, b) => key[a] - key[b] || net.nodeId[a] - net.nodeId[b]);
  const pieces = reachedPieces(result);
  let roadM = 0;
  for (const p of pieces) roadM += p.toM - p.fromM;
  return { nodes, pieces, roadM };
}

/** A station cut off from the main network. */
export interface StationIsland {
  /** Index into the stations given. */
  station: number;
  /** Nodes in its component (the larger one, for a station between two). */
  size: number;
  /** Nodes in the largest component. */
  mainSize: number;
}

/**
 * The stations on an island: none of the nodes they touch (their node, or both ends of their link) is in
 * the largest strongly connected component — of the network as is (`directed`), or of its undirected
 * view (`undirectedView`) — so an engine there cannot get out and back.
 */
export function stationsOnIslands(net: RoadNetwork, stations: readonly NodeOrPlace[], directed: boolean): StationIsland[] {
  const touched = stations.map((s) => {
    const p = normalisePlace(net, s);
    return p.node !== undefined ? [p.node] : [net.linkSource[p.snap!.link], net.linkTarget[p.snap!.link]];
  });
  // Usually every station is on the main network: the first station's component, found by two
  // searches, holding more than half of the nodes shows that without the components of the whole
  // network (Tarjan over all of it: 0.3 s and 60 MB of `reach` on a 2 M-node table).
  if (touched.length > 0) {
    const major = majorityComponentOf(net, touched[0][0], directed);
    if (major && touched.every((nodes) => nodes.some((n) => major.member[n] === 1))) return [];
  }
  const comps = stronglyConnectedComponents(directed ? net : undirectedView(net));
  const mainSize = comps.largest >= 0 ? comps.sizes[comps.largest] : 0;
  const out: StationIsland[] = [];
  touched.forEach((nodes, i) => {
    if (nodes.some((n) => comps.componentOf[n] === comps.largest)) return;
    out.push({ station: i, size: Math.max(...nodes.map((n) => comps.sizes[comps.componentOf[n]])), mainSize });
  });
  return out;
}
