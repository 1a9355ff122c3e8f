import { InvalidArgumentError, Option, type Command } from 'commander';
import { basename, join } from 'node:path';
import type { CostMatrix, ScenarioSiting, SitingCandidate, SitingModel, SitingResult } from '@firecover/core';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator, type Translate } from '../i18n';
import { nonNegativeNumber, positiveInteger } from '../parse_options';
import { runCommand } from '../run_command';
import { alignColumns } from '../table';

export const siteMessages = defineMessages({
  en: {
    description:
      'Station siting: where new stations should go and how many, on network arrival times (turnout included, GB 51080-2015 §4.1.3-1), solved exactly with HiGHS. Models: lscp (fewest new stations covering all demand or a share), mclp (most demand covered by p new stations), backup (most demand covered by two different stations), pmedian (least weighted mean arrival), pcenter (least worst arrival). Existing stations fixed by default. Also the coverage curve p = 1…k and planned versus optimal. With --matrix, solves a precomputed cost matrix instead.',
    scenario: 'scenario file (JSON); not with --matrix',
    model: 'siting model',
    p: 'number of new stations (mclp, backup, pmedian, pcenter)',
    share: 'lscp: share of the demand that must be covered, 0–1 (default 1: all coverable demand)',
    candidates: 'candidate sites: GeoJSON points (properties id, name); default: generated on main and secondary roads',
    spacing: 'spacing of generated candidates along main and secondary roads, metres',
    fixed: 'stations forced open: existing (planned ones are free candidates), planned (existing and planned), none',
    crowded: 'GeoJSON of crowded places’ main exits: candidates within stationCrowdSetbackM (50 m, GB 51080-2015 §4.1.5) are dropped',
    hazards: 'GeoJSON of hazardous-goods sites: candidates within stationHazardSetbackM (200 m, GB 51080-2015 §4.1.5) are dropped',
    demand: 'demand weight: demand (the scenario’s demand layer; default when it has one) or area (land cells by area)',
    curve: 'the coverage curve runs MCLP for p = 1 … K new stations',
    maxCostS: 'pmedian / pcenter on a scenario: arrivals above this are not used, seconds (default 2 × the response standard)',
    timeLimit: 'stop each solve after this many seconds and report the best solution found with its gap',
    out: 'directory for sites.geojson, candidates.geojson, curve.csv, planned_vs_optimal.csv, siting.json and the coverage of the chosen set (summary.json, layers, districts.csv), written atomically',
    matrixOut: 'write the problem solved as CSV facility,demand,cost,weight,fixed',
    matrixGroup: 'Precomputed cost matrix (instead of a scenario):',
    matrix: 'cost matrix CSV, one facility–demand pair a row',
    facilityColumn: 'column of --matrix naming the facility',
    demandColumn: 'column of --matrix naming the demand point',
    costColumn: 'column of --matrix with the cost',
    weights: 'CSV of demand weights (default: every demand point weighs 1)',
    weightsId: 'column of --weights with the demand id',
    weightsColumn: 'column of --weights with the weight',
    maxCost: 'service standard for the covering models (cost units of the matrix); cut-off for pmedian / pcenter',
    example1: 'firecover site data/sample-city/scenario.json --model mclp --p 2 --out out/siting',
    example2: 'firecover site city.json --model lscp --share 0.95 --candidates sites.geojson --hazards hazards.geojson',
    example3: 'firecover site --matrix dist.csv --facility-column name --demand-column DestinationName --cost-column distance --weights tracts.csv --weights-id NAME --weights-column POP2000 --model mclp --p 4 --max-cost 5000 --json',
    needScenario: 'give a scenario file, or --matrix with its columns',
    bothInputs: 'give either a scenario file or --matrix, not both',
    needP: '--p is required for model {model}',
    needMaxCost: '--max-cost (the service standard) is required for model {model} with --matrix',
    needColumns: '--matrix needs --facility-column, --demand-column and --cost-column',
    needWeightColumns: '--weights needs --weights-id and --weights-column',
    scenarioOnly: '{option} applies to scenarios only, not to --matrix',
    title: 'Station siting: {name}',
    modelLine: 'Model: {model}{p}; standard: {standard}',
    solverLine: 'Solver: {solver}; {status}; gap {gap}; {time} s',
    optimal: 'proven optimal',
    notOptimal: 'NOT proven optimal (status {status})',
    notOptimalBlocks: 'NOT proven optimal (solved on blocks; block problem status {status})',
    aggregatedLine: 'AGGREGATED, not proven optimal: solved on {blocks} blocks of {side} × {side} cells, the chosen set then evaluated exactly on every cell; lower bound {bound} (the set is within {gap} % of the optimum)',
    aggregatedNoBound: 'AGGREGATED, not proven optimal: solved on {blocks} blocks of {side} × {side} cells, the chosen set then evaluated exactly on every cell; no bound',
    coverLine: 'p-center by {solves} set-covering problems (binary search over the distinct arrival times); radius {radius}, lower bound {bound}',
    selected: 'Chosen new sites: {list}',
    none: '(none)',
    fixedLine: 'Fixed (forced open): {count}',
    covered: 'Covered within the standard: {covered} of {total} ({pct} %); demand points not covered: {uncovered} of {points}',
    served: 'Served (assigned to an open facility): {served} of {total} ({pct} %)',
    doubled: 'Covered by two different stations: {weight} ({pct} %)',
    cost: 'Weighted mean arrival {mean}; worst {max}',
    unreachable: 'Demand points no candidate or station reaches{within}: {count} (weight {weight})',
    withinStd: ' within the standard',
    groups: 'Solved on {groups} demand groups (points with identical coverage merged) from {points} demand points and {facilities} facilities',
    rejected: 'Candidates dropped by the siting rules: {count} of {total}',
    colId: 'candidate',
    colReason: 'failed rule',
    colValue: 'measured',
    colLimit: 'limit',
    colClause: 'clause',
    curveTitle: 'Coverage curve (MCLP, new stations p = 1…{k})',
    colP: 'p',
    colCovered: 'covered',
    colShare: 'share %',
    colGain: 'gain',
    colSites: 'sites',
    colOpt: 'optimal',
    pvoTitle: 'Planned versus optimal ({p} sites, existing stations fixed)',
    pvoLine: 'The {p} planned sites ({planned}) add {plannedGain}; the best {p} ({optimal}) add {optimalGain}: the plan reaches {pct} % of the optimum’s gain',
    yes: 'yes',
    no: 'no',
    wrote: 'wrote {count} files to {dir}',
  },
  zh: {
    description:
      '消防站选址：在路网到达时间（含出动时间，GB 51080-2015 第4.1.3条第1款）上确定新站的位置和数量，用 HiGHS 精确求解。模型：lscp（覆盖全部或指定比例需求所需的最少新站）、mclp（p 个新站覆盖的最大需求）、backup（两个不同消防站覆盖的最大需求）、pmedian（加权平均到达时间最短）、pcenter（最长到达时间最短）。默认现状消防站固定。并给出 p = 1…k 的覆盖曲线和规划与最优的对比。使用 --matrix 时直接求解给定的成本矩阵。',
    scenario: '场景文件（JSON）；不能与 --matrix 同用',
    model: '选址模型',
    p: '新增消防站数（mclp、backup、pmedian、pcenter）',
    share: 'lscp：必须覆盖的需求比例，0–1（默认 1：全部可覆盖需求）',
    candidates: '候选站址：GeoJSON 点（属性 id、name）；默认在主干路和次干路上生成',
    spacing: '沿主干路、次干路生成候选站址的间距，米',
    fixed: '固定开放的消防站：existing（现状；规划站作为候选）、planned（现状和规划）、none（无）',
    crowded: '人员密集场所主要疏散出口的 GeoJSON：距其不足 stationCrowdSetbackM（50 m，GB 51080-2015 第4.1.5条）的候选被剔除',
    hazards: '危险化学品场所的 GeoJSON：距其不足 stationHazardSetbackM（200 m，GB 51080-2015 第4.1.5条）的候选被剔除',
    demand: '需求权重：demand（场景的需求图层；有则默认）或 area（按用地面积）',
    curve: '覆盖曲线对 p = 1 … K 个新站求解 MCLP',
    maxCostS: '场景上的 pmedian / pcenter：超过该到达时间的配对不参与，秒（默认为响应标准的 2 倍）',
    timeLimit: '每次求解的时间上限（秒），到时给出已找到的最好解及其间隙',
    out: '输出 sites.geojson、candidates.geojson、curve.csv、planned_vs_optimal.csv、siting.json 以及所选站点集合的覆盖（summary.json、图层、districts.csv）的目录（原子写入）',
    matrixOut: '将所求解的问题写为 CSV：facility,demand,cost,weight,fixed',
    matrixGroup: '预先计算的成本矩阵（代替场景）：',
    matrix: '成本矩阵 CSV，每行一个设施–需求点配对',
    facilityColumn: '--matrix 中设施名称所在的列',
    demandColumn: '--matrix 中需求点名称所在的列',
    costColumn: '--matrix 中成本所在的列',
    weights: '需求权重 CSV（默认每个需求点权重为 1）',
    weightsId: '--weights 中需求点编号所在的列',
    weightsColumn: '--weights 中权重所在的列',
    maxCost: '覆盖模型的服务标准（矩阵的成本单位）；pmedian / pcenter 的截断值',
    example1: 'firecover site data/sample-city/scenario.json --model mclp --p 2 --out out/siting',
    example2: 'firecover site city.json --model lscp --share 0.95 --candidates sites.geojson --hazards hazards.geojson',
    example3: 'firecover site --matrix dist.csv --facility-column name --demand-column DestinationName --cost-column distance --weights tracts.csv --weights-id NAME --weights-column POP2000 --model mclp --p 4 --max-cost 5000 --json',
    needScenario: '请给出场景文件，或给出 --matrix 及其列名',
    bothInputs: '场景文件与 --matrix 只能给出其一',
    needP: '模型 {model} 需要 --p',
    needMaxCost: '使用 --matrix 时模型 {model} 需要 --max-cost（服务标准）',
    needColumns: '--matrix 需要 --facility-column、--demand-column 和 --cost-column',
    needWeightColumns: '--weights 需要 --weights-id 和 --weights-column',
    scenarioOnly: '{option} 只适用于场景，不适用于 --matrix',
    title: '消防站选址：{name}',
    modelLine: '模型：{model}{p}；标准：{standard}',
    solverLine: '求解器：{solver}；{status}；间隙 {gap}；{time} 秒',
    optimal: '已证明最优',
    notOptimal: '未证明最优（状态 {status}）',
    notOptimalBlocks: '未证明最优（按块求解；块问题状态 {status}）',
    aggregatedLine: '聚合求解，未证明最优：在 {blocks} 个 {side} × {side} 网格单元的块上求解，所选站点集合随后在每个网格单元上精确评估；下界 {bound}（该集合与最优解相差不超过 {gap}%）',
    aggregatedNoBound: '聚合求解，未证明最优：在 {blocks} 个 {side} × {side} 网格单元的块上求解，所选站点集合随后在每个网格单元上精确评估；无下界',
    coverLine: 'p-center 由 {solves} 个集合覆盖问题求解（对不同到达时间二分查找）；半径 {radius}，下界 {bound}',
    selected: '选定的新站址：{list}',
    none: '（无）',
    fixedLine: '固定开放：{count} 个',
    covered: '标准内覆盖：{covered} / {total}（{pct}%）；未覆盖的需求点：{uncovered} / {points}',
    served: '已分配到开放设施的需求：{served} / {total}（{pct}%）',
    doubled: '由两个不同消防站覆盖：{weight}（{pct}%）',
    cost: '加权平均到达 {mean}；最长 {max}',
    unreachable: '任何候选或消防站都{within}到达不了的需求点：{count} 个（权重 {weight}）',
    withinStd: '在标准内',
    groups: '由 {points} 个需求点（覆盖相同者合并）得到 {groups} 个需求组，{facilities} 个设施',
    rejected: '按选址规定剔除的候选：{count} / {total}',
    colId: '候选',
    colReason: '不符合的规定',
    colValue: '实测',
    colLimit: '限值',
    colClause: '依据',
    curveTitle: '覆盖曲线（MCLP，新增站数 p = 1…{k}）',
    colP: 'p',
    colCovered: '覆盖',
    colShare: '比例 %',
    colGain: '增量',
    colSites: '站址',
    colOpt: '最优',
    pvoTitle: '规划与最优对比（{p} 个站址，现状站固定）',
    pvoLine: '{p} 个规划站址（{planned}）增加覆盖 {plannedGain}；最优的 {p} 个（{optimal}）增加 {optimalGain}：规划达到最优增量的 {pct}%',
    yes: '是',
    no: '否',
    wrote: '已写入 {count} 个文件到 {dir}',
  },
});

