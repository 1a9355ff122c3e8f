import type { Command } from 'commander';
import { basename, dirname, join, resolve } from 'node:path';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator } from '../i18n';
import { runCommand } from '../run_command';
import { nonNegativeNumber, positiveInteger } from '../parse_options';
import { currentScope, resolvePath } from '../cli_scope';

export const reportMessages = defineMessages({
  en: {
    description:
      'The planning report of a scenario: report.html (self-contained, printable), report.pdf (A4, cover, contents, page numbers; printed by headless Chromium), report.docx (for Word), maps/*.svg and maps/*.png (300 dpi, A5 width), charts/*.svg and indicators.csv (the plans’ main indicators). The figures are those `firecover analyze` prints.',
    scenario: 'scenario file (JSON)',
    out: 'directory for the report files (written atomically: all or none)',
    stations: 'station set analysed: existing, planned, all, or a year (default: the scenario’s analysis.year, else existing)',
    title: 'report title (default: “Fire cover planning report: <scenario name>”)',
    date: 'data date printed on the cover and every map, e.g. 2026-12-01 (default: not dated; the output never depends on today’s date)',
    noWater: 'skip the water supply chapter',
    site: 'add the siting chapter: the coverage curve (MCLP, p = 1 … --site-p new stations, existing stations fixed) and the chosen sites, solved exactly as `firecover site` does',
    siteP: 'largest number of new stations on the curve (default 5)',
    siteSpacing: 'spacing of the generated candidate sites on main and secondary roads, metres (default 250)',
    siteTimeLimit: 'time limit of each exact solve, seconds (default 60); a solve stopped by it is marked in the chapter',
    example1: 'firecover report data/sample-city/scenario.json --out out/report',
    example2: 'firecover report city.json --out out/report-zh --lang zh --stations 2030 --date 2026-12-01 --title "城区消防站布局评估"',
    badDate: 'expected a date like 2026-12-01 (or 2026-12, 2026), got "{value}"',
    missing: 'warning: {why}',
    wrote: 'wrote {count} files to {dir}',
  },
  zh: {
    description:
      '场景的规划评估报告：report.html（自包含、可打印）、report.pdf（A4，封面、目录、页码；由无界面 Chromium 打印）、report.docx（供 Word 编辑）、maps/*.svg 与 maps/*.png（300 dpi，A5 宽）、charts/*.svg 以及 indicators.csv（规划主要指标）。各项数值与 firecover analyze 输出一致。',
    scenario: '场景文件（JSON）',
    out: '报告文件输出目录（原子写入：要么全部写出，要么都不写）',
    stations: '参与分析的消防站集合：existing（现状）、planned（规划）、all（含候选）或年份（默认：场景的 analysis.year，否则现状）',
    title: '报告标题（默认：“消防站布局规划评估报告：<场景名称>”）',
    date: '封面和每张图上标注的数据日期，如 2026-12-01（默认：未注明；输出不取当天日期）',
    noWater: '不含消防供水章节',
    site: '增加选址章节：覆盖率曲线（MCLP，新增站数 p = 1 … --site-p，现状站固定）及所选站址，求解方式与 firecover site 相同',
    siteP: '曲线上新增消防站的最大数量（默认 5）',
    siteSpacing: '在主、次干路上生成候选站址的间距，米（默认 250）',
    siteTimeLimit: '每次精确求解的时间上限，秒（默认 60）；因此提前停止的求解会在章节中注明',
    example1: 'firecover report data/sample-city/scenario.json --out out/report',
    example2: 'firecover report city.json --out out/report-zh --lang zh --stations 2030 --date 2026-12-01 --title "城区消防站布局评估"',
    badDate: '应为 2026-12-01（或 2026-12、2026）形式的日期，实际为“{value}”',
    missing: '警告：{why}',
    wrote: '已写入 {count} 个文件到 {dir}',
  },
});

interface ReportCliOptions {
  out: string;
  stations?: string;
  title?: string;
  date?: string;
  water: boolean;
  site?: boolean;
  siteP: number;
  siteSpacing: number;
  siteTimeLimit: number;
}

export const reportCommand: CommandModule = {
  name: 'report',
  register(program: Command, ctx: CliContext) {
    const t = translator(reportMessages, ctx.lang);
    program
      .command('report')
      .description(t('description'))
      .argument('<scenario.json>', t('scenario'))
      .requiredOption('--out <dir>', t('out'))
      .option('--stations <set>', t('stations'))
      .option('--title <text>', t('title'))
      .option('--date <date>', t('date'))
      .option('--no-water', t('noWater'))
      .option('--site', t('site'))
      .option('--site-p <n>', t('siteP'), positiveInteger(ctx), 5)
      .option('--site-spacing <m>', t('siteSpacing'), nonNegativeNumber(ctx, 'm', '米'), 250)
      .option('--site-time-limit <s>', t('siteTimeLimit'), nonNegativeNumber(ctx, 's', '秒'), 60)
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2')]))
      .action(runCommand(ctx, (scenarioPath: string, opts: ReportCliOptions) => runReport(scenarioPath, opts, ctx)));
  },
};

