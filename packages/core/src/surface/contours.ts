import { contours } from 'd3-contour';
import { area as turfArea } from '@turf/area';
import type { MultiPolygon, Position } from 'geojson';
import { cellAreaKm2, type LandGrid } from './land_grid';

export { cellAreaKm2 };

/** Rounds a coordinate to 6 decimals (about 0.1 m): stable bytes in outputs. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0;
}

/**
 * Outline of the cells where `mask` is true, as a lon/lat MultiPolygon (marching squares, d3-contour,
 * at the midpoint between cell centres; outer corners are cut at 45°). Separate parts stay separate
 * polygons and enclosed holes are kept as inner rings. Exterior rings run counter-clockwise, holes
 * clockwise (RFC 7946); coordinates are rounded to 6 decimals. An empty mask gives no polygons.
 */
export function contourCells(grid: LandGrid, mask: (cell: number) => boolean): MultiPolygon {
  const cells: number[] = [];
  const n = grid.width * grid.height;
  for (let k = 0; k < n; k++) if (mask(k)) cells.push(k);
  return contourCellList(grid, cells);
}

/** Outline of a list of cells (any order, duplicates allowed): `contourCells` without scanning the whole grid. */
export function contourCellList(grid: LandGrid, cells: ArrayLike<number>): MultiPolygon {
  const width = grid.width;
  let i0 = Infinity;
  let i1 = -1;
  let j0 = Infinity;
  let j1 = -1;
  for (let p = 0; p < cells.length; p++) {
    const k = cells[p];
    const i = k % width;
    const j = (k - i) / width;
    if (i < i0) i0 = i;
    if (i > i1) i1 = i;
    if (j < j0) j0 = j;
    if (j > j1) j1 = j;
  }
  if (i1 < 0) return { type: 'MultiPolygon', coordinates: [] };
  const w = i1 - i0 + 1;
  const h = j1 - j0 + 1;
  const values = new Float64Array(w * h);
  for (let p = 0; p < cells.length; p++) {
    const k = cells[p];
    const i = k % width;
    const j = (k - i) / width;
    values[(j - j0) * w + (i - i0)] = 1;
  }
  return maskToMultiPolygon(grid, values, w, h, i0, j0);
}

/** Contours a 0/1 array of w×h cells whose first cell is grid cell (i0, j0). */
function maskToMultiPolygon(grid: LandGrid, values: Float64Array, w: number, h: number, i0: number, j0: number): MultiPolygon {
  const [shape] = contours().size([w, h]).thresholds([0.5]).smooth(false)(values as unknown as number[]);
  const c = grid.cellSizeM;
  const toLonLat = (p: number[]): Position => [round6(grid.originLon + ((p[0] + i0) * c) / grid.kx), round6(grid.originLat + ((p[1] + j0) * c) / grid.ky)];
  const out: Position[][][] = [];
  for (const poly of shape.coordinates) {
    const rings: Position[][] = [];
    for (let r = 0; r < poly.length; r++) {
      const ring = dedupe(poly[r].map(toLonLat));
      if (ring.length < 4) continue;
      const ccw = signedArea(ring) > 0;
      if ((r === 0) !== ccw) ring.reverse();
      if (r === 0 || rings.length > 0) rings.push(ring);
    }
    if (rings.length > 0) out.push(rings);
  }
  // d3 lists polygons in scan order of the crop; fix a stable order (by first coordinate) anyway
  out.sort((a, b) => a[0][0][1] - b[0][0][1] || a[0][0][0] - b[0][0][0]);
  return { type: 'MultiPolygon', coordinates: out };
}

function dedupe(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  if (out.length > 1) {
    const a = out[0];
    const z = out[out.length - 1];
    if (a[0] !== z[0] || a[1] !== z[1]) out.push([a[0], a[1]]);
  }
  return out;
}

/** Shoelace area in degrees² (positive = counter-clockwise with x east, y north). */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) s += (ring[m][0] - ring[k][0]) * (ring[m][1] + ring[k][1]);
  return s / 2;
}

/** One arrival band: cells in the study area with `fromS < value ≤ upTo`. */
export interface Band {
  /** Lower limit (exclusive); -Infinity for the first band. */
  from: number;
  /** Upper limit (inclusive); Infinity for "reached, later than the last limit". */
  upTo: number;
  geometry: MultiPolygon;
  /** Cell count × cell area, km². */
  areaKm2: number;
}

/**
 * Disjoint bands of a value surface inside the study area: band k holds the cells with
 * `limits[k-1] < value ≤ limits[k]` (limits ascending; append Infinity for a "later than" band;
 * unreached cells, Infinity, are in no band).
 */
export function bandPolygons(grid: LandGrid, values: Float32Array, limits: number[]): Band[] {
  const sorted = [...limits].sort((a, b) => a - b);
  const inArea = grid.inArea;
  const unit = cellAreaKm2(grid);
  // one pass: each cell's band (the first limit it does not exceed), then each band's cells outlined
  const NONE = 0xffff;
  const bandOf = new Uint16Array(values.length).fill(NONE);
  const counts = new Int32Array(sorted.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (inArea[k] !== 1 || !(v > -Infinity && v < Infinity)) continue;
    for (let b = 0; b < sorted.length; b++) {
      if (v <= sorted[b]) {
        bandOf[k] = b;
        counts[b]++;
        break;
      }
    }
  }
  const cells = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(sorted.length);
  for (let k = 0; k < values.length; k++) {
    const b = bandOf[k];
    if (b !== NONE) cells[b][fill[b]++] = k;
  }
  return sorted.map((upTo, b) => ({ from: b === 0 ? -Infinity : sorted[b - 1], upTo, geometry: contourCellList(grid, cells[b]), areaKm2: counts[b] * unit }));
}

/** Geodesic area of a MultiPolygon, km² (turf.area): the check on cell-count areas. */
export function polygonAreaKm2(geometry: MultiPolygon): number {
  if (geometry.coordinates.length === 0) return 0;
  return turfArea(geometry) / 1e6;
}
