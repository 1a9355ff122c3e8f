import { DEFAULT_TIME_OF_DAY, networkAtHour, type DayPeriod, type TimeOfDayProfile } from '../cost/time_of_day';
import { multiSourceSearch, type SearchSource } from '../search/multi_source_search';
import { reachedLengthM } from '../search/reached_pieces';
import { arrivalAndOwner } from '../surface/arrival_surface';
import { cellAreaKm2 } from '../surface/land_grid';
import type { CoverageAnalysis } from './analysis';

/** The coverage of one hour: the analysis's stations on the roads as driven at that hour. */
export interface HourCoverage {
  /** 0..23. */
  hour: number;
  period: DayPeriod;
  /** Land of reference reached within the standard (turnout + driving), km², and its share 0..1. */
  landCoveredKm2: number;
  landShare: number;
  /** Demand reached within the standard and its share (null without demand data). */
  demandCovered: number | null;
  demandShare: number | null;
  /** Road reached within the standard, metres (cut exactly at the budget), and its share of the drivable road. */
  roadReachedM: number;
  roadShare: number;
}

/** Coverage hour by hour (`coverageByHour`): what `coverage_by_hour.csv` and summary.json's `coverageByHour` hold. */
export interface CoverageByHour {
  responseS: number;
  responseClause: string;
  /** Where the speed factors come from, and their citation ("local choice …" for the defaults). */
  profileSource: string;
  profileClause: string;
  hours: HourCoverage[];
  /** The hour with the smallest land share (the earliest of equal ones), or null for no hours. */
  worstHour: number | null;
}

/**
 * The coverage of the analysis's stations at each of `hours` (0..23), with link travel times divided
 * by the profile's speed factor for the hour and road class (`networkAtHour`). Each hour is one
 * multi-source search with the stations' turnout and the standard as budget, read on the same land
 * grid as the analysis, so an hour whose factors are all 1 gives the analysis's own land, demand and
 * road figures. Default profile: the scenario's `timeOfDay`, else `DEFAULT_TIME_OF_DAY`.
 */
export function coverageByHour(a: CoverageAnalysis, hours: readonly number[], profile?: TimeOfDayProfile): CoverageByHour {
  const ctx = a.context;
  const p = profile ?? ctx.scenario.timeOfDay ?? DEFAULT_TIME_OF_DAY;
  const R = a.responseS;
  const unit = cellAreaKm2(ctx.grid);
  const sources: SearchSource[] = a.stations.map((s) => ({ snap: s.snap, startCost: s.station.turnoutS }));
  const out: HourCoverage[] = [];
  const byNet = new Map<string, Omit<HourCoverage, 'hour' | 'period'>>();
  for (const hour of hours) {
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw new RangeError(`hour must be a whole number 0..23, got ${hour}`);
    const period = p.hours[hour];
    // hours of one period share their factors: compute each period once
    let figures = byNet.get(period);
    if (!figures) {
      const net = networkAtHour(ctx.net, p, hour);
      let landCells = 0;
      let dem = 0;
      let roadReachedM = 0;
      if (sources.length > 0) {
        const result = multiSourceSearch(net, sources, { budget: R });
        const { arrival } = arrivalAndOwner(ctx.grid, result);
        for (let k = 0; k < arrival.length; k++) {
          if (!ctx.land[k] || !(arrival[k] <= R)) continue;
          landCells++;
          if (ctx.demand) dem += ctx.demand[k];
        }
        roadReachedM = reachedLengthM(result);
      }
      const landCoveredKm2 = landCells * unit;
      figures = {
        landCoveredKm2,
        landShare: ctx.landCellCount > 0 ? landCells / ctx.landCellCount : 0,
        demandCovered: ctx.demand ? dem : null,
        demandShare: ctx.demand ? (ctx.demandTotal > 0 ? dem / ctx.demandTotal : 0) : null,
        roadReachedM,
        roadShare: ctx.roadLengthM > 0 ? roadReachedM / ctx.roadLengthM : 0,
      };
      byNet.set(period, figures);
    }
    out.push({ hour, period, ...figures });
  }
  let worstHour: number | null = null;
  let worst = Infinity;
  for (const h of out) {
    if (h.landShare < worst) {
      worst = h.landShare;
      worstHour = h.hour;
    }
  }
  return { responseS: R, responseClause: ctx.preset.responseS.clause, profileSource: p.source, profileClause: p.clause, hours: out, worstHour };
}