type SiteKey = keyof (typeof siteMessages)['en'];

interface SiteOptions {
  model: SitingModel;
  p?: number;
  share?: number;
  candidates?: string;
  candidateSpacing: number;
  fixed: 'existing' | 'planned' | 'none';
  crowdedExits?: string;
  hazards?: string;
  demand?: 'demand' | 'area';
  curve: number;
  maxCostS?: number;
  timeLimit?: number;
  out?: string;
  matrixOut?: string;
  matrix?: string;
  facilityColumn?: string;
  demandColumn?: string;
  costColumn?: string;
  weights?: string;
  weightsId?: string;
  weightsColumn?: string;
  maxCost?: number;
}

const MODELS = ['lscp', 'mclp', 'backup', 'pmedian', 'pcenter'];

export const siteCommand: CommandModule = {
  name: 'site',
  register(program: Command, ctx: CliContext) {
    const t = translator(siteMessages, ctx.lang);
    const share = (value: string): number => {
      const x = Number(value);
      if (!(x > 0 && x <= 1)) throw new InvalidArgumentError(ctx.lang === 'zh' ? '应为 0 到 1 之间的数（不含 0）' : 'expected a number in (0, 1]');
      return x;
    };
    const wholeOrZero = (value: string): number => {
      const x = value.trim() === '' ? NaN : Number(value);
      if (!Number.isInteger(x) || x < 0) throw new InvalidArgumentError(ctx.lang === 'zh' ? '应为不小于 0 的整数' : 'expected a whole number ≥ 0');
      return x;
    };
    const cmd = program
      .command('site')
      .description(t('description'))
      .argument('[scenario.json]', t('scenario'))
      .addOption(new Option('--model <model>', t('model')).choices(MODELS).makeOptionMandatory())
      .option('--p <n>', t('p'), wholeOrZero)
      .option('--share <x>', t('share'), share)
      .option('--candidates <file>', t('candidates'))
      .option('--candidate-spacing <m>', t('spacing'), nonNegativeNumber(ctx, 'm', '米'), 250)
      .addOption(new Option('--fixed <set>', t('fixed')).choices(['existing', 'planned', 'none']).default('existing'))
      .option('--crowded-exits <file>', t('crowded'))
      .option('--hazards <file>', t('hazards'))
      .addOption(new Option('--demand <basis>', t('demand')).choices(['demand', 'area']))
      .option('--curve <k>', t('curve'), positiveInteger(ctx), 5)
      .option('--max-cost-s <s>', t('maxCostS'), nonNegativeNumber(ctx, 's', '秒'))
      .option('--time-limit <s>', t('timeLimit'), nonNegativeNumber(ctx, 's', '秒'))
      .option('--out <dir>', t('out'))
      .option('--matrix-out <file>', t('matrixOut'));
    cmd.optionsGroup(t('matrixGroup'));
    cmd
      .option('--matrix <file>', t('matrix'))
      .option('--facility-column <c>', t('facilityColumn'))
      .option('--demand-column <c>', t('demandColumn'))
      .option('--cost-column <c>', t('costColumn'))
      .option('--weights <file>', t('weights'))
      .option('--weights-id <c>', t('weightsId'))
      .option('--weights-column <c>', t('weightsColumn'))
      .option('--max-cost <x>', t('maxCost'), nonNegativeNumber(ctx, 'cost', '成本'))
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2'), t('example3')]))
      .action(runCommand(ctx, (scenarioPath: string | undefined, opts: SiteOptions) => runSite(scenarioPath, opts, ctx)));
  },
};

