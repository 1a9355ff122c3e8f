import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import { bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02 } from './china_offsets';
import { crsFromGeoJsonMember, crsFromWkt, gaussKrugerZone, resolveCrs } from './crs';
import { projectedCrsHint } from './crs_detect';

const here = { file: 'test' };
const CHENGZHONG: [number, number] = [104.595634, 30.10027];

/** Metres between two lon/lat points (equirectangular; exact enough below a kilometre). */
function metres(a: readonly number[], b: readonly number[]): number {
  const k = Math.PI / 180;
  return 6371008.8 * Math.hypot((a[0] - b[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k), (a[1] - b[1]) * k);
}

describe('GCJ-02 and BD-09 against published points', () => {
  it('WGS84 → GCJ-02 gives the values of the coordtransform READMEs and of ../shared/notes/oracles.md', () => {
    const [x, y] = wgs84ToGcj02(116.404, 39.915);
    expect(x).toBeCloseTo(116.41024449916938, 12);
    expect(y).toBeCloseTo(39.91640428150164, 12);
    const [cx, cy] = wgs84ToGcj02(...CHENGZHONG);
    expect(cx).toBeCloseTo(104.59798726236976, 12);
    expect(cy).toBeCloseTo(30.097404523018344, 12);
  });

  it('GCJ-02 → BD-09 gives the coordtransform README value', () => {
    const [x, y] = gcj02ToBd09(116.404, 39.915);
    expect(x).toBeCloseTo(116.41036949371029, 12);
    expect(y).toBeCloseTo(39.92133699351021, 12);
  });

  it('the inverses return the original point to within 0.1 m everywhere in China (property)', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let worstGcj = 0;
    let worstBd = 0;
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = [74 + rand() * 60, 18 + rand() * 35];
      worstGcj = Math.max(worstGcj, metres(gcj02ToWgs84(...wgs84ToGcj02(...p)), p));
      worstBd = Math.max(worstBd, metres(bd09ToWgs84(...wgs84ToBd09(...p)), p));
      const g = wgs84ToGcj02(...p);
      worstBd = Math.max(worstBd, metres(bd09ToGcj02(...gcj02ToBd09(...g)), g));
    }
    expect(worstGcj).toBeLessThan(0.1);
    expect(worstBd).toBeLessThan(0.1);
  });

  it('the offset at Chengzhong station is about 227 m east and 314 m south (oracles.md)', () => {
    const g = wgs84ToGcj02(...CHENGZHONG);
    expect(metres([g[0], CHENGZHONG[1]], CHENGZHONG)).toBeCloseTo(227, -1);
    expect(metres([CHENGZHONG[0], g[1]], CHENGZHONG)).toBeCloseTo(314, -1);
    expect(g[1]).toBeLessThan(CHENGZHONG[1]);
  });

  it('GCJ-02 and BD-09 resolve by name, case and dash free', () => {
    for (const name of ['GCJ-02', 'gcj02', 'GCJ02']) expect(resolveCrs(name, here).id).toBe('GCJ-02');
    for (const name of ['BD-09', 'bd09', 'BD09LL']) expect(resolveCrs(name, here).id).toBe('BD-09');
    expect(resolveCrs('GCJ-02', here).toWgs84(116.41024449916938, 39.91640428150164)[0]).toBeCloseTo(116.404, 8);
  });
});

