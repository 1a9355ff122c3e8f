import { polylineLengthM } from '../network/geodesy';
import { indexOfId, type OsmData } from './osm_data';
import { dropReason, drivableWay, resolveTagOptions, type DropReason, type OsmTagOptions } from './osm_tags';
import { LinkFlag } from '../network/road_class';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';

export interface OsmGraphReport {
  /** Drivable ways that referenced at least one node missing from the file (cut at the extract border). */
  waysMissingNodes: number;
  /** Node references dropped because the node is not in the file. */
  missingNodeRefs: number;
  /** `highway=*` ways left out, by reason (see osm_tags.ts); `too_short` = fewer than 2 nodes left. */
  droppedWays: Partial<Record<DropReason | 'too_short', number>>;
  drivableWays: number;
}

/**
 * Splits the drivable ways into links at every node used by two or more drivable ways (or twice by one
 * way) and at way ends; links keep every shape point. Graph nodes are only those junctions and ends.
 * Costs are NaN (apply the speed model next).
 */
export function buildOsmGraph(data: OsmData, options: OsmTagOptions = {}): { network: RoadNetwork; report: OsmGraphReport } {
  const { classes, accessDenied } = resolveTagOptions(options);
  const report: OsmGraphReport = { waysMissingNodes: 0, missingNodeRefs: 0, droppedWays: {}, drivableWays: 0 };
  const drop = (r: DropReason | 'too_short'): void => {
    report.droppedWays[r] = (report.droppedWays[r] ?? 0) + 1;
  };

  // Node refs of drivable ways, resolved to positions in data.nodeIds (-1 = missing).
  const { nodeIds, nodeLon } = data;
  const useCount = new Uint8Array(nodeIds.length);
  const resolved = new Int32Array(data.wayRefs.length).fill(-1);
  const kept: number[] = [];
  for (let w = 0; w < data.ways.length; w++) {
    const way = data.ways[w];
    if (way.tags.highway === undefined) continue;
    const reason = dropReason(way.tags, classes, accessDenied);
    if (reason !== undefined) {
      drop(reason);
      continue;
    }
    let missing = 0;
    let present = 0;
    let prev = -2;
    for (let i = way.refStart; i < way.refEnd; i++) {
      const k = indexOfId(nodeIds, data.wayRefs[i]);
      if (k < 0 || Number.isNaN(nodeLon[k])) {
        missing++;
        continue;
      }
      resolved[i] = k;
      if (k !== prev) present++;
      prev = k;
    }
    if (missing > 0) {
      report.waysMissingNodes++;
      report.missingNodeRefs += missing;
    }
    if (present < 2) {
      drop('too_short');
      continue;
    }
    kept.push(w);
    // Each occurrence counts (a way passing a node twice makes it a junction); consecutive repeats do not.
    prev = -2;
    for (let i = way.refStart; i < way.refEnd; i++) {
      const k = resolved[i];
      if (k >= 0 && k !== prev && useCount[k] < 255) useCount[k]++;
      prev = k;
    }
  }
  report.drivableWays = kept.length;

  const builder = new RoadNetworkBuilder(polylineLengthM);
  const graphNode = new Int32Array(nodeIds.length).fill(-1);
  const nodeOf = (k: number): number => {
    let g = graphNode[k];
    if (g < 0) {
      g = builder.addNode(nodeIds[k], data.nodeLon[k], data.nodeLat[k]);
      graphNode[k] = g;
    }
    return g;
  };

  for (const w of kept) {
    const way = data.ways[w];
    const attrs = drivableWay(way.tags);
    const { flags } = attrs;
    const emit = (from: number, to: number, g: number[]): void => {
      builder.addLink({
        source: nodeOf(from),
        target: nodeOf(to),
        wayId: way.id,
        geometry: g,
        lengthM: polylineLengthM(g, 0, g.length),
        roadClass: attrs.roadClass,
        flags,
        maxspeedForwardKmh: attrs.maxspeedForwardKmh,
        maxspeedBackwardKmh: attrs.maxspeedBackwardKmh,
        widthM: attrs.widthM,
        name: attrs.name,
        nameZh: attrs.nameZh,
      });
    };
    let start = -1; // position in data.nodeIds of the current link's first node
    let geom: number[] = [];
    let prev = -1;
    for (let i = way.refStart; i <= way.refEnd; i++) {
      const k = i < way.refEnd ? resolved[i] : -1;
      if (k < 0) {
        // Missing node or way end: close the open piece (its last node is an end, hence a graph node).
        if (start >= 0 && prev !== start) emit(start, prev, geom);
        start = -1;
        prev = -1;
        continue;
      }
      if (k === prev) continue;
      if (start < 0) {
        start = k;
        geom = [data.nodeLon[k], data.nodeLat[k]];
        prev = k;
        continue;
      }
      geom.push(data.nodeLon[k], data.nodeLat[k]);
      prev = k;
      if (useCount[k] >= 2) {
        emit(start, k, geom);
        start = k;
        geom = [data.nodeLon[k], data.nodeLat[k]];
      }
    }
  }
  return { network: builder.build(), report };
}

/** Number of links that may be travelled in one direction only. */
export function countOneWayLinks(net: RoadNetwork): number {
  let n = 0;
  const both = LinkFlag.FORWARD | LinkFlag.BACKWARD;
  for (let l = 0; l < net.linkCount; l++) if ((net.linkFlags[l] & both) !== both) n++;
  return n;
}
