// Type-only pin of @firecover/core's main signatures (compiled by `pnpm typecheck`, never run; the idea
// of turf's types.ts). A change to a parameter or a result type of the public API fails to compile here.
// Runtime names are pinned by public_api.test.ts.
import {
  coverageByHour,
  DEFAULT_TIME_OF_DAY,
  networkAtHour,
  parseHours,
  turnRestrictionTable,
  withTurnModel,
  withTurnRestrictions,
  type CoverageByHour,
  type TurnModel,
  type TurnRestrictionTable,
  addStation,
  analyzeCoverage,
  analyzeWater,
  applySpeedModel,
  CHINA_PRESET,
  closeRoads,
  compareStationSets,
  comparisonSummary,
  coverageLayers,
  coverageSummary,
  DEFAULT_SPEED_MODEL,
  detectOsmFormat,
  distanceM,
  InputError,
  isInputError,
  LinkFlag,
  loadScenario,
  multiSourceSearch,
  planStationSets,
  PRESETS,
  rankSources,
  reachedLengthM,
  reachedPieces,
  readEdgeTable,
  readGeoJsonRoads,
  readGeoJsonRoadsStream,
  readOsmStream,
  readOsm,
  RoadNetworkBuilder,
  scenarioProblems,
  SnapIndex,
  stationsInService,
  validateScenario,
  waterLayers,
  waterFigures,
  analyzeScenario,
  analyzeRisk,
  networkForVehicle,
  DEFAULT_VEHICLE_PROFILES,
  type RiskAnalysis,
  parseStationSet,
  readNetworkFile,
  writeNetworkFile,
  writeShapefile,
  shapefilePrj,
  withOverrides,
  writeEdgeTable,
  type ClosureReport,
  type ComparisonSummary,
  type CoverageAnalysis,
  type CoverageLayers,
  type ScenarioAnalysis,
  type StationSetChoice,
  type WaterFigures,
  type NetworkFileContents,
  type ShapefileLayer,
  type CoverageSummary,
  type InputErrorPlace,
  type LayerImportReport,
  type LoadedScenario,
  type MapFeatures,
  type OsmImport,
  type OsmImportReport,
  type RankedSource,
  type ReachedPiece,
  type RoadNetwork,
  type ScenarioFile,
  type ScenarioProblem,
  type SearchResult,
  type SearchSource,
  type SetComparison,
  type Snap,
  type StandardsPreset,
  type Station,
  type StationSet,
  type WaterAnalysis,
  type WaterLayers,
} from './index';

/** `true` only when `value` has type `T` exactly (assignable both ways), so `… satisfies true` pins it. */
declare function exact<T>(): <U>(value: U) => [T] extends [U] ? ([U] extends [T] ? true : false) : false;

declare const bytes: Uint8Array;
declare const json: unknown;
declare const scenario: LoadedScenario;
declare const station: Station;

// errors
const err = new InputError({ file: 'a.csv', line: 3 }, 'bad value', '数值错误');
exact<InputErrorPlace>()(err.where) satisfies true;
exact<boolean>()(isInputError(err as unknown)) satisfies true;

// network and builder
const b = new RoadNetworkBuilder((flat, start, end) => end - start);
const n0: number = b.addNode(1, 104.6, 30.1);
const n1: number = b.addNode(2, 104.61, 30.1);
const l0: number = b.addLink({ source: n0, target: n1, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD });
void l0;
// the positional path for edge-table rows, with room reserved from known counts
b.reserve(2, 2);
const l1: number = b.addPlainLink(7, n1, n0, LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD, 12, Infinity, NaN, 0, undefined);
void l1;
const net: RoadNetwork = b.build();
exact<number>()(distanceM(104.6, 30.1, 104.61, 30.1)) satisfies true;

// importers
exact<OsmImport>()(readOsm(bytes, 'city.osm.pbf')) satisfies true;
exact<Promise<OsmImport>>()(readOsmStream(() => [bytes], 'city.osm.pbf', {}, { size: bytes.length, cacheLimitBytes: 0 })) satisfies true;
exact<RoadNetwork>()(readOsm('<osm/>', 'city.osm', { includeClasses: ['primary'] }).network) satisfies true;
exact<MapFeatures>()(readOsm(bytes, 'city.osm.pbf').features) satisfies true;
exact<OsmImportReport>()(readOsm(bytes, 'city.osm.pbf').report) satisfies true;
exact<'pbf' | 'xml' | undefined>()(detectOsmFormat(bytes)) satisfies true;
exact<RoadNetwork>()(readEdgeTable('id,source,target,cost,reverse_cost\n', 'edges.csv')) satisfies true;
exact<{ edgesCsv: string; nodesCsv: string }>()(writeEdgeTable(net)) satisfies true;
exact<RoadNetwork>()(readGeoJsonRoads('{}', 'roads.geojson', { toleranceM: 0.5 })) satisfies true;
exact<Promise<{ network: RoadNetwork; report: LayerImportReport }>>()(readGeoJsonRoadsStream([bytes], 'roads.geojson', { toleranceM: 0.5, crs: 'EPSG:4547' })) satisfies true;

