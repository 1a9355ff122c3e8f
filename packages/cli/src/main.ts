import { Command, Help, Option } from 'commander';
import { makeContext, type CliContext, type CommandModule, type OutputMode } from './command_module';
import { currentScope, withScope, type CliScope } from './cli_scope';
import { detectLang } from './i18n';
import { EXIT_OK, reportFailure, usageErrorText } from './run_command';
import { exportGraphCommand } from './commands/export_graph';
import { infoCommand } from './commands/info';
import { reachCommand } from './commands/reach';
import { hydrantsCommand } from './commands/hydrants';
import { analyzeCommand } from './commands/analyze';
import { dueCommand } from './commands/due';
import { importCommand } from './commands/import';
import { reportCommand } from './commands/report';
import { siteCommand } from './commands/site';
import { batchCommand } from './commands/batch';
import { version } from './version';

/**
 * The subcommands, in help order. To add one, write `commands/<name>.ts` exporting a `CommandModule`
 * and list it here.
 */
export const COMMANDS: readonly CommandModule[] = [reachCommand, dueCommand, infoCommand, importCommand, exportGraphCommand, analyzeCommand, hydrantsCommand, siteCommand, reportCommand, batchCommand];

const ZH_TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Builds the commander program in the context's language. */
export function buildProgram(ctx: CliContext, commands: readonly CommandModule[] = COMMANDS): Command {
  const program = new Command('firecover');
  const zh = ctx.lang === 'zh';
  // Every command (root and subcommands) shares this configuration.
  const configure = (cmd: Command, name: string): Command =>
    cmd
      .exitOverride()
      .configureOutput({
        writeOut: (s) => ctx.stdout.write(s),
        writeErr: (s) => ctx.stderr.write(s),
        outputError: (s, write) => write(usageErrorText(s, ctx, name)),
      })
      .configureHelp({
        showGlobalOptions: true,
        styleTitle: (s: string) => (zh ? (ZH_TITLES[s] ?? s) : s),
        optionDescription: (o: Option) => {
          const text = Help.prototype.optionDescription.call(new Help(), o);
          return zh ? text.replace(/\(default: (.*)\)$/, '（默认：$1）').replace(/\(choices: (.*?), default: (.*)\)$/, '（可选：$1；默认：$2）').replace(/\(choices: (.*)\)/, '（可选：$1）') : text;
        },
      })
      // The help option joins the general options, not the last group a command declared.
      .optionsGroup(zh ? '选项：' : 'Options:')
      .helpOption('-h, --help', ctx.t('helpOption'))
      .showSuggestionAfterError(true);

  configure(program, '')
    .description(ctx.t('description'))
    .version(version(), '-V, --version', ctx.t('versionOption'))
    .addOption(new Option('--lang <lang>', ctx.t('langOption')).choices(['en', 'zh']))
    .option('--json', ctx.t('jsonOption'))
    .option('-q, --quiet', ctx.t('quietOption'))
    .addOption(new Option('--progress <mode>', ctx.t('progressOption')).choices(['auto', 'bar', 'json', 'none']).default('auto'))
    .helpCommand('help [command]', ctx.t('helpCommand'))
    .addHelpText('after', `\n${ctx.t('exitCodes')}\n`);

  // The global reporting options take effect before any command's action runs.
  program.hook('preAction', () => {
    const o = program.opts<{ json?: boolean; quiet?: boolean; progress: OutputMode['progress'] }>();
    ctx.output.json = Boolean(o.json);
    ctx.output.quiet = Boolean(o.quiet);
    ctx.output.progress = o.quiet ? 'none' : o.progress;
  });

  const before = new Set<Command>();
  for (const c of commands) {
    c.register(program, ctx);
    for (const sub of program.commands) {
      if (!before.has(sub)) {
        configure(sub, sub.name());
        before.add(sub);
      }
    }
  }
  return program;
}

/**
 * The --json document: the command's result (`ctx.result`), or, for a failure, the error (also printed
 * on stderr) with the exit code, so a tool always reads one JSON document from stdout.
 */
function writeJsonDocument(ctx: CliContext, program: Command | undefined, code: number): void {
  const command = program?.args[0] ?? null;
  const doc = code === EXIT_OK || (ctx.resultOnFailure && ctx.resultDoc !== undefined) ? (ctx.resultDoc ?? { command, exitCode: code, files: currentScope().written }) : { command, exitCode: code, error: ctx.errorDoc ?? null };
  ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

/** Where one run reads and writes: the bin passes the process's own; tests pass their own. */
export interface CliIo {
  /** Results (default: process.stdout). */
  out?: NodeJS.WritableStream;
  /** Progress, warnings, errors (default: process.stderr). */
  err?: CliContext['err'];
  /** Environment: language, NO_COLOR, CI (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Working directory for relative paths (default: process.cwd()). */
  cwd?: string;
  /** Hooks of the run's scope (`firecover batch` records the inputs read and the manifest's extra fields). */
  scope?: Pick<CliScope, 'onInputRead' | 'manifestExtra'>;
}

/**
 * Runs the command line and returns the exit code (0, 1 a bug, 2 bad input). Never calls
 * `process.exit` and never sets `process.exitCode`, so it can run in-process, several runs at once.
 */
export async function main(argv: readonly string[], io: CliIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const ctx = makeContext(detectLang(argv, env), io.out ?? process.stdout, io.err ?? process.stderr, env);
  const readProgress = async (file: string) => (await import('./progress')).startProgress(ctx, ctx.t('importing', { file }), 'read');
  return withScope({ cwd: io.cwd ?? process.cwd(), env, written: [], readProgress, ...io.scope }, async () => {
    try {
      const program = buildProgram(ctx);
      // runCommand sets ctx.exitCode when a command fails.
      await program.parseAsync(argv as string[], { from: 'user' });
      const code = ctx.exitCode ?? EXIT_OK;
      if (ctx.output.json) writeJsonDocument(ctx, program, code);
      return code;
    } catch (e) {
      const code = reportFailure(e, ctx);
      // A usage error (commander) comes before the options took effect: --json is looked for in argv.
      if (code !== EXIT_OK && (ctx.output.json || argv.includes('--json'))) {
        ctx.errorDoc ??= { kind: 'usage', message: e instanceof Error ? e.message : String(e) };
        writeJsonDocument(ctx, undefined, code);
      }
      return code;
    }
  });
}
