import CheapRuler from 'cheap-ruler';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { networkBbox, type RoadNetwork } from '../network/road_network';

/**
 * A raster of land over an area, in a local metric frame (equirectangular at the grid's centre
 * latitude: x = (lon − originLon)·kx, y = (lat − originLat)·ky, metres). Cell `i + j·width` covers
 * x ∈ [i·cellSizeM, (i+1)·cellSizeM), y ∈ [j·cellSizeM, (j+1)·cellSizeM): row 0 is the southern row.
 *
 * Each cell is served through its nearest road point within the access distance (the point a crew
 * would leave the engine at): that link and the position along it are stored per cell.
 */
export interface LandGrid {
  width: number;
  height: number;
  cellSizeM: number;
  /** South-west corner of the grid, WGS84 degrees. */
  originLon: number;
  originLat: number;
  /** Metres per degree of longitude / latitude at the grid's centre latitude. */
  kx: number;
  ky: number;
  /** Land reaches its road within this distance, metres. */
  accessDistanceM: number;
  /** Per cell: link of the nearest road point within the access distance, -1 when none. */
  nearestLink: Int32Array;
  /** Per cell: position of that point along the link, metres from the link's source node (units of `linkLengthM`). */
  nearestOffsetM: Float32Array;
  /** Per cell: distance from the cell centre to that point, metres (Infinity when none). */
  nearestDistM: Float32Array;
  /** 1 for cells whose centre lies inside the study area (every cell when no area was given). */
  inArea: Uint8Array;
}

export type AreaInput =
  | Polygon
  | MultiPolygon
  | Feature<Polygon | MultiPolygon>
  | FeatureCollection<Polygon | MultiPolygon>
  | null
  | undefined;

export interface LandGridOptions {
  /** Edge of a square cell, metres. */
  cellSizeM: number;
  /** Land farther than this from every (allowed) road is not served, metres. */
  accessDistanceM: number;
  /** Study area: cells whose centre lies inside count (`inArea`); it also sets the extent unless `bbox` is given. */
  area?: AreaInput;
  /** Extent [west, south, east, north], degrees. Default: the area's bounds, else the network's bounds grown by the access distance. */
  bbox?: [number, number, number, number];
  /** Links land may be reached from (default all), e.g. no land access from motorways. */
  linkFilter?: (link: number) => boolean;
  /** Refuse grids larger than this many cells (default 20 million). */
  maxCells?: number;
}

/** Polygons of an area input, each as rings of [lon, lat]. */
export function areaPolygons(area: AreaInput): number[][][][] {
  if (!area) return [];
  if (area.type === 'FeatureCollection') return area.features.flatMap((f) => areaPolygons(f));
  if (area.type === 'Feature') return areaPolygons(area.geometry);
  if (area.type === 'Polygon') return [area.coordinates];
  if (area.type === 'MultiPolygon') return area.coordinates;
  return [];
}

/**
 * Builds the land grid and its nearest-road transform.
 *
 * The transform is exact (point-to-segment distances in the local frame) and bounded: each road
 * segment visits only the cells of its capsule of radius `accessDistanceM`, row by row, so the cost is
 * proportional to road length × access distance / cell², not to the grid size. Equal distances go to
 * the lower link index (links are visited in index order and only a strictly nearer segment replaces).
 */