// costs
exact<RoadNetwork>()(applySpeedModel(net, DEFAULT_SPEED_MODEL)) satisfies true;
exact<RoadNetwork>()(closeRoads(net, { linkIds: [1] })) satisfies true;
declare const closures: ClosureReport;
exact<number[]>()(closures.linkIndices) satisfies true;

// snapping and searches
const snaps = new SnapIndex(net);
exact<Snap | null>()(snaps.nearest(104.6, 30.1, 250)) satisfies true;
exact<Snap[]>()(snaps.within(104.6, 30.1, 100)) satisfies true;
const sources: SearchSource[] = [{ node: n0, startCost: 60 }];
const result = multiSourceSearch(net, sources, { budget: 300 });
exact<SearchResult>()(result) satisfies true;
exact<Float64Array>()(result.cost) satisfies true;
exact<Int32Array>()(result.source) satisfies true;
exact<ReachedPiece[]>()(reachedPieces(result)) satisfies true;
exact<number>()(reachedLengthM(result)) satisfies true;
exact<RankedSource[]>()(rankSources(net, { node: n1 }, sources, 3)) satisfies true;
const turnTable = turnRestrictionTable(net, [{ fromLink: 0, viaNode: n1, toLink: 1, kind: 'no' }]);
exact<TurnRestrictionTable>()(turnTable) satisfies true;
exact<RoadNetwork>()(withTurnModel(withTurnRestrictions(net, turnTable), { penalties: { leftS: 5 } })) satisfies true;
exact<SearchResult>()(multiSourceSearch(net, sources, { turns: { table: turnTable } satisfies TurnModel })) satisfies true;
exact<RoadNetwork>()(networkAtHour(net, DEFAULT_TIME_OF_DAY, 8)) satisfies true;
exact<number[]>()(parseHours('0-23')) satisfies true;

// standards
exact<StandardsPreset>()(withOverrides(CHINA_PRESET, { responseS: 240 })) satisfies true;
exact<Readonly<Record<string, StandardsPreset>>>()(PRESETS) satisfies true;
exact<number>()(CHINA_PRESET.responseS.value) satisfies true;
exact<string>()(CHINA_PRESET.responseS.clause) satisfies true;

// scenarios
exact<ScenarioFile>()(validateScenario(json, 'scenario.json')) satisfies true;
exact<ScenarioProblem[]>()(scenarioProblems(json)) satisfies true;
exact<Promise<LoadedScenario>>()(loadScenario(json, 'scenario.json', async (path: string) => new Uint8Array(path.length))) satisfies true;
exact<Station[]>()(stationsInService(scenario, 2030)) satisfies true;

// coverage
const coverage = analyzeCoverage(scenario);
exact<CoverageAnalysis>()(coverage) satisfies true;
exact<CoverageAnalysis>()(addStation(coverage, station)) satisfies true;
exact<CoverageSummary>()(coverageSummary(coverage)) satisfies true;
exact<CoverageByHour>()(coverageByHour(coverage, [8, 12])) satisfies true;
exact<Partial<CoverageLayers>>()(coverageLayers(coverage)) satisfies true;
exact<StationSet[]>()(planStationSets(scenario)) satisfies true;
declare const comparison: SetComparison;
exact<ComparisonSummary>()(comparisonSummary(comparison)) satisfies true;
void compareStationSets;

// water
const water = analyzeWater(scenario, { districts: null }); // a LoadedScenario is a WaterInput
exact<WaterAnalysis>()(water) satisfies true;
exact<WaterLayers>()(waterLayers(water)) satisfies true;
exact<WaterFigures>()(waterFigures(water)) satisfies true;

// the whole pipeline
const run = analyzeScenario(scenario, { stations: '2030', water: true, compare: true });
exact<ScenarioAnalysis>()(run) satisfies true;
exact<StationSetChoice>()(parseStationSet('planned', scenario)) satisfies true;
exact<RiskAnalysis | null>()(run.risk) satisfies true;
exact<RiskAnalysis | null>()(analyzeRisk(scenario, run.coverage)) satisfies true;
exact<RoadNetwork>()(networkForVehicle(scenario.network, DEFAULT_VEHICLE_PROFILES.aerial_25t)) satisfies true;

// network files
exact<Uint8Array>()(writeNetworkFile({ network: scenario.network })) satisfies true;
exact<NetworkFileContents>()(readNetworkFile(new Uint8Array(0), 'city.fcnet')) satisfies true;

// Shapefile output
exact<ShapefileLayer>()(writeShapefile({ type: 'FeatureCollection', features: [] }, 'layer', { encoding: 'gbk', prj: shapefilePrj(undefined).prj })) satisfies true;
