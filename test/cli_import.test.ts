import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNetworkFile } from '../packages/core/src/index';
import { filesIn, runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';
import { haveSharedData, LAUF_PBF, REPO_ROOT } from './shared_data';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('firecover import (network files)', () => {
  it('an imported edge table answers reach exactly as the tables do, and records the sources’ SHA-256', async () => {
    const out = join(tmp.dir, 'pgr', 'sample.fcnet');
    const im = await runCli(['import', '--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES, '--out', out]);
    expect(im.code, im.stderr).toBe(0);
    expect(im.stdout).toMatch(/17 nodes, 18 links/);
    const sha = createHash('sha256').update(readFileSync(SAMPLE_EDGES)).update(readFileSync(SAMPLE_NODES)).digest('hex');
    expect(readNetworkFile(new Uint8Array(readFileSync(out)), out).source?.checksum).toBe(`sha256:${sha}`);
    for (const args of [['--from-node', '11', '--budget', '3'], ['--from-node', '16', '--undirected']]) {
      const a = await runCli(['reach', '--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES, ...args]);
      const b = await runCli(['reach', '--osm', out, ...args]);
      expect(a.code).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout.replace(/--osm \S+/g, ''), args.join(' ')).toBe(a.stdout.replace(/--edges \S+ --nodes \S+/g, ''));
    }
    expect(filesIn(join(tmp.dir, 'pgr'))).toEqual(['sample.fcnet']);
  });

  it('a damaged network file is an input error naming it (exit 2, no stack trace)', async () => {
    const good = join(tmp.dir, 'pgr2', 'good.fcnet');
    expect((await runCli(['import', '--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES, '--out', good])).code).toBe(0);
    const bad = join(tmp.dir, 'pgr2', 'bad.fcnet');
    const bytes = readFileSync(good);
    bytes[bytes.length - 5] ^= 0x40;
    writeFileSync(bad, bytes);
    const r = await runCli(['info', '--osm', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.fcnet.*damaged/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  describe.runIf(haveSharedData(LAUF_PBF))('on Lauf an der Pegnitz (real OSM)', () => {
    it('a scenario whose network.osm is the imported file gives the same analysis as the .osm.pbf', async () => {
      const fcnet = join(tmp.dir, 'lauf', 'lauf.fcnet');
      expect((await runCli(['import', '--osm', LAUF_PBF, '--out', fcnet])).code).toBe(0);
      const scenarioPath = join(REPO_ROOT, 'test', 'fixtures', 'lauf-pegnitz.scenario.json');
      const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8')) as { network: { osm: string } };
      const viaFile = join(tmp.dir, 'lauf', 'scenario.json');
      writeFileSync(viaFile, JSON.stringify({ ...scenario, network: { osm: 'lauf.fcnet' } }));
      const a = await runCli(['analyze', scenarioPath, '--out', join(tmp.dir, 'lauf', 'a')], { cwd: REPO_ROOT });
      const b = await runCli(['analyze', viaFile, '--out', join(tmp.dir, 'lauf', 'b')], { cwd: REPO_ROOT });
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const summary = (dir: string) => JSON.parse(readFileSync(join(tmp.dir, 'lauf', dir, 'summary.json'), 'utf8')) as { coverage: unknown; water: unknown; comparison: unknown };
      expect(summary('b').coverage).toEqual(summary('a').coverage);
      expect(summary('b').water).toEqual(summary('a').water);
    });
  });
});
