import { InputError, type InputErrorPlace } from '../input_error';
import { bd09ToWgs84, gcj02ToWgs84, wgs84ToGcj02, type LonLat } from './china_offsets';
import { gaussKrugerEpsg } from './crs';

/**
 * Detection of coordinates in the wrong system — the failure that gives a wrong answer that looks right.
 *
 * 1. `projectedCoordinatesError`: values that cannot be longitude/latitude, with no CRS declared, name
 *    the likely CGCS2000 Gauss–Krüger zone (the zone number in a prefixed easting, or — without prefix —
 *    the central meridian nearest the roads' longitude) or Web Mercator.
 * 2. `detectChinaOffset`: points that sit off the roads by one common shift the size and direction of
 *    the GCJ-02 (or BD-09) offset.
 */

const EARTH_RADIUS_M = 6378137;

/** The likely CRS of a projected (x, y) pair, in words; `hintLonDeg` is the longitude of the roads, when known. */
export function projectedCrsHint(x: number, y: number, hintLonDeg?: number): { en: string; zh: string; epsg?: number } {
  // Chinese survey tables often give X = northing, Y = easting: look at both.
  const [e, n] = looksLikeNorthing(x) && !looksLikeNorthing(y) ? [y, x] : [x, y];
  const swapped = e !== x;
  const swapNote = swapped ? { en: ' (x holds the northing and y the easting, as in Chinese survey tables: name the columns accordingly)', zh: '（x 为北坐标、y 为东坐标，与测绘惯例一致：请相应指定列）' } : { en: '', zh: '' };
  const prefix = Math.floor(e / 1e6);
  const rest = e - prefix * 1e6;
  if (e >= 1.3e7 && e < 4.6e7 && rest > 1e5 && rest < 9e5 && n > 0 && n < 6.5e6) {
    if (prefix >= 25 && prefix <= 45) {
      const epsg = gaussKrugerEpsg(3, 3 * prefix, true);
      return { epsg, en: `they look like CGCS2000 3-degree Gauss-Kruger zone ${prefix} (easting ${e} starts with the zone number; central meridian ${3 * prefix}°E): declare "crs": "EPSG:${epsg}"${swapNote.en}`, zh: `疑为 CGCS2000 3 度带高斯-克吕格投影第 ${prefix} 带（东坐标 ${e} 以带号开头，中央经线 ${3 * prefix}°E）：请声明 "crs": "EPSG:${epsg}"${swapNote.zh}` };
    }
    if (prefix >= 13 && prefix <= 23) {
      const epsg = gaussKrugerEpsg(6, 6 * prefix - 3, true);
      const merc = mercatorNote(x, y, hintLonDeg);
      return { epsg, en: `they look like CGCS2000 6-degree Gauss-Kruger zone ${prefix} (easting ${e} starts with the zone number; central meridian ${6 * prefix - 3}°E): declare "crs": "EPSG:${epsg}"${merc.en}${swapNote.en}`, zh: `疑为 CGCS2000 6 度带高斯-克吕格投影第 ${prefix} 带（东坐标 ${e} 以带号开头，中央经线 ${6 * prefix - 3}°E）：请声明 "crs": "EPSG:${epsg}"${merc.zh}${swapNote.zh}` };
    }
  }
  if (e > 1e5 && e < 1e6 && n > 1e6 && n < 6.5e6) {
    if (hintLonDeg !== undefined && hintLonDeg > 72 && hintLonDeg < 136) {
      const cm3 = Math.round(hintLonDeg / 3) * 3;
      const cm6 = Math.round((hintLonDeg + 3) / 6) * 6 - 3;
      const e3 = gaussKrugerEpsg(3, cm3, false);
      const e6 = gaussKrugerEpsg(6, cm6, false);
      return { epsg: e3, en: `they look like CGCS2000 Gauss-Kruger coordinates without the zone number (easting ${e}); the roads lie near ${hintLonDeg.toFixed(2)}°E, so the central meridian is likely ${cm3}°E: declare "crs": "EPSG:${e3}" (3-degree zone, CM ${cm3}°E) or "EPSG:${e6}" (6-degree zone, CM ${cm6}°E)${swapNote.en}`, zh: `疑为不带带号的 CGCS2000 高斯-克吕格坐标（东坐标 ${e}）；道路位于约 ${hintLonDeg.toFixed(2)}°E，中央经线可能为 ${cm3}°E：请声明 "crs": "EPSG:${e3}"（3 度带，中央经线 ${cm3}°E）或 "EPSG:${e6}"（6 度带，中央经线 ${cm6}°E）${swapNote.zh}` };
    }
    return { en: `they look like CGCS2000 Gauss-Kruger coordinates without the zone number (easting ${e}): the central meridian cannot be read from the values; declare it, e.g. "crs": "EPSG:4544" (3-degree, CM 105°E; EPSG:4534-4554 for CM 75-135°E) or EPSG:4502-4512 (6-degree)${swapNote.en}`, zh: `疑为不带带号的 CGCS2000 高斯-克吕格坐标（东坐标 ${e}）：无法从数值判断中央经线，请声明，如 "crs": "EPSG:4544"（3 度带，中央经线 105°E；EPSG:4534–4554 对应 75–135°E）或 EPSG:4502–4512（6 度带）${swapNote.zh}` };
  }
  const merc = mercatorNote(x, y, hintLonDeg);
  if (merc.en !== '') return { epsg: 3857, en: `they look like Web Mercator metres${merc.en.replace(/^; or/, ':')}`, zh: `疑为 Web 墨卡托坐标（米）${merc.zh.replace(/^；或/, '：')}` };
  return { en: 'they are projected coordinates in an unknown system: declare "crs" (an EPSG code or a proj4 string)', zh: '这是未知坐标系的投影坐标：请声明 "crs"（EPSG 代码或 proj4 参数串）' };
}

