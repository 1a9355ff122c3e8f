/**
 * Standards presets: every threshold the analyses check, each with the clause it comes from.
 * Nothing in the analyses hard-codes a number that a standard sets; they read it from here, and
 * reports cite `clause` beside every check. A user may override any value (see `withOverrides`).
 *
 * Clauses marked `verify: true` are widely quoted but were read from a secondary source; they are kept,
 * cited, and overridable.
 */

/** One threshold of a standard: its value, the clause it comes from, and a short statement in English and Chinese. */
export interface Rule<T> {
  value: T;
  /** Citation, e.g. "GB 51080-2015 §4.1.3-1". */
  clause: string;
  /** Short statement of the rule, English. */
  en: string;
  /** Short statement of the rule, Simplified Chinese. */
  zh: string;
  /** True when the number or clause comes from a secondary source and should be checked. */
  verify?: boolean;
  /** True when no standard fixes the value: a local planning choice (outputs say so). */
  localChoice?: boolean;
}

import {
  DEFAULT_CAPABILITY_VEHICLE,
  DEFAULT_HAZARD_CLASS_RULES,
  DEFAULT_VEHICLE_PROFILES,
  type CapabilityVehicle,
  type HazardClass,
  type HazardClassRule,
  type MicroMode,
  type VehicleProfile,
} from './risk_rules';

/** Station classes: Chinese classes of 建标152-2017 / GB/T 35547-2017, plus NFPA-style equivalents. */
export const STATION_CLASSES = [
  'class1', // 一级普通消防站
  'class2', // 二级普通消防站
  'special', // 特勤消防站
  'small', // 小型普通消防站
  'logistics', // 战勤保障消防站
  'township1', // 乡镇一级专职消防队
  'township2', // 乡镇二级专职消防队
  'fulltime', // 政府/企业专职消防队
  'micro', // 微型消防站
  'volunteer', // 志愿消防队
  'engine', // NFPA: engine company
  'ladder', // NFPA: ladder / truck company
] as const;
/** A fire-station class code (`class1`, `class2`, `special`, `small`, township and full-time brigades, NFPA `engine`/`ladder` …). */
export type StationClass = (typeof STATION_CLASSES)[number];

/** The English and Chinese name of every station class. */
export const STATION_CLASS_LABELS: Readonly<Record<StationClass, { en: string; zh: string }>> = {
  class1: { en: 'class-1 station', zh: '一级消防站' },
  class2: { en: 'class-2 station', zh: '二级消防站' },
  special: { en: 'special-service station', zh: '特勤消防站' },
  small: { en: 'small station', zh: '小型消防站' },
  logistics: { en: 'logistics support station', zh: '战勤保障消防站' },
  township1: { en: 'township brigade, level 1', zh: '乡镇一级专职消防队' },
  township2: { en: 'township brigade, level 2', zh: '乡镇二级专职消防队' },
  fulltime: { en: 'full-time brigade', zh: '专职消防队' },
  micro: { en: 'micro fire station', zh: '微型消防站' },
  volunteer: { en: 'volunteer brigade', zh: '志愿消防队' },
  engine: { en: 'engine company', zh: '消防车中队（NFPA）' },
  ladder: { en: 'ladder company', zh: '云梯车中队（NFPA）' },
};

/** Chinese class names accepted in inputs, mapped to the codes above. */
export const STATION_CLASS_ALIASES: Readonly<Record<string, StationClass>> = {
  一级: 'class1',
  一级站: 'class1',
  一级消防站: 'class1',
  一级普通消防站: 'class1',
  二级: 'class2',
  二级站: 'class2',
  二级消防站: 'class2',
  二级普通消防站: 'class2',
  特勤: 'special',
  特勤站: 'special',
  特勤消防站: 'special',
  小型: 'small',
  小型站: 'small',
  小型消防站: 'small',
  战勤保障: 'logistics',
  战勤保障站: 'logistics',
  战勤保障消防站: 'logistics',
  乡镇一级: 'township1',
  乡镇二级: 'township2',
  专职: 'fulltime',
  专职消防队: 'fulltime',
  微型: 'micro',
  微型消防站: 'micro',
  志愿: 'volunteer',
  志愿消防队: 'volunteer',
};

/** A station's planning status: in service now, being built, planned (with a year), or a candidate site. */
export type StationStatus = 'existing' | 'under_construction' | 'planned' | 'candidate';

