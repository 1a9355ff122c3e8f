import CheapRuler from 'cheap-ruler';

/**
 * Distances on the WGS84 ellipsoid by a local flat approximation (cheap-ruler: Vincenty's ellipsoid
 * radii at the polyline's latitude), accurate to well under 0.1 % over the few kilometres of a road
 * piece, and far faster than a full geodesic.
 */

const rulers = new Map<number, CheapRuler>();

/** A ruler for a latitude, cached per 0.01° band (the scale changes < 0.002 % within a band). */
export function rulerAt(latDeg: number): CheapRuler {
  const key = Math.round(latDeg * 100);
  let r = rulers.get(key);
  if (!r) {
    r = new CheapRuler(key / 100, 'meters');
    rulers.set(key, r);
  }
  return r;
}

/** Length in metres of the polyline in flat [lon, lat, …] from index `start` to `end` (exclusive, counting numbers). */
export function polylineLengthM(flat: ArrayLike<number>, start: number, end: number): number {
  if (end - start < 4) return 0;
  const ruler = rulerAt(flat[start + 1]);
  let sum = 0;
  for (let i = start + 2; i < end; i += 2) {
    sum += ruler.distance([flat[i - 2], flat[i - 1]], [flat[i], flat[i + 1]]);
  }
  return sum;
}

/** Metres between two points. */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return rulerAt((lat1 + lat2) / 2).distance([lon1, lat1], [lon2, lat2]);
}
