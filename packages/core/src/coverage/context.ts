import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { layerPath } from '../io/layer_source';
import { InputError } from '../input_error';
import type { RoadNetwork } from '../network/road_network';
import { landAccessLink, travellable } from '../network/access';
import { SnapIndex, type Snap } from '../spatial/snap_index';
import type { BarrierProps } from '../io/map_features';
import type { LoadedScenario, Station } from '../scenario/scenario_types';
import type { BarrierKind, StandardsPreset } from '../standards/preset';
import { SearchWorkspace } from '../search/multi_source_search';
import { areaPolygons, buildLandGrid, cellAt, cellAreaKm2, forEachCellInPolygons, rasterisePolygonMask, type LandGrid } from '../surface/land_grid';
import { linkCellIndex, type LinkCellIndex } from '../surface/arrival_surface';
import { polygonAreaKm2 } from '../surface/contours';

/** Method parameters of the coverage analyses that no standard sets (documented in docs/coverage.md). */
export interface CoverageOptions {
  /** A barrier counts as crossing a district when it runs through the district's interior for more than this, metres (default 100). */
  barrierCrossingMinM?: number;
  /** Gap zones smaller than this are counted in the totals but not listed, km² (default 0.01). */
  minGapAreaKm2?: number;
}

/** A barrier prepared for the crossing check: pairs of probe cells on either side of it, each standing for a length of barrier. */
export interface PreparedBarrier {
  id: string;
  kind: BarrierKind;
  name: string | null;
  nameZh: string | null;
  /** Probe cells: sample s looks at cells `probes[2s]` and `probes[2s+1]`. */
  probes: Int32Array;
  /** Barrier length each sample stands for, metres. */
  sampleM: Float32Array;
}

/**
 * Everything about a scenario that does not depend on which stations are in service: the land grid and
 * its nearest-road transform, demand per cell, barriers, the snapping index. Built once and shared by
 * every station set and every candidate station.
 */
export interface CoverageContext {
  scenario: LoadedScenario;
  preset: StandardsPreset;
  net: RoadNetwork;
  options: Required<CoverageOptions>;
  grid: LandGrid;
  linkCells: LinkCellIndex;
  /** Land the figures refer to: the study area's cells, or, without a study area, cells with a road within the access distance. */
  land: Uint8Array;
  landCellCount: number;
  /** Area of `land` by cell count, km². */
  landAreaKm2: number;
  /** Study area by polygon (turf.area), km²; null without a study area. */
  studyAreaPolygonKm2: number | null;
  /** Demand weight per cell (land cells only), or null without demand. */
  demand: Float64Array | null;
  demandTotal: number;
  /** Demand weight lying outside the land of reference (not counted). */
  demandOutside: number;
  /** Length of road that may be travelled in at least one direction, metres. */
  roadLengthM: number;
  barriers: PreparedBarrier[];
  snapIndex: SnapIndex;
  workspace: SearchWorkspace;
}

// The access rule lives in network/access (one rule for coverage, water and the CLI).
export { landAccessLink, travellable } from '../network/access';

const contexts = new WeakMap<LoadedScenario, CoverageContext>();

/** The shared context of a scenario (cached per scenario object). */
export function coverageContext(scenario: LoadedScenario, options: CoverageOptions = {}): CoverageContext {
  const cached = contexts.get(scenario);
  const opts: Required<CoverageOptions> = { barrierCrossingMinM: options.barrierCrossingMinM ?? 100, minGapAreaKm2: options.minGapAreaKm2 ?? 0.01 };
  if (cached && cached.options.barrierCrossingMinM === opts.barrierCrossingMinM && cached.options.minGapAreaKm2 === opts.minGapAreaKm2) return cached;
  const ctx = buildContext(scenario, opts);
  contexts.set(scenario, ctx);
  return ctx;
}

