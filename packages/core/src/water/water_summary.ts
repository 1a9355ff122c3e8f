import type { WaterAnalysis, WaterDistrictRow } from './analyze_water';

/**
 * The figures a planner reports, in English or Chinese, each with the clause it checks. Pure text;
 * the CLI prints it and the coverage report can include it.
 */
export function waterSummary(a: WaterAnalysis, lang: 'en' | 'zh' = 'en'): string[] {
  const zh = lang === 'zh';
  const p = a.preset;
  const km = (x: number): string => x.toFixed(2);
  const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const t = a.total;
  const c = a.counts;
  const lines: string[] = [];
  const at = (x: { lon: number; lat: number }): string => `${x.lon.toFixed(5)}, ${x.lat.toFixed(5)}`;
  const near = (m: number): string => (Number.isFinite(m) ? `${Math.round(m)} ${zh ? '米' : 'm'}` : zh ? '无' : 'none');
  if (zh) {
    lines.push(`市政消火栓：共 ${c.total} 个；吸附到道路 ${c.snapped} 个，距道路超过 ${a.settings.hydrantMaxSnapM} 米 ${c.offRoad} 个，研究区外 ${c.outsideArea} 个`);
    lines.push(`  状态：完好 ${c.working}，损坏 ${c.damaged}，压力不足 ${c.lowPressure}，未知 ${c.unknown}（计入达标：${a.countingStatuses.join('、')}）`);
    lines.push(`需设消火栓道路 ${km(a.spacing.roadKm)} 公里，${a.spacing.stretches} 段`);
    lines.push(`间距（${p.hydrantSpacingM.clause}，≤ ${p.hydrantSpacingM.value} 米）：${a.spacing.gaps.length} 处缺口，共 ${km(a.spacing.gapKm)} 公里（沿路距最近消火栓超过 ${p.hydrantSpacingM.value / 2} 米）`);
    lines.push(`保护半径（${p.hydrantProtectionM.clause}，沿路网 ≤ ${p.hydrantProtectionM.value} 米）：道路受保护 ${km(a.protection.protectedKm)} 公里，未受保护 ${km(a.protection.unprotectedKm)} 公里`);
    if (a.protection.land) {
      const l = a.protection.land;
      lines.push(`  用地（${l.cellSizeM} 米栅格）：受保护 ${l.protectedKm2.toFixed(3)} km²，未受保护 ${l.unprotectedKm2.toFixed(3)} km²，其中取水点 ${a.settings.intakeTimeS} 秒车程内 ${l.intakeKm2.toFixed(3)} km²`);
    }
    lines.push(`应建消火栓 ${t.required} 个，现有 ${t.existing} 个：建有率 ${pct(t.constructionRate)}，完好率 ${pct(t.intactRate)}`);
    lines.push(`补建方案：新增 ${a.fixPlan.proposed.length} 个消火栓可消除全部间距缺口${a.wideRoads.proposed ? `（其中宽路缺侧 ${a.wideRoads.proposed} 个）` : ''}`);
    lines.push(`宽路（${p.wideRoadWidthM.clause}，宽度超过 ${p.wideRoadWidthM.value} 米应两侧交错设置）：宽路 ${km(a.wideRoads.wideRoadKm)} 公里，仅单侧设置 ${km(a.wideRoads.oneSidedKm)} 公里，应建 ${a.wideRoads.required} 个（两侧各计）`);
    const bad = a.requiredPlaces.filter((x) => !x.ok);
    lines.push(`桥头及隧道出入口（${p.requiredPlaceHydrantM.clause}，${p.requiredPlaceHydrantM.value} 米内）：${a.requiredPlaces.length} 处，缺消火栓 ${bad.length} 处`);
    for (const x of bad) lines.push(`  ${x.nameZh || x.name || ''}${x.kind === 'bridge_head' ? '桥头' : '隧道出入口'}（${at(x)}）：沿路最近消火栓 ${near(x.nearestHydrantM)}`);
    if (a.cranes.checked) lines.push(`消防水鹤（${p.waterCraneSpacingM.clause}，间距约 ${p.waterCraneSpacingM.value} 米）：现有 ${a.cranes.count} 个，应建 ${a.cranes.required} 个，缺口 ${a.cranes.gaps.length} 处共 ${km(a.cranes.gapKm)} 公里`);
    const reachable = a.intake.sources.filter((s) => s.snap).length;
    lines.push(`取水点/消防水池：${a.intake.sources.length} 处，消防车可达 ${reachable} 处（${a.settings.intakeMaxSnapM} 米内有可通行道路）`);
    lines.push(`  消火栓保护范围外、取水点 ${a.settings.intakeTimeS} 秒车程内道路 ${km(a.intake.beyondHydrantsReachedKm)} 公里；两者皆无 ${km(a.intake.noWaterKm)} 公里`);
    for (const s of a.intake.stations) lines.push(`  ${s.nameZh ?? s.name}：至最近取水点 ${Number.isFinite(s.timeS) ? `${Math.round(s.timeS)} 秒` : '不可达'}`);
    if (a.intake.proposed.length) {
      lines.push(
        a.intake.proposedBy === 'land'
          ? `  建议新取水点（贪心最大覆盖，不保证最优）：按新增覆盖的消火栓保护范围外用地（${a.settings.intakeTimeS} 秒车程内）排序`
          : `  建议新取水点（贪心最大覆盖，不保证最优）：未计算用地（--no-land），按新增覆盖的道路排序`,
      );
    }
    for (const [i, q] of a.intake.proposed.entries()) {
      const gain = q.gainKm2 === null ? `新增覆盖道路 ${km(q.gainM / 1000)} 公里` : `新增覆盖用地 ${q.gainKm2.toFixed(3)} km²（道路 ${km(q.gainM / 1000)} 公里）`;
      lines.push(`  建议新取水点 ${i + 1}（${at(q)}）：取水自 ${q.waterNameZh || q.waterName || q.waterId}，${gain}`);
    }
  } else {
    lines.push(`Municipal hydrants: ${c.total}; on a road ${c.snapped}, farther than ${a.settings.hydrantMaxSnapM} m from any road ${c.offRoad}, outside the study area ${c.outsideArea}`);
    lines.push(`  status: working ${c.working}, damaged ${c.damaged}, low pressure ${c.lowPressure}, unknown ${c.unknown} (counting toward compliance: ${a.countingStatuses.join(', ')})`);
    lines.push(`Roads that need hydrants: ${km(a.spacing.roadKm)} km in ${a.spacing.stretches} stretches`);
    lines.push(`Spacing (${p.hydrantSpacingM.clause}, ≤ ${p.hydrantSpacingM.value} m): ${a.spacing.gaps.length} gaps, ${km(a.spacing.gapKm)} km farther than ${p.hydrantSpacingM.value / 2} m along the road from every hydrant`);
    lines.push(`Protection (${p.hydrantProtectionM.clause}, ≤ ${p.hydrantProtectionM.value} m along the network): road protected ${km(a.protection.protectedKm)} km, unprotected ${km(a.protection.unprotectedKm)} km`);
    if (a.protection.land) {
      const l = a.protection.land;
      lines.push(`  land (${l.cellSizeM} m grid): protected ${l.protectedKm2.toFixed(3)} km², unprotected ${l.unprotectedKm2.toFixed(3)} km², of which within ${a.settings.intakeTimeS} s of an intake ${l.intakeKm2.toFixed(3)} km²`);
    }
    lines.push(`Required hydrants ${t.required}, existing ${t.existing}: construction rate (建有率) ${pct(t.constructionRate)}, intact rate (完好率) ${pct(t.intactRate)}`);
    lines.push(`Fix plan: ${a.fixPlan.proposed.length} new hydrants close every spacing gap${a.wideRoads.proposed ? ` (${a.wideRoads.proposed} of them on the unserved sides of wide roads)` : ''}`);
    lines.push(`Wide roads (${p.wideRoadWidthM.clause}, wider than ${p.wideRoadWidthM.value} m: both sides, staggered): ${km(a.wideRoads.wideRoadKm)} km, served on one side only ${km(a.wideRoads.oneSidedKm)} km, required ${a.wideRoads.required} (both sides counted)`);
    const bad = a.requiredPlaces.filter((x) => !x.ok);
    lines.push(`Bridge heads and tunnel entrances (${p.requiredPlaceHydrantM.clause}, within ${p.requiredPlaceHydrantM.value} m): ${a.requiredPlaces.length}, without a hydrant ${bad.length}`);
    for (const x of bad) lines.push(`  ${x.kind === 'bridge_head' ? 'bridge head' : 'tunnel entrance'}${x.name ? ` of ${x.name}` : ''} at ${at(x)}: nearest hydrant ${near(x.nearestHydrantM)} along the road`);
    if (a.cranes.checked) lines.push(`Water cranes (${p.waterCraneSpacingM.clause}, about ${p.waterCraneSpacingM.value} m apart): ${a.cranes.count} existing, ${a.cranes.required} required, ${a.cranes.gaps.length} gaps, ${km(a.cranes.gapKm)} km`);
    const reachable = a.intake.sources.filter((s) => s.snap).length;
    lines.push(`Intake points and fire pools: ${a.intake.sources.length}, reachable by engine ${reachable} (drivable road within ${a.settings.intakeMaxSnapM} m)`);
    lines.push(`  road beyond hydrant protection but within ${a.settings.intakeTimeS} s of an intake ${km(a.intake.beyondHydrantsReachedKm)} km; neither ${km(a.intake.noWaterKm)} km`);
    for (const s of a.intake.stations) lines.push(`  ${s.name}: nearest intake ${Number.isFinite(s.timeS) ? `${Math.round(s.timeS)} s` : 'unreachable'}`);
    if (a.intake.proposed.length) {
      lines.push(
        a.intake.proposedBy === 'land'
          ? `  new intake points (greedy maximal covering, not guaranteed optimal), ranked by the land beyond hydrant protection they newly bring within ${a.settings.intakeTimeS} s`
          : `  new intake points (greedy maximal covering, not guaranteed optimal), ranked by road: land figures off (--no-land)`,
      );
    }
    for (const [i, q] of a.intake.proposed.entries()) {
      const gain = q.gainKm2 === null ? `serves ${km(q.gainM / 1000)} km more road` : `serves ${q.gainKm2.toFixed(3)} km² more land (${km(q.gainM / 1000)} km road)`;
      lines.push(`  proposed intake ${i + 1} at ${at(q)}: draws from ${q.waterName || q.waterId}, ${gain}`);
    }
  }
  return lines;
}

