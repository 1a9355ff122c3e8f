import { waterLines, waterTableRows } from '../packages/cli/src/water_text';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliRun } from '../packages/cli/test/run_cli';
import { readScenario } from '../packages/cli/src/read_scenario';
import { analysisInput, buildReport, CHROMIUM_ARGS } from '../packages/report/src/index';
import { chromium, parseXml, strFromU8, unzipSync } from '../packages/report/src/testing';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';

// The sample city's report in both languages, checked against `firecover analyze` of the same scenario.
// The Chinese report is made from a copy of the scenario whose first station is named like markup.
const tmp = tempDir('firecover-report-');
afterAll(() => tmp.cleanup());
const EVIL = '<script>alert("x")</script> & <b>Co</b>';
const DATE = '2026-12-01';
const haveChromium = existsSync('/usr/bin/chromium');
const dirs = { analyze: join(tmp.dir, 'analyze'), en: join(tmp.dir, 'en'), zh: join(tmp.dir, 'zh') };
const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  const scenario = JSON.parse(readFileSync(SAMPLE_CITY_SCENARIO, 'utf8'));
  const base = dirname(SAMPLE_CITY_SCENARIO);
  for (const k of ['hydrants', 'waterSources', 'barriers', 'demand', 'studyArea']) if (typeof scenario[k] === 'string') scenario[k] = resolve(base, scenario[k]);
  scenario.network.geojson = resolve(base, scenario.network.geojson);
  scenario.stations[0].name = EVIL;
  scenario.stations[0].nameZh = EVIL;
  delete scenario.$schema;
  const evil = join(tmp.dir, 'evil.json');
  writeFileSync(evil, JSON.stringify(scenario));
  const [a, en, zh] = await Promise.all([
    runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', dirs.analyze]),
    runCli(['report', SAMPLE_CITY_SCENARIO, '--out', dirs.en, '--date', DATE]),
    runCli(['report', evil, '--out', dirs.zh, '--lang', 'zh', '--date', DATE]),
  ]);
  Object.assign(runs, { analyze: a, en, zh });
}, 600_000);

const MAPS = ['arrival', 'districts', 'gaps', 'hydrants', 'stations', 'water'];
const CHARTS = ['arrival_distribution', 'district_areas', 'existing_to_planned'];

/** Text cells of the table in the HTML section `id` (rows of cells, header first). */
function tableOf(html: string, id: string, which = 0): string[][] {
  const section = html.split(`<section class="chapter" id="${id}">`)[1]?.split('</section>')[0] ?? '';
  const table = section.split('<table>')[which + 1]?.split('</table>')[0] ?? '';
  const unesc = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => unesc(c[1])));
}

