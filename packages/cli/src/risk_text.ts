import type { RiskAnalysis } from '@firecover/core';
import { csvText } from './csv_tables';
import { defineMessages, translator, type Lang } from './i18n';
import { alignColumns } from './table';

/**
 * The risk and capability results as `firecover analyze` prints them (en / zh), and `hazards.csv`.
 * Only core types are imported, so `--help` stays fast.
 */
export const riskMessages = defineMessages({
  en: {
    title: 'Hazards: first capable unit within the class standard',
    colClass: 'class',
    colSites: 'sites',
    colMet: 'met',
    colNoCapable: 'no capable unit',
    colKm: 'km',
    colReachedKm: 'km reached',
    colStandard: 'standard s',
    colFirst: 'first capable station (sites)',
    colClause: 'need / standard',
    localChoice: 'local choice',
    notMet: 'Not met: {list}',
    notMetItem: '{name} ({cls}, {need}: {why})',
    whyNoCapable: 'no station carries it',
    whyNoRoad: 'no road within the access distance',
    whyUnreachable: 'the capable units cannot reach it',
    whyTooFar: 'capable unit {station} at {s} s',
    micro: 'Micro fire stations: {count}; within {responseS} s ({clause}) — on foot {footM} m, light vehicle {vehicleM} m',
    microCommunities: '  communities with a micro station in reach: {reached} of {total} ({pct} %); lacking: {list}',
    townships: 'Townships: {withFull} of {total} with a full-time brigade (township coverage rate {pct} %, {clause}); lacking: {list}',
    township: '  {name}: stations {stations}, land reached {land} %, population reached {pop} %',
    limits: 'Vehicle limits on the network: maxweight {w}, maxheight {h}, maxwidth {wd}, hgv=no {hgv} links; closed to {profiles}',
    none: 'none',
  },
  zh: {
    title: '风险点：具备相应装备的首到力量及到场时间',
    colClass: '类别',
    colSites: '数量',
    colMet: '达标',
    colNoCapable: '无相应装备',
    colKm: '公里',
    colReachedKm: '可达公里',
    colStandard: '标准 秒',
    colFirst: '首到站（个数）',
    colClause: '装备 / 标准依据',
    localChoice: '地方自定',
    notMet: '未达标：{list}',
    notMetItem: '{name}（{cls}，{need}：{why}）',
    whyNoCapable: '无消防站配备',
    whyNoRoad: '接入距离内无道路',
    whyUnreachable: '具备装备的力量无法到达',
    whyTooFar: '{station} {s} 秒到场',
    micro: '微型消防站：{count} 个；{responseS} 秒内到场（{clause}）——步行 {footM} m，轻便车辆 {vehicleM} m',
    microCommunities: '  微型消防站可及的社区：{reached}/{total}（{pct}%）；缺少：{list}',
    townships: '乡镇：{total} 个中 {withFull} 个设有专职消防力量（乡镇覆盖率 {pct}%，{clause}）；缺少：{list}',
    township: '  {name}：消防站 {stations} 个，用地可达 {land}%，人口可达 {pop}%',
    limits: '路网车辆限制：限重 {w}、限高 {h}、限宽 {wd}、禁止货车 {hgv} 个路段；各车型不可通行路段：{profiles}',
    none: '无',
  },
});

