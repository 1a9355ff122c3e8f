import { describe, expect, it } from 'vitest';
import { LatestOnly } from './latest_only';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('LatestOnly', () => {
  it('runs one job at a time, skips the values replaced while one ran, and resolves every push', async () => {
    const ran: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const q = new LatestOnly<number>(async (v) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick();
      ran.push(v);
      inFlight--;
    });
    const all = [1, 2, 3, 4, 5].map((v) => q.push(v));
    let idle = false;
    const whenIdle = q.idle().then(() => (idle = true));
    await Promise.all(all);
    await whenIdle;
    expect(idle).toBe(true);
    // 1 starts at once; 2..4 are replaced by 5 while it runs
    expect(ran).toEqual([1, 5]);
    expect(maxInFlight).toBe(1);
    expect(q.busy).toBe(false);
    await q.push(6);
    expect(ran).toEqual([1, 5, 6]);
  });

  it('rejects the pushes a failed job covered, and goes on with the next', async () => {
    const q = new LatestOnly<number>(async (v) => {
      await tick();
      if (v === 2) throw new Error('bad 2');
    });
    const first = q.push(1);
    const second = q.push(2);
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toThrow('bad 2');
    await expect(q.push(3)).resolves.toBeUndefined();
  });
});
