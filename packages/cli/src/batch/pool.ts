import { existsSync } from 'node:fs';
import { isMainThread, Worker } from 'node:worker_threads';
import { recoverOutputs } from '../atomic_write';
import type { BatchTask, TaskResult } from './task';

/**
 * The worker thread's script: dist/batch_worker.js, an entry of the CLI's esbuild bundle. This module
 * runs from dist/ or a chunk in dist/chunks/ once built, and from src/batch/ under the tests (which
 * build dist/ first), so the candidates are tried in that order.
 */
export function workerEntry(): URL {
  for (const rel of ['./batch_worker.js', '../batch_worker.js', '../../dist/batch_worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error('firecover: dist/batch_worker.js not found beside the program (run `pnpm install` or `node scripts/build.mjs`)');
}

/**
 * The parent's Node flags for the worker, less export conditions: the worker is built JavaScript and
 * must load @firecover/core's dist/, also when the parent runs the TypeScript sources (the tests run
 * with `--conditions firecover-source`).
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--conditions' || a === '-C') i++;
    else if (!a.startsWith('--conditions=')) out.push(a);
  }
  return out;
}

export interface PoolResult {
  /** The signal (SIGINT, SIGTERM) that stopped the batch, or null when every task ran. */
  signal: NodeJS.Signals | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Removes or finishes what stopped workers left in `dir`: a set being staged is removed, one being
 * moved into place is finished (its journal), so the folder is as it was or complete.
 */
async function cleanUp(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      recoverOutputs(dir, true);
      return;
    } catch {
      // A write the stopped thread had handed to the file system may still land: try again shortly.
      await sleep(50);
    }
  }
}

/**
 * Runs `tasks` on up to `jobs` worker threads, one task per thread at a time, calling `onDone` with each
 * result as it comes. A thread that dies (out of memory, a crash) fails its task as an internal error and
 * is replaced. On SIGINT or SIGTERM every thread is stopped at once; the output folders of the tasks
 * that were running are then left as they were or complete (`recoverOutputs`), and the result names the
 * signal: the caller reports and then dies of it.
 */
export function runPool(tasks: readonly BatchTask[], jobs: number, onDone: (r: TaskResult) => void, onStart: (t: BatchTask) => void = () => {}): Promise<PoolResult> {
  const queue = [...tasks];
  const workers = new Set<Worker>();
  const busy = new Map<Worker, { task: BatchTask; t0: number }>();
  const running = new Set<string>();
  let signal: NodeJS.Signals | null = null;
  const entry = workerEntry();

  return new Promise<PoolResult>((resolveAll) => {
    let ended = false;
    const end = async () => {
      if (ended || workers.size > 0) return;
      ended = true;
      if (isMainThread) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      if (signal) for (const dir of running) await cleanUp(dir);
      resolveAll({ signal });
    };

    function onSignal(sig: NodeJS.Signals): void {
      if (signal) return;
      signal = sig;
      for (const w of workers) void w.terminate();
    }

    const next = (w: Worker) => {
      const task = signal ? undefined : queue.shift();
      if (!task) {
        void w.terminate();
        return;
      }
      busy.set(w, { task, t0: performance.now() });
      running.add(task.outDir);
      onStart(task);
      w.postMessage({ type: 'task', task });
    };

    const spawn = (): Worker => {
      const w = new Worker(entry, { execArgv: workerExecArgv() });
      let lastError: Error | undefined;
      workers.add(w);
      w.on('message', (m: { type: string; result: TaskResult }) => {
        if (m.type !== 'result') return;
        const b = busy.get(w);
        busy.delete(w);
        if (b) running.delete(b.task.outDir);
        onDone(m.result);
        next(w);
      });
      w.on('error', (e) => {
        lastError = e;
      });
      w.on('exit', (code) => {
        workers.delete(w);
        const b = busy.get(w);
        busy.delete(w);
        if (b && !signal) {
          // The thread died under its task (out of memory, a crash): a bug or a resource limit, not the input.
          running.delete(b.task.outDir);
          const message = lastError ? `worker thread failed: ${lastError.message}` : `worker thread exited with code ${code}`;
          onDone({ id: b.task.id, status: 'failed', seconds: Math.round((performance.now() - b.t0) / 10) / 100, exitCode: 1, error: { kind: 'internal', message }, stderr: lastError?.stack ?? message });
          void cleanUp(b.task.outDir);
          if (queue.length > 0) next(spawn());
        }
        void end();
      });
      return w;
    };

    if (isMainThread) {
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }
    const n = Math.max(1, Math.min(jobs, queue.length));
    if (queue.length === 0) {
      void end();
      return;
    }
    for (let i = 0; i < n; i++) next(spawn());
  });
}
