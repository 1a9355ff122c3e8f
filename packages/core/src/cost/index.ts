export { type SpeedModel, DEFAULT_SPEED_MODEL, speedModelWith, applySpeedModel } from './speed_model';
export { closeRoads, closeLinks, findClosedLinks, type RoadClosures, type ClosureReport } from './closures';
