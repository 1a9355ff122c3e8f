import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '@firecover/core';
import { currentScope, resolvePath } from '../cli_scope';
import type { CliContext } from '../command_module';
import { batchMessages, type BatchOptions } from '../commands/batch';
import { translator } from '../i18n';
import { startProgress } from '../progress';
import { EXIT_BUG, EXIT_INPUT, EXIT_OK } from '../run_command';
import { alignColumns } from '../table';
import { version } from '../version';
import { readBatchManifest, shownPath, type BatchCommand } from './manifest';
import { runPool } from './pool';
import { parseShard, shardIds, type Shard } from './shard';
import type { BatchError, BatchStatus, BatchTask, TaskResult } from './task';

/** One scenario's line in batch_summary.json. */
export interface BatchSummaryEntry {
  id: string;
  /** The scenario path as the manifest gives it. */
  scenario: string;
  command: BatchCommand;
  status: BatchStatus;
  /** Wall-clock seconds of the run (of the up-to-date check when skipped); null when it never ran. */
  seconds: number | null;
  /** The output folder (absolute). */
  out: string;
  /** The command's exit code (0 ok or skipped, 2 input error, 1 internal error); null when it never ran. */
  exitCode: number | null;
  error: BatchError | null;
}

/** batch_summary.json, and the `--json` document of `firecover batch`. */
export interface BatchSummary {
  command: 'batch';
  exitCode: number;
  firecover: string;
  manifest: string;
  /** Base folder of the output folders. */
  out: string;
  shard: Shard | null;
  jobs: number;
  /** Scenarios in the manifest (all shards). */
  total: number;
  counts: Record<BatchStatus, number>;
  seconds: number;
  /** Where this document was written. */
  summaryFile: string;
  /** This run's scenarios (its shard's), in manifest order. */
  scenarios: BatchSummaryEntry[];
}

/** The summary's file name: one per shard, so shards sharing an output folder never overwrite each other's. */
export function summaryFileName(shard: Shard | undefined): string {
  return shard ? `batch_summary.shard-${shard.index}-of-${shard.count}.json` : 'batch_summary.json';
}

/**
 * Writes one file whole: a temporary file beside it (named by host and process, so shards on other
 * machines sharing the folder never meet), then a rename. Synchronous: no signal handler runs between.
 */
