import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, bench, describe } from 'vitest';

// `firecover batch` on N copies of the sample city, 1 worker thread against 2, the bin as a process,
// interleaved in one run so that machine load affects both alike. Target: on two idle cores, 2 jobs
// finish the batch at least 1.6× as fast as 1 (each scenario is independent work; the rest is start-up
// and the up-to-date checks).
const TARGET_SPEEDUP = 1.6;
const COPIES = 4;
const ROUNDS = 2;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'firecover.mjs');
const SAMPLE = join(ROOT, 'data', 'sample-city');

const tmp = mkdtempSync(join(tmpdir(), 'firecover-batch-bench-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
for (let i = 0; i < COPIES; i++) {
  const d = join(tmp, `city${i}`);
  mkdirSync(d);
  for (const f of readdirSync(SAMPLE)) if (f.endsWith('.json') || f.endsWith('.geojson')) copyFileSync(join(SAMPLE, f), join(d, f));
}
const MANIFEST = join(tmp, 'manifest.json');
writeFileSync(MANIFEST, JSON.stringify({ scenarios: Array.from({ length: COPIES }, (_, i) => ({ scenario: `city${i}/scenario.json`, out: `city${i}` })) }));

function runSeconds(jobs: number): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'batch', MANIFEST, '--out', join(tmp, `out${jobs}`), '--jobs', String(jobs), '--force', '--quiet'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`firecover batch --jobs ${jobs} exited ${r.status}: ${r.stderr}`);
  return s;
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
};

describe('firecover batch', () => {
  const one: number[] = [];
  const two: number[] = [];
  bench(
    `${COPIES} sample cities, --jobs 1 then --jobs 2`,
    () => {
      one.push(runSeconds(1));
      two.push(runSeconds(2));
      if (one.length === ROUNDS) {
        const a = median(one);
        const b = median(two);
        const speedup = a / b;
        console.log(
          `\n[batch] ${COPIES} sample cities: --jobs 1 ${a.toFixed(1)} s (${(a / COPIES).toFixed(1)} s per scenario), --jobs 2 ${b.toFixed(1)} s; speed-up ${speedup.toFixed(2)}× (target ≥ ${TARGET_SPEEDUP}× on two idle cores) ${speedup >= TARGET_SPEEDUP ? 'OK' : 'UNDER'}; cores ${availableParallelism()}, load average ${loadavg()[0].toFixed(1)}`,
        );
      }
    },
    { iterations: ROUNDS, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
