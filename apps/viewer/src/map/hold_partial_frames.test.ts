import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { holdPartialFrames } from './hold_partial_frames';

/** A stand-in for the map: what the policy reads (tiles loaded, camera moving) and the painter it wraps. */
function fakeMap() {
  const drawn: number[] = [];
  const m = {
    loaded: true,
    moving: false,
    repaints: 0,
    painter: { render: (n: number) => void drawn.push(n) },
    areTilesLoaded: () => m.loaded,
    isMoving: () => m.moving,
    triggerRepaint: () => void m.repaints++,
  };
  return { m, drawn, map: m as unknown as MlMap, frame: (n: number) => (m.painter.render as (n: number) => void)(n) };
}

describe('holdPartialFrames', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['performance', 'setTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('draws complete frames, skips half-loaded ones, and draws once the tiles are in', () => {
    const { m, drawn, map, frame } = fakeMap();
    const h = holdPartialFrames(map, 1000);
    frame(1);
    m.loaded = false;
    frame(2);
    frame(3);
    m.loaded = true;
    frame(4);
    expect(drawn).toEqual([1, 4]);
    expect(h.held()).toBe(2);
  });

  it('never holds while the camera moves', () => {
    const { m, drawn, map, frame } = fakeMap();
    const h = holdPartialFrames(map, 1000);
    m.loaded = false;
    m.moving = true;
    frame(1);
    frame(2);
    h.hold();
    frame(3);
    expect(drawn).toEqual([1, 2, 3]);
  });

  it('shows progress at most every maxHoldMs when tiling is slow', () => {
    const { m, drawn, map, frame } = fakeMap();
    holdPartialFrames(map, 1000);
    m.loaded = false;
    frame(1); // holding starts
    vi.advanceTimersByTime(999);
    frame(2);
    vi.advanceTimersByTime(1);
    frame(3); // 1000 ms held: drawn, and the next hold starts now
    vi.advanceTimersByTime(500);
    frame(4);
    vi.advanceTimersByTime(500);
    frame(5);
    expect(drawn).toEqual([3, 5]);
  });

  it('an explicit hold draws nothing until released, or until it runs out (then it asks for a frame)', () => {
    const { m, drawn, map, frame } = fakeMap();
    const h = holdPartialFrames(map, 1000);
    h.hold(5000);
    frame(1);
    vi.advanceTimersByTime(4000);
    frame(2);
    h.release();
    expect(m.repaints).toBe(1);
    frame(3);
    h.hold(2000);
    frame(4);
    vi.advanceTimersByTime(2001);
    expect(m.repaints).toBe(3); // release, then both holds running out (5 s and 2 s after each began)
    frame(5);
    expect(drawn).toEqual([3, 5]);
  });
});
