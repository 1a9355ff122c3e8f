import type { RiskAnalysis } from '@firecover/core';
import type { Section } from './document';
import { fmt } from './escape';

/**
 * The report's risk and capability section (docs/risk.md): per hazard class, the sites and km reached within
 * the class standard by the first capable unit, the first stations, the need and its clause (local choices
 * marked); the sites not met; micro stations over communities; the township coverage rate.
 */
const TEXT = {
  en: {
    title: 'Hazards, capabilities, micro stations and townships',
    intro: 'First arrival of a unit carrying what each site needs (an aerial reaching a high-rise, foam for a chemical site …), on the roads its vehicle may use (weight, height, width limits).',
    cols: ['class', 'sites', 'met', 'no capable unit', 'km', 'km reached', 'standard s', 'first capable station (sites)', 'need; standard'],
    localChoice: 'local choice',
    notMet: 'Sites not met',
    noCapable: 'no station carries it',
    noRoad: 'no road within the access distance',
    unreachable: 'the capable units cannot reach it',
    tooFar: 'capable unit {station} at {s} s',
    micro: 'Micro fire stations: {count}, within {responseS} s ({clause}); communities with one in reach {reached} of {total}; lacking: {list}.',
    townships: 'Townships with a full-time brigade: {withFull} of {total} (township coverage rate {pct} %, {clause}); lacking: {list}.',
    none: 'none',
  },
  zh: {
    title: '风险点、装备能力、微型消防站与乡镇',
    intro: '具备各风险点所需装备（举高车高度满足高层建筑、化工场所配泡沫等）的首到力量，按其车辆可通行的道路（限重、限高、限宽）计算。',
    cols: ['类别', '数量', '达标', '无相应装备', '公里', '可达公里', '标准 秒', '首到站（个数）', '装备需求；标准依据'],
    localChoice: '地方自定',
    notMet: '未达标的风险点',
    noCapable: '无消防站配备',
    noRoad: '接入距离内无道路',
    unreachable: '具备装备的力量无法到达',
    tooFar: '{station} {s} 秒到场',
    micro: '微型消防站 {count} 个，{responseS} 秒内到场（{clause}）；可及社区 {reached}/{total}；缺少：{list}。',
    townships: '设有专职消防力量的乡镇 {withFull}/{total}（乡镇覆盖率 {pct}%，{clause}）；缺少：{list}。',
    none: '无',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>): string => s.replace(/\{(\w+)\}/g, (w, k: string) => (k in p ? String(p[k]) : w));

/** The section, or null when the analysis has nothing to show. */
export function riskSection(risk: RiskAnalysis | null, lang: 'en' | 'zh', stationName: (id: string) => string): Section | null {
  if (!risk || (risk.hazards.length === 0 && !risk.micro && !risk.townships)) return null;
  const T = TEXT[lang];
  const zh = lang === 'zh';
  const sep = zh ? '、' : ', ';
  const blocks: Section['blocks'] = [];
  if (risk.hazards.length > 0) {
    blocks.push({ kind: 'p', text: T.intro });
    const rows: string[][] = [[...T.cols]];
    const failRows: number[] = [];
    risk.classes.forEach((c, i) => {
      if (c.sitesMet < c.sites) failRows.push(i + 1);
      rows.push([
        zh ? c.label.zh : c.label.en,
        String(c.sites),
        String(c.sitesMet),
        String(c.sitesWithoutCapable),
        c.lengthKm === null ? '—' : fmt(c.lengthKm, 2),
        c.reachedKm === null ? '—' : fmt(c.reachedKm, 2),
        String(c.responseS),
        c.byStation.map((b) => `${stationName(b.stationId)} (${b.sites})`).join(sep) || '—',
        `${zh ? c.needText.zh : c.needText.en}${c.localChoice ? ` (${T.localChoice})` : ''}; ${c.responseClause}`,
      ]);
    });
    blocks.push({ kind: 'table', rows, numeric: [1, 2, 3, 4, 5, 6], failRows });
    const missed = risk.hazards.filter((h) => !h.meets);
    if (missed.length > 0) {
      blocks.push({ kind: 'p', text: T.notMet });
      blocks.push({
        kind: 'list',
        items: missed.map((h) => {
          const why = h.reason === 'no_capable_station' ? T.noCapable : h.reason === 'no_road' ? T.noRoad : h.reason === 'unreachable' ? T.unreachable : fill(T.tooFar, { station: h.capableStationId ? stationName(h.capableStationId) : '—', s: fmt((h.kind === 'line' ? h.latestS : h.capableS) ?? NaN, 1) });
          const name = (zh ? (h.nameZh ?? h.name) : (h.name ?? h.nameZh)) ?? h.id;
          return zh ? `${name}（${h.classLabel.zh}，${h.needText.zh}）：${why}` : `${name} (${h.classLabel.en}, ${h.needText.en}): ${why}`;
        }),
      });
    }
  }
  const m = risk.micro;
  if (m && m.communities.length > 0) {
    const names = new Map(m.communities.map((c) => [c.id, (zh ? (c.nameZh ?? c.name) : (c.name ?? c.nameZh)) ?? c.id]));
    blocks.push({ kind: 'p', text: fill(T.micro, { count: m.stations.length, responseS: m.responseS, clause: m.responseClause, reached: m.communitiesInReach, total: m.communities.length, list: m.lackingIds.map((id) => names.get(id)!).join(sep) || T.none }) });
  }
  const tw = risk.townships;
  if (tw) {
    const lacking = tw.townships.filter((x) => !x.fullTime).map((x) => (zh ? (x.nameZh ?? x.name) : (x.name ?? x.nameZh)) ?? x.id);
    blocks.push({ kind: 'p', text: fill(T.townships, { withFull: tw.withFullTime, total: tw.townships.length, pct: tw.coveragePct === null ? '—' : fmt(tw.coveragePct, 1), clause: tw.coverageClause, list: lacking.join(sep) || T.none }) });
  }
  return { id: 'risk', title: T.title, blocks };
}
