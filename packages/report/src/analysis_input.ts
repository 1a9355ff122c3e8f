import type { FeatureCollection, LineString } from 'geojson';
import {
  analyzeScenario,
  type ComparisonSummary,
  type IndicatorSettings,
  type CoverageSummary,
  type LoadedScenario,
  type RiskAnalysis,
  type StandardsPreset,
  type WaterAnalysis,
  type WaterFigures,
  type WaterLayers,
} from '@firecover/core';

/**
 * How the water figures become text (the summary lines and the per-district table): the CLI's formatter
 * (`waterLines`, `waterTableRows` in packages/cli/src/water_text.ts), passed in so that the report prints
 * exactly what `firecover hydrants` prints.
 */
export interface WaterText {
  lines(w: WaterFigures, lang: 'en' | 'zh'): string[];
  table(w: WaterFigures, lang: 'en' | 'zh'): string[][];
}

/** Land and demand first reached in one arrival band (the arrival-time distribution chart). */
export interface ArrivalBand {
  fromS: number | null;
  upToS: number | null;
  landKm2: number;
  /** Demand weight (population) in the band; null when the scenario has no demand layer. */
  demand: number | null;
}

/** Optional siting results (issue 8): the coverage curve, shown when given. */
export interface SitingInput {
  /** Coverage against number of stations, e.g. from the siting search. */
  curve: { stations: number; landSharePct: number | null; demandSharePct: number | null; optimal?: boolean }[];
  /** Proposed sites in order of choice. */
  sites?: { id: string; name: string; lon: number; lat: number }[];
}

/** Everything the report draws and prints, in the figures `firecover analyze` prints. */
export interface ReportInput {
  scenario: { name: string; nameZh: string | null; description: string | null; fileName: string; preset: StandardsPreset; overrides: Record<string, unknown> };
  /** Network source: OSM data is drawn (attribution) when true. */
  osm: boolean;
  /** Every station of the scenario (existing, under construction, planned, candidate), for the stations map. */
  allStations: FeatureCollection;
  /** Total demand weight (population) of the scenario's demand layer; null without one. */
  demandTotal: number | null;
  /** The scenario's optional indicators block (targets of the plans' indicator table). */
  indicators: IndicatorSettings;
  coverage: CoverageSummary;
  comparison: ComparisonSummary;
  layers: { stations: FeatureCollection; service_areas: FeatureCollection; districts: FeatureCollection; gaps: FeatureCollection };
  /** The road network as lines (the map background). */
  roads: FeatureCollection<LineString, { class: number }>;
  /** The scenario's barriers and water sources as read (drawn on the district and water maps). */
  barriers: FeatureCollection;
  waterSources: FeatureCollection;
  arrival: ArrivalBand[];
  water: { analysis: WaterAnalysis; layers: WaterLayers; summary: { en: string[]; zh: string[] }; table: { en: string[][]; zh: string[][] } } | null;
  siting: SitingInput | null;
  /** Township polygons (the scenario's `indicators.townships`, read by the caller); null when not given. */
  townships: FeatureCollection | null;
  /** Risk and capability (the scenario's `risk` block, docs/risk.md); null without one. Optional for hand-built inputs. */
  risk?: RiskAnalysis | null;
}

export type StationSetOption = number | 'planned' | 'all' | undefined;

/**
 * Scenario → the typed inputs of the report. This is the ONE place where the report calls the analyses,
 * exactly as `firecover analyze` does (packages/cli/src/commands/analyze.ts), so its figures equal
 * analyze's. When `analyzeScenario` (the pipeline issue) lands, this function is what switches to it.
 */
