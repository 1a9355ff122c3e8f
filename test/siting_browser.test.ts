import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../apps/viewer/node_modules/playwright-core';
import { REPO_ROOT } from './shared_data';

/**
 * The siting solver in a browser Web Worker: Debian's Chromium loads highs-js (HiGHS compiled to
 * WebAssembly, the build the CLI uses) inside a module worker and solves the workshop MIP of the
 * highs-js README (maximise 30 chairs + 50 tables, chairs + 2 tables ≤ 40, 2 chairs + tables ≤ 50,
 * integers): published optimum 1100 at 20 chairs, 10 tables. The same model-building calls as core's
 * `highsMipSolver` adapter (createModel with CSR rows, integrality, options, run, status, gap).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HIGHS_DIR = path.join(REPO_ROOT, 'packages', 'cli', 'node_modules', 'highs', 'build');
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function haveChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI must have it`);
  console.warn(`${msg}; skipping the siting browser test`);
  return false;
}

const WORKER = `
import loadHighs from './highs.mjs';
const highs = await loadHighs();
const inf = highs.infinity;
const m = highs.createModel({
  numCols: 2, numRows: 2, sense: highs.constants.objectiveSense.maximize,
  colCost: new Float64Array([30, 50]), colLower: new Float64Array([0, 0]), colUpper: new Float64Array([inf, inf]),
  rowLower: new Float64Array([-inf, -inf]), rowUpper: new Float64Array([40, 50]),
  matrix: { format: 'csr', numRows: 2, numCols: 2, starts: new Int32Array([0, 2, 4]), indices: new Int32Array([0, 1, 0, 1]), values: new Float64Array([1, 2, 2, 1]) },
  integrality: new Int32Array([1, 1]),
});
m.options.set({ output_flag: false, mip_rel_gap: 0 });
m.run();
postMessage({ optimal: m.getModelStatus() === highs.constants.modelStatus.optimal, objective: m.getObjectiveValue(), x: Array.from(m.getSolution().colValue), gap: m.info.get('mip_gap') });
m.dispose();
`;
const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
const w = new Worker('./worker.mjs', { type: 'module' });
w.onmessage = (e) => { window.__result = e.data; };
w.onerror = (e) => { window.__result = { error: String(e.message) }; };
</script>`;

describe.runIf(haveChromium())('HiGHS in a browser worker', () => {
  let server: http.Server;
  let base = '';
  let browser: Browser;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0];
      const send = (type: string, body: string | Buffer): void => {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      };
      if (name === '/' || name === '/index.html') send('text/html', PAGE);
      else if (name === '/worker.mjs') send('text/javascript', WORKER);
      else if (name === '/highs.mjs') send('text/javascript', readFileSync(path.join(HIGHS_DIR, 'highs.mjs')));
      else if (name === '/highs.wasm') send('application/wasm', readFileSync(path.join(HIGHS_DIR, 'highs.wasm')));
      else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = createRequire(path.join(REPO_ROOT, 'apps', 'viewer', 'package.json'))('playwright-core') as typeof import('../apps/viewer/node_modules/playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('loads the WebAssembly build in a module worker and solves a MIP to its published optimum', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction('window.__result !== undefined', undefined, { timeout: 60_000 });
    const r = (await page.evaluate('window.__result')) as { optimal: boolean; objective: number; x: number[]; gap: number; error?: string };
    expect(r.error).toBeUndefined();
    expect(r.optimal).toBe(true);
    expect(r.objective).toBe(1100);
    expect(r.x).toEqual([20, 10]);
    await page.close();
  }, 90_000);
});
