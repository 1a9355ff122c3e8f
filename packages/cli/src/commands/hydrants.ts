import type { Command } from 'commander';
import { encodingHelp, formatHelp, outCrsHelp } from '../out_crs';
import { basename, join } from 'node:path';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator } from '../i18n';
import { nonNegativeNumber } from '../parse_options';
import { runCommand } from '../run_command';
import { alignColumns } from '../table';

export const hydrantsMessages = defineMessages({
  en: {
    description:
      'Hydrants and water sources of a scenario: spacing and protection along the road network, required counts, construction and intact rates per district, a fix plan, wide roads, bridge heads and tunnel entrances, water cranes, intake points.',
    scenario: 'scenario file (JSON)',
    out: 'directory for the GeoJSON layers and the district table (written atomically)',
    noLand: 'skip the land figures (raster of the study area): faster on large cities; new intake points are then ranked by road instead of land',
    newIntakes: 'how many new intake points to propose',
    stations: 'stations in service, whose districts the table uses (the same as `firecover analyze`): existing, planned, all, or a year (default: the scenario’s analysis.year, else existing)',
    example1: 'firecover hydrants data/sample-city/scenario.json --out out/water',
    example2: 'firecover hydrants city.json --out out --lang zh',
    districts: 'Per district',
    wrote: 'wrote {count} files to {dir}',
  },
  zh: {
    description: '场景的消火栓与消防水源：沿路网的间距与保护半径、应建数量、各辖区建有率与完好率、补建方案、宽路、桥头与隧道出入口、消防水鹤、取水点。',
    scenario: '场景文件（JSON）',
    out: '输出 GeoJSON 图层和辖区表的目录（原子写入）',
    noLand: '不计算用地指标（研究区栅格）：大城市更快；建议新取水点改按道路而非用地排序',
    newIntakes: '建议新建取水点的数量',
    stations: '在役消防站，分辖区统计采用其辖区（与 firecover analyze 相同）：existing（现状）、planned（规划）、all（含候选）或年份（默认：场景的 analysis.year，否则现状）',
    example1: 'firecover hydrants data/sample-city/scenario.json --out out/water',
    example2: 'firecover hydrants city.json --out out --lang zh',
    districts: '各辖区',
    wrote: '已写入 {count} 个文件到 {dir}',
  },
});

interface HydrantsOptions {
  out?: string;
  outCrs?: string;
  format?: string;
  encoding?: string;
  land: boolean;
  newIntakes: number;
  stations?: string;
}

export const hydrantsCommand: CommandModule = {
  name: 'hydrants',
  register(program: Command, ctx: CliContext) {
    const t = translator(hydrantsMessages, ctx.lang);
    program
      .command('hydrants')
      .description(t('description'))
      .argument('<scenario.json>', t('scenario'))
      .option('--out <dir>', t('out'))
      .option('--out-crs <crs>', outCrsHelp(ctx))
      .option('--format <format>', formatHelp(ctx))
      .option('--encoding <encoding>', encodingHelp(ctx))
      .option('--no-land', t('noLand'))
      .option('--new-intakes <n>', t('newIntakes'), nonNegativeNumber(ctx, 'count', '个'), 3)
      .option('--stations <set>', t('stations'))
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2')]))
      .action(runCommand(ctx, (scenarioPath: string, opts: HydrantsOptions) => runHydrants(scenarioPath, opts, ctx)));
  },
};

async function runHydrants(scenarioPath: string, opts: HydrantsOptions, ctx: CliContext): Promise<void> {
  const t = translator(hydrantsMessages, ctx.lang);
  const core = await import('@firecover/core');
  if (opts.outCrs !== undefined || opts.format !== undefined || opts.encoding !== undefined) await (await import('../out_crs')).layersInCrs([], opts.outCrs, opts.format, opts.encoding); // a bad --out-crs / --format fails before the analysis
  const { readScenario } = await import('../read_scenario');
  const { scenario, inputs } = await readScenario(scenarioPath);
  const { warnInputs, inputsBlock } = await import('../input_notes');
  warnInputs(scenario, ctx);
  // The water checks on the districts of the coverage of the same stations, exactly as `firecover analyze` has them.
  const result = core.analyzeScenario(scenario, {
    stations: opts.stations,
    stationsOption: '--stations',
    water: true,
    land: opts.land,
    newIntakes: Math.floor(opts.newIntakes),
    compare: false,
  });
  const water = result.waterFigures!;
  const { waterLines, waterTableRows } = await import('../water_text');
  let out = `${await inputsBlock(scenario, ctx)}${waterLines(water, ctx.lang).join('\n')}\n\n${t('districts')}\n${alignColumns(waterTableRows(water, ctx.lang))}\n`;
  // --json: the water part of analyze's summary.json.
  ctx.result({ scenario: { name: scenario.file.name, nameZh: scenario.file.nameZh ?? null, file: basename(scenarioPath) }, water: { counts: result.water!.counts, total: water.total, districts: water.districts, figures: water.figures } });

  if (opts.out !== undefined) {
    const { hydrantDistrictsCsv } = await import('../csv_tables');
    const layers = result.layers([]).water!;
    const files = Object.entries(layers).map(([name, fc]) => ({ path: join(opts.out!, `${name}.geojson`), data: `${JSON.stringify(fc)}\n` }));
    files.push({ path: join(opts.out, 'hydrant_districts.csv'), data: hydrantDistrictsCsv(water) });
    const { writeFilesAtomic } = await import('../atomic_write');
    const { layersInCrs } = await import('../out_crs');
    const written = await layersInCrs(files, opts.outCrs, opts.format, opts.encoding);
    await writeFilesAtomic(written, inputs, { setDir: opts.out, command: 'hydrants' });
    out += `\n${t('wrote', { count: written.length, dir: opts.out })}\n`;
  }
  ctx.out.write(out);
}
