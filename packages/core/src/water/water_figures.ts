import type { HydrantStatus } from './hydrant_snap';
import type { IntakeCandidate } from './intake';
import type { WaterAnalysis, WaterDistrictRow } from './analyze_water';

/**
 * The water supply of a scenario as data: headline figures with their units and clauses, the places and
 * stations behind them, and the per-district rows. The CLI and the viewer format them (en and zh); nothing
 * here is pre-formatted text. Values are not rounded (formatting rounds), and an unreachable distance or
 * time is null.
 */

/** Units of the water figures: counts, kilometres of road, km² of land, percent, metres, seconds. */
export type WaterUnit = 'count' | 'km' | 'km²' | '%' | 'm' | 's';

/** The keys of the water figures, in the order `waterFigures` lists them. */
export const WATER_FIGURE_KEYS = [
  'hydrants.total',
  'hydrants.snapped',
  'hydrants.offRoad',
  'hydrants.outsideArea',
  'hydrants.working',
  'hydrants.damaged',
  'hydrants.lowPressure',
  'hydrants.unknown',
  'roads.requiredKm',
  'roads.stretches',
  'spacing.gaps',
  'spacing.gapKm',
  'protection.protectedKm',
  'protection.unprotectedKm',
  'land.protectedKm2',
  'land.unprotectedKm2',
  'land.intakeKm2',
  'hydrants.required',
  'hydrants.existing',
  'hydrants.constructionRate',
  'hydrants.intactRate',
  'fixPlan.proposed',
  'fixPlan.wideRoadSides',
  'wideRoads.km',
  'wideRoads.oneSidedKm',
  'wideRoads.required',
  'requiredPlaces.count',
  'requiredPlaces.missing',
  'cranes.existing',
  'cranes.required',
  'cranes.gaps',
  'cranes.gapKm',
  'intake.sources',
  'intake.reachable',
  'intake.beyondHydrantsKm',
  'intake.noWaterKm',
] as const;
/** The key of one water figure (stable: summary.json and the viewer read figures by it). */
export type WaterFigureKey = (typeof WATER_FIGURE_KEYS)[number];

/** One water figure, like coverage's `FigureLine`: a label in both languages, a value with its unit and the rule it answers to. */
export interface WaterFigure {
  key: WaterFigureKey;
  en: string;
  zh: string;
  /** The figure in `unit`; null when it cannot be computed (a rate of nothing). */
  value: number | null;
  unit: WaterUnit;
  /** The clause of the rule the figure answers to (preset), null for plain counts. */
  clause: string | null;
  /** The rule's threshold in its own unit (e.g. spacing ≤ 120 m, wide road > 60 m), null for none. */
  limit: number | null;
  /** Pass/fail where the figure is a check (nothing missing), else null. */
  pass: boolean | null;
}

/** A bridge head or tunnel entrance without a counting hydrant within the rule's distance. */
export interface WaterMissingPlace {
  kind: 'bridge_head' | 'tunnel_entrance';
  name: string | null;
  nameZh: string | null;
  lon: number;
  lat: number;
  /** Along-road metres to the nearest counting hydrant; null beyond the search bound. */
  nearestHydrantM: number | null;
}

/** A station and its driving time to the nearest reachable intake point. */
export interface WaterStationIntake {
  stationId: string;
  name: string;
  nameZh: string | null;
  /** Seconds of driving; null when no intake is reachable. */
  timeS: number | null;
  sourceId: string | null;
}

/** A proposed new intake point (greedy maximal covering, not guaranteed optimal), numbered from 1. */
export interface WaterProposedIntake extends Pick<IntakeCandidate, 'lon' | 'lat' | 'waterId' | 'waterName' | 'waterNameZh' | 'gainM' | 'gainKm2'> {
  n: number;
}

/** Everything `firecover hydrants` prints, as data. */
export interface WaterFigures {
  figures: WaterFigure[];
  /** Settings the figures depend on: metres, seconds; `cellSizeM` null when the land figures are off. */
  settings: { hydrantMaxSnapM: number; intakeTimeS: number; intakeMaxSnapM: number; cellSizeM: number | null };
  /** Hydrant statuses counted toward compliance. */
  countingStatuses: HydrantStatus[];
  /** Whether the land figures were computed (the `land.*` figures are present only then). */
  land: boolean;
  /** Whether water cranes were checked (the `cranes.*` figures are present only then). */
  cranes: boolean;
  missingPlaces: WaterMissingPlace[];
  stationIntakes: WaterStationIntake[];
  proposedIntakes: WaterProposedIntake[];
  /** What the proposed intakes were ranked by: land beyond hydrant protection (km²), or road when land is off. */
  proposedBy: 'land' | 'road';
  /** One row per district (coverage districts), then the total row. */
  districts: WaterDistrictRow[];
  total: WaterDistrictRow;
}

