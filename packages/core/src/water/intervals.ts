/** Closed intervals on a link as flat arrays [a0, b0, a1, b1, …] in metres from its source node. */

/** Merges closed intervals given flat [a0, b0, a1, b1, …] (any order) into ascending disjoint ones. */
export function mergeIntervals(flat: number[]): number[] {
  const n = flat.length / 2;
  if (n <= 1) return flat.slice();
  let sorted = true;
  for (let i = 2; i < flat.length && sorted; i += 2) if (flat[i] < flat[i - 2]) sorted = false;
  if (sorted) {
    // The common case (intervals built in order along a link): one linear pass, no sort.
    const out: number[] = [flat[0], flat[1]];
    for (let i = 2; i < flat.length; i += 2) {
      if (flat[i] <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], flat[i + 1]);
      else out.push(flat[i], flat[i + 1]);
    }
    return out;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => flat[2 * i] - flat[2 * j] || flat[2 * i + 1] - flat[2 * j + 1]);
  const out: number[] = [];
  for (const i of order) {
    const a = flat[2 * i];
    const b = flat[2 * i + 1];
    if (out.length && a <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
  }
  return out;
}

/** Gaps shorter than this (metres) are rounding noise and are dropped: 1 mm. */
export const GAP_EPS_M = 1e-3;

/** The complement of merged intervals within [0, L], pieces shorter than `GAP_EPS_M` dropped. */
export function complementIntervals(covered: number[], L: number): number[] {
  const out: number[] = [];
  let x = 0;
  for (let i = 0; i < covered.length; i += 2) {
    if (covered[i] - x > GAP_EPS_M) out.push(x, covered[i]);
    x = Math.max(x, covered[i + 1]);
  }
  if (L - x > GAP_EPS_M) out.push(x, L);
  return out;
}

/** Total length of flat intervals. */
export function intervalsLength(flat: number[]): number {
  let s = 0;
  for (let i = 0; i < flat.length; i += 2) s += flat[i + 1] - flat[i];
  return s;
}

/** Intersection of two merged interval lists. */
export function intersectIntervals(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (hi > lo) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

/** `a` minus `b` (merged interval lists). */
export function subtractIntervals(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let x = a[i];
    const end = a[i + 1];
    while (j < b.length && b[j + 1] <= x) j += 2;
    let k = j;
    while (k < b.length && b[k] < end) {
      if (b[k] > x) out.push(x, b[k]);
      x = Math.max(x, b[k + 1]);
      k += 2;
    }
    if (end > x) out.push(x, end);
  }
  return out;
}