export function buildLandGrid(net: RoadNetwork, options: LandGridOptions): LandGrid {
  const cellSizeM = options.cellSizeM;
  const accessDistanceM = options.accessDistanceM;
  if (!(cellSizeM > 0)) throw new RangeError(`buildLandGrid: cellSizeM must be > 0, got ${cellSizeM}`);
  if (!(accessDistanceM >= 0)) throw new RangeError(`buildLandGrid: accessDistanceM must be ≥ 0, got ${accessDistanceM}`);
  const polygons = areaPolygons(options.area);

  let [west, south, east, north] = options.bbox ?? boundsOf(net, polygons);
  if (!options.bbox && polygons.length === 0) {
    // network bounds: grow by the access distance so land beside the outermost roads is on the grid
    const r = new CheapRuler((south + north) / 2, 'meters');
    west -= accessDistanceM / r.kx;
    east += accessDistanceM / r.kx;
    south -= accessDistanceM / r.ky;
    north += accessDistanceM / r.ky;
  }
  if (!(east >= west && north >= south)) throw new RangeError('buildLandGrid: empty extent (no roads and no area)');
  const ruler = new CheapRuler((south + north) / 2, 'meters');
  const kx = ruler.kx;
  const ky = ruler.ky;
  // the 1e-9 keeps an extent of exactly n cells (up to rounding in the degree conversion) at n cells
  const width = Math.max(1, Math.ceil(((east - west) * kx) / cellSizeM - 1e-9));
  const height = Math.max(1, Math.ceil(((north - south) * ky) / cellSizeM - 1e-9));
  const cells = width * height;
  const maxCells = options.maxCells ?? 20_000_000;
  if (cells > maxCells) {
    throw new RangeError(`buildLandGrid: ${width}×${height} = ${cells} cells exceed the limit of ${maxCells}; use a larger cell size`);
  }

  const grid: LandGrid = {
    width,
    height,
    cellSizeM,
    originLon: west,
    originLat: south,
    kx,
    ky,
    accessDistanceM,
    nearestLink: new Int32Array(cells).fill(-1),
    nearestOffsetM: new Float32Array(cells),
    nearestDistM: new Float32Array(cells).fill(Infinity),
    inArea: new Uint8Array(cells),
  };
  nearestRoadTransform(net, grid, options.linkFilter);
  if (polygons.length > 0) rasterisePolygonMask(grid, polygons, grid.inArea);
  else grid.inArea.fill(1);
  return grid;
}

function boundsOf(net: RoadNetwork, polygons: number[][][][]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  if (polygons.length > 0) {
    for (const poly of polygons) {
      for (const p of poly[0] ?? []) {
        if (p[0] < w) w = p[0];
        if (p[0] > e) e = p[0];
        if (p[1] < s) s = p[1];
        if (p[1] > n) n = p[1];
      }
    }
  } else {
    return networkBbox(net) ?? [w, s, e, n];
  }
  return [w, s, e, n];
}

function nearestRoadTransform(net: RoadNetwork, grid: LandGrid, filter: ((link: number) => boolean) | undefined): void {
  const { width, height, cellSizeM: c, kx, ky, originLon, originLat, accessDistanceM: A } = grid;
  const A2 = A * A;
  const best = new Float64Array(width * height).fill(Infinity);
  const nearestLink = grid.nearestLink;
  const nearestOffset = grid.nearestOffsetM;
  const { geomOffset, geomLon, geomLat } = net;
  for (let l = 0; l < net.linkCount; l++) {
    if (filter && !filter(l)) continue;
    const g0 = geomOffset[l];
    const g1 = geomOffset[l + 1];
    if (g1 - g0 < 2) continue;
    // projected length of the whole geometry, so offsets are fractions × linkLengthM (as SnapIndex)
    let total = 0;
    for (let i = g0 + 1; i < g1; i++) total += Math.hypot((geomLon[i] - geomLon[i - 1]) * kx, (geomLat[i] - geomLat[i - 1]) * ky);
    const scale = total > 0 ? net.linkLengthM[l] / total : 0;
    let along = 0;
    for (let i = g0; i < g1 - 1; i++) {
      const x1 = (geomLon[i] - originLon) * kx;
      const y1 = (geomLat[i] - originLat) * ky;
      const x2 = (geomLon[i + 1] - originLon) * kx;
      const y2 = (geomLat[i + 1] - originLat) * ky;
      const dx = x2 - x1;
      const dy = y2 - y1;
      const len2 = dx * dx + dy * dy;
      const len = Math.sqrt(len2);
      // rows whose centre lies within A of the segment's y-range
      const jLo = Math.max(0, Math.ceil((Math.min(y1, y2) - A) / c - 0.5));
      const jHi = Math.min(height - 1, Math.floor((Math.max(y1, y2) + A) / c - 0.5));
      for (let j = jLo; j <= jHi; j++) {
        const cy = (j + 0.5) * c;
        // x-extent of the segment clipped to the band |y − cy| ≤ A, grown by A
        let xa: number;
        let xb: number;
        if (dy === 0) {
          xa = Math.min(x1, x2);
          xb = Math.max(x1, x2);
        } else {
          let ta = (cy - A - y1) / dy;
          let tb = (cy + A - y1) / dy;
          if (ta > tb) {
            const t = ta;
            ta = tb;
            tb = t;
          }
          if (ta < 0) ta = 0;
          if (tb > 1) tb = 1;
          if (ta > tb) continue;
          const xta = x1 + ta * dx;
          const xtb = x1 + tb * dx;
          xa = Math.min(xta, xtb);
          xb = Math.max(xta, xtb);
        }
        const iLo = Math.max(0, Math.ceil((xa - A) / c - 0.5));
        const iHi = Math.min(width - 1, Math.floor((xb + A) / c - 0.5));
        const row = j * width;
        const ey = cy - y1;
        for (let ii = iLo; ii <= iHi; ii++) {
          const cx = (ii + 0.5) * c;
          const ex = cx - x1;
          let t = len2 > 0 ? (ex * dx + ey * dy) / len2 : 0;
          if (t < 0) t = 0;
          else if (t > 1) t = 1;
          const fx = ex - t * dx;
          const fy = ey - t * dy;
          const d2 = fx * fx + fy * fy;
          const cell = row + ii;
          if (d2 <= A2 && d2 < best[cell]) {
            best[cell] = d2;
            nearestLink[cell] = l;
            nearestOffset[cell] = (along + t * len) * scale;
          }
        }
      }
      along += len;
    }
  }
  const dist = grid.nearestDistM;
  for (let k = 0; k < best.length; k++) if (best[k] < Infinity) dist[k] = Math.sqrt(best[k]);
}

