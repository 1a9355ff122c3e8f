import type { Command } from 'commander';
import { encodingHelp, formatHelp, outCrsHelp } from '../out_crs';
import { basename, join } from 'node:path';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator, type Translate } from '../i18n';
import { runCommand } from '../run_command';
import { alignColumns } from '../table';
import type { CoverageSummary, ComparisonSummary, CoverageByHour } from '@firecover/core';

export const analyzeMessages = defineMessages({
  en: {
    description:
      'Coverage of a scenario: service areas and arrival bands, station districts checked against GB 51080-2015 / 建标152-2017 (area cap, 5 minutes to the edge, barriers, station off-centre), coverage figures, gaps, and existing versus planned stations; with the water supply of `firecover hydrants`. Writes summary.json, GeoJSON layers and CSV tables.',
    scenario: 'scenario file (JSON)',
    out: 'directory for summary.json, the coverage and water GeoJSON layers, districts.csv and hydrant_districts.csv, and with a risk block hazards.csv and the hazard, micro station, community and township layers (written atomically)',
    stations: 'station set for the maps and tables: existing, planned, all, or a year (default: the scenario’s analysis.year, else existing)',
    noWater: 'skip the water supply: no water figures, no water files',
    hours: 'coverage by hour with the time-of-day speed profile (the scenario’s timeOfDay, else the defaults, a local choice): hours like 0-23 or 7,8,17-19; adds coverage_by_hour.csv and coverageByHour to summary.json',
    badHours: '--hours {value}: {detail}',
    byHour: 'Coverage by hour (speeds: {source}; {clause})',
    colHour: 'hour',
    colPeriod: 'period',
    colRoadKm: 'road km',
    colRoadPct: 'road %',
    period_peak: 'peak',
    period_offpeak: 'off-peak',
    period_night: 'night',
    worstHour: 'lowest land coverage at {hour}:00 ({pct} %)',
    example1: 'firecover analyze data/sample-city/scenario.json --out out/sample-city',
    example2: 'firecover analyze city.json --out out --stations 2030 --lang zh',
    title: 'Coverage: {name}',
    standard: 'Standard: {preset}; arrival within {responseS} s of dispatch ({clause})',
    stationSet: 'Stations analysed: {count} ({withDistrict} with a district)',
    island: 'Road island: {name} reaches only {pct} % of the road network; its district and service area stay on its island',
    districts: 'Districts (辖区)',
    colStation: 'station',
    colClass: 'class',
    colArea: 'area km²',
    colCap: 'cap km²',
    colLatest: 'latest s',
    colLate: 'late km²',
    colBarriers: 'barriers crossed',
    colMarginal: 'off-centre',
    colCheck: 'check',
    districtClauses: 'area cap: {cap}; latest arrival at the edge ≤ {responseS} s: {response}; barriers: {barrier}; station near the centre (≤ {ratio} × √(A/π)): {marginal}',
    figures: 'Coverage figures',
    colFigure: 'figure',
    colValue: 'value',
    colUnit: 'unit',
    colClause: 'clause',
    gaps: 'Gaps: land not reached within {responseS} s (top 5 by demand)',
    gapTotals: 'late: {late} km² in {lateZones} zones; unreachable by road: {unreach} km² in {unreachZones} zones',
    colRank: '#',
    colKind: 'kind',
    colDemand: 'demand',
    colMin: 'first s',
    colMax: 'last s',
    colNearest: 'nearest station',
    kindLate: 'late',
    kindUnreachable: 'unreachable',
    noGaps: '(none)',
    comparison: 'Existing versus planned',
    colSet: 'station set',
    colStations: 'stations',
    colLand: 'land %',
    colDemandPct: 'demand %',
    colSecond: '2nd-due %',
    colLateKm2: 'late km²',
    colUnreach: 'unreach. km²',
    colOverCap: 'over cap',
    colLateD: 'late districts',
    change: '{from} → {to}: +{added}; land {land} pp, demand {demand} pp, gap area {gap} km², districts over cap {capFrom} → {capTo}',
    water: 'Water supply',
    yes: 'yes',
    no: 'no',
    pass: 'ok',
    fail: 'FAIL',
    wrote: 'wrote {count} files to {dir}',
  },
  zh: {
    description:
      '场景的消防覆盖：服务范围与到达时间分级、按 GB 51080-2015 / 建标152-2017 检查的消防站辖区（面积上限、5分钟到达辖区边缘、跨越障碍、站点偏离中心）、覆盖指标、空白区，以及现状与规划消防站的对比；并含 firecover hydrants 的消防供水分析。输出 summary.json、GeoJSON 图层和 CSV 表。',
    scenario: '场景文件（JSON）',
    out: '输出 summary.json、覆盖与供水 GeoJSON 图层、districts.csv 和 hydrant_districts.csv 的目录；有 risk 设置时另写 hazards.csv 及风险点、微型消防站、社区、乡镇图层（原子写入）',
    stations: '地图和表格采用的消防站集合：existing（现状）、planned（规划）、all（含候选）或年份（默认：场景的 analysis.year，否则现状）',
    noWater: '不做消防供水分析：不输出供水指标和文件',
    example1: 'firecover analyze data/sample-city/scenario.json --out out/sample-city',
    example2: 'firecover analyze city.json --out out --stations 2030 --lang zh',
    title: '消防覆盖分析：{name}',
    standard: '标准：{preset}；接警后 {responseS} 秒内到达（{clause}）',
    stationSet: '参与分析的消防站：{count} 个（其中 {withDistrict} 个设辖区）',
    island: '道路孤岛：{name} 仅能到达 {pct}% 的路网，其辖区和服务范围限于该孤岛',
    districts: '辖区',
    colStation: '消防站',
    colClass: '类别',
    colArea: '面积 km²',
    colCap: '上限 km²',
    colLatest: '最迟到达 s',
    colLate: '超时 km²',
    colBarriers: '跨越障碍',
    colMarginal: '偏离中心',
    colCheck: '结论',
    districtClauses: '面积上限：{cap}；辖区边缘到达 ≤ {responseS} 秒：{response}；障碍：{barrier}；站点位于辖区适中位置（≤ {ratio} × √(A/π)）：{marginal}',
    figures: '覆盖指标',
    colFigure: '指标',
    colValue: '数值',
    colUnit: '单位',
    colClause: '依据',
    gaps: '空白区：{responseS} 秒内不可达的用地（按需求排序前5）',
    gapTotals: '超时：{late} km²，共 {lateZones} 处；道路不可达：{unreach} km²，共 {unreachZones} 处',
    colRank: '序号',
    colKind: '类型',
    colDemand: '需求',
    colMin: '最早 s',
    colMax: '最迟 s',
    colNearest: '最近消防站',
    kindLate: '超时',
    kindUnreachable: '不可达',
    noGaps: '（无）',
    comparison: '现状与规划对比',
    colSet: '站点集合',
    colStations: '站数',
    colLand: '用地 %',
    colDemandPct: '需求 %',
    colSecond: '双站 %',
    colLateKm2: '超时 km²',
    colUnreach: '不可达 km²',
    colOverCap: '超面积',
    colLateD: '超时辖区',
    change: '{from} → {to}：新增 {added}；用地 {land} 个百分点，需求 {demand} 个百分点，空白面积 {gap} km²，超面积辖区 {capFrom} → {capTo}',
    water: '消防供水',
    yes: '是',
    no: '否',
    pass: '合格',
    fail: '不合格',
    wrote: '已写入 {count} 个文件到 {dir}',
    hours: '按小时计算覆盖（分时段车速：场景的 timeOfDay，否则为默认值，属本地取值）：如 0-23 或 7,8,17-19；另写 coverage_by_hour.csv，并在 summary.json 中加入 coverageByHour',
    badHours: '--hours {value}：{detail}',
    byHour: '分时段覆盖（车速：{source}；{clause}）',
    colHour: '时',
    colPeriod: '时段',
    colRoadKm: '道路 km',
    colRoadPct: '道路 %',
    period_peak: '高峰',
    period_offpeak: '平峰',
    period_night: '夜间',
    worstHour: '{hour} 时覆盖率最低（{pct} %）',
  },
});

