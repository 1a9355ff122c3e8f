import type { CliContext } from './command_module';

/** A progress display for a long step; a no-op when stderr is not a terminal (pipes, CI, tests). */
export interface Progress {
  /** Fraction done, 0..1. */
  update(fraction: number): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * `--progress json`: one JSON object per line on stderr, for tools:
 * `{"type":"progress","step":"import","label":"reading lauf.osm.pbf","fraction":0.42}`, at most one
 * line per percent, then `{"type":"progress","step":…,"fraction":1,"done":true}` when the step ends.
 */
function jsonLines(ctx: CliContext, step: string, label: string): Progress {
  let last = -1;
  let stopped = false;
  const line = (fraction: number, done: boolean) =>
    ctx.stderr.write(`${JSON.stringify({ type: 'progress', step, label, fraction: Math.round(fraction * 1000) / 1000, ...(done ? { done: true } : {}) })}\n`);
  line(0, false);
  last = 0;
  return {
    update(fraction) {
      const f = Math.max(0, Math.min(1, fraction));
      if (stopped || Math.floor(f * 100) <= Math.floor(last * 100)) return;
      last = f;
      line(f, false);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      line(1, true);
    },
  };
}

/**
 * Progress of a step labelled `label` (`step` names it for tools): under `--progress auto` a
 * cli-progress bar on stderr only when stderr is a terminal and not CI; `bar` always a bar; `json`
 * JSON lines; `none` (and `--quiet`) nothing. cli-progress is loaded only for a bar, so piped runs
 * never pay for it.
 */
export async function startProgress(ctx: CliContext, label: string, step = 'import'): Promise<Progress> {
  const mode = ctx.output.progress;
  if (mode === 'none') return NONE;
  if (mode === 'json') return jsonLines(ctx, step, label);
  if (mode === 'auto' && (!ctx.stderr.isTTY || ctx.env.CI === 'true')) return NONE;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {duration_formatted}`,
      stream: ctx.stderr,
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
