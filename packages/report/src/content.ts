import { PRESETS, STATION_CLASS_LABELS, type Rule } from '@firecover/core';
import type { ReportInput } from './analysis_input';
import { barChart } from './charts';
import type { Block, ReportDocument, Section } from './document';
import { fmt } from './escape';
import { indicatorRows, indicatorTable, townshipCoverage } from './indicators';
import { riskSection } from './risk_section';
import type { RenderedMap } from './maps';
import type { Lang } from './svg_map';
import { translator, type Tr } from './text';

export interface ContentOptions {
  lang: Lang;
  date: string | null;
  title?: string;
  /** File names of the scenario's inputs as given in it (cover: data sources). */
  sources: string[];
}

const signed = (x: number | null, digits = 2): string => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(digits)}`);

/** The report's chapters, from the analysis figures (formatted as `firecover analyze` prints them). */
export function reportDocument(input: ReportInput, maps: RenderedMap[], opts: ContentOptions): ReportDocument {
  const { lang } = opts;
  const zh = lang === 'zh';
  const t = translator(lang);
  const s = input.coverage;
  const c = input.comparison;
  const R = s.standards.responseS;
  const name = zh && input.scenario.nameZh ? input.scenario.nameZh : input.scenario.name;
  const ok = (pass: boolean | null): string => (pass === null ? '' : pass ? t('pass') : t('fail'));
  const map = (id: string): Block[] => {
    const m = maps.find((x) => x.id === id);
    return m ? [{ kind: 'figure', id: m.id, caption: m.title, svg: m.svg, type: 'map' }] : [];
  };
  const sections: Section[] = [];

  // Stations
  const stationRows = [[t('colStation'), t('colClass'), zh ? '状态' : 'status', zh ? '年份' : 'year', zh ? '出动 s' : 'turnout s', zh ? '服务范围 km²' : 'service area km²']];
  for (const st of s.stations) {
    stationRows.push([zh && st.nameZh ? st.nameZh : st.name, classText(st.class, lang), statusText(st.status, t), st.year === null ? '—' : String(st.year), String(st.turnoutS), fmt(st.serviceAreaKm2)]);
  }
  sections.push({ id: 'stations', title: t('mapStations'), blocks: [{ kind: 'table', rows: stationRows, numeric: [3, 4, 5] }, ...map('stations')] });

  // Districts
  const d0 = s.districts[0];
  const dRows: string[][] = [[t('colStation'), t('colClass'), t('colArea'), t('colCap'), t('colCheck'), t('colLatest'), t('colCheck'), t('colLate'), t('colBarriers'), t('colMarginal')]];
  const failRows: number[] = [];
  s.districts.forEach((d, i) => {
    if (d.areaKm2.pass === false || d.latestArrivalS.pass === false) failRows.push(i + 1);
    dRows.push([
      zh && d.nameZh ? d.nameZh : d.name,
      zh ? d.classLabel.zh : d.classLabel.en,
      fmt(d.areaKm2.value as number | null),
      String(d.areaKm2.limit),
      ok(d.areaKm2.pass),
      fmt(d.latestArrivalS.value as number | null, 1),
      ok(d.latestArrivalS.pass),
      fmt(d.lateAreaKm2),
      d.barriers.crossed.length === 0 ? '—' : d.barriers.crossed.map((b) => `${(zh ? (b.nameZh ?? b.name) : b.name) ?? `${b.kind} ${b.id}`} (${fmt(b.lengthM, 0)} m)`).join(zh ? '、' : ', '),
      d.marginalised.value ? `${t('yes')} (${fmt(d.marginalised.stationOffsetM, 0)} m > ${fmt((d.marginalised.equivalentRadiusM ?? 0) * 0.5, 0)} m)` : t('no'),
    ]);
  });
  const districtChart = barChart({
    title: t('chartDistricts'),
    categories: s.districts.map((d) => (zh && d.nameZh ? d.nameZh : d.name)),
    series: [{ name: t('area'), colour: '#6baed6', values: s.districts.map((d) => d.areaKm2.value as number | null) }],
    markers: { name: t('cap'), values: s.districts.map((d) => (typeof d.areaKm2.limit === 'number' ? d.areaKm2.limit : null)) },
    unit: 'km²',
    digits: 2,
  });
  sections.push({
    id: 'districts',
    title: t('secDistricts'),
    blocks: [
      { kind: 'p', text: t('secDistrictsIntro', { responseS: R, clause: s.standards.responseClause, barrierClause: d0?.barriers.clause ?? '—', marginalClause: d0?.marginalised.clause ?? '—' }) },
      { kind: 'table', rows: dRows, numeric: [2, 3, 5, 7], failRows },
      ...(d0 ? [{ kind: 'p' as const, text: `${t('clauses')}: ${d0.areaKm2.clause}; ${d0.latestArrivalS.clause}; ${d0.barriers.clause}; ${d0.marginalised.clause}` }] : []),
      ...map('districts'),
      { kind: 'figure', id: 'district_areas', caption: t('chartDistricts'), svg: districtChart, type: 'chart' },
    ],
  });

  // Coverage figures
  const fRows: string[][] = [[t('colFigure'), t('colValue'), t('colUnit'), t('colCheck'), t('colClause')]];
  for (const x of s.figures) fRows.push([zh ? x.zh : x.en, x.unit === 'count' ? String(x.value) : fmt(x.value, x.unit === 's' ? 1 : 2), x.unit === 'count' ? '' : x.unit, ok(x.pass), x.clause]);
  const landTotal = input.arrival.reduce((a, b) => a + b.landKm2, 0);
  const demandTotal = input.arrival.reduce((a, b) => a + (b.demand ?? 0), 0);
  const bandName = (b: (typeof input.arrival)[number]): string =>
    b.fromS === null && b.upToS === null ? t('bandNever') : b.fromS === null ? t('bandUpTo', { to: (b.upToS as number) / 60 }) : b.upToS === null ? t('bandBeyond', { from: b.fromS / 60 }) : t('bandRange', { from: b.fromS / 60, to: b.upToS / 60 });
  const arrivalChart = barChart({
    title: t('chartArrival'),
    categories: input.arrival.map(bandName),
    series: [
      { name: t('landPct'), colour: '#74c476', values: input.arrival.map((b) => (landTotal > 0 ? (b.landKm2 / landTotal) * 100 : null)) },
      ...(input.demandTotal !== null ? [{ name: t('demandPct'), colour: '#9e9ac8', values: input.arrival.map((b) => (demandTotal > 0 ? ((b.demand ?? 0) / demandTotal) * 100 : null)) }] : []),
    ],
    unit: '%',
  });
  sections.push({ id: 'coverage', title: t('secCoverage'), blocks: [{ kind: 'table', rows: fRows, numeric: [1] }, ...map('arrival'), { kind: 'figure', id: 'arrival_distribution', caption: t('chartArrival'), svg: arrivalChart, type: 'chart' }] });

  // Existing versus planned
  if (c.sets.length > 0) {
    const cRows: string[][] = [[t('colSet'), t('colStations'), t('colLand'), t('colDemandPct'), t('colSecond'), t('colLateKm2'), t('colUnreach'), t('colOverCap'), t('colLateD')]];
    for (const x of c.sets) cRows.push([zh ? x.label.zh : x.label.en, String(x.stations.length), fmt(x.landSharePct), fmt(x.demandSharePct), fmt(x.secondDueLandSharePct), fmt(x.lateAreaKm2), fmt(x.unreachableAreaKm2), String(x.districtsOverCap), String(x.districtsLate)]);
    const label = (key: string): string => {
      const set = c.sets.find((x) => x.key === key);
      return set ? (zh ? set.label.zh : set.label.en) : key;
    };
    const changes = c.changes.map((ch) => {
      const gap = ch.lateAreaDeltaKm2 !== null && ch.unreachableAreaDeltaKm2 !== null ? ch.lateAreaDeltaKm2 + ch.unreachableAreaDeltaKm2 : null;
      return zh
        ? `${label(ch.from)} → ${label(ch.to)}：新增 ${ch.stationsAdded.join(', ')}；用地 ${signed(ch.landSharePctPoints)} 个百分点，需求 ${signed(ch.demandSharePctPoints)} 个百分点，空白面积 ${signed(gap)} km²，超面积辖区 ${ch.districtsOverCap[0]} → ${ch.districtsOverCap[1]}`
        : `${label(ch.from)} → ${label(ch.to)}: +${ch.stationsAdded.join(', ')}; land ${signed(ch.landSharePctPoints)} pp, demand ${signed(ch.demandSharePctPoints)} pp, gap area ${signed(gap)} km², districts over cap ${ch.districtsOverCap[0]} → ${ch.districtsOverCap[1]}`;
    });
    const planChart = barChart({
      title: t('chartPlan', { responseS: R }),
      categories: c.sets.map((x) => (zh ? x.label.zh : x.label.en)),
      series: [
        { name: t('landPct'), colour: '#74c476', values: c.sets.map((x) => x.landSharePct) },
        { name: t('demandPct'), colour: '#9e9ac8', values: c.sets.map((x) => x.demandSharePct) },
      ],
      unit: '%',
      digits: 2,
    });
    sections.push({ id: 'comparison', title: t('secComparison'), blocks: [{ kind: 'table', rows: cRows, numeric: [1, 2, 3, 4, 5, 6, 7, 8] }, { kind: 'list', items: changes }, { kind: 'figure', id: 'existing_to_planned', caption: t('chartPlan', { responseS: R }), svg: planChart, type: 'chart' }] });
  }

  // Gaps ranked by demand (the order `analyze` prints its top five in)
  const stationName = new Map(s.stations.map((st) => [st.id, zh && st.nameZh ? st.nameZh : st.name]));
  const ranked = [...s.gaps.late, ...s.gaps.unreachable].sort((x, y) => (y.demand ?? 0) - (x.demand ?? 0) || (y.areaKm2 ?? 0) - (x.areaKm2 ?? 0));
  const gRows: string[][] = [[t('colRank'), t('colKind'), t('colArea'), t('colDemand'), t('colMin'), t('colMax'), t('colNearest')]];
  ranked.forEach((g, i) =>
    gRows.push([String(i + 1), g.kind === 'late' ? t('kindLate') : `${t('kindUnreachable')} (${g.reason})`, fmt(g.areaKm2, 3), fmt(g.demand, 0), fmt(g.minArrivalS, 1), fmt(g.maxArrivalS, 1), g.nearestStationId === null ? '—' : (stationName.get(g.nearestStationId) ?? g.nearestStationId)]),
  );
  sections.push({
    id: 'gaps',
    title: t('secGaps'),
    blocks: [
      { kind: 'p', text: t('gapTotals', { late: fmt(s.gaps.lateAreaKm2), lateZones: s.gaps.lateZoneCount, unreach: fmt(s.gaps.unreachableAreaKm2), unreachZones: s.gaps.unreachableZoneCount }) },
      ranked.length ? { kind: 'table', rows: gRows, numeric: [0, 2, 3, 4, 5] } : { kind: 'p', text: t('none') },
      ...map('gaps'),
    ],
  });

  // Water
  const w = input.water;
  if (w) {
    const table = zh ? w.table.zh : w.table.en;
    const proposed = w.layers.proposed_hydrants?.features ?? [];
    const pRows = [[t('colN'), t('colRoad'), t('colDistrict'), t('colLonLat')]];
    for (const f of proposed) {
      const p = (f.properties ?? {}) as unknown as Record<string, unknown>;
      const [lon, lat] = f.geometry.type === 'Point' ? f.geometry.coordinates : [NaN, NaN];
      pRows.push([String(p.n), String((zh ? (p.roadZh ?? p.road) : p.road) ?? '—'), String(p.district ?? '—'), `${lon.toFixed(5)}, ${lat.toFixed(5)}`]);
    }
    sections.push({
      id: 'water',
      title: t('secWater'),
      blocks: [
        { kind: 'list', items: zh ? w.summary.zh : w.summary.en },
        { kind: 'p', text: t('waterDistricts') },
        { kind: 'table', rows: table, numeric: table[0].map((_, i) => i).filter((i) => i >= 2) },
        ...map('hydrants'),
        { kind: 'p', text: t('fixPlan') },
        proposed.length ? { kind: 'table', rows: pRows, numeric: [0] } : { kind: 'p', text: t('none') },
        ...map('water'),
      ],
    });
  }

  // Risk and capability (a scenario with a risk block)
  const risk = riskSection(input.risk ?? null, lang, (id) => {
    const st = s.stations.find((x) => x.id === id);
    return st ? (zh && st.nameZh ? st.nameZh : st.name) : id;
  });
  if (risk) sections.push(risk);

  // The plans' indicator table
  const towns = townshipCoverage(input, lang);
  sections.push({
    id: 'indicators',
    title: t('secIndicators'),
    blocks: [
      { kind: 'table', rows: indicatorTable(indicatorRows(input, lang), lang), numeric: [2, 3, 4], nowrap: [1, 5] },
      ...(towns.lacking.length ? [{ kind: 'p' as const, text: t('townshipsLacking', { list: towns.lacking.join(zh ? '、' : ', ') }) }] : []),
    ],
  });

  // Siting (issue 8), when given
  if (input.siting && input.siting.curve.length) {
    const curve = input.siting.curve;
    const chart = barChart({
      title: t('chartCurve'),
      categories: curve.map((p) => String(p.stations)),
      series: [
        { name: t('landPct'), colour: '#74c476', values: curve.map((p) => p.landSharePct) },
        { name: t('demandPct'), colour: '#9e9ac8', values: curve.map((p) => p.demandSharePct) },
      ],
      unit: '%',
      digits: 2,
    });
    const blocks: Block[] = [{ kind: 'figure', id: 'coverage_curve', caption: t('chartCurve'), svg: chart, type: 'chart' }];
    if (curve.some((p) => p.optimal === false)) blocks.push({ kind: 'p', text: t('sitingNotOptimal') });
    const sites = input.siting.sites ?? [];
    if (sites.length) {
      const rows = [[t('colN'), t('colSiteId'), t('colStation'), t('colLonLat')]];
      sites.forEach((x, i) => rows.push([String(i + 1), x.id, x.name, `${x.lon.toFixed(5)}, ${x.lat.toFixed(5)}`]));
      blocks.push({ kind: 'p', text: t('sitingSites') }, { kind: 'table', rows, numeric: [0] });
    }
    sections.push({ id: 'siting', title: t('secSiting'), blocks });
  }

  // Cover
  const preset = input.scenario.preset;
  const base = PRESETS[preset.id] ?? preset;
  const overrides: string[][] = Object.entries(input.scenario.overrides).map(([key, value]) => {
    const rule = (preset as unknown as Record<string, Rule<unknown> | undefined>)[key];
    const was = (base as unknown as Record<string, Rule<unknown> | undefined>)[key];
    return [key, `${JSON.stringify(was?.value)} → ${JSON.stringify(value)}`, rule?.clause ?? '—'];
  });
  return {
    lang,
    title: opts.title ?? t('reportTitle', { name }),
    cover: [
      { label: t('place'), value: input.scenario.nameZh && input.scenario.nameZh !== input.scenario.name ? `${input.scenario.name} · ${input.scenario.nameZh}` : input.scenario.name },
      ...(input.scenario.description ? [{ label: zh ? '说明' : 'About', value: input.scenario.description }] : []),
      { label: t('date'), value: opts.date ?? t('undated') },
      { label: t('sources'), value: `${opts.sources.join(', ')}${input.osm ? ` (${t('osm')})` : ''}` },
      { label: t('preset'), value: `${zh ? preset.name.zh : preset.name.en} — ${s.standards.responseClause}: ≤ ${R} s` },
      { label: t('overrides'), value: overrides.length ? overrides.map((o) => o.join(' ')).join('; ') : t('noOverrides') },
    ],
    overrides,
    sections,
  };
}

function statusText(status: string, t: Tr): string {
  return status === 'existing' || status === 'planned' || status === 'candidate' || status === 'under_construction' ? t(status) : status;
}

function classText(c: string, lang: Lang): string {
  return CLASS_LABELS[c]?.[lang] ?? c;
}

const CLASS_LABELS = STATION_CLASS_LABELS as Readonly<Record<string, { en: string; zh: string }>>;
