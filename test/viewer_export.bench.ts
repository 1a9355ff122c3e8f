import type { Page } from '../apps/viewer/node_modules/playwright-core';
import { bench, describe } from 'vitest';
import { haveSharedData, LAUF_PBF } from './shared_data';
import { haveChromium, startViewer, type ViewerHarness } from './viewer_harness';

// Print exports in Chromium through the viewer harness: A4 portrait at 300 dpi as PNG (2480 × 3508 px)
// and as PDF (vector, Noto Sans SC embedded), on the sample city and on Lauf an der Pegnitz (real OSM,
// ../shared/data). Target: each ≤ 15 s. The figure is the page's own wall time for `exportMap`
// (layers read, SVG laid out, rasterised or converted, encoded), median of the runs after a warm-up.
const TARGET_MS = 15_000;
const WARMUP = 1;
const RUNS = 4;

const median = (xs: number[]): number => {
  const s = xs.slice(WARMUP).sort((a, b) => a - b);
  return s[s.length >> 1];
};

interface Run {
  ms: number;
  size: number;
  width: number;
  height: number;
  stagesMs: Record<string, number>;
}

async function timed(page: Page, opts: string): Promise<Run> {
  return (await page.evaluate(`window.__firecover.exportMap(${opts}).then((r) => ({ ms: r.ms, size: r.bytes.length, width: r.width, height: r.height, stagesMs: r.stagesMs }))`)) as Run;
}

const STAGE_NAMES: Record<string, string> = { p_layers: 'layers + layout', p_raster: 'rasterise + PNG encode', p_font: 'font + libraries', p_pdf: 'SVG → PDF' };

function report(label: string, runs: Run[]): void {
  const ms = median(runs.map((r) => r.ms));
  const last = runs[runs.length - 1];
  console.log(`${label}: median ${(ms / 1000).toFixed(2)} s, fastest ${(Math.min(...runs.slice(WARMUP).map((r) => r.ms)) / 1000).toFixed(2)} s (target ≤ ${TARGET_MS / 1000} s): ${ms <= TARGET_MS ? 'OK' : 'OVER'} — ${Math.round(last.width)} × ${Math.round(last.height)}, ${(last.size / 1e6).toFixed(2)} MB`);
  const stages = Object.keys(last.stagesMs).map((k) => `${STAGE_NAMES[k] ?? k} ${(median(runs.map((r) => r.stagesMs[k] ?? 0)) / 1000).toFixed(2)} s`);
  console.log(`  of which (medians) ${stages.join('; ')}`);
}

const cases = [
  { name: 'A4 portrait 300 dpi PNG', opts: "{ format: 'png', paper: 'A4', orientation: 'portrait', dpi: 300 }" },
  { name: 'A4 portrait PDF', opts: "{ format: 'pdf', paper: 'A4', orientation: 'portrait' }" },
];

const scenarios = [
  { name: 'sample city', query: '', present: () => true },
  { name: 'Lauf an der Pegnitz (OSM)', query: '?scenario=fixtures/lauf-pegnitz/scenario.json', present: () => haveSharedData(LAUF_PBF) },
];

// Vitest's bench mode runs no beforeAll/afterAll: the viewer starts at module load and closes after the last run.
const viewer: ViewerHarness | null = haveChromium() ? await startViewer() : null;
const pages = new Map<string, Page>();
if (viewer) for (const s of scenarios) if (s.present()) pages.set(s.name, await viewer.open(s.query));
let remaining = scenarios.length * cases.length;

describe.runIf(viewer !== null)('viewer print export', () => {
  for (const s of scenarios)
    for (const c of cases) {
      const runs: Run[] = [];
      let calls = 0;
      bench(
        `${s.name}: ${c.name}`,
        async () => {
          const page = pages.get(s.name);
          if (page) runs.push(await timed(page, c.opts));
          if (++calls === RUNS) {
            if (page) report(`${s.name}, ${c.name}`, runs);
            else console.log(`${s.name}, ${c.name}: skipped (its data is absent)`);
            if (--remaining === 0) await viewer?.close();
          }
        },
        { iterations: RUNS - WARMUP, warmupIterations: WARMUP, time: 0, warmupTime: 0 },
      );
    }
});
