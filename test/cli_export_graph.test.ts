import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';
import { haveSharedData, LAUF_PBF } from './shared_data';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('firecover export-graph', () => {
  it('round trip: reach on the exported tables gives the same CSV as on the original', async () => {
    const edges = join(tmp.dir, 'sample', 'edges.csv');
    const nodes = join(tmp.dir, 'sample', 'nodes.csv');
    const ex = await runCli(['export-graph', '--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES, '--out-edges', edges, '--out-nodes', nodes]);
    expect(ex.code, ex.stderr).toBe(0);
    expect(ex.stdout).toMatch(/18 edges/);
    expect(ex.stdout).toMatch(/17 vertices/);
    for (const args of [
      ['--from-node', '11', '--budget', '3'],
      ['--from-node', '11,16', '--budget', '3'],
      ['--from-node', '16', '--undirected'],
      ['--from', '116.303,39.9021;116.3035,39.9023', '--budget', '2.5'],
    ]) {
      const a = await runCli(['reach', '--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES, ...args]);
      const b = await runCli(['reach', '--edges', edges, '--nodes', nodes, ...args]);
      expect(a.code).toBe(0);
      expect(b.code).toBe(0);
      expect(b.stdout, args.join(' ')).toBe(a.stdout);
      expect(a.stdout.split('\n').length).toBeGreaterThan(2);
    }
  });

  it('the exported edge table keeps the published costs and one-way rules (negative = closed direction)', async () => {
    const edges = join(tmp.dir, 'costs', 'edges.csv');
    const nodes = join(tmp.dir, 'costs', 'nodes.csv');
    expect((await runCli(['export-graph', '--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES, '--out-edges', edges, '--out-nodes', nodes])).code).toBe(0);
    const lines = readFileSync(edges, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    const col = (name: string) => header.indexOf(name);
    const byId = new Map(lines.slice(1).map((l) => l.split(',')).map((f) => [Number(f[col('id')]), f]));
    // Edge 2: 6→10 cost −1, reverse 1; edge 5: 10→11 cost 1, reverse −1 (oracles.md §1).
    expect(Number(byId.get(2)![col('cost')])).toBeLessThan(0);
    expect(Number(byId.get(2)![col('reverse_cost')])).toBe(1);
    expect(Number(byId.get(5)![col('cost')])).toBe(1);
    expect(Number(byId.get(5)![col('reverse_cost')])).toBeLessThan(0);
    expect(byId.size).toBe(18);
  });

  it('writes both files or neither: an unwritable second output leaves no first output', async () => {
    const dir = tempDir('firecover-atomic-');
    try {
      const edges = join(dir.dir, 'edges.csv');
      // The node output names an existing directory: refused before anything is written.
      const r = await runCli(['export-graph', '--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES, '--out-edges', edges, '--out-nodes', dir.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('    at ');
      expect(filesIn(dir.dir)).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });

  it.runIf(haveSharedData(LAUF_PBF))('round trip on real OSM data: same reach from the OSM file and from its exported tables', async () => {
    const edges = join(tmp.dir, 'lauf', 'edges.csv');
    const nodes = join(tmp.dir, 'lauf', 'nodes.csv');
    const ex = await runCli(['export-graph', '--osm', LAUF_PBF, '--out-edges', edges, '--out-nodes', nodes]);
    expect(ex.code, ex.stderr).toBe(0);
    const args = ['--from', '11.2775,49.5109', '--budget', '240'];
    const a = await runCli(['reach', '--osm', LAUF_PBF, ...args]);
    const b = await runCli(['reach', '--edges', edges, '--nodes', nodes, ...args]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout.split('\n').length).toBeGreaterThan(100);
    expect(b.stdout).toBe(a.stdout);
  });
});
