import { analyzeCoverage, coverageLinkDistricts, type CoverageAnalysis } from '../coverage/analysis';
import { compareStationSets, type SetComparison } from '../coverage/compare';
import { coverageByHour, type CoverageByHour } from '../coverage/coverage_by_hour';
import type { CoverageOptions } from '../coverage/context';
import type { CoverageLayers } from '../coverage/layer_properties';
import { coverageLayers, type CoverageLayerName } from '../coverage/layers';
import { comparisonSummary, coverageSummary, type ComparisonSummary, type CoverageSummary } from '../coverage/summary';
import type { LoadedScenario, Station } from '../scenario/scenario_types';
import { analyzeWater, type WaterAnalysis } from '../water/analyze_water';
import { waterFigures, type WaterFigures } from '../water/water_figures';
import type { WaterLayers } from '../water/water_layer_properties';
import { waterLayers } from '../water/water_layers';
import { requireStationsInService } from '../scenario/stations_required';
import { parseStationSet, type StationSetChoice } from './station_set';
import { analyzeRisk, riskLayers, type RiskAnalysis } from '../risk/analyze_risk';

/** What `analyzeScenario` computes; every field is optional. */
export interface ScenarioAnalysisOptions {
  /**
   * The stations analysed: a `StationSetChoice` (`'existing'`, `'planned'`, `'all'`, a year), the same
   * as a string (`'2030'`, as `--stations` gives it; parsed by `parseStationSet`), or an explicit list.
   * Default: the scenario's `analysis.year` when set, else the existing stations.
   */
  stations?: StationSetChoice | string | readonly Station[];
  /** Name of the station option in error messages (default "stations"; the CLI says "--stations"). */
  stationsOption?: string;
  /** Run the water-supply checks (hydrants, intakes, …) on the coverage districts. Default true. */
  water?: boolean;
  /**
   * Water land figures on the surface grid (protected / unprotected land, km²). Default true; off is faster
   * on large cities and ranks new intake points by road instead of land.
   */
  land?: boolean;
  /** How many new intake points to propose (count, ≥ 0; default 3). */
  newIntakes?: number;
  /** Compare the plan's station sets (existing, each planned year, full plan, with candidates). Default true. */
  compare?: boolean;
  /**
   * What a failing water analysis does: `'throw'` (default) or `'keep'` — the coverage result is still
   * returned, with `water` null and the error in `waterError` (the viewer shows coverage beside the reason).
   */
  onWaterError?: 'throw' | 'keep';
  /** Coverage settings (grid, access distance) over the scenario's; default none. */
  coverage?: CoverageOptions;
  /**
   * Hours (0..23) to compute coverage for with the time-of-day speed profile (`coverageByHour`; the
   * scenario's `timeOfDay`, else the defaults). Default none: `coverageByHour` is null.
   */
  hours?: readonly number[];
  /** Run the risk and capability analysis when the scenario has a `risk` block. Default true. */
  risk?: boolean;
  /**
   * Called with the coverage as soon as it is computed, before the comparison, water and risk analyses
   * (the viewer's worker sends its layers to be tiled while those run). Observes; changes nothing.
   */
  onCoverage?: (coverage: CoverageAnalysis) => void;
}

/** The layers of an analysis, built once on first use. */
export interface ScenarioLayers {
  coverage: Partial<CoverageLayers>;
  /** null without the water analysis. */
  water: WaterLayers | null;
  /** Hazards, micro stations, communities, townships; null without the risk analysis. */
  risk: ReturnType<typeof riskLayers> | null;
}

