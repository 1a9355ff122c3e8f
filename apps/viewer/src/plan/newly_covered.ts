import type { Feature, MultiPolygon } from 'geojson';
import type { CoverageAnalysis } from '@firecover/core';

/**
 * Land a station set reaches within the standard that another one does not: the cells of the coverage
 * grid where `after` arrives within `responseS` and `before` does not (both analyses of the same
 * scenario, so the same grid). Drawn as the cells themselves, each row's runs of neighbouring cells
 * merged into one rectangle (exact, no smoothing), and counted by cells, as the coverage figures count
 * land.
 */
export interface NewlyCovered {
  feature: Feature<MultiPolygon, { kind: 'newly_covered'; areaKm2: number; cells: number; fromKey: string; toKey: string }>;
  cells: number;
  areaKm2: number;
}

const r7 = (x: number): number => Math.round(x * 1e7) / 1e7;

export function newlyCovered(before: CoverageAnalysis, after: CoverageAnalysis, fromKey: string, toKey: string): NewlyCovered {
  const ctx = after.context;
  if (before.context.grid !== ctx.grid) throw new Error('newlyCovered: the two analyses have different grids');
  const g = ctx.grid;
  const limit = after.responseS;
  const land = ctx.land;
  const polygons: number[][][][] = [];
  let cells = 0;
  const lonOf = (i: number): number => r7(g.originLon + (i * g.cellSizeM) / g.kx);
  const latOf = (j: number): number => r7(g.originLat + (j * g.cellSizeM) / g.ky);
  for (let j = 0; j < g.height; j++) {
    let run = -1;
    for (let i = 0; i <= g.width; i++) {
      const k = i + j * g.width;
      const on = i < g.width && land[k] === 1 && after.firstS[k] <= limit && !(before.firstS[k] <= limit);
      if (on) {
        cells++;
        if (run < 0) run = i;
      } else if (run >= 0) {
        const w = lonOf(run);
        const e = lonOf(i);
        const s = latOf(j);
        const n = latOf(j + 1);
        polygons.push([[[w, s], [e, s], [e, n], [w, n], [w, s]]]);
        run = -1;
      }
    }
  }
  const areaKm2 = (cells * g.cellSizeM * g.cellSizeM) / 1e6;
  return {
    feature: { type: 'Feature', properties: { kind: 'newly_covered', areaKm2, cells, fromKey, toKey }, geometry: { type: 'MultiPolygon', coordinates: polygons } },
    cells,
    areaKm2,
  };
}
