import type { CliContext } from './command_module';

/** A progress display for a long step; a no-op when stderr is not a terminal (pipes, CI, tests). */
export interface Progress {
  /** Fraction done, 0..1. */
  update(fraction: number): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * A cli-progress bar on stderr labelled `label`, only when stderr is a TTY. cli-progress is loaded
 * only then, so piped runs never pay for it.
 */
export async function startProgress(ctx: CliContext, label: string): Promise<Progress> {
  if (!ctx.err.isTTY || ctx.env.CI === 'true') return NONE;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {duration_formatted}`,
      stream: ctx.err,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    Presets.shades_classic,
  );
  bar.start(1000, 0);
  let stopped = false;
  return {
    update(fraction) {
      if (!stopped) bar.update(Math.max(0, Math.min(1000, Math.round(fraction * 1000))));
    },
    stop() {
      if (!stopped) {
        stopped = true;
        bar.stop();
      }
    },
  };
}