function buildContext(scenario: LoadedScenario, options: Required<CoverageOptions>): CoverageContext {
  const net = scenario.network;
  const { cellSizeM, accessDistanceM } = scenario.analysis;
  // land is reached from any drivable road except motorways (no frontage access)
  const landAccess = landAccessLink(net);
  const grid = buildLandGrid(net, { cellSizeM, accessDistanceM, area: scenario.studyArea, linkFilter: landAccess });
  const cells = grid.width * grid.height;
  const land = new Uint8Array(cells);
  let landCellCount = 0;
  for (let k = 0; k < cells; k++) {
    if (scenario.studyArea ? grid.inArea[k] === 1 : grid.nearestLink[k] >= 0) {
      land[k] = 1;
      landCellCount++;
    }
  }
  let roadLengthM = 0;
  for (let l = 0; l < net.linkCount; l++) if (travellable(net, l)) roadLengthM += net.linkLengthM[l];

  const ctx: CoverageContext = {
    scenario,
    preset: scenario.preset,
    net,
    options,
    grid,
    linkCells: linkCellIndex(grid, net.linkCount),
    land,
    landCellCount,
    landAreaKm2: landCellCount * cellAreaKm2(grid),
    studyAreaPolygonKm2: scenario.studyArea ? studyAreaKm2(scenario) : null,
    demand: null,
    demandTotal: 0,
    demandOutside: 0,
    roadLengthM,
    barriers: [],
    snapIndex: new SnapIndex(net, landAccess),
    workspace: new SearchWorkspace(net.nodeCount),
  };
  apportionDemand(ctx);
  ctx.barriers = prepareBarriers(ctx);
  return ctx;
}

function studyAreaKm2(scenario: LoadedScenario): number {
  let sum = 0;
  for (const poly of areaPolygons(scenario.studyArea)) sum += polygonAreaKm2({ type: 'MultiPolygon', coordinates: [poly] });
  return sum;
}

/**
 * Demand to cells: a point's weight to the cell containing it; a polygon's weight shared equally among
 * the land cells whose centre lies inside it (a polygon smaller than a cell: to the cell of its first
 * vertex). Weight on no land cell is counted apart as `demandOutside`.
 */
function apportionDemand(ctx: CoverageContext): void {
  const { scenario, grid, land } = ctx;
  if (!scenario.demand) return;
  const prop = scenario.file.demandProperty ?? 'population';
  const demand = new Float64Array(land.length);
  // stamp per cell: a cell inside two parts of one MultiPolygon counts once
  const stampOf = new Int32Array(land.length).fill(-1);
  let total = 0;
  let outside = 0;
  scenario.demand.features.forEach((f, i) => {
    const raw = f.properties?.[prop];
    const w = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
    if (!(w >= 0 && w < Infinity)) {
      throw new InputError(
        { file: scenario.file.demand === undefined ? scenario.fileName : layerPath(scenario.file.demand), feature: `feature ${i}` },
        `demand property "${prop}" must be a number ≥ 0, got ${JSON.stringify(raw)}`,
        `需求属性“${prop}”必须是不小于0的数值，实际为 ${JSON.stringify(raw)}`,
      );
    }
    if (w === 0 || !f.geometry) return;
    const g = f.geometry;
    if (g.type === 'Point') {
      const k = cellAt(grid, g.coordinates[0], g.coordinates[1]);
      if (k >= 0 && land[k]) {
        demand[k] += w;
        total += w;
      } else outside += w;
      return;
    }
    const polys = areaPolygons(g as Polygon | MultiPolygon);
    const inside: number[] = [];
    forEachCellInPolygons(grid, polys, (k) => {
      if (stampOf[k] !== i && land[k]) {
        stampOf[k] = i;
        inside.push(k);
      }
    });
    if (inside.length === 0) {
      const p = polys[0]?.[0]?.[0];
      const k = p ? cellAt(grid, p[0], p[1]) : -1;
      if (k >= 0 && land[k]) {
        demand[k] += w;
        total += w;
      } else outside += w;
      return;
    }
    const share = w / inside.length;
    for (const k of inside) demand[k] += share;
    total += w;
  });
  ctx.demand = demand;
  ctx.demandTotal = total;
  ctx.demandOutside = outside;
}

/**
 * Probe pairs for the barrier check (GB 51080-2015 §4.1.3-4). Each barrier line is sampled every half
 * cell; at each sample the cells 1.5 cells away on either side along the normal are the probes.
 * A polygon barrier (a river drawn as an area) is sampled along its outline; the far probe lies 1.5
 * cells beyond the opposite bank, found by walking across the polygon along the inward normal (up to
 * 5 km); each crossing is then seen from both banks, so each sample stands for half its length.
 */
