import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../packages/cli/test/run_cli';
import { haveSharedData, LAUF_PBF } from './shared_data';

// Lauf an der Pegnitz (../shared/data/lauf-pegnitz): 479 hydrants and 3 fire stations per its SOURCE.md.
const have = haveSharedData(LAUF_PBF);
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const CENTRE = '11.2775,49.5109';

function parse(csv: string): { node: string; cost: number; source: number }[] {
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('node,agg_cost,source');
  return lines.slice(1).map((l) => {
    const [node, cost, source] = l.split(',');
    return { node, cost: Number(cost), source: Number(source) };
  });
}

describe.runIf(have)('firecover on real OSM data (Lauf an der Pegnitz)', () => {
  it('info --json: 479 hydrants, 3 stations, islands outside the main network', async () => {
    const r = await runCli(['info', '--osm', LAUF_PBF, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout) as {
      nodes: number;
      links: number;
      directedArcs: number;
      oneWayLinks: number;
      hydrants: number;
      stations: number;
      islands: { count: number; mainNodes: number; mainShare: number; smallIslandSizes: number[] };
      droppedWays: Record<string, number>;
      bbox: number[];
    };
    expect(info.hydrants).toBe(479);
    // OSM turn restrictions: counted in test/turns_lauf.test.ts against an independent scan of the file
    const turns = (info as unknown as { turnRestrictions: { relations: number; applied: number; notApplied: Record<string, number> } }).turnRestrictions;
    expect(turns.relations).toBe(50);
    expect(turns.applied + Object.values(turns.notApplied).reduce((a, b) => a + b, 0)).toBe(50);
    expect(info.stations).toBe(3);
    expect(info.islands.count).toBeGreaterThanOrEqual(1);
    expect(info.islands.smallIslandSizes.length).toBe(info.islands.count);
    expect(info.islands.mainNodes + info.islands.smallIslandSizes.reduce((a, b) => a + b, 0)).toBe(info.nodes);
    // Every link gives two arcs, minus one for each one-way link.
    expect(info.directedArcs).toBe(2 * info.links - info.oneWayLinks);
    // The town centre lies inside the extent.
    expect(info.bbox[0]).toBeLessThan(11.2775);
    expect(info.bbox[2]).toBeGreaterThan(11.2775);
    expect(info.bbox[1]).toBeLessThan(49.5109);
    expect(info.bbox[3]).toBeGreaterThan(49.5109);
  });

  it('info as a table, in Chinese', async () => {
    const r = await runCli(['info', '--osm', LAUF_PBF, '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/消火栓\s+479/);
    expect(r.stdout).toMatch(/消防站\s+3/);
    expect(r.stdout).toMatch(/孤岛\s+主路网之外 \d+ 个/);
  });

  it('reach from the town centre within 240 s: sorted rows within the budget, pieces within the budget', async () => {
    const out = join(tmp.dir, 'lauf.csv');
    const pieces = join(tmp.dir, 'lauf.geojson');
    const r = await runCli(['reach', '--osm', LAUF_PBF, '--from', CENTRE, '--budget', '240', '--out', out, '--edges-out', pieces]);
    expect(r.code, r.stderr).toBe(0);
    const m = /station 1 at 11\.2775,49\.5109: ([\d.]+) m to the road/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeLessThan(250);
    const rows = parse(readFileSync(out, 'utf8'));
    expect(rows.length).toBeGreaterThan(100);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1];
      const b = rows[i];
      expect(a.cost < b.cost || (a.cost === b.cost && Number(a.node) < Number(b.node))).toBe(true);
    }
    expect(rows.every((x) => x.cost <= 240 && x.source === 1)).toBe(true);
    const fc = JSON.parse(readFileSync(pieces, 'utf8')) as { features: { properties: { cost_start_s: number; cost_end_s: number; length_m: number } }[] };
    let km = 0;
    for (const f of fc.features) {
      expect(Math.max(f.properties.cost_start_s, f.properties.cost_end_s)).toBeLessThanOrEqual(240);
      km += f.properties.length_m / 1000;
    }
    const printed = /reached: \d+ nodes, ([\d.]+) km of road/.exec(r.stdout);
    expect(Number(printed![1])).toBeCloseTo(km, 1);
  });

  it('a smaller budget reaches exactly the nodes of the larger one within it, at the same costs', async () => {
    const big = await runCli(['reach', '--osm', LAUF_PBF, '--from', CENTRE, '--budget', '240']);
    const small = await runCli(['reach', '--osm', LAUF_PBF, '--from', CENTRE, '--budget', '120']);
    expect(small.code).toBe(0);
    const expected = parse(big.stdout).filter((x) => x.cost <= 120);
    expect(parse(small.stdout)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('turnout shifts every arrival: 60 s turnout in 240 s = the 180 s drive plus 60', async () => {
    const drive = await runCli(['reach', '--osm', LAUF_PBF, '--from', CENTRE, '--budget', '180']);
    const withTurnout = await runCli(['reach', '--osm', LAUF_PBF, '--from', CENTRE, '--budget', '240', '--turnout', '60']);
    const a = parse(drive.stdout);
    const b = parse(withTurnout.stdout);
    expect(b.map((x) => x.node)).toEqual(a.map((x) => x.node));
    for (let i = 0; i < a.length; i++) expect(b[i].cost).toBeCloseTo(a[i].cost + 60, 2);
  });

  it('two stations in one search: every row names one of them, and both own some', async () => {
    const r = await runCli(['reach', '--osm', LAUF_PBF, '--from', `${CENTRE};11.2600,49.5050`, '--budget', '300']);
    expect(r.code, r.stderr).toBe(0);
    const sources = new Set(parse(r.stdout).map((x) => x.source));
    expect([...sources].sort()).toEqual([1, 2]);
  });

  it('swapped coordinates on real data are caught (both numbers are valid latitudes)', async () => {
    const r = await runCli(['reach', '--osm', LAUF_PBF, '--from', '49.5109,11.2775', '--out', join(tmp.dir, 'never.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('swapped');
    expect(r.stderr).not.toContain('    at ');
  });
});
