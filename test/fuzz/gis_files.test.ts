import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRoadsJson, readGeoJsonRoads, readLayer, roadFields, writeShapefile } from '../../packages/core/src/index';
import { parseHydrants } from '../../packages/core/src/scenario/layers';
import { storedZip, zipParts } from '../../packages/core/src/io/fixtures/zip_parts';
import { checkNetwork, checkWgs84Features, cleanOutcomeAsync, fuzzParams, mutatedBytes, mutatedLines } from './fuzz_kit';

// Shapefiles (written by the project's own writer: roads and hydrants, UTF-8 and GBK attributes),
// Excel workbooks (written by exceljs) and KML, damaged part by part: readLayer and the layer's parser
// give in-range WGS84 features (a valid network for roads), or an InputError naming the file (or its
// .dbf / .prj sidecar).

const enc = new TextEncoder();
const line = (coords: number[][], props: Record<string, unknown>) => ({ type: 'Feature' as const, properties: props, geometry: { type: 'LineString' as const, coordinates: coords } });
const point = (x: number, y: number, props: Record<string, unknown>) => ({ type: 'Feature' as const, properties: props, geometry: { type: 'Point' as const, coordinates: [x, y] } });
const roadsFc = {
  type: 'FeatureCollection' as const,
  features: [
    line([[104.0, 30.0], [104.001, 30.0], [104.002, 30.0]], { name: '中山路', class: '主干路', oneway: '否', width: 24 }),
    line([[104.001, 30.0], [104.001, 30.001]], { name: 'Back St', class: '支路', oneway: '是' }),
    line([[104.002, 30.0], [104.003, 30.001], [104.001, 30.001]], { name: '环路', class: '次干路', maxspeed: 40 }),
  ],
};
const hydrantsFc = { type: 'FeatureCollection' as const, features: [point(104.0005, 30.0002, { id: 'H1', status: '完好', diameterMm: 150 }), point(104.0012, 30.0009, { id: 'H2', status: 'damaged', diameterMm: 100 })] };
const date = new Date(Date.UTC(2026, 0, 1));
const roadSet = writeShapefile(roadsFc, 'roads', { date }).sets[0];
const hydrantSet = writeShapefile(hydrantsFc, 'hydrants', { date, encoding: 'gbk' }).sets[0];

type Part = 'shp' | 'dbf' | 'prj' | 'cpg';
/** One part of a Shapefile set damaged (or left out: a missing .dbf / .prj / .cpg). */
function damagedSet(set: typeof roadSet): fc.Arbitrary<Record<Part, Uint8Array | undefined>> {
  const parts: Record<Part, Uint8Array> = { shp: set.shp, dbf: set.dbf, prj: enc.encode(set.prj), cpg: enc.encode(set.cpg) };
  return fc.constantFrom<Part>('shp', 'shp', 'dbf', 'dbf', 'prj', 'cpg').chain((k) =>
    fc.oneof(mutatedBytes(parts[k]).map((b) => ({ ...parts, [k]: b })), fc.constant({ ...parts, [k]: k === 'shp' ? parts.shp : undefined })),
  );
}
const reader = (stem: string, parts: Record<Part, Uint8Array | undefined>) => async (path: string): Promise<Uint8Array> => {
  const ext = path.slice(stem.length + 1) as Part;
  const b = parts[ext];
  if (!b) throw new Error(`ENOENT ${path}`);
  return b;
};

