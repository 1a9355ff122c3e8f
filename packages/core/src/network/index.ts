export { type RoadNetwork, RoadNetworkBuilder, type LinkInput, withLinkCosts, linkCostS, graphBytes, geometryBytes } from './road_network';
export { ROAD_CLASSES, type RoadClass, roadClassCode, roadClassName, CHINESE_ROAD_CLASSES, LinkFlag } from './road_class';
export { type SpeedModel, DEFAULT_SPEED_MODEL, speedModelWith, applySpeedModel } from './speed_model';
export { polylineLengthM, distanceM, rulerAt } from './geodesy';
export * from './map_features';