const COLUMNS: [keyof WaterDistrictRow, string, string][] = [
  ['id', 'district', '辖区'],
  ['name', 'name', '名称'],
  ['roadKm', 'road_km', '道路公里'],
  ['required', 'required', '应建'],
  ['existing', 'existing', '现有'],
  ['working', 'working', '完好'],
  ['damaged', 'damaged', '损坏'],
  ['lowPressure', 'low_pressure', '压力不足'],
  ['unknown', 'unknown', '状态未知'],
  ['constructionRate', 'construction_rate', '建有率'],
  ['intactRate', 'intact_rate', '完好率'],
  ['gaps', 'gaps', '间距缺口'],
  ['gapKm', 'gap_km', '缺口公里'],
  ['protectedKm', 'protected_km', '受保护公里'],
  ['unprotectedKm', 'unprotected_km', '未受保护公里'],
  ['proposed', 'new_hydrants', '补建'],
];

/** The per-district table (and a total row) as rows of strings, header first. */
export function waterTable(a: WaterAnalysis, lang: 'en' | 'zh' = 'en'): string[][] {
  const cell = (v: unknown): string => (v === null ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v));
  const value = (r: WaterDistrictRow, k: keyof WaterDistrictRow): unknown => (k === 'name' && lang === 'zh' ? (r.nameZh ?? r.name) : r[k]);
  return [COLUMNS.map((c) => (lang === 'zh' ? c[2] : c[1])), ...[...a.table, a.total].map((r) => COLUMNS.map(([k]) => cell(value(r, k))))];
}
