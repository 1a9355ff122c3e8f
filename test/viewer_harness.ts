import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '../apps/viewer/node_modules/playwright-core';
import { REPO_ROOT } from './shared_data';

/**
 * The viewer in Debian's Chromium for browser tests (playwright-core, never a downloaded browser):
 * builds the page with Vite into a temporary folder, serves it on 127.0.0.1 with `/fixtures/` from the
 * viewer's test fixtures and `/shared-data/` from ../shared/data (real data, read in place, never copied),
 * and opens pages that wait for `window.__firecover.ready`.
 *
 * page.evaluate gets strings: under a transform that adds `__name` helpers, named inner functions fail.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWER = path.join(REPO_ROOT, 'apps', 'viewer');
const FIXTURES = path.join(VIEWER, 'fixtures');
const SHARED_DATA = path.join(REPO_ROOT, '..', 'shared', 'data');

/** Chromium present? Absent: a warning and false (the suite skips), but under CI=true an error. */
export function haveChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI must have it`);
  console.warn(`${msg}; skipping the viewer browser tests`);
  return false;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

function serve(root: string): Promise<http.Server> {
  const mounts: [string, string][] = [['/fixtures/', FIXTURES], ['/shared-data/', SHARED_DATA]];
  const server = http.createServer((req, res) => {
    let url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (url === '/') url = '/index.html';
    const mount = mounts.find(([prefix]) => url.startsWith(prefix));
    const base = mount ? mount[1] : root;
    const rel = mount ? url.slice(mount[0].length) : url.slice(1);
    const file = path.resolve(base, rel);
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A built, served viewer and a launched browser. */
export interface ViewerHarness {
  origin: string;
  browser: Browser;
  /** Uncaught page errors of every page opened so far. */
  pageErrors: string[];
  /** Opens `origin/<query>` and waits until `window.__firecover.ready` (fails on `window.__firecover.error`). */
  open(query: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the viewer, serves it and launches Chromium; call in beforeAll (allow ~3 minutes) and close in afterAll. */
export async function startViewer(): Promise<ViewerHarness> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'firecover-viewer-'));
  const { build } = await import('vite');
  await build({ root: VIEWER, configFile: path.join(VIEWER, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await serve(outDir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // playwright-core is the viewer's dev dependency: resolve it from there.
  const { chromium } = createRequire(path.join(VIEWER, 'package.json'))('playwright-core') as typeof import('../apps/viewer/node_modules/playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: 60_000 });
  const pageErrors: string[] = [];
  return {
    origin,
    browser,
    pageErrors,
    async open(query, viewport = { width: 1400, height: 900 }) {
      const page = await browser.newPage({ viewport });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${origin}/${query}`);
      await page.waitForFunction('window.__firecover && (window.__firecover.ready || window.__firecover.error)', null, { timeout: 120_000 });
      const error = await page.evaluate('window.__firecover.error');
      if (error) throw new Error(`page error: ${String(error)}`);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
