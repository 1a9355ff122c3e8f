import type { WaterDistrictRow, WaterFigure, WaterFigureKey, WaterFigures } from '@firecover/core';
import { defineMessages, translator, type Lang } from './i18n';

/**
 * The water figures as the text `firecover hydrants` and `firecover analyze` print (en / zh), and the
 * per-district table. Core gives typed figures (`waterFigures`); the words live here. Only core types are
 * imported, so `--help` stays fast.
 */
export const waterMessages = defineMessages({
  en: {
    hydrants: 'Municipal hydrants: {total}; on a road {snapped}, farther than {maxSnapM} m from any road {offRoad}, outside the study area {outside}',
    status: '  status: working {working}, damaged {damaged}, low pressure {low}, unknown {unknown} (counting toward compliance: {counting})',
    roads: 'Roads that need hydrants: {km} km in {stretches} stretches',
    spacing: 'Spacing ({clause}, ≤ {spacingM} m): {gaps} gaps, {km} km farther than {halfM} m along the road from every hydrant',
    protection: 'Protection ({clause}, ≤ {protectionM} m along the network): road protected {protectedKm} km, unprotected {unprotectedKm} km',
    land: '  land ({cellM} m grid): protected {protectedKm2} km², unprotected {unprotectedKm2} km², of which within {intakeS} s of an intake {intakeKm2} km²',
    rates: 'Required hydrants {required}, existing {existing}: construction rate (建有率) {construction}, intact rate (完好率) {intact}',
    fixPlan: 'Fix plan: {count} new hydrants close every spacing gap{wide}',
    fixPlanWide: ' ({count} of them on the unserved sides of wide roads)',
    wideRoads: 'Wide roads ({clause}, wider than {widthM} m: both sides, staggered): {km} km, served on one side only {oneSidedKm} km, required {required} (both sides counted)',
    places: 'Bridge heads and tunnel entrances ({clause}, within {limitM} m): {count}, without a hydrant {missing}',
    place: '  {kind}{name} at {at}: nearest hydrant {near} along the road',
    placeName: ' of {name}',
    bridgeHead: 'bridge head',
    tunnelEntrance: 'tunnel entrance',
    metres: '{m} m',
    none: 'none',
    cranes: 'Water cranes ({clause}, about {spacingM} m apart): {count} existing, {required} required, {gaps} gaps, {km} km',
    intakes: 'Intake points and fire pools: {count}, reachable by engine {reachable} (drivable road within {maxSnapM} m)',
    intakeRoad: '  road beyond hydrant protection but within {intakeS} s of an intake {beyondKm} km; neither {noneKm} km',
    stationIntake: '  {name}: nearest intake {time}',
    seconds: '{s} s',
    unreachable: 'unreachable',
    proposedByLand: '  new intake points (greedy maximal covering, not guaranteed optimal), ranked by the land beyond hydrant protection they newly bring within {intakeS} s',
    proposedByRoad: '  new intake points (greedy maximal covering, not guaranteed optimal), ranked by road: land figures off (--no-land)',
    proposed: '  proposed intake {n} at {at}: draws from {water}, {gain}',
    gainRoad: 'serves {km} km more road',
    gainLand: 'serves {km2} km² more land ({km} km road)',
    listSep: ', ',
    colId: 'district',
    colName: 'name',
    colRoadKm: 'road_km',
    colRequired: 'required',
    colExisting: 'existing',
    colWorking: 'working',
    colDamaged: 'damaged',
    colLowPressure: 'low_pressure',
    colUnknown: 'unknown',
    colConstructionRate: 'construction_rate',
    colIntactRate: 'intact_rate',
    colGaps: 'gaps',
    colGapKm: 'gap_km',
    colProtectedKm: 'protected_km',
    colUnprotectedKm: 'unprotected_km',
    colProposed: 'new_hydrants',
  },
  zh: {
    hydrants: '市政消火栓：共 {total} 个；吸附到道路 {snapped} 个，距道路超过 {maxSnapM} 米 {offRoad} 个，研究区外 {outside} 个',
    status: '  状态：完好 {working}，损坏 {damaged}，压力不足 {low}，未知 {unknown}（计入达标：{counting}）',
    roads: '需设消火栓道路 {km} 公里，{stretches} 段',
    spacing: '间距（{clause}，≤ {spacingM} 米）：{gaps} 处缺口，共 {km} 公里（沿路距最近消火栓超过 {halfM} 米）',
    protection: '保护半径（{clause}，沿路网 ≤ {protectionM} 米）：道路受保护 {protectedKm} 公里，未受保护 {unprotectedKm} 公里',
    land: '  用地（{cellM} 米栅格）：受保护 {protectedKm2} km²，未受保护 {unprotectedKm2} km²，其中取水点 {intakeS} 秒车程内 {intakeKm2} km²',
    rates: '应建消火栓 {required} 个，现有 {existing} 个：建有率 {construction}，完好率 {intact}',
    fixPlan: '补建方案：新增 {count} 个消火栓可消除全部间距缺口{wide}',
    fixPlanWide: '（其中宽路缺侧 {count} 个）',
    wideRoads: '宽路（{clause}，宽度超过 {widthM} 米应两侧交错设置）：宽路 {km} 公里，仅单侧设置 {oneSidedKm} 公里，应建 {required} 个（两侧各计）',
    places: '桥头及隧道出入口（{clause}，{limitM} 米内）：{count} 处，缺消火栓 {missing} 处',
    place: '  {name}{kind}（{at}）：沿路最近消火栓 {near}',
    placeName: '{name}',
    bridgeHead: '桥头',
    tunnelEntrance: '隧道出入口',
    metres: '{m} 米',
    none: '无',
    cranes: '消防水鹤（{clause}，间距约 {spacingM} 米）：现有 {count} 个，应建 {required} 个，缺口 {gaps} 处共 {km} 公里',
    intakes: '取水点/消防水池：{count} 处，消防车可达 {reachable} 处（{maxSnapM} 米内有可通行道路）',
    intakeRoad: '  消火栓保护范围外、取水点 {intakeS} 秒车程内道路 {beyondKm} 公里；两者皆无 {noneKm} 公里',
    stationIntake: '  {name}：至最近取水点 {time}',
    seconds: '{s} 秒',
    unreachable: '不可达',
    proposedByLand: '  建议新取水点（贪心最大覆盖，不保证最优）：按新增覆盖的消火栓保护范围外用地（{intakeS} 秒车程内）排序',
    proposedByRoad: '  建议新取水点（贪心最大覆盖，不保证最优）：未计算用地（--no-land），按新增覆盖的道路排序',
    proposed: '  建议新取水点 {n}（{at}）：取水自 {water}，{gain}',
    gainRoad: '新增覆盖道路 {km} 公里',
    gainLand: '新增覆盖用地 {km2} km²（道路 {km} 公里）',
    listSep: '、',
    colId: '辖区',
    colName: '名称',
    colRoadKm: '道路公里',
    colRequired: '应建',
    colExisting: '现有',
    colWorking: '完好',
    colDamaged: '损坏',
    colLowPressure: '压力不足',
    colUnknown: '状态未知',
    colConstructionRate: '建有率',
    colIntactRate: '完好率',
    colGaps: '间距缺口',
    colGapKm: '缺口公里',
    colProtectedKm: '受保护公里',
    colUnprotectedKm: '未受保护公里',
    colProposed: '补建',
  },
});

