import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from './index';
import * as testing from './testing';

// The deliberate public API of @firecover/core, written out by hand: adding, removing or renaming a name
// must be a decision, so it fails here until this list is changed too. (Types are pinned by
// public_api_types.ts, which the type check compiles.)
const VALUES = [
  // errors
  'InputError',
  'isInputError',
  // the road network
  'RoadNetworkBuilder',
  'withLinkCosts',
  'networkBbox',
  'graphBytes',
  'ROAD_CLASSES',
  'roadClassCode',
  'roadClassName',
  'CHINESE_ROAD_CLASSES',
  'LinkFlag',
  'polylineLengthM',
  'distanceM',
  'linkCumulativeM',
  'pointOnLink',
  'linkSlice',
  'stronglyConnectedComponents',
  'islandOf',
  // importers and exporters
  'readOsm',
  'detectOsmFormat',
  'DEFAULT_DRIVABLE_CLASSES',
  'emptyMapFeatures',
  'readEdgeTable',
  'writeEdgeTable',
  'readNetworkFile',
  'writeNetworkFile',
  'isNetworkFile',
  'NETWORK_FILE_VERSION',
  // coordinates and layer formats
  'WGS84',
  'resolveCrs',
  'crsFromWkt',
  'gaussKrugerZone',
  'gaussKrugerEpsg',
  'wgs84ToGcj02',
  'gcj02ToWgs84',
  'gcj02ToBd09',
  'bd09ToGcj02',
  'wgs84ToBd09',
  'bd09ToWgs84',
  'detectChinaOffset',
  'projectedCrsHint',
  'readLayer',
  'reproject',
  'layerPath',
  'layerFormat',
  'applyStatusTable',
  'importReportLines',
  'offsetWarning',
  'readShapefile',
  'readXlsxSheet',
  'pointTable',
  'decodeTextAuto',
  'readKml',
  'writeKml',
  'writeShapefile',
  'shapefilePrj',
  'WGS84_PRJ',
  'roadFields',
  'parseRoadsJson',
  'networkStatistics',
  'placeOnLink',
  'placeEndNode',
  'normalisePlace',
  'AT_NODE_TOLERANCE_M',
  'travellable',
  'travellableLink',
  'undirectedView',
  'costAtPlace',
  'reachTable',
  'stationsOnIslands',
  'routeLine',
  'dueRanking',
  'requireTravellableNetwork',
  'neutraliseFormula',
  'restoreFormula',
  'parseJsonText',
  'requireStationsInService',
  'readGeoJsonRoads',
  'readGeoJsonRoadsStream',
  'readOsmStream',
  'PBF_STREAM_CACHE_BYTES',
  'streamGeoJsonFeatures',
  'readGeoJsonDocument',
  'GEOJSON_MAX_VALUE_BYTES',
  'chunksOf',
  'chunksOfBuffer',
  // travel costs
  'DEFAULT_SPEED_MODEL',
  'speedModelWith',
  'applySpeedModel',
  'DEFAULT_TIME_OF_DAY',
  'timeOfDayWith',
  'speedFactor',
  'networkAtHour',
  'parseHours',
  'TurnKind',
  'turnRestrictionTable',
  'withTurnRestrictions',
  'withTurnModel',
  'closeRoads',
  'closeLinks',
  'findClosedLinks',
  // snapping and geometry predicates
  'SnapIndex',
  'snapEndNode',
  'pointInPolygon',
  // searches
  'multiSourceSearch',
  'SearchWorkspace',
  'reachedPieces',
  'reachedLengthM',
  'rankSources',
  // standards
  'CHINA_PRESET',
  'NFPA1710_PRESET',
  'PRESETS',
  'STATION_CLASSES',
  'STATION_CLASS_LABELS',
  'STATION_CLASS_ALIASES',
  'STATION_STATUSES',
  'STATION_STATUS_ALIASES',
  'withOverrides',
  'districtCapKm2',
  // scenarios
  'validateScenario',
  'scenarioProblems',
  'stationProblems',
  'SCENARIO_SCHEMA',
  'FROM_NETWORK',
  'loadScenario',
  'DEFAULT_ANALYSIS',
  'DEFAULT_WATER',
  'stationsInService',
  // coverage
  'analyzeCoverage',
  'addStation',
  'coverageLinkDistricts',
  'landAccessLink',
  'planStationSets',
  'compareStationSets',
  'coverageLayers',
  'arrivalBandLayer',
  'coverageSummary',
  'coverageByHour',
  'comparisonSummary',
  // water
  'analyzeWater',
  'DEFAULT_WATER_SETTINGS',
  'DEFAULT_COUNTING_STATUSES',
  'waterLayers',
  'waterFigures',
  'WATER_FIGURE_KEYS',
  'linkDistricts',
  // the whole pipeline
  'analyzeScenario',
  'parseStationSet',
  'stationsOfSet',
  // the planning report's indicators
  'PLAN_INDICATORS',
  'PLAN_INDICATOR_TARGETS',
  // station siting
  'solveSiting',
  'SITING_MODELS',
  'SitingSetupError',
  'evaluateSet',
  'highsMipSolver',
  'costMatrixFromEntries',
  'costMatrixFromDense',
  'withinCost',
  'costMatrixRows',
  'costMatrixFromTables',
  'generateCandidates',
  'candidatesFromGeoJson',
  'checkCandidates',
  'networkCostMatrix',
  'siteScenario',
  'parseFeatureCollection',
  // risk and capability
  'HAZARD_CLASSES',
  'HAZARD_CLASS_LABELS',
  'HAZARD_CLASS_ALIASES',
  'LINEAR_HAZARD_CLASSES',
  'DEFAULT_HAZARD_CLASS_RULES',
  'DEFAULT_VEHICLE_PROFILES',
  'DEFAULT_CAPABILITY_VEHICLE',
  'analyzeRisk',
  'riskSummary',
  'riskLayers',
  'FULL_TIME_CLASSES',
  'riskRules',
  'networkForVehicle',
  'vehicleLimitCounts',
  'linksClosedToVehicle',
];

