import type { FeatureCollection } from 'geojson';
import { InputError, isInputError } from '../input_error';
import { closeRoads } from '../cost/closures';
import { readEdgeTable } from '../io/edge_table';
import { parseRoadsJson, readGeoJsonRoads } from '../io/geojson_roads';
import { readGeoJsonRoadsStream } from '../io/geojson_roads_stream';
import type { ByteChunks } from '../io/byte_chunks';
import { detectChinaOffset } from '../io/crs_detect';
import { offsetWarning, type InputWarning } from '../io/import_report';
import { applyStatusTable, layerFormat, layerPath, readLayer, type LayerFormat, type LayerImportReport, type LayerRef } from '../io/layer_source';
import { roadFields } from '../io/road_fields';
import type { LonLat } from '../io/china_offsets';
import { emptyMapFeatures, type MapFeatures } from '../io/map_features';
import { isNetworkFile, readNetworkFile } from '../io/network_file';
import { readOsm } from '../io/osm_import';
import { CHINESE_ROAD_CLASSES, type RoadClass } from '../network/road_class';
import type { RoadNetwork } from '../network/road_network';
import { SnapIndex } from '../spatial/snap_index';
import { applySpeedModel, speedModelWith, type SpeedModel } from '../cost/speed_model';
import { timeOfDayWith, type TimeOfDayProfile } from '../cost/time_of_day';
import { withTurnModel } from '../network/turn_restrictions';
import { PRESETS, withOverrides, type StandardsPreset } from '../standards/preset';
import { parseBarriers, parseDemand, parseHydrants, parsePolygons, parseStudyArea, parseWaterAtlas, parseWaterSources, stationFeatures, stationRecords } from './layers';
import type { AnalysisSettings, LoadedScenario, ScenarioFile, Station, StationInput, WaterSettings } from './scenario_types';
import { normaliseStation } from './stations';
import { FROM_NETWORK, problemsError, SCENARIO_SCHEMA, stationProblems, validateScenario } from './validate_scenario';
import { utf8Text } from '../web_globals';
import { loadRiskLayers } from '../risk/load_risk';

/** Reads a file named in the scenario, by its path relative to the scenario file. */
export type ReadScenarioFile = (relativePath: string) => Promise<Uint8Array>;

/**
 * Opens a file named in the scenario as a stream of byte chunks, or gives undefined to have it read
 * whole (the CLI streams large files): GeoJSON networks and layers are then read feature by feature.
 */
export type OpenScenarioStream = (relativePath: string) => Promise<ByteChunks | undefined>;

/** Defaults of `analysis` (see AnalysisSettings). `year` 0 = existing stations only. */
export const DEFAULT_ANALYSIS: Readonly<Required<AnalysisSettings>> = {
  accessDistanceM: 150,
  cellSizeM: 25,
  bandsS: [180, 240, 300],
  year: 0,
  maxSnapDistanceM: 250,
};

/** Defaults of `water` (see WaterSettings): hydrants on municipal roads, not on motorways or service lanes. */
export const DEFAULT_WATER: Readonly<Required<WaterSettings>> = {
  hydrantRoadClasses: ['primary', 'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street'],
  hydrantMaxSnapM: 30,
  severeCold: false,
  intakeMaxSnapM: 50,
  intakeTimeS: 300,
};

/**
 * Loads a scenario: validates it (InputError naming the field), reads the network with the right
 * importer, applies the speed model and closures, resolves the standards preset, normalises the
 * stations (Chinese class names, turnout from the preset), parses every layer (errors name the file and
 * the feature index) and fills the analysis / water defaults.
 *
 * `fileName` is the scenario's path as the user gave it (used in messages, and to show the paths of the
 * files it names); `readFile` receives paths exactly as written in the scenario, relative to it.
 */