describe('fuzz: Shapefiles', () => {
  it('a road Shapefile: a valid network or an InputError naming the .shp, .dbf or .prj', async () => {
    await fc.assert(
      fc.asyncProperty(damagedSet(roadSet), async (parts) => {
        await cleanOutcomeAsync(
          async () => {
            const { fc: layer } = await readLayer('roads.shp', { layer: 'network', displayName: 'roads.shp', read: reader('roads', parts), parseJson: parseRoadsJson, format: 'shapefile' });
            return readGeoJsonRoads(roadFields(layer), 'roads.shp');
          },
          ['roads.shp', 'roads.dbf', 'roads.prj'],
          checkNetwork,
        );
      }),
      fuzzParams('Shapefile roads', 500),
    );
  });

  it('a hydrant Shapefile (GBK attributes): in-range points or an InputError naming the .shp, .dbf or .prj', async () => {
    await fc.assert(
      fc.asyncProperty(damagedSet(hydrantSet), async (parts) => {
        await cleanOutcomeAsync(
          async () => parseHydrants((await readLayer('hydrants.shp', { layer: 'hydrants', displayName: 'hydrants.shp', read: reader('hydrants', parts) })).fc, 'hydrants.shp'),
          ['hydrants.shp', 'hydrants.dbf', 'hydrants.prj'],
          checkWgs84Features,
        );
      }),
      fuzzParams('Shapefile hydrants', 500),
    );
  });
});

describe('fuzz: Excel workbooks', () => {
  let xlsx: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['消火栓台账']);
    const ws = wb.addWorksheet('消火栓');
    ws.addRow(['编号', '经度', '纬度', '状态', '管径']);
    ws.addRow(['H1', 104.0005, 30.0002, '完好', 150]);
    ws.addRow(['H2', 104.0012, 30.0009, '损坏', 100]);
    ws.addRow(['H3', '104.0020', '30.0011', '低压', null]);
    xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  it('a hydrant workbook damaged as bytes or inside one XML part: in-range points or an InputError naming the file', async () => {
    const parts = zipParts(xlsx);
    const names = Object.keys(parts).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    expect(names).toContain('xl/workbook.xml');
    const damaged = fc.oneof(
      mutatedBytes(xlsx),
      fc.constantFrom(...names).chain((n) => fc.oneof(mutatedBytes(parts[n]), mutatedLines(new TextDecoder().decode(parts[n]))).map((b) => storedZip({ ...parts, [n]: b }))),
    );
    await fc.assert(
      fc.asyncProperty(damaged, fc.constantFrom(undefined, '消火栓'), async (bytes, sheet) => {
        await cleanOutcomeAsync(
          async () => parseHydrants((await readLayer(sheet ? { path: 'h.xlsx', sheet } : 'h.xlsx', { layer: 'hydrants', displayName: 'h.xlsx', read: async () => bytes })).fc, 'h.xlsx'),
          'h.xlsx',
          checkWgs84Features,
        );
      }),
      fuzzParams('Excel workbook', 500),
    );
  });
});

describe('fuzz: KML', () => {
  const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>消火栓</name>
<Placemark><name>H1</name><description><![CDATA[完好]]></description><ExtendedData><Data name="status"><value>完好</value></Data><SchemaData><SimpleData name="diameterMm">150</SimpleData></SchemaData></ExtendedData><Point><coordinates>104.0005,30.0002,0</coordinates></Point></Placemark>
<Placemark><name>H2</name><MultiGeometry><Point><coordinates>104.0012,30.0009</coordinates></Point><Point><coordinates>104.0013,30.0010</coordinates></Point></MultiGeometry></Placemark>
<Placemark><name>area</name><Polygon><outerBoundaryIs><LinearRing><coordinates>104,30 104.01,30 104.01,30.01 104,30</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Folder></Document></kml>
`;
  it('a KML file damaged as bytes or lines: in-range features or an InputError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBytes(enc.encode(kml)), mutatedLines(kml)), fc.constantFrom(undefined, 'GCJ-02'), async (bytes, crs) => {
        await cleanOutcomeAsync(
          async () => {
            const { fc: layer } = await readLayer(crs ? { path: 'h.kml', crs } : 'h.kml', { layer: 'hydrants', displayName: 'h.kml', read: async () => bytes });
            checkWgs84Features(layer);
            return layer;
          },
          'h.kml',
        );
      }),
      fuzzParams('KML', 500),
    );
  });
});
