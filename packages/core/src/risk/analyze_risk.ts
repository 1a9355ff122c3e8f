import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CoverageAnalysis } from '../coverage/analysis';
import { linksClosedToVehicle, vehicleLimitCounts } from '../network/vehicle_limits';
import type { LoadedScenario } from '../scenario/scenario_types';
import { HAZARD_CLASSES, HAZARD_CLASS_LABELS, type HazardClass } from '../standards/risk_rules';
import { hazardArrivals, type HazardArrival } from './hazard_arrival';
import { microReach, type MicroAnalysis } from './micro_reach';
import { classNeedText, riskRules, type RiskRules } from './risk_rules_of';
import { townshipFigures, type TownshipAnalysis } from './townships';

/** Figures of one hazard class: sites (and km of linear assets) reached within the standard, by which station first, which not. */
export interface HazardClassFigures {
  class: HazardClass;
  label: { en: string; zh: string };
  /** The class's need in words (a site may ask more). */
  needText: { en: string; zh: string };
  responseS: number;
  responseClause: string;
  needClause: string;
  localChoice: boolean;
  sites: number;
  /** Sites whose first capable unit arrives within the standard (lines: along the whole asset). */
  sitesMet: number;
  /** Sites with no capable station in the analysed set. */
  sitesWithoutCapable: number;
  /** Linear assets: total length and the part reached within the standard by a capable unit, km; null for point classes. */
  lengthKm: number | null;
  reachedKm: number | null;
  /** The first capable station of each site that meets the standard, with its count of sites. */
  byStation: { stationId: string; sites: number }[];
  /** Ids of the sites that do not meet it. */
  notMetIds: string[];
}

/** The risk and capability analysis of one station set. */
export interface RiskAnalysis {
  rules: RiskRules;
  hazards: HazardArrival[];
  /** One row per class present in the hazard layer, in HAZARD_CLASSES order. */
  classes: HazardClassFigures[];
  /** null without a micro station layer. */
  micro: MicroAnalysis | null;
  /** null without a township layer. */
  townships: TownshipAnalysis | null;
  /** Links with each vehicle limit mapped, and links closed to each vehicle profile. */
  vehicleLimits: { links: { maxWeight: number; maxHeight: number; maxWidth: number; noHgv: number }; closedLinks: Record<string, number> };
}

function classFigures(hazards: readonly HazardArrival[], rules: RiskRules): HazardClassFigures[] {
  const out: HazardClassFigures[] = [];
  for (const c of HAZARD_CLASSES) {
    const rows = hazards.filter((h) => h.class === c);
    if (rows.length === 0) continue;
    const by = new Map<string, number>();
    for (const h of rows) if (h.meets && h.capableStationId) by.set(h.capableStationId, (by.get(h.capableStationId) ?? 0) + 1);
    const lines = rows.filter((h) => h.kind === 'line');
    const rule = rules.classes[c];
    out.push({
      class: c,
      label: HAZARD_CLASS_LABELS[c],
      needText: classNeedText(rule.need),
      responseS: rule.responseS,
      responseClause: rule.responseClause,
      needClause: rule.needClause,
      localChoice: rule.localChoice,
      sites: rows.length,
      sitesMet: rows.filter((h) => h.meets).length,
      sitesWithoutCapable: rows.filter((h) => h.capableStationIds.length === 0).length,
      lengthKm: lines.length > 0 ? lines.reduce((s, h) => s + (h.lengthKm ?? 0), 0) : null,
      reachedKm: lines.length > 0 ? lines.reduce((s, h) => s + (h.reachedKm ?? 0), 0) : null,
      byStation: [...by].map(([stationId, sites]) => ({ stationId, sites })).sort((a, b) => b.sites - a.sites || (a.stationId < b.stationId ? -1 : 1)),
      notMetIds: rows.filter((h) => !h.meets).map((h) => h.id),
    });
  }
  return out;
}

/**
 * Risk and capability for the stations of a coverage: the first capable unit at every hazard site (on
 * the roads its vehicle may use), figures per hazard class, micro fire station reach over the
 * communities, and township figures on the coverage's land. Null when the scenario has no risk block.
 */
