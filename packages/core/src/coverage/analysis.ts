import type { Snap } from '../spatial/snap_index';
import type { LoadedScenario, Station } from '../scenario/scenario_types';
import { stationsInService } from '../scenario/stations';
import { districtCapKm2 } from '../standards/preset';
import { multiSourceSearch, type SearchSource } from '../search/multi_source_search';
import { reachedLengthM, reachedPieces, type ReachedPiece } from '../search/reached_pieces';
import { arrivalAndOwner } from '../surface/arrival_surface';
import { cellAreaKm2 } from '../surface/land_grid';
import { coverageContext, snapStation, type CoverageContext, type CoverageOptions } from './context';
import { districtReports, type DistrictReport } from './districts';
import { coverageFigures, type CoverageFigures } from './figures';
import { findGaps, type GapReport } from './gaps';
import { linkDistricts } from '../water/water_districts';

/** One station's own reach within the standard (turnout + driving ≤ responseS). */
export interface StationCoverage {
  station: Station;
  /** Where the station joins the road network. */
  snap: Snap;
  /** District area cap for its class and location, km²; null: the class has no district (logistics, micro). */
  capKm2: number | null;
  capClause: string;
  /** Cells this station reaches within the standard (ascending) and its arrival there, seconds from dispatch. */
  serviceCells: Int32Array;
  serviceArrivalS: Float32Array;
  /** Land of reference reached within the standard, km² (cell count). */
  serviceLandKm2: number;
  /** Road reached within the standard, cut exactly at the budget, metres. */
  reachedRoadM: number;
  /** The reached road pieces (search `reachedPieces`, source 0 = this station). */
  pieces: ReachedPiece[];
  /** Share of the network's nodes this station can reach at all (no time limit). */
  reachableNodeShare: number;
  /**
   * The station sits on a road island: it can reach less than half of the network (no time limit),
   * e.g. a village whose roads leave the data across its edge, or a one-way trap.
   */
  island: boolean;
}

/**
 * The coverage of one set of stations. Rasters are per cell of `context.grid`; times are seconds from
 * the dispatch order (turnout + driving).
 */
export interface CoverageAnalysis {
  context: CoverageContext;
  /** The arrival standard, seconds (preset.responseS). */
  responseS: number;
  stations: StationCoverage[];
  /** First arrival from any station (no budget), Infinity where no station can reach. */
  firstS: Float32Array;
  /** Index in `stations` of the first-arriving station, -1 none. */
  firstStation: Int32Array;
  /** Arrival of the second station (a different one) when within the standard, else Infinity. */
  secondS: Float32Array;
  /** District owner: the first-arriving station among those that have a district, -1 none. */
  districtStation: Int32Array;
  districtS: Float32Array;
  /** Road reached within the standard by any station, metres. */
  reachedRoadM: number;
  districts: DistrictReport[];
  figures: CoverageFigures;
  gaps: GapReport;
}

/**
 * Coverage of a set of stations (default: those in service in `scenario.analysis.year`, or the existing
 * ones): service areas, districts and their checks, coverage figures, gaps.
 */
export function analyzeCoverage(scenario: LoadedScenario, stations?: readonly Station[], options?: CoverageOptions): CoverageAnalysis {
  const ctx = coverageContext(scenario, options);
  const set = stations ?? stationsInService(scenario, scenario.analysis.year || undefined);
  const a = emptyAnalysis(ctx);
  for (const s of set) addStationInPlace(a, s);
  finish(a);
  return a;
}

/**
 * The analysis with one more station, recomputing only what it changes: one search from the new
 * station, the cells where it arrives first or second, then the district, figure and gap tables. The
 * input analysis is left unchanged.
 */
export function addStation(analysis: CoverageAnalysis, station: Station): CoverageAnalysis {
  const a: CoverageAnalysis = {
    ...analysis,
    stations: analysis.stations.slice(),
    firstS: analysis.firstS.slice(),
    firstStation: analysis.firstStation.slice(),
    secondS: analysis.secondS.slice(),
    districtStation: analysis.districtStation.slice(),
    districtS: analysis.districtS.slice(),
  };
  addStationInPlace(a, station);
  finish(a);
  return a;
}

