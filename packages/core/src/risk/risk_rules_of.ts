import { InputError } from '../input_error';
import type { RiskSettings, Station } from '../scenario/scenario_types';
import type { StandardsPreset } from '../standards/preset';
import { HAZARD_CLASSES, type CapabilityNeed, type CapabilityVehicle, type HazardClass, type HazardClassRule, type MicroMode, type VehicleProfile } from '../standards/risk_rules';
import type { VehicleSize } from '../network/vehicle_limits';
import type { HazardSite } from './risk_layers_input';

/** The risk rules an analysis uses: the preset's, with the scenario's `risk` block over them. */
export interface RiskRules {
  classes: Record<HazardClass, HazardClassRule>;
  profiles: Record<string, VehicleProfile>;
  capabilityVehicle: CapabilityVehicle;
  aerialCapM: number;
  aerialCapClause: string;
  micro: { responseS: number; turnoutS: number; speedKmh: Record<MicroMode, number>; responseClause: string; turnoutClause: string; speedClause: string; verify: boolean };
  /** A line hazard's sample points join a road within this distance, metres. */
  lineSnapM: number;
}

/** Default distance within which a line hazard's sample points join a road, metres (method parameter). */
export const DEFAULT_LINE_SNAP_M = 30;

const OVERRIDDEN = ' (overridden by scenario)';

/**
 * The preset's risk rules with the scenario's overrides: a class's need and response standard, vehicle
 * profiles, the vehicle of each capability, the micro station standard. An override is marked in the
 * clause and turns `localChoice` on. A capability vehicle naming no profile is an InputError.
 */
export function riskRules(preset: StandardsPreset, settings: RiskSettings = {}, file = 'scenario'): RiskRules {
  const classes = {} as Record<HazardClass, HazardClassRule>;
  for (const c of HAZARD_CLASSES) {
    const base = preset.hazardClasses.value[c];
    const o = settings.classes?.[c];
    if (!o) {
      classes[c] = { ...base, need: { ...base.need } };
      continue;
    }
    const { responseS, ...need } = o;
    const needChanged = Object.keys(need).length > 0;
    classes[c] = {
      need: needChanged ? { ...base.need, ...need } : { ...base.need },
      responseS: responseS ?? base.responseS,
      responseClause: responseS === undefined ? base.responseClause : `${base.responseClause}${OVERRIDDEN}`,
      needClause: needChanged ? `${base.needClause}${OVERRIDDEN}` : base.needClause,
      localChoice: true,
    };
  }
  const profiles: Record<string, VehicleProfile> = {};
  for (const [name, p] of Object.entries(preset.vehicleProfiles.value)) profiles[name] = { ...p };
  for (const [name, p] of Object.entries(settings.vehicleProfiles ?? {})) {
    const base = profiles[name];
    const merged = { weightT: p.weightT ?? base?.weightT, heightM: p.heightM ?? base?.heightM, widthM: p.widthM ?? base?.widthM, hgv: p.hgv ?? base?.hgv ?? (p.weightT ?? 0) > 3.5 };
    if (merged.weightT === undefined || merged.heightM === undefined || merged.widthM === undefined) {
      throw new InputError({ file }, `risk.vehicleProfiles.${name}: a new profile needs weightT, heightM and widthM`, `risk.vehicleProfiles.${name}：新车辆须给出 weightT、heightM 和 widthM`);
    }
    profiles[name] = { weightT: merged.weightT, heightM: merged.heightM, widthM: merged.widthM, hgv: merged.hgv, en: base?.en ?? name, zh: base?.zh ?? name };
  }
  const capabilityVehicle = { ...preset.capabilityVehicle.value, ...settings.capabilityVehicle };
  for (const [cap, name] of Object.entries(capabilityVehicle)) {
    if (!profiles[name]) {
      throw new InputError(
        { file },
        `risk.capabilityVehicle.${cap}: no vehicle profile "${name}" (known: ${Object.keys(profiles).join(', ')})`,
        `risk.capabilityVehicle.${cap}：没有车辆 "${name}"（已有：${Object.keys(profiles).join('、')}）`,
      );
    }
  }
  const m = settings.micro ?? {};
  const micro = {
    responseS: m.responseS ?? preset.microResponseS.value,
    turnoutS: m.turnoutS ?? preset.microTurnoutS.value,
    speedKmh: { foot: m.footKmh ?? preset.microSpeedKmh.value.foot, light_vehicle: m.lightVehicleKmh ?? preset.microSpeedKmh.value.light_vehicle },
    responseClause: preset.microResponseS.clause + (m.responseS === undefined ? '' : OVERRIDDEN),
    turnoutClause: preset.microTurnoutS.clause + (m.turnoutS === undefined ? '' : OVERRIDDEN),
    speedClause: preset.microSpeedKmh.clause + (m.footKmh === undefined && m.lightVehicleKmh === undefined ? '' : OVERRIDDEN),
    verify: preset.microResponseS.verify === true,
  };
  if (micro.turnoutS >= micro.responseS) {
    throw new InputError({ file }, `risk.micro: turnoutS (${micro.turnoutS} s) must be less than responseS (${micro.responseS} s)`, `risk.micro：turnoutS（${micro.turnoutS} 秒）须小于 responseS（${micro.responseS} 秒）`);
  }
  return { classes, profiles, capabilityVehicle, aerialCapM: preset.aerialCapM.value, aerialCapClause: preset.aerialCapM.clause, micro, lineSnapM: settings.lineSnapM ?? DEFAULT_LINE_SNAP_M };
}

