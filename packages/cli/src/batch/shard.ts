import { InputError } from '@firecover/core';

/** One shard of a batch: `index` of `count`, 1-based (`--shard 1/4` … `--shard 4/4`). */
export interface Shard {
  index: number;
  count: number;
}

const WHOLE = /^[0-9]{1,6}$/;

function bad(en: string, zh: string): InputError {
  return new InputError({ file: '--shard' }, en, zh);
}

/**
 * `--shard I/N` (1-based: I from 1 to N), or `--shard env[/N]`: the index from the batch engine's
 * environment — Kubernetes Indexed Jobs' `JOB_COMPLETION_INDEX` (0-based, so index + 1) with N given,
 * or a Slurm array's `SLURM_ARRAY_TASK_ID` counted from `SLURM_ARRAY_TASK_MIN` in steps of
 * `SLURM_ARRAY_TASK_STEP`, N from `SLURM_ARRAY_TASK_COUNT` unless given. Anything else is an input
 * error at `--shard`.
 */
export function parseShard(text: string, env: NodeJS.ProcessEnv): Shard {
  const m = /^\s*([^/\s]+)\s*(?:\/\s*([^/\s]+)\s*)?$/.exec(text);
  if (!m) throw bad(`expected I/N (1-based, e.g. 2/8) or env[/N], got "${text}"`, `应为 I/N（从 1 开始，如 2/8）或 env[/N]，实际为 "${text}"`);
  const [, first, second] = m;
  let count: number | undefined;
  if (second !== undefined) {
    if (!WHOLE.test(second) || Number(second) < 1) throw bad(`the shard count must be a whole number ≥ 1, got "${second}"`, `分片数须为不小于 1 的整数，实际为 "${second}"`);
    count = Number(second);
  }
  if (first === 'env') return shardFromEnv(env, count);
  if (count === undefined) throw bad(`expected I/N (1-based, e.g. 2/8), got "${text}"`, `应为 I/N（从 1 开始，如 2/8），实际为 "${text}"`);
  if (!WHOLE.test(first)) throw bad(`the shard index must be a whole number from 1 to ${count}, got "${first}"`, `分片序号须为 1 到 ${count} 的整数，实际为 "${first}"`);
  const index = Number(first);
  if (index < 1 || index > count) {
    throw bad(`the shard index ${index} is outside 1…${count} (shards are counted from 1${index === 0 ? '; for a 0-based index such as JOB_COMPLETION_INDEX use --shard env/N' : ''})`, `分片序号 ${index} 不在 1…${count} 之间（分片从 1 开始计${index === 0 ? '；0 起的序号如 JOB_COMPLETION_INDEX 请用 --shard env/N' : ''}）`);
  }
  return { index, count };
}

function envWhole(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  if (!WHOLE.test(v.trim())) throw bad(`${name}="${v}" is not a whole number`, `${name}="${v}" 不是整数`);
  return Number(v.trim());
}

function shardFromEnv(env: NodeJS.ProcessEnv, given: number | undefined): Shard {
  let index: number;
  let count = given;
  const k8s = envWhole(env, 'JOB_COMPLETION_INDEX');
  const slurm = envWhole(env, 'SLURM_ARRAY_TASK_ID');
  if (k8s !== undefined) {
    index = k8s + 1;
    if (count === undefined) throw bad('with JOB_COMPLETION_INDEX give the number of shards: --shard env/N (N = the Job\'s completions)', '使用 JOB_COMPLETION_INDEX 时须给出分片数：--shard env/N（N 为 Job 的 completions）');
  } else if (slurm !== undefined) {
    const min = envWhole(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = envWhole(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
    if (step < 1 || (slurm - min) % step !== 0) throw bad('SLURM_ARRAY_TASK_ID does not fall on the array\'s steps', 'SLURM_ARRAY_TASK_ID 不在数组步长上');
    index = (slurm - min) / step + 1;
    count ??= envWhole(env, 'SLURM_ARRAY_TASK_COUNT');
    if (count === undefined) throw bad('SLURM_ARRAY_TASK_COUNT is not set: give the number of shards, --shard env/N', '未设置 SLURM_ARRAY_TASK_COUNT：请给出分片数 --shard env/N');
  } else {
    throw bad('env: neither JOB_COMPLETION_INDEX (Kubernetes) nor SLURM_ARRAY_TASK_ID (Slurm) is set', 'env：未设置 JOB_COMPLETION_INDEX（Kubernetes）或 SLURM_ARRAY_TASK_ID（Slurm）');
  }
  if (index < 1 || index > count) throw bad(`the shard index from the environment (${index} of ${count}, counted from 1) is outside 1…${count}`, `环境给出的分片序号（第 ${index} 个，共 ${count} 个，从 1 计）不在 1…${count} 之间`);
  return { index, count };
}

/**
 * The ids of shard `shard`: every id sorted (by UTF-16 code units, the same on every machine and
 * locale), then dealt round-robin — the k-th id (0-based) goes to shard k mod N + 1. So the shards
 * partition the set, each holds ⌊n/N⌋ or ⌈n/N⌉ scenarios, and the assignment depends on nothing but
 * the ids and N. No shard given: every id.
 */
export function shardIds(ids: readonly string[], shard: Shard | undefined): Set<string> {
  if (!shard) return new Set(ids);
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Set(sorted.filter((_, k) => k % shard.count === shard.index - 1));
}
