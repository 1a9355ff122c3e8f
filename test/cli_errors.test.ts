import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../packages/cli/test/run_cli';
import { haveSharedData, LAUF_PBF } from './shared_data';

// Every mistake a user can make exits with code 2, names the file and place, prints no stack trace,
// and leaves no output file (or temporary file) behind.
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const NET = ['--edges', SAMPLE_EDGES, '--nodes', SAMPLE_NODES];

function fixture(name: string, text: string | Uint8Array): string {
  const p = join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
}

async function expectInputError(args: string[], mentions: (string | RegExp)[], lang?: 'zh') {
  const dir = tempDir('firecover-err-');
  try {
    const out = join(dir.dir, 'out.csv');
    // `info` writes no file; the others get an --out that must not appear.
    const outArgs = args[0] === 'info' ? [] : ['--out', out];
    const r = await runCli([...args, ...outArgs, ...(lang ? ['--lang', lang] : [])], { cwd: dir.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr.startsWith(lang === 'zh' ? '错误：' : 'error: '), r.stderr).toBe(true);
    for (const m of mentions) {
      if (typeof m === 'string') expect(r.stderr).toContain(m);
      else expect(r.stderr).toMatch(m);
    }
    expect(existsSync(out)).toBe(false);
    expect(filesIn(dir.dir)).toEqual([]);
    return r;
  } finally {
    dir.cleanup();
  }
}

const edgesCsv = readFileSync(SAMPLE_EDGES, 'utf8');

describe('bad input: exit code 2, the place named, no stack trace, no output file', () => {
  it('missing network file', async () => {
    await expectInputError(['reach', '--edges', join(tmp.dir, 'nope.csv'), '--from-node', '11'], ['nope.csv', 'file not found']);
  });

  it('missing network file, in Chinese', async () => {
    await expectInputError(['reach', '--edges', join(tmp.dir, 'nope.csv'), '--from-node', '11'], ['nope.csv', '文件不存在'], 'zh');
  });

  it('a directory instead of a file', async () => {
    await expectInputError(['info', '--osm', tmp.dir], [tmp.dir, 'directory']);
  });

  it('malformed CSV: a row with too few fields', async () => {
    const lines = edgesCsv.trim().split('\n');
    lines[4] = '4,6,7';
    const f = fixture('short_row.csv', `${lines.join('\n')}\n`);
    await expectInputError(['reach', '--edges', f, '--nodes', SAMPLE_NODES, '--from-node', '11'], [/short_row\.csv:5\b/]);
  });

  it('non-numeric cost', async () => {
    const lines = edgesCsv.trim().split('\n');
    lines[9] = '9,11,16,abc,1';
    const f = fixture('bad_cost.csv', `${lines.join('\n')}\n`);
    await expectInputError(['reach', '--edges', f, '--nodes', SAMPLE_NODES, '--from-node', '11'], [/bad_cost\.csv:10\b/, 'abc']);
  });

  it('empty network: an edge table with only its header', async () => {
    const f = fixture('empty.csv', 'id,source,target,cost,reverse_cost\n');
    await expectInputError(['reach', '--edges', f, '--nodes', SAMPLE_NODES, '--from-node', '11'], ['empty.csv']);
  });

  it('unknown node id', async () => {
    await expectInputError(['reach', ...NET, '--from-node', '11,99'], ['--from-node', 'station 2', 'node 99 is not in the network']);
  });

  it('unknown node id, in Chinese', async () => {
    await expectInputError(['reach', ...NET, '--from-node', '99'], ['--from-node', '节点 99 不在路网中'], 'zh');
  });

  it('station in the sea: far from every road', async () => {
    await expectInputError(['reach', ...NET, '--from', '116.303,39.902;121.9,38.9'], ['--from', 'station 2', /station 2 at 121\.9,38\.9 is \d+ km from the nearest road \(in the sea\?\)/]);
  });

  it('station farther than --max-snap', async () => {
    // 0.002° of latitude south of vertex 5 (the southernmost road) is about 222 m away.
    await expectInputError(['reach', ...NET, '--from', '116.302,39.898', '--max-snap', '100'], [/is 22\d m from the nearest road/, '--max-snap 100']);
  });

  it('swapped coordinates (LAT,LON)', async () => {
    await expectInputError(['reach', ...NET, '--from', '39.902,116.303'], ['--from', 'station 1', 'swapped', '116.303,39.902']);
  });

  it('latitude out of range', async () => {
    await expectInputError(['reach', ...NET, '--from', '116.3,95'], ['--from', 'latitude 95 is out of range']);
  });

  it('latitude out of range, in Chinese', async () => {
    await expectInputError(['reach', ...NET, '--from', '116.3,-95'], ['--from', '纬度 -95 超出范围'], 'zh');
  });

  it('not a coordinate pair', async () => {
    await expectInputError(['reach', ...NET, '--from', '116.3'], ['--from', 'station 1', 'LON,LAT']);
  });

  it('no station given', async () => {
    await expectInputError(['reach', ...NET], ['--from']);
  });

  it('no network given, or two', async () => {
    await expectInputError(['reach', '--from-node', '1'], ['--osm', '--geojson', '--edges']);
    await expectInputError(['info', '--edges', SAMPLE_EDGES, '--osm', SAMPLE_EDGES], ['exactly one']);
  });

  it('output onto an input file is refused and the input is untouched', async () => {
    const copy = fixture('edges_copy.csv', edgesCsv);
    const r = await runCli(['reach', '--edges', copy, '--nodes', SAMPLE_NODES, '--from-node', '11', '--out', copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('input file');
    expect(readFileSync(copy, 'utf8')).toBe(edgesCsv);
  });

  it('truncated or garbage OSM file', async () => {
    const garbage = fixture('garbage.osm.pbf', new Uint8Array([0, 0, 0, 13, 10, 9, 79, 83, 77, 72, 101, 97, 100]));
    await expectInputError(['reach', '--osm', garbage, '--from-node', '1'], ['garbage.osm.pbf']);
  });

  it.runIf(haveSharedData(LAUF_PBF))('truncated real PBF', async () => {
    const bytes = readFileSync(LAUF_PBF);
    const cut = fixture('lauf_cut.osm.pbf', bytes.subarray(0, Math.floor(bytes.length / 3)));
    await expectInputError(['info', '--osm', cut], ['lauf_cut.osm.pbf']);
    await expectInputError(['reach', '--osm', cut, '--from', '11.2775,49.5109'], ['lauf_cut.osm.pbf'], 'zh');
  });

  it('malformed OSM XML names the line', async () => {
    const f = fixture('bad.osm', '<?xml version="1.0"?>\n<osm version="0.6">\n<node id="1" lat="49.5" lon="11.2"/>\n<way id="2"><nd ref="1"/>\n</osm>\n');
    await expectInputError(['info', '--osm', f], [/bad\.osm:\d+/]);
  });
});

describe('usage errors: exit code 2 with a pointer to the help', () => {
  it('unknown option', async () => {
    const r = await runCli(['reach', '--frm', '1,2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--frm'/);
    expect(r.stderr).toContain('firecover reach --help');
    expect(r.stderr).not.toContain('    at ');
  });

  it('unknown option, in Chinese', async () => {
    const r = await runCli(['reach', '--frm', '1,2', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：未知选项 '--frm'/);
  });

  it('a budget that is not a number', async () => {
    const r = await runCli(['reach', ...NET, '--from-node', '11', '--budget', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--budget');
    expect(r.stderr).toContain('soon');
  });

  it('negative turnout', async () => {
    const r = await runCli(['reach', ...NET, '--from-node', '11', '--turnout', '-5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--turnout');
  });

  it('missing required option', async () => {
    const r = await runCli(['export-graph', ...NET, '--out-nodes', join(tmp.dir, 'n.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out-edges');
  });

  it('unknown command and bad --lang', async () => {
    expect((await runCli(['rech'])).code).toBe(2);
    const r = await runCli(['info', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fr');
  });
});