export async function loadScenario(json: unknown, fileName: string, readFile: ReadScenarioFile, openStream?: OpenScenarioStream): Promise<LoadedScenario> {
  const file = validateScenario(json, fileName);
  const read = async (field: string, rel: string): Promise<{ bytes: Uint8Array; name: string }> => {
    const name = beside(fileName, rel);
    try {
      return { bytes: await readFile(rel), name };
    } catch (e) {
      if (isInputError(e)) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new InputError({ file: fileName }, `${field}: cannot read "${rel}" (${name}): ${why}`, `${field}：无法读取 "${rel}"（${name}）：${why}`);
    }
  };
  const readText = async (field: string, rel: string): Promise<{ text: string; name: string }> => {
    const { bytes, name } = await read(field, rel);
    return { text: decodeText(bytes), name };
  };
  const imports: LayerImportReport[] = [];
  const warnings: InputWarning[] = [];
  let hintLonDeg: number | undefined;
  /** A layer in any supported format and CRS, as WGS84 GeoJSON (see readLayer); its report is kept. */
  const readGeoJson = async (field: string, ref: LayerRef, parseJson?: (text: string, file: string) => unknown, format?: LayerFormat): Promise<{ fc: FeatureCollection; name: string }> => {
    const rel = layerPath(ref);
    const name = beside(fileName, rel);
    const stream = openStream && ((p: string) => (p === rel ? openStream(p) : Promise.resolve(undefined)));
    const { fc, report } = await readLayer(ref, { layer: field, displayName: name, read: async (p) => (p === rel ? (await read(field, p)).bytes : readFile(p)), hintLonDeg, parseJson, ...(format ? { format } : {}), ...(stream ? { openStream: stream } : {}) });
    imports.push(report);
    return { fc, name };
  };

  // Speed model and preset first: cheap, and their errors should not wait for a big network read.
  const speedModel = speedModelOf(file, fileName);
  const preset = presetOf(file, fileName);

  // Network
  let network: RoadNetwork;
  let osmFeatures: MapFeatures | null = null;
  const net = file.network;
  if ('osm' in net) {
    const { bytes, name } = await read('network.osm', net.osm);
    // A network file written by `firecover import` stands in for the OSM file it was imported from.
    const imported = isNetworkFile(bytes) ? readNetworkFile(bytes, name) : readOsm(bytes, name, { speedModel });
    network = imported.network;
    osmFeatures = imported.features ?? null;
  } else if ('geojson' in net || 'shapefile' in net) {
    const ref = 'geojson' in net ? net.geojson : net.shapefile;
    const r = typeof ref === 'string' ? { path: ref } : ref;
    // A large GeoJSON network streams straight into typed arrays (no object per feature kept).
    const utf8 = r.encoding === undefined || /^utf-?8$/i.test(r.encoding.trim());
    const stream = 'geojson' in net && utf8 && openStream ? await openStream(r.path) : undefined;
    if (stream) {
      const name = beside(fileName, r.path);
      const streamed = await readGeoJsonRoadsStream(stream, name, { speedModel, ...(r.crs === undefined ? {} : { crs: r.crs }), ...(r.columns ? { columns: r.columns } : {}) });
      imports.push(streamed.report);
      network = streamed.network;
    } else {
      // The scenario names the format (network.geojson / network.shapefile): the file's extension does not decide.
      const { fc, name } = await readGeoJson('network', ref, parseRoadsJson, 'geojson' in net ? 'geojson' : 'shapefile');
      network = readGeoJsonRoads(roadFields(fc, typeof ref === 'string' ? {} : ref.columns), name, { speedModel });
    }
  } else {
    const edges = await readText('network.edges', net.edges);
    const nodes = net.nodes === undefined ? undefined : await readText('network.nodes', net.nodes);
    network = readEdgeTable(edges.text, edges.name, nodes && { csv: nodes.text, file: nodes.name });
  }

  hintLonDeg = meanLongitude(network);

  // Closures, then costs from the speed model (closed links stay Infinity).
  if (file.closures) {
    const c = file.closures;
    const polygons = c.polygons === undefined ? [] : await readGeoJson('closures.polygons', c.polygons).then(({ fc, name }) => parsePolygons(fc, name));
    if ((c.links?.length ?? 0) + (c.ways?.length ?? 0) + polygons.length > 0) {
      network = closeRoads(network, { linkIds: c.links, wayIds: c.ways, polygons, source: `${fileName} closures` });
    }
  }
  network = applySpeedModel(network, speedModel);
  // Turn rules, only when the scenario asks (docs/search.md): every search on the network then applies them.
  if (file.turns !== undefined) {
    const { restrictions, ...penalties } = file.turns;
    network = withTurnModel(network, { restrictions: restrictions !== false, penalties });
  }

  // Stations
  let inputs: { input: StationInput; path: string; file: string; feature?: string }[];
  if (Array.isArray(file.stations)) {
    inputs = file.stations.map((s, i) => ({ input: s, path: `stations[${i}]`, file: fileName }));
  } else if (file.stations === FROM_NETWORK) {
    const cls = preset.id === 'nfpa1710' ? 'engine' : 'class1';
    inputs = (osmFeatures ?? emptyMapFeatures()).stations.features.map((f, i) => ({
      input: { id: f.properties.id, name: f.properties.name || f.properties.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], class: cls, status: 'existing' },
      path: `stations (from-network) [${i}]`,
      file: fileName,
    }));
  } else {
    const { fc, name } = await readGeoJson('stations', file.stations);
    // Tables, Shapefiles and KML carry their own columns (编号, 所在道路 …) beside the recognised ones: keep the station fields.
    const own = layerFormat(layerPath(file.stations)) !== 'geojson';
    inputs = stationRecords(fc, name).map((raw, i) => {
      const r = own ? Object.fromEntries(Object.entries(raw).filter(([k]) => STATION_FIELDS.has(k))) : raw;
      const problems = stationProblems(r, '');
      if (problems.length > 0) throw problemsError(name, problems.map((p) => ({ ...p, path: p.path || 'properties' })), `feature ${i}`);
      return { input: r as unknown as StationInput, path: `feature ${i}`, file: name, feature: `feature ${i}` };
    });
    const seen = new Map<string, number>();
    inputs.forEach(({ input }, i) => {
      const first = seen.get(input.id);
      if (first !== undefined) throw new InputError({ file: name, feature: `feature ${i}` }, `duplicate station id "${input.id}" (also feature ${first})`, `消防站编号 "${input.id}" 重复（与 feature ${first} 相同）`);
      seen.set(input.id, i);
    });
  }
  const stations: Station[] = inputs.map(({ input }) => normaliseStation(input, preset));
  const analysis = analysisOf(file);
  const snap = new SnapIndex(network);
  const offLayer = (layer: string, layerFile: string, points: LonLat[]): InputWarning | undefined => {
    const finding = detectChinaOffset(points, (lon, lat) => snap.nearest(lon, lat, OFFSET_SEARCH_M)?.distanceM ?? OFFSET_SEARCH_M);
    if (!finding) return undefined;
    const w = offsetWarning(layer, layerFile, finding);
    warnings.push(w);
    return w;
  };
  const stationsFile = Array.isArray(file.stations) ? fileName : file.stations === FROM_NETWORK ? fileName : beside(fileName, layerPath(file.stations));
  const stationWarning = file.stations === FROM_NETWORK ? undefined : offLayer('stations', stationsFile, stations.map((s) => [s.lon, s.lat]));
  checkStationsNearRoads(snap, stations, inputs, analysis.maxSnapDistanceM, stationWarning);

  // Layers
  const features: MapFeatures = emptyMapFeatures();
  features.stations = stationFeatures(stations);
  const fromNet = osmFeatures ?? emptyMapFeatures();
  if (file.hydrants === FROM_NETWORK) features.hydrants = fromNet.hydrants;
  else if (file.hydrants !== undefined) {
    let { fc, name } = await readGeoJson('hydrants', file.hydrants);
    if (file.hydrantStatus !== undefined) {
      const rel = layerPath(file.hydrantStatus);
      const updated = await applyStatusTable(fc, file.hydrantStatus, { layer: 'hydrantStatus', displayName: beside(fileName, rel), read: async (p) => (await read('hydrantStatus', p)).bytes });
      imports.push(updated.report);
      fc = updated.fc;
    }
    features.hydrants = parseHydrants(fc, name);
  }
  if (file.waterSources === FROM_NETWORK) features.waterSources = fromNet.waterSources;
  else if (file.waterSources !== undefined) features.waterSources = await readGeoJson('waterSources', file.waterSources).then(({ fc, name }) => parseWaterSources(fc, name));
  if (file.waterAtlas !== undefined) {
    let { fc, name } = await readGeoJson('waterAtlas', file.waterAtlas);
    if (file.waterStatus !== undefined) {
      const rel = layerPath(file.waterStatus);
      const updated = await applyStatusTable(fc, file.waterStatus, { layer: 'waterStatus', displayName: beside(fileName, rel), read: async (p) => (await read('waterStatus', p)).bytes });
      imports.push(updated.report);
      fc = updated.fc;
    }
    const atlas = parseWaterAtlas(fc, name);
    features.hydrants = atlas.hydrants;
    features.waterSources = atlas.waterSources;
    offLayer('waterAtlas', name, [...atlas.hydrants.features, ...atlas.waterSources.features].flatMap((f): LonLat[] => (f.geometry.type === 'Point' ? [[f.geometry.coordinates[0], f.geometry.coordinates[1]]] : [])));
  }
  if (file.barriers === FROM_NETWORK) features.barriers = fromNet.barriers;
  else if (file.barriers !== undefined) features.barriers = await readGeoJson('barriers', file.barriers).then(({ fc, name }) => parseBarriers(fc, name));

  for (const [layer, ref] of [['hydrants', file.hydrants], ['waterSources', file.waterSources]] as const) {
    if (ref === undefined || ref === FROM_NETWORK) continue;
    const fc = layer === 'hydrants' ? features.hydrants : features.waterSources;
    const points = fc.features.flatMap((f): LonLat[] => (f.geometry.type === 'Point' ? [[f.geometry.coordinates[0], f.geometry.coordinates[1]]] : []));
    offLayer(layer, beside(fileName, layerPath(ref)), points);
  }

  const demand = file.demand === undefined ? null : await readGeoJson('demand', file.demand).then(({ fc, name }) => parseDemand(fc, name, file.demandProperty ?? 'population'));
  const studyArea = file.studyArea === undefined ? null : await readGeoJson('studyArea', file.studyArea).then(({ fc, name }) => parseStudyArea(fc, name));
  const risk = await loadRiskLayers(file, preset, fileName, (field, ref) => readGeoJson(field, ref));

  return {
    file,
    fileName,
    network,
    speedModel,
    ...(file.timeOfDay !== undefined ? { timeOfDay: timeOfDayOf(file, fileName) } : {}),
    preset,
    stations,
    features,
    demand,
    studyArea,
    analysis,
    water: waterOf(file),
    imports,
    warnings,
    ...(risk ? { risk } : {}),
  };
}