const TESTING = [
  'thrownInputError',
  'testScenario',
  'testStation',
  'gridNetwork',
  'referenceSearch',
  'LON0',
  'LAT0',
  'toLonLat',
  'metricNetwork',
  'hydrantsAt',
  'waterInput',
  'PGR_VERTICES',
  'PGR_EDGES',
  'pgrSampleNetwork',
  'prng',
  'randomGrid',
  'toOsmXml',
  'toOsmPbf',
  'lineNodes',
];

describe('the public API of @firecover/core', () => {
  it('exports exactly the chosen values', () => {
    expect(Object.keys(core).sort()).toEqual([...VALUES].sort());
    expect(new Set(VALUES).size).toBe(VALUES.length);
  });

  it('keeps test helpers out of the main entry and in @firecover/core/testing', () => {
    expect(Object.keys(testing).sort()).toEqual([...TESTING].sort());
    for (const name of TESTING) expect(VALUES).not.toContain(name);
  });

  it('documents every exported name with a doc comment where it is declared', () => {
    const index = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const undocumented: string[] = [];
    let names = 0;
    for (const m of index.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'\.\/([^']+)'/g)) {
      const source = readFileSync(new URL(`./${m[2]}.ts`, import.meta.url), 'utf8').split('\n');
      for (const raw of m[1].split(',')) {
        const name = raw.trim().replace(/^type\s+/, '');
        if (!name) continue;
        names++;
        const decl = new RegExp(`^export\\s+(?:async\\s+)?(?:function\\*?|const|class|interface|type|let)\\s+${name}\\b`);
        const at = source.findIndex((l) => decl.test(l));
        if (at < 0 || !source[at - 1]?.trimEnd().endsWith('*/')) undocumented.push(`${name} (${m[2]}.ts)`);
      }
    }
    expect(names).toBeGreaterThan(VALUES.length); // the type names are checked too
    expect(undocumented).toEqual([]);
  });
});
