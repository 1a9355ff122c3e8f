import type { Command } from 'commander';
import { examplesHelp, type CliContext, type CommandModule } from '../command_module';
import { defineMessages, translator } from '../i18n';
import { positiveInteger } from '../parse_options';
import { runCommand } from '../run_command';

export const batchMessages = defineMessages({
  en: {
    description:
      'Many scenarios (a county each) across worker threads: one output folder per scenario, each written whole as `firecover analyze --out` writes it; folders whose inputs, options and firecover version are unchanged are skipped (resume); --shard splits the manifest for Kubernetes Indexed Jobs or Slurm arrays. Writes batch_summary.json.',
    manifest: 'batch manifest (JSON; docs/batch.md)',
    jobs: 'worker threads (default: the available cores)',
    shard: 'run one shard: I/N, 1-based (1/4 … 4/4), or env[/N] from JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm)',
    out: 'base folder of the output folders and batch_summary.json (default: the manifest\'s "out", else the manifest\'s folder)',
    force: 're-run every scenario, also those whose folder is up to date',
    example1: 'firecover batch province.json --out out --jobs 8',
    example2: 'firecover batch province.json --out /data/out --shard ${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}',
    example3: 'firecover batch province.json --out /data/out --shard env/32   # Kubernetes Indexed Job, completions: 32',
    progressLabel: 'batch',
    start: 'Batch {manifest}: {count} of {total} scenarios{shard}, {jobs} worker threads',
    shardPart: ' (shard {index}/{count})',
    line: '[{done}/{count}] {status} {id} ({seconds} s)',
    colId: 'scenario',
    colCommand: 'command',
    colStatus: 'status',
    colSeconds: 's',
    colOut: 'output folder',
    colError: 'error',
    ok: 'ok',
    skipped: 'skipped',
    failed: 'failed',
    interrupted: 'interrupted',
    totals: 'ok {ok}, skipped {skipped} (up to date), failed {failed}{interrupted}; {seconds} s',
    interruptedPart: ', interrupted {n}',
    wrote: 'wrote {file}',
    stopped: 'stopped by {signal}: finished folders are complete, the running ones were left as they were',
  },
  zh: {
    description:
      '在多个工作线程上运行多个场景（如每县一个）：每个场景一个输出目录，按 firecover analyze --out 的方式整体写入；输入、选项与 firecover 版本均未变的目录跳过（断点续跑）；--shard 将清单分片，供 Kubernetes Indexed Job 或 Slurm 作业数组使用。输出 batch_summary.json。',
    manifest: '批处理清单（JSON；见 docs/batch.md）',
    jobs: '工作线程数（默认：可用 CPU 核数）',
    shard: '只运行一个分片：I/N，从 1 开始（1/4 … 4/4），或 env[/N]，取自 JOB_COMPLETION_INDEX（Kubernetes）或 SLURM_ARRAY_TASK_ID（Slurm）',
    out: '各输出目录与 batch_summary.json 的上级目录（默认：清单中的 "out"，否则清单所在目录）',
    force: '重新运行所有场景，包括输出已是最新的',
    example1: 'firecover batch province.json --out out --jobs 8',
    example2: 'firecover batch province.json --out /data/out --shard ${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}',
    example3: 'firecover batch province.json --out /data/out --shard env/32   # Kubernetes Indexed Job，completions: 32',
    progressLabel: '批处理',
    start: '批处理 {manifest}：运行 {total} 个场景中的 {count} 个{shard}，{jobs} 个工作线程',
    shardPart: '（分片 {index}/{count}）',
    line: '[{done}/{count}] {status} {id}（{seconds} 秒）',
    colId: '场景',
    colCommand: '命令',
    colStatus: '状态',
    colSeconds: '秒',
    colOut: '输出目录',
    colError: '错误',
    ok: '完成',
    skipped: '跳过',
    failed: '失败',
    interrupted: '中断',
    totals: '完成 {ok}，跳过 {skipped}（已是最新），失败 {failed}{interrupted}；用时 {seconds} 秒',
    interruptedPart: '，中断 {n}',
    wrote: '已写入 {file}',
    stopped: '被 {signal} 终止：已完成的目录完整，正在运行的目录保持原样',
  },
});

export interface BatchOptions {
  jobs?: number;
  shard?: string;
  out?: string;
  force?: boolean;
}

export const batchCommand: CommandModule = {
  name: 'batch',
  register(program: Command, ctx: CliContext) {
    const t = translator(batchMessages, ctx.lang);
    program
      .command('batch')
      .description(t('description'))
      .argument('<manifest.json>', t('manifest'))
      .option('--jobs <n>', t('jobs'), positiveInteger(ctx))
      .option('--shard <I/N>', t('shard'))
      .option('--out <dir>', t('out'))
      .option('--force', t('force'))
      .addHelpText('after', examplesHelp(ctx, [t('example1'), t('example2'), t('example3')]))
      .action(
        runCommand(ctx, async (manifestPath: string, opts: BatchOptions, cmd: Command) => {
          const { runBatch } = await import('../batch/run_batch');
          await runBatch(manifestPath, opts, ctx, cmd.parent as Command);
        }),
      );
  },
};
