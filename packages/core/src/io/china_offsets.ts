/**
 * The Chinese web-map coordinate systems: GCJ-02 (高德 Amap, 腾讯 Tencent, Google China) and BD-09
 * (百度 Baidu). Both are WGS84 shifted by a published, non-linear formula (a few hundred metres in most
 * Chinese cities). The forward directions are the published formulas (Krasovsky ellipsoid for GCJ-02,
 * Baidu's polar perturbation for BD-09), written out here because a general converter (gcoord) costs
 * about 10 µs a point through its generic entry; checked against the published reference points in
 * crs.test.ts. The inverses are solved by fixed-point
 * iteration of the forward formula until the residual is below `INVERSE_TOLERANCE_DEG` (≈ 1 µm), so a
 * round trip returns the original point to well under 0.1 m (the closed "minus the delta" inverse is off
 * by metres). Outside China's bounding box the shift is zero, as in the published formula.
 */

/** Residual at which the inverses stop: 1e-11 degrees ≈ 1 µm (each iteration gains about five digits). */
const INVERSE_TOLERANCE_DEG = 1e-11;
const MAX_ITERATIONS = 30;

export type LonLat = [number, number];

// Krasovsky 1940 ellipsoid, as the published GCJ-02 formula uses it.
const KRASOVSKY_A_M = 6378245;
const KRASOVSKY_E2 = 0.006693421622965943;
/** The published formula's bounding box of China: outside it the shift is zero. */
const inChina = (lon: number, lat: number): boolean => lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function shiftLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS84 → GCJ-02 (the published formula; inside China only, unchanged outside). */
export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  if (!inChina(lon, lat)) return [lon, lat];
  const radLat = (lat / 180) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_E2 * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(lon - 105, lat - 35) * 180) / (((KRASOVSKY_A_M * (1 - KRASOVSKY_E2)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (shiftLon(lon - 105, lat - 35) * 180) / ((KRASOVSKY_A_M / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

const BAIDU_FACTOR = (Math.PI * 3000) / 180;

/** GCJ-02 → BD-09 (Baidu). */
export function gcj02ToBd09(lon: number, lat: number): LonLat {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BAIDU_FACTOR);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BAIDU_FACTOR);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** WGS84 → BD-09, through GCJ-02. */
export function wgs84ToBd09(lon: number, lat: number): LonLat {
  const [x, y] = wgs84ToGcj02(lon, lat);
  return gcj02ToBd09(x, y);
}

/** GCJ-02 → WGS84 (to ≈ 1 µm). */
export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  return invert(wgs84ToGcj02, lon, lat);
}

/** BD-09 → GCJ-02 (to ≈ 1 µm). */
export function bd09ToGcj02(lon: number, lat: number): LonLat {
  return invert(gcj02ToBd09, lon, lat);
}

/** BD-09 → WGS84 (to ≈ 1 µm). */
export function bd09ToWgs84(lon: number, lat: number): LonLat {
  return invert(wgs84ToBd09, lon, lat);
}

/** Solves forward(p) = (lon, lat) for p: the shift varies slowly, so p ← p − (forward(p) − target) converges fast. */
function invert(forward: (lon: number, lat: number) => LonLat, lon: number, lat: number): LonLat {
  let x = lon;
  let y = lat;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const [fx, fy] = forward(x, y);
    const dx = fx - lon;
    const dy = fy - lat;
    if (Math.abs(dx) < INVERSE_TOLERANCE_DEG && Math.abs(dy) < INVERSE_TOLERANCE_DEG) break;
    x -= dx;
    y -= dy;
  }
  return [x, y];
}
