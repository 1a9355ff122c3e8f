import type { FeatureCollection } from 'geojson';
import type { LayerRef } from '../io/layer_source';
import type { ScenarioFile } from '../scenario/scenario_types';
import type { StandardsPreset } from '../standards/preset';
import { parseCommunities, parseHazards, parseMicroStations, parseTownships, type RiskLayers } from './risk_layers_input';
import { riskRules } from './risk_rules_of';

/** Reads one layer of the scenario (any supported format, as WGS84 GeoJSON) with its display name. */
export type ReadRiskLayer = (field: string, ref: LayerRef) => Promise<{ fc: FeatureCollection; name: string }>;

/**
 * The scenario's risk layers, read and parsed, or undefined without a `risk` block. The rules are
 * resolved once here so that a bad override fails at load time. Townships default to the
 * `indicators.townships` file.
 */
export async function loadRiskLayers(file: ScenarioFile, preset: StandardsPreset, fileName: string, read: ReadRiskLayer): Promise<RiskLayers | undefined> {
  const r = file.risk;
  if (!r) return undefined;
  riskRules(preset, r, fileName);
  const layer = async <T>(field: string, ref: LayerRef | undefined, parse: (fc: FeatureCollection, name: string) => T[]): Promise<T[]> => {
    if (ref === undefined) return [];
    const { fc, name } = await read(field, ref);
    return parse(fc, name);
  };
  return {
    hazards: await layer('risk.hazards', r.hazards, parseHazards),
    microStations: await layer('risk.microStations', r.microStations, parseMicroStations),
    communities: await layer('risk.communities', r.communities, parseCommunities),
    townships: await layer(r.townships !== undefined ? 'risk.townships' : 'indicators.townships', r.townships ?? file.indicators?.townships, parseTownships),
    settings: r,
  };
}