type WaterKey = keyof (typeof waterMessages)['en'];

/** The figure's value; a figure missing from the list is a programming error (land and cranes are checked first). */
function fig(w: WaterFigures, key: WaterFigureKey): WaterFigure {
  const f = w.figures.find((x) => x.key === key);
  if (!f) throw new Error(`water figure ${key} missing`);
  return f;
}

const km = (x: number | null): string => (x === null ? '—' : x.toFixed(2));
const pct = (x: number | null): string => (x === null ? '—' : `${x.toFixed(1)}%`);
const at = (x: { lon: number; lat: number }): string => `${x.lon.toFixed(5)}, ${x.lat.toFixed(5)}`;
const count = (f: WaterFigure): string => String(f.value);

/** The water summary lines (no trailing newline), in `lang`. */
export function waterLines(w: WaterFigures, lang: Lang): string[] {
  const zh = lang === 'zh';
  const t = translator(waterMessages, lang);
  const v = (key: WaterFigureKey): number | null => fig(w, key).value;
  const lines: string[] = [];
  lines.push(t('hydrants', { total: count(fig(w, 'hydrants.total')), snapped: count(fig(w, 'hydrants.snapped')), maxSnapM: w.settings.hydrantMaxSnapM, offRoad: count(fig(w, 'hydrants.offRoad')), outside: count(fig(w, 'hydrants.outsideArea')) }));
  lines.push(t('status', { working: count(fig(w, 'hydrants.working')), damaged: count(fig(w, 'hydrants.damaged')), low: count(fig(w, 'hydrants.lowPressure')), unknown: count(fig(w, 'hydrants.unknown')), counting: w.countingStatuses.join(t('listSep')) }));
  lines.push(t('roads', { km: km(v('roads.requiredKm')), stretches: count(fig(w, 'roads.stretches')) }));
  const gaps = fig(w, 'spacing.gaps');
  lines.push(t('spacing', { clause: gaps.clause ?? '', spacingM: gaps.limit ?? '', gaps: count(gaps), km: km(v('spacing.gapKm')), halfM: (gaps.limit ?? 0) / 2 }));
  const prot = fig(w, 'protection.protectedKm');
  lines.push(t('protection', { clause: prot.clause ?? '', protectionM: prot.limit ?? '', protectedKm: km(prot.value), unprotectedKm: km(v('protection.unprotectedKm')) }));
  if (w.land) {
    const k3 = (key: WaterFigureKey): string => (v(key) ?? 0).toFixed(3);
    lines.push(t('land', { cellM: w.settings.cellSizeM ?? '', protectedKm2: k3('land.protectedKm2'), unprotectedKm2: k3('land.unprotectedKm2'), intakeS: w.settings.intakeTimeS, intakeKm2: k3('land.intakeKm2') }));
  }
  lines.push(t('rates', { required: count(fig(w, 'hydrants.required')), existing: count(fig(w, 'hydrants.existing')), construction: pct(v('hydrants.constructionRate')), intact: pct(v('hydrants.intactRate')) }));
  const wideSides = v('fixPlan.wideRoadSides') ?? 0;
  lines.push(t('fixPlan', { count: count(fig(w, 'fixPlan.proposed')), wide: wideSides ? t('fixPlanWide', { count: wideSides }) : '' }));
  const wide = fig(w, 'wideRoads.km');
  lines.push(t('wideRoads', { clause: wide.clause ?? '', widthM: wide.limit ?? '', km: km(wide.value), oneSidedKm: km(v('wideRoads.oneSidedKm')), required: count(fig(w, 'wideRoads.required')) }));
  const missing = fig(w, 'requiredPlaces.missing');
  lines.push(t('places', { clause: missing.clause ?? '', limitM: missing.limit ?? '', count: count(fig(w, 'requiredPlaces.count')), missing: count(missing) }));
  for (const x of w.missingPlaces) {
    const name = zh ? x.nameZh || x.name || '' : x.name;
    lines.push(
      t('place', {
        kind: t(x.kind === 'bridge_head' ? 'bridgeHead' : 'tunnelEntrance'),
        name: name ? t('placeName', { name }) : '',
        at: at(x),
        near: x.nearestHydrantM === null ? t('none') : t('metres', { m: Math.round(x.nearestHydrantM) }),
      }),
    );
  }
  if (w.cranes) {
    const cg = fig(w, 'cranes.gaps');
    lines.push(t('cranes', { clause: cg.clause ?? '', spacingM: cg.limit ?? '', count: count(fig(w, 'cranes.existing')), required: count(fig(w, 'cranes.required')), gaps: count(cg), km: km(v('cranes.gapKm')) }));
  }
  lines.push(t('intakes', { count: count(fig(w, 'intake.sources')), reachable: count(fig(w, 'intake.reachable')), maxSnapM: w.settings.intakeMaxSnapM }));
  lines.push(t('intakeRoad', { intakeS: w.settings.intakeTimeS, beyondKm: km(v('intake.beyondHydrantsKm')), noneKm: km(v('intake.noWaterKm')) }));
  for (const s of w.stationIntakes) lines.push(t('stationIntake', { name: zh ? (s.nameZh ?? s.name) : s.name, time: s.timeS === null ? t('unreachable') : t('seconds', { s: Math.round(s.timeS) }) }));
  if (w.proposedIntakes.length) lines.push(w.proposedBy === 'land' ? t('proposedByLand', { intakeS: w.settings.intakeTimeS }) : t('proposedByRoad'));
  for (const q of w.proposedIntakes) {
    const gain = q.gainKm2 === null ? t('gainRoad', { km: km(q.gainM / 1000) }) : t('gainLand', { km2: q.gainKm2.toFixed(3), km: km(q.gainM / 1000) });
    lines.push(t('proposed', { n: q.n, at: at(q), water: (zh ? q.waterNameZh || q.waterName : q.waterName) || q.waterId, gain }));
  }
  return lines;
}

