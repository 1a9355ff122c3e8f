import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeContext } from '../command_module';
import { buildProgram } from '../main';
import { BATCH_COMMANDS, defaultFolderName, ENTRY_KEYS, readBatchManifest, TOP_KEYS } from './manifest';

const dir = mkdtempSync(join(tmpdir(), 'firecover-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const program = buildProgram(makeContext('en'));
let n = 0;

/** Writes `text` as a manifest and reads it. */
function read(text: string) {
  const file = join(dir, `m${n++}.json`);
  writeFileSync(file, text);
  return readBatchManifest(file, program);
}

/** The InputError a manifest gives: its message and place. */
async function problem(text: string): Promise<{ message: string; messageZh: string; where: { file: string; line?: number; feature?: string } }> {
  try {
    await read(text);
  } catch (e) {
    return e as never;
  }
  throw new Error('the manifest was accepted');
}

describe('batch manifest', () => {
  it('resolves paths beside the manifest, default folder names and commands, options as arguments in name order', async () => {
    const m = await read(
      JSON.stringify({
        out: 'results',
        options: { water: false, stations: 2030 },
        scenarios: ['counties/wuhou/scenario.json', 'jinjiang.json', { scenario: '/abs/x.json', out: 'x', command: 'hydrants', options: { land: false, newIntakes: 5 } }, { scenario: 'y.json', options: { stations: 'planned' } }],
      }),
    );
    expect(m.out).toBe(join(dir, 'results'));
    expect(m.entries.map((e) => [e.id, e.scenario, e.command, e.args])).toEqual([
      ['wuhou', join(dir, 'counties/wuhou/scenario.json'), 'analyze', ['--stations', '2030', '--no-water']],
      ['jinjiang', join(dir, 'jinjiang.json'), 'analyze', ['--stations', '2030', '--no-water']],
      // the manifest's options are analyze's: a hydrants entry takes only its own
      ['x', '/abs/x.json', 'hydrants', ['--no-land', '--new-intakes', '5']],
      // an entry's own option wins over the manifest's
      ['y', join(dir, 'y.json'), 'analyze', ['--stations', 'planned', '--no-water']],
    ]);
  });

  it('a boolean option at its default adds nothing; a plain flag (report --site) is added when true', async () => {
    const m = await read(JSON.stringify({ command: 'report', scenarios: [{ scenario: 'a.json', options: { water: true, site: true, siteP: 3 } }] }));
    expect(m.entries[0].args).toEqual(['--site', '--site-p', '3']);
  });

  it('default folder names: the file name without .json, dots to underscores; scenario.json takes its folder name', () => {
    expect(defaultFolderName('a/b/chengdu.json')).toBe('chengdu');
    expect(defaultFolderName('x/chengdu.2030.json')).toBe('chengdu_2030');
    expect(defaultFolderName('counties/武侯区/scenario.json')).toBe('武侯区');
    expect(defaultFolderName('scenario.json')).toBe('scenario');
  });

  it('invalid JSON: the line, never the text', async () => {
    const e = await problem('{\n  "scenarios": [\n    "a.json",\n    SECRET\n  ]\n}\n');
    expect(e.where.line).toBe(4);
    expect(e.message).not.toContain('SECRET');
  });

  it('JSON that is no manifest says so', async () => {
    expect((await problem('{"network": {}}')).message).toMatch(/not a firecover batch manifest/);
    expect((await problem('[1, 2]')).message).toMatch(/not a firecover batch manifest/);
  });

  const cases: [string, string, number, string, RegExp][] = [
    ['an unknown top-level field', '{\n  "scenarios": ["a.json"],\n  "jobs": 4\n}', 3, 'jobs', /unknown field/],
    ['an empty list', '{\n  "scenarios": []\n}', 2, 'scenarios', /lists no scenario/],
    ['an entry that is a number', '{\n  "scenarios": [\n    "a.json",\n    7\n  ]\n}', 4, 'scenarios[1]', /scenario path or an object/],
    ['an entry without a scenario', '{\n  "scenarios": [\n    {"out": "a"}\n  ]\n}', 3, 'scenarios[0].scenario', /scenario file path is required/],
    ['an unknown entry field', '{\n  "scenarios": [\n    "a.json",\n    {"scenario": "b.json",\n     "stations": "2030"}\n  ]\n}', 5, 'scenarios[1].stations', /unknown field/],
    ['two entries with one folder', '{\n  "scenarios": [\n    "x/a.json",\n    "y/a.json"\n  ]\n}', 4, 'scenarios[1]', /"a" is already used by scenarios\[0\].*own "out"/],
    ['folder names differing in case only', '{\n  "scenarios": [\n    {"scenario": "a.json", "out": "Wuhou"},\n    {"scenario": "b.json",\n     "out": "wuhou"}\n  ]\n}', 5, 'scenarios[1].out', /already used/],
    ['a folder with a slash', '{\n  "scenarios": [\n    {"scenario": "a.json",\n     "out": "../etc"}\n  ]\n}', 4, 'scenarios[0].out', /plain folder name/],
    ['the summary file name', '{\n  "scenarios": ["a.json", {"scenario": "b.json", "out": "batch_summary"}]\n}', 2, 'scenarios[1]', /kept for the batch summary/],
    ['an unknown command', '{\n  "scenarios": [\n    {"scenario": "a.json",\n     "command": "site"}\n  ]\n}', 4, 'scenarios[0].command', /one of analyze, hydrants, report/],
    ['an option of another command', '{\n  "scenarios": [\n    {"scenario": "a.json",\n     "options": {\n       "land": false}}\n  ]\n}', 5, 'scenarios[0].options.land', /"land" is not an option of analyze/],
    ['an option the batch sets', '{\n  "options": {\n    "out": "x"\n  },\n  "scenarios": ["a.json"]\n}', 3, 'options.out', /"out" is not an option of analyze/],
    ['a boolean given as text', '{\n  "scenarios": [{"scenario": "a.json",\n    "options": {"water": "no"}}]\n}', 3, 'scenarios[0].options.water', /true or false/],
    ['a value given as an object', '{\n  "scenarios": [{"scenario": "a.json",\n    "options": {"stations": {"year": 2030}}}]\n}', 3, 'scenarios[0].options.stations', /string or a number/],
    ['a number the option refuses', '{\n  "command": "hydrants",\n  "scenarios": [{"scenario": "a.json",\n    "options": {"newIntakes": -1}}]\n}', 4, 'scenarios[0].options.newIntakes', /expected a number ≥ 0/],
  ];
  for (const [what, text, line, feature, re] of cases) {
    it(`${what}: located at line ${line}, ${feature}`, async () => {
      const e = await problem(text);
      expect(e.where.line).toBe(line);
      expect(e.where.feature).toBe(feature);
      expect(e.message).toMatch(re);
      expect(e.messageZh).not.toBe(e.message);
    });
  }
});

describe('the published schema (packages/cli/schema/batch.schema.json)', () => {
  it('names the fields and commands the reader accepts', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/batch.schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, unknown> & { scenarios: { items: { oneOf: [unknown, { properties: Record<string, unknown> }] } } };
      definitions: { command: { enum: string[] } };
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...TOP_KEYS].sort());
    expect(Object.keys(schema.properties.scenarios.items.oneOf[1].properties).sort()).toEqual([...ENTRY_KEYS].sort());
    expect(schema.definitions.command.enum).toEqual([...BATCH_COMMANDS]);
  });

  it('a manifest may name the schema', async () => {
    const m = await read(JSON.stringify({ $schema: '../node_modules/@firecover/cli/schema/batch.schema.json', scenarios: ['a.json'] }));
    expect(m.entries.map((e) => e.id)).toEqual(['a']);
  });
});
