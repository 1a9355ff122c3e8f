import { Command, Help, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { makeContext, type CliContext, type CommandModule } from './command_module';
import { detectLang } from './i18n';
import { EXIT_OK, reportFailure, usageErrorText } from './run_command';
import { exportGraphCommand } from './commands/export_graph';
import { infoCommand } from './commands/info';
import { reachCommand } from './commands/reach';
import { hydrantsCommand } from './commands/hydrants';
import { analyzeCommand } from './commands/analyze';
import { dueCommand } from './commands/due';
import { reportCommand } from './commands/report';

/**
 * The subcommands, in help order. To add one, write `commands/<name>.ts` exporting a `CommandModule`
 * and list it here.
 */
export const COMMANDS: readonly CommandModule[] = [reachCommand, dueCommand, infoCommand, exportGraphCommand, analyzeCommand, hydrantsCommand, reportCommand];

const ZH_TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Builds the commander program in the context's language. */
export function buildProgram(ctx: CliContext, commands: readonly CommandModule[] = COMMANDS): Command {
  const program = new Command('firecover');
  const zh = ctx.lang === 'zh';
  // Every command (root and subcommands) shares this configuration.
  const configure = (cmd: Command, name: string): Command =>
    cmd
      .exitOverride()
      .configureOutput({
        writeOut: (s) => ctx.out.write(s),
        writeErr: (s) => ctx.err.write(s),
        outputError: (s, write) => write(usageErrorText(s, ctx, name)),
      })
      .configureHelp({
        showGlobalOptions: true,
        styleTitle: (s: string) => (zh ? (ZH_TITLES[s] ?? s) : s),
        optionDescription: (o: Option) => {
          const text = Help.prototype.optionDescription.call(new Help(), o);
          return zh ? text.replace(/\(default: (.*)\)$/, '（默认：$1）').replace(/\(choices: (.*)\)/, '（可选：$1）') : text;
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
    .helpCommand('help [command]', ctx.t('helpCommand'))
    .addHelpText('after', `\n${ctx.t('exitCodes')}\n`);

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

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const ctx = makeContext(detectLang(argv, env));
  try {
    const program = buildProgram(ctx);
    // Commands set process.exitCode through runCommand when they fail.
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (e) {
    return reportFailure(e, ctx);
  }
}
