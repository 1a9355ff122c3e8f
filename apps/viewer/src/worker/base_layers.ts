import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { LinkFlag, roadClassName, type LoadedScenario } from '@firecover/core';

/** Background layers drawn from the scenario itself: roads by class, water, railway, expressway, study area. */
export function baseLayers(s: LoadedScenario): Record<string, FeatureCollection> {
  const net = s.network;
  const roads: Feature[] = [];
  for (let l = 0; l < net.linkCount; l++) {
    const coords: number[][] = [];
    for (let i = net.geomOffset[l]; i < net.geomOffset[l + 1]; i++) coords.push([round(net.geomLon[i]), round(net.geomLat[i])]);
    const name = net.names[net.linkName[l]] ?? '';
    roads.push({ type: 'Feature', properties: { c: roadClassName(net.linkClass[l]), n: name, b: net.linkFlags[l] & LinkFlag.BRIDGE ? 1 : 0, t: net.linkFlags[l] & LinkFlag.TUNNEL ? 1 : 0 }, geometry: { type: 'LineString', coordinates: coords } });
  }
  const water: Feature[] = [];
  for (const f of s.features.waterSources.features) {
    if (f.properties.kind === 'water_body' || f.properties.kind === 'river') water.push(f as Feature);
  }
  const railway: Feature[] = [];
  const expressway: Feature[] = [];
  for (const f of s.features.barriers.features) {
    if (f.properties.kind === 'river') water.push(f as Feature);
    else if (f.properties.kind === 'railway') railway.push(f as Feature);
    else if (f.properties.kind === 'expressway') expressway.push(f as Feature);
  }
  return {
    roads: fc(roads),
    water: fc(water),
    railway: fc(railway),
    expressway: fc(expressway),
    study_area: s.studyArea ? (s.studyArea as FeatureCollection) : fc([]),
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function fc(features: Feature<Geometry | null>[]): FeatureCollection {
  return { type: 'FeatureCollection', features: features as Feature[] };
}
