import { stronglyConnectedComponents } from './islands';
import { ROAD_CLASSES, type RoadClass } from './road_class';
import { networkBbox, type RoadNetwork } from './road_network';

/** Per road class: how many links, how long. */
export interface ClassStatistics {
  links: number;
  lengthM: number;
}

/** What a road network holds, as `firecover info` reports it (pure figures, no formatting). */
export interface NetworkStatistics {
  nodes: number;
  links: number;
  /** Arcs (link directions) that may be travelled (finite cost). */
  directedArcs: number;
  /** Links travellable in exactly one direction. */
  oneWayLinks: number;
  /** Links travellable in neither direction (closed, or both costs negative in an edge table). */
  closedLinks: number;
  /** Sum of link lengths along their geometry, metres (each link once, whatever its directions). */
  lengthM: number;
  /** Only the classes that occur, in `ROAD_CLASSES` order. */
  byClass: Partial<Record<RoadClass, ClassStatistics>>;
  islands: {
    /** Strongly connected components other than the largest one. */
    count: number;
    /** Nodes in the largest strongly connected component (0 for an empty network). */
    mainNodes: number;
    /** mainNodes / nodes (0 for an empty network). */
    mainShare: number;
    /** Node counts of the other components, largest first. */
    smallIslandSizes: number[];
  };
  /** [west, south, east, north] of every shape point, degrees; null when the network is empty. */
  bbox: [number, number, number, number] | null;
}

/**
 * Counts, lengths, one-way links, road classes, islands (strongly connected components, one-way rules
 * respected) and extent of a network. One pass over the links plus one Tarjan pass: O(nodes + arcs).
 */
export function networkStatistics(net: RoadNetwork): NetworkStatistics {
  let directedArcs = 0;
  for (let a = 0; a < net.arcCostS.length; a++) if (net.arcCostS[a] < Infinity) directedArcs++;
  let oneWayLinks = 0;
  let closedLinks = 0;
  let lengthM = 0;
  const classLinks = new Uint32Array(ROAD_CLASSES.length);
  const classM = new Float64Array(ROAD_CLASSES.length);
  for (let l = 0; l < net.linkCount; l++) {
    const fwd = net.linkForwardS[l] < Infinity;
    const bwd = net.linkBackwardS[l] < Infinity;
    if (fwd !== bwd) oneWayLinks++;
    else if (!fwd) closedLinks++;
    const len = net.linkLengthM[l];
    lengthM += len;
    const c = net.linkClass[l] < ROAD_CLASSES.length ? net.linkClass[l] : ROAD_CLASSES.length - 1;
    classLinks[c]++;
    classM[c] += len;
  }
  const byClass: NetworkStatistics['byClass'] = {};
  ROAD_CLASSES.forEach((name, c) => {
    if (classLinks[c] > 0) byClass[name] = { links: classLinks[c], lengthM: classM[c] };
  });
  const comps = stronglyConnectedComponents(net);
  const mainNodes = comps.largest >= 0 ? comps.sizes[comps.largest] : 0;
  const smallIslandSizes = comps.sizes.filter((_, c) => c !== comps.largest).sort((a, b) => b - a);
  return {
    nodes: net.nodeCount,
    links: net.linkCount,
    directedArcs,
    oneWayLinks,
    closedLinks,
    lengthM,
    byClass,
    islands: { count: smallIslandSizes.length, mainNodes, mainShare: net.nodeCount > 0 ? mainNodes / net.nodeCount : 0, smallIslandSizes },
    bbox: networkBbox(net),
  };
}
