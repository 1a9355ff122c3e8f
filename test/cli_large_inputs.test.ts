import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNetworkFile } from '../packages/core/src/index';
import { runCli, tempDir } from '../packages/cli/test/run_cli';
import { haveSharedData, LAUF_PBF, REPO_ROOT } from './shared_data';

// Large inputs: GeoJSON streamed past a size (FIRECOVER_STREAM_MB, lowered here so that small files take
// the streaming path), progress of large reads, and `import` hashing in the pass that reads.
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const ROADS = join(REPO_ROOT, 'data', 'sample-city', 'roads.geojson');

type Info = { nodes: number; links: number; lengthKm?: number } & Record<string, unknown>;

describe('large inputs', () => {
  it('--geojson streamed (FIRECOVER_STREAM_MB=0) gives the same network as read whole', async () => {
    const whole = await runCli(['info', '--geojson', ROADS, '--json']);
    const streamed = await runCli(['info', '--geojson', ROADS, '--json'], { env: { FIRECOVER_STREAM_MB: '0' } });
    expect(whole.code, whole.stderr).toBe(0);
    expect(streamed.code, streamed.stderr).toBe(0);
    const a = JSON.parse(whole.stdout) as Info;
    expect(a.links).toBeGreaterThan(100);
    expect(JSON.parse(streamed.stdout)).toEqual(a);
    // reach answers the same too
    const args = ['reach', '--geojson', ROADS, '--from-node', '1', '--budget', '240'];
    const r1 = await runCli(args);
    const r2 = await runCli(args, { env: { FIRECOVER_STREAM_MB: '0' } });
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.stdout).toBe(r1.stdout);
  });

  it('a scenario whose network and layers are streamed (FIRECOVER_STREAM_MB=0) gives the same summary as read whole', async () => {
    const scenario = join(REPO_ROOT, 'data', 'sample-city', 'scenario.json');
    const a = await runCli(['analyze', scenario, '--out', join(tmp.dir, 'an-whole'), '--json']);
    const b = await runCli(['analyze', scenario, '--out', join(tmp.dir, 'an-stream'), '--json'], { env: { FIRECOVER_STREAM_MB: '0' } });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout.replaceAll('an-stream', 'an-X')).toBe(a.stdout.replaceAll('an-whole', 'an-X'));
    expect((JSON.parse(a.stdout) as { imports: unknown[] }).imports.length).toBeGreaterThan(1);
  });

  it('a streamed GeoJSON cut short is exit 2 naming the file and the feature, no stack trace', async () => {
    const text = readFileSync(ROADS, 'utf8');
    const cut = join(tmp.dir, 'cut.geojson');
    const at = text.indexOf('"Feature"', text.indexOf('"Feature"', text.indexOf('"features"')) + 1); // inside the second feature
    writeFileSync(cut, text.slice(0, at + 20));
    const r = await runCli(['info', '--geojson', cut], { env: { FIRECOVER_STREAM_MB: '0' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cut\.geojson.*\(feature 1\).*ends too early/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(haveSharedData(LAUF_PBF))('--osm streamed block by block (FIRECOVER_STREAM_MB=0) gives the same info, and import the same checksum', async () => {
    const whole = await runCli(['info', '--osm', LAUF_PBF, '--json']);
    const streamed = await runCli(['info', '--osm', LAUF_PBF, '--json', '--progress', 'json'], { env: { FIRECOVER_STREAM_MB: '0' } });
    expect(whole.code, whole.stderr).toBe(0);
    expect(streamed.code, streamed.stderr).toBe(0);
    expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(whole.stdout));
    const lines = streamed.stderr.trim().split('\n').map((l) => JSON.parse(l) as { step: string; fraction: number; done?: boolean });
    expect(lines.at(-1)).toMatchObject({ step: 'import', fraction: 1, done: true });
    const out = join(tmp.dir, 'lauf.fcnet');
    const im = await runCli(['import', '--osm', LAUF_PBF, '--out', out], { env: { FIRECOVER_STREAM_MB: '0' } });
    expect(im.code, im.stderr).toBe(0);
    const sha = createHash('sha256').update(readFileSync(LAUF_PBF)).digest('hex');
    expect(readNetworkFile(new Uint8Array(readFileSync(out)), out).source?.checksum).toBe(`sha256:${sha}`);
  });

  it('import records the SHA-256 of the file it read (one pass), for a streamed GeoJSON too', async () => {
    const sha = createHash('sha256').update(readFileSync(ROADS)).digest('hex');
    for (const env of [{}, { FIRECOVER_STREAM_MB: '0' }]) {
      const out = join(tmp.dir, `roads-${Object.keys(env).length}.fcnet`);
      const r = await runCli(['import', '--geojson', ROADS, '--out', out], { env });
      expect(r.code, r.stderr).toBe(0);
      const src = readNetworkFile(new Uint8Array(readFileSync(out)), out).source;
      expect(src?.checksum).toBe(`sha256:${sha}`);
      expect(src?.bytes).toBe(readFileSync(ROADS).length);
    }
  });

  it('--progress json shows the reading of a large file (≥ 16 MiB) with bytes and totalBytes, rising to the size', async () => {
    // 17 MiB of edge table: a header and rows of one two-way edge each (a chain of nodes)
    const rows: string[] = ['id,source,target,cost,reverse_cost,x1,y1,x2,y2'];
    let size = rows[0].length + 1;
    for (let i = 1; size < 17 * 1024 * 1024; i++) {
      const row = `${i},${i},${i + 1},1.5,1.5,${(8 + i * 1e-5).toFixed(6)},49.000000,${(8 + (i + 1) * 1e-5).toFixed(6)},49.000000`;
      rows.push(row);
      size += row.length + 1;
    }
    const file = join(tmp.dir, 'big_edges.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const r = await runCli(['info', '--edges', file, '--progress', 'json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; step: string; label: string; fraction: number; bytes?: number; totalBytes?: number; done?: boolean });
    const read = lines.filter((l) => l.step === 'read');
    expect(read.length).toBeGreaterThanOrEqual(2);
    expect(read.every((l) => l.type === 'progress' && l.totalBytes === size && l.label.includes('big_edges.csv'))).toBe(true);
    expect(read[0]).toMatchObject({ fraction: 0, bytes: 0 });
    expect(read.at(-1)).toMatchObject({ fraction: 1, done: true, bytes: size });
    for (let i = 1; i < read.length; i++) expect(read[i].bytes!).toBeGreaterThanOrEqual(read[i - 1].bytes!);
    expect((JSON.parse(r.stdout) as Info).links).toBe(rows.length - 1);
  });
});
