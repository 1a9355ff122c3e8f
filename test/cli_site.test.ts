import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, tempDir } from '../packages/cli/test/run_cli';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';
import { haveSharedData, SPOPT_SF_DIR } from './shared_data';

const tmp = tempDir('firecover-site-');
afterAll(() => tmp.cleanup());

const SF_MATRIX = join(SPOPT_SF_DIR, 'SF_network_distance_candidateStore_16_censusTract_205_new.csv');
const SF_WEIGHTS = join(SPOPT_SF_DIR, 'SF_demand_205_centroid_uniform_weight.csv');
const sfArgs = ['--matrix', SF_MATRIX, '--facility-column', 'name', '--demand-column', 'DestinationName', '--cost-column', 'distance', '--weights', SF_WEIGHTS, '--weights-id', 'NAME', '--weights-column', 'POP2000'];

describe.runIf(haveSharedData(SPOPT_SF_DIR))('firecover site --matrix on the spopt San Francisco fixture', () => {
  it('MCLP p = 4 at 5,000 m: 21 tracts uncovered (published), with every --json field; --matrix-out writes the pairs within the standard', async () => {
    const out = join(tmp.dir, 'sf_matrix.csv');
    const r = await runCli(['site', ...sfArgs, '--model', 'mclp', '--p', '4', '--max-cost', '5000', '--json', '--matrix-out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ['model', 'p', 'selected', 'objective', 'coveredWeight', 'totalWeight', 'uncoveredDemandPoints', 'meanCost', 'maxCost', 'optimal', 'gap']) expect(j).toHaveProperty(k);
    expect(j.model).toBe('mclp');
    expect(j.p).toBe(4);
    expect(j.selected).toHaveLength(4);
    expect(j.uncoveredDemandPoints).toBe(21);
    expect(j.maxCost).toBe(5000);
    expect(j.optimal).toBe(true);
    expect(j.gap).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('facility,demand,cost,weight,fixed');
    // every row within the standard; the count equals the fixture's pairs ≤ 5,000 m, counted independently
    const raw = readFileSync(SF_MATRIX, 'utf8').trim().split('\n').slice(1);
    const within = raw.filter((l) => Number(l.split(',')[0]) <= 5000).length;
    expect(lines.length - 1).toBe(within);
    for (const l of lines.slice(1)) expect(Number(l.split(',')[2])).toBeLessThanOrEqual(5000);
  });

  it('p-median p = 4: mean 2982.1268579890657 m (published)', async () => {
    const r = await runCli(['site', ...sfArgs, '--model', 'pmedian', '--p', '4', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.meanCost).toBeCloseTo(2982.1268579890657, 6);
    expect(j.optimal).toBe(true);
    // a matrix has no grid: the exact ILP, never blocks
    expect(j.method).toBe('ilp');
    expect(j.aggregated).toBe(false);
    expect(j.blockSide).toBe(null);
  });

  it('p-center p = 4: by set covering, proven optimal, the number of set-covering problems in --json and the text (en, zh)', async () => {
    const r = await runCli(['site', ...sfArgs, '--model', 'pcenter', '--p', '4', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.method).toBe('cover-sequence');
    expect(j.optimal).toBe(true);
    expect(j.coverSolves).toBeGreaterThan(0);
    expect(j.bound).toBe(j.objective);
    const en = await runCli(['site', ...sfArgs, '--model', 'pcenter', '--p', '4']);
    expect(en.stdout).toMatch(new RegExp(`p-center by ${j.coverSolves} set-covering problems`));
    const zh = await runCli(['site', ...sfArgs, '--model', 'pcenter', '--p', '4', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/集合覆盖问题求解/);
  });
});

describe('firecover site p-median on the sample city', () => {
  it('is solved on blocks and says so: aggregated, block side, a bound below the objective (--json and the text, en and zh)', async () => {
    const r = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'pmedian', '--p', '2', '--candidate-spacing', '1000', '--curve', '1', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.aggregated).toBe(true);
    expect(j.method).toBe('blocks');
    expect(j.blockSide).toBeGreaterThanOrEqual(2);
    expect(j.optimal).toBe(false);
    expect(j.bound).toBeLessThanOrEqual(j.objective);
    const en = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'pmedian', '--p', '2', '--candidate-spacing', '1000', '--curve', '1']);
    expect(en.stdout).toMatch(new RegExp(`AGGREGATED, not proven optimal: solved on ${j.blocks} blocks of ${j.blockSide} × ${j.blockSide} cells`));
    const zh = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'pmedian', '--p', '2', '--candidate-spacing', '1000', '--curve', '1', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/聚合求解，未证明最优/);
  }, 240_000);
});

describe('firecover site errors', () => {
  it('a model other than lscp without --p, and both inputs at once, are usage errors (exit 2, en and zh)', async () => {
    const a = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'mclp']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--p is required for model mclp/);
    const b = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'mclp', '--p', '1', '--matrix', 'x.csv', '--lang', 'zh']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/只能给出其一/);
    const c = await runCli(['site', '--model', 'banana']);
    expect(c.code).toBe(2);
  });
  it('a missing column in --matrix names the file and the column', async () => {
    if (!haveSharedData(SPOPT_SF_DIR)) return;
    const r = await runCli(['site', '--matrix', SF_MATRIX, '--facility-column', 'site', '--demand-column', 'DestinationName', '--cost-column', 'distance', '--model', 'pmedian', '--p', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column "site" not found/);
    expect(r.stderr).not.toMatch(/at .*\.ts/);
  });
  it('more new stations than free candidates is an input error, not a crash', async () => {
    if (!haveSharedData(SPOPT_SF_DIR)) return;
    const r = await runCli(['site', ...sfArgs, '--model', 'pmedian', '--p', '17']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only 16 candidates/);
  });
});

