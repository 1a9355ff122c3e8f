import type { Position } from 'geojson';

/**
 * Point in polygon by the crossing rule (even-odd), in plain [lon, lat] (or any planar x, y). The one
 * implementation used by OSM features, closures and the water study area: fast (no allocation), so it
 * runs per link and per hydrant. A point exactly on an edge may fall either side.
 */

/** `[x, y]` inside one ring (closed or not; orientation does not matter). */
export function pointInRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** `[x, y]` inside a polygon given as rings (outer first, then holes): inside an odd number of rings, so holes are excluded. */
export function pointInPolygon(x: number, y: number, rings: readonly (readonly Position[])[]): boolean {
  let inside = false;
  for (const ring of rings) if (pointInRing(x, y, ring)) inside = !inside;
  return inside;
}