async function runSite(scenarioPath: string | undefined, opts: SiteOptions, ctx: CliContext): Promise<void> {
  const t = translator(siteMessages, ctx.lang);
  const core = await import('@firecover/core');
  const usage = (option: string, key: SiteKey, params?: Record<string, string>): never => {
    throw new core.InputError({ file: option }, translator(siteMessages, 'en')(key, params), translator(siteMessages, 'zh')(key, params));
  };
  if (scenarioPath !== undefined && opts.matrix !== undefined) usage('--matrix', 'bothInputs');
  if (scenarioPath === undefined && opts.matrix === undefined) usage('scenario', 'needScenario');
  if (opts.model !== 'lscp' && opts.p === undefined) usage('--p', 'needP', { model: opts.model });
  const { loadHighsSolver } = await import('../highs_loader');
  const solver = await loadHighsSolver();
  const setup = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof core.SitingSetupError) throw new core.InputError({ file: '--p' }, e.message, e.messageZh);
      throw e;
    }
  };

  if (opts.matrix !== undefined) {
    await runMatrix(opts, ctx, t, core, solver, usage, setup);
    return;
  }
  const { readScenario } = await import('../read_scenario');
  const { readInputText } = await import('../read_input');
  const { scenario, inputs } = await readScenario(scenarioPath!);
  const readGeoJson = async (file: string) => {
    inputs.push(file);
    return core.parseFeatureCollection(await readInputText(file), file);
  };
  const candidates = opts.candidates !== undefined ? core.candidatesFromGeoJson(await readGeoJson(opts.candidates), opts.candidates) : undefined;
  const layers = {
    crowdedExits: opts.crowdedExits !== undefined ? await readGeoJson(opts.crowdedExits) : undefined,
    hazards: opts.hazards !== undefined ? await readGeoJson(opts.hazards) : undefined,
  };
  if (opts.demand === 'demand' && !scenario.demand) {
    throw new core.InputError({ file: '--demand' }, 'the scenario has no demand layer; use --demand area', '场景没有需求图层；请使用 --demand area');
  }
  if (!(opts.candidateSpacing > 0)) throw new core.InputError({ file: '--candidate-spacing' }, 'the spacing must be more than 0 m', '间距必须大于 0 米');
  const siting = setup(() =>
    core.siteScenario(scenario, {
      model: opts.model,
      p: opts.p,
      share: opts.share,
      candidates,
      candidateSpacingM: opts.candidateSpacing,
      fixed: opts.fixed,
      layers,
      basis: opts.demand,
      solver,
      timeLimitS: opts.timeLimit,
      curveMax: opts.curve,
      maxCostS: opts.maxCostS,
    }),
  );
  const R = scenario.preset.responseS.value;
  const doc = sitingJson(siting.result, opts.model, R, siting);
  const files: { path: string; data: string }[] = [];
  if (opts.matrixOut !== undefined) {
    const median = opts.model === 'pmedian' || opts.model === 'pcenter';
    files.push({ path: opts.matrixOut, data: matrixCsv(core, median ? core.withinCost(siting.problem.matrix, siting.problem.budgetS) : siting.coveringMatrix) });
  }
  let text = report(siting.result, t, ctx, scenario.file.name, scenario.file.nameZh, `${R} s (${scenario.preset.responseS.clause})`);
  text += candidatesReport(siting, t, ctx);
  text += curveReport(siting, t);
  if (opts.out !== undefined) {
    const { csvText, districtsCsv } = await import('../csv_tables');
    // The chosen set's coverage through the pipeline `analyze` runs (coverage only: no water, no plan comparison).
    const run = core.analyzeScenario(scenario, { stations: siting.stationSet, water: false, compare: false });
    const summary = run.summary;
    const layersOut = run.layers().coverage;
    const chosenIds = new Set(siting.result.selectedIds);
    files.push({ path: join(opts.out, 'siting.json'), data: `${JSON.stringify(doc, null, 2)}\n` });
    files.push({ path: join(opts.out, 'sites.geojson'), data: `${JSON.stringify(sitesGeoJson(siting, chosenIds, true))}\n` });
    files.push({ path: join(opts.out, 'candidates.geojson'), data: `${JSON.stringify(sitesGeoJson(siting, chosenIds, false))}\n` });
    files.push({
      path: join(opts.out, 'curve.csv'),
      data: csvText([
        ['p', 'covered_weight', 'covered_share', 'marginal_weight', 'selected', 'optimal', 'gap', 'solve_s'],
        ...siting.curve.map((c) => [c.p, c.coveredWeight, c.coveredShare, c.marginalWeight, c.selectedIds.join(' '), c.optimal, c.gap, c.timeS]),
      ]),
    });
    const pvo = siting.plannedVsOptimal;
    files.push({
      path: join(opts.out, 'planned_vs_optimal.csv'),
      data: csvText([
        ['p', 'planned', 'optimal_sites', 'base_weight', 'planned_weight', 'optimal_weight', 'planned_gain', 'optimal_gain', 'ratio', 'optimal', 'gap'],
        ...(pvo ? [[pvo.p, pvo.plannedIds.join(' '), pvo.optimalIds.join(' '), pvo.baseWeight, pvo.plannedWeight, pvo.optimalWeight, pvo.plannedGain, pvo.optimalGain, pvo.ratio, pvo.optimal, pvo.gap]] : []),
      ]),
    });
    const coverageDoc = {
      scenario: { name: scenario.file.name, nameZh: scenario.file.nameZh ?? null, description: scenario.file.description ?? null, file: basename(scenarioPath!) },
      stations: siting.stationSet.map((s) => s.id),
      coverage: summary,
    };
    files.push({ path: join(opts.out, 'summary.json'), data: `${JSON.stringify(coverageDoc, null, 2)}\n` });
    for (const name of ['service_areas', 'districts', 'gaps', 'reached_network', 'stations'] as const) {
      files.push({ path: join(opts.out, `${name}.geojson`), data: `${JSON.stringify(layersOut[name])}\n` });
    }
    files.push({ path: join(opts.out, 'districts.csv'), data: districtsCsv(summary) });
  }
  if (files.length > 0) {
    const { writeFilesAtomic } = await import('../atomic_write');
    await writeFilesAtomic(files, inputs, { setDir: opts.out, command: 'site' });
    if (opts.out !== undefined) text += `\n${t('wrote', { count: files.length, dir: opts.out })}\n`;
  }
  // --json (global): this object on stdout; the text report goes to stderr.
  ctx.result(doc);
  ctx.out.write(text);
}

