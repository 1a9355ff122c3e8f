import type { Feature, FeatureCollection, Geometry } from 'geojson';

/**
 * A GeoJSON layer as a KML document (Google Earth, 奥维互动地图, most Chinese GIS viewers): one Placemark
 * per feature, named by `nameZh` / `name` / `id`, every scalar property in `ExtendedData`, geometries as
 * Point / LineString / Polygon (with inner rings) and MultiGeometry. KML holds longitude / latitude: the
 * caller writes WGS84 (or a lon/lat system such as GCJ-02 for a Chinese web map).
 */
export function writeKml(fc: FeatureCollection, documentName: string): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>', `<name>${esc(documentName)}</name>`];
  for (const f of fc.features) {
    const g = kmlGeometry(f.geometry);
    if (!g) continue;
    out.push(`<Placemark>${placemarkName(f)}${extendedData(f.properties)}${g}</Placemark>`);
  }
  out.push('</Document></kml>', '');
  return out.join('\n');
}

function placemarkName(f: Feature): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const n = [p.nameZh, p.name, p.id, f.id].find((v) => (typeof v === 'string' && v !== '') || typeof v === 'number');
  return n === undefined ? '' : `<name>${esc(String(n))}</name>`;
}

function extendedData(props: Record<string, unknown> | null): string {
  const rows = Object.entries(props ?? {}).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object');
  if (rows.length === 0) return '';
  return `<ExtendedData>${rows.map(([k, v]) => `<Data name="${esc(k)}"><value>${esc(String(v))}</value></Data>`).join('')}</ExtendedData>`;
}

const coords = (c: number[][]): string => c.map((p) => p.slice(0, 3).join(',')).join(' ');
const ring = (c: number[][]): string => `<LinearRing><coordinates>${coords(c)}</coordinates></LinearRing>`;
const polygon = (rings: number[][][]): string =>
  `<Polygon><outerBoundaryIs>${ring(rings[0])}</outerBoundaryIs>${rings.slice(1).map((r) => `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`).join('')}</Polygon>`;

function kmlGeometry(g: Geometry | null): string | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((p) => `<Point><coordinates>${coords([p])}</coordinates></Point>`).join('')}</MultiGeometry>`;
    case 'LineString':
      return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => `<LineString><coordinates>${coords(l)}</coordinates></LineString>`).join('')}</MultiGeometry>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection': {
      const parts = g.geometries.map(kmlGeometry).filter((x): x is string => x !== null);
      return parts.length === 0 ? null : `<MultiGeometry>${parts.join('')}</MultiGeometry>`;
    }
  }
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
