import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from '../apps/viewer/node_modules/playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveSharedData, LAUF_PBF } from './shared_data';
import { haveChromium, startViewer, type ViewerHarness } from './viewer_harness';

/**
 * Print exports of the viewer in Debian's Chromium: `window.__firecover.exportMap` on the sample city
 * (PNG at the paper's pixel size, PDF with vector paths and the embedded Chinese font, SVG with the
 * district polygons as paths), attribution only where OSM data is drawn, the dialog's progress in en/zh.
 * Expected sizes come from ISO 216 and the dpi: A4 = 210 × 297 mm, px = round(mm / 25.4 × dpi),
 * pt = mm / 25.4 × 72.
 */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Exported {
  base64: string;
  width: number;
  height: number;
  unit: string;
  frame: Box;
  legend: Box;
  ms: number;
}

const call = (opts: string) => `(async () => {
  const r = await window.__firecover.exportMap(${opts});
  let bin = ''; for (let i = 0; i < r.bytes.length; i += 0x8000) bin += String.fromCharCode(...r.bytes.subarray(i, i + 0x8000));
  return { base64: btoa(bin), width: r.width, height: r.height, unit: r.unit, frame: r.frame, legend: r.legend, ms: r.ms };
})()`;

async function exportMap(page: Page, opts: string): Promise<Exported & { bytes: Buffer }> {
  const r = (await page.evaluate(call(opts))) as Exported;
  return { ...r, bytes: Buffer.from(r.base64, 'base64') };
}

/** PNG IHDR size and pHYs pixels per metre, read from the bytes. */
function pngHeader(png: Buffer): { width: number; height: number; ppm: number | null } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  let ppm: number | null = null;
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs') ppm = png.readUInt32BE(at + 8);
    if (type === 'IDAT') break;
    at += 12 + len;
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), ppm };
}

