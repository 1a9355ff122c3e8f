import type { Feature, FeatureCollection } from 'geojson';
import type { MapView } from '../map/map_view';
import { readSources, visibleSources } from './print_layers';

/**
 * The visible layers as one GeoJSON FeatureCollection: every feature keeps its properties and gains
 * `fc_layer`, the name of the layer it came from (`districts`, `service_areas`, `roads`, …, the names of
 * `firecover analyze --out`'s files), in the map's drawing order, bottom first. Only the layers switched
 * on in the legend (and drawn at the current zoom) are included; the study area always is.
 */
export async function visibleLayersGeojson(view: MapView): Promise<FeatureCollection> {
  const names = visibleSources(view);
  const data = await readSources(view, names);
  const features: Feature[] = [];
  // the label points of the communities and townships (worker/risk_layers.ts, `fc_label`) repeat their area: left out
  for (const name of names) for (const f of data[name]?.features ?? []) if (f.properties?.fc_label !== true) features.push({ ...f, properties: { ...f.properties, fc_layer: name } });
  return { type: 'FeatureCollection', features };
}