const LABELS: Record<WaterFigureKey, [string, string]> = {
  'hydrants.total': ['municipal hydrants', '市政消火栓'],
  'hydrants.snapped': ['hydrants on a road', '吸附到道路的消火栓'],
  'hydrants.offRoad': ['hydrants too far from any road', '距道路过远的消火栓'],
  'hydrants.outsideArea': ['hydrants outside the study area', '研究区外的消火栓'],
  'hydrants.working': ['hydrants working', '完好消火栓'],
  'hydrants.damaged': ['hydrants damaged', '损坏消火栓'],
  'hydrants.lowPressure': ['hydrants with low pressure', '压力不足消火栓'],
  'hydrants.unknown': ['hydrants of unknown status', '状态未知消火栓'],
  'roads.requiredKm': ['road that needs hydrants', '需设消火栓道路'],
  'roads.stretches': ['stretches of road that need hydrants', '需设消火栓道路段数'],
  'spacing.gaps': ['hydrant spacing gaps', '消火栓间距缺口'],
  'spacing.gapKm': ['road in spacing gaps', '间距缺口道路'],
  'protection.protectedKm': ['road protected by hydrants', '消火栓保护道路'],
  'protection.unprotectedKm': ['road not protected by hydrants', '消火栓未保护道路'],
  'land.protectedKm2': ['land protected by hydrants', '消火栓保护用地'],
  'land.unprotectedKm2': ['land not protected by hydrants', '消火栓未保护用地'],
  'land.intakeKm2': ['unprotected land within reach of an intake', '未保护但在取水点车程内的用地'],
  'hydrants.required': ['hydrants required', '应建消火栓'],
  'hydrants.existing': ['hydrants existing', '现有消火栓'],
  'hydrants.constructionRate': ['construction rate (建有率)', '建有率'],
  'hydrants.intactRate': ['intact rate (完好率)', '完好率'],
  'fixPlan.proposed': ['new hydrants that close every spacing gap', '消除全部间距缺口需新增消火栓'],
  'fixPlan.wideRoadSides': ['of them on unserved sides of wide roads', '其中宽路缺侧'],
  'wideRoads.km': ['wide road', '宽路'],
  'wideRoads.oneSidedKm': ['wide road served on one side only', '仅单侧设置的宽路'],
  'wideRoads.required': ['hydrants required on wide roads (both sides)', '宽路应建消火栓（两侧各计）'],
  'requiredPlaces.count': ['bridge heads and tunnel entrances', '桥头及隧道出入口'],
  'requiredPlaces.missing': ['bridge heads and tunnel entrances without a hydrant', '缺消火栓的桥头及隧道出入口'],
  'cranes.existing': ['water cranes', '现有消防水鹤'],
  'cranes.required': ['water cranes required', '应建消防水鹤'],
  'cranes.gaps': ['water crane gaps', '消防水鹤缺口'],
  'cranes.gapKm': ['road in water crane gaps', '消防水鹤缺口道路'],
  'intake.sources': ['intake points and fire pools', '取水点/消防水池'],
  'intake.reachable': ['intake points reachable by engine', '消防车可达的取水点'],
  'intake.beyondHydrantsKm': ['road beyond hydrant protection within reach of an intake', '消火栓保护范围外、取水点车程内道路'],
  'intake.noWaterKm': ['road with neither hydrant protection nor intake reach', '既无消火栓保护也不在取水点车程内的道路'],
};

