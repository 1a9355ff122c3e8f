import gcoord from 'gcoord';

/**
 * The Chinese web-map coordinate systems: GCJ-02 (高德 Amap, 腾讯 Tencent, Google China) and BD-09
 * (百度 Baidu). Both are WGS84 shifted by a published, non-linear formula (a few hundred metres in most
 * Chinese cities). The forward directions come from `gcoord`; the inverses are solved by fixed-point
 * iteration of the forward formula until the residual is below `INVERSE_TOLERANCE_DEG` (≈ 1 µm), so a
 * round trip returns the original point to well under 0.1 m (the closed "minus the delta" inverse is off
 * by metres). Outside China's bounding box the shift is zero, as in the published formula.
 */

/** Residual at which the inverses stop: 1e-11 degrees ≈ 1 µm (each iteration gains about five digits). */
const INVERSE_TOLERANCE_DEG = 1e-11;
const MAX_ITERATIONS = 30;

export type LonLat = [number, number];

export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  return gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as LonLat;
}

export function gcj02ToBd09(lon: number, lat: number): LonLat {
  return gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.BD09) as LonLat;
}

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
