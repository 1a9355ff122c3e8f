export { type RoadNetwork, RoadNetworkBuilder, type LinkInput, withLinkCosts, linkCostS, graphBytes, geometryBytes, networkBbox } from './road_network';
export { ROAD_CLASSES, type RoadClass, roadClassCode, roadClassName, CHINESE_ROAD_CLASSES, LinkFlag } from './road_class';
export { polylineLengthM, distanceM, rulerAt } from './geodesy';
export { linkCumulativeM, pointOnLink, linkSlice } from './link_geometry';
export { stronglyConnectedComponents, islandOf, type Components } from './islands';
export { type NetworkPlace, type NodeOrPlace, placeOnLink, placeEndNode, normalisePlace, AT_NODE_TOLERANCE_M } from './network_place';
export { travellable, travellableLink, landAccessLink } from './access';
export { undirectedView } from './undirected_view';