describe('firecover site on the sample city', () => {
  it('--candidates and --hazards: a candidate 100 m from a hazardous site is dropped with the rule and clause; the other is chosen', async () => {
    const pt = (id: string, lon: number, lat: number) => ({ type: 'Feature', properties: { id, name: id }, geometry: { type: 'Point', coordinates: [lon, lat] } });
    // Chengzhong station's position (in town, on a road) and a point 100 m north of it (≈ 0.0009°)
    const [lon, lat] = [104.595634, 30.10027];
    const cands = join(tmp.dir, 'cands.geojson');
    const hazards = join(tmp.dir, 'hazards.geojson');
    writeFileSync(cands, JSON.stringify({ type: 'FeatureCollection', features: [pt('near-hazard', lon, lat), pt('elsewhere', 104.58, 30.09)] }));
    writeFileSync(hazards, JSON.stringify({ type: 'FeatureCollection', features: [pt('h1', lon, lat + 100 / 111_195)] }));
    const r = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'mclp', '--p', '1', '--fixed', 'planned', '--candidates', cands, '--hazards', hazards, '--curve', '1', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.candidates).toBe(2);
    expect(j.rejectedCandidates).toHaveLength(1);
    expect(j.rejectedCandidates[0].id).toBe('near-hazard');
    expect(j.rejectedCandidates[0].failed[0].rule).toBe('hazardSetback');
    expect(j.rejectedCandidates[0].failed[0].limitM).toBe(200);
    expect(j.rejectedCandidates[0].failed[0].valueM).toBeCloseTo(100, 0);
    expect(j.rejectedCandidates[0].failed[0].clause).toMatch(/GB 51080-2015 §4\.1\.5/);
    expect(j.selected).toEqual(['elsewhere']);
  });

  it('--out writes the sites, candidates, curve, planned-versus-optimal table and the coverage of the chosen set (what analyze reports for it)', async () => {
    const dir = join(tmp.dir, 'city');
    // coarse candidates (2.5 km) keep the run short; the curve to p = 2
    const r = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'mclp', '--p', '1', '--candidate-spacing', '2500', '--curve', '2', '--out', dir, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(filesIn(dir)).toEqual(
      ['candidates.geojson', 'curve.csv', 'districts.csv', 'firecover_manifest.json', 'districts.geojson', 'gaps.geojson', 'planned_vs_optimal.csv', 'reached_network.geojson', 'service_areas.geojson', 'siting.json', 'sites.geojson', 'stations.geojson', 'summary.json'].sort(),
    );
    const j = JSON.parse(r.stdout);
    expect(JSON.parse(readFileSync(join(dir, 'siting.json'), 'utf8'))).toEqual(j);
    expect(j.selected).toHaveLength(1);
    // the coverage written is analyze's analysis of existing stations + the chosen site: its demand covered equals the model's
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.stations).toContain(j.selected[0]);
    const demandShare = summary.coverage.figures.find((f: { key: string }) => f.key === 'demandShare');
    expect(Math.abs(demandShare.value - (100 * j.coveredWeight) / j.totalWeight)).toBeLessThan(0.01);
    const sites = JSON.parse(readFileSync(join(dir, 'sites.geojson'), 'utf8'));
    expect(sites.features).toHaveLength(1);
    expect(sites.features[0].properties.id).toBe(j.selected[0]);
    expect(sites.features[0].properties.checks.map((c: { rule: string }) => c.rule)).toEqual(['onRoad', 'builtUpArea', 'roadIsland', 'crowdSetback', 'hazardSetback']);
    const curve = readFileSync(join(dir, 'curve.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(curve[0]).toBe('p,covered_weight,covered_share,marginal_weight,selected,optimal,gap,solve_s');
    expect(curve).toHaveLength(3);
    const pvo = readFileSync(join(dir, 'planned_vs_optimal.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(pvo).toHaveLength(2);
    expect(pvo[1]).toMatch(/^2,xincheng huxi,/);
    const ratio = Number(pvo[1].split(',')[8]);
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThanOrEqual(1);
  });
});