/** The scenario's input files as it names them (the cover's data sources). */
function sourcesOf(scenarioPath: string, file: Record<string, unknown>): string[] {
  const out = [basename(scenarioPath)];
  // A layer is a path or { path, crs, … }.
  const pathOf = (ref: unknown): string | undefined =>
    typeof ref === 'string' ? ref : ref && typeof ref === 'object' && typeof (ref as { path?: unknown }).path === 'string' ? (ref as { path: string }).path : undefined;
  const add = (ref: unknown) => {
    const p = pathOf(ref);
    if (p !== undefined && p !== 'from-network') out.push(p);
  };
  const net = file.network as Record<string, unknown>;
  for (const k of ['osm', 'geojson', 'shapefile', 'edges', 'nodes']) add(net?.[k]);
  for (const k of ['stations', 'hydrants', 'hydrantStatus', 'waterSources', 'waterAtlas', 'waterStatus', 'barriers', 'demand', 'studyArea']) add(file[k]);
  add((file.closures as { polygons?: unknown } | undefined)?.polygons);
  const townships = (file.indicators as { townships?: unknown } | undefined)?.townships;
  if (typeof townships === 'string') out.push(townships);
  return out;
}

async function runReport(scenarioPath: string, opts: ReportCliOptions, ctx: CliContext): Promise<void> {
  const t = translator(reportMessages, ctx.lang);
  const core = await import('@firecover/core');
  if (opts.date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.date.trim())) {
    throw new core.InputError({ file: '--date' }, t('badDate', { value: opts.date }), translator(reportMessages, 'zh')('badDate', { value: opts.date }));
  }
  const { readScenario, stationSetOption } = await import('../read_scenario');
  const { scenario, inputs } = await readScenario(scenarioPath);
  const when = stationSetOption(opts.stations, scenario);
  // The township layer of the indicator table (optional), beside the scenario like its other layers.
  let townships = null;
  const townshipFile = scenario.file.indicators?.townships;
  if (townshipFile !== undefined) {
    const { readInputText } = await import('../read_input');
    const path = resolve(dirname(resolvePath(scenarioPath)), townshipFile);
    inputs.push(path);
    townships = core.parseFeatureCollection(await readInputText(path), path);
  }
  const report = await import('@firecover/report');
  const { waterLines, waterTableRows } = await import('../water_text');
  // The siting chapter: the same models `firecover site` solves, existing stations fixed.
  let siting = null;
  if (opts.site) {
    if (!(opts.siteSpacing > 0)) throw new core.InputError({ file: '--site-spacing' }, 'the spacing must be more than 0 m', '间距必须大于 0 米');
    const { loadHighsSolver } = await import('../highs_loader');
    const solved = core.siteScenario(scenario, { model: 'mclp', p: opts.siteP, curveMax: opts.siteP, candidateSpacingM: opts.siteSpacing, fixed: 'existing', solver: await loadHighsSolver(), timeLimitS: opts.siteTimeLimit });
    const fixedCount = solved.stationSet.length - solved.chosen.length;
    const demand = solved.problem.basis === 'demand';
    siting = {
      curve: solved.curve.map((c) => ({ stations: fixedCount + c.p, landSharePct: demand ? null : c.coveredShare * 100, demandSharePct: demand ? c.coveredShare * 100 : null, optimal: c.optimal })),
      sites: solved.chosen.map((f) => ({ id: f.id, name: f.name, lon: f.lon, lat: f.lat })),
    };
  }
  const input = report.analysisInput(scenario, when, { water: opts.water, townships, siting, waterText: { lines: waterLines, table: waterTableRows } });
  const { files, warnings } = await report.reportFiles(input, {
    lang: ctx.lang,
    date: opts.date?.trim() ?? null,
    title: opts.title,
    sources: sourcesOf(scenarioPath, scenario.file as unknown as Record<string, unknown>),
    // The run's own environment (main() may run in-process with another one than process.env).
    chromium: report.chromiumPath(currentScope().env),
  });
  for (const w of warnings) ctx.err.write(`${t('missing', { why: ctx.lang === 'zh' ? w.zh : w.en })}\n`);
  const { writeFilesAtomic } = await import('../atomic_write');
  await writeFilesAtomic(
    files.map((f) => ({ path: join(opts.out, f.path), data: f.data })),
    inputs,
    { setDir: opts.out, command: 'report' },
  );
  ctx.out.write(`${t('wrote', { count: files.length, dir: opts.out })}\n`);
}
