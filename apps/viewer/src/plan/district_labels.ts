import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

/**
 * One label point per district. A district polygon drawn as a symbol layer gets a label per polygon
 * part and per tile it crosses, so one district could show its name several times; here each district
 * (grouped by station, `fc_station`) gets one point: the pole of inaccessibility (mapbox polylabel) of
 * its largest part, which always lies inside the part, carrying the district's properties.
 */
export function districtLabelPoints(districts: FeatureCollection | undefined): FeatureCollection<Point> {
  const best = new Map<string, { area: number; ring: Position[][]; props: Record<string, unknown> }>();
  for (const f of districts?.features ?? []) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const key = String(p.fc_station ?? p.stationId ?? '');
    const parts: Position[][][] = g.type === 'Polygon' ? [(g as Polygon).coordinates] : g.coordinates;
    for (const part of parts) {
      const a = Math.abs(ringArea(part[0] ?? []));
      const held = best.get(key);
      if (!held || a > held.area) best.set(key, { area: a, ring: part, props: p });
    }
  }
  const features: Feature<Point>[] = [];
  for (const [key, { ring, props }] of best) {
    // degrees are stretched east–west at this latitude: label in a locally square frame, then back
    const lat0 = ring[0]?.[0]?.[1] ?? 0;
    const k = Math.cos((lat0 * Math.PI) / 180);
    const scaled = ring.map((r) => r.map(([x, y]) => [x * k, y]));
    const at = polylabel(scaled, 1e-5);
    // keyed by station, as the worker keys its layers, so a later change can be applied by id (updateData)
    features.push({ type: 'Feature', id: key, properties: props, geometry: { type: 'Point', coordinates: [at[0] / k, at[1]] } });
  }
  return { type: 'FeatureCollection', features };
}

function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}
