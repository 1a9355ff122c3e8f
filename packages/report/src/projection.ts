import { geoDistance, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { Geometry, Position } from 'geojson';

/** Every coordinate of a geometry (for fitting the map extent). */
export function positionsOf(g: Geometry | null, out: Position[] = []): Position[] {
  if (!g) return out;
  switch (g.type) {
    case 'Point':
      out.push(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      out.push(...g.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) out.push(...r);
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) for (const r of p) out.push(...r);
      break;
    case 'GeometryCollection':
      for (const x of g.geometries) positionsOf(x, out);
      break;
  }
  return out;
}

/**
 * A transverse Mercator projection whose central meridian runs through the middle of the data, fitted
 * to the frame. Conformal (shapes and the scale bar hold in every direction over a city) and north is
 * straight up along the central meridian, so the north arrow is true at the centre of the map; the
 * fit goes through a MultiPoint, so polygon winding order cannot turn a district inside out.
 */
export function fittedProjection(points: Position[], frame: { x: number; y: number; width: number; height: number }): GeoProjection {
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const [lon] of points) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  const lon0 = points.length ? (minLon + maxLon) / 2 : 0;
  const p = geoTransverseMercator().rotate([-lon0, 0]);
  const extent: [[number, number], [number, number]] = [
    [frame.x, frame.y],
    [frame.x + frame.width, frame.y + frame.height],
  ];
  p.fitExtent(extent, { type: 'MultiPoint', coordinates: points.length ? points : [[0, 0]] });
  return p;
}

/** Metres on the ground per unit of the map at the frame centre (mean earth radius 6,371,008.8 m). */
export function metresPerUnit(p: GeoProjection, cx: number, cy: number): number {
  const a = p.invert?.([cx - 50, cy]);
  const b = p.invert?.([cx + 50, cy]);
  if (!a || !b) return 1;
  return (geoDistance(a, b) * 6_371_008.8) / 100;
}

/** The longest 1-2-5 length not above `maxM` metres. */
export function niceLengthM(maxM: number): number {
  const e = 10 ** Math.floor(Math.log10(maxM));
  for (const m of [5, 2, 1]) if (m * e <= maxM) return m * e;
  return e;
}
