import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableOrderByBits } from './figures';

// The figures' weighted quantiles walk the land cells in order of arrival (ties in cell order). The radix
// sort that gives that order must agree with a comparison sort of (key, index) on any input.
describe('stableOrderByBits', () => {
  it('orders indices by key, equal keys by index, like a comparison sort', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0x7f800000, 0xffff, 0x10000)), { maxLength: 400 }), (xs) => {
        const keys = Uint32Array.from(xs);
        const expected = [...keys.keys()].sort((a, b) => keys[a] - keys[b] || a - b);
        expect([...stableOrderByBits(keys)]).toEqual(expected);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('orders non-negative float32 arrival times numerically (Infinity last)', () => {
    const times = Float32Array.from([300, 0, Infinity, 59.5, 300, 1e-3, 240]);
    const order = stableOrderByBits(new Uint32Array(times.buffer));
    expect([...order].map((i) => times[i])).toEqual([0, 1e-3, 59.5, 240, 300, 300, Infinity].map((x) => Math.fround(x)));
    expect([...order]).toEqual([1, 5, 3, 6, 0, 4, 2]);
  });
});