export function analyzeRisk(scenario: LoadedScenario, coverage: CoverageAnalysis): RiskAnalysis | null {
  const layers = scenario.risk;
  if (!layers) return null;
  const rules = riskRules(scenario.preset, layers.settings, scenario.fileName);
  const net = scenario.network;
  const responders = coverage.stations.map((s) => ({ station: s.station, snap: s.snap }));
  // the coverage context's snapping index is over the same links (landAccessLink of the scenario's network)
  const hazards = hazardArrivals(net, responders, layers.hazards, rules, scenario.analysis.accessDistanceM, coverage.context.snapIndex);
  const micro = layers.microStations.length > 0 || layers.communities.length > 0 ? microReach(net, layers.microStations, layers.communities, rules, scenario.analysis.accessDistanceM, scenario.analysis.maxSnapDistanceM) : null;
  const townships = layers.townships.length > 0 ? townshipFigures(layers.townships, coverage, coverage.stations.map((s) => s.station), layers.microStations) : null;
  const closedLinks: Record<string, number> = {};
  for (const [name, p] of Object.entries(rules.profiles)) closedLinks[name] = linksClosedToVehicle(net, p).length;
  return { rules, hazards, classes: classFigures(hazards, rules), micro, townships, vehicleLimits: { links: vehicleLimitCounts(net), closedLinks } };
}

/** The `risk` object of summary.json (and `analyze --json`): figures per class, every hazard, micro stations, townships. */
export function riskSummary(risk: RiskAnalysis): Record<string, unknown> {
  const r = risk.rules;
  return {
    classes: risk.classes,
    hazards: risk.hazards,
    micro: risk.micro,
    townships: risk.townships,
    vehicleLimits: risk.vehicleLimits,
    vehicleProfiles: r.profiles,
    capabilityVehicle: r.capabilityVehicle,
    aerialCapM: { value: r.aerialCapM, clause: r.aerialCapClause, localChoice: true },
  };
}

const s1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

/**
 * GeoJSON layers of the risk analysis: `hazards` (every site, unreached marked `meets: false` with its
 * reason), `micro_stations`, `communities` (`inReach`), `townships` (`fullTime`, land reached).
 */
export function riskLayers(scenario: LoadedScenario, risk: RiskAnalysis): Record<'hazards' | 'micro_stations' | 'communities' | 'townships', FeatureCollection> {
  const layers = scenario.risk!;
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
  const hazards = layers.hazards.map((site, i) => {
    const h = risk.hazards[i];
    return feature(site.geometry, {
      id: h.id,
      name: h.name,
      nameZh: h.nameZh,
      class: h.class,
      classZh: h.classLabel.zh,
      heightM: h.heightM,
      need: h.needText.en,
      needZh: h.needText.zh,
      vehicle: h.vehicle,
      responseS: h.responseS,
      capableS: s1(h.capableS),
      capableStationId: h.capableStationId,
      firstAnyS: s1(h.firstAnyS),
      firstAnyStationId: h.firstAnyStationId,
      lengthKm: h.lengthKm,
      reachedKm: h.reachedKm,
      meets: h.meets,
      reason: h.reason,
      localChoice: h.localChoice,
    });
  });
  const micro = risk.micro;
  const microStations = layers.microStations.map((m, i) => feature({ type: 'Point', coordinates: [m.lon, m.lat] }, { id: m.id, name: m.name, nameZh: m.nameZh, mode: m.mode, reachM: micro ? Math.round(micro.stations[i].reachM) : null, onNetwork: micro ? micro.stations[i].onNetwork : null }));
  const communities = layers.communities.map((c, i) => {
    const row = micro?.communities[i];
    return feature(c.geometry, { id: c.id, name: c.name, nameZh: c.nameZh, inReach: row?.inReach ?? false, firstMicroId: row?.firstMicroId ?? null, arrivalS: s1(row?.arrivalS ?? null), microInside: row?.insideIds.length ?? 0 });
  });
  const townships = layers.townships.map((t, i) => {
    const row = risk.townships?.townships[i];
    return feature(t.geometry, { id: t.id, name: t.name, nameZh: t.nameZh, fullTime: row?.fullTime ?? false, stations: row?.stations.length ?? 0, landReachedPct: row?.landReachedPct ?? null, populationReachedPct: row?.populationReachedPct ?? null });
  });
  return { hazards: fc(hazards), micro_stations: fc(microStations), communities: fc(communities), townships: fc(townships) };
}