const COLUMN_KEYS: readonly [keyof WaterDistrictRow, WaterKey][] = [
  ['id', 'colId'],
  ['name', 'colName'],
  ['roadKm', 'colRoadKm'],
  ['required', 'colRequired'],
  ['existing', 'colExisting'],
  ['working', 'colWorking'],
  ['damaged', 'colDamaged'],
  ['lowPressure', 'colLowPressure'],
  ['unknown', 'colUnknown'],
  ['constructionRate', 'colConstructionRate'],
  ['intactRate', 'colIntactRate'],
  ['gaps', 'colGaps'],
  ['gapKm', 'colGapKm'],
  ['protectedKm', 'colProtectedKm'],
  ['unprotectedKm', 'colUnprotectedKm'],
  ['proposed', 'colProposed'],
];

/** The per-district table (and the total row) as cells, header first: integers as they are, other numbers to 3 decimals. */
export function waterTableRows(w: Pick<WaterFigures, 'districts' | 'total'>, lang: Lang): string[][] {
  const t = translator(waterMessages, lang);
  const cell = (v: unknown): string => (v === null ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v));
  const value = (r: WaterDistrictRow, k: keyof WaterDistrictRow): unknown => (k === 'name' && lang === 'zh' ? (r.nameZh ?? r.name) : r[k]);
  return [COLUMN_KEYS.map(([, m]) => t(m)), ...[...w.districts, w.total].map((r) => COLUMN_KEYS.map(([k]) => cell(value(r, k))))];
}
