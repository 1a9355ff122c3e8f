import type { AppState } from '../app_state';
import type { DueAnswer, MeasureAnswer } from './plan_service';
import type { StationOnMap } from './plan_ui';
import type { SitingView } from '../siting/siting_types';

/**
 * What the plan, hover, measure and siting features add to `window.__firecover` (tests and the
 * console). Names fixed by the viewer issue: `setYear(year)` resolves when the year is drawn,
 * `stationsOnMap()` lists the stations drawn now.
 */
export interface PlanTestApi {
  /** Shows year Y of the plan (null: the base); resolves once the map has drawn it. */
  setYear(year: number | null): Promise<void>;
  /** The stations drawn now, each with id, status, year and whether in service in the year shown. */
  stationsOnMap(): StationOnMap[];
  /** Year shown, null = base. */
  year: number | null;
  /** Years of the plan. */
  planYears: number[];
  /** The due answer at a WGS84 point (what the hover box shows). */
  dueAt(lon: number, lat: number): Promise<DueAnswer>;
  /** Last answer the hover box shows, and a counter of answers. */
  hover: DueAnswer | null;
  hoverSeq: number;
  /** Measure between two WGS84 points (draws the route). */
  measureBetween(from: [number, number], to: [number, number]): Promise<MeasureAnswer>;
  lastMeasure: MeasureAnswer | null;
  /** Id of the station the search last panned to. */
  searchedStation: string | null;
  /** Runs the siting panel's model; resolves with what it shows. */
  runSiting(options?: { model?: 'mclp' | 'lscp'; p?: number; spacingM?: number; curveMax?: number }): Promise<SitingView>;
  siting: SitingView | null;
}

export function planApi(): AppState & Partial<PlanTestApi> {
  return window.__firecover as AppState & Partial<PlanTestApi>;
}