/** The fields of a station (the schema's), kept from a table-like stations layer. */
const STATION_FIELDS: ReadonlySet<string> = new Set(Object.keys((SCENARIO_SCHEMA as { definitions: { station: { properties: Record<string, unknown> } } }).definitions.station.properties));

/** Road distance searched by the GCJ-02 test, metres (farther counts as this far). */
const OFFSET_SEARCH_M = 2000;

/** The mean longitude of the network's nodes (names the Gauss–Krüger zone of undeclared projected layers). */
function meanLongitude(net: RoadNetwork): number | undefined {
  if (net.nodeCount === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < net.nodeCount; i++) sum += net.nodeLon[i];
  return sum / net.nodeCount;
}

/** Every station must sit within `maxM` of a road, open or closed (a typo in lon/lat usually puts it far away). */
function checkStationsNearRoads(index: SnapIndex, stations: Station[], inputs: { path: string; file: string; feature?: string }[], maxM: number, offset?: InputWarning): void {
  if (stations.length === 0) return;
  stations.forEach((s, i) => {
    if (index.nearest(s.lon, s.lat, maxM)) return;
    const near = index.nearest(s.lon, s.lat);
    const d = near ? `${Math.round(near.distanceM)} m` : 'far';
    const { path, file, feature } = inputs[i];
    const place = feature === undefined ? { file } : { file, feature };
    const label = feature === undefined ? `${path} (${s.id})` : `station ${s.id}`;
    throw new InputError(
      place,
      `${label} is ${d} from the nearest road, more than analysis.maxSnapDistanceM = ${maxM} m: check its lon/lat, or raise maxSnapDistanceM${offset ? `. ${offset.en}` : ''}`,
      `${label} 距最近道路 ${d}，超过 analysis.maxSnapDistanceM = ${maxM} m：请检查经纬度，或调大 maxSnapDistanceM${offset ? `。${offset.zh}` : ''}`,
    );
  });
}

