import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInPolygon, pointInRing } from './point_in_polygon';

// A 10 × 10 square (closed, counter-clockwise) with a 4 × 4 hole from (3, 3) to (7, 7) (clockwise).
const square: Position[] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
const hole: Position[] = [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]];
// An L: the square minus its top-right quarter (concave corner at (5, 5)), not closed.
const ell: Position[] = [[0, 0], [10, 0], [10, 5], [5, 5], [5, 10], [0, 10]];

describe('pointInRing', () => {
  it('inside and outside a square', () => {
    expect(pointInRing(5, 5, square)).toBe(true);
    expect(pointInRing(0.1, 9.9, square)).toBe(true);
    expect(pointInRing(-1, 5, square)).toBe(false);
    expect(pointInRing(5, 10.1, square)).toBe(false);
    expect(pointInRing(11, 11, square)).toBe(false);
  });

  it('orientation does not matter', () => {
    const cw = [...square].reverse();
    expect(pointInRing(5, 5, cw)).toBe(true);
    expect(pointInRing(15, 5, cw)).toBe(false);
  });

  it('a concave L: the cut-away quarter is outside, open ring closed implicitly', () => {
    expect(pointInRing(2, 8, ell)).toBe(true);
    expect(pointInRing(8, 2, ell)).toBe(true);
    expect(pointInRing(8, 8, ell)).toBe(false);
    // A ray from (2, 7) eastward crosses the L's edge x = 5 once; from (6, 7) it crosses nothing.
    expect(pointInRing(6, 7, ell)).toBe(false);
  });

  it('a ray through a vertex is counted once', () => {
    // y = 5 passes through the L's vertices (10, 5) and (5, 5): (2, 5) is inside, (12, 5) outside.
    expect(pointInRing(2, 5, ell)).toBe(true);
    expect(pointInRing(12, 5, ell)).toBe(false);
    // y = 0 and y = 10 are the square's horizontal edges: the half-open rule puts the bottom edge inside, the top outside.
    expect(pointInRing(5, 0, square)).toBe(true);
    expect(pointInRing(5, 10, square)).toBe(false);
  });

  it('an empty or degenerate ring contains nothing', () => {
    expect(pointInRing(0, 0, [])).toBe(false);
    expect(pointInRing(0, 0, [[0, 0], [1, 1]])).toBe(false);
  });
});

describe('pointInPolygon', () => {
  it('holes are excluded', () => {
    expect(pointInPolygon(1, 1, [square, hole])).toBe(true);
    expect(pointInPolygon(5, 5, [square, hole])).toBe(false);
    expect(pointInPolygon(8, 5, [square, hole])).toBe(true);
    expect(pointInPolygon(12, 5, [square, hole])).toBe(false);
  });

  it('without holes it is the outer ring', () => {
    expect(pointInPolygon(5, 5, [square])).toBe(true);
    expect(pointInPolygon(-5, 5, [square])).toBe(false);
    expect(pointInPolygon(5, 5, [])).toBe(false);
  });
});