type Core = typeof import('@firecover/core');

async function runMatrix(
  opts: SiteOptions,
  ctx: CliContext,
  t: Translate<SiteKey>,
  core: Core,
  solver: import('@firecover/core').MipSolver,
  usage: (option: string, key: SiteKey, params?: Record<string, string>) => never,
  setup: <T>(f: () => T) => T,
): Promise<void> {
  for (const [flag, v] of [['--candidates', opts.candidates], ['--crowded-exits', opts.crowdedExits], ['--hazards', opts.hazards], ['--out', opts.out], ['--demand', opts.demand], ['--max-cost-s', opts.maxCostS]] as const) {
    if (v !== undefined) usage(flag, 'scenarioOnly', { option: flag });
  }
  if (!opts.facilityColumn || !opts.demandColumn || !opts.costColumn) usage('--matrix', 'needColumns');
  if (opts.weights !== undefined && (!opts.weightsId || !opts.weightsColumn)) usage('--weights', 'needWeightColumns');
  const covering = opts.model === 'lscp' || opts.model === 'mclp' || opts.model === 'backup';
  if (covering && opts.maxCost === undefined) usage('--max-cost', 'needMaxCost', { model: opts.model });
  const { readInputText } = await import('../read_input');
  const inputs = [opts.matrix!];
  const weights = opts.weights !== undefined ? { text: await readInputText(opts.weights), file: opts.weights, columns: { idColumn: opts.weightsId!, weightColumn: opts.weightsColumn! } } : undefined;
  if (opts.weights !== undefined) inputs.push(opts.weights);
  const matrix = core.costMatrixFromTables(await readInputText(opts.matrix!), opts.matrix!, { facilityColumn: opts.facilityColumn!, demandColumn: opts.demandColumn!, costColumn: opts.costColumn! }, weights);
  const result = setup(() => core.solveSiting(matrix, { model: opts.model, p: opts.p, share: opts.share, serviceCost: opts.maxCost, solver, timeLimitS: opts.timeLimit }));
  const doc = sitingJson(result, opts.model, opts.maxCost ?? null, null);
  if (opts.matrixOut !== undefined) {
    const { writeFilesAtomic } = await import('../atomic_write');
    await writeFilesAtomic([{ path: opts.matrixOut, data: matrixCsv(core, opts.maxCost !== undefined ? core.withinCost(matrix, opts.maxCost) : matrix) }], inputs);
  }
  ctx.result(doc);
  ctx.out.write(report(result, t, ctx, basename(opts.matrix!), undefined, opts.maxCost !== undefined ? String(opts.maxCost) : '—'));
}

