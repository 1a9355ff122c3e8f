import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';

// --json (one JSON document on stdout), --quiet, --progress json, for scripts and tools.
const tmp = tempDir('firecover-json-');
afterAll(() => tmp.cleanup());
const NET = ['--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES];

/** stdout is exactly one JSON document. */
function oneDocument(stdout: string): Record<string, unknown> {
  expect(stdout.trim().startsWith('{')).toBe(true);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('--json: one JSON document on stdout, for every command', () => {
  it('info: the pgRouting sample has 17 vertices and 18 edges', async () => {
    const r = await runCli(['info', ...NET, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = oneDocument(r.stdout);
    expect([d.nodes, d.links]).toEqual([17, 18]);
    expect(r.stderr).toBe('');
  });

  it('reach: the rows of the CSV, and nothing else on stdout', async () => {
    const args = ['reach', ...NET, '--from-node', '11', '--budget', '3'];
    const csv = (await runCli(args)).stdout.trim().split('\n').slice(1);
    const r = await runCli([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = oneDocument(r.stdout) as { reachedNodes: number; rows: { node: number; aggCostS: number; source: number }[]; budgetS: number };
    expect(d.budgetS).toBe(3);
    expect(d.reachedNodes).toBe(csv.length);
    expect(d.rows.map((x) => `${x.node},${x.aggCostS},${x.source}`)).toEqual(csv);
    // the summary is a message: on stderr
    expect(r.stderr).toMatch(/reached: \d+ nodes/);
  });

  it('due: ranked rows; at vertex 10, station 2 (node 16) first at 2, station 1 (node 11) second at 3 (as in cli_due)', async () => {
    const r = await runCli(['due', ...NET, '--from-node', '11,16', '--at', '116.303,39.901', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = oneDocument(r.stdout) as { standardS: number | null; rows: { point: string; rank: number; station: string; costS: number | null; withinStandard: boolean | null }[] };
    expect(d.standardS).toBeNull();
    expect(d.rows.map((x) => [x.rank, x.station, x.costS, x.withinStandard])).toEqual([
      [1, '2', 2, null],
      [2, '1', 3, null],
    ]);
  });

  it('export-graph: the files and their row counts', async () => {
    const e = join(tmp.dir, 'e.csv');
    const n = join(tmp.dir, 'n.csv');
    const r = await runCli(['export-graph', ...NET, '--out-edges', e, '--out-nodes', n, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(oneDocument(r.stdout)).toEqual({ edges: { file: e, count: 18 }, nodes: { file: n, count: 17 } });
    expect(readFileSync(e, 'utf8').trim().split('\n')).toHaveLength(19);
  });

  it('analyze: the same object as summary.json; hydrants: its water part', async () => {
    const out = join(tmp.dir, 'a');
    const a = await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', out, '--json']);
    expect(a.code, a.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { water: unknown };
    expect(oneDocument(a.stdout)).toEqual(summary);
    const h = await runCli(['hydrants', SAMPLE_CITY_SCENARIO, '--json']);
    expect(h.code, h.stderr).toBe(0);
    expect((oneDocument(h.stdout) as { water: unknown }).water).toEqual(summary.water);
  });

  it('a failure: exit code 2, the message on stderr, and a JSON error document on stdout', async () => {
    const r = await runCli(['reach', '--edges', join(tmp.dir, 'nope.csv'), '--from-node', '1', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*nope\.csv: file not found/);
    const d = oneDocument(r.stdout) as { exitCode: number; error: { kind: string; message: string; where: { file: string } } };
    expect(d.exitCode).toBe(2);
    expect(d.error.kind).toBe('input');
    expect(d.error.where.file).toBe(join(tmp.dir, 'nope.csv'));
    const usage = await runCli(['reach', '--frm', '1', '--json']);
    expect(usage.code).toBe(2);
    expect((oneDocument(usage.stdout) as { error: { kind: string } }).error.kind).toBe('usage');
  });
});

describe('--quiet and --progress json', () => {
  it('--quiet: no report and no notices; data on stdout and errors stay', async () => {
    const args = ['reach', ...NET, '--from-node', '11', '--budget', '3'];
    const normal = await runCli(args);
    const q = await runCli([...args, '--quiet']);
    expect(q.code).toBe(0);
    expect(q.stdout).toBe(normal.stdout);
    expect(normal.stderr).not.toBe('');
    expect(q.stderr).toBe('');
    const toFile = await runCli([...args, '--out', join(tmp.dir, 'q.csv'), '-q']);
    expect([toFile.code, toFile.stdout, toFile.stderr]).toEqual([0, '', '']);
    const bad = await runCli(['reach', ...NET, '--from-node', '99', '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/node 99 is not in the network/);
  });

  it('--progress json: JSON lines on stderr, fractions from 0 rising to 1 with done', async () => {
    // a small OSM XML: two nodes, one residential way
    const osm = join(tmp.dir, 'tiny.osm');
    writeFileSync(osm, '<?xml version="1.0"?>\n<osm version="0.6">\n<node id="1" lat="49.5" lon="11.2"/>\n<node id="2" lat="49.501" lon="11.2"/>\n<way id="3"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>\n</osm>\n');
    const r = await runCli(['info', '--osm', osm, '--progress', 'json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { type: string; step: string; fraction: number; done?: boolean });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.type === 'progress' && l.step === 'import')).toBe(true);
    expect(lines[0].fraction).toBe(0);
    expect(lines.at(-1)).toMatchObject({ fraction: 1, done: true });
    for (let i = 1; i < lines.length; i++) expect(lines[i].fraction).toBeGreaterThanOrEqual(lines[i - 1].fraction);
    expect((oneDocument(r.stdout) as { nodes: number }).nodes).toBe(2);
  });
});
