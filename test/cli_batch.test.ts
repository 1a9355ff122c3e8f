import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST } from '../packages/cli/src/atomic_write';
import { BIN, runCli, tempDir } from '../packages/cli/test/run_cli';
import { REPO_ROOT } from './shared_data';

// `firecover batch`: scenarios on worker threads (the built dist/batch_worker.js, also in-process), one
// output set each, skipped by checksum, sharded, failures reported without stopping the rest.
const tmp = tempDir('firecover-batch-');
afterAll(() => tmp.cleanup());
const SAMPLE = join(REPO_ROOT, 'data', 'sample-city');
/** Three variants of the sample city that differ in the year analysed: 2025 existing stations only, 2026 + Xincheng, 2030 + Huxi. */
const YEARS: Record<string, number> = { y2025: 2025, y2026: 2026, y2030: 2030 };

/** A copy of the sample city in tmp/NAME/ analysing `year`. */
function cityVariant(name: string, year: number): string {
  const dir = join(tmp.dir, 'cities', name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(SAMPLE)) if (f.endsWith('.geojson')) copyFileSync(join(SAMPLE, f), join(dir, f));
  const scenario = JSON.parse(readFileSync(join(SAMPLE, 'scenario.json'), 'utf8')) as Record<string, unknown> & { analysis: Record<string, unknown> };
  delete scenario.$schema;
  scenario.analysis = { ...scenario.analysis, year };
  writeFileSync(join(dir, 'scenario.json'), `${JSON.stringify(scenario, null, 2)}\n`);
  return join(dir, 'scenario.json');
}

