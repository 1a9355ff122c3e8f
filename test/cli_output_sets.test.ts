import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST, recoverOutputs } from '../packages/cli/src/atomic_write';
import { BIN, filesIn, runCli, tempDir } from '../packages/cli/test/run_cli';
import { SAMPLE_CITY_SCENARIO, SAMPLE_CITY_WATER_FILES } from './sample_city_files';

// An output folder holds one run's set, whole: a run killed at any moment (kill -9, SIGINT, SIGTERM)
// leaves it as it was or complete, and a later run with other options does not leave the earlier
// run's files beside its own as if they belonged to it.
const COVERAGE_FILES = ['districts.csv', 'districts.geojson', 'gaps.geojson', 'reached_network.geojson', 'service_areas.geojson', 'stations.geojson', 'summary.json'];
const ALL_FILES = [...COVERAGE_FILES, ...SAMPLE_CITY_WATER_FILES].sort();
const tmp = tempDir('firecover-sets-');
afterAll(() => tmp.cleanup());

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'latin1');
  return out;
}

/** Staging folders beside `dir` or inside it. */
function stagings(parent: string, dir: string): string[] {
  return [...readdirSync(parent), ...(existsSync(dir) ? readdirSync(dir) : [])].filter((n) => n.startsWith('.firecover-stage.'));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `firecover analyze --out dir` as a child process, slowed by the test hooks. */
function startAnalyze(dir: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, 'analyze', SAMPLE_CITY_SCENARIO, '--out', dir], {
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', FIRECOVER_LANG: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, stderr })));
  return { child, done };
}

async function until(what: string, cond: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A folder holding an earlier run's set (`analyze --no-water`) and a file of the user's. */
async function earlierRun(name: string): Promise<string> {
  const dir = join(tmp.dir, name);
  const r = await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', dir, '--no-water']);
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(join(dir, 'notes.txt'), 'my own notes\n');
  return dir;
}

describe('output folders: one set, whole', () => {
  it('a second run with other options removes the first run’s files it does not rewrite, and never the user’s', async () => {
    const dir = join(tmp.dir, 'rerun');
    expect((await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', dir])).code).toBe(0);
    expect(filesIn(dir)).toEqual([...ALL_FILES, MANIFEST].sort());
    writeFileSync(join(dir, 'notes.txt'), 'my own notes\n');
    const r = await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', dir, '--no-water']);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(dir)).toEqual([...COVERAGE_FILES, MANIFEST, 'notes.txt'].sort());
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { command: string; files: string[] };
    expect(manifest.command).toBe('analyze');
    expect(manifest.files).toEqual(COVERAGE_FILES);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my own notes\n');
    expect(stagings(tmp.dir, dir)).toEqual([]);
  });

  it('kill -9 while the files are written: the folder is exactly as it was; the next write removes the staging folder', async () => {
    const dir = await earlierRun('kill9-stage');
    const before = snapshot(dir);
    const run = startAnalyze(dir, { FIRECOVER_TEST_WRITE_DELAY_MS: '300' });
    await until('two staged files', () => stagings(tmp.dir, dir).some((s) => readdirSync(join(tmp.dir, s)).length >= 2));
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(snapshot(dir)).toEqual(before);
    // the staging folder is beside the output folder, not in it; a later write clears it
    expect(stagings(tmp.dir, dir)).toHaveLength(1);
    recoverOutputs(dir);
    expect(stagings(tmp.dir, dir)).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while the files are written: the folder is as it was and no temporary file is left anywhere`, async () => {
      const dir = await earlierRun(`sig-${signal}`);
      const before = snapshot(dir);
      const run = startAnalyze(dir, { FIRECOVER_TEST_WRITE_DELAY_MS: '300' });
      await until('two staged files', () => stagings(tmp.dir, dir).some((s) => readdirSync(join(tmp.dir, s)).length >= 2));
      run.child.kill(signal);
      const end = await run.done;
      expect(end.signal).toBe(signal);
      expect(end.stderr).not.toContain('    at ');
      expect(snapshot(dir)).toEqual(before);
      expect(stagings(tmp.dir, dir)).toEqual([]);
    });
  }

  it('kill -9 while the set is moved into place: no manifest marks the folder unfinished, and the next write completes it', async () => {
    const dir = await earlierRun('kill9-commit');
    const reference = join(tmp.dir, 'reference');
    expect((await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', reference])).code).toBe(0);
    const run = startAnalyze(dir, { FIRECOVER_TEST_COMMIT_DELAY_MS: '400' });
    // the commit removes the old manifest first, then moves the files one by one (400 ms apart here)
    await until('the commit to start', () => !existsSync(join(dir, MANIFEST)));
    await sleep(500);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(existsSync(join(dir, MANIFEST))).toBe(false);
    recoverOutputs(dir);
    expect(stagings(tmp.dir, dir)).toEqual([]);
    const after = snapshot(dir);
    expect(Object.keys(after)).toEqual([...ALL_FILES, MANIFEST, 'notes.txt'].sort());
    const ref = snapshot(reference);
    for (const f of [...ALL_FILES, MANIFEST]) expect(after[f] === ref[f], f).toBe(true);
  });
});
