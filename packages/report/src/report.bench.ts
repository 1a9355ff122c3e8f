import { waterLines, waterTableRows } from '../../cli/src/water_text';
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { loadScenario, type LoadedScenario } from '@firecover/core';
import { analysisInput } from './analysis_input';
import { buildReport } from './build_report';
import { reportFiles } from './report_files';

// Sample city, the whole report as `firecover report` makes it (analyses, maps, charts, HTML, PNGs, PDF,
// DOCX; not the file writes): target ≤ 10 s. Each stage's median is printed beside it.
const SAMPLE_DIR = new URL('../../../data/sample-city/', import.meta.url);
const WARMUP = 1;
const RUNS = 4;
const TARGET_MS = 10_000;

const median = (xs: number[]): number => {
  const s = xs.slice(WARMUP).sort((a, b) => a - b);
  return s[s.length >> 1];
};

async function loadSample(): Promise<LoadedScenario> {
  const json = JSON.parse(readFileSync(new URL('scenario.json', SAMPLE_DIR), 'utf8')) as unknown;
  return loadScenario(json, 'data/sample-city/scenario.json', async (rel) => new Uint8Array(readFileSync(new URL(rel, SAMPLE_DIR))));
}

describe('firecover report on the sample city', () => {
  const total: number[] = [];
  const analysis: number[] = [];
  const render: number[] = [];
  const files: number[] = [];
  bench(
    'sample city: load, analyse, render, PNG + PDF (Chromium), DOCX',
    async () => {
      const t0 = performance.now();
      const scenario = await loadSample();
      const input = analysisInput(scenario, undefined, { waterText: { lines: waterLines, table: waterTableRows } });
      const t1 = performance.now();
      buildReport(input, { lang: 'zh', date: '2026-12-01', sources: [] });
      const t2 = performance.now();
      await reportFiles(input, { lang: 'zh', date: '2026-12-01', sources: [] });
      const t3 = performance.now();
      analysis.push(t1 - t0);
      render.push(t2 - t1);
      files.push(t3 - t2);
      total.push(t1 - t0 + (t3 - t2));
      if (total.length === RUNS) {
        const ms = median(total);
        console.log(`sample city report, everything including the PDF: median ${(ms / 1000).toFixed(2)} s, fastest ${(Math.min(...total.slice(WARMUP)) / 1000).toFixed(2)} s (target ≤ ${TARGET_MS / 1000} s): ${ms <= TARGET_MS ? 'OK' : 'OVER'}`);
        console.log(`  of which load + analyses ${(median(analysis) / 1000).toFixed(2)} s; maps, charts, HTML ${(median(render) / 1000).toFixed(2)} s; all files (maps, charts, HTML again, PNGs, PDF, DOCX) ${(median(files) / 1000).toFixed(2)} s`);
      }
    },
    { iterations: RUNS - WARMUP, warmupIterations: WARMUP, time: 0, warmupTime: 0 },
  );
});