/** One analysis of a scenario: coverage → districts → water → plan comparison, wired once. */
export interface ScenarioAnalysis {
  scenario: LoadedScenario;
  /** The station set analysed: the choice (null for an explicit list) and its stations, in order. */
  stationSet: { choice: StationSetChoice | null; stations: Station[] };
  coverage: CoverageAnalysis;
  summary: CoverageSummary;
  /** The plan's station sets side by side (null with `compare: false`). */
  comparison: SetComparison | null;
  comparisonSummary: ComparisonSummary | null;
  /** The water checks on the coverage districts (null with `water: false`, or after a kept error). */
  water: WaterAnalysis | null;
  /** The water figures and per-district rows as data (null when `water` is null). */
  waterFigures: WaterFigures | null;
  /** The water analysis's error under `onWaterError: 'keep'`, else null. */
  waterError: unknown;
  /** Coverage hour by hour (null unless `hours` were asked for). */
  coverageByHour: CoverageByHour | null;
  /** Risk and capability (hazards, micro stations, townships) for the same stations; null without a `risk` block or with `risk: false`. */
  risk: RiskAnalysis | null;
  /**
   * The GeoJSON layers (coverage and water), computed on the first call and kept. Pass `coverage` to
   * build only some coverage layers (contouring is the costly part); a later call for others adds them.
   */
  layers(coverage?: readonly CoverageLayerName[]): ScenarioLayers;
}

function isStationList(x: ScenarioAnalysisOptions['stations']): x is readonly Station[] {
  return Array.isArray(x);
}

/**
 * The whole analysis of a scenario, the one place that wires it: coverage of the chosen stations
 * (service areas, districts and their checks, figures, gaps); the water checks on the same stations and
 * on the districts of that coverage (`coverageLinkDistricts`: turnout counts, a district is what a station
 * reaches first from the dispatch order); the existing-versus-planned comparison reusing this coverage.
 * `firecover analyze`, `firecover hydrants` and the viewer all call it, so their figures agree.
 */
export function analyzeScenario(scenario: LoadedScenario, options: ScenarioAnalysisOptions = {}): ScenarioAnalysis {
  const given = options.stations;
  let choice: StationSetChoice | null = null;
  let stations: Station[];
  if (isStationList(given)) {
    stations = given.slice();
  } else {
    choice = typeof given === 'number' ? given : parseStationSet(given, scenario, options.stationsOption);
    // No station in service is an input error naming every station left out and why (every command alike).
    stations = requireStationsInService(scenario, choice === 'existing' ? undefined : choice);
  }
  const coverage = analyzeCoverage(scenario, stations, options.coverage);
  options.onCoverage?.(coverage);
  const summary = coverageSummary(coverage);
  const byHour = options.hours === undefined ? null : coverageByHour(coverage, options.hours);
  const comparison = options.compare === false ? null : compareStationSets(scenario, undefined, options.coverage, [coverage]);

  let water: WaterAnalysis | null = null;
  let waterError: unknown = null;
  if (options.water !== false) {
    try {
      water = analyzeWater(scenario, {
        districts: coverageLinkDistricts(coverage),
        stations: coverage.stations.map((s) => s.station),
        land: options.land,
        newIntakes: options.newIntakes === undefined ? undefined : Math.floor(options.newIntakes),
      });
    } catch (e) {
      if (options.onWaterError !== 'keep') throw e;
      waterError = e;
    }
  }

  const risk = options.risk === false ? null : analyzeRisk(scenario, coverage);

  let built: ScenarioLayers | null = null;
  return {
    scenario,
    stationSet: { choice, stations },
    coverage,
    summary,
    comparison,
    comparisonSummary: comparison ? comparisonSummary(comparison) : null,
    water,
    waterFigures: water ? waterFigures(water) : null,
    waterError,
    coverageByHour: byHour,
    risk,
    layers(which?: readonly CoverageLayerName[]): ScenarioLayers {
      const want = which ?? (['stations', 'service_areas', 'districts', 'gaps', 'reached_network'] as const);
      built ??= { coverage: {}, water: water ? waterLayers(water) : null, risk: risk ? riskLayers(scenario, risk) : null };
      const missing = want.filter((name) => built!.coverage[name] === undefined);
      if (missing.length > 0) Object.assign(built.coverage, coverageLayers(coverage, missing));
      return { coverage: pick(built.coverage, want), water: built.water, risk: built.risk };
    },
  };
}

function pick(layers: Partial<CoverageLayers>, names: readonly CoverageLayerName[]): Partial<CoverageLayers> {
  const out: Partial<CoverageLayers> = {};
  for (const n of names) if (layers[n]) Object.assign(out, { [n]: layers[n] });
  return out;
}
