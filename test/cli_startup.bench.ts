import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { REPO_ROOT } from './shared_data';

// `firecover --version` must start within 4× a bare `node -e 0` (the built JavaScript, no TypeScript
// compilation at run time, heavy modules loaded lazily). Both are measured side by side, interleaved in
// one run, so machine load affects them alike.
const TARGET_RATIO = 4;
const BIN = resolve(REPO_ROOT, 'packages', 'cli', 'bin', 'firecover.mjs');
const RUNS = 25;

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
};

function timeMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

describe('CLI start-up', () => {
  const bare: number[] = [];
  const version: number[] = [];
  bench(
    '`node -e 0` then `firecover --version`',
    () => {
      bare.push(timeMs(['-e', '0']));
      version.push(timeMs([BIN, '--version']));
      if (version.length === RUNS) {
        const b = median(bare.slice(2));
        const v = median(version.slice(2));
        const ratio = v / b;
        console.log(
          `\n[cli startup] node -e 0: median ${b.toFixed(1)} ms; firecover --version: median ${v.toFixed(1)} ms; ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER'}; load average ${loadavg()[0].toFixed(1)}`,
        );
      }
    },
    { iterations: RUNS, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