function looksLikeNorthing(v: number): boolean {
  return v > 1.5e6 && v < 6.5e6;
}

function mercatorNote(x: number, y: number, hintLonDeg?: number): { en: string; zh: string } {
  if (!(Math.abs(x) <= 20037508.35 && Math.abs(y) <= 20037508.35)) return { en: '', zh: '' };
  const lon = (x / EARTH_RADIUS_M) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / EARTH_RADIUS_M)) - Math.PI / 2) * (180 / Math.PI);
  if (hintLonDeg !== undefined && Math.abs(lon - hintLonDeg) > 2) return { en: '', zh: '' };
  if (hintLonDeg === undefined && !(lon > 72 && lon < 136 && lat > 3 && lat < 54)) return { en: '', zh: '' };
  return { en: `; or Web Mercator (${lon.toFixed(4)}°E, ${lat.toFixed(4)}°N): declare "crs": "EPSG:3857"`, zh: `；或为 Web 墨卡托（${lon.toFixed(4)}°E，${lat.toFixed(4)}°N）：请声明 "crs": "EPSG:3857"` };
}

/** The first position that cannot be lon/lat (|x| > 180 or |y| > 90, and not simply [lat, lon] swapped), or undefined. */
export function firstProjectedPosition(positions: Iterable<LonLat>): LonLat | undefined {
  for (const [x, y] of positions) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) continue;
    if (Math.abs(x) <= 90 && Math.abs(y) <= 180) continue; // [lat, lon]: the layer checks say so
    return [x, y];
  }
  return undefined;
}

/** The InputError for projected coordinates given without a CRS. */
export function projectedCoordinatesError(where: InputErrorPlace, p: LonLat, hintLonDeg?: number): InputError {
  const hint = projectedCrsHint(p[0], p[1], hintLonDeg);
  return new InputError(
    where,
    `coordinates (${p[0]}, ${p[1]}) cannot be longitude/latitude and no coordinate system is declared: ${hint.en}`,
    `坐标 (${p[0]}, ${p[1]}) 不可能是经纬度，且未声明坐标系：${hint.zh}`,
  );
}

/** Result of the offset test: which shift brings the points onto the roads, and by how much. */
export interface ChinaOffsetFinding {
  /** "GCJ-02" / "BD-09": the points are in that system; "GCJ-02-roads": the roads are, the points WGS84. */
  system: 'GCJ-02' | 'BD-09' | 'GCJ-02-roads';
  /** Median distance of the points to the nearest road as given, metres. */
  medianOffRoadM: number;
  /** The same after undoing the shift, metres. */
  medianCorrectedM: number;
  /** Size of the shift at the points' centre, metres. */
  shiftM: number;
  points: number;
}

/** Points tested at most (evenly spread over the layer). */
const SAMPLE = 300;
/** Fewer points than this are not tested (a median of two says nothing). */
const MIN_POINTS = 3;

/** Undoing the shift must bring the median distance to the roads down by at least this factor… */
const MIN_IMPROVEMENT_RATIO = 2;
/** …and by at least this many metres (a layer already on the roads has nothing to gain). */
const MIN_IMPROVEMENT_M = 10;

/**
 * Whether the points sit off the roads by the GCJ-02 / BD-09 shift: undoing the shift (or applying it,
 * for roads in GCJ-02) must at least halve the median distance to the nearest road and gain ≥ 10 m.
 * On a dense street grid shifted points often land near another street (the sample city: median 11 m
 * as planted, 34 m once shifted to GCJ-02), so the test compares medians rather than asking the points
 * to be far from every road.
 * `distanceToRoadM` returns the distance of a WGS84 point to the nearest road (capped, never Infinity).
 */
export function detectChinaOffset(points: readonly LonLat[], distanceToRoadM: (lon: number, lat: number) => number): ChinaOffsetFinding | null {
  if (points.length < MIN_POINTS) return null;
  const step = Math.max(1, Math.floor(points.length / SAMPLE));
  const sample: LonLat[] = [];
  for (let i = 0; i < points.length && sample.length < SAMPLE; i += step) sample.push(points[i]);
  const median = (f: (p: LonLat) => LonLat): number => {
    const d = sample.map((p) => {
      const [x, y] = f(p);
      return distanceToRoadM(x, y);
    });
    d.sort((a, b) => a - b);
    return d[Math.floor(d.length / 2)];
  };
  const c = sample.reduce<LonLat>((s, p) => [s[0] + p[0] / sample.length, s[1] + p[1] / sample.length], [0, 0]);
  const g = wgs84ToGcj02(c[0], c[1]);
  const shiftM = Math.hypot((g[0] - c[0]) * 111320 * Math.cos((c[1] * Math.PI) / 180), (g[1] - c[1]) * 110574);
  if (shiftM < 1) return null; // outside China: no shift to find
  const asGiven = median((p) => p);
  const tries: { system: ChinaOffsetFinding['system']; m: number }[] = [
    { system: 'GCJ-02', m: median((p) => gcj02ToWgs84(p[0], p[1])) },
    { system: 'BD-09', m: median((p) => bd09ToWgs84(p[0], p[1])) },
    { system: 'GCJ-02-roads', m: median((p) => wgs84ToGcj02(p[0], p[1])) },
  ];
  tries.sort((a, b) => a.m - b.m);
  const best = tries[0];
  if (!(best.m * MIN_IMPROVEMENT_RATIO <= asGiven && asGiven - best.m >= MIN_IMPROVEMENT_M)) return null;
  return { system: best.system, medianOffRoadM: asGiven, medianCorrectedM: best.m, shiftM, points: sample.length };
}
