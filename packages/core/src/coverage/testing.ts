import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { RoadNetwork } from '../network/road_network';
import { DEFAULT_SPEED_MODEL } from '../cost/speed_model';
import { emptyMapFeatures, type MapFeatures } from '../io/map_features';
import type { AnalysisSettings, LoadedScenario, Station } from '../scenario/scenario_types';
import { CHINA_PRESET, type StandardsPreset, type StationClass } from '../standards/preset';

/** Test fixture (not public API): a loaded scenario around a network built in a test. */
export function testScenario(
  net: RoadNetwork,
  stations: Station[],
  o: {
    preset?: StandardsPreset;
    analysis?: AnalysisSettings;
    features?: Partial<MapFeatures>;
    demand?: FeatureCollection<Point | Polygon | MultiPolygon, Record<string, unknown>> | null;
    studyArea?: FeatureCollection<Polygon | MultiPolygon> | null;
  } = {},
): LoadedScenario {
  return {
    file: { name: 'test', network: { geojson: 'roads.geojson' }, stations: [] },
    fileName: 'test.json',
    network: net,
    speedModel: DEFAULT_SPEED_MODEL,
    preset: o.preset ?? CHINA_PRESET,
    stations,
    features: { ...emptyMapFeatures(), ...o.features },
    demand: o.demand ?? null,
    studyArea: o.studyArea ?? null,
    analysis: {
      accessDistanceM: 150,
      cellSizeM: 25,
      bandsS: [180, 240, 300],
      year: 0,
      maxSnapDistanceM: 250,
      ...o.analysis,
    },
    water: { hydrantRoadClasses: [], hydrantMaxSnapM: 30, severeCold: false, intakeMaxSnapM: 50, intakeTimeS: 300 },
  };
}

/** A station fixture. */
export function testStation(id: string, lon: number, lat: number, o: { class?: StationClass; turnoutS?: number; status?: Station['status']; year?: number; urbanEdge?: boolean } = {}): Station {
  return {
    id,
    name: `Station ${id}`,
    lon,
    lat,
    class: o.class ?? 'class1',
    status: o.status ?? 'existing',
    turnoutS: o.turnoutS ?? 60,
    ...(o.year !== undefined ? { year: o.year } : {}),
    ...(o.urbanEdge !== undefined ? { urbanEdge: o.urbanEdge } : {}),
  };
}