/** The `--json` object (and `siting.json`): field names are a contract other tools read. */
function sitingJson(r: SitingResult, model: SitingModel, standard: number | null, siting: ScenarioSiting | null): Record<string, unknown> {
  const covering = model === 'lscp' || model === 'mclp' || model === 'backup';
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    model,
    p: r.p,
    selected: r.selectedIds,
    objective: finite(r.objective),
    coveredWeight: r.coveredWeight,
    totalWeight: r.totalWeight,
    uncoveredDemandPoints: r.uncoveredDemandPoints,
    meanCost: finite(r.meanCost),
    maxCost: covering ? standard : finite(r.maxCost),
    optimal: r.optimal,
    gap: finite(r.gap),
    bound: finite(r.bound),
    status: r.status,
    solver: r.solver,
    timeS: r.timeS,
    fixed: r.fixedIds,
    demandPoints: r.demandPoints,
    demandGroups: r.demandGroups,
    doubleCoveredWeight: r.doubleCoveredWeight,
    worstAssignedCost: finite(r.maxCost),
    unservedWeight: r.unservedWeight,
    unreachableDemandPoints: r.unreachableDemand.length,
    unreachableWeight: r.unreachableWeight,
    unreachableDemand: r.unreachableDemand,
    method: r.method,
    aggregated: r.aggregated,
    blockSide: r.blockSide,
    blocks: r.blocks,
    coverSolves: r.coverSolves,
    ...(siting
      ? {
          demandBasis: siting.problem.basis,
          candidates: siting.candidates.length,
          rejectedCandidates: siting.rejected.map((c) => ({ id: c.id, failed: c.checks.filter((k) => k.pass === false).map((k) => ({ rule: k.rule, valueM: k.valueM, limitM: k.limitM, clause: k.clause })) })),
          curve: siting.curve,
          plannedVsOptimal: siting.plannedVsOptimal,
        }
      : {}),
  };
}