type AnalyzeKey = keyof (typeof analyzeMessages)['en'];

interface AnalyzeOptions {
  out?: string;
  outCrs?: string;
  format?: string;
  encoding?: string;
  stations?: string;
  water: boolean;
  hours?: string;
}

export const analyzeCommand: CommandModule = {
  name: 'analyze',
  register(program: Command, ctx: CliContext) {
    const t = translator(analyzeMessages, ctx.lang);
    program
      .command('analyze')
      .description(t('description'))
      .argument('<scenario.json>', t('scenario'))
      .option('--out <dir>', t('out'))
      .option('--out-crs <crs>', outCrsHelp(ctx))
      .option('--format <format>', formatHelp(ctx))
      .option('--encoding <encoding>', encodingHelp(ctx))
      .option('--stations <set>', t('stations'))
      .option('--no-water', t('noWater'))
      .option('--hours <hours>', t('hours'))
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2')]))
      .action(runCommand(ctx, (scenarioPath: string, opts: AnalyzeOptions) => runAnalyze(scenarioPath, opts, ctx)));
  },
};

async function runAnalyze(scenarioPath: string, opts: AnalyzeOptions, ctx: CliContext): Promise<void> {
  const t = translator(analyzeMessages, ctx.lang);
  const core = await import('@firecover/core');
  if (opts.outCrs !== undefined || opts.format !== undefined || opts.encoding !== undefined) await (await import('../out_crs')).layersInCrs([], opts.outCrs, opts.format, opts.encoding); // a bad --out-crs / --format fails before the analysis
  const { readScenario } = await import('../read_scenario');
  const { scenario, inputs } = await readScenario(scenarioPath);
  const { warnInputs, inputsBlock, inputsSummary } = await import('../input_notes');
  warnInputs(scenario, ctx);
  // Coverage, the water supply on its districts (as `firecover hydrants`), and the plan comparison: one pipeline.
  let hours: number[] | undefined;
  if (opts.hours !== undefined) {
    try {
      hours = core.parseHours(opts.hours);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new core.InputError({ file: '--hours' }, translator(analyzeMessages, 'en')('badHours', { value: opts.hours, detail }), translator(analyzeMessages, 'zh')('badHours', { value: opts.hours, detail }));
    }
  }
  const result = core.analyzeScenario(scenario, { stations: opts.stations, stationsOption: '--stations', water: opts.water, compare: true, ...(hours ? { hours } : {}) });
  const byHour = result.coverageByHour;
  const summary = result.summary;
  const compared = result.comparisonSummary!;
  const water = result.waterFigures;

  let out = (await inputsBlock(scenario, ctx)) + report(summary, compared, scenario.file.name, scenario.file.nameZh, t, ctx);
  if (byHour) out += `\n${hourLines(byHour, t).join('\n')}\n`;
  if (water) {
    const { waterLines } = await import('../water_text');
    out += `\n${t('water')}\n${waterLines(water, ctx.lang).join('\n')}\n`;
  }

  const doc = {
    scenario: { name: scenario.file.name, nameZh: scenario.file.nameZh ?? null, description: scenario.file.description ?? null, file: basename(scenarioPath) },
    coverage: summary,
    comparison: compared,
    water: result.water && water ? { counts: result.water.counts, total: water.total, districts: water.districts, figures: water.figures } : null,
    ...(byHour ? { coverageByHour: byHour } : {}),
    ...inputsSummary(scenario),
    // Added with the risk analysis (a scenario with a `risk` block): hazards, micro stations, townships.
    ...(result.risk ? { risk: core.riskSummary(result.risk) } : {}),
  };
  if (result.risk) {
    const { riskLines } = await import('../risk_text');
    const zh = ctx.lang === 'zh';
    const names = new Map(summary.stations.map((st) => [st.id, zh && st.nameZh ? st.nameZh : st.name]));
    const lines = riskLines(result.risk, ctx.lang, (id) => names.get(id) ?? id);
    if (lines.length > 0) out += `\n${lines.join('\n')}\n`;
  }
  // --json: the same object as summary.json.
  ctx.result(doc);
  if (opts.out !== undefined) {
    const { districtsCsv, hydrantDistrictsCsv } = await import('../csv_tables');
    const layers = result.layers();
    const files = [{ path: join(opts.out, 'summary.json'), data: `${JSON.stringify(doc, null, 2)}\n` }];
    for (const name of ['service_areas', 'districts', 'gaps', 'reached_network', 'stations'] as const) {
      files.push({ path: join(opts.out, `${name}.geojson`), data: `${JSON.stringify(layers.coverage[name])}\n` });
    }
    files.push({ path: join(opts.out, 'districts.csv'), data: districtsCsv(summary) });
    if (byHour) files.push({ path: join(opts.out, 'coverage_by_hour.csv'), data: (await import('../csv_tables')).coverageByHourCsv(byHour) });
    if (water && layers.water) {
      for (const [name, fc] of Object.entries(layers.water)) files.push({ path: join(opts.out, `${name}.geojson`), data: `${JSON.stringify(fc)}\n` });
      files.push({ path: join(opts.out, 'hydrant_districts.csv'), data: hydrantDistrictsCsv(water) });
    }
    if (result.risk && layers.risk) {
      const { hazardsCsv } = await import('../risk_text');
      const risk = scenario.risk!;
      const present = { hazards: risk.hazards.length, micro_stations: risk.microStations.length, communities: risk.communities.length, townships: risk.townships.length };
      for (const [name, fc] of Object.entries(layers.risk)) if (present[name as keyof typeof present] > 0) files.push({ path: join(opts.out, `${name}.geojson`), data: `${JSON.stringify(fc)}\n` });
      if (risk.hazards.length > 0) files.push({ path: join(opts.out, 'hazards.csv'), data: hazardsCsv(result.risk) });
    }
    const { writeFilesAtomic } = await import('../atomic_write');
    const { layersInCrs } = await import('../out_crs');
    const written = await layersInCrs(files, opts.outCrs, opts.format, opts.encoding);
    await writeFilesAtomic(written, inputs, { setDir: opts.out, command: 'analyze' });
    out += `\n${t('wrote', { count: written.length, dir: opts.out })}\n`;
  }
  ctx.out.write(out);
}

