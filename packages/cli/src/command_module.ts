import type { Command } from 'commander';
import { Writable } from 'node:stream';
import pc from 'picocolors';
import { translator, type Lang, type Translate } from './i18n';
import { commonMessages, type CommonKey } from './messages';

/** How a run reports: set from the global options before a command's action runs. */
export interface OutputMode {
  /** `--json`: one JSON document on stdout (`ctx.result`), the text report on stderr. */
  json: boolean;
  /** `--quiet`: no report, no notices, no progress; errors and stdout data only. */
  quiet: boolean;
  /** `--progress`: auto (a bar on a terminal), bar, json (JSON lines on stderr), none. */
  progress: 'auto' | 'bar' | 'json' | 'none';
}

/** What every command gets from the program shell. */
export interface CliContext {
  readonly lang: Lang;
  /** Shared messages (errors, network options, output notices). */
  readonly t: Translate<CommonKey>;
  /**
   * Where the report and summaries go (stdout; nowhere under --json, whose document replaces them, or
   * --quiet) and where notices and warnings go (stderr; nowhere under --quiet).
   */
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream & { isTTY?: boolean };
  /** A command's data on stdout (reach's CSV without --out): always, except under --json. */
  readonly data: NodeJS.WritableStream;
  /** The real streams: help and usage errors, errors, progress bars, the --json document. */
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly output: OutputMode;
  /** The --json document of the command (its results). */
  result(doc: unknown): void;
  /** What the command gave to `result`, if anything. */
  resultDoc?: unknown;
  /** The --json document is `resultDoc` also when the run fails (`batch`: its summary lists the failures). */
  resultOnFailure?: boolean;
  /** The error of a failed run, for the --json document. */
  errorDoc?: unknown;
  /** Colours for stderr messages: real only when stderr is a terminal and NO_COLOR is unset. */
  readonly color: ReturnType<typeof pc.createColors>;
  /** The run's environment (the process's for the bin; a test's own in-process). */
  readonly env: NodeJS.ProcessEnv;
  /** Set by `runCommand` when the action failed: the run's exit code (no `process.exitCode`). */
  exitCode?: number;
}

/**
 * One `firecover` subcommand. A command file exports one of these; `main.ts` lists them. `register`
 * adds the subcommand (with options and help in `ctx.lang`) to the program and wires its action through
 * `runCommand` (run_command.ts). Heavy modules (@firecover/core, readers) are imported inside the action
 * so that `--help` and `--version` stay fast.
 */
export interface CommandModule {
  readonly name: string;
  register(program: Command, ctx: CliContext): void;
}

/** A stream that forwards each write to the stream `to()` names at that moment (or drops it). */
function routed(to: () => NodeJS.WritableStream | null, isTTY = false): NodeJS.WritableStream & { isTTY?: boolean } {
  const w = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _enc, cb) {
      const target = to();
      if (target) target.write(chunk);
      cb();
    },
  }) as Writable & { isTTY?: boolean };
  w.isTTY = isTTY;
  return w;
}

export function makeContext(lang: Lang, out: NodeJS.WritableStream = process.stdout, err: CliContext['err'] = process.stderr, env: NodeJS.ProcessEnv = process.env): CliContext {
  const colorOn = Boolean(err.isTTY) && !env.NO_COLOR;
  const output: OutputMode = { json: false, quiet: false, progress: 'auto' };
  const ctx: CliContext = {
    lang,
    t: translator(commonMessages, lang),
    out: routed(() => (output.quiet || output.json ? null : out)),
    err: routed(() => (output.quiet ? null : err), Boolean(err.isTTY)),
    data: routed(() => (output.json ? null : out)),
    stdout: out,
    stderr: err,
    output,
    color: pc.createColors(colorOn),
    env,
    result(doc: unknown) {
      ctx.resultDoc = doc;
    },
  };
  return ctx;
}

/** Help text listing examples, added after the options with `cmd.addHelpText('after', …)`. */
export function examplesHelp(ctx: CliContext, examples: readonly string[]): string {
  return `\n${ctx.t('examples')}\n${examples.map((e) => `  ${e}`).join('\n')}\n\n${ctx.t('exitCodes')}\n`;
}