function timeOfDayOf(file: ScenarioFile, fileName: string): TimeOfDayProfile {
  try {
    return timeOfDayWith(file.timeOfDay);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError({ file: fileName }, `timeOfDay: ${e.message}`, `timeOfDay：${e.message}`);
    throw e;
  }
}

function speedModelOf(file: ScenarioFile, fileName: string): SpeedModel {
  try {
    return speedModelWith(file.speedModel ?? {});
  } catch (e) {
    if (e instanceof RangeError) throw new InputError({ file: fileName }, `speedModel: ${e.message}`, `speedModel：${e.message}`);
    throw e;
  }
}

function presetOf(file: ScenarioFile, fileName: string): StandardsPreset {
  const base = PRESETS[file.standards ?? 'cn'];
  if (!file.overrides || Object.keys(file.overrides).length === 0) return base;
  try {
    return withOverrides(base, file.overrides);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError({ file: fileName }, `overrides: ${e.message}`, `overrides：${e.message}`);
    throw e;
  }
}

/** `analysis` with every default filled in. */
export function analysisOf(file: Pick<ScenarioFile, 'analysis'>): Required<AnalysisSettings> {
  const a = file.analysis ?? {};
  return {
    accessDistanceM: a.accessDistanceM ?? DEFAULT_ANALYSIS.accessDistanceM,
    cellSizeM: a.cellSizeM ?? DEFAULT_ANALYSIS.cellSizeM,
    bandsS: (a.bandsS ?? DEFAULT_ANALYSIS.bandsS).slice(),
    year: a.year ?? DEFAULT_ANALYSIS.year,
    maxSnapDistanceM: a.maxSnapDistanceM ?? DEFAULT_ANALYSIS.maxSnapDistanceM,
  };
}

