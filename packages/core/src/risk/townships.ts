import type { MultiPolygon, Polygon } from 'geojson';
import type { CoverageAnalysis } from '../coverage/analysis';
import type { Station } from '../scenario/scenario_types';
import { pointInPolygon } from '../spatial/point_in_polygon';
import { PLAN_INDICATOR_TARGETS, type StationClass } from '../standards/preset';
import { cellAreaKm2, forEachCellInPolygons } from '../surface/land_grid';
import type { MicroStation, NamedArea } from './risk_layers_input';

/**
 * Classes that count as a full-time brigade (专职消防力量) in a township: national fire-rescue stations of
 * every class and government or enterprise full-time brigades; not volunteer teams, micro stations or
 * logistics stations.
 */
export const FULL_TIME_CLASSES: readonly StationClass[] = ['class1', 'class2', 'special', 'small', 'township1', 'township2', 'fulltime', 'engine', 'ladder'];

/** One township (乡镇): its stations, land and population reached within the standard. */
export interface TownshipFigures {
  id: string;
  name: string | null;
  nameZh: string | null;
  /** Analysed stations inside, with their class. */
  stations: { id: string; class: StationClass }[];
  microStations: number;
  /** A full-time brigade or fire-rescue station is inside (`FULL_TIME_CLASSES`). */
  fullTime: boolean;
  /** Land of reference inside the township, km², and the part reached within the standard. */
  landKm2: number;
  reachedKm2: number;
  /** Share of that land reached, %; null when the township holds no land of reference. */
  landReachedPct: number | null;
  /** Demand (population) inside and reached; null without demand. */
  population: number | null;
  populationReached: number | null;
  populationReachedPct: number | null;
}

/** Townships as the plans count them: the township coverage rate (乡镇专职消防队覆盖率). */
export interface TownshipAnalysis {
  townships: TownshipFigures[];
  withFullTime: number;
  /** Share of townships with a full-time brigade, %; null without townships. */
  coveragePct: number | null;
  coverageClause: string;
  /** Ids of townships without a full-time brigade. */
  lackingIds: string[];
}

function polygonsOf(g: Polygon | MultiPolygon): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * Per township: the analysed stations and micro stations inside (point in polygon), whether one is a
 * full-time brigade, and the land of reference (and demand) inside whose first arrival from the coverage
 * is within the standard. The township coverage rate is the share with a full-time brigade.
 */
export function townshipFigures(townships: readonly NamedArea<Polygon | MultiPolygon>[], coverage: CoverageAnalysis, stations: readonly Station[], micro: readonly MicroStation[]): TownshipAnalysis {
  const ctx = coverage.context;
  const cellKm2 = cellAreaKm2(ctx.grid);
  const rows = townships.map((t): TownshipFigures => {
    const polys = polygonsOf(t.geometry);
    const within = (lon: number, lat: number): boolean => polys.some((p) => pointInPolygon(lon, lat, p));
    const inside = stations.filter((s) => within(s.lon, s.lat));
    let land = 0;
    let reached = 0;
    let pop = 0;
    let popReached = 0;
    const seen = new Set<number>();
    forEachCellInPolygons(ctx.grid, polys, (k) => {
      if (seen.has(k) || ctx.land[k] !== 1) return;
      seen.add(k);
      land++;
      const ok = coverage.firstS[k] <= coverage.responseS;
      if (ok) reached++;
      if (ctx.demand) {
        pop += ctx.demand[k];
        if (ok) popReached += ctx.demand[k];
      }
    });
    return {
      id: t.id,
      name: t.name,
      nameZh: t.nameZh,
      stations: inside.map((s) => ({ id: s.id, class: s.class })),
      microStations: micro.filter((m) => within(m.lon, m.lat)).length,
      fullTime: inside.some((s) => FULL_TIME_CLASSES.includes(s.class)),
      landKm2: land * cellKm2,
      reachedKm2: reached * cellKm2,
      landReachedPct: land === 0 ? null : (100 * reached) / land,
      population: ctx.demand ? pop : null,
      populationReached: ctx.demand ? popReached : null,
      populationReachedPct: ctx.demand && pop > 0 ? (100 * popReached) / pop : null,
    };
  });
  const withFullTime = rows.filter((r) => r.fullTime).length;
  return {
    townships: rows,
    withFullTime,
    coveragePct: rows.length === 0 ? null : (100 * withFullTime) / rows.length,
    coverageClause: PLAN_INDICATOR_TARGETS.townshipCoveragePct.clause,
    lackingIds: rows.filter((r) => !r.fullTime).map((r) => r.id),
  };
}
