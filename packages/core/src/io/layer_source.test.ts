import iconv from 'iconv-lite';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import { LinkFlag, roadClassName } from '../network/road_class';
import { writeShapefile } from './fixtures/write_shapefile';
import { readGeoJsonRoads } from './geojson_roads';
import { readLayer } from './layer_source';
import { roadFields } from './road_fields';

// CGCS2000 / 3-degree Gauss-Kruger zone 35, from the EPSG registry's parameters (not from crs.ts).
const GK35 = '+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=35500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_35",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",35500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A reader over an in-memory folder; missing files reject like a missing file on disk. */
function folder(files: Record<string, Uint8Array>): (p: string) => Promise<Uint8Array> {
  return async (p) => {
    const f = files[p];
    if (!f) throw new Error(`no such file ${p}`);
    return f;
  };
}

// On the central meridian (105°E) the Gauss-Krüger scale is 1, so grid metres are ground metres there.
const E0 = 35500000;
const N0 = 3330000;

describe('Shapefile roads in CGCS2000 Gauss-Krüger with GBK attributes', () => {
  const lines = [
    [[[E0, N0], [E0 + 500, N0], [E0 + 1000, N0]]],
    [[[E0 + 500, N0 - 500], [E0 + 500, N0], [E0 + 500, N0 + 500]]],
  ];
  const fields = [
    { name: gbk('道路名称'), type: 'C' as const, len: 20 },
    { name: gbk('道路等级'), type: 'C' as const, len: 10 },
    { name: gbk('单行'), type: 'C' as const, len: 2 },
  ];
  const records = [
    [gbk('人民路'), gbk('主干路'), gbk('否')],
    [gbk('学府街'), gbk('支路'), gbk('是')],
  ];

  it('reads lines, the .prj zone, GBK names and the Chinese class and one-way fields into a network', async () => {
    const { shp, shx, dbf } = writeShapefile('polyline', lines, fields, records);
    const read = folder({ 'roads.shp': shp, 'roads.shx': shx, 'roads.dbf': dbf, 'roads.prj': utf8(PRJ) });
    const { fc, report } = await readLayer('roads.shp', { layer: 'network', displayName: 'city/roads.shp', read });
    expect(report).toMatchObject({ format: 'shapefile', read: 2, kept: 2, crs: 'EPSG:4523', crsSource: '.prj', encoding: 'gb18030', encodingSource: 'detected' });
    const net = readGeoJsonRoads(roadFields(fc), 'city/roads.shp');
    // Two lines crossing at a shared vertex: 5 junctions, 4 links, 2 km of road.
    expect(net.nodeCount).toBe(5);
    expect(net.linkCount).toBe(4);
    let total = 0;
    for (let l = 0; l < net.linkCount; l++) total += net.linkLengthM[l];
    expect(total).toBeGreaterThan(1999);
    expect(total).toBeLessThan(2001);
    const classes = new Set<string>();
    for (let l = 0; l < net.linkCount; l++) {
      classes.add(roadClassName(net.linkClass[l]));
      const name = net.names[net.linkName[l]];
      const both = (net.linkFlags[l] & (LinkFlag.FORWARD | LinkFlag.BACKWARD)) === (LinkFlag.FORWARD | LinkFlag.BACKWARD);
      expect(both, name).toBe(name === '人民路');
    }
    expect(classes).toEqual(new Set(['primary', 'residential']));
    // The west end of 人民路 is on the central meridian, at the latitude proj4 gives for N0.
    const [lon0, lat0] = proj4(GK35, 'EPSG:4326').forward([E0, N0]);
    let found = false;
    for (let i = 0; i < net.nodeCount; i++) found ||= Math.abs(net.nodeLon[i] - lon0) < 1e-9 && Math.abs(net.nodeLat[i] - lat0) < 1e-9;
    expect(found).toBe(true);
  });

  it('a .cpg names the code page; columns map fields the recognition does not know', async () => {
    const renamed = [{ ...fields[0] }, { ...fields[1], name: utf8('DLDJ') }, { ...fields[2], name: utf8('DX') }];
    const { shp, dbf } = writeShapefile('polyline', lines, renamed, records);
    const read = folder({ 'r.shp': shp, 'r.dbf': dbf, 'r.prj': utf8(PRJ), 'r.cpg': utf8('936') });
    const { fc, report } = await readLayer({ path: 'r.shp', columns: { class: 'DLDJ', oneway: 'DX' } }, { layer: 'network', displayName: 'r.shp', read });
    expect(report.encodingSource).toBe('cpg');
    const net = readGeoJsonRoads(roadFields(fc, { class: 'DLDJ', oneway: 'DX' }), 'r.shp');
    const classes = new Set<string>();
    for (let l = 0; l < net.linkCount; l++) classes.add(roadClassName(net.linkClass[l]));
    expect(classes).toEqual(new Set(['primary', 'residential']));
  });

  it('UTF-8 attributes are detected as UTF-8', async () => {
    const u = [[utf8('人民路'), utf8('主干路'), utf8('否')], [utf8('学府街'), utf8('支路'), utf8('是')]];
    const { shp, dbf } = writeShapefile('polyline', lines, [{ name: utf8('name'), type: 'C', len: 20 }, { name: utf8('class'), type: 'C', len: 10 }, { name: utf8('oneway'), type: 'C', len: 3 }], u);
    const { fc, report } = await readLayer('r.shp', { layer: 'network', displayName: 'r.shp', read: folder({ 'r.shp': shp, 'r.dbf': dbf, 'r.prj': utf8(PRJ) }) });
    expect(report.encoding).toBe('utf-8');
    expect(fc.features.map((f) => f.properties!.name)).toEqual(['人民路', '学府街']);
  });

  it('a polygon with a hole stays one polygon of two rings', async () => {
    // Outer ring clockwise, hole counter-clockwise (the Shapefile convention).
    const outer = [[E0, N0], [E0, N0 + 1000], [E0 + 1000, N0 + 1000], [E0 + 1000, N0], [E0, N0]];
    const hole = [[E0 + 400, N0 + 400], [E0 + 600, N0 + 400], [E0 + 600, N0 + 600], [E0 + 400, N0 + 600], [E0 + 400, N0 + 400]];
    const { shp, dbf } = writeShapefile('polygon', [[outer, hole]], [{ name: utf8('名称'), type: 'C', len: 20 }], [[utf8('建成区')]]);
    const { fc } = await readLayer('a.shp', { layer: 'studyArea', displayName: 'a.shp', read: folder({ 'a.shp': shp, 'a.dbf': dbf, 'a.prj': utf8(PRJ) }) });
    expect(fc.features).toHaveLength(1);
    const g = fc.features[0].geometry;
    expect(g.type).toBe('Polygon');
    expect((g as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(fc.features[0].properties!.name).toBe('建成区');
  });

  it('a missing .dbf, and projected coordinates without a .prj, are InputErrors', async () => {
    const { shp, dbf } = writeShapefile('polyline', lines, fields, records);
    await expect(readLayer('r.shp', { layer: 'network', displayName: 'r.shp', read: folder({ 'r.shp': shp }) })).rejects.toThrow(/r\.dbf is missing/);
    const e = await readLayer('r.shp', { layer: 'network', displayName: 'r.shp', read: folder({ 'r.shp': shp, 'r.dbf': dbf }) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/zone 35.*EPSG:4523/);
  });
});