describe('CGCS2000 Gauss–Krüger zones', () => {
  it('EPSG:4523 (3° zone 35, prefixed) gives the PROJ value for Chengzhong station to the millimetre', () => {
    const crs = resolveCrs('EPSG:4523', here);
    const [e, n] = crs.fromWgs84(...CHENGZHONG);
    expect(Math.abs(e - 35461023.349)).toBeLessThan(0.001);
    expect(Math.abs(n - 3331297.636)).toBeLessThan(0.001);
    const [lon, lat] = crs.toWgs84(35461023.349, 3331297.636);
    expect(metres([lon, lat], CHENGZHONG)).toBeLessThan(0.005);
  });

  it('the unprefixed 3° zone and the 6° zones of the same central meridian differ only in the false easting', () => {
    // Central meridian 105°E is 3° zone 35 (EPSG:4523 / 4544) and 6° zone 18 (EPSG:4496 / 4507): same
    // ellipsoid and scale 1, so the northing is the same and the eastings differ by the prefix.
    for (const [code, prefix] of [['EPSG:4544', 0], ['EPSG:4496', 18e6], ['EPSG:4507', 0]] as const) {
      const [e, n] = resolveCrs(code, here).fromWgs84(...CHENGZHONG);
      expect(Math.abs(e - (461023.349 + prefix))).toBeLessThan(0.001);
      expect(Math.abs(n - 3331297.636)).toBeLessThan(0.001);
    }
  });

  it('zone tables: every code in 4491–4554 is a zone with its published central meridian', () => {
    expect(gaussKrugerZone(4513)).toEqual({ zone: 25, widthDeg: 3, centralMeridianDeg: 75, prefixed: true });
    expect(gaussKrugerZone(4533)).toEqual({ zone: 45, widthDeg: 3, centralMeridianDeg: 135, prefixed: true });
    expect(gaussKrugerZone(4534)?.centralMeridianDeg).toBe(75);
    expect(gaussKrugerZone(4554)?.centralMeridianDeg).toBe(135);
    expect(gaussKrugerZone(4491)).toEqual({ zone: 13, widthDeg: 6, centralMeridianDeg: 75, prefixed: true });
    expect(gaussKrugerZone(4501)).toEqual({ zone: 23, widthDeg: 6, centralMeridianDeg: 135, prefixed: true });
    expect(gaussKrugerZone(4512)?.centralMeridianDeg).toBe(135);
    expect(gaussKrugerZone(4490)).toBeUndefined();
    expect(gaussKrugerZone(4555)).toBeUndefined();
  });

  it('an ESRI .prj and an OGC WKT of zone 35 both resolve to EPSG:4523', () => {
    const esri =
      'PROJCS["CGCS2000_3_Degree_GK_Zone_35",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",35500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromWkt(esri, here).id).toBe('EPSG:4523');
    expect(crsFromWkt(esri.replace('Zone_35', 'CM_105E').replace('35500000.0', '500000.0'), here).id).toBe('EPSG:4544');
    const ogc =
      'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 35",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",1],PARAMETER["false_easting",35500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","4523"]]';
    expect(crsFromWkt(ogc, here).id).toBe('EPSG:4523');
    // A WKT of another zone that names no code is still read by proj4, with its own parameters.
    const other = crsFromWkt(esri.replace('CGCS2000_3_Degree_GK_Zone_35', 'Local_GK').replace('35500000.0', '500000.0').replace('105.0', '111.0'), here);
    const [e] = other.fromWgs84(111, 30);
    expect(e).toBeCloseTo(500000, 3);
  });

  it('ESRI names of 6° zones carry no width: CGCS2000_GK_Zone_18 is EPSG:4496, CGCS2000_GK_CM_105E the same meridian without prefix', () => {
    const sixDeg = (name: string, falseEasting: string, cm: string) =>
      `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
    // 6° zone n has central meridian 6n − 3: zone 18 → 105°E; EPSG 4491 is zone 13, so zone 18 is 4491 + 5.
    expect(crsFromWkt(sixDeg('CGCS2000_GK_Zone_18', '18500000.0', '105.0'), here).id).toBe('EPSG:4496');
    // Without the prefix, CM 105E: EPSG 4502 is CM 75E, so 105E is 4502 + 30/6 = 4507.
    expect(crsFromWkt(sixDeg('CGCS2000_GK_CM_105E', '500000.0', '105.0'), here).id).toBe('EPSG:4507');
    expect(crsFromWkt(sixDeg('CGCS2000_6_Degree_GK_Zone_18', '18500000.0', '105.0'), here).id).toBe('EPSG:4496');
  });

  it('geographic CGCS2000 and WGS84 are read without a transform; 3857 through proj4', () => {
    expect(resolveCrs('EPSG:4490', here).identity).toBe(true);
    expect(resolveCrs('CGCS2000', here).identity).toBe(true);
    expect(resolveCrs('urn:ogc:def:crs:OGC:1.3:CRS84', here).identity).toBe(true);
    const merc = resolveCrs('EPSG:3857', here);
    // Web Mercator x = R·λ: 180° ↦ π·6378137.
    expect(merc.fromWgs84(180, 0)[0]).toBeCloseTo(Math.PI * 6378137, 3);
  });

  it('a GeoJSON crs member names its CRS; unknown names are InputErrors', () => {
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4523' } }, here)?.id).toBe('EPSG:4523');
    expect(crsFromGeoJsonMember(undefined, here)).toBeUndefined();
    expect(() => resolveCrs('EPSG:99999', here)).toThrow(InputError);
    expect(() => resolveCrs('Beijing54', here)).toThrow(/unknown coordinate system/);
  });
});

describe('naming the zone of undeclared projected coordinates', () => {
  it('a prefixed easting names its 3° or 6° zone', () => {
    expect(projectedCrsHint(35461023.349, 3331297.636).epsg).toBe(4523);
    expect(projectedCrsHint(18461023.349, 3331297.636).epsg).toBe(4496);
    // X = northing first, as Chinese survey tables print it.
    expect(projectedCrsHint(3331297.636, 35461023.349).epsg).toBe(4523);
  });

  it('an unprefixed easting names the central meridian nearest the roads', () => {
    const h = projectedCrsHint(461023.349, 3331297.636, 104.6);
    expect(h.epsg).toBe(4544);
    expect(h.en).toContain('105°E');
    expect(projectedCrsHint(461023.349, 3331297.636).epsg).toBeUndefined();
  });

  it('Web Mercator metres are named as such', () => {
    const [x, y] = resolveCrs('EPSG:3857', here).fromWgs84(...CHENGZHONG);
    expect(projectedCrsHint(x, y, 104.6).epsg).toBe(3857);
  });
});