const disjoint = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe.runIf(haveChromium())('viewer print exports in Chromium', () => {
  let viewer: ViewerHarness;
  let page: Page;
  beforeAll(async () => {
    viewer = await startViewer();
    page = await viewer.open('');
  }, 240_000);
  afterAll(async () => {
    await viewer?.close();
  });

  it('PNG A4 portrait at 300 dpi is 2480 × 3508 px, drawn, with the legend beside the map frame', async () => {
    const r = await exportMap(page, "{ format: 'png', paper: 'A4', orientation: 'portrait', dpi: 300 }");
    // 210 mm / 25.4 × 300 = 2480.3 → 2480; 297 mm / 25.4 × 300 = 3507.9 → 3508
    expect([r.width, r.height]).toEqual([2480, 3508]);
    const head = pngHeader(r.bytes);
    expect([head.width, head.height]).toEqual([2480, 3508]);
    expect(head.ppm).toBe(Math.round(300 / 0.0254)); // 11811 px/m
    expect(r.unit).toBe('px');
    expect(disjoint(r.frame, r.legend)).toBe(true);
    for (const b of [r.frame, r.legend]) {
      expect(b.x).toBeGreaterThan(0);
      expect(b.y).toBeGreaterThan(0);
      expect(b.x + b.width).toBeLessThan(2480);
      expect(b.y + b.height).toBeLessThan(3508);
    }
    expect(r.legend.x).toBeGreaterThanOrEqual(r.frame.x + r.frame.width); // beside, to the right
    // Pixels: many colours inside the frame; the legend column has drawing in it; the gutter between them is white.
    const px = (await page.evaluate(`(async () => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(r.base64)}), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height); const ctx = c.getContext('2d'); ctx.drawImage(bmp, 0, 0);
      const region = (x, y, w, h) => { const d = ctx.getImageData(Math.round(x), Math.round(y), Math.round(w), Math.round(h)).data; const cs = new Set(); let ink = 0;
        for (let i = 0; i < d.length; i += 4 * 7) { cs.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); if (d[i] + d[i + 1] + d[i + 2] < 600) ink++; } return { colours: cs.size, ink }; };
      const f = ${JSON.stringify(r.frame)}, l = ${JSON.stringify(r.legend)};
      return { frame: region(f.x + 4, f.y + 4, f.width - 8, f.height - 8), legend: region(l.x + 3, l.y + 3, l.width - 6, l.height - 6), gutter: region(f.x + f.width + 3, f.y, l.x - f.x - f.width - 6, f.height) };
    })()`)) as Record<'frame' | 'legend' | 'gutter', { colours: number; ink: number }>;
    expect(px.frame.colours).toBeGreaterThan(50);
    expect(px.legend.ink).toBeGreaterThan(100);
    expect(px.gutter).toEqual({ colours: 1, ink: 0 });
    writeFileSync(path.join(tmpdir(), 'firecover-print-A4-300dpi.png'), r.bytes);
  }, 120_000);

  it('PNG A3 landscape at 150 dpi is 2480 × 1754 px', async () => {
    const r = await exportMap(page, "{ format: 'png', paper: 'A3', orientation: 'landscape', dpi: 150 }");
    // 420 mm / 25.4 × 150 = 2480.3 → 2480; 297 mm / 25.4 × 150 = 1753.9 → 1754
    expect([r.width, r.height]).toEqual([2480, 1754]);
    expect(pngHeader(r.bytes)).toEqual({ width: 2480, height: 1754, ppm: Math.round(150 / 0.0254) });
  }, 120_000);

  it('PDF: A4 page in points, vector paths, title text in English and in Chinese, font embedded', async () => {
    const textOf = (name: string, r: { bytes: Buffer }) => {
      const file = path.join(tmpdir(), `firecover-print-${name}`);
      writeFileSync(file, r.bytes);
      return { file, info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
    };
    const en = await exportMap(page, "{ format: 'pdf', paper: 'A4', orientation: 'portrait' }");
    expect(en.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(en.unit).toBe('pt');
    expect(en.width).toBeCloseTo(595.28, 1); // 210 / 25.4 × 72
    expect(en.height).toBeCloseTo(841.89, 1); // 297 / 25.4 × 72
    const e = textOf('en.pdf', en);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(e.info);
    expect(size).not.toBeNull();
    expect(Math.abs(Number(size![1]) - 595.28)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(size![2]) - 841.89)).toBeLessThanOrEqual(1);
    expect(e.info).toMatch(/Pages:\s+1\n/);
    expect(e.text.trim().split('\n')[0].trim()).toBe('Sample city');
    expect(e.text).toContain('Legend');
    expect(e.fonts).toMatch(/NotoSansSC.*yes/); // embedded (subset) TrueType font

    // Vector: the page's content streams hold path operators by the thousand, and no image is placed.
    const raw = en.bytes.toString('latin1');
    expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
    let ops = 0;
    for (const m of raw.matchAll(/stream\r?\n/g)) {
      const start = m.index + m[0].length;
      const end = raw.indexOf('endstream', start);
      let body: string;
      try {
        body = inflateSync(en.bytes.subarray(start, end)).toString('latin1');
      } catch {
        continue;
      }
      ops += (body.match(/ [lcm]\n/g) ?? []).length;
    }
    expect(ops).toBeGreaterThan(1000);

    await page.click('#lang-toggle');
    const zh = await exportMap(page, "{ format: 'pdf', paper: 'A4', orientation: 'portrait' }");
    const z = textOf('zh.pdf', zh);
    expect(z.text.trim().split('\n')[0].trim()).toBe('样例城');
    expect(z.text).toContain('图例');
    expect(z.text).toContain('到达时间'); // legend group "Arrival time"
    await page.click('#lang-toggle');
  }, 180_000);

  it('SVG parses and draws every district polygon as a path; no OSM attribution for the synthetic city', async () => {
    const r = await exportMap(page, "{ format: 'svg', paper: 'A4', orientation: 'landscape' }");
    expect(r.unit).toBe('pt');
    expect(r.width).toBeCloseTo(841.89, 1);
    expect(r.height).toBeCloseTo(595.28, 1);
    const svg = r.bytes.toString('utf8');
    const check = (await page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
      const districts = window.__firecover.decoded.districts.features.length;
      // district outlines: fill none, stroke #333333 (print_layers.ts), one path per district feature
      const outlines = [...doc.querySelectorAll('path')].filter((p) => p.getAttribute('stroke') === '#333333' && p.getAttribute('fill') === 'none' && /^M[\\d.-]+ [\\d.-]+L/.test(p.getAttribute('d') || '') && /Z/.test(p.getAttribute('d') || ''));
      return { error: doc.querySelector('parsererror') ? doc.querySelector('parsererror').textContent : null, root: doc.documentElement.nodeName, districts, outlines: outlines.length };
    })()`)) as { error: string | null; root: string; districts: number; outlines: number };
    expect(check.error).toBeNull();
    expect(check.root).toBe('svg');
    expect(check.districts).toBeGreaterThan(0);
    expect(check.outlines).toBe(check.districts);
    expect(svg).not.toContain('OpenStreetMap');
  }, 120_000);

  it('an OSM-derived scenario carries "© OpenStreetMap contributors"', async () => {
    const osm = await viewer.open('?scenario=fixtures/tiny-osm-analysis/summary.json');
    try {
      const r = await exportMap(osm, "{ format: 'svg', paper: 'A4', orientation: 'portrait' }");
      expect(r.bytes.toString('utf8')).toContain('© OpenStreetMap contributors');
    } finally {
      await osm.close();
    }
  }, 120_000);

  it.runIf(haveSharedData(LAUF_PBF))('Lauf an der Pegnitz (real OSM, ../shared/data) carries "© OpenStreetMap contributors" in SVG and PNG exports', async () => {
    const lauf = await viewer.open('?scenario=fixtures/lauf-pegnitz/scenario.json');
    try {
      const svg = await exportMap(lauf, "{ format: 'svg', paper: 'A4', orientation: 'landscape' }");
      expect(svg.bytes.toString('utf8')).toContain('© OpenStreetMap contributors');
      const png = await exportMap(lauf, "{ format: 'png', paper: 'A4', orientation: 'landscape', dpi: 150 }");
      expect([png.width, png.height]).toEqual([1754, 1240]); // 297 and 210 mm at 150 dpi
      writeFileSync(path.join(tmpdir(), 'firecover-print-lauf-A4-150dpi.png'), png.bytes);
    } finally {
      await lauf.close();
    }
  }, 180_000);

  it('the print dialog shows its progress in English and in Chinese, and downloads the file', async () => {
    for (const [lang, done] of [
      ['en', 'Done:'],
      ['zh', '完成：'],
    ] as const) {
      if (lang === 'zh') await page.click('#lang-toggle');
      await page.click('#print-open');
      await page.selectOption('#print-format', 'svg');
      const download = page.waitForEvent('download');
      await page.click('#print-go');
      expect((await download).suggestedFilename()).toMatch(/^Sample_city-map-A4-portrait\.svg$/);
      await page.waitForFunction(`document.querySelector('#print-progress').textContent.startsWith(${JSON.stringify(done)})`, null, { timeout: 60_000 });
      expect(await page.textContent('#print-open')).toBe(lang === 'en' ? 'Print / export…' : '打印/导出…');
      await page.click('#print-dialog button[value=close]');
    }
    await page.click('#lang-toggle');
  }, 120_000);

  it('GeoJSON of the visible layers tags each feature with its layer', async () => {
    const r = (await page.evaluate(`(async () => {
      const fc = await window.__firecover.visibleLayersGeojson();
      const layers = {}; for (const f of fc.features) layers[f.properties.fc_layer] = (layers[f.properties.fc_layer] || 0) + 1;
      return { type: fc.type, layers, districts: window.__firecover.decoded.districts.features.length };
    })()`)) as { type: string; layers: Record<string, number>; districts: number };
    expect(r.type).toBe('FeatureCollection');
    expect(r.layers.districts).toBe(r.districts);
    expect(r.layers.roads).toBeGreaterThan(0);
    expect(r.layers.reached_network).toBeUndefined(); // off by default, so not exported
  }, 60_000);

  it('no page errors', () => {
    expect(viewer.pageErrors).toEqual([]);
  });
});
