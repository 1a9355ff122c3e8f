import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { pointInPolygon } from '../spatial/point_in_polygon';

/** Point-in-area test over the study area (建成区) polygons; holes respected. `null` area: everything is inside. */
export type AreaTest = (lon: number, lat: number) => boolean;

export function areaTest(area: FeatureCollection<Polygon | MultiPolygon> | null | undefined): AreaTest {
  if (!area || area.features.length === 0) return () => true;
  const polys: { rings: Position[][]; bbox: [number, number, number, number] }[] = [];
  for (const f of area.features) {
    const g = f.geometry;
    if (!g) continue;
    const list = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of list) {
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (const [x, y] of rings[0] ?? []) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
      polys.push({ rings, bbox: [x0, y0, x1, y1] });
    }
  }
  return (lon, lat) => {
    for (const p of polys) {
      if (lon < p.bbox[0] || lon > p.bbox[2] || lat < p.bbox[1] || lat > p.bbox[3]) continue;
      if (pointInPolygon(lon, lat, p.rings)) return true;
    }
    return false;
  };
}
