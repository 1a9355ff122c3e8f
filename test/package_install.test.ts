import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './shared_data';

// @firecover/core as a user gets it: `npm pack` of the package (dist/ is fresh: test/global_setup.ts),
// `npm install <tarball>` in an empty folder (its dependencies come from the npm registry), then plain
// `node` imports it and `tsc` (moduleResolution node16) type-checks a consumer against its .d.ts.
const CORE = resolve(REPO_ROOT, 'packages', 'core');
const CLI = resolve(REPO_ROOT, 'packages', 'cli');
const TSC = resolve(REPO_ROOT, 'node_modules', '.bin', 'tsc');
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

interface PackEntry {
  filename: string;
  files: { path: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'firecover-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let packed: PackEntry;

beforeAll(() => {
  packed = (JSON.parse(npm(['pack', '--json', '--pack-destination', dir], CORE)) as PackEntry[])[0];
  const app = join(dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--no-package-lock', '--loglevel', 'error', join(dir, packed.filename)], app);
}, 240_000);

// Three nodes in a line, A —1000 m, 100 s— B —500 m, 50 s— C (both directions, costs given explicitly),
// one source at A with 60 s turnout. By hand: cost(B) = 60 + 100 = 160 s, cost(C) = 160 + 50 = 210 s.
// With a 180 s budget C is not reached and link B–C is reached for (180 − 160) / 50 × 500 m = 200 m,
// so the road reached is 1000 + 200 = 1200 m.
const CONSUMER_JS = `
import { RoadNetworkBuilder, LinkFlag, polylineLengthM, multiSourceSearch, reachedLengthM, InputError, validateScenario } from '@firecover/core';
import { pgrSampleNetwork } from '@firecover/core/testing';
import schema from '@firecover/core/schema/scenario.schema.json' with { type: 'json' };

const b = new RoadNetworkBuilder(polylineLengthM);
const a = b.addNode(1, 104.60, 30.10);
const m = b.addNode(2, 104.61, 30.10);
const c = b.addNode(3, 104.615, 30.10);
const both = LinkFlag.FORWARD | LinkFlag.BACKWARD | LinkFlag.EXPLICIT_COST;
b.addLink({ source: a, target: m, flags: both, forwardS: 100, backwardS: 100, lengthM: 1000 });
b.addLink({ source: m, target: c, flags: both, forwardS: 50, backwardS: 50, lengthM: 500 });
const net = b.build();
const all = multiSourceSearch(net, [{ node: a, startCost: 60 }]);
const cut = multiSourceSearch(net, [{ node: a, startCost: 60 }], { budget: 180 });
let bad = '';
try { validateScenario({}, 'x.json'); } catch (e) { bad = e instanceof InputError ? e.message : 'not an InputError'; }
console.log(JSON.stringify({
  costB: all.cost[m], costC: all.cost[c], cutReachesC: Number.isFinite(cut.cost[c]), reachedM: reachedLengthM(cut),
  bad, schemaId: schema.$id, pgrNodes: pgrSampleNetwork().nodeCount,
}));
`;

const CONSUMER_TS = `
import { RoadNetworkBuilder, LinkFlag, polylineLengthM, multiSourceSearch, type RoadNetwork, type SearchResult } from '@firecover/core';
import { pgrSampleNetwork } from '@firecover/core/testing';
const b = new RoadNetworkBuilder(polylineLengthM);
const a: number = b.addNode(1, 104.6, 30.1);
const z: number = b.addNode(2, 104.61, 30.1);
b.addLink({ source: a, target: z, flags: LinkFlag.FORWARD });
const net: RoadNetwork = b.build();
const r: SearchResult = multiSourceSearch(net, [{ node: a, startCost: 60 }], { budget: 300 });
const cost: number = r.cost[z];
const sample: RoadNetwork = pgrSampleNetwork();
// @ts-expect-error internal names are not exported
import('@firecover/core').then((m) => m.arrivalSurface);
export { cost, sample };
`;

describe('@firecover/core installed from its npm tarball', () => {
  it('ships the build, the schema and no sources, tests, benchmarks or fixtures data', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('dist/testing.js');
    expect(paths).toContain('schema/scenario.schema.json');
    expect(paths).toContain('package.json');
    expect(paths.filter((p) => p.startsWith('src/') || /\.(test|bench)\.|\.typecheck\.|\.build-hash$/.test(p) || (p.endsWith('.ts') && !p.endsWith('.d.ts')))).toEqual([]);
  });

  it('runs a real search under plain node, with the hand-computed costs', () => {
    writeFileSync(join(dir, 'app', 'consumer.mjs'), CONSUMER_JS);
    const out = JSON.parse(execFileSync(process.execPath, ['consumer.mjs'], { cwd: join(dir, 'app'), encoding: 'utf8' })) as Record<string, unknown>;
    expect(out.costB).toBe(160);
    expect(out.costC).toBe(210);
    expect(out.cutReachesC).toBe(false);
    expect(out.reachedM).toBeCloseTo(1200, 6);
    expect(out.bad).toMatch(/x\.json/);
    expect(out.schemaId).toBe('https://firecover.dev/schema/scenario.schema.json');
    expect(out.pgrNodes).toBe(17); // pgRouting's sample network has 17 vertices
  });

  it('type-checks a consumer with moduleResolution node16 against the shipped .d.ts', () => {
    const app = join(dir, 'app');
    writeFileSync(join(app, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'ES2022', lib: ['ES2023'], strict: true, noEmit: true, types: [], skipLibCheck: false }, files: ['consumer.ts'] }),
    );
    let out = '';
    try {
      execFileSync(TSC, ['-p', 'tsconfig.json', '--pretty', 'false'], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(out).toBe('');
  });
});

describe('the firecover command package', () => {
  it('ships bin/ and the built dist/, without TypeScript sources', () => {
    const list = (JSON.parse(npm(['pack', '--dry-run', '--json'], CLI)) as PackEntry[])[0].files.map((f) => f.path);
    expect(list).toContain('bin/firecover.mjs');
    expect(list).toContain('dist/main.js');
    expect(list.some((p) => p.startsWith('dist/chunks/'))).toBe(true);
    // `firecover batch`: its worker threads' entry and the manifest's schema
    expect(list).toContain('dist/batch_worker.js');
    expect(list).toContain('schema/batch.schema.json');
    expect(list.filter((p) => p.startsWith('src/') || p.startsWith('test/') || p.endsWith('.ts'))).toEqual([]);
    expect(readdirSync(resolve(CLI, 'dist'))).toContain('main.js');
  });
});
