import type { Feature, FeatureCollection } from 'geojson';

/** A layer change as the worker sends it (`LayerSender`): features removed by id, features added. */
export interface LayerDiff {
  remove: (string | number)[];
  add: Feature[];
}

/** The page's copy of a layer with a diff applied (the same rule as MapLibre's `updateData`: remove, then add). */
export function applyDiff(fc: FeatureCollection | undefined, diff: LayerDiff): FeatureCollection {
  const gone = new Set(diff.remove);
  const kept = (fc?.features ?? []).filter((f) => f.id === undefined || !gone.has(f.id));
  return { type: 'FeatureCollection', features: [...kept, ...diff.add] };
}