/** Share of dark pixels of a page rendered by pdftoppm (grey, 20 dpi), above the footer. */
function inkShare(pdf: string, page: number): number {
  const pgm = execFileSync('pdftoppm', ['-r', '20', '-gray', '-f', String(page), '-l', String(page), '-x', '0', '-y', '0', '-W', '165', '-H', '215', pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const v of pixels) if (v < 200) dark++;
  return dark / pixels.length;
}

describe('firecover report on the sample city', () => {
  it('runs in both languages and writes every file', () => {
    for (const r of Object.values(runs)) expect([r.code, r.stderr]).toEqual([0, '']);
    for (const lang of ['en', 'zh'] as const) {
      const d = dirs[lang];
      const names = ['report.html', 'report.docx', 'indicators.csv', ...(haveChromium ? ['report.pdf'] : [])];
      for (const n of names) expect(existsSync(join(d, n)), `${lang}/${n}`).toBe(true);
      expect(readdirSync(join(d, 'maps')).sort()).toEqual(MAPS.flatMap((m) => [`${m}.png`, `${m}.svg`]).sort());
      expect(readdirSync(join(d, 'charts')).sort()).toEqual(CHARTS.map((c) => `${c}.svg`).sort());
    }
  });

  it('every figure in the report equals the one analyze writes, rounded the same way', () => {
    const summary = JSON.parse(readFileSync(join(dirs.analyze, 'summary.json'), 'utf8'));
    const html = readFileSync(join(dirs.en, 'report.html'), 'utf8');
    const f = (x: number | null, d = 2): string => (x === null ? '—' : x.toFixed(d));
    const figures = tableOf(html, 'coverage').slice(1);
    expect(figures).toHaveLength(summary.coverage.figures.length);
    summary.coverage.figures.forEach((x: { en: string; value: number | null; unit: string }, i: number) => {
      expect(figures[i].slice(0, 2)).toEqual([x.en, x.unit === 'count' ? String(x.value) : f(x.value, x.unit === 's' ? 1 : 2)]);
    });
    const districts = tableOf(html, 'districts').slice(1);
    expect(districts.map((r) => [r[0], r[2], r[3], r[5], r[7]])).toEqual(
      summary.coverage.districts.map((d: { name: string; areaKm2: { value: number; limit: number }; latestArrivalS: { value: number }; lateAreaKm2: number }) => [d.name, f(d.areaKm2.value), String(d.areaKm2.limit), f(d.latestArrivalS.value, 1), f(d.lateAreaKm2)]),
    );
    const sets = tableOf(html, 'comparison').slice(1);
    expect(sets.map((r) => r.slice(1, 4))).toEqual(summary.comparison.sets.map((s: { stations: string[]; landSharePct: number; demandSharePct: number }) => [String(s.stations.length), f(s.landSharePct), f(s.demandSharePct)]));
    // indicator table: land and population reached are analyze's landShare and demandShare; the hydrant rates its water totals
    const ind = new Map(tableOf(html, 'indicators').slice(1).map((r) => [r[0], r[4]]));
    const fig = (key: string): number => summary.coverage.figures.find((x: { key: string }) => x.key === key).value;
    expect(ind.get('share of land reached within 5 min')).toBe(f(fig('landShare')));
    expect(ind.get('share of population reached within 5 min')).toBe(f(fig('demandShare')));
    expect(ind.get('municipal hydrant construction rate (建有率)')).toBe((summary.water.total.constructionRate * 100).toFixed(1));
    expect(ind.get('municipal hydrant intact rate (完好率)')).toBe((summary.water.total.intactRate * 100).toFixed(1));
    const areas = summary.coverage.districts.map((d: { areaKm2: { value: number } }) => d.areaKm2.value);
    expect(ind.get('average station district area')).toBe(f(areas.reduce((a: number, b: number) => a + b, 0) / areas.length));
    // the water chapter's district table is analyze's hydrant_districts.csv, cell for cell
    const csv = readFileSync(join(dirs.analyze, 'hydrant_districts.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split(','));
    const water = tableOf(html, 'water');
    expect(water.slice(1).map((r) => [r[0], r[3], r[4], r[9], r[10]])).toEqual(csv.slice(1).map((r) => [r[0], r[csv[0].indexOf('required')], r[csv[0].indexOf('existing')], r[csv[0].indexOf('construction_rate')], r[csv[0].indexOf('intact_rate')]]));
  });

  it('the indicator CSV has the table’s rows with both languages', () => {
    const lines = readFileSync(join(dirs.en, 'indicators.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines[0]).toBe('key,indicator,indicator_zh,unit,baseline,target,value_now,binding,nature_zh,target_source');
    expect(lines).toHaveLength(1 + 8); // a header and the eight indicators
    expect(lines.find((l) => l.startsWith('landReachedPct,'))).toContain(',100,');
    expect(readFileSync(join(dirs.zh, 'indicators.csv'), 'utf8').split('\n')[0]).toBe(`\uFEFF${lines[0]}`);
  });

  it('the HTML is self-contained: no script, no external reference, and Chromium makes no request for it', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const html = readFileSync(join(dirs[lang], 'report.html'), 'utf8');
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|\bsrc=|href="(?!#)|url\((?!#)/i);
    }
    if (!haveChromium) return;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(dirs.zh, 'report.html')}`, { waitUntil: 'load' });
      expect(requests).toEqual([`file://${join(dirs.zh, 'report.html')}`]);
      expect(await page.locator('svg').count()).toBe(MAPS.length + CHARTS.length);
    } finally {
      await browser.close();
    }
  });

  it('a station named like markup appears escaped in the HTML, every SVG and the docx', () => {
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;';
    const html = readFileSync(join(dirs.zh, 'report.html'), 'utf8');
    expect(html).toContain(escaped);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>Co');
    expect(readFileSync(join(dirs.zh, 'maps', 'stations.svg'), 'utf8')).toContain(escaped);
    const docx = strFromU8(unzipSync(readFileSync(join(dirs.zh, 'report.docx')))['word/document.xml']);
    expect(docx).toContain('&lt;script&gt;');
    expect(docx).not.toContain('<script');
  });

  it('maps and charts are well-formed XML; OSM is not credited for the synthetic city', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const m of MAPS) {
        const svg = readFileSync(join(dirs[lang], 'maps', `${m}.svg`), 'utf8');
        expect(parseXml(svg)).toBe('svg');
        expect(svg).not.toContain('OpenStreetMap');
        expect(svg).toContain(DATE);
      }
      for (const c of CHARTS) expect(parseXml(readFileSync(join(dirs[lang], 'charts', `${c}.svg`), 'utf8'))).toBe('svg');
    }
  });

  it('the same input gives byte-identical HTML, SVG and CSV', async () => {
    const { scenario } = await readScenario(SAMPLE_CITY_SCENARIO);
    const parts = buildReport(analysisInput(scenario, undefined, { waterText: { lines: waterLines, table: waterTableRows } }), { lang: 'en', date: DATE, sources: ['scenario.json', 'roads.geojson', 'hydrants.geojson', 'water_sources.geojson', 'barriers.geojson', 'population.geojson', 'study_area.geojson'] });
    expect(parts.html).toBe(readFileSync(join(dirs.en, 'report.html'), 'utf8'));
    expect(parts.indicatorsCsv).toBe(readFileSync(join(dirs.en, 'indicators.csv'), 'utf8'));
    for (const m of parts.maps) expect(m.svg, m.id).toBe(readFileSync(join(dirs.en, 'maps', `${m.id}.svg`), 'utf8'));
  });

  it('PNG maps are 300 dpi at A5 width (1748 px)', () => {
    const png = readFileSync(join(dirs.en, 'maps', 'districts.png'));
    expect(png.readUInt32BE(16)).toBe(1748);
    const at = png.indexOf('pHYs');
    expect([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8)]).toEqual([11811, 11811]);
  });

  it('the docx is a valid Office Open XML package with the maps as pictures', () => {
    const files = unzipSync(readFileSync(join(dirs.en, 'report.docx')));
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) {
      expect(files[part], part).toBeDefined();
      parseXml(strFromU8(files[part]));
    }
    expect(strFromU8(files['[Content_Types].xml'])).toContain('wordprocessingml.document.main+xml');
    const pictures = Object.keys(files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(pictures.length).toBe(MAPS.length + CHARTS.length);
  });

  describe.runIf(haveChromium)('the PDF', () => {
    const pdf = (lang: 'en' | 'zh'): string => join(dirs[lang], 'report.pdf');
    it('is A4 and paged, every page renders with ink on it', () => {
      for (const lang of ['en', 'zh'] as const) {
        const info = execFileSync('pdfinfo', [pdf(lang)], { encoding: 'utf8' });
        expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
        const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
        expect(pages).toBeGreaterThan(8);
        for (let p = 1; p <= pages; p++) expect(inkShare(pdf(lang), p), `${lang} page ${p}`).toBeGreaterThan(0.001);
      }
    });
    it('has page numbers, a contents list and the cover facts', () => {
      const text = execFileSync('pdftotext', ['-layout', pdf('en'), '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages[0]).toMatch(/Fire cover planning report: Sample city/);
      expect(pages[0]).toContain(DATE);
      expect(pages[0]).toMatch(/China: GB 51080-2015/);
      expect(pages[1]).toMatch(/Contents/);
      pages.forEach((p, i) => expect(p).toContain(`${i + 1} / ${pages.length}`));
    });
    it('Chinese: fonts embedded and the Chinese terms extract', () => {
      const fonts = execFileSync('pdffonts', [pdf('zh')], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f.split(/\s+/).slice(-5, -4)[0], f).toBe('yes');
      const text = execFileSync('pdftotext', [pdf('zh'), '-'], { encoding: 'utf8' });
      for (const term of ['消防站布局规划评估报告', '消防站辖区', '主要指标', '约束性', '预期性', '建有率', '完好率', '空白区']) expect(text).toContain(term);
    });
  });
});
