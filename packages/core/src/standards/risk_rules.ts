/**
 * The risk and capability rules of the presets: hazard classes with the capability each needs and its
 * response standard, micro fire stations, and the vehicle profiles a capable unit drives. Where no
 * standard fixes a number it is marked `localChoice: true` (a planner's choice, printed as such in
 * every output) and is overridable per scenario (`risk.classes`, `risk.vehicleProfiles`, `risk.micro`).
 */

/** Hazard classes (风险类别) the plans name: key units and major hazard sources, and linear assets. */
export const HAZARD_CLASSES = [
  'major_hazard', // 重大危险源
  'chemical_park', // 化工园区
  'high_rise', // 高层建筑
  'crowded_place', // 人员密集场所
  'underground', // 地下空间
  'tunnel', // 隧道 (lines)
  'expressway', // 高速公路 / 快速路 (lines)
] as const;
/** A hazard class code (`major_hazard`, `chemical_park`, `high_rise`, `crowded_place`, `underground`, `tunnel`, `expressway`). */
export type HazardClass = (typeof HAZARD_CLASSES)[number];

/** The English and Chinese name of every hazard class. */
export const HAZARD_CLASS_LABELS: Readonly<Record<HazardClass, { en: string; zh: string }>> = {
  major_hazard: { en: 'major hazard source', zh: '重大危险源' },
  chemical_park: { en: 'chemical park', zh: '化工园区' },
  high_rise: { en: 'high-rise building', zh: '高层建筑' },
  crowded_place: { en: 'crowded place', zh: '人员密集场所' },
  underground: { en: 'underground space', zh: '地下空间' },
  tunnel: { en: 'tunnel', zh: '隧道' },
  expressway: { en: 'expressway', zh: '高速公路' },
};

/** Chinese class names accepted in hazard layers, mapped to the codes above. */
export const HAZARD_CLASS_ALIASES: Readonly<Record<string, HazardClass>> = {
  重大危险源: 'major_hazard',
  危险化学品重大危险源: 'major_hazard',
  化工园区: 'chemical_park',
  化工企业: 'chemical_park',
  石油化工: 'chemical_park',
  高层建筑: 'high_rise',
  高层: 'high_rise',
  人员密集场所: 'crowded_place',
  地下空间: 'underground',
  地下建筑: 'underground',
  隧道: 'tunnel',
  高速公路: 'expressway',
  城市快速路: 'expressway',
  快速路: 'expressway',
};

/** Linear hazard classes: given as lines, reported as km reached. */
export const LINEAR_HAZARD_CLASSES: readonly HazardClass[] = ['tunnel', 'expressway'];

/**
 * What a unit must carry to count as capable for a hazard. All optional; an empty need: any unit.
 * `aerialM: 'height'` means an aerial ladder or platform reaching the site's `heightM`
 * (capped at `aerialCapM`; a site without a height needs any aerial).
 */
export interface CapabilityNeed {
  /** Aerial ladder / platform working height, metres, or `'height'`: the site's own height. */
  aerialM?: number | 'height';
  /** Foam (泡沫) apparatus. */
  foam?: boolean;
  /** Water tanker capacity, tonnes (at least). */
  tankerT?: number;
  /** Rescue (抢险救援) apparatus. */
  rescue?: boolean;
  /** Only special-duty stations (特勤站). */
  special?: boolean;
}

/** One hazard class's rule: the capability it needs, its response standard, and where they come from. */
export interface HazardClassRule {
  need: CapabilityNeed;
  /** Response standard from the dispatch order (turnout + driving), seconds. */
  responseS: number;
  /** Source of the response standard. */
  responseClause: string;
  /** Source (or basis) of the capability need. */
  needClause: string;
  /** True when no standard fixes the need: a local planning choice (said so in outputs). */
  localChoice: boolean;
}

/** A vehicle's size and weight for the road limits (OSM maxweight / maxheight / maxwidth / hgv). */
export interface VehicleProfile {
  /** Laden weight, tonnes. */
  weightT: number;
  /** Height, metres. */
  heightM: number;
  /** Width, metres. */
  widthM: number;
  /** Counts as a heavy goods vehicle: roads tagged `hgv=no` / `goods=no` are closed to it. */
  hgv: boolean;
  en: string;
  zh: string;
}

