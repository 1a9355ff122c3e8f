export { pointInRing, pointInPolygon } from './point_in_polygon';
export { SnapIndex, snapEndNode, type Snap } from './snap_index';