/** The water analysis as typed figures and rows (see `WaterFigures`). */
export function waterFigures(a: WaterAnalysis): WaterFigures {
  const p = a.preset;
  const c = a.counts;
  const t = a.total;
  const figures: WaterFigure[] = [];
  const add = (key: WaterFigureKey, value: number | null, unit: WaterUnit, rule?: { clause: string; value: number } | null, pass: boolean | null = null): void => {
    const [en, zh] = LABELS[key];
    figures.push({ key, en, zh, value, unit, clause: rule ? rule.clause : null, limit: rule ? rule.value : null, pass });
  };
  add('hydrants.total', c.total, 'count');
  add('hydrants.snapped', c.snapped, 'count');
  add('hydrants.offRoad', c.offRoad, 'count');
  add('hydrants.outsideArea', c.outsideArea, 'count');
  add('hydrants.working', c.working, 'count');
  add('hydrants.damaged', c.damaged, 'count');
  add('hydrants.lowPressure', c.lowPressure, 'count');
  add('hydrants.unknown', c.unknown, 'count');
  add('roads.requiredKm', a.spacing.roadKm, 'km');
  add('roads.stretches', a.spacing.stretches, 'count');
  add('spacing.gaps', a.spacing.gaps.length, 'count', p.hydrantSpacingM, a.spacing.gaps.length === 0);
  add('spacing.gapKm', a.spacing.gapKm, 'km', p.hydrantSpacingM);
  add('protection.protectedKm', a.protection.protectedKm, 'km', p.hydrantProtectionM);
  add('protection.unprotectedKm', a.protection.unprotectedKm, 'km', p.hydrantProtectionM);
  const land = a.protection.land;
  if (land) {
    add('land.protectedKm2', land.protectedKm2, 'km²', p.hydrantProtectionM);
    add('land.unprotectedKm2', land.unprotectedKm2, 'km²', p.hydrantProtectionM);
    add('land.intakeKm2', land.intakeKm2, 'km²');
  }
  add('hydrants.required', t.required, 'count', p.hydrantSpacingM);
  add('hydrants.existing', t.existing, 'count');
  add('hydrants.constructionRate', t.constructionRate === null ? null : t.constructionRate * 100, '%');
  add('hydrants.intactRate', t.intactRate === null ? null : t.intactRate * 100, '%');
  add('fixPlan.proposed', a.fixPlan.proposed.length, 'count', p.hydrantSpacingM);
  add('fixPlan.wideRoadSides', a.wideRoads.proposed, 'count', p.wideRoadWidthM);
  add('wideRoads.km', a.wideRoads.wideRoadKm, 'km', p.wideRoadWidthM);
  add('wideRoads.oneSidedKm', a.wideRoads.oneSidedKm, 'km', p.wideRoadWidthM, a.wideRoads.oneSidedKm === 0);
  add('wideRoads.required', a.wideRoads.required, 'count', p.wideRoadWidthM);
  const missing = a.requiredPlaces.filter((x) => !x.ok);
  add('requiredPlaces.count', a.requiredPlaces.length, 'count', p.requiredPlaceHydrantM);
  add('requiredPlaces.missing', missing.length, 'count', p.requiredPlaceHydrantM, missing.length === 0);
  if (a.cranes.checked) {
    add('cranes.existing', a.cranes.count, 'count', p.waterCraneSpacingM);
    add('cranes.required', a.cranes.required, 'count', p.waterCraneSpacingM);
    add('cranes.gaps', a.cranes.gaps.length, 'count', p.waterCraneSpacingM, a.cranes.gaps.length === 0);
    add('cranes.gapKm', a.cranes.gapKm, 'km', p.waterCraneSpacingM);
  }
  add('intake.sources', a.intake.sources.length, 'count');
  add('intake.reachable', a.intake.sources.filter((s) => s.snap).length, 'count');
  add('intake.beyondHydrantsKm', a.intake.beyondHydrantsReachedKm, 'km');
  add('intake.noWaterKm', a.intake.noWaterKm, 'km');
  return {
    figures,
    settings: { hydrantMaxSnapM: a.settings.hydrantMaxSnapM, intakeTimeS: a.settings.intakeTimeS, intakeMaxSnapM: a.settings.intakeMaxSnapM, cellSizeM: land ? land.cellSizeM : null },
    countingStatuses: [...a.countingStatuses],
    land: land !== null,
    cranes: a.cranes.checked,
    missingPlaces: missing.map((x) => ({ kind: x.kind, name: x.name || null, nameZh: x.nameZh, lon: x.lon, lat: x.lat, nearestHydrantM: Number.isFinite(x.nearestHydrantM) ? x.nearestHydrantM : null })),
    stationIntakes: a.intake.stations.map((s) => ({ stationId: s.stationId, name: s.name, nameZh: s.nameZh, timeS: Number.isFinite(s.timeS) ? s.timeS : null, sourceId: s.sourceId })),
    proposedIntakes: a.intake.proposed.map((q, i) => ({ n: i + 1, lon: q.lon, lat: q.lat, waterId: q.waterId, waterName: q.waterName, waterNameZh: q.waterNameZh, gainM: q.gainM, gainKm2: q.gainKm2 })),
    proposedBy: a.intake.proposedBy,
    districts: a.table,
    total: a.total,
  };
}