function writeWhole(path: string, data: string, shown: string): void {
  const tmp = join(dirname(path), `.${summaryFileNameOf(path)}.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new InputError({ file: shown }, `cannot write the output (${code})`, `无法写入输出文件（${code}）`);
  }
}

const summaryFileNameOf = (path: string): string => path.slice(dirname(path).length + 1);

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

/** `firecover batch MANIFEST`: reads the manifest, runs this shard's scenarios on worker threads, writes the summary. */
export async function runBatch(manifestPath: string, opts: BatchOptions, ctx: CliContext, program: Command): Promise<void> {
  const t = translator(batchMessages, ctx.lang);
  const t0 = performance.now();
  const shard = opts.shard !== undefined ? parseShard(opts.shard, ctx.env) : undefined;
  const manifest = await readBatchManifest(manifestPath, program);
  const outBase = opts.out !== undefined ? resolvePath(opts.out) : (manifest.out ?? dirname(manifest.file));
  const chosen = shardIds(
    manifest.entries.map((e) => e.id),
    shard,
  );
  const entries = manifest.entries.filter((e) => chosen.has(e.id));
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), Math.max(1, entries.length)));
  const cwd = currentScope().cwd;
  const env: Record<string, string | undefined> = { ...ctx.env };
  const tasks: BatchTask[] = entries.map((e) => ({ id: e.id, scenario: e.scenario, scenarioArg: e.scenarioGiven, command: e.command, args: e.args, outDir: join(outBase, e.id), force: Boolean(opts.force), lang: ctx.lang, env, cwd: dirname(manifest.file) }));
  const summaryPath = join(outBase, summaryFileName(shard));
  const shownSummary = opts.out !== undefined ? join(opts.out, summaryFileName(shard)) : shownPath(summaryPath, cwd);

  ctx.err.write(
    `${t('start', { manifest: manifestPath, count: entries.length, total: manifest.entries.length, jobs, shard: shard ? t('shardPart', { index: shard.index, count: shard.count }) : '' })}\n`,
  );
  const results = new Map<string, TaskResult>();
  // On a terminal the per-scenario lines are the progress (a bar between them would be torn); an
  // explicit --progress bar or json is honoured.
  const progress = ctx.output.progress === 'auto' ? { update() {}, stop() {} } : await startProgress(ctx, t('progressLabel'), 'batch');
  const statusText = (s: BatchStatus): string => t(s);
  const { signal } = await runPool(tasks, jobs, (r) => {
    results.set(r.id, r);
    progress.update(results.size / Math.max(1, tasks.length));
    ctx.err.write(`${t('line', { done: results.size, count: tasks.length, status: statusText(r.status), id: r.id, seconds: r.seconds.toFixed(1) })}\n`);
    // The command's own messages, each line marked with its scenario: errors always, warnings unless --quiet.
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    const to = r.status === 'failed' ? ctx.stderr : ctx.err;
    for (const l of lines) to.write(`[${r.id}] ${l}\n`);
  });
  progress.stop();

  const scenarios: BatchSummaryEntry[] = entries.map((e, i) => {
    const r = results.get(e.id);
    return {
      id: e.id,
      scenario: e.scenarioGiven,
      command: e.command,
      status: r?.status ?? 'interrupted',
      seconds: r ? r.seconds : null,
      out: tasks[i].outDir,
      exitCode: r ? r.exitCode : null,
      error: r?.error ?? null,
    };
  });
  const counts: Record<BatchStatus, number> = { ok: 0, skipped: 0, failed: 0, interrupted: 0 };
  for (const s of scenarios) counts[s.status]++;
  const internal = scenarios.some((s) => s.status === 'failed' && s.error?.kind === 'internal');
  const exitCode = signal ? 128 + (SIGNAL_NUMBERS[signal] ?? 0) : internal ? EXIT_BUG : counts.failed > 0 ? EXIT_INPUT : EXIT_OK;
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  const summary: BatchSummary = {
    command: 'batch',
    exitCode,
    firecover: version(),
    manifest: manifestPath,
    out: outBase,
    shard: shard ?? null,
    jobs,
    total: manifest.entries.length,
    counts,
    seconds,
    summaryFile: summaryPath,
    scenarios,
  };
  writeWhole(summaryPath, `${JSON.stringify(summary, null, 2)}\n`, shownSummary);

  ctx.result(summary);
  ctx.resultOnFailure = true;
  const rows = [[t('colId'), t('colCommand'), t('colStatus'), t('colSeconds'), t('colOut'), t('colError')]];
  for (const s of scenarios) {
    const err = s.error ? (ctx.lang === 'zh' ? (s.error.messageZh ?? s.error.message) : s.error.message) : '';
    rows.push([s.id, s.command, statusText(s.status), s.seconds === null ? '—' : s.seconds.toFixed(1), shownPath(s.out, cwd), err]);
  }
  const totals = t('totals', { ok: counts.ok, skipped: counts.skipped, failed: counts.failed, seconds: seconds.toFixed(1), interrupted: counts.interrupted > 0 ? t('interruptedPart', { n: counts.interrupted }) : '' });
  ctx.out.write(`${alignColumns(rows)}\n${totals}\n${t('wrote', { file: shownSummary })}\n`);
  if (exitCode !== EXIT_OK) ctx.exitCode = exitCode;
  if (signal) {
    ctx.stderr.write(`${t('stopped', { signal })}\n`);
    // Die of the signal, as the shell and the batch engine expect (exit status 128 + n).
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
}