function matrixCsv(core: Core, m: CostMatrix): string {
  const lines = ['facility,demand,cost,weight,fixed'];
  const cell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const [f, d, c, w, x] of core.costMatrixRows(m)) lines.push(`${cell(f)},${cell(d)},${c},${w},${x}`);
  return `${lines.join('\n')}\n`;
}

const n2 = (x: number): string => (Number.isFinite(x) ? (Math.abs(x) >= 1000 ? x.toFixed(0) : x.toFixed(2)) : '—');
const pct = (a: number, b: number): string => (b > 0 ? ((100 * a) / b).toFixed(1) : '—');

function report(r: SitingResult, t: Translate<SiteKey>, ctx: CliContext, name: string, nameZh: string | undefined, standard: string): string {
  const lines: string[] = [];
  lines.push(t('title', { name: ctx.lang === 'zh' ? (nameZh ?? name) : name }));
  lines.push(t('modelLine', { model: r.model, p: r.model === 'lscp' ? '' : `, p = ${r.p}`, standard }));
  lines.push(t('solverLine', { solver: r.solver, status: r.optimal ? t('optimal') : t(r.aggregated ? 'notOptimalBlocks' : 'notOptimal', { status: r.status }), gap: Number.isFinite(r.gap) ? r.gap.toExponential(1) : '—', time: r.timeS.toFixed(2) }));
  if (r.aggregated) {
    const params = { blocks: r.blocks ?? 0, side: r.blockSide ?? 0, bound: n2(r.bound), gap: Number.isFinite(r.gap) ? (100 * r.gap).toFixed(1) : '—' };
    lines.push(Number.isFinite(r.bound) ? t('aggregatedLine', params) : t('aggregatedNoBound', params));
  }
  if (r.coverSolves !== null) lines.push(t('coverLine', { solves: r.coverSolves, radius: n2(r.objective), bound: n2(r.bound) }));
  lines.push(t('selected', { list: r.selectedIds.length > 0 ? r.selectedIds.join(', ') : t('none') }));
  if (r.fixedIds.length > 0) lines.push(t('fixedLine', { count: r.fixedIds.length }));
  if (r.serviceCost === null) lines.push(t('served', { served: n2(r.totalWeight - r.unservedWeight), total: n2(r.totalWeight), pct: pct(r.totalWeight - r.unservedWeight, r.totalWeight) }));
  else lines.push(t('covered', { covered: n2(r.coveredWeight), total: n2(r.totalWeight), pct: pct(r.coveredWeight, r.totalWeight), uncovered: r.uncoveredDemandPoints, points: r.demandPoints }));
  if (r.model === 'backup' || r.doubleCoveredWeight > 0) lines.push(t('doubled', { weight: n2(r.doubleCoveredWeight), pct: pct(r.doubleCoveredWeight, r.totalWeight) }));
  lines.push(t('cost', { mean: n2(r.meanCost), max: n2(r.maxCost) }));
  lines.push(t('unreachable', { within: r.serviceCost !== null ? t('withinStd') : '', count: r.unreachableDemand.length, weight: n2(r.unreachableWeight) }));
  lines.push(t('groups', { groups: r.demandGroups, points: r.demandPoints, facilities: r.facilityCount }));
  return `${lines.join('\n')}\n`;
}