/** The station statuses, in plan order. */
export const STATION_STATUSES: readonly StationStatus[] = ['existing', 'under_construction', 'planned', 'candidate'];

/**
 * Chinese status names accepted in inputs (the plans' tables write 现状 / 在建 / 规划 / 近期 / 远期 …), mapped
 * to the codes above. 近期 and 远期 (near- and long-term plan) are both planned; the `year` decides when.
 */
export const STATION_STATUS_ALIASES: Readonly<Record<string, StationStatus>> = {
  现状: 'existing',
  现有: 'existing',
  已建: 'existing',
  已建成: 'existing',
  在建: 'under_construction',
  建设中: 'under_construction',
  规划: 'planned',
  拟建: 'planned',
  新建: 'planned',
  近期: 'planned',
  近期规划: 'planned',
  远期: 'planned',
  远期规划: 'planned',
  备选: 'candidate',
  候选: 'candidate',
  选址: 'candidate',
};

/** A set of standards: every threshold the analyses check, each a `Rule` with its clause. */
export interface StandardsPreset {
  id: string;
  name: { en: string; zh: string };
  /** Arrival standard: time from dispatch order to arrival at the district edge, seconds. */
  responseS: Rule<number>;
  /** Default turnout (dispatch to wheels rolling), seconds; stations may carry their own. */
  turnoutS: Rule<number>;
  /** Fraction of demand that must be reached within `responseS` (NFPA fractile); the Chinese rule is the district edge. */
  fractile: Rule<number>;
  /** District area cap for an ordinary station, km². */
  districtAreaKm2: Rule<number>;
  /** District area cap at the urban edge / new areas with good roads, km². */
  districtAreaEdgeKm2: Rule<number>;
  /** District area cap by station class, km² (null: the class has no district). */
  districtAreaByClassKm2: Rule<Partial<Record<StationClass, number | null>>>;
  /** District boundaries must not cross these barrier kinds. */
  districtBarriers: Rule<BarrierKind[]>;
  /** A station is "marginalised" when its distance to the centroid of its district exceeds this share of the district's equivalent radius. */
  marginalStationRatio: Rule<number>;
  /** Municipal hydrant spacing along the road, metres (maximum). */
  hydrantSpacingM: Rule<number>;
  /** Municipal hydrant protection radius, metres, measured along the road network. */
  hydrantProtectionM: Rule<number>;
  /** Roads wider than this need hydrants on both sides, metres. */
  wideRoadWidthM: Rule<number>;
  /** Hydrants required at bridge heads and urban tunnel entrances: "nearby" means within this distance along the road, metres. */
  requiredPlaceHydrantM: Rule<number>;
  /** Water crane spacing on main roads in severe-cold cities, metres. */
  waterCraneSpacingM: Rule<number>;
  /** Station frontage: minimum distance from the main exits of crowded public buildings, metres. */
  stationCrowdSetbackM: Rule<number>;
  /** Station: minimum distance from hazardous-goods sites, metres. */
  stationHazardSetbackM: Rule<number>;
  /** Per hazard class: the capability a unit needs and the response standard (see risk_rules.ts). */
  hazardClasses: Rule<Record<HazardClass, HazardClassRule>>;
  /** The tallest aerial a site's height is asked of, metres (a taller building needs this one). */
  aerialCapM: Rule<number>;
  /** Vehicle profiles by name: weight, height, width, heavy-goods status (road limits). */
  vehicleProfiles: Rule<Record<string, VehicleProfile>>;
  /** The vehicle profile each capability arrives in. */
  capabilityVehicle: Rule<CapabilityVehicle>;
  /** Micro fire station (微型消防站): time from the alarm to arrival at the scene, seconds. */
  microResponseS: Rule<number>;
  /** Micro fire station: time to respond and set off, seconds (within `microResponseS`). */
  microTurnoutS: Rule<number>;
  /** Micro fire station travel speed by mode (on foot, light vehicle), km/h. */
  microSpeedKmh: Rule<Record<MicroMode, number>>;
}

/** Kinds of barrier a district must not cross (GB 51080-2015 §4.1.3-4). */
export type BarrierKind = 'expressway' | 'railway' | 'river';

const GB51080 = 'GB 51080-2015';
const GB50974 = 'GB 50974-2014';
const JB152 = '建标152-2017';

