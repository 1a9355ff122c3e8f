export { type RoadNetwork, RoadNetworkBuilder, type LinkInput, withLinkCosts, graphBytes, networkBbox } from './road_network';
export { ROAD_CLASSES, type RoadClass, roadClassCode, roadClassName, CHINESE_ROAD_CLASSES, LinkFlag } from './road_class';
export { polylineLengthM, distanceM, rulerAt } from './geodesy';
export { linkCumulativeM, pointOnLink, linkSlice } from './link_geometry';
export { stronglyConnectedComponents, islandOf, type Components } from './islands';
export { networkStatistics, type NetworkStatistics, type ClassStatistics } from './statistics';
export { requireTravellableNetwork } from './travellable';
