import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';

// Expected rows are the published pgr_drivingDistance results for the pgRouting documentation sample
// network (../shared/notes/oracles.md §1), sorted by agg_cost then node id.
const NET = ['--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES];
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function rows(csv: string): string[][] {
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('node,agg_cost,source');
  return lines.slice(1).map((l) => l.split(','));
}

function byCost(expected: Record<number, number[]>): string[] {
  const out: string[] = [];
  for (const cost of Object.keys(expected).map(Number).sort((a, b) => a - b)) {
    for (const n of expected[cost].slice().sort((a, b) => a - b)) out.push(`${n},${cost}`);
  }
  return out;
}

describe('firecover reach on the pgRouting sample network', () => {
  it('directed, from vertex 11, budget 3: the 13 published vertices and costs', async () => {
    const out = join(tmp.dir, 'from11.csv');
    const r = await runCli(['reach', ...NET, '--from-node', '11', '--budget', '3', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const got = rows(readFileSync(out, 'utf8'));
    expect(got.map(([n, c]) => `${n},${c}`)).toEqual(byCost({ 0: [11], 1: [7, 12, 16], 2: [3, 6, 8, 15, 17], 3: [1, 5, 9, 10] }));
    expect(got.every(([, , s]) => s === '1')).toBe(true);
    expect(r.stdout).toMatch(/reached: 13 nodes/);
  });

  it('directed, sources 11 and 16 together: each vertex goes to its nearest source as published', async () => {
    const r = await runCli(['reach', ...NET, '--from-node', '11,16', '--budget', '3']);
    expect(r.code).toBe(0);
    // Without --out the CSV is on stdout and the summary on stderr.
    const got = rows(r.stdout);
    const stationNode = ['11', '16'];
    const owner = new Map(got.map(([n, , s]) => [Number(n), Number(stationNode[Number(s) - 1])]));
    const from11 = [11, 7, 12, 3, 6, 8, 1, 5, 9];
    const from16 = [16, 15, 17, 10];
    expect([...owner.keys()].sort((a, b) => a - b)).toEqual([...from11, ...from16].sort((a, b) => a - b));
    for (const n of from11) expect(owner.get(n), `vertex ${n}`).toBe(11);
    for (const n of from16) expect(owner.get(n), `vertex ${n}`).toBe(16);
    expect(got.find(([n]) => n === '10')?.[1]).toBe('2');
    expect(r.stderr).toMatch(/stations: 2/);
  });

  it('undirected, from vertex 16, budget 3: the published result', async () => {
    const r = await runCli(['reach', ...NET, '--from-node', '16', '--budget', '3', '--undirected']);
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map(([n, c]) => `${n},${c}`)).toEqual(byCost({ 0: [16], 1: [11, 15, 17], 2: [7, 10, 12], 3: [3, 6, 8] }));
  });

  it('turnout is a start offset counted inside the budget', async () => {
    // Turnout 1 within budget 3 leaves 2 of driving: the vertices at ≤ 2 from 11, each 1 later.
    const r = await runCli(['reach', ...NET, '--from-node', '11', '--budget', '3', '--turnout', '1']);
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map(([n, c]) => `${n},${c}`)).toEqual(byCost({ 1: [11], 2: [7, 12, 16], 3: [3, 6, 8, 15, 17] }));
  });

  it('no budget: every vertex reachable from 11 under the one-way rules', async () => {
    const r = await runCli(['reach', ...NET, '--from-node', '11']);
    expect(r.code).toBe(0);
    // Vertex 2, 4, 13, 14 lie on separate components; everything else is reachable.
    // The farthest, vertex 1 (11→7→3→1) and 5 (11→7→6→5), cost 3; nothing beyond that exists.
    const nodes = rows(r.stdout).map(([n]) => Number(n)).sort((a, b) => a - b);
    expect(nodes).toEqual([1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17]);
    expect(r.stderr).toMatch(/no time limit/);
  });

  // Hand-worked partial edges (oracles.md §1): road reached with edges cut at the budget is 6.0, 11.5 and
  // 14.0 edge-lengths at 1.5, 2.5 and 3.0. Each edge costs 1, so a piece covers (cost_end − cost_start)
  // of its edge.
  for (const [budget, expected] of [
    ['1.5', 6.0],
    ['2.5', 11.5],
    ['3', 14.0],
  ] as const) {
    it(`--edges-out: reached road pieces at budget ${budget} add up to ${expected} edges`, async () => {
      const file = join(tmp.dir, `pieces-${budget}.geojson`);
      const r = await runCli(['reach', ...NET, '--from-node', '11', '--budget', budget, '--edges-out', file]);
      expect(r.code).toBe(0);
      const fc = JSON.parse(readFileSync(file, 'utf8')) as {
        type: string;
        features: { geometry: { type: string; coordinates: number[][] }; properties: { link_id: number; source: number; cost_start_s: number; cost_end_s: number; length_m: number } }[];
      };
      expect(fc.type).toBe('FeatureCollection');
      let sum = 0;
      for (const f of fc.features) {
        expect(f.geometry.type).toBe('LineString');
        expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
        expect(f.properties.source).toBe(1);
        expect(Math.max(f.properties.cost_start_s, f.properties.cost_end_s)).toBeLessThanOrEqual(Number(budget));
        expect(f.properties.length_m).toBeGreaterThan(0);
        sum += Math.abs(f.properties.cost_end_s - f.properties.cost_start_s);
      }
      expect(sum).toBeCloseTo(expected, 6);
      // Edges 2 and 5 are never reached: their one-way rules point the other way.
      expect(fc.features.some((f) => f.properties.link_id === 2 || f.properties.link_id === 5)).toBe(false);
    });
  }

  it('--from snaps a coordinate to the nearest road and prints the distance', async () => {
    // Vertex 11 is at (116.303, 39.902); 0.0001° of latitude north of it lies on edge 11 (11→12, one way),
    // a tenth of the way along it.
    const r = await runCli(['reach', ...NET, '--from', '116.303,39.9021', '--budget', '0.5']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/station 1 at 116\.303,39\.9021: 0\.0 m to the road \(link 11\)/);
    // From 0.1 of the way along 11→12: vertex 12 at 0.9 is beyond 0.5; vertex 11 can't be reached backwards on a one-way.
    expect(rows(r.stdout)).toEqual([]);
    const r2 = await runCli(['reach', ...NET, '--from', '116.303,39.9021', '--budget', '1']);
    expect(rows(r2.stdout).map(([n, c]) => `${n},${c}`)).toEqual(['12,0.9']);
  });

  it('--from at a vertex starts at that vertex, even where the snapped link points the other way', async () => {
    // Vertex 10's coordinates snap to the end of edge 2 (6→10, travellable only 10→6). From vertex 10:
    // 10→6 and 10→11 at 1; then 6→5, 6→7, 11→7, 11→12, 11→16 at 2 (10→15 is closed).
    const r = await runCli(['reach', ...NET, '--from', '116.303,39.901', '--budget', '2']);
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map(([n, c]) => `${n},${c}`)).toEqual(byCost({ 0: [10], 1: [6, 11], 2: [5, 7, 12, 16] }));
  });

  it('warns when a station sits outside the largest strongly connected component', async () => {
    // Vertices 2 and 4 form their own component (edge 17); the main one holds the 13 others.
    const r = await runCli(['reach', ...NET, '--from-node', '11,2', '--budget', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/station 2 is on an island of 2 nodes/);
    expect(r.stderr).not.toMatch(/station 1 is on an island/);
  });

  it('writes into a new directory given with --out, and prints the summary in Chinese with --lang zh', async () => {
    const out = join(tmp.dir, 'new', 'dir', 'r.csv');
    const r = await runCli(['reach', ...NET, '--from-node', '11', '--budget', '1', '--out', out, '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).toMatch(/消防站：1 个/);
    expect(r.stdout).toMatch(/到达：4 个节点/);
  });
});
