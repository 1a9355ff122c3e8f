import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';
import { REPO_ROOT } from './shared_data';

// The pgRouting documentation sample network (../shared/notes/oracles.md §1), every edge cost 1.
// Directed rules that matter here: 6→10 (edge 2) and 10→15 (edge 3) are only travellable reversed
// (10→6, 15→10); 10→11 (edge 5) only forward. So vertex 10 can only be entered from 15, and 15 only
// from 16 (edge 16, both ways). Hence, by hand:
//   from 16: 16→15→10 = 2;   from 11: 11→16→15→10 = 3;   from 13: its own component (edge 18), never.
const NET = ['--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES];
const AT_10 = '116.303,39.901'; // vertex 10's coordinates
const SCENARIO = resolve(REPO_ROOT, 'data', 'sample-city', 'scenario.json');
const tmp = tempDir('firecover-due-');
afterAll(() => tmp.cleanup());

function csvRows(file: string): string[] {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('point,rank,station,cost_s,within_standard');
  return lines.slice(1);
}

interface RouteFeature {
  geometry: { type: string; coordinates: number[][] } | null;
  properties: { point: string; rank: number; station: string; cost_s: number; length_m: number; within_standard?: boolean };
}

describe('firecover due on the pgRouting sample network', () => {
  it('stations at 11 and 16, a point at vertex 10: 16 first at 2, 11 second at 3', async () => {
    const out = join(tmp.dir, 'node10.csv');
    const r = await runCli(['due', ...NET, '--from-node', '11,16', '--at', AT_10, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // station = number in the order given: 1 = node 11, 2 = node 16; no scenario → no standard column
    expect(csvRows(out)).toEqual(['1,1,2,2,', '1,2,1,3,']);
    expect(r.stdout).toMatch(/^1 +1 +2 \(node 16\) +2\.0$/m);
    expect(r.stdout).toMatch(/^1 +2 +1 \(node 11\) +3\.0$/m);
    expect(r.stdout).not.toMatch(/within/);
  });

  it('turnout is added to every arrival time', async () => {
    const out = join(tmp.dir, 'turnout.csv');
    const r = await runCli(['due', ...NET, '--from-node', '11,16', '--at', AT_10, '--turnout', '60', '--out', out]);
    expect(r.code).toBe(0);
    expect(csvRows(out)).toEqual(['1,1,2,62,', '1,2,1,63,']);
  });

  it('a point snapped mid-edge on a one-way link, with its route cut at the point', async () => {
    // 116.3034,39.90105 is 0.00005° (≈ 5.6 m) north of edge 3 (10→15), 0.4 of the way from 10 to 15.
    // Edge 3 can only be driven 15→10, so the point is reached from 15 after 0.6 of the edge:
    // from 16: 1 + 0.6 = 1.6; from 11: 2 + 0.6 = 2.6.
    const out = join(tmp.dir, 'mid.csv');
    const routes = join(tmp.dir, 'mid.geojson');
    const r = await runCli(['due', ...NET, '--from-node', '11,16', '--at', '116.3034,39.90105', '--out', out, '--routes-out', routes]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/point 1 at 116\.3034,39\.90105: 5\.6 m to the road \(link 3\)/);
    expect(csvRows(out)).toEqual(['1,1,2,1.6,', '1,2,1,2.6,']);
    const fc = JSON.parse(readFileSync(routes, 'utf8')) as { type: string; features: RouteFeature[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => [f.properties.rank, f.properties.station, f.properties.cost_s])).toEqual([
      [1, '2', 1.6],
      [2, '1', 2.6],
    ]);
    // 16 (116.304,39.902) → 15 (116.304,39.901) → the snapped point on 15→10
    expect(fc.features[0].geometry).toEqual({ type: 'LineString', coordinates: [[116.304, 39.902], [116.304, 39.901], [116.3034, 39.901]] });
    // 11 (116.303,39.902) → 16 → 15 → the point
    expect(fc.features[1].geometry?.coordinates).toEqual([[116.303, 39.902], [116.304, 39.902], [116.304, 39.901], [116.3034, 39.901]]);
    // 0.001° of latitude ≈ 111.0 m and 0.001° of longitude ≈ 85.3 m at 39.9° N:
    // 111.0 + 0.6 × 85.3 ≈ 162.2 m, and 85.3 more from 11.
    expect(Math.abs(fc.features[0].properties.length_m - 162.2)).toBeLessThan(1);
    expect(Math.abs(fc.features[1].properties.length_m - 247.5)).toBeLessThan(1.5);
  });

  it('stations snapped mid-edge start part-way along their link (--from, like reach)', async () => {
    // Station 1 at the middle of edge 9 (11–16): 0.5 to 16, then 16→15→10 = 2 → 2.5.
    // Station 2 at the middle of edge 10 (7–8): 0.5 back to 7, 7→11 (1), then 11→16→15→10 (3) → 4.5;
    // the other way, 8→12→17→16→15→10, is 0.5 + 5 = 5.5; 7→6→10 is closed (6→10 one-way reversed).
    const out = join(tmp.dir, 'snapped-stations.csv');
    const routes = join(tmp.dir, 'snapped-stations.geojson');
    const r = await runCli(['due', ...NET, '--from', '116.3035,39.902;116.302,39.9025', '--at', AT_10, '--out', out, '--routes-out', routes]);
    expect(r.code).toBe(0);
    expect(csvRows(out)).toEqual(['1,1,1,2.5,', '1,2,2,4.5,']);
    const fc = JSON.parse(readFileSync(routes, 'utf8')) as { features: RouteFeature[] };
    expect(fc.features[0].geometry?.coordinates).toEqual([[116.3035, 39.902], [116.304, 39.902], [116.304, 39.901], [116.303, 39.901]]);
    expect(fc.features[1].geometry?.coordinates).toEqual([
      [116.302, 39.9025],
      [116.302, 39.902],
      [116.303, 39.902],
      [116.304, 39.902],
      [116.304, 39.901],
      [116.303, 39.901],
    ]);
  });

  it('-k larger than the number of stations: every station listed, one that cannot reach the point as unreachable', async () => {
    const out = join(tmp.dir, 'k5.csv');
    const r = await runCli(['due', ...NET, '--from-node', '11,16,13', '--at', AT_10, '-k', '5', '--out', out]);
    expect(r.code).toBe(0);
    expect(csvRows(out)).toEqual(['1,1,2,2,', '1,2,1,3,', '1,3,3,unreachable,']);
    expect(r.stdout).toMatch(/^1 +3 +3 \(node 13\) +unreachable$/m);
    const zh = await runCli(['due', ...NET, '--from-node', '11,16,13', '--at', AT_10, '-k', '5', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^1 +3 +3（节点 13） +不可达$/m);
    expect(zh.stdout).toMatch(/点位 +顺位 +消防站 +到达（秒）/);
  });

  it('a point given at a vertex is that vertex, whichever link the snap picked', async () => {
    // Vertex 12's coordinates snap to the end of edge 11 (11→12, one-way, the lowest link index there).
    // From a station at vertex 8 the point is one edge away along 8→12 (edge 12, forward allowed): 1.
    // (Joined only through edge 11 it would be 8→7→11→12 = 3.)
    const out = join(tmp.dir, 'vertex12.csv');
    const r = await runCli(['due', ...NET, '--from-node', '8', '--at', '116.303,39.903', '--out', out]);
    expect(r.code).toBe(0);
    expect(csvRows(out)).toEqual(['1,1,1,1,']);
  });

  it('-k 1 lists only the first due station', async () => {
    const out = join(tmp.dir, 'k1.csv');
    const r = await runCli(['due', ...NET, '--from-node', '11,16', '--at', AT_10, '-k', '1', '--out', out]);
    expect(r.code).toBe(0);
    expect(csvRows(out)).toEqual(['1,1,2,2,']);
  });

  it('--points reads a CSV of points by id (header in any column order)', async () => {
    const pts = join(tmp.dir, 'points.csv');
    // vertex 10, and vertex 12 (reached 11→12 = 1; 16→17, 17→12 closed (12→17 one-way), 16→11→12 = 2)
    writeFileSync(pts, 'lat,id,lon\n39.901,hydrant-a,116.303\n\n39.903,"house, 12",116.303\n');
    const out = join(tmp.dir, 'points-out.csv');
    const r = await runCli(['due', ...NET, '--from-node', '11,16', '--points', pts, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(csvRows(out)).toEqual(['hydrant-a,1,2,2,', 'hydrant-a,2,1,3,', '"house, 12",1,1,1,', '"house, 12",2,2,2,']);
    expect(r.stdout).toMatch(/points: 2 from/);
  });

  it('a bad line in the points CSV is an input error naming the file and line; nothing is written', async () => {
    const pts = join(tmp.dir, 'bad-points.csv');
    writeFileSync(pts, 'id,lon,lat\na,116.303,39.901\nb,east,39.902\n');
    const out = join(tmp.dir, 'never.csv');
    const r = await runCli(['due', ...NET, '--from-node', '11,16', '--points', pts, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*bad-points\.csv:3: lon and lat must be numbers/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);

    writeFileSync(pts, 'a,116.303,39.901\n');
    const noHeader = await runCli(['due', ...NET, '--from-node', '11,16', '--points', pts]);
    expect(noHeader.code).toBe(2);
    expect(noHeader.stderr).toMatch(/bad-points\.csv:1: expected a header with the columns id,lon,lat/);

    writeFileSync(pts, 'id,lon,lat\na,116.303,39.901\na,116.303,39.902\n');
    const dup = await runCli(['due', ...NET, '--from-node', '11,16', '--points', pts]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/bad-points\.csv:3: duplicate id "a" \(also on line 2\)/);
  });

  it('command-line mistakes exit 2 with the place named', async () => {
    const none = await runCli(['due', ...NET, '--from-node', '11']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give the points with --at/);
    const far = await runCli(['due', ...NET, '--from-node', '11', '--at', '116.303,39.901;116.4,39.9']);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/--at \(point 2\): point 2 at 116\.4,39\.9 is \d+ m from the nearest road/);
    const badK = await runCli(['due', ...NET, '--from-node', '11', '--at', AT_10, '-k', '0']);
    expect(badK.code).toBe(2);
    const both = await runCli(['due', '--scenario', SCENARIO, ...NET, '--at', AT_10]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--scenario gives the network and the stations; do not also give --edges, --nodes/);
    const unknownNode = await runCli(['due', ...NET, '--from-node', '11,99', '--at', AT_10]);
    expect(unknownNode.code).toBe(2);
    expect(unknownNode.stderr).toMatch(/--from-node \(station 2\): node 99 is not in the network/);
  });
});

describe('firecover due on the sample city scenario', () => {
  // A point at Chengzhong station's own coordinates snaps to the same road position as the station, so
  // Chengzhong arrives after its turnout alone: 60 s (the cn preset's default turnout; the sample city
  // gives no per-station turnout), within the 300 s of GB 51080-2015 §4.1.3-1.
  const AT_CHENGZHONG = '104.595634,30.10027';

  it('prints station names, arrival times with turnout and the standard check', async () => {
    const out = join(tmp.dir, 'city.csv');
    const routes = join(tmp.dir, 'city.geojson');
    const r = await runCli(['due', '--scenario', SCENARIO, '--at', AT_CHENGZHONG, '--out', out, '--routes-out', routes]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/standard: 300 s .*\(GB 51080-2015 §4\.1\.3-1\)/);
    expect(r.stdout).toMatch(/^1 +1 +Chengzhong Station +60\.0 +yes$/m);
    expect(r.stdout).toMatch(/within 300 s/);
    const rows = csvRows(out).map((l) => l.split(','));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['1', '1', 'chengzhong', '60', 'true']);
    // The existing stations only (analysis.year unset): never the planned xincheng / huxi.
    const existing = ['chengzhong', 'chengbei', 'chengnan', 'liushu'];
    for (const [point, rank, station, cost, within] of rows) {
      expect(point).toBe('1');
      expect(existing).toContain(station);
      expect(within).toBe(String(Number(cost) <= 300));
      if (rank !== '1') expect(Number(cost)).toBeGreaterThan(60);
    }
    expect(rows.map((r) => Number(r[3]))).toEqual(rows.map((r) => Number(r[3])).sort((a, b) => a - b));
    // Routes: Chengzhong is already at the point (no line, no length); the others drive to the same
    // snapped position, so their lines end at one coordinate.
    const fc = JSON.parse(readFileSync(routes, 'utf8')) as { features: RouteFeature[] };
    expect(fc.features.map((f) => f.properties.station)).toEqual(rows.map((x) => x[2]));
    expect(fc.features[0].geometry).toBeNull();
    expect(fc.features[0].properties.length_m).toBe(0);
    const ends = fc.features.slice(1).map((f) => {
      expect(f.geometry?.type).toBe('LineString');
      expect(f.properties.length_m).toBeGreaterThan(0);
      return JSON.stringify(f.geometry?.coordinates.at(-1));
    });
    expect(new Set(ends).size).toBe(1);
  });

  it('in Chinese: Chinese station names and 是/否', async () => {
    const r = await runCli(['due', '--scenario', SCENARIO, '--at', AT_CHENGZHONG, '--lang', 'zh', '-k', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 +1 +城中消防救援站 +60\.0 +是$/m);
    expect(r.stdout).toMatch(/标准：300 秒/);
  });

  it('--turnout overrides the scenario turnout; --stations all adds the planned stations', async () => {
    const out = join(tmp.dir, 'city-all.csv');
    const r = await runCli(['due', '--scenario', SCENARIO, '--at', AT_CHENGZHONG, '--turnout', '0', '--stations', 'all', '-k', '10', '--out', out]);
    expect(r.code).toBe(0);
    const rows = csvRows(out).map((l) => l.split(','));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual(['1', '1', 'chengzhong', '0', 'true']);
    expect(rows.map((x) => x[2]).sort()).toEqual(['chengbei', 'chengnan', 'chengzhong', 'huxi', 'liushu', 'xincheng']);
  });
});
