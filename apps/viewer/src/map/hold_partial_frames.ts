import type { Map as MlMap } from 'maplibre-gl';

/** The drawing policy's handle: how many frames it skipped, and an explicit hold for a picture being assembled. */
export interface FrameHold {
  /** Frames not drawn so far. */
  held(): number;
  /**
   * Draw nothing (unless the camera moves) until `release`, at most `maxMs`: the background layers of a
   * scenario arrive ahead of its analysis so MapLibre can tile them meanwhile, but drawing them alone
   * would cost a full frame while the analysis still runs.
   */
  hold(maxMs?: number): void;
  release(): void;
  /** An explicit hold is on. */
  holding(): boolean;
}

/**
 * Draws a frame only when the data it shows has been tiled, or the camera moves.
 *
 * After `setData`/`updateData`, MapLibre repaints each time one source's tile arrives from its worker:
 * a new scenario's ~20 sources are shown in a dozen half-loaded states, and a moved candidate's four
 * changed sources in two or three. Drawing costs 150–400 ms a frame under a software renderer (Chromium's
 * SwiftShader on this 2-core machine, measured with a trace), and while it draws the page's main thread is
 * blocked, so the worker's next answer and MapLibre's own tile answers wait behind it: the half-loaded
 * frames make the whole picture later. Here the map keeps showing the last complete picture until the new
 * tiles are in, then draws once.
 *
 * Never held: while the camera moves (pans and zooms draw every frame, whatever is loaded), and never for
 * longer than `maxHoldMs` (a source that is slow to tile still shows progress).
 */
export function holdPartialFrames(map: MlMap, maxHoldMs = 1000): FrameHold {
  const painter = map.painter as { render: (...args: unknown[]) => void };
  const draw = painter.render.bind(painter);
  let holdingSince: number | null = null;
  let heldUntil = 0;
  let held = 0;
  painter.render = (...args: unknown[]) => {
    const now = performance.now();
    if (!map.isMoving() && now < heldUntil) {
      held++;
      return;
    }
    const complete = map.areTilesLoaded();
    if (!complete && !map.isMoving()) {
      holdingSince ??= now;
      if (now - holdingSince < maxHoldMs) {
        held++;
        return;
      }
    }
    holdingSince = complete ? null : now;
    draw(...args);
  };
  return {
    held: () => held,
    hold: (maxMs = 5000) => {
      heldUntil = performance.now() + maxMs;
      setTimeout(() => map.triggerRepaint(), maxMs + 1);
    },
    holding: () => performance.now() < heldUntil,
    release: () => {
      if (heldUntil === 0) return;
      heldUntil = 0;
      map.triggerRepaint();
    },
  };
}