const f = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** The risk section of `analyze`'s text. */
export function riskLines(risk: RiskAnalysis, lang: Lang, stationName: (id: string) => string): string[] {
  const t = translator(riskMessages, lang);
  const zh = lang === 'zh';
  const lines: string[] = [];
  if (risk.hazards.length > 0) {
    lines.push(t('title'));
    const rows: string[][] = [[t('colClass'), t('colSites'), t('colMet'), t('colNoCapable'), t('colKm'), t('colReachedKm'), t('colStandard'), t('colFirst'), t('colClause')]];
    for (const c of risk.classes) {
      rows.push([
        zh ? c.label.zh : c.label.en,
        String(c.sites),
        String(c.sitesMet),
        String(c.sitesWithoutCapable),
        f(c.lengthKm, 2),
        f(c.reachedKm, 2),
        String(c.responseS),
        c.byStation.map((b) => `${stationName(b.stationId)} (${b.sites})`).join(zh ? '、' : ', ') || '—',
        `${zh ? c.needText.zh : c.needText.en}${c.localChoice ? ` [${t('localChoice')}]` : ''}; ${c.responseClause}`,
      ]);
    }
    lines.push(alignColumns(rows));
    const missed = risk.hazards.filter((h) => !h.meets);
    if (missed.length > 0) {
      const why = (h: (typeof missed)[number]): string =>
        h.reason === 'no_capable_station' ? t('whyNoCapable') : h.reason === 'no_road' ? t('whyNoRoad') : h.reason === 'unreachable' ? t('whyUnreachable') : t('whyTooFar', { station: h.capableStationId ? stationName(h.capableStationId) : '—', s: f(h.kind === 'line' ? h.latestS : h.capableS) });
      const items = missed.map((h) => t('notMetItem', { name: (zh ? (h.nameZh ?? h.name) : (h.name ?? h.nameZh)) ?? h.id, cls: zh ? h.classLabel.zh : h.classLabel.en, need: zh ? h.needText.zh : h.needText.en, why: why(h) }));
      lines.push(t('notMet', { list: items.join(zh ? '；' : '; ') }));
    }
  }
  const m = risk.micro;
  if (m) {
    const reach = (mode: 'foot' | 'light_vehicle'): string => f(((m.speedKmh[mode] * 1000) / 3600) * (m.responseS - m.turnoutS), 0);
    lines.push(t('micro', { count: m.stations.length, responseS: m.responseS, clause: m.responseClause, footM: reach('foot'), vehicleM: reach('light_vehicle') }));
    if (m.communities.length > 0) {
      const name = new Map(m.communities.map((c) => [c.id, (zh ? (c.nameZh ?? c.name) : (c.name ?? c.nameZh)) ?? c.id]));
      lines.push(t('microCommunities', { reached: m.communitiesInReach, total: m.communities.length, pct: f(m.communitiesInReachPct), list: m.lackingIds.map((id) => name.get(id)!).join(zh ? '、' : ', ') || t('none') }));
    }
  }
  const tw = risk.townships;
  if (tw) {
    const name = (x: { id: string; name: string | null; nameZh: string | null }): string => (zh ? (x.nameZh ?? x.name) : (x.name ?? x.nameZh)) ?? x.id;
    const lacking = tw.townships.filter((x) => !x.fullTime).map(name);
    lines.push(t('townships', { withFull: tw.withFullTime, total: tw.townships.length, pct: f(tw.coveragePct), clause: tw.coverageClause, list: lacking.join(zh ? '、' : ', ') || t('none') }));
    for (const x of tw.townships) lines.push(t('township', { name: name(x), stations: x.stations.length, land: f(x.landReachedPct), pop: f(x.populationReachedPct) }));
  }
  const v = risk.vehicleLimits;
  if (v.links.maxWeight + v.links.maxHeight + v.links.maxWidth + v.links.noHgv > 0) {
    const closed = Object.entries(v.closedLinks).map(([p, n]) => `${p} ${n}`).join(', ');
    lines.push(t('limits', { w: v.links.maxWeight, h: v.links.maxHeight, wd: v.links.maxWidth, hgv: v.links.noHgv, profiles: closed }));
  }
  return lines;
}

/** `hazards.csv`: one row per hazard site, English column names, names in English and Chinese. */
export function hazardsCsv(risk: RiskAnalysis): string {
  const rows: (string | number | boolean | null)[][] = [
    [
      'id', 'name', 'name_zh', 'class', 'class_zh', 'kind', 'height_m',
      'need', 'need_zh', 'vehicle', 'capable_stations',
      'response_s', 'response_clause', 'need_clause', 'local_choice',
      'first_any_s', 'first_any_station', 'capable_s', 'capable_station', 'latest_s',
      'length_km', 'reached_km', 'meets', 'reason',
    ],
  ];
  const r1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);
  const r3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);
  for (const h of risk.hazards) {
    rows.push([
      h.id, h.name, h.nameZh ?? h.name, h.class, h.classLabel.zh, h.kind, h.heightM,
      h.needText.en, h.needText.zh, h.vehicle, h.capableStationIds.join(' '),
      h.responseS, h.responseClause, h.needClause, h.localChoice,
      r1(h.firstAnyS), h.firstAnyStationId, r1(h.capableS), h.capableStationId, r1(h.latestS),
      r3(h.lengthKm), r3(h.reachedKm), h.meets, h.reason,
    ]);
  }
  return csvText(rows);
}