/** `water` with every default filled in; Chinese road class names (主干路 …) become OSM classes. */
export function waterOf(file: Pick<ScenarioFile, 'water'>): Required<WaterSettings> {
  const w = file.water ?? {};
  const classes = (w.hydrantRoadClasses ?? DEFAULT_WATER.hydrantRoadClasses).map((c): string => CHINESE_ROAD_CLASSES[c] ?? (c as RoadClass));
  return {
    hydrantRoadClasses: [...new Set(classes)],
    hydrantMaxSnapM: w.hydrantMaxSnapM ?? DEFAULT_WATER.hydrantMaxSnapM,
    severeCold: w.severeCold ?? DEFAULT_WATER.severeCold,
    intakeMaxSnapM: w.intakeMaxSnapM ?? DEFAULT_WATER.intakeMaxSnapM,
    intakeTimeS: w.intakeTimeS ?? DEFAULT_WATER.intakeTimeS,
  };
}

/** UTF-8 text of a file (a byte-order mark is dropped). */
function decodeText(bytes: Uint8Array): string {
  return utf8Text(bytes).replace(/^\uFEFF/, '');
}

/** The path of `rel` beside the scenario file, for messages ("city/roads.geojson"). Pure string work: no file system. */
export function beside(scenarioFile: string, rel: string): string {
  if (/^([a-zA-Z]:)?[\\/]/.test(rel) || /^[a-z]+:\/\//.test(rel)) return rel;
  const cut = Math.max(scenarioFile.lastIndexOf('/'), scenarioFile.lastIndexOf('\\'));
  return cut < 0 ? rel : `${scenarioFile.slice(0, cut + 1)}${rel}`;
}
