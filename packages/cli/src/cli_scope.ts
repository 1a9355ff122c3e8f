import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';

/**
 * The working directory and environment of one `main()` run. The bin runs with the process's own; an
 * in-process caller (the tests) passes others, and several runs may be under way at once. The readers
 * and the output writer resolve relative paths here, so the command modules need not carry a cwd.
 */
export interface CliScope {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Output files this run wrote (as given), for the --json document. */
  written: string[];
  /** Starts the progress display of reading a large file (set by `main`; absent: no progress). */
  readProgress?: (file: string) => Promise<{ update(fraction: number, bytes?: { done: number; total: number }): void; stop(): void }>;
  /**
   * `firecover batch`: told of every input file read whole (absolute path and the bytes read), so the
   * output set's manifest can record exactly what the run read.
   */
  onInputRead?: (path: string, bytes: Uint8Array) => void;
  /**
   * `firecover batch`: more fields for an output set's manifest (`firecover_manifest.json`), given the
   * absolute paths of the inputs the command read; called once the command has read all its inputs.
   */
  manifestExtra?: (inputs: readonly string[]) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

const storage = new AsyncLocalStorage<CliScope>();

/** Runs `fn` with `scope` as the current run's cwd and environment. */
export function withScope<T>(scope: CliScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

/** The current run's scope (outside `main`: the process's). */
export function currentScope(): CliScope {
  return storage.getStore() ?? { cwd: process.cwd(), env: process.env, written: [] };
}

/** A path as the user gave it, made absolute against the run's working directory. */
export function resolvePath(path: string): string {
  return resolve(currentScope().cwd, path);
}
