/**
 * Runs one job at a time and coalesces the rest: while a job runs, new values replace each other and only
 * the latest runs next (a dragged candidate's positions: the last one wins). Each `push` resolves when a
 * job with its value, or a later one, has finished; a failure rejects every push it covered.
 */
export class LatestOnly<T> {
  private running = false;
  private next: { value: T; at: number; waiters: { resolve: () => void; reject: (e: unknown) => void }[] } | null = null;

  /** `run(value, pushedAt)`: `pushedAt` is the performance.now() of the push that value came from. */
  constructor(private readonly run: (value: T, pushedAt: number) => Promise<void>) {}

  private idleWaiters: (() => void)[] = [];

  get busy(): boolean {
    return this.running || this.next !== null;
  }

  /** Resolves when nothing runs or waits. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  push(value: T): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiters = this.next?.waiters ?? [];
      waiters.push({ resolve, reject });
      this.next = { value, at: performance.now(), waiters };
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.next) {
      const job = this.next;
      this.next = null;
      try {
        await this.run(job.value, job.at);
        for (const w of job.waiters) w.resolve();
      } catch (e) {
        for (const w of job.waiters) w.reject(e);
      }
    }
    this.running = false;
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of idle) f();
  }
}