/**
 * Sets `out[cell] = 1` for cells whose centre is inside any of the polygons (rings of [lon, lat]; even-odd
 * within a polygon's rings, union across polygons).
 */
export function rasterisePolygonMask(grid: LandGrid, polygons: number[][][][], out: Uint8Array): Uint8Array {
  forEachCellInPolygons(grid, polygons, (k) => {
    out[k] = 1;
  });
  return out;
}

/**
 * Calls `visit(cell)` for every cell whose centre is inside a polygon (even-odd within a polygon's rings),
 * polygon by polygon and row by row: a cell inside two polygons is visited twice. Costs the polygons'
 * rows and cells, not the grid.
 */
export function forEachCellInPolygons(grid: LandGrid, polygons: number[][][][], visit: (cell: number) => void): void {
  const { width, height, cellSizeM: c, kx, ky, originLon, originLat } = grid;
  const xs: number[] = [];
  for (const poly of polygons) {
    const rings = poly.map((ring) => ring.map((p) => [(p[0] - originLon) * kx, (p[1] - originLat) * ky]));
    let minY = Infinity;
    let maxY = -Infinity;
    for (const p of rings[0] ?? []) {
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
    const jLo = Math.max(0, Math.ceil(minY / c - 0.5));
    const jHi = Math.min(height - 1, Math.floor(maxY / c - 0.5));
    for (let j = jLo; j <= jHi; j++) {
      const cy = (j + 0.5) * c;
      xs.length = 0;
      for (const ring of rings) {
        for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
          const a = ring[m];
          const b = ring[k];
          if (a[1] <= cy !== b[1] <= cy) xs.push(a[0] + ((cy - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
        }
      }
      xs.sort((p, q) => p - q);
      const row = j * width;
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const iLo = Math.max(0, Math.ceil(xs[k] / c - 0.5));
        const iHi = Math.min(width - 1, Math.ceil(xs[k + 1] / c - 0.5) - 1);
        for (let i = iLo; i <= iHi; i++) visit(row + i);
      }
    }
  }
}

/** Area of one cell, km² (in the grid's local metric frame). */
export function cellAreaKm2(grid: LandGrid): number {
  return (grid.cellSizeM * grid.cellSizeM) / 1e6;
}

/** Centre of a cell, [lon, lat] degrees. */
export function cellCentre(grid: LandGrid, cell: number): [number, number] {
  const i = cell % grid.width;
  const j = (cell - i) / grid.width;
  return [grid.originLon + ((i + 0.5) * grid.cellSizeM) / grid.kx, grid.originLat + ((j + 0.5) * grid.cellSizeM) / grid.ky];
}

/** The cell containing (lon, lat), or -1 outside the grid. */
export function cellAt(grid: LandGrid, lon: number, lat: number): number {
  const i = Math.floor(((lon - grid.originLon) * grid.kx) / grid.cellSizeM);
  const j = Math.floor(((lat - grid.originLat) * grid.ky) / grid.cellSizeM);
  if (i < 0 || j < 0 || i >= grid.width || j >= grid.height) return -1;
  return i + j * grid.width;
}
