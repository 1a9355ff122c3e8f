/**
 * A short, safe rendering of a value from an input file for an error message: what `JSON.stringify`
 * gives for a small position such as `[104.5, "x"]`, but bounded — nested arrays and objects are
 * elided (`[…]`, `{…}`), long arrays are counted, long strings cut — so that a deeply nested or huge
 * value neither overflows the stack nor floods the terminal with the file's content.
 */
export function briefValue(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.length > 4) return `an array of ${v.length} values`;
    return `[${v.map(scalar).join(',')}]`;
  }
  return scalar(v);
}

function scalar(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : `${v}`;
  if (typeof v === 'string') return JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v);
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object') return '{…}';
  return typeof v;
}

/** Like `briefValue`, but a string is given as it is (cut at 24 characters), for a value that should have been a name ("LineString"). */
export function briefName(v: unknown): string {
  if (typeof v === 'string') return v.length > 24 ? `${v.slice(0, 24)}…` : v;
  return briefValue(v);
}

/** A cell or attribute from an input file as quoted in a message: cut at `max` characters (default 40), so a damaged file's megabyte-long field is not printed whole. */
export function briefText(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
