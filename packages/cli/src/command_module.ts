import type { Command } from 'commander';
import pc from 'picocolors';
import { translator, type Lang, type MessageTable, type Translate } from './i18n';
import { commonMessages, type CommonKey } from './messages';

/** What every command gets from the program shell. */
export interface CliContext {
  readonly lang: Lang;
  /** Shared messages (errors, network options, output notices). */
  readonly t: Translate<CommonKey>;
  /** Where results and summaries go (stdout) and where progress and warnings go (stderr). */
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream & { isTTY?: boolean };
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

export function makeContext(lang: Lang, out: NodeJS.WritableStream = process.stdout, err: CliContext['err'] = process.stderr, env: NodeJS.ProcessEnv = process.env): CliContext {
  const colorOn = Boolean(err.isTTY) && !env.NO_COLOR;
  return { lang, t: translator(commonMessages, lang), out, err, color: pc.createColors(colorOn), env };
}

/** A command's own translator, for its message table. */
export function commandTranslator<K extends string>(table: MessageTable<K>, ctx: CliContext): Translate<K> {
  return translator(table, ctx.lang);
}

/** Help text listing examples, added after the options with `cmd.addHelpText('after', …)`. */
export function examplesHelp(ctx: CliContext, examples: readonly string[]): string {
  return `\n${ctx.t('examples')}\n${examples.map((e) => `  ${e}`).join('\n')}\n\n${ctx.t('exitCodes')}\n`;
}
