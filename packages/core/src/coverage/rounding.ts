/** Rounds to `digits` decimals; non-finite numbers become null (JSON has no Infinity). Negative zero becomes 0. */
export function roundTo(x: number | null | undefined, digits: number): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
}

/** Seconds to 0.1 s. */
export const sec = (x: number | null | undefined): number | null => roundTo(x, 1);
/** km² to 0.0001 km² (100 m²). */
export const km2 = (x: number | null | undefined): number | null => roundTo(x, 4);
/** Shares (0..1) as percent to 0.01 %. */
export const pct = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : roundTo(x * 100, 2));
/** Metres to 0.1 m. */
export const metres = (x: number | null | undefined): number | null => roundTo(x, 1);
