import { describe, expect, it } from 'vitest';
import { parseShard, shardIds } from './shard';

/** A small seeded generator (mulberry32), so the property runs are the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('--shard I/N', () => {
  it('reads 1-based I/N', () => {
    expect(parseShard('1/1', {})).toEqual({ index: 1, count: 1 });
    expect(parseShard('3/8', {})).toEqual({ index: 3, count: 8 });
    expect(parseShard(' 8 / 8 ', {})).toEqual({ index: 8, count: 8 });
  });

  it('refuses what is not a shard of N, at --shard, saying why', () => {
    expect(() => parseShard('0/4', {})).toThrow(/--shard: the shard index 0 is outside 1…4 .*counted from 1.*--shard env\/N/);
    expect(() => parseShard('5/4', {})).toThrow(/outside 1…4/);
    expect(() => parseShard('1/0', {})).toThrow(/count must be a whole number ≥ 1/);
    expect(() => parseShard('1.5/4', {})).toThrow(/index must be a whole number/);
    expect(() => parseShard('-1/4', {})).toThrow(/index must be a whole number/);
    expect(() => parseShard('2', {})).toThrow(/expected I\/N/);
    expect(() => parseShard('1/2/3', {})).toThrow(/expected I\/N/);
    expect(() => parseShard('', {})).toThrow(/expected I\/N/);
  });

  it('env: a Kubernetes Indexed Job counts from 0, so JOB_COMPLETION_INDEX + 1; N must be given', () => {
    expect(parseShard('env/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 4 });
    expect(parseShard('env/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 4, count: 4 });
    expect(() => parseShard('env/4', { JOB_COMPLETION_INDEX: '4' })).toThrow(/5 of 4.*outside 1…4/);
    expect(() => parseShard('env', { JOB_COMPLETION_INDEX: '1' })).toThrow(/--shard env\/N/);
    expect(() => parseShard('env/4', { JOB_COMPLETION_INDEX: 'x' })).toThrow(/JOB_COMPLETION_INDEX="x" is not a whole number/);
  });

  it('env: a Slurm array, --array=1-10 or 0-9 or 0-18:2, each task its own shard of SLURM_ARRAY_TASK_COUNT', () => {
    const slurm = (id: number, min: number, count: number, step?: number) => ({ SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_COUNT: String(count), ...(step ? { SLURM_ARRAY_TASK_STEP: String(step) } : {}) });
    expect(parseShard('env', slurm(1, 1, 10))).toEqual({ index: 1, count: 10 });
    expect(parseShard('env', slurm(10, 1, 10))).toEqual({ index: 10, count: 10 });
    expect(parseShard('env', slurm(0, 0, 10))).toEqual({ index: 1, count: 10 });
    expect(parseShard('env', slurm(18, 0, 10, 2))).toEqual({ index: 10, count: 10 });
    expect(() => parseShard('env', slurm(3, 0, 10, 2))).toThrow(/steps/);
    expect(parseShard('env/5', { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ index: 5, count: 5 });
    expect(() => parseShard('env', { SLURM_ARRAY_TASK_ID: '5' })).toThrow(/SLURM_ARRAY_TASK_COUNT is not set/);
    expect(() => parseShard('env', {})).toThrow(/neither JOB_COMPLETION_INDEX .* nor SLURM_ARRAY_TASK_ID/);
  });
});

describe('shard assignment', () => {
  it('deals the sorted ids round-robin (worked by hand)', () => {
    // sorted: a, b, c, d, e → shard 1 of 2 takes positions 0, 2, 4; shard 2 takes 1, 3
    const ids = ['e', 'c', 'a', 'd', 'b'];
    expect([...shardIds(ids, { index: 1, count: 2 })].sort()).toEqual(['a', 'c', 'e']);
    expect([...shardIds(ids, { index: 2, count: 2 })].sort()).toEqual(['b', 'd']);
    expect([...shardIds(ids, { index: 3, count: 3 })]).toEqual(['c']);
    expect([...shardIds(ids, { index: 7, count: 7 })]).toEqual([]);
    expect(shardIds(ids, undefined)).toEqual(new Set(ids));
  });

  it('property: for any ids and N, the N shards partition the set, sizes differ by at most one, and the order of the manifest does not matter', () => {
    const next = rng(20261201);
    for (let run = 0; run < 300; run++) {
      const n = Math.floor(next() * 40);
      const ids = [...new Set(Array.from({ length: n }, () => `c${Math.floor(next() * 1000)}${next() < 0.3 ? '县' : ''}`))];
      const count = 1 + Math.floor(next() * 12);
      const shuffled = [...ids].sort(() => next() - 0.5);
      const seen = new Map<string, number>();
      const sizes: number[] = [];
      for (let index = 1; index <= count; index++) {
        const mine = shardIds(ids, { index, count });
        expect(shardIds(shuffled, { index, count })).toEqual(mine);
        sizes.push(mine.size);
        for (const id of mine) {
          expect(seen.has(id), `${id} in shards ${seen.get(id)} and ${index}`).toBe(false);
          seen.set(id, index);
        }
      }
      expect(seen.size).toBe(ids.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});