/** China (default): GB 51080-2015, 建标152-2017, GB 50974-2014. */
export const CHINA_PRESET: StandardsPreset = {
  id: 'cn',
  name: { en: 'China: GB 51080-2015, 建标152-2017, GB 50974-2014', zh: '中国：GB 51080-2015、建标152-2017、GB 50974-2014' },
  responseS: {
    value: 300,
    clause: `${GB51080} §4.1.3-1`,
    en: 'a crew reaches the edge of its district within 5 min of the dispatch order',
    zh: '接到出动指令后5分钟内到达辖区边缘',
  },
  turnoutS: {
    value: 60,
    clause: `${JB152} (common practice)`,
    en: 'about 1 min turnout (dispatch to departure) within the 5 min',
    zh: '5分钟中约1分钟为接警出动时间',
  },
  fractile: {
    value: 1,
    clause: `${GB51080} §4.1.3-1`,
    en: 'the whole district (its edge) within the standard',
    zh: '辖区边缘（全部辖区）满足到达时间',
  },
  districtAreaKm2: {
    value: 7,
    clause: `${GB51080} §4.1.3-2; ${JB152}`,
    en: 'district area of an ordinary station not more than 7 km²',
    zh: '普通消防站辖区面积不宜大于7 km²',
  },
  districtAreaEdgeKm2: {
    value: 15,
    clause: `${GB51080} §4.1.3-2`,
    en: 'at the urban edge or in new areas with good roads, sized by the 5-min rule, not more than 15 km²',
    zh: '城市规划区边缘或道路条件较好的新区，按5分钟确定，不应大于15 km²',
  },
  districtAreaByClassKm2: {
    value: { class1: 7, class2: 4, small: 2, special: 7, logistics: null, township1: 15, township2: 15, fulltime: 7, micro: null, volunteer: null },
    clause: JB152,
    en: 'district area caps: class-1 7 km², class-2 4 km², small 2 km²; special-service as class-1; logistics none',
    zh: '辖区面积：一级站7 km²，二级站4 km²，小型站2 km²；特勤站同一级站；战勤保障站不设辖区',
    verify: true,
  },
  districtBarriers: {
    value: ['expressway', 'railway', 'river'],
    clause: `${GB51080} §4.1.3-4`,
    en: 'district boundaries should not cross expressways, urban expressways, trunk railways or large rivers',
    zh: '辖区划分不宜跨越高速公路、城市快速路、铁路干线和较大的河流',
  },
  marginalStationRatio: {
    value: 0.5,
    clause: `${GB51080} §4.1.5 (siting near the district centre; "边缘化" in local plans)`,
    en: 'a station should sit near the centre of its district; farther than half the equivalent radius is flagged',
    zh: '消防站宜位于辖区适中位置；偏离辖区中心超过等效半径一半即提示“边缘化”',
  },
  hydrantSpacingM: {
    value: 120,
    clause: `${GB50974} §7.2.5`,
    en: 'municipal hydrants not more than 120 m apart along the road',
    zh: '市政消火栓间距不应大于120 m',
    verify: true,
  },
  hydrantProtectionM: {
    value: 150,
    clause: `${GB50974} §7.2.5`,
    en: 'municipal hydrant protection radius not more than 150 m',
    zh: '市政消火栓保护半径不应大于150 m',
  },
  wideRoadWidthM: {
    value: 60,
    clause: `${GB50974} §7.2.3`,
    en: 'roads wider than 60 m need hydrants on both sides, staggered',
    zh: '道路宽度超过60 m时，应在道路两侧交叉错落设置市政消火栓',
    verify: true,
  },
  requiredPlaceHydrantM: {
    value: 50,
    clause: `${GB50974} §7.2.4`,
    en: 'hydrants at bridge heads and urban tunnel entrances (within 50 m along the road)',
    zh: '桥头和城市交通隧道出入口等市政公用设施处应设置市政消火栓（沿路50 m以内）',
    verify: true,
  },
  waterCraneSpacingM: {
    value: 1000,
    clause: GB50974,
    en: 'in severe-cold cities, water cranes on main roads about 1,000 m apart',
    zh: '严寒地区城市主要干道上消防水鹤间距宜为1000 m',
    verify: true,
  },
  stationCrowdSetbackM: {
    value: 50,
    clause: `${GB51080} §4.1.5`,
    en: 'main vehicle exit at least 50 m from main exits of hospitals, schools, theatres, malls and similar',
    zh: '消防站车库门距医院、学校、幼儿园、影剧院、商场等人员密集场所主要疏散出口不应小于50 m',
  },
  stationHazardSetbackM: {
    value: 200,
    clause: `${GB51080} §4.1.5`,
    en: 'at least 200 m from hazardous-goods sites, upwind or crosswind of them',
    zh: '距危险化学品场所不应小于200 m，且宜位于其上风或侧风处',
  },
  hazardClasses: {
    value: DEFAULT_HAZARD_CLASS_RULES,
    clause: 'local choice per class (response: GB 51080-2015 §4.1.3-1 applied to the site)',
    en: 'each hazard class: the capability its first unit needs and its response standard',
    zh: '各风险类别：首到力量所需装备及到场时间标准',
    localChoice: true,
  },
  aerialCapM: {
    value: 100,
    clause: 'local choice (the tallest aerial platforms in service reach about 100 m)',
    en: 'a building taller than 100 m needs a 100 m aerial',
    zh: '建筑高度超过100 m时按100 m举高车要求',
    localChoice: true,
  },
  vehicleProfiles: {
    value: DEFAULT_VEHICLE_PROFILES,
    clause: 'local choice (GB 1589-2016 caps vehicle width at 2.55 m)',
    en: 'fire-vehicle weights, heights and widths checked against road limits',
    zh: '消防车辆质量、高度、宽度（用于道路限重、限高、限宽）',
    localChoice: true,
  },
  capabilityVehicle: {
    value: DEFAULT_CAPABILITY_VEHICLE,
    clause: 'local choice',
    en: 'the vehicle each capability arrives in',
    zh: '各类装备对应的车辆',
    localChoice: true,
  },
  microResponseS: {
    value: 180,
    clause: '公安部消防局《社区微型消防站建设标准（试行）》《消防安全重点单位微型消防站建设标准（试行）》(2015): "3分钟到场"',
    en: 'a micro fire station reaches the scene within 3 min of the alarm',
    zh: '微型消防站接警后3分钟内到场扑救',
    verify: true,
  },
  microTurnoutS: {
    value: 60,
    clause: '公安部消防局 微型消防站建设标准（试行）(2015): "1分钟响应启动"',
    en: 'a micro fire station responds and sets off within 1 min',
    zh: '微型消防站1分钟内响应启动',
    verify: true,
  },
  microSpeedKmh: {
    value: { foot: 6, light_vehicle: 20 },
    clause: 'local choice (no standard gives a speed)',
    en: 'micro station crews travel at 6 km/h on foot, 20 km/h by light vehicle',
    zh: '微型消防站步行6 km/h，轻便车辆20 km/h',
    localChoice: true,
  },
};

