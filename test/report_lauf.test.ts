import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../packages/cli/test/run_cli';
import { parseXml } from '../packages/report/src/testing';
import { LAUF_PBF, REPO_ROOT, haveSharedData } from './shared_data';

// The planning report from real OpenStreetMap data (../shared/data, never copied into the repository).
const SCENARIO = resolve(REPO_ROOT, 'test', 'fixtures', 'lauf-pegnitz.scenario.json');
const tmp = tempDir('firecover-report-lauf-');
afterAll(() => tmp.cleanup());

describe.runIf(haveSharedData(LAUF_PBF))('firecover report on the Lauf extract (real OSM data)', () => {
  it('builds the report, credits OpenStreetMap on every map and prints the island station', { timeout: 600_000 }, async () => {
    const out = join(tmp.dir, 'out');
    const r = await runCli(['report', SCENARIO, '--out', out, '--date', '2020-01-15']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    for (const f of ['report.html', 'report.docx', 'indicators.csv', 'maps/districts.svg', 'maps/districts.png', 'maps/hydrants.svg']) expect(existsSync(join(out, f)), f).toBe(true);
    if (existsSync('/usr/bin/chromium')) expect(existsSync(join(out, 'report.pdf'))).toBe(true);
    for (const m of ['stations', 'arrival', 'districts', 'gaps', 'hydrants', 'water']) {
      const svg = readFileSync(join(out, 'maps', `${m}.svg`), 'utf8');
      expect(parseXml(svg)).toBe('svg');
      expect(svg).toContain('© OpenStreetMap contributors');
      expect(svg).toContain('2020-01-15');
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Freiwillige Feuerwehr Wetzendorf');
    // SOURCE.md: 479 hydrants in the extract, all counted in the water chapter
    expect(html).toMatch(/Municipal hydrants: 479;/);
  });
});
