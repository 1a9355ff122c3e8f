export { type LandGrid, type LandGridOptions, type AreaInput, buildLandGrid, cellAreaKm2, cellCentre, cellAt, areaPolygons } from './land_grid';
export { type SurfaceSearch, arrivalSurface, ownerSurface, arrivalAndOwner, linkTraversalCosts } from './arrival_surface';
export { contourCells, bandPolygons, polygonAreaKm2, round6, type Band } from './contours';
