import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, tempDir } from '../packages/cli/test/run_cli';
import { REPO_ROOT } from './shared_data';

// The sample city with its risk block (docs/risk.md "Sample city"): analyze adds hazards.csv, the four
// risk layers and summary.json's risk object, in both languages byte for byte.
const SCENARIO = resolve(REPO_ROOT, 'data', 'sample-city', 'scenario_risk.json');
const RISK_FILES = ['communities.geojson', 'hazards.csv', 'hazards.geojson', 'micro_stations.geojson', 'townships.geojson'];
const tmp = tempDir('firecover-risk-');
afterAll(() => tmp.cleanup());

describe('firecover analyze with a risk block', () => {
  it('writes hazards.csv and the risk layers; summary.json gains risk; the text names the late sites in either language', async () => {
    const a = join(tmp.dir, 'a');
    const b = join(tmp.dir, 'b');
    const [ra, rb] = await Promise.all([runCli(['analyze', SCENARIO, '--out', a, '--no-water']), runCli(['analyze', SCENARIO, '--out', b, '--no-water', '--lang', 'zh'])]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const files = filesIn(a);
    for (const f of RISK_FILES) {
      expect(files).toContain(f);
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    // the existing fields are all still there, risk is added
    for (const k of ['scenario', 'coverage', 'comparison', 'water']) expect(summary).toHaveProperty(k);
    expect(summary.risk.hazards.length).toBe(9);
    expect(summary.risk.townships.coveragePct).toBe(75);
    const csv = readFileSync(join(a, 'hazards.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid,name,name_zh,class,class_zh,kind,height_m,need,')).toBe(true);
    expect(csv.split('\n').filter((l) => l !== '').length).toBe(10);
    expect(csv).toMatch(/^HZ3,Jiangnan Garden,江南花园,high_rise,高层建筑,point,30,aerial ≥ 30 m,举高 ≥ 30 m,aerial_25t,chengzhong chengnan,300,.*,false,too_far$/m);
    const layer = JSON.parse(readFileSync(join(a, 'hazards.geojson'), 'utf8'));
    expect(layer.features.filter((f: { properties: { meets: boolean } }) => !f.properties.meets).map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['HZ1', 'HZ3', 'HZ5', 'HZ9']);
    expect(ra.stdout).toMatch(/Hazards: first capable unit/);
    expect(ra.stdout).toMatch(/Jiangnan Garden \(high-rise building, aerial ≥ 30 m: capable unit Chengzhong Station at/);
    expect(ra.stdout).toMatch(/Townships: 3 of 4 with a full-time brigade/);
    expect(rb.stdout).toMatch(/江南花园（高层建筑，举高 ≥ 30 m：城中消防救援站/);
    expect(rb.stdout).toMatch(/乡镇：4 个中 3 个设有专职消防力量/);
    expect(rb.stdout).toMatch(/地方自定/);
  });
});
