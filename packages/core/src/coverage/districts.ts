import type { BarrierKind } from '../standards/preset';
import type { StationClass } from '../standards/preset';
import { cellAreaKm2 } from '../surface/land_grid';
import type { CoverageAnalysis } from './analysis';

/** A barrier running through a district's interior (GB 51080-2015 §4.1.3-4). */
/**
 * One barrier a district crosses. A railway or river is mapped as many pieces (OSM ways); pieces with the
 * same kind and name count as one barrier (unnamed pieces of a kind together), so the threshold applies to
 * the whole crossing and reports name each barrier once.
 */
export interface BarrierCrossing {
  /** Id of the first piece (sorted); all pieces in `ids`. */
  id: string;
  ids: string[];
  kind: BarrierKind;
  name: string | null;
  nameZh: string | null;
  /** Barrier length with the same district on both sides, metres (all pieces). */
  lengthM: number;
}

/**
 * A station district (辖区): the land where this station's engine arrives first among the stations
 * that have a district, with the checks of GB 51080-2015 §4.1.3 and 建标152-2017.
 */
export interface DistrictReport {
  /** Index in `analysis.stations`. */
  stationIndex: number;
  stationId: string;
  stationClass: StationClass;
  urbanEdge: boolean;
  cellCount: number;
  /** District land by cell count, km². */
  areaKm2: number;
  capKm2: number;
  capClause: string;
  /** areaKm2 > capKm2. */
  overCap: boolean;
  /** Latest first arrival inside the district (its edge), seconds from dispatch; null for an empty district. */
  latestArrivalS: number | null;
  /** Land of the district not reached within the standard, km². */
  lateAreaKm2: number;
  /** latestArrivalS ≤ responseS: the 5-minutes-to-the-edge rule (GB 51080-2015 §4.1.3-1). */
  edgeWithinStandard: boolean;
  /** Barriers the district crosses (length above the method's threshold), by id. */
  crossings: BarrierCrossing[];
  /** Centroid of the district land, [lon, lat]; null when empty. */
  centroid: [number, number] | null;
  /** Distance from the station to that centroid, metres. */
  stationOffsetM: number | null;
  /** √(area/π), metres. */
  equivalentRadiusM: number;
  /** stationOffsetM > marginalStationRatio × equivalentRadiusM. */
  marginalised: boolean;
  /** Demand weight inside the district (0 without demand). */
  demand: number;
}

/** District tables for every station with a district cap (stations without one get no district). */
export function districtReports(a: CoverageAnalysis): DistrictReport[] {
  const ctx = a.context;
  const { grid, land, demand, preset } = ctx;
  const R = a.responseS;
  const n = a.stations.length;
  const count = new Float64Array(n);
  const late = new Float64Array(n);
  const latest = new Float64Array(n).fill(-Infinity);
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const dem = new Float64Array(n);
  const ds = a.districtStation;
  const dt = a.districtS;
  const w = grid.width;
  const c = grid.cellSizeM;
  for (let k = 0; k < ds.length; k++) {
    const s = ds[k];
    if (s < 0 || !land[k]) continue;
    count[s]++;
    const t = dt[k];
    if (t > latest[s]) latest[s] = t;
    if (t > R) late[s]++;
    const i = k % w;
    sx[s] += (i + 0.5) * c;
    sy[s] += ((k - i) / w + 0.5) * c;
    if (demand) dem[s] += demand[k];
  }
  // barrier crossings: probe pairs with the same district on both sides
  const crossings: Map<number, Map<number, number>> = new Map();
  ctx.barriers.forEach((b, bi) => {
    const p = b.probes;
    for (let s = 0; s < b.sampleM.length; s++) {
      const ka = p[2 * s];
      const kb = p[2 * s + 1];
      const d = ds[ka];
      if (d < 0 || ds[kb] !== d || !land[ka] || !land[kb]) continue;
      let m = crossings.get(d);
      if (!m) crossings.set(d, (m = new Map()));
      m.set(bi, (m.get(bi) ?? 0) + b.sampleM[s]);
    }
  });
  const unit = cellAreaKm2(grid);
  const ratio = preset.marginalStationRatio.value;
  const minM = ctx.options.barrierCrossingMinM;
  const out: DistrictReport[] = [];
  a.stations.forEach((st, s) => {
    if (st.capKm2 === null) return;
    const areaKm2 = count[s] * unit;
    const eqR = Math.sqrt((areaKm2 * 1e6) / Math.PI);
    let centroid: [number, number] | null = null;
    let offset: number | null = null;
    if (count[s] > 0) {
      const cx = sx[s] / count[s];
      const cy = sy[s] / count[s];
      centroid = [grid.originLon + cx / grid.kx, grid.originLat + cy / grid.ky];
      const px = (st.station.lon - grid.originLon) * grid.kx;
      const py = (st.station.lat - grid.originLat) * grid.ky;
      offset = Math.hypot(px - cx, py - cy);
    }
    const cross: BarrierCrossing[] = [];
    const m = crossings.get(s);
    if (m) {
      const byBarrier = new Map<string, BarrierCrossing>();
      for (const [bi, len] of m) {
        const b = ctx.barriers[bi];
        const key = `${b.kind}\u0000${b.name ?? ''}`;
        const c = byBarrier.get(key);
        if (c) {
          c.ids.push(b.id);
          c.lengthM += len;
          if (c.nameZh === null) c.nameZh = b.nameZh;
        } else {
          byBarrier.set(key, { id: b.id, ids: [b.id], kind: b.kind, name: b.name, nameZh: b.nameZh, lengthM: len });
        }
      }
      for (const c of byBarrier.values()) {
        if (c.lengthM <= minM) continue;
        c.ids.sort();
        c.id = c.ids[0];
        cross.push(c);
      }
      cross.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    }
    const latestS = count[s] > 0 ? latest[s] : null;
    out.push({
      stationIndex: s,
      stationId: st.station.id,
      stationClass: st.station.class,
      urbanEdge: st.station.urbanEdge === true,
      cellCount: count[s],
      areaKm2,
      capKm2: st.capKm2,
      capClause: st.capClause,
      overCap: areaKm2 > st.capKm2,
      latestArrivalS: latestS,
      lateAreaKm2: late[s] * unit,
      edgeWithinStandard: latestS === null || latestS <= R,
      crossings: cross,
      centroid,
      stationOffsetM: offset,
      equivalentRadiusM: eqR,
      marginalised: offset !== null && offset > ratio * eqR,
      demand: dem[s],
    });
  });
  return out;
}
