import { cellAreaKm2 } from '../surface/land_grid';
import type { CoverageAnalysis } from './analysis';

/**
 * A connected zone of land (4-neighbour cells) not reached within the standard.
 * - `late`: reached by road, but the first engine arrives after the standard;
 * - `unreachable`: no road within the access distance (`no-road`), or the nearest road cannot be
 *   reached from any station (`road-unreached`: an island, a one-way trap), or both (`mixed`).
 */
export interface GapZone {
  kind: 'late' | 'unreachable';
  reason: 'late' | 'no-road' | 'road-unreached' | 'mixed';
  /** Cells of the zone, ascending. */
  cells: Int32Array;
  areaKm2: number;
  demand: number;
  /** Earliest and latest first arrival in the zone, seconds from dispatch (null for unreachable zones). */
  minArrivalS: number | null;
  maxArrivalS: number | null;
  /** Late zones: the first-arriving station at the zone's earliest cell; unreachable zones: the station nearest in a straight line. */
  nearestStationId: string | null;
  /** Centre of the zone's cells, [lon, lat]. */
  centroid: [number, number];
}

/** The late and unreachable zones of an analysis, ranked by demand, then area. */
export interface GapReport {
  /** Listed late zones (area ≥ minGapAreaKm2), ranked by demand, then area. */
  late: GapZone[];
  /** Listed unreachable zones, ranked the same way. */
  unreachable: GapZone[];
  /** Totals over every zone, listed or not. */
  lateAreaKm2: number;
  lateDemand: number;
  lateZoneCount: number;
  unreachableAreaKm2: number;
  unreachableDemand: number;
  unreachableZoneCount: number;
}

export function findGaps(a: CoverageAnalysis): GapReport {
  const ctx = a.context;
  const { grid, land, demand } = ctx;
  const R = a.responseS;
  const cells = land.length;
  // 1 late, 2 unreachable, 0 covered or not land
  const cls = new Uint8Array(cells);
  for (let k = 0; k < cells; k++) {
    if (!land[k]) continue;
    const t = a.firstS[k];
    if (t <= R) continue;
    cls[k] = t < Infinity ? 1 : 2;
  }
  const unit = cellAreaKm2(grid);
  const minCells = ctx.options.minGapAreaKm2 / unit;
  const w = grid.width;
  const h = grid.height;
  const seen = new Uint8Array(cells);
  const stack: number[] = [];
  const late: GapZone[] = [];
  const unreachable: GapZone[] = [];
  const report: GapReport = {
    late,
    unreachable,
    lateAreaKm2: 0,
    lateDemand: 0,
    lateZoneCount: 0,
    unreachableAreaKm2: 0,
    unreachableDemand: 0,
    unreachableZoneCount: 0,
  };
  for (let k0 = 0; k0 < cells; k0++) {
    const kind = cls[k0];
    if (kind === 0 || seen[k0]) continue;
    const members: number[] = [];
    const visit = (q: number): void => {
      if (cls[q] === kind && !seen[q]) {
        seen[q] = 1;
        stack.push(q);
      }
    };
    seen[k0] = 1;
    stack.push(k0);
    while (stack.length > 0) {
      const k = stack.pop()!;
      members.push(k);
      const i = k % w;
      const j = (k - i) / w;
      if (i > 0) visit(k - 1);
      if (i + 1 < w) visit(k + 1);
      if (j > 0) visit(k - w);
      if (j + 1 < h) visit(k + w);
    }
    let dem = 0;
    for (const k of members) if (demand) dem += demand[k];
    if (kind === 1) {
      report.lateAreaKm2 += members.length * unit;
      report.lateDemand += dem;
      report.lateZoneCount++;
    } else {
      report.unreachableAreaKm2 += members.length * unit;
      report.unreachableDemand += dem;
      report.unreachableZoneCount++;
    }
    if (members.length < minCells) continue;
    members.sort((x, y) => x - y);
    let cx = 0;
    let cy = 0;
    for (const k of members) {
      const i = k % w;
      cx += i + 0.5;
      cy += (k - i) / w + 0.5;
    }
    cx = (cx / members.length) * grid.cellSizeM;
    cy = (cy / members.length) * grid.cellSizeM;
    const centroid: [number, number] = [grid.originLon + cx / grid.kx, grid.originLat + cy / grid.ky];
    const zone: GapZone = {
      kind: kind === 1 ? 'late' : 'unreachable',
      reason: 'late',
      cells: Int32Array.from(members),
      areaKm2: members.length * unit,
      demand: dem,
      minArrivalS: null,
      maxArrivalS: null,
      nearestStationId: null,
      centroid,
    };
    if (kind === 1) {
      let minT = Infinity;
      let maxT = -Infinity;
      let minCell = -1;
      for (const k of members) {
        const t = a.firstS[k];
        if (t < minT) {
          minT = t;
          minCell = k;
        }
        if (t > maxT) maxT = t;
      }
      zone.minArrivalS = minT;
      zone.maxArrivalS = maxT;
      const s = a.firstStation[minCell];
      zone.nearestStationId = s >= 0 ? a.stations[s].station.id : null;
      late.push(zone);
    } else {
      let noRoad = 0;
      for (const k of members) if (grid.nearestLink[k] < 0) noRoad++;
      zone.reason = noRoad === members.length ? 'no-road' : noRoad === 0 ? 'road-unreached' : 'mixed';
      let best = Infinity;
      for (const st of a.stations) {
        const dx = (st.station.lon - centroid[0]) * grid.kx;
        const dy = (st.station.lat - centroid[1]) * grid.ky;
        const d = dx * dx + dy * dy;
        if (d < best) {
          best = d;
          zone.nearestStationId = st.station.id;
        }
      }
      unreachable.push(zone);
    }
  }
  const rank = (x: GapZone, y: GapZone): number => y.demand - x.demand || y.cells.length - x.cells.length || x.cells[0] - y.cells[0];
  late.sort(rank);
  unreachable.sort(rank);
  return report;
}

