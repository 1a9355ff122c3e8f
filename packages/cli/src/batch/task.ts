import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { MANIFEST } from '../atomic_write';
import type { Lang } from '../i18n';
import { main } from '../main';
import { version } from '../version';
import type { BatchCommand } from './manifest';

/** One scenario to run, as the batch sends it to a worker thread (structured-cloneable). */
export interface BatchTask {
  id: string;
  /** Absolute scenario path. */
  scenario: string;
  /**
   * The scenario path given to the command, as the manifest gives it: the command runs in the
   * manifest's folder (`cwd`), so its files and messages are those of `firecover analyze PATH` run
   * there, wherever the batch was started.
   */
  scenarioArg: string;
  command: BatchCommand;
  /** The command's options as arguments (not `--out`). */
  args: string[];
  /** Absolute output folder. */
  outDir: string;
  /** Re-run even when the folder is up to date. */
  force: boolean;
  lang: Lang;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type BatchStatus = 'ok' | 'skipped' | 'failed' | 'interrupted';

/** The error of a failed scenario: the command's --json error (`kind` input, usage or internal). */
export interface BatchError {
  kind: 'input' | 'usage' | 'internal';
  message: string;
  messageZh?: string;
  where?: { file: string; line?: number; feature?: string };
}

export interface TaskResult {
  id: string;
  status: BatchStatus;
  seconds: number;
  exitCode: number;
  error: BatchError | null;
  /** What the command printed on stderr (warnings; the error; a stack for an internal error). */
  stderr: string;
}

/** One input the run read, as recorded in the output set's manifest (path relative to the output folder). */
export interface RecordedInput {
  path: string;
  bytes: number;
  sha256: string;
}

/** What `batch` adds to an output set's `firecover_manifest.json`: enough to tell that it is up to date. */
export interface BatchRecord {
  /** The firecover version that wrote the set. */
  version: string;
  /** sha256 of the run's definition: firecover version, command, options, scenario path. */
  fingerprint: string;
  command: BatchCommand;
  args: string[];
  /** Every file the run read, with its size and sha256 (sorted by path). */
  inputs: RecordedInput[];
}

/**
 * The run's definition, hashed: what besides the input files decides the outputs. The scenario path is
 * taken relative to the output folder (moving inputs and outputs together keeps a batch resumable).
 * `report` writes text in the run's language; the other commands' files do not depend on it.
 */
export function fingerprint(task: Pick<BatchTask, 'scenario' | 'command' | 'args' | 'outDir' | 'lang'>): string {
  const definition = {
    firecover: version(),
    command: task.command,
    args: task.args,
    scenario: relative(task.outDir, task.scenario),
    lang: task.command === 'report' ? task.lang : null,
  };
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** sha256 of a file, streamed (bounded memory for any size). */
function fileSha256(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', rej)
      .on('end', () => res(h.digest('hex')));
  });
}

/**
 * True when `task.outDir` holds a complete output set (its manifest, written last, is there, and every
 * file it lists) written by a batch run of the same definition, and every input that run read still has
 * the recorded size and checksum. Anything unreadable or unexpected means "not up to date".
 */
export async function upToDate(task: BatchTask, expected = fingerprint(task)): Promise<boolean> {
  let m: { command?: unknown; files?: unknown; batch?: Partial<BatchRecord> };
  try {
    m = JSON.parse(await readFile(join(task.outDir, MANIFEST), 'utf8')) as typeof m;
  } catch {
    return false;
  }
  const b = m.batch;
  if (!b || b.fingerprint !== expected || m.command !== task.command || !Array.isArray(b.inputs) || b.inputs.length === 0) return false;
  if (!Array.isArray(m.files) || !m.files.every((f) => typeof f === 'string' && existsSync(join(task.outDir, f)))) return false;
  for (const input of b.inputs) {
    if (typeof input?.path !== 'string' || typeof input.sha256 !== 'string') return false;
    const p = resolve(task.outDir, input.path);
    const st = await stat(p).catch(() => undefined);
    if (!st?.isFile() || st.size !== input.bytes) return false;
    if ((await fileSha256(p).catch(() => '')) !== input.sha256) return false;
  }
  return true;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _enc, cb) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * Runs one scenario: skipped when its folder is up to date (unless `force`), else
 * `firecover <command> <scenario> --out <dir> <options>` in this thread through `main`, with the
 * checksums of every file it reads recorded in its output set's manifest. Never throws.
 */
export async function runTask(task: BatchTask): Promise<TaskResult> {
  const t0 = performance.now();
  const seconds = () => Math.round((performance.now() - t0) / 10) / 100;
  const expected = fingerprint(task);
  if (!task.force && (await upToDate(task, expected).catch(() => false))) {
    return { id: task.id, status: 'skipped', seconds: seconds(), exitCode: 0, error: null, stderr: '' };
  }
  // The checksum of each file as it was read (not as it is when the set is written).
  const read = new Map<string, RecordedInput>();
  const onInputRead = (path: string, bytes: Uint8Array) => {
    read.set(path, { path, bytes: bytes.length, sha256: sha256(bytes) });
  };
  const manifestExtra = async (inputs: readonly string[]): Promise<Record<string, unknown>> => {
    const all = new Map(read);
    for (const p of inputs) {
      if (all.has(p)) continue;
      // An input the command names but read some other way (streamed): its checksum now. Unreadable
      // now: no record at all, so the next batch runs the scenario again.
      const st = await stat(p).catch(() => undefined);
      const hash = st?.isFile() ? await fileSha256(p).catch(() => undefined) : undefined;
      if (!st || hash === undefined) return {};
      all.set(p, { path: p, bytes: st.size, sha256: hash });
    }
    const list = [...all.values()].map((r) => ({ ...r, path: relative(task.outDir, r.path) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const record: BatchRecord = { version: version(), fingerprint: expected, command: task.command, args: task.args, inputs: list };
    return { batch: record };
  };
  const out = collector();
  const err = collector();
  const argv = ['--json', '--progress', 'none', '--lang', task.lang, task.command, task.scenarioArg, '--out', task.outDir, ...task.args];
  let code: number;
  try {
    code = await main(argv, { out: out.stream, err: err.stream, env: task.env, cwd: task.cwd, scope: { onInputRead, manifestExtra } });
  } catch (e) {
    // main never throws; should it, that is a bug.
    const message = e instanceof Error ? e.message : String(e);
    return { id: task.id, status: 'failed', seconds: seconds(), exitCode: 1, error: { kind: 'internal', message }, stderr: e instanceof Error ? (e.stack ?? message) : message };
  }
  let error: BatchError | null = null;
  if (code !== 0) {
    try {
      const doc = JSON.parse(out.text()) as { error?: BatchError | null };
      error = doc.error ?? { kind: code === 2 ? 'input' : 'internal', message: `exit code ${code}` };
    } catch {
      error = { kind: code === 2 ? 'input' : 'internal', message: `exit code ${code}` };
    }
  }
  return { id: task.id, status: code === 0 ? 'ok' : 'failed', seconds: seconds(), exitCode: code, error, stderr: err.text() };
}