/** NFPA 1710 (United States): 240 s first-engine travel for 90 % of incidents, 80 s fire turnout. */
export const NFPA1710_PRESET: StandardsPreset = {
  ...CHINA_PRESET,
  id: 'nfpa1710',
  name: { en: 'NFPA 1710 (United States)', zh: 'NFPA 1710（美国）' },
  responseS: {
    value: 320,
    clause: 'NFPA 1710 §4.1.2.1.1(3) + (2)',
    en: 'first engine on scene within 80 s turnout + 240 s travel',
    zh: '第一辆消防车在80秒出动+240秒行车内到场',
  },
  turnoutS: { value: 80, clause: 'NFPA 1710 §4.1.2.1.1(2)', en: '80 s turnout for fire incidents', zh: '火警出动时间80秒' },
  fractile: { value: 0.9, clause: 'NFPA 1710 §4.1.2.1.2', en: '90 % of incidents within the standard', zh: '90%的事件满足标准' },
};

/** The presets by id: `cn` (China, the default) and `nfpa1710`. */
export const PRESETS: Readonly<Record<string, StandardsPreset>> = { cn: CHINA_PRESET, nfpa1710: NFPA1710_PRESET };

/** Overrides by rule name: a new value, keeping the clause (marked as overridden in reports). */
export type PresetOverrides = Partial<{ [K in keyof StandardsPreset]: StandardsPreset[K] extends Rule<infer T> ? T : never }>;

