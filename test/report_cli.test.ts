import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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

  it('without Chromium: a clear warning in the chosen language, everything but the PDF is written, exit 0', { timeout: 600_000 }, async () => {
    const out = join(tmp.dir, 'no-browser');
    const r = await runCli(['report', SAMPLE_CITY_SCENARIO, '--out', out, '--no-water', '--lang', 'zh'], { env: { FIRECOVER_CHROMIUM: '/nonexistent/chromium' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^警告：未找到 Chromium（\/nonexistent\/chromium）.*report\.html 已照常写出\n$/);
    expect(readdirSync(out).sort()).toEqual(['charts', 'indicators.csv', 'maps', 'report.docx', 'report.html']);
    // --no-water: no hydrant and water maps; the PNGs came from resvg
    expect(readdirSync(join(out, 'maps')).sort()).toEqual(['arrival', 'districts', 'gaps', 'stations'].flatMap((m) => [`${m}.png`, `${m}.svg`]));
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