function prepareBarriers(ctx: CoverageContext): PreparedBarrier[] {
  const { grid, preset, scenario } = ctx;
  const kinds = new Set<BarrierKind>(preset.districtBarriers.value);
  const out: PreparedBarrier[] = [];
  const c = grid.cellSizeM;
  const step = c / 2;
  const delta = 1.5 * c;
  const toXY = (p: number[]): [number, number] => [(p[0] - grid.originLon) * grid.kx, (p[1] - grid.originLat) * grid.ky];
  const cellOf = (x: number, y: number): number => {
    const i = Math.floor(x / c);
    const j = Math.floor(y / c);
    return i < 0 || j < 0 || i >= grid.width || j >= grid.height ? -1 : i + j * grid.width;
  };
  const mask = new Uint8Array(grid.width * grid.height);
  scenario.features.barriers.features.forEach((f: Feature<LineString | MultiLineString | Polygon | MultiPolygon, BarrierProps>, idx) => {
    const props = f.properties;
    if (!props || !kinds.has(props.kind) || !f.geometry) return;
    const probes: number[] = [];
    const lengths: number[] = [];
    const g = f.geometry;
    const sampleLine = (line: number[][], onSample: (x: number, y: number, nx: number, ny: number, len: number) => void): void => {
      for (let k = 0; k + 1 < line.length; k++) {
        const [x1, y1] = toXY(line[k]);
        const [x2, y2] = toXY(line[k + 1]);
        const len = Math.hypot(x2 - x1, y2 - y1);
        if (!(len > 0)) continue;
        const n = Math.max(1, Math.ceil(len / step));
        const nx = -(y2 - y1) / len;
        const ny = (x2 - x1) / len;
        for (let s = 0; s < n; s++) {
          const t = (s + 0.5) / n;
          onSample(x1 + t * (x2 - x1), y1 + t * (y2 - y1), nx, ny, len / n);
        }
      }
    };
    const linePair = (x: number, y: number, nx: number, ny: number, len: number): void => {
      const a = cellOf(x + nx * delta, y + ny * delta);
      const b = cellOf(x - nx * delta, y - ny * delta);
      if (a >= 0 && b >= 0) {
        probes.push(a, b);
        lengths.push(len);
      }
    };
    if (g.type === 'LineString') sampleLine(g.coordinates, linePair);
    else if (g.type === 'MultiLineString') for (const line of g.coordinates) sampleLine(line, linePair);
    else {
      const polys = areaPolygons(g);
      mask.fill(0);
      rasterisePolygonMask(grid, polys, mask);
      const inside = (x: number, y: number): boolean => {
        const k = cellOf(x, y);
        return k >= 0 && mask[k] === 1;
      };
      for (const poly of polys) {
        for (const ring of poly) {
          sampleLine(ring, (x, y, nx, ny, len) => {
            let sx = nx;
            let sy = ny;
            const plus = inside(x + nx * 0.75 * c, y + ny * 0.75 * c);
            const minus = inside(x - nx * 0.75 * c, y - ny * 0.75 * c);
            if (plus === minus) {
              // thinner than a cell here (or ambiguous): treat the outline as a line
              linePair(x, y, nx, ny, len / 2);
              return;
            }
            if (minus) {
              sx = -nx;
              sy = -ny;
            }
            let d = 0.75 * c;
            while (d < 5000 && inside(x + sx * d, y + sy * d)) d += step;
            const a = cellOf(x - sx * delta, y - sy * delta);
            const b = cellOf(x + sx * (d + delta), y + sy * (d + delta));
            if (a >= 0 && b >= 0) {
              probes.push(a, b);
              lengths.push(len / 2);
            }
          });
        }
      }
    }
    if (probes.length > 0) {
      out.push({ id: props.id ?? `barrier-${idx}`, kind: props.kind, name: props.name ?? null, nameZh: props.nameZh ?? null, probes: Int32Array.from(probes), sampleM: Float32Array.from(lengths) });
    }
  });
  return out;
}

/**
 * Where a station joins the road network: the nearest drivable, non-motorway road. Farther than the
 * scenario's `maxSnapDistanceM` is an input error naming the station.
 */
export function snapStation(ctx: CoverageContext, station: Station): Snap {
  const max = ctx.scenario.analysis.maxSnapDistanceM;
  const snap = ctx.snapIndex.nearest(station.lon, station.lat, max);
  if (!snap) {
    throw new InputError(
      { file: ctx.scenario.fileName, feature: `station ${station.id}` },
      `station "${station.name}" is more than ${max} m from any drivable road (lon ${station.lon}, lat ${station.lat})`,
      `消防站“${station.nameZh ?? station.name}”距最近可通行道路超过 ${max} m（经度 ${station.lon}，纬度 ${station.lat}）`,
    );
  }
  return snap;
}