/** The vehicle a capability arrives in (profile names of `vehicleProfiles`); `none`: a unit for a need-free hazard. */
export type CapabilityVehicle = Record<'none' | 'aerial' | 'foam' | 'tanker' | 'rescue' | 'special', string>;

/** Micro fire station travel modes. */
export type MicroMode = 'foot' | 'light_vehicle';

/** The 5-minute standard, as applied to a hazard site (no standard gives a separate one). */
const SITE_RESPONSE = 'GB 51080-2015 §4.1.3-1 (5 min, applied to the site)';
const LOCAL = 'local choice';

/** Default hazard-class rules of the China preset. */
export const DEFAULT_HAZARD_CLASS_RULES: Readonly<Record<HazardClass, HazardClassRule>> = {
  major_hazard: { need: { foam: true }, responseS: 300, responseClause: SITE_RESPONSE, needClause: `${LOCAL} (petrochemical: foam; 建标152-2017 special-duty equipment)`, localChoice: true },
  chemical_park: { need: { foam: true }, responseS: 300, responseClause: SITE_RESPONSE, needClause: `${LOCAL} (petrochemical: foam)`, localChoice: true },
  high_rise: { need: { aerialM: 'height' }, responseS: 300, responseClause: SITE_RESPONSE, needClause: `${LOCAL} (an aerial reaching the building's height; plan 003: class-1 stations ≥ 40 m)`, localChoice: true },
  crowded_place: { need: {}, responseS: 300, responseClause: SITE_RESPONSE, needClause: `${LOCAL} (any engine)`, localChoice: true },
  underground: { need: { rescue: true }, responseS: 300, responseClause: SITE_RESPONSE, needClause: `${LOCAL} (rescue apparatus)`, localChoice: true },
  tunnel: { need: { rescue: true }, responseS: 300, responseClause: SITE_RESPONSE, needClause: `${LOCAL} (rescue apparatus)`, localChoice: true },
  expressway: { need: { rescue: true }, responseS: 300, responseClause: SITE_RESPONSE, needClause: `${LOCAL} (rescue apparatus)`, localChoice: true },
};

/** Default vehicle profiles (local choice: no standard fixes the sizes; GB 1589-2016 caps width at 2.55 m). */
export const DEFAULT_VEHICLE_PROFILES: Readonly<Record<string, VehicleProfile>> = {
  engine: { weightT: 18, heightM: 3.5, widthM: 2.5, hgv: true, en: 'urban main engine (18 t, 3.5 m, 2.5 m)', zh: '城市主战消防车（18 t，3.5 m，2.5 m）' },
  aerial_25t: { weightT: 25, heightM: 3.8, widthM: 2.5, hgv: true, en: 'aerial ladder / platform truck (25 t, 3.8 m, 2.5 m)', zh: '举高消防车（25 t，3.8 m，2.5 m）' },
  foam_tender: { weightT: 20, heightM: 3.6, widthM: 2.5, hgv: true, en: 'foam tender (20 t, 3.6 m, 2.5 m)', zh: '泡沫消防车（20 t，3.6 m，2.5 m）' },
  water_tanker: { weightT: 25, heightM: 3.6, widthM: 2.5, hgv: true, en: 'water tanker (25 t, 3.6 m, 2.5 m)', zh: '水罐消防车（25 t，3.6 m，2.5 m）' },
  light_rescue: { weightT: 3.5, heightM: 2.8, widthM: 2.1, hgv: false, en: 'light rescue vehicle (3.5 t, 2.8 m, 2.1 m)', zh: '轻型抢险救援车（3.5 t，2.8 m，2.1 m）' },
};

/** Default vehicle of each capability. */
export const DEFAULT_CAPABILITY_VEHICLE: Readonly<CapabilityVehicle> = {
  none: 'engine',
  aerial: 'aerial_25t',
  foam: 'foam_tender',
  tanker: 'water_tanker',
  rescue: 'light_rescue',
  special: 'engine',
};
