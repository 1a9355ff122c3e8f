import { gcj02ToWgs84, wgs84ToGcj02 } from '@firecover/core';

/**
 * The coordinates the map draws in. Every layer is WGS84; a Chinese web basemap (AutoNavi/Gaode tiles)
 * is drawn in GCJ-02, about 300–500 m off in Chinese cities. With such a basemap chosen, every layer is
 * shifted to GCJ-02 with core's transform before it reaches the map, and positions read from the map
 * (clicks, the cursor) are shifted back to WGS84 (core's iterated inverse, within 0.1 m) before any
 * analysis sees them.
 */
export type DisplayCrs = 'wgs84' | 'gcj02';

let crs: DisplayCrs = 'wgs84';

export function displayCrs(): DisplayCrs {
  return crs;
}

export function setDisplayCrs(c: DisplayCrs): void {
  crs = c;
}

/** A map position (as drawn) in WGS84. */
export function toWgs84(lon: number, lat: number): [number, number] {
  return crs === 'gcj02' ? gcj02ToWgs84(lon, lat) : [lon, lat];
}

/** A WGS84 position as the map draws it. */
export function toDisplay(lon: number, lat: number): [number, number] {
  return crs === 'gcj02' ? wgs84ToGcj02(lon, lat) : [lon, lat];
}

/** GeoJSON coordinates (any depth) moved to the display CRS, in place. */
export function shiftCoordinates(c: unknown): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number' && typeof c[1] === 'number') {
    const [x, y] = toDisplay(c[0], c[1]);
    c[0] = x;
    c[1] = y;
    return;
  }
  for (const x of c) shiftCoordinates(x);
}

/** A GeoJSON object (FeatureCollection, Feature, geometry) moved to the display CRS, in place. */
export function shiftGeoJson(g: unknown): void {
  if (!g || typeof g !== 'object') return;
  const o = g as { type?: string; features?: unknown[]; geometry?: unknown; coordinates?: unknown; geometries?: unknown[] };
  if (o.features) for (const f of o.features) shiftGeoJson(f);
  else if (o.type === 'Feature') shiftGeoJson(o.geometry);
  else if (o.geometries) for (const x of o.geometries) shiftGeoJson(x);
  else if (o.coordinates) shiftCoordinates(o.coordinates);
}
