import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for the CLI tests (test/cli_*.test.ts): run the real bin as a child process. */

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

/**
 * Runs `node packages/cli/bin/firecover.mjs ...args` in `cwd` with a neutral environment (English
 * unless the test says otherwise, no colours, not a CI progress bar).
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', FIRECOVER_LANG: '', ...options.env };
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
