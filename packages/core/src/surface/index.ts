export { type LandGrid, type LandGridOptions, type AreaInput, buildLandGrid, cellAreaKm2, cellCentre, cellAt, areaPolygons, rasterisePolygonMask, forEachCellInPolygons } from './land_grid';
export {
  type SurfaceSearch,
  type LinkCellIndex,
  type SparseArrival,
  arrivalSurface,
  arrivalAndOwner,
  linkTraversalCosts,
  linkCellIndex,
  sparseArrival,
} from './arrival_surface';
export { contourCells, contourCellList, bandPolygons, polygonAreaKm2, round6, type Band } from './contours';