export function analysisInput(
  scenario: LoadedScenario,
  when: StationSetOption,
  opts: { water?: boolean; waterText?: WaterText; siting?: SitingInput | null; townships?: FeatureCollection | null } = {},
): ReportInput {
  const run = analyzeScenario(scenario, { stations: when ?? 'existing', water: opts.water !== false, compare: true });
  const analysis = run.coverage;
  const coverage = run.summary;
  const compared = run.comparisonSummary!;
  const water = run.water;
  const figures = run.waterFigures;
  if (water && figures && !opts.waterText) throw new Error('analysisInput: the water figures need a formatter (opts.waterText)');
  const built = run.layers();
  const layers = built.coverage;

  // Arrival-time distribution: land and demand by the band of first arrival (cells of the land grid).
  const ctx = analysis.context;
  const limits = [...scenario.analysis.bandsS].sort((a, b) => a - b);
  const edges = [...limits, Infinity];
  const landCells = Array.from({ length: edges.length }, () => 0);
  const demand = Array.from({ length: edges.length }, () => 0);
  let unreached = 0;
  let unreachedDemand = 0;
  for (let k = 0; k < ctx.land.length; k++) {
    if (!ctx.land[k]) continue;
    const t = analysis.firstS[k];
    const w = ctx.demand ? ctx.demand[k] : 0;
    if (!Number.isFinite(t)) {
      unreached++;
      unreachedDemand += w;
      continue;
    }
    const b = edges.findIndex((e) => t <= e);
    landCells[b]++;
    demand[b] += w;
  }
  // One land cell, km² (the grid's step is metres).
  const unit = (ctx.grid.cellSizeM * ctx.grid.cellSizeM) / 1e6;
  const arrival: ArrivalBand[] = edges.map((e, i) => ({ fromS: i === 0 ? null : edges[i - 1], upToS: Number.isFinite(e) ? e : null, landKm2: landCells[i] * unit, demand: ctx.demand ? demand[i] : null }));
  if (unreached > 0) arrival.push({ fromS: null, upToS: null, landKm2: unreached * unit, demand: ctx.demand ? unreachedDemand : null });

  // The road network as the map background.
  const net = scenario.network;
  const roads: FeatureCollection<LineString, { class: number }> = { type: 'FeatureCollection', features: [] };
  for (let l = 0; l < net.linkCount; l++) {
    const coords: [number, number][] = [];
    for (let j = net.geomOffset[l]; j < net.geomOffset[l + 1]; j++) coords.push([net.geomLon[j], net.geomLat[j]]);
    if (coords.length >= 2) roads.features.push({ type: 'Feature', properties: { class: net.linkClass[l] }, geometry: { type: 'LineString', coordinates: coords } });
  }

  return {
    scenario: {
      name: scenario.file.name,
      nameZh: scenario.file.nameZh ?? null,
      description: scenario.file.description ?? null,
      fileName: scenario.fileName,
      preset: scenario.preset,
      overrides: { ...scenario.file.overrides },
    },
    osm: 'osm' in scenario.file.network,
    allStations: {
      type: 'FeatureCollection',
      features: scenario.stations.map((st) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [st.lon, st.lat] },
        properties: { id: st.id, name: st.name, nameZh: st.nameZh ?? null, class: st.class, status: st.status, year: st.year ?? null },
      })),
    },
    demandTotal: ctx.demand ? ctx.demandTotal : null,
    indicators: scenario.file.indicators ?? {},
    coverage,
    comparison: compared,
    layers: { stations: layers.stations!, service_areas: layers.service_areas!, districts: layers.districts!, gaps: layers.gaps! },
    roads,
    barriers: scenario.features.barriers as FeatureCollection,
    waterSources: scenario.features.waterSources as FeatureCollection,
    arrival,
    water:
      water && figures && opts.waterText && built.water
        ? {
            analysis: water,
            layers: built.water,
            summary: { en: opts.waterText.lines(figures, 'en'), zh: opts.waterText.lines(figures, 'zh') },
            table: { en: opts.waterText.table(figures, 'en'), zh: opts.waterText.table(figures, 'zh') },
          }
        : null,
    siting: opts.siting ?? null,
    townships: opts.townships ?? null,
    risk: run.risk,
  };
}
