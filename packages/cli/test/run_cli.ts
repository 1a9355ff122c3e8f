import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main';

/**
 * Helpers for the CLI tests (test/cli_*.test.ts). `runCli` runs `main(argv, io)` in the test's own
 * process (no Node start-up, no tsx, core loaded once per file); `runCliProcess` runs the real bin as a
 * child process, for what only a process shows (exit status, stack traces, signals, the bin's cwd).
 */

export const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(CLI_DIR, 'bin', 'firecover.mjs');
export const FIXTURES = join(CLI_DIR, 'test', 'fixtures');
export const SAMPLE_EDGES = join(FIXTURES, 'pgr_sample_edges.csv');
export const SAMPLE_NODES = join(FIXTURES, 'pgr_sample_nodes.csv');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** A neutral environment: English unless the test says otherwise, no colours. */
function neutralEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', FIRECOVER_LANG: '', ...extra };
}

/** A stream that keeps what is written to it. */
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
 * Runs `firecover ...args` in-process through `main(argv, io)`, with its own stdout, stderr, cwd
 * (default: the system temporary directory, like `runCliProcess`) and a neutral environment.
 */
export async function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const out = collector();
  const err = collector();
  const code = await main(args, { out: out.stream, err: err.stream, env: neutralEnv(options.env), cwd: options.cwd ?? tmpdir() });
  return { code, stdout: out.text(), stderr: err.text() };
}

/**
 * Runs `node packages/cli/bin/firecover.mjs ...args` as a child process in `cwd` with a neutral
 * environment.
 */
export function runCliProcess(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const env = neutralEnv(options.env);
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? tmpdir(), env, maxBuffer: 64 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A fresh temporary directory; `cleanup()` removes it. */
export function tempDir(prefix = 'firecover-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Files in `dir` (names), to check that nothing partial or temporary was left behind. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}
