import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';

// Inputs that are not what they should be: refused with exit code 2, naming the file and the problem,
// never printing the file's bytes, never hanging on a pipe or an endless device.
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const NET = ['--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES];

function file(name: string, text: string): string {
  const p = join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
}

async function refused(args: string[], mentions: (string | RegExp)[], env?: NodeJS.ProcessEnv) {
  const r = await runCli(args, { env });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toContain('    at ');
  for (const m of mentions) expect(r.stderr).toMatch(m);
  return r;
}

describe('paths that are not regular files', () => {
  it('/dev/zero (a device that never ends) is refused before reading', async () => {
    await refused(['info', '--osm', '/dev/zero'], ['/dev/zero', 'character device', /not a regular file/]);
  });

  it('a FIFO is refused without waiting for a writer', async () => {
    const fifo = join(tmp.dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    await refused(['reach', '--edges', fifo, '--from-node', '1'], ['pipe.csv', 'named pipe']);
    await refused(['analyze', fifo], ['pipe.csv', 'named pipe']);
  });

  it('a file over the input limit is refused with the limit and how to raise it', async () => {
    // FIRECOVER_MAX_INPUT_MB=0.0001 is 104 bytes; the sample edge table is larger
    expect(readFileSync(SAMPLE_EDGES).length).toBeGreaterThan(105);
    const r = await refused(['reach', ...NET, '--from-node', '11'], ['pgr_sample_edges.csv', 'larger than the input limit', 'FIRECOVER_MAX_INPUT_MB'], { FIRECOVER_MAX_INPUT_MB: '0.0001' });
    expect(r.stdout).toBe('');
    expect((await runCli(['reach', ...NET, '--from-node', '11', '--lang', 'zh'], { env: { FIRECOVER_MAX_INPUT_MB: '0.0001' } })).stderr).toContain('超过输入文件大小上限');
  });
});

describe('an error about a wrong file never prints its content', () => {
  const SECRET = 'hunter2-SECRET';
  const privateText = file('private.txt', `${SECRET} root:x:0:0\nsecond ${SECRET} line\n`);
  const privateCsv = file('private.csv', `${SECRET},password\nalice,${SECRET}\n`);
  const privateJson = file('private.json', `{"${SECRET}": "${SECRET}", oops}`);

  // [what, command line, what the message says instead of the content]
  const cases: [string, string[], RegExp][] = [
    ['--geojson (text)', ['info', '--geojson', privateText], /invalid JSON: unexpected character at line 1, column 1/],
    ['--geojson (JSON with a mistake)', ['info', '--geojson', privateJson], /invalid JSON: unexpected character at line 1, column \d+/],
    ['--osm', ['info', '--osm', privateText], /not an OSM file/],
    ['--edges (a CSV with other columns)', ['info', '--edges', privateCsv], /missing columns? .*\(the header line has 2 columns\)/],
    ['--nodes', ['info', '--edges', SAMPLE_EDGES, '--nodes', privateCsv], /missing column id \(the header line has 2 columns\)/],
    ['--points', ['due', ...NET, '--from-node', '11', '--points', privateCsv], /missing: id, lon, lat/],
    ['a scenario', ['analyze', privateText], /not valid JSON: unexpected character at line 1, column 1/],
    ['a scenario with a JSON mistake', ['hydrants', privateJson], /not valid JSON/],
    ['a scenario that is other JSON (its keys are not listed)', ['analyze', file('private_valid.json', `{"${SECRET}": "x", "password": 1}`)], /not a firecover scenario/],
  ];
  for (const [what, args, says] of cases) {
    it(what, async () => {
      const r = await refused(args, [/private\w*\.(txt|csv|json)/, says]);
      expect(r.stderr).not.toContain(SECRET);
      expect(r.stderr).not.toContain('root:x');
      expect(r.stderr).not.toContain('password');
    });
  }

  it('a scenario whose layer points at a private file', async () => {
    const scenario = JSON.parse(readFileSync(SAMPLE_CITY_SCENARIO, 'utf8')) as Record<string, unknown>;
    const base = dirname(SAMPLE_CITY_SCENARIO);
    const sc = file('layer_private.json', JSON.stringify({ ...scenario, $schema: undefined, network: { geojson: resolve(base, 'roads.geojson') }, hydrants: privateText }));
    const r = await refused(['hydrants', sc], ['private.txt']);
    expect(r.stderr).not.toContain(SECRET);
  });
});

describe('nothing to drive on, no station in service: input errors in every command', () => {
  // pgRouting: a negative cost closes that direction; here both directions of every edge are closed
  const closed = file('closed.csv', 'id,source,target,cost,reverse_cost,x1,y1,x2,y2\n1,1,2,-1,-1,116.30,39.90,116.31,39.90\n2,2,3,-1,-1,116.31,39.90,116.31,39.91\n');

  it('a network whose every link is closed both ways', async () => {
    const out = join(tmp.dir, 'never');
    for (const args of [
      ['reach', '--edges', closed, '--from-node', '1', '--out', `${out}.csv`],
      ['due', '--edges', closed, '--from-node', '1', '--at', '116.305,39.90'],
      ['export-graph', '--edges', closed, '--out-edges', `${out}_e.csv`, '--out-nodes', `${out}_n.csv`],
    ]) {
      await refused(args, ['closed.csv', 'no road of the network can be travelled in either direction', 'all 2 links']);
    }
    expect(filesIn(tmp.dir).filter((f) => f.startsWith('never'))).toEqual([]);
  });

  it('a station set with no station in service names every station left out and why', async () => {
    // The sample city's existing stations (chengzhong, chengbei, chengnan, liushu) are marked planned for
    // 2031 (one without a year); xincheng (planned 2026) and huxi (2028) stay as they are.
    const scenario = JSON.parse(readFileSync(SAMPLE_CITY_SCENARIO, 'utf8')) as { stations: { id: string; status: string; year?: number }[] } & Record<string, unknown>;
    const base = dirname(SAMPLE_CITY_SCENARIO);
    const abs = (v: unknown) => (typeof v === 'string' && v.endsWith('.geojson') ? resolve(base, v) : v);
    const doc: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(scenario)) doc[k] = k === '$schema' ? undefined : abs(v);
    doc.network = { geojson: resolve(base, 'roads.geojson') };
    doc.stations = scenario.stations.map((s) => (s.status === 'existing' ? (s.id === 'liushu' ? { ...s, status: 'planned' } : { ...s, status: 'planned', year: 2031 }) : s));
    const sc = file('no_station.json', JSON.stringify(doc));
    for (const args of [['analyze', sc], ['hydrants', sc], ['due', '--scenario', sc, '--at', '104.6,30.1']]) {
      const r = await refused(args, ['no_station.json', 'no station is in service in the station set "existing"', 'chengzhong (planned for 2031', 'xincheng (planned for 2026', 'liushu (planned, without a year']);
      expect(r.stdout).toBe('');
    }
    await refused(['analyze', sc, '--stations', '2025'], ['station set "year 2025"', 'xincheng (planned for 2026, after 2025)', 'chengbei (planned for 2031, after 2025)']);
    await refused(['analyze', sc, '--stations', '2025', '--lang', 'zh'], ['站点集合“2025 年”中没有在役消防站', 'huxi（规划，2028 年，晚于 2025 年）']);
  });
});
