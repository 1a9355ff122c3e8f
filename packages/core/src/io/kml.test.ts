import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import { readKml } from './kml';
import { readLayer } from './layer_source';

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>消火栓</name><Folder><name>城中</name>
  <Placemark><name>XF-0001</name><ExtendedData><Data name="编号"><value>H0001</value></Data><Data name="状态"><value>完好</value></Data></ExtendedData>
    <Point><coordinates>116.41024449916938,39.91640428150164,0</coordinates></Point></Placemark>
  <Placemark><name>人民路</name><description><![CDATA[主干路 <b>双向</b>]]></description>
    <LineString><coordinates>104.1,30.1 104.2,30.1
      104.2,30.2</coordinates></LineString></Placemark>
  <Placemark><name>建成区</name><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 4,0 4,4 0,4 0,0</coordinates></LinearRing></outerBoundaryIs>
    <innerBoundaryIs><LinearRing><coordinates>1,1 1,2 2,2 2,1 1,1</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
  <Placemark><name>两段</name><ExtendedData><SchemaData><SimpleData name="类型">支路</SimpleData></SchemaData></ExtendedData>
    <MultiGeometry><LineString><coordinates>0,0 1,1</coordinates></LineString><LineString><coordinates>2,2 3,3</coordinates></LineString></MultiGeometry></Placemark>
  <Placemark><name>no geometry</name></Placemark>
</Folder></Document></kml>`;

describe('KML in', () => {
  it('reads points, lines, polygons with holes and multi-geometries with their names and ExtendedData', () => {
    const fc = readKml(KML, 'a.kml');
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString', 'Polygon', 'MultiLineString']);
    expect(fc.features[0].properties).toEqual({ name: 'XF-0001', 编号: 'H0001', 状态: '完好' });
    expect(fc.features[1].geometry).toEqual({ type: 'LineString', coordinates: [[104.1, 30.1], [104.2, 30.1], [104.2, 30.2]] });
    expect(fc.features[1].properties.description).toBe('主干路 <b>双向</b>');
    expect((fc.features[2].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(fc.features[3].properties.类型).toBe('支路');
  });

  it('a declared GCJ-02 KML comes back to WGS84 (the coordtransform README point), with 编号/状态 recognised', async () => {
    const read = async (): Promise<Uint8Array> => new TextEncoder().encode(KML);
    const { fc, report } = await readLayer({ path: 'a.kml', crs: 'GCJ-02' }, { layer: 'hydrants', displayName: 'a.kml', read });
    expect(report).toMatchObject({ format: 'kml', read: 4, kept: 4, crs: 'GCJ-02', crsSource: 'scenario' });
    const [lon, lat] = (fc.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(116.404, 7);
    expect(lat).toBeCloseTo(39.915, 7);
    expect(fc.features[0].properties).toMatchObject({ id: 'H0001', status: '完好' });
  });

  it('broken KML and bad coordinates are InputErrors with the line', () => {
    expect(() => readKml('<kml><Placemark>', 'b.kml')).toThrow(InputError);
    expect(() => readKml('<kml><Placemark><Point><coordinates>abc</coordinates></Point></Placemark></kml>', 'b.kml')).toThrow(/"abc" are not lon,lat/);
  });
});

describe('KML out', () => {
  it('writes every feature as a Placemark that reads back with its geometry and properties (round trip)', async () => {
    const { writeKml } = await import('./kml_write');
    const fc = readKml(KML, 'a.kml');
    const text = writeKml({ ...fc, features: fc.features.map((f, i) => ({ ...f, properties: { ...f.properties, id: `f${i}`, n: i, note: 'a<b & "c"' } })) }, '消火栓');
    expect(text.match(/<Placemark>/g)).toHaveLength(fc.features.length);
    const back = readKml(text, 'b.kml');
    expect(back.features.map((f) => f.geometry)).toEqual(fc.features.map((f) => f.geometry));
    expect(back.features[1].properties).toMatchObject({ name: '人民路', id: 'f1', n: '1', note: 'a<b & "c"' });
  });
});
