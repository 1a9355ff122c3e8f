import type { Feature, FeatureCollection, Geometry, LineString, Point, Polygon } from 'geojson';
import { briefText } from './brief_value';
import { SaxesParser } from 'saxes';
import { InputError } from '../input_error';

/**
 * KML placemarks (what Google Earth, 奥维互动地图 and other Chinese tools export) as GeoJSON features:
 * Point, LineString, Polygon (outer and inner rings) and MultiGeometry (→ MultiPoint / MultiLineString /
 * MultiPolygon when all parts are of one kind, else the first kind's parts), with `name`, `description`
 * and every `ExtendedData` `Data` / `SimpleData` value as properties. Folders are flattened. Coordinates
 * are KML's lon,lat[,alt]; the caller declares GCJ-02 when a tool exported shifted points.
 */
export function readKml(text: string, file: string): FeatureCollection<Geometry, Record<string, unknown>> {
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  let placemark: { props: Record<string, unknown>; points: Point[]; lines: LineString[]; polygons: Polygon[] } | null = null;
  let polygon: { outer: number[][] | null; inner: number[][][] } | null = null;
  let text_ = '';
  let dataName: string | null = null;

  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    stack.push(name);
    text_ = '';
    if (name === 'Placemark') placemark = { props: {}, points: [], lines: [], polygons: [] };
    else if (name === 'Polygon' && placemark) polygon = { outer: null, inner: [] };
    else if ((name === 'Data' || name === 'SimpleData') && placemark) dataName = String((tag.attributes as Record<string, string>).name ?? '');
  });
  parser.on('text', (t) => {
    text_ += t;
  });
  parser.on('cdata', (t) => {
    text_ += t;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    stack.pop();
    const parent = stack[stack.length - 1];
    const pm = placemark;
    if (!pm) return;
    if (name === 'coordinates') {
      const coords = parseCoordinates(text_, file, parser.line);
      const owner = stack[stack.length - 1];
      if (owner === 'Point') pm.points.push({ type: 'Point', coordinates: coords[0] });
      else if (owner === 'LineString') pm.lines.push({ type: 'LineString', coordinates: coords });
      else if (owner === 'LinearRing' && polygon) {
        const boundary = stack[stack.length - 2];
        if (boundary === 'innerBoundaryIs') polygon.inner.push(coords);
        else polygon.outer = coords;
      }
    } else if (name === 'Polygon' && polygon) {
      if (polygon.outer) pm.polygons.push({ type: 'Polygon', coordinates: [polygon.outer, ...polygon.inner] });
      polygon = null;
    } else if ((name === 'name' || name === 'description') && parent === 'Placemark') {
      pm.props[name] = text_.trim();
    } else if (name === 'value' && parent === 'Data' && dataName !== null) {
      pm.props[dataName] = text_.trim();
    } else if (name === 'SimpleData' && dataName !== null) {
      pm.props[dataName] = text_.trim();
      dataName = null;
    } else if (name === 'Data') {
      dataName = null;
    } else if (name === 'Placemark') {
      const g = geometryOf(pm);
      if (g) features.push({ type: 'Feature', geometry: g, properties: pm.props });
      placemark = null;
    }
  });
  try {
    parser.write(text.replace(/^\uFEFF/, '')).close();
  } catch (e) {
    throw new InputError({ file, line: parser.line }, `not valid KML: ${(e as Error).message.replace(/^\d+:\d+: /, '')}`, `不是有效的 KML：${(e as Error).message.replace(/^\d+:\d+: /, '')}`);
  }
  return { type: 'FeatureCollection', features };
}

function geometryOf(pm: { points: Point[]; lines: LineString[]; polygons: Polygon[] }): Geometry | null {
  const { points, lines, polygons } = pm;
  if (points.length + lines.length + polygons.length === 0) return null;
  if (points.length > 0 && lines.length === 0 && polygons.length === 0) return points.length === 1 ? points[0] : { type: 'MultiPoint', coordinates: points.map((p) => p.coordinates) };
  if (lines.length > 0 && polygons.length === 0) return lines.length === 1 ? lines[0] : { type: 'MultiLineString', coordinates: lines.map((l) => l.coordinates) };
  return polygons.length === 1 ? polygons[0] : { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) };
}

function parseCoordinates(s: string, file: string, line: number): number[][] {
  const out: number[][] = [];
  for (const tuple of s.trim().split(/\s+/)) {
    if (tuple === '') continue;
    const parts = tuple.split(',').map(Number);
    if (parts.length < 2 || !parts.every(Number.isFinite)) throw new InputError({ file, line }, `KML coordinates "${briefText(tuple)}" are not lon,lat[,alt] numbers`, `KML 坐标“${briefText(tuple)}”不是 经度,纬度[,高程] 数值`);
    out.push(parts.length > 2 ? parts.slice(0, 3) : parts);
  }
  if (out.length === 0) throw new InputError({ file, line }, 'empty KML <coordinates>', 'KML <coordinates> 为空');
  return out;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