/** A hazard's need made concrete: numbers instead of `'height'`, the site's own needs over its class's. */
export interface ResolvedNeed {
  /** Aerial working height needed, metres; 0: any aerial; null: none needed. */
  aerialM: number | null;
  foam: boolean;
  /** Water tanker tonnes needed; null: none. */
  tankerT: number | null;
  rescue: boolean;
  special: boolean;
}

/** The need of one site: its class's rule, its own overrides, its height for `aerialM: 'height'` (capped). */
export function resolveNeed(site: HazardSite, rules: RiskRules): ResolvedNeed {
  const n: CapabilityNeed = { ...rules.classes[site.class].need, ...site.need };
  let aerialM: number | null = null;
  if (n.aerialM === 'height') aerialM = site.heightM === null ? 0 : Math.min(site.heightM, rules.aerialCapM);
  else if (typeof n.aerialM === 'number') aerialM = n.aerialM;
  return { aerialM, foam: n.foam === true, tankerT: n.tankerT ?? null, rescue: n.rescue === true, special: n.special === true };
}

/** Whether a station carries what `need` asks. Micro stations (their own layer) never count. */
export function stationMeets(s: Station, need: ResolvedNeed): boolean {
  if (s.class === 'micro') return false;
  if (need.aerialM !== null && !((s.aerialM ?? 0) > 0 && (s.aerialM ?? 0) >= need.aerialM)) return false;
  if (need.foam && s.foam !== true) return false;
  if (need.tankerT !== null && !((s.tankerT ?? 0) > 0 && (s.tankerT ?? 0) >= need.tankerT)) return false;
  if (need.rescue && s.rescue !== true) return false;
  if (need.special && s.class !== 'special') return false;
  return true;
}

/** The capabilities a need names, in a fixed order. */
export function needCapabilities(need: ResolvedNeed): ('aerial' | 'foam' | 'tanker' | 'rescue' | 'special')[] {
  const out: ('aerial' | 'foam' | 'tanker' | 'rescue' | 'special')[] = [];
  if (need.aerialM !== null) out.push('aerial');
  if (need.foam) out.push('foam');
  if (need.tankerT !== null) out.push('tanker');
  if (need.rescue) out.push('rescue');
  if (need.special) out.push('special');
  return out;
}

/**
 * The vehicle a need arrives in: the profile of each capability it names (or `none`'s), combined as the
 * largest of each dimension (every truck the need sends must pass). Its name joins the profile names.
 */
export function needVehicle(need: ResolvedNeed, rules: RiskRules): { name: string; size: VehicleSize } {
  const caps = needCapabilities(need);
  const names = [...new Set((caps.length === 0 ? ['none' as const] : caps).map((c) => rules.capabilityVehicle[c]))];
  const size: VehicleSize = { weightT: 0, heightM: 0, widthM: 0, hgv: false };
  for (const n of names) {
    const p = rules.profiles[n];
    size.weightT = Math.max(size.weightT, p.weightT);
    size.heightM = Math.max(size.heightM, p.heightM);
    size.widthM = Math.max(size.widthM, p.widthM);
    size.hgv ||= p.hgv;
  }
  return { name: names.join('+'), size };
}

/** A class's need in words: as `needText`, with `aerialM: 'height'` as "aerial ≥ building height". */
export function classNeedText(need: CapabilityNeed): { en: string; zh: string } {
  const byHeight = need.aerialM === 'height';
  const t = needText({ aerialM: need.aerialM === 'height' ? -1 : (need.aerialM ?? null), foam: need.foam === true, tankerT: need.tankerT ?? null, rescue: need.rescue === true, special: need.special === true });
  return byHeight ? { en: t.en.replace('aerial ≥ -1 m', 'aerial ≥ building height'), zh: t.zh.replace('举高 ≥ -1 m', '举高 ≥ 建筑高度') } : t;
}

/** A need in words, English and Chinese: "aerial ≥ 60 m + foam", "any unit". */
export function needText(need: ResolvedNeed): { en: string; zh: string } {
  const en: string[] = [];
  const zh: string[] = [];
  if (need.aerialM !== null) {
    en.push(need.aerialM !== 0 ? `aerial ≥ ${need.aerialM} m` : 'aerial');
    zh.push(need.aerialM !== 0 ? `举高 ≥ ${need.aerialM} m` : '举高车');
  }
  if (need.foam) {
    en.push('foam');
    zh.push('泡沫');
  }
  if (need.tankerT !== null) {
    en.push(`tanker ≥ ${need.tankerT} t`);
    zh.push(`水罐 ≥ ${need.tankerT} t`);
  }
  if (need.rescue) {
    en.push('rescue');
    zh.push('抢险救援');
  }
  if (need.special) {
    en.push('special-duty station');
    zh.push('特勤站');
  }
  return en.length === 0 ? { en: 'any unit', zh: '任一力量' } : { en: en.join(' + '), zh: zh.join(' + ') };
}
