#!/usr/bin/env node
// Builds the publishable packages: @firecover/core → packages/core/dist (ESM JavaScript + .d.ts, emitted by
// TypeScript, relative specifiers made explicit for plain Node), @firecover/cli → packages/cli/dist (one
// esbuild bundle with lazily loaded chunks; npm dependencies and @firecover/core stay imports).
//
//   node scripts/build.mjs [core|cli ...] [--if-stale]
//
// Each dist/ carries a hash of its inputs (.build-hash). With --if-stale a package whose inputs have not
// changed is left alone, so `pnpm install`, the test set-up and `pnpm firecover` can all call this
// cheaply and never run a stale build. Plain Node: no TypeScript at run time.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = join(ROOT, 'packages', 'core');
const CLI = join(ROOT, 'packages', 'cli');
const REPORT = join(ROOT, 'packages', 'report');
const HASH_FILE = '.build-hash';

/** Every file under `dir` (recursively), sorted, skipping node_modules and dist. */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out.sort();
}

function inputsHash(paths) {
  const h = createHash('sha256');
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const p of paths.flatMap((p) => (existsSync(p) && statSync(p).isDirectory() ? filesUnder(p) : existsSync(p) ? [p] : []))) {
    h.update(relative(ROOT, p));
    h.update('\0');
    h.update(readFileSync(p));
  }
  return h.digest('hex');
}

/** Test files, benchmarks and the core-only type declarations are not part of a build. */
const notBuilt = (p) => /\.(test|bench)\.ts$/.test(p);

const TARGETS = {
  core: {
    dir: CORE,
    inputs: () => [join(CORE, 'src'), join(CORE, 'tsconfig.json'), join(CORE, 'tsconfig.build.json'), join(CORE, 'package.json'), join(ROOT, 'tsconfig.base.json')],
    build: buildCore,
  },
  report: {
    dir: REPORT,
    inputs: () => [join(REPORT, 'src'), join(REPORT, 'tsconfig.build.json'), join(REPORT, 'package.json'), join(ROOT, 'tsconfig.base.json')],
    build: buildReport,
  },
  cli: {
    dir: CLI,
    inputs: () => [join(CLI, 'src'), join(CLI, 'package.json')],
    build: buildCli,
  },
};

/** @firecover/report → packages/report/dist, emitted like core (the compiled CLI imports it at run time). */
function buildReport(out) {
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', join(REPORT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
  fixSpecifiers(out);
}

function buildCore(out) {
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', join(CORE, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
  fixSpecifiers(out);
}

/**
 * TypeScript keeps the sources' extensionless relative imports (`./road_network`), which bundlers accept
 * and plain Node does not: point each at the emitted file (`./road_network.js`, `./network/index.js`).
 */
function fixSpecifiers(out) {
  const SPEC = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;
  for (const file of filesUnder(out)) {
    if (!/\.(js|d\.ts)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(SPEC, (whole, lead, q, spec) => {
      if (/\.(js|mjs|json)$/.test(spec)) return whole;
      const base = resolve(dirname(file), spec);
      let target;
      if (existsSync(`${base}.js`)) target = `${spec}.js`;
      else if (existsSync(join(base, 'index.js'))) target = `${spec.replace(/\/$/, '')}/index.js`; // also '.' and '..'
      else throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
      return `${lead}${q}${target}${q}`;
    });
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

async function buildCli(out) {
  const esbuild = await import(join(CLI, 'node_modules', 'esbuild', 'lib', 'main.js')).then((m) => m.default ?? m);
  const pkg = JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8'));
  await esbuild.build({
    absWorkingDir: CLI,
    // the batch command's worker threads run dist/batch_worker.js (packages/cli/src/batch/pool.ts)
    entryPoints: { main: 'src/main.ts', batch_worker: 'src/batch/worker.ts' },
    outdir: out,
    bundle: true,
    splitting: true, // each command's heavy modules stay in chunks loaded by its action
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // npm dependencies (and @firecover/core, whose dist this resolves to at run time) stay imports
    external: [...Object.keys(pkg.dependencies ?? {}), 'node:*'],
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** The targets whose dist/ is missing or was built from other inputs than the current ones. */
export function staleTargets() {
  return Object.keys(TARGETS).filter((name) => {
    const file = join(TARGETS[name].dir, 'dist', HASH_FILE);
    return !existsSync(file) || readFileSync(file, 'utf8') !== inputsHash(TARGETS[name].inputs());
  });
}

async function main() {
  const args = process.argv.slice(2);
  const ifStale = args.includes('--if-stale');
  const names = args.filter((a) => !a.startsWith('--'));
  const stale = ifStale ? staleTargets() : [];
  for (const name of names.length > 0 ? names : Object.keys(TARGETS)) {
    const t = TARGETS[name];
    if (!t) throw new Error(`unknown build target ${name} (core, report, cli)`);
    const dist = join(t.dir, 'dist');
    const hash = inputsHash(t.inputs());
    if (ifStale && !stale.includes(name)) continue;
    // Build beside dist/ and swap it in whole: a failed build leaves no half-written dist/.
    const tmp = join(t.dir, `.dist-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const t0 = performance.now();
    try {
      await t.build(tmp);
      writeFileSync(join(tmp, HASH_FILE), hash);
      rmSync(dist, { recursive: true, force: true });
      renameSync(tmp, dist);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    console.error(`built ${relative(ROOT, dist)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (e) {
    console.error(`build failed: ${e instanceof Error && 'status' in e ? 'see the compiler output above' : e}`);
    process.exit(1);
  }
}