const f = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));

function hourLines(b: CoverageByHour, t: Translate<AnalyzeKey>): string[] {
  const rows: string[][] = [[t('colHour'), t('colPeriod'), t('colLand'), t('colDemandPct'), t('colRoadKm'), t('colRoadPct')]];
  for (const h of b.hours) {
    rows.push([String(h.hour), t(`period_${h.period}`), f(h.landShare * 100, 1), h.demandShare === null ? '—' : f(h.demandShare * 100, 1), f(h.roadReachedM / 1000, 1), f(h.roadShare * 100, 1)]);
  }
  const lines = [t('byHour', { source: b.profileSource, clause: b.profileClause }), alignColumns(rows)];
  const w = b.hours.find((h) => h.hour === b.worstHour);
  if (w) lines.push(t('worstHour', { hour: w.hour, pct: f(w.landShare * 100, 1) }));
  return lines;
}
const signed = (x: number | null, digits = 2): string => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(digits)}`);

function report(s: CoverageSummary, c: ComparisonSummary, name: string, nameZh: string | undefined, t: Translate<AnalyzeKey>, ctx: CliContext): string {
  const zh = ctx.lang === 'zh';
  const ok = (pass: boolean | null): string => (pass === null ? '' : pass ? t('pass') : t('fail'));
  const lines: string[] = [];
  lines.push(t('title', { name: zh && nameZh ? nameZh : name }));
  lines.push(t('standard', { preset: zh ? s.standards.name.zh : s.standards.name.en, responseS: s.standards.responseS, clause: s.standards.responseClause }));
  lines.push(t('stationSet', { count: s.stations.length, withDistrict: s.districts.length }));
  for (const st of s.stations) if (st.island) lines.push(t('island', { name: zh && st.nameZh ? st.nameZh : st.name, pct: f(st.reachableNodePct, 1) }));

  lines.push('', t('districts'));
  const d0 = s.districts[0];
  const rows: string[][] = [[t('colStation'), t('colClass'), t('colArea'), t('colCap'), t('colCheck'), t('colLatest'), t('colCheck'), t('colLate'), t('colBarriers'), t('colMarginal')]];
  for (const d of s.districts) {
    rows.push([
      zh && d.nameZh ? d.nameZh : d.name,
      zh ? d.classLabel.zh : d.classLabel.en,
      f(d.areaKm2.value as number | null),
      String(d.areaKm2.limit),
      ok(d.areaKm2.pass),
      f(d.latestArrivalS.value as number | null, 1),
      ok(d.latestArrivalS.pass),
      f(d.lateAreaKm2),
      d.barriers.crossed.length === 0 ? '—' : d.barriers.crossed.map((b) => `${(zh ? (b.nameZh ?? b.name) : b.name) ?? unnamedBarrier(b, zh)} (${f(b.lengthM, 0)} m)`).join(zh ? '、' : ', '),
      d.marginalised.value ? `${t('yes')} (${f(d.marginalised.stationOffsetM, 0)} m > ${f((d.marginalised.equivalentRadiusM ?? 0) * 0.5, 0)} m)` : t('no'),
    ]);
  }
  lines.push(alignColumns(rows));
  if (d0) {
    lines.push(
      t('districtClauses', {
        cap: d0.areaKm2.clause,
        responseS: s.standards.responseS,
        response: d0.latestArrivalS.clause,
        barrier: d0.barriers.clause,
        ratio: String(d0.marginalised.limit).split(' ')[0],
        marginal: d0.marginalised.clause,
      }),
    );
  }

  lines.push('', t('figures'));
  const fr: string[][] = [[t('colFigure'), t('colValue'), t('colUnit'), t('colCheck'), t('colClause')]];
  for (const x of s.figures) fr.push([zh ? x.zh : x.en, x.unit === 'count' ? String(x.value) : f(x.value, x.unit === 's' ? 1 : 2), x.unit === 'count' ? '' : x.unit, ok(x.pass), x.clause]);
  lines.push(alignColumns(fr));

  lines.push('', t('gaps', { responseS: s.standards.responseS }));
  lines.push(t('gapTotals', { late: f(s.gaps.lateAreaKm2), lateZones: s.gaps.lateZoneCount, unreach: f(s.gaps.unreachableAreaKm2), unreachZones: s.gaps.unreachableZoneCount }));
  const stationName = new Map(s.stations.map((st) => [st.id, zh && st.nameZh ? st.nameZh : st.name]));
  const top = [...s.gaps.late, ...s.gaps.unreachable].sort((x, y) => (y.demand ?? 0) - (x.demand ?? 0) || (y.areaKm2 ?? 0) - (x.areaKm2 ?? 0)).slice(0, 5);
  if (top.length === 0) lines.push(t('noGaps'));
  else {
    const gr: string[][] = [[t('colRank'), t('colKind'), t('colArea'), t('colDemand'), t('colMin'), t('colMax'), t('colNearest')]];
    top.forEach((g, i) =>
      gr.push([String(i + 1), g.kind === 'late' ? t('kindLate') : `${t('kindUnreachable')} (${g.reason})`, f(g.areaKm2, 3), f(g.demand, 0), f(g.minArrivalS, 1), f(g.maxArrivalS, 1), g.nearestStationId === null ? '—' : (stationName.get(g.nearestStationId) ?? g.nearestStationId)]),
    );
    lines.push(alignColumns(gr));
  }

  if (c.sets.length > 0) {
    lines.push('', t('comparison'));
    const cr: string[][] = [[t('colSet'), t('colStations'), t('colLand'), t('colDemandPct'), t('colSecond'), t('colLateKm2'), t('colUnreach'), t('colOverCap'), t('colLateD')]];
    for (const x of c.sets) {
      cr.push([zh ? x.label.zh : x.label.en, String(x.stations.length), f(x.landSharePct), f(x.demandSharePct), f(x.secondDueLandSharePct), f(x.lateAreaKm2), f(x.unreachableAreaKm2), String(x.districtsOverCap), String(x.districtsLate)]);
    }
    lines.push(alignColumns(cr));
    const label = (key: string): string => {
      const set = c.sets.find((x) => x.key === key);
      return set ? (zh ? set.label.zh : set.label.en) : key;
    };
    for (const ch of c.changes) {
      const gap = ch.lateAreaDeltaKm2 !== null && ch.unreachableAreaDeltaKm2 !== null ? ch.lateAreaDeltaKm2 + ch.unreachableAreaDeltaKm2 : null;
      lines.push(
        t('change', {
          from: label(ch.from),
          to: label(ch.to),
          added: ch.stationsAdded.join(', '),
          land: signed(ch.landSharePctPoints),
          demand: signed(ch.demandSharePctPoints),
          gap: signed(gap),
          capFrom: ch.districtsOverCap[0],
          capTo: ch.districtsOverCap[1],
        }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const BARRIER_KIND_ZH: Readonly<Record<string, string>> = { expressway: '快速路', railway: '铁路', river: '河流' };

/** An unnamed barrier (its pieces grouped by kind): "unnamed railway (3 pieces from way/41866860)". */
function unnamedBarrier(b: { id: string; kind: string; pieces?: number }, zh: boolean): string {
  const n = b.pieces ?? 1;
  if (zh) return `未命名${BARRIER_KIND_ZH[b.kind] ?? b.kind}（${n > 1 ? `${n} 段，` : ''}${b.id}${n > 1 ? ' 起' : ''}）`;
  return `unnamed ${b.kind} (${n > 1 ? `${n} pieces from ` : ''}${b.id})`;
}
