import proj4 from 'proj4';

/**
 * Coordinates in the systems Chinese data come in, computed by the TESTS (proj4 with the EPSG
 * registry's parameters; the published GCJ-02 and BD-09 formulas written out here), never by the code
 * under test.
 */

// CGCS2000 / 3-degree Gauss-Kruger zone 35 (EPSG:4523), from the EPSG registry's parameters.
export const GK35 = '+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=35500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
export const GK35_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_35",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",35500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

// The published GCJ-02 formula (Krasovsky a = 6378245, e² = 0.00669342162296594323) and Baidu's BD-09 on top.
export function gcj(lon: number, lat: number): [number, number] {
  const x = lon - 105;
  const y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  dLat += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  dLat += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  dLon += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  dLon += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  const a = 6378245;
  const ee = 0.006693421622965943; // 0.00669342162296594323 to double precision
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - ee * Math.sin(radLat) ** 2;
  dLat = (dLat * 180) / (((a * (1 - ee)) / (magic * Math.sqrt(magic))) * Math.PI);
  dLon = (dLon * 180) / ((a / Math.sqrt(magic)) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}
export function bd(lon: number, lat: number): [number, number] {
  const [x, y] = gcj(lon, lat);
  const xPi = (Math.PI * 3000) / 180;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * xPi);
  const t = Math.atan2(y, x) + 0.000003 * Math.cos(x * xPi);
  return [z * Math.cos(t) + 0.0065, z * Math.sin(t) + 0.006];
}

/** WGS84 → CGCS2000 / 3-degree Gauss-Kruger zone 35 (easting with the zone prefix, northing). */
export function gk35(lon: number, lat: number): [number, number] {
  return proj4('EPSG:4326', GK35).forward([lon, lat]) as [number, number];
}