function candidatesReport(s: ScenarioSiting, t: Translate<SiteKey>, ctx: CliContext): string {
  const lines = [`\n${t('rejected', { count: s.rejected.length, total: s.candidates.length })}`];
  if (s.rejected.length === 0) return `${lines.join('\n')}\n`;
  const rows: string[][] = [[t('colId'), t('colReason'), t('colValue'), t('colLimit'), t('colClause')]];
  for (const c of s.rejected.slice(0, 20)) {
    for (const k of c.checks.filter((x) => x.pass === false)) {
      rows.push([c.id, ctx.lang === 'zh' ? k.zh : k.en, k.valueM === null ? '—' : `${k.valueM.toFixed(0)} m`, k.limitM === null ? '—' : `${k.limitM} m`, k.clause]);
    }
  }
  lines.push(alignColumns(rows));
  return `${lines.join('\n')}\n`;
}

function curveReport(s: ScenarioSiting, t: Translate<SiteKey>): string {
  const out: string[] = [];
  if (s.curve.length > 0) {
    out.push(`\n${t('curveTitle', { k: s.curve.length })}`);
    const rows: string[][] = [[t('colP'), t('colCovered'), t('colShare'), t('colGain'), t('colOpt'), t('colSites')]];
    for (const c of s.curve) rows.push([String(c.p), n2(c.coveredWeight), (100 * c.coveredShare).toFixed(1), n2(c.marginalWeight), c.optimal ? t('yes') : t('no'), c.selectedIds.join(', ')]);
    out.push(alignColumns(rows));
  }
  const pvo = s.plannedVsOptimal;
  if (pvo) {
    out.push(`\n${t('pvoTitle', { p: pvo.p })}`);
    out.push(t('pvoLine', { p: pvo.p, planned: pvo.plannedIds.join(', '), plannedGain: n2(pvo.plannedGain), optimal: pvo.optimalIds.join(', '), optimalGain: n2(pvo.optimalGain), pct: (100 * pvo.ratio).toFixed(1) }));
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** Chosen sites (`onlyChosen`) or every candidate, with the rule checks and whether each was chosen. */
function sitesGeoJson(s: ScenarioSiting, chosen: Set<string>, onlyChosen: boolean): unknown {
  const features: unknown[] = [];
  const checksOf = (c: SitingCandidate | null) =>
    c ? c.checks.map((k) => ({ rule: k.rule, pass: k.pass, valueM: k.valueM, limitM: k.limitM, clause: k.clause, en: k.en, zh: k.zh })) : [];
  if (onlyChosen) {
    for (const f of s.chosen) {
      features.push({
        type: 'Feature',
        properties: { id: f.id, name: f.name, origin: f.candidate ? f.candidate.origin : 'station', status: f.station?.status ?? 'candidate', turnoutS: f.turnoutS, checks: checksOf(f.candidate) },
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
      });
    }
  } else {
    for (const c of s.candidates) {
      features.push({
        type: 'Feature',
        properties: { id: c.id, name: c.name, origin: c.origin, accepted: c.accepted, selected: chosen.has(c.id), failed: c.checks.filter((k) => k.pass === false).map((k) => k.rule), checks: checksOf(c) },
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