function writeManifest(name: string, doc: unknown): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, typeof doc === 'string' ? doc : `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

/** Every file of a folder: name → bytes (latin1) and modification time. */
function snapshot(dir: string): Record<string, { data: string; mtimeMs: number }> {
  const out: Record<string, { data: string; mtimeMs: number }> = {};
  for (const f of readdirSync(dir).sort()) out[f] = { data: readFileSync(join(dir, f), 'latin1'), mtimeMs: statSync(join(dir, f)).mtimeMs };
  return out;
}

interface Summary {
  command: string;
  exitCode: number;
  shard: { index: number; count: number } | null;
  total: number;
  counts: Record<string, number>;
  summaryFile: string;
  scenarios: { id: string; status: string; out: string; exitCode: number | null; error: { kind: string; message: string; messageZh?: string; where?: { file: string; line?: number; feature?: string } } | null }[];
}

const statuses = (s: Summary) => Object.fromEntries(s.scenarios.map((x) => [x.id, x.status]));
const stagings = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.firecover-stage.') || n.endsWith('.tmp'));

let manifest = '';
const out = join(tmp.dir, 'out');
const ref = join(tmp.dir, 'ref');

beforeAll(async () => {
  const scenarios = Object.entries(YEARS).map(([name, year]) => ({ scenario: cityVariant(name, year), out: name }));
  manifest = writeManifest('county.json', { scenarios: scenarios.map((s) => ({ scenario: `cities/${s.out}/scenario.json`, out: s.out })) });
  // What `firecover analyze` writes for each alone: the reference.
  for (const s of scenarios) {
    // run in the manifest's folder with the manifest's path, as the batch runs it
    const r = await runCli(['analyze', `cities/${s.out}/scenario.json`, '--out', join(ref, s.out)], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
  }
}, 180_000);

describe('firecover batch', () => {
  it('three scenarios on two worker threads → three folders holding what `firecover analyze` writes for each alone', async () => {
    const r = await runCli(['batch', manifest, '--out', out, '--jobs', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Summary;
    expect(doc.counts).toEqual({ ok: 3, skipped: 0, failed: 0, interrupted: 0 });
    expect(doc.total).toBe(3);
    // --json prints the document batch_summary.json holds
    expect(JSON.parse(readFileSync(join(out, 'batch_summary.json'), 'utf8'))).toEqual(doc);
    expect(doc.summaryFile).toBe(join(out, 'batch_summary.json'));
    for (const id of Object.keys(YEARS)) {
      const mine = snapshot(join(out, id));
      const theirs = snapshot(join(ref, id));
      expect(Object.keys(mine)).toEqual(Object.keys(theirs));
      for (const f of Object.keys(theirs)) if (f !== MANIFEST) expect(mine[f].data, `${id}/${f}`).toBe(theirs[f].data);
      // the same set, plus the record that makes the folder resumable
      const m = JSON.parse(mine[MANIFEST].data) as { command: string; files: string[]; batch: { inputs: { path: string; sha256: string; bytes: number }[] } };
      const rm = JSON.parse(theirs[MANIFEST].data) as { command: string; files: string[] };
      expect(m.files).toEqual(rm.files);
      expect(m.command).toBe('analyze');
      const scenarioBytes = readFileSync(join(tmp.dir, 'cities', id, 'scenario.json'));
      expect(m.batch.inputs).toContainEqual({ path: join('..', '..', 'cities', id, 'scenario.json'), bytes: scenarioBytes.length, sha256: createHash('sha256').update(scenarioBytes).digest('hex') });
      // the scenario and the six layer files it names (its stations are inline)
      expect(m.batch.inputs.map((i) => i.path.split('/').at(-1)).sort()).toEqual(['barriers.geojson', 'hydrants.geojson', 'population.geojson', 'roads.geojson', 'scenario.json', 'study_area.geojson', 'water_sources.geojson']);
    }
    // the three years give three different analyses, so the comparison above says something
    const sums = Object.keys(YEARS).map((id) => readFileSync(join(out, id, 'summary.json'), 'utf8'));
    expect(new Set(sums).size).toBe(3);
    expect(stagings(out)).toEqual([]);
  }, 120_000);

  it('a second run skips every scenario and leaves the folders untouched; a changed time alone is no change', async () => {
    const before = Object.keys(YEARS).map((id) => snapshot(join(out, id)));
    const layer = join(tmp.dir, 'cities', 'y2026', 'roads.geojson');
    utimesSync(layer, new Date(), new Date(Date.now() + 5000));
    const r = await runCli(['batch', manifest, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Summary;
    expect(statuses(doc)).toEqual({ y2025: 'skipped', y2026: 'skipped', y2030: 'skipped' });
    expect(Object.keys(YEARS).map((id) => snapshot(join(out, id)))).toEqual(before);
  }, 60_000);

  it('a changed layer re-runs exactly the scenario that reads it, and records the new checksum', async () => {
    const layer = join(tmp.dir, 'cities', 'y2030', 'hydrants.geojson');
    appendFileSync(layer, '\n'); // whitespace: the same analysis, other bytes
    const r = await runCli(['batch', manifest, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(JSON.parse(r.stdout) as Summary)).toEqual({ y2025: 'skipped', y2026: 'skipped', y2030: 'ok' });
    const m = JSON.parse(readFileSync(join(out, 'y2030', MANIFEST), 'utf8')) as { batch: { inputs: { path: string; sha256: string }[] } };
    const rec = m.batch.inputs.find((i) => i.path.endsWith('hydrants.geojson'));
    expect(rec?.sha256).toBe(createHash('sha256').update(readFileSync(layer)).digest('hex'));
    expect(readFileSync(join(out, 'y2030', 'summary.json'), 'utf8')).toBe(readFileSync(join(ref, 'y2030', 'summary.json'), 'utf8'));
  }, 60_000);

  it('a file of the set deleted, or another option for one scenario, re-runs that one; --force re-runs even an up-to-date one', async () => {
    const { rmSync } = await import('node:fs');
    rmSync(join(out, 'y2025', 'gaps.geojson'));
    const changed = writeManifest('county-nowater.json', {
      scenarios: [
        { scenario: 'cities/y2025/scenario.json', out: 'y2025' },
        { scenario: 'cities/y2026/scenario.json', out: 'y2026', options: { water: false } },
        { scenario: 'cities/y2030/scenario.json', out: 'y2030' },
      ],
    });
    let r = await runCli(['batch', changed, '--out', out, '--jobs', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(JSON.parse(r.stdout) as Summary)).toEqual({ y2025: 'ok', y2026: 'ok', y2030: 'skipped' });
    expect(existsSync(join(out, 'y2025', 'gaps.geojson'))).toBe(true);
    // --no-water: the earlier run's water files are gone with the new set
    expect(existsSync(join(out, 'y2026', 'hydrants.geojson'))).toBe(false);
    // sorted ids y2025, y2026, y2030: shard 3 of 3 is y2030, up to date, run again with --force
    r = await runCli(['batch', changed, '--out', out, '--force', '--shard', '3/3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(JSON.parse(r.stdout) as Summary)).toEqual({ y2030: 'ok' });
  }, 120_000);

  it('shards 1/2 and 2/2 partition the manifest, each with its own summary file', async () => {
    const docs: Summary[] = [];
    for (const shard of ['1/2', '2/2']) {
      const r = await runCli(['batch', manifest, '--out', out, '--shard', shard, '--json']);
      expect(r.code, r.stderr).toBe(0);
      docs.push(JSON.parse(r.stdout) as Summary);
    }
    const [a, b] = docs.map((d) => d.scenarios.map((s) => s.id));
    // sorted ids y2025, y2026, y2030 dealt round-robin
    expect(a).toEqual(['y2025', 'y2030']);
    expect(b).toEqual(['y2026']);
    expect(docs.map((d) => d.shard)).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }]);
    expect(JSON.parse(readFileSync(join(out, 'batch_summary.shard-1-of-2.json'), 'utf8'))).toEqual(docs[0]);
    expect(JSON.parse(readFileSync(join(out, 'batch_summary.shard-2-of-2.json'), 'utf8'))).toEqual(docs[1]);
    for (const id of Object.keys(YEARS)) expect(readFileSync(join(out, id, 'summary.json'), 'utf8')).toBe(readFileSync(join(ref, id, 'summary.json'), 'utf8'));
  }, 120_000);

  it('broken scenarios are reported, located, without a stack; the others finish; exit 2', async () => {
    writeFileSync(join(tmp.dir, 'cities', 'bad.json'), '{\n  "name": "x",\n  oops\n}\n');
    const m = writeManifest('broken.json', {
      scenarios: [
        { scenario: 'cities/y2025/scenario.json', out: 'good' },
        { scenario: 'cities/missing.json', out: 'missing' },
        { scenario: 'cities/bad.json', out: 'badjson' },
        { scenario: 'cities/y2026/scenario.json', out: 'badyear', options: { stations: 'someday' } },
      ],
    });
    const o = join(tmp.dir, 'out-broken');
    const r = await runCli(['batch', m, '--out', o, '--jobs', '2', '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Summary;
    expect(doc.exitCode).toBe(2);
    expect(statuses(doc)).toEqual({ good: 'ok', missing: 'failed', badjson: 'failed', badyear: 'failed' });
    const err = Object.fromEntries(doc.scenarios.map((s) => [s.id, s.error]));
    expect(err.good).toBeNull();
    expect(err.missing?.kind).toBe('input');
    expect(err.missing?.message).toMatch(/missing\.json: file not found/);
    expect(err.badjson?.where).toMatchObject({ line: 3 });
    expect(err.badjson?.message).not.toContain('oops');
    expect(err.badyear?.where?.file).toBe('--stations');
    expect(r.stderr).toMatch(/^\[missing\] error: .*missing\.json: file not found$/m);
    expect(r.stderr).not.toContain('    at ');
    expect(readdirSync(o).sort()).toEqual(['batch_summary.json', 'good']);
    expect(readFileSync(join(o, 'good', 'summary.json'), 'utf8')).toBe(readFileSync(join(ref, 'y2025', 'summary.json'), 'utf8'));
  }, 120_000);

  it('a manifest error: exit 2, the line and entry named, nothing run, nothing written', async () => {
    const m = writeManifest('dup.json', '{\n  "scenarios": [\n    "cities/y2025/scenario.json",\n    {"scenario": "cities/y2026/scenario.json", "out": "y2025"}\n  ]\n}\n');
    const o = join(tmp.dir, 'out-dup');
    const r = await runCli(['batch', m, '--out', o]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*dup\.json:4 \(scenarios\[1\]\.out\): output folder "y2025" is already used by scenarios\[0\]/);
    expect(existsSync(o)).toBe(false);
    const zh = await runCli(['batch', m, '--out', o, '--lang', 'zh']);
    expect(zh.stderr).toMatch(/^错误：.*dup\.json:4 \(scenarios\[1\]\.out\): 输出目录 "y2025" 已被 scenarios\[0\] 使用/);
    const shard = await runCli(['batch', manifest, '--out', o, '--shard', '3/2']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/^error: --shard: the shard index 3 is outside 1…2/);
    expect(existsSync(o)).toBe(false);
  });

  it('prints a table in English and Chinese', async () => {
    const en = await runCli(['batch', manifest, '--out', out]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^scenario +command +status +s +output folder/);
    expect(en.stdout).toMatch(/^y2026 +analyze +skipped/m);
    expect(en.stdout).toContain('ok 0, skipped 3 (up to date), failed 0');
    const zh = await runCli(['batch', manifest, '--out', out, '--lang', 'zh']);
    expect(zh.stdout).toMatch(/^y2026 +analyze +跳过/m);
    expect(zh.stdout).toContain('完成 0，跳过 3（已是最新），失败 0');
  });
});

describe('firecover batch as a process', () => {
  it('SIGTERM while a scenario is written: finished folders complete, the running one as it was, no temporary file, death by the signal', async () => {
    const m = writeManifest('term.json', {
      scenarios: [
        { scenario: 'cities/y2025/scenario.json', out: 't1' },
        { scenario: 'cities/y2026/scenario.json', out: 't2' },
        { scenario: 'cities/y2030/scenario.json', out: 't3' },
      ],
    });
    const o = join(tmp.dir, 'out-term');
    const child = spawn(process.execPath, [BIN, 'batch', m, '--out', o, '--jobs', '1'], {
      env: { ...process.env, NO_COLOR: '1', LANG: 'C', FIRECOVER_LANG: '', FIRECOVER_TEST_WRITE_DELAY_MS: '150' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    const t0 = Date.now();
    // t1 complete (its manifest is written last), t2 being staged (some files written)
    const staging = () => (existsSync(o) ? readdirSync(o).filter((n) => n.startsWith('.firecover-stage.t2.')) : []);
    while (!(existsSync(join(o, 't1', MANIFEST)) && staging().some((s) => readdirSync(join(o, s)).length >= 2))) {
      if (Date.now() - t0 > 90_000) throw new Error(`timed out; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGTERM');
    const end = await done;
    expect(end.signal).toBe('SIGTERM');
    expect(stderr).not.toContain('    at ');
    expect(readdirSync(o).sort()).toEqual(['batch_summary.json', 't1']);
    expect(readFileSync(join(o, 't1', 'summary.json'), 'utf8')).toBe(readFileSync(join(ref, 'y2025', 'summary.json'), 'utf8'));
    const names = (JSON.parse(readFileSync(join(o, 't1', MANIFEST), 'utf8')) as { files: string[] }).files;
    expect(readdirSync(join(o, 't1')).sort()).toEqual([...names, MANIFEST].sort());
    const doc = JSON.parse(readFileSync(join(o, 'batch_summary.json'), 'utf8')) as Summary;
    expect(statuses(doc)).toEqual({ t1: 'ok', t2: 'interrupted', t3: 'interrupted' });
    expect(doc.exitCode).toBe(143);
    // and the next run takes t1 as done (sorted t1, t2, t3: shard 1 of 3 is t1)
    const r = await runCli(['batch', m, '--out', o, '--shard', '1/3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(JSON.parse(r.stdout) as Summary)).toEqual({ t1: 'skipped' });
  }, 180_000);

  it('SIGTERM while a set is moved into place: the folder is complete when the batch has died', async () => {
    // The move is synchronous: the stopped thread finishes it (this test hook's pauses block the thread
    // and cannot be interrupted), or, stopped between two renames, the batch finishes it from the journal.
    const m = join(tmp.dir, 'term.json');
    const o = join(tmp.dir, 'out-term');
    const before = snapshot(join(o, 't1'));
    const child = spawn(process.execPath, [BIN, 'batch', m, '--out', o, '--shard', '1/3', '--force'], {
      env: { ...process.env, NO_COLOR: '1', LANG: 'C', FIRECOVER_LANG: '', FIRECOVER_TEST_COMMIT_DELAY_MS: '300' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<{ signal: NodeJS.Signals | null }>((r) => child.on('exit', (_code, signal) => r({ signal })));
    const t0 = Date.now();
    // the commit removes the old manifest first, then moves the files one by one (300 ms apart here)
    while (existsSync(join(o, 't1', MANIFEST))) {
      if (Date.now() - t0 > 90_000) throw new Error(`timed out; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGTERM');
    expect((await done).signal).toBe('SIGTERM');
    expect(stderr).not.toContain('    at ');
    const after = snapshot(join(o, 't1'));
    // the same inputs: the same bytes, every file of the set and the manifest back in place
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const f of Object.keys(before)) if (f !== MANIFEST) expect(after[f].data, f).toBe(before[f].data);
    expect(stagings(o)).toEqual([]);
  }, 180_000);
});
