import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, startViewer, type ViewerHarness } from './viewer_harness';

/**
 * The viewer in Debian's Chromium (playwright-core, never a downloaded browser): builds the page with
 * Vite, serves the output on 127.0.0.1, opens the embedded sample city (the worker runs @firecover/core),
 * then checks what a planner sees: districts and arrival bands drawn, figures in the panel, a candidate
 * station that raises coverage, the Chinese labels, a PNG export. Also opens an analyze output folder.
 *
 * page.evaluate gets strings: under a transform that adds `__name` helpers, named inner functions fail.
 */
const SHOTS = tmpdir();

describe.runIf(haveChromium())('viewer in Chromium', () => {
  let viewer: ViewerHarness;
  beforeAll(async () => {
    viewer = await startViewer();
  }, 180_000);
  afterAll(async () => {
    await viewer?.close();
  });
  const open = (query: string) => viewer.open(query);
  const pageErrors = { get list() { return viewer.pageErrors; } };

  const rendered = (layer: string) => `window.__firecover.map.queryRenderedFeatures({ layers: ['${layer}'] }).length`;

  it('opens the sample city, adds a candidate, switches to Chinese, exports a PNG', async () => {
    const page = await open('');
    expect(await page.evaluate(rendered('districts-fill'))).toBeGreaterThan(0);
    expect(await page.evaluate(rendered('bands-fill'))).toBeGreaterThan(0);
    expect(await page.evaluate(rendered('stations-icon'))).toBeGreaterThan(0);
    expect(await page.evaluate('window.__firecover.mapErrors')).toEqual([]);

    // Panel: scenario name, synthetic note, the coverage figure with its unit, districts table.
    expect(await page.textContent('#scenario-name')).toContain('Sample city');
    expect(await page.textContent('.synthetic')).toContain('not a real place');
    const before = (await page.evaluate('window.__firecover.coveragePct')) as number;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(100);
    expect(await page.textContent('#coverage-figure')).toBe(`${before.toFixed(1)} %`);
    expect(await page.locator('#districts-table tbody tr').count()).toBeGreaterThan(0);
    await page.waitForSelector('#comparison-table', { timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'firecover-viewer-sample.png') });

    // Candidate mode: click on a road inside the largest late zone; coverage must rise (never fall).
    const target = (await page.evaluate(`(() => {
      const s = window.__firecover;
      const gaps = [...(s.summary.gaps.late || [])].sort((a, b) => b.areaKm2 - a.areaKm2);
      const c = gaps[0].centroid;
      const at = s.map.project(c);
      const roads = s.map.queryRenderedFeatures({ layers: ['roads-line'] });
      let best = null;
      for (const f of roads) {
        const g = f.geometry;
        const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
        for (const line of lines) for (const p of line) {
          const q = s.map.project(p);
          const d = Math.hypot(q.x - at.x, q.y - at.y);
          if (!best || d < best.d) best = { x: q.x, y: q.y, d };
        }
      }
      const r = s.map.getCanvas().getBoundingClientRect();
      return { x: r.left + best.x, y: r.top + best.y };
    })()`)) as { x: number; y: number };
    const updates = (await page.evaluate('window.__firecover.updates')) as number;
    await page.click('#candidate-mode');
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(`window.__firecover.updates > ${updates} && window.__firecover.candidates.length === 1`, null, { timeout: 60_000 });
    expect(await page.evaluate('window.__firecover.error')).toBeNull();
    const after = (await page.evaluate('window.__firecover.coveragePct')) as number;
    expect(after).toBeGreaterThan(before);
    expect(await page.textContent('#coverage-figure')).toBe(`${after.toFixed(1)} %`);
    expect(await page.textContent('#before-after')).toContain('→');
    const ms = (await page.evaluate('window.__firecover.lastRecomputeMs')) as number;
    expect(ms).toBeGreaterThan(0);
    expect(await page.textContent('#recompute-ms')).toContain('ms');
    expect(await page.evaluate(rendered('candidates-icon'))).toBe(1);

    // Removing the candidate restores the figure exactly.
    const u2 = (await page.evaluate('window.__firecover.updates')) as number;
    await page.click('button.remove');
    await page.waitForFunction(`window.__firecover.updates > ${u2} && window.__firecover.candidates.length === 0`, null, { timeout: 60_000 });
    expect(await page.evaluate('window.__firecover.coveragePct')).toBe(before);

    // Language
    await page.click('#lang-toggle');
    expect(await page.textContent('#legend')).toContain('到达时间');
    expect(await page.textContent('#scenario-name')).toContain('样例城');
    expect(await page.textContent('#panel')).toContain('消防站辖区');
    await page.click('#lang-toggle');

    // PNG export at print resolution (offscreen map at pixel ratio 2): non-empty, not transparent, not blank.
    const stats = (await page.evaluate(`(async () => {
      const blob = await window.__firecover.exportPng(2);
      const bmp = await createImageBitmap(blob);
      const c = document.createElement('canvas');
      c.width = bmp.width; c.height = bmp.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let opaque = 0; const colours = new Set();
      for (let i = 0; i < d.length; i += 4 * 97) { if (d[i + 3] > 0) opaque++; colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); }
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = ''; for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { width: bmp.width, height: bmp.height, size: blob.size, opaque, samples: Math.ceil(d.length / (4 * 97)), colours: colours.size, base64: btoa(bin) };
    })()`)) as { width: number; height: number; size: number; opaque: number; samples: number; colours: number; base64: string };
    const viewport = (await page.evaluate('[window.__firecover.map.getContainer().clientWidth, window.__firecover.map.getContainer().clientHeight]')) as number[];
    expect(stats.width).toBe(viewport[0] * 2);
    expect(stats.height).toBeGreaterThan(viewport[1] * 2);
    expect(stats.size).toBeGreaterThan(20_000);
    expect(stats.opaque).toBe(stats.samples);
    expect(stats.colours).toBeGreaterThan(20);
    const png = Buffer.from(stats.base64, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    writeFileSync(path.join(SHOTS, 'firecover-viewer-export.png'), png);

    // Districts CSV
    const csv = (await page.evaluate('window.__firecover.districtsCsv()')) as string;
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toContain('area_km2');
    expect(lines.length - 1).toBe(await page.locator('#districts-table tbody tr').count());
    await page.close();
    expect(pageErrors.list).toEqual([]);
  }, 240_000);

  it('opens an analyze output folder by ?scenario=URL', async () => {
    const page = await open('?scenario=fixtures/tiny-analysis/summary.json');
    // Rendered features repeat across tiles: count districts by station.
    expect(await page.evaluate("new Set(window.__firecover.map.queryRenderedFeatures({ layers: ['districts-fill'] }).map((f) => f.properties.fc_station)).size")).toBe(4);
    expect(await page.evaluate(rendered('bands-fill'))).toBeGreaterThan(0);
    expect(await page.textContent('#coverage-figure')).toBe('71.5 %');
    expect(await page.textContent('#scenario-name')).toContain('Tiny fixture town');
    // Two districts break a rule in the fixture (West: barrier, Works depot: area 4 > cap 2).
    expect(await page.locator('#districts-table tr.bad-row').count()).toBe(2);
    // No scenario, so no candidates.
    expect(await page.locator('#candidate-mode').count()).toBe(0);
    await page.close();
  }, 120_000);
});
