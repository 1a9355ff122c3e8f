import type { Feature, FeatureCollection, Point } from 'geojson';
import { districtLabelPoints } from '../plan/district_labels';

/**
 * The risk layers the viewer draws besides the hazard sites: core's `micro_stations`, `communities` and
 * `townships` (risk/analyze_risk.ts `riskLayers`), as they are, with one label point added per community
 * and township. A polygon drawn by a symbol layer gets a label per part and per tile it crosses; the
 * label point (`fc_label: true`, the feature's properties, at the pole of inaccessibility of its largest
 * part: the districts' labelling, plan/district_labels.ts, applied to each area alone) names each area
 * once. The style draws outlines from the polygons and names from the points; the print renderer labels
 * the polygons themselves.
 */
export const RISK_AREA_LAYERS = ['micro_stations', 'communities', 'townships'] as const;

/** The collection with one `fc_label` point per polygon feature appended (points and lines are kept as they are). */
export function withLabelPoints(fc: FeatureCollection): FeatureCollection {
  const labels: Feature<Point>[] = [];
  for (const f of fc.features) {
    for (const at of districtLabelPoints({ type: 'FeatureCollection', features: [f] }).features) labels.push({ ...at, properties: { ...f.properties, fc_label: true } });
  }
  return labels.length === 0 ? fc : { ...fc, features: [...fc.features, ...labels] };
}