function emptyAnalysis(ctx: CoverageContext): CoverageAnalysis {
  const cells = ctx.grid.width * ctx.grid.height;
  return {
    context: ctx,
    responseS: ctx.preset.responseS.value,
    stations: [],
    firstS: new Float32Array(cells).fill(Infinity),
    firstStation: new Int32Array(cells).fill(-1),
    secondS: new Float32Array(cells).fill(Infinity),
    districtStation: new Int32Array(cells).fill(-1),
    districtS: new Float32Array(cells).fill(Infinity),
    reachedRoadM: 0,
    districts: [],
    figures: undefined as unknown as CoverageFigures,
    gaps: undefined as unknown as GapReport,
  };
}

/**
 * Adds a station's arrivals to the rasters. Stations are taken in order and a later station replaces an
 * earlier one only where it arrives strictly sooner, which is the multi-source search's tie rule (equal
 * arrival → the lower source index).
 */
function addStationInPlace(a: CoverageAnalysis, station: Station): void {
  const ctx = a.context;
  const R = a.responseS;
  const snap = snapStation(ctx, station);
  const sources: SearchSource[] = [{ snap, startCost: station.turnoutS }];
  const result = multiSourceSearch(ctx.net, sources, { workspace: ctx.workspace });
  const { arrival } = arrivalAndOwner(ctx.grid, result);
  const pieces = reachedPieces({ ...result, budget: R });
  const idx = a.stations.length;
  const { capKm2, clause } = districtCapKm2(ctx.preset, station.class, station.urbanEdge === true);
  const { firstS, firstStation, secondS, districtS, districtStation } = a;
  const land = ctx.land;
  const serviceCells: number[] = [];
  const serviceArrival: number[] = [];
  let serviceLand = 0;
  for (let k = 0; k < arrival.length; k++) {
    const v = arrival[k];
    if (v === Infinity) continue;
    if (v < firstS[k]) {
      secondS[k] = firstS[k] <= R ? firstS[k] : Infinity;
      firstS[k] = v;
      firstStation[k] = idx;
    } else if (v <= R && v < secondS[k]) {
      secondS[k] = v;
    }
    if (capKm2 !== null && v < districtS[k]) {
      districtS[k] = v;
      districtStation[k] = idx;
    }
    if (v <= R) {
      serviceCells.push(k);
      serviceArrival.push(v);
      if (land[k]) serviceLand++;
    }
  }
  let reachedRoadM = 0;
  for (const p of pieces) reachedRoadM += p.toM - p.fromM;
  let reachedNodes = 0;
  for (let v = 0; v < result.cost.length; v++) if (result.cost[v] < Infinity) reachedNodes++;
  const reachableNodeShare = ctx.net.nodeCount > 0 ? reachedNodes / ctx.net.nodeCount : 0;
  a.stations.push({
    station,
    snap,
    capKm2,
    capClause: clause,
    serviceCells: Int32Array.from(serviceCells),
    serviceArrivalS: Float32Array.from(serviceArrival),
    serviceLandKm2: serviceLand * cellAreaKm2(ctx.grid),
    reachedRoadM,
    pieces,
    reachableNodeShare,
    island: reachableNodeShare < 0.5,
  });
}

/** The union of every station's reach within the standard, as one multi-source search. */
export function combinedSearch(a: CoverageAnalysis, budget = a.responseS) {
  const sources: SearchSource[] = a.stations.map((s) => ({ snap: s.snap, startCost: s.station.turnoutS }));
  return multiSourceSearch(a.context.net, sources, { budget });
}

function finish(a: CoverageAnalysis): void {
  a.reachedRoadM = a.stations.length > 0 ? reachedLengthM(combinedSearch(a)) : 0;
  a.districts = districtReports(a);
  a.gaps = findGaps(a);
  a.figures = coverageFigures(a);
}

/**
 * Districts drawn on the roads, for per-district tables of other analyses (the water checks): each link
 * goes to the district station whose engine reaches its midpoint first, turnout counted (same stations and
 * tie rule as the district surface; the one rule of `linkDistricts`); -1 where none can. `ids`/`names`
 * list the district stations.
 */
export function coverageLinkDistricts(a: CoverageAnalysis): { ids: string[]; names: string[]; namesZh: (string | null)[]; linkOwner: Int32Array } {
  const d = linkDistricts(
    a.context.net,
    a.stations.filter((s) => s.capKm2 !== null).map((s) => ({ station: s.station, snap: s.snap })),
  );
  return { ids: d.ids, names: d.names, namesZh: d.namesZh ?? d.ids.map(() => null), linkOwner: d.linkOwner };
}
