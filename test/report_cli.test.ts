import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../packages/cli/test/run_cli';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';

const tmp = tempDir('firecover-report-cli-');
afterAll(() => tmp.cleanup());

describe('firecover report: options and missing tools', () => {
  it('a bad --date is an input error (exit 2) and nothing is written', async () => {
    const out = join(tmp.dir, 'bad-date');
    const r = await runCli(['report', SAMPLE_CITY_SCENARIO, '--out', out, '--date', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--date.*expected a date like 2026-12-01/s);
    expect(existsSync(out)).toBe(false);
  });

  it('without Chromium: a clear warning in the chosen language, everything but the PDF is written, exit 0; township coverage from the indicators block', { timeout: 600_000 }, async () => {
    // The sample city with a township layer: one township around the Liushu brigade (104.533, 30.079 lies
    // inside 104.50–104.56 × 30.06–30.10), one far east with no station → 1 of 2 = 50.00 %.
    const scenario = JSON.parse(readFileSync(SAMPLE_CITY_SCENARIO, 'utf8'));
    const base = dirname(SAMPLE_CITY_SCENARIO);
    for (const k of ['hydrants', 'waterSources', 'barriers', 'demand', 'studyArea']) if (typeof scenario[k] === 'string') scenario[k] = resolve(base, scenario[k]);
    scenario.network.geojson = resolve(base, scenario.network.geojson);
    const box = (name: string, nameZh: string, x0: number, y0: number, x1: number, y1: number) => ({ type: 'Feature', properties: { name, nameZh }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } });
    writeFileSync(join(tmp.dir, 'towns.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [box('Liushu', '柳树镇', 104.5, 30.06, 104.56, 30.1), box('Far East', '远东镇', 105, 30, 105.1, 30.1)] }));
    scenario.indicators = { townships: 'towns.geojson', landReachedPct: { baseline: 60, target: 95, binding: false } };
    const file = join(tmp.dir, 'towns.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = join(tmp.dir, 'no-browser');
    const r = await runCli(['report', file, '--out', out, '--no-water', '--lang', 'zh'], { env: { FIRECOVER_CHROMIUM: '/nonexistent/chromium' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^警告：未找到 Chromium（\/nonexistent\/chromium）.*report\.html 已照常写出\n$/);
    expect(readdirSync(out).sort()).toEqual(['charts', 'firecover_manifest.json', 'indicators.csv', 'maps', 'report.docx', 'report.html']);
    // --no-water: no hydrant and water maps; the PNGs came from resvg
    expect(readdirSync(join(out, 'maps')).sort()).toEqual(['arrival', 'districts', 'gaps', 'stations'].flatMap((m) => [`${m}.png`, `${m}.svg`]));
    const csv = readFileSync(join(out, 'indicators.csv'), 'utf8');
    expect(csv).toMatch(/\ntownshipCoveragePct,[^\n]*,%,,100,50\.00,false,预期性,/);
    expect(csv).toMatch(/\nlandReachedPct,[^\n]*,%,60,95,[\d.]+,false,预期性,scenario\n/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('未设消防站或专职消防队的乡镇：远东镇');
  });

  it('help in English and Chinese, with examples', async () => {
    const en = await runCli(['report', '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/--date <date>/);
    expect(en.stdout).toMatch(/firecover report data\/sample-city\/scenario\.json --out out\/report/);
    const zh = await runCli(['report', '--help', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/规划评估报告/);
  });
});

describe('firecover report --site: the siting chapter', () => {
  it('draws the coverage curve and lists the sites that `firecover site` chooses for the same problem', { timeout: 600_000 }, async () => {
    const out = join(tmp.dir, 'site');
    // No Chromium needed for the HTML: the chapter is checked there (the PDF is checked elsewhere).
    const r = await runCli(['report', SAMPLE_CITY_SCENARIO, '--out', out, '--no-water', '--site', '--site-p', '2', '--site-spacing', '1000'], { env: { FIRECOVER_CHROMIUM: '/nonexistent/chromium' } });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Siting: coverage against number of stations');
    expect(existsSync(join(out, 'charts', 'coverage_curve.svg'))).toBe(true);
    // The same MCLP through `firecover site`: its p = 2 sites are the sites the chapter lists.
    const s = await runCli(['site', SAMPLE_CITY_SCENARIO, '--model', 'mclp', '--p', '2', '--candidate-spacing', '1000', '--json']);
    expect(s.code, s.stderr).toBe(0);
    const doc = JSON.parse(s.stdout) as { selected: string[]; optimal: boolean };
    expect(doc.selected).toHaveLength(2);
    const listed = [...html.matchAll(/<tr><td[^>]*>(\d+)<\/td><td>([^<]+)<\/td><td>[^<]*<\/td><td>[\d.]+, [\d.]+<\/td><\/tr>/g)].map((m) => m[2]);
    expect(listed.sort()).toEqual([...doc.selected].sort());
  });
});
