import type { CliContext } from './command_module';

/** A progress display for a long step; a no-op when stderr is not a terminal (pipes, CI, tests). */
export interface Progress {
  /** Fraction done, 0..1; a read also gives the bytes read so far and the file's size. */
  update(fraction: number, bytes?: ReadBytes): void;
  stop(): void;
}

/** Bytes read of a file's size, for the progress of a large read. */
export interface ReadBytes {
  done: number;
  total: number;
}

const NONE: Progress = { update() {}, stop() {} };

const mb = (n: number): string => (n / 1e6).toFixed(n < 1e8 ? 1 : 0);

/**
 * `--progress json`: one JSON object per line on stderr, for tools:
 * `{"type":"progress","step":"import","label":"reading lauf.osm.pbf","fraction":0.42}`, at most one
 * line per percent, then `{"type":"progress","step":…,"fraction":1,"done":true}` when the step ends.
 * Reading a large file (step "read") adds `"bytes"` (read so far) and `"totalBytes"` (the file's size).
 */
function jsonLines(ctx: CliContext, step: string, label: string): Progress {
  let last = -1;
  let stopped = false;
  let total: number | undefined;
  const line = (fraction: number, done: boolean, bytes?: number) =>
    ctx.stderr.write(
      `${JSON.stringify({ type: 'progress', step, label, fraction: Math.round(fraction * 1000) / 1000, ...(bytes !== undefined && total !== undefined ? { bytes, totalBytes: total } : {}), ...(done ? { done: true } : {}) })}\n`,
    );
  let started = false;
  const start = (b?: ReadBytes) => {
    if (started) return;
    started = true;
    if (b) total = b.total;
    line(0, false, b ? 0 : undefined);
    last = 0;
  };
  return {
    update(fraction, bytes) {
      start(bytes);
      const f = Math.max(0, Math.min(1, fraction));
      if (stopped || Math.floor(f * 100) <= Math.floor(last * 100)) return;
      last = f;
      line(f, false, bytes?.done);
    },
    stop() {
      start();
      if (stopped) return;
      stopped = true;
      line(1, true, total);
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
      format: `${label} [{bar}] {percentage}%{bytes} | {duration_formatted}`,
      stream: ctx.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    Presets.shades_classic,
  );
  bar.start(1000, 0, { bytes: '' });
  let stopped = false;
  return {
    update(fraction, bytes) {
      if (!stopped) bar.update(Math.max(0, Math.min(1000, Math.round(fraction * 1000))), { bytes: bytes ? ` | ${mb(bytes.done)}/${mb(bytes.total)} MB` : '' });
    },
    stop() {
      if (!stopped) {
        stopped = true;
        bar.stop();
      }
    },
  };
}
