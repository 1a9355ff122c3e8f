import CheapRuler from 'cheap-ruler';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { LinkFlag, roadClassCode } from '../network/road_class';
import { polylineLengthM } from '../network/geodesy';
import { emptyMapFeatures, type HydrantProps, type MapFeatures } from '../io/map_features';
import { CHINA_PRESET } from '../standards/preset';
import type { WaterInput } from './analyze_water';
import { DEFAULT_WATER_SETTINGS } from './analyze_water';

/**
 * Test fixtures for the water tests (not part of the public API): networks drawn in local metres
 * (x east, y north) around (116.4, 39.9), with exact lengths, so that hand-computed distances hold to
 * float precision, and hydrants placed in the same frame.
 */
export const LON0 = 116.4;
export const LAT0 = 39.9;
const R = new CheapRuler(LAT0, 'meters');

export function toLonLat(x: number, y: number): [number, number] {
  return [LON0 + x / R.kx, LAT0 + y / R.ky];
}

export interface TestLink {
  from: number;
  to: number;
  /** Intermediate points in metres (for bends). */
  via?: [number, number][];
  roadClass?: string;
  flags?: number;
  widthM?: number;
  name?: string;
}

/** Nodes in metres; links between node indices, two-way at 36 km/h (10 m/s). */
export function metricNetwork(nodes: [number, number][], links: TestLink[]): RoadNetwork {
  const b = new RoadNetworkBuilder(polylineLengthM);
  nodes.forEach(([x, y], i) => b.addNode(i + 1, ...toLonLat(x, y)));
  for (const k of links) {
    const pts = [nodes[k.from], ...(k.via ?? []), nodes[k.to]];
    let lengthM = 0;
    for (let i = 1; i < pts.length; i++) lengthM += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
    const geometry = pts.flatMap(([x, y]) => toLonLat(x, y));
    b.addLink({
      source: k.from,
      target: k.to,
      geometry,
      lengthM,
      roadClass: roadClassCode(k.roadClass ?? 'residential'),
      flags: (k.flags ?? 0) | LinkFlag.FORWARD | LinkFlag.BACKWARD | LinkFlag.EXPLICIT_COST,
      forwardS: lengthM / 10,
      backwardS: lengthM / 10,
      widthM: k.widthM,
      name: k.name,
    });
  }
  return b.build();
}

export function hydrantsAt(points: [number, number][], status: HydrantProps['status'] = 'working'): FeatureCollection<Point, HydrantProps> {
  return {
    type: 'FeatureCollection',
    features: points.map(
      ([x, y], i): Feature<Point, HydrantProps> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: toLonLat(x, y) }, properties: { id: `h${i + 1}`, status } }),
    ),
  };
}

/** A WaterInput over `net` with the given features, China preset, no stations, no study area. */
export function waterInput(net: RoadNetwork, features: Partial<MapFeatures>): WaterInput {
  return {
    network: net,
    preset: CHINA_PRESET,
    stations: [],
    features: { ...emptyMapFeatures(), ...features },
    studyArea: null,
    analysis: { accessDistanceM: 150, cellSizeM: 25, bandsS: [180, 240, 300], year: 2025, maxSnapDistanceM: 250 },
    water: { ...DEFAULT_WATER_SETTINGS, hydrantRoadClasses: [...DEFAULT_WATER_SETTINGS.hydrantRoadClasses] },
  };
}