/** A preset with some values replaced; the clause of an overridden rule says so. */
export function withOverrides(preset: StandardsPreset, overrides: PresetOverrides): StandardsPreset {
  const out: Record<string, unknown> = { ...preset };
  for (const [key, value] of Object.entries(overrides)) {
    const rule = (preset as unknown as Record<string, unknown>)[key] as Rule<unknown> | undefined;
    if (!rule || typeof rule !== 'object' || !('clause' in rule)) throw new RangeError(`unknown standards rule "${key}"`);
    out[key] = { ...rule, value, clause: `${rule.clause} (overridden by user)` };
  }
  return out as unknown as StandardsPreset;
}

/** District area cap for a station class and location, km² (null: the class has no district). */
export function districtCapKm2(preset: StandardsPreset, stationClass: StationClass, urbanEdge: boolean): { capKm2: number | null; clause: string } {
  if (urbanEdge && stationClass !== 'logistics' && stationClass !== 'micro') {
    return { capKm2: preset.districtAreaEdgeKm2.value, clause: preset.districtAreaEdgeKm2.clause };
  }
  const byClass = preset.districtAreaByClassKm2.value[stationClass];
  if (byClass === undefined) return { capKm2: preset.districtAreaKm2.value, clause: preset.districtAreaKm2.clause };
  return { capKm2: byClass, clause: preset.districtAreaByClassKm2.clause };
}

/** The plans' main indicators (专栏 "主要指标") the planning report prints. */
export const PLAN_INDICATORS = [
  'stationsPer100kPeople',
  'averageDistrictAreaKm2',
  'landReachedPct',
  'populationReachedPct',
  'hydrantConstructionRatePct',
  'hydrantIntactRatePct',
  'townshipCoveragePct',
  'firefightersPer10kPeople',
] as const;
/** One of `PLAN_INDICATORS`. */
export type PlanIndicator = (typeof PLAN_INDICATORS)[number];

/**
 * Default target of each plan indicator, with where it comes from and whether plans print it as binding
 * (约束性) or expected (预期性). `value: null`: no national figure, the scenario's `indicators` block sets it.
 */
export const PLAN_INDICATOR_TARGETS: Readonly<Record<PlanIndicator, Rule<number | null> & { unit: string; binding: boolean }>> = {
  stationsPer100kPeople: {
    value: null,
    unit: '/100,000',
    binding: false,
    clause: 'local choice (no national figure)',
    en: 'fire stations per 100,000 people',
    zh: '每10万人消防站数',
  },
  averageDistrictAreaKm2: {
    value: CHINA_PRESET.districtAreaKm2.value,
    unit: 'km²',
    binding: true,
    clause: CHINA_PRESET.districtAreaKm2.clause,
    en: 'average station district area',
    zh: '消防站平均辖区面积',
  },
  landReachedPct: {
    value: 100,
    unit: '%',
    binding: true,
    clause: `${CHINA_PRESET.responseS.clause} (the whole district within 5 min)`,
    en: 'share of land reached within 5 min',
    zh: '5分钟可达用地比例',
  },
  populationReachedPct: {
    value: 100,
    unit: '%',
    binding: false,
    clause: `${CHINA_PRESET.responseS.clause}; local choice for population`,
    en: 'share of population reached within 5 min',
    zh: '5分钟可达人口比例',
  },
  hydrantConstructionRatePct: {
    value: 100,
    unit: '%',
    binding: true,
    clause: `${GB50974} §7.2.5 (every required hydrant built)`,
    en: 'municipal hydrant construction rate (建有率)',
    zh: '市政消火栓建有率',
  },
  hydrantIntactRatePct: {
    value: 100,
    unit: '%',
    binding: false,
    clause: 'local choice (GB 50974-2014 assumes working hydrants)',
    en: 'municipal hydrant intact rate (完好率)',
    zh: '市政消火栓完好率',
  },
  townshipCoveragePct: {
    value: 100,
    unit: '%',
    binding: false,
    clause: 'local choice (township brigades: 乡镇消防队)',
    en: 'share of townships with a fire station or full-time brigade',
    zh: '设有消防站或专职消防队的乡镇比例',
  },
  firefightersPer10kPeople: {
    value: null,
    unit: '/10,000',
    binding: false,
    clause: 'local choice (no national figure)',
    en: 'firefighters per 10,000 people',
    zh: '每万人消防员数',
  },
};
