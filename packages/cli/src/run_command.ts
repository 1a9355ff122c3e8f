import { CommanderError } from 'commander';
import type { CliContext } from './command_module';

/**
 * Exit codes: 0 success; 2 a mistake in the input or the command line (the message says where);
 * 1 anything else, which is a bug in firecover and is printed with its stack.
 */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;

/** Shape of @firecover/core's InputError, checked without loading core (keeps `--help` fast). */
interface InputErrorLike {
  name: 'InputError';
  message: string;
  messageZh: string;
  where: { file: string };
}

/**
 * True for @firecover/core InputErrors. core's `isInputError` is `instanceof`; the structural check
 * here also accepts an InputError from a second copy of core (e.g. loaded through another path), which
 * would otherwise be reported as a bug with a stack trace.
 */
export function isInputErrorLike(e: unknown): e is InputErrorLike {
  return (
    e instanceof Error &&
    e.name === 'InputError' &&
    typeof (e as Partial<InputErrorLike>).where === 'object' &&
    typeof (e as Partial<InputErrorLike>).messageZh === 'string'
  );
}

/** Prints what went wrong to stderr in the user's language and returns the exit code. */
export function reportFailure(e: unknown, ctx: CliContext): number {
  if (e instanceof CommanderError) {
    // Help and version "errors" are normal exits; commander already printed the usage error text.
    return e.exitCode === 0 ? EXIT_OK : EXIT_INPUT;
  }
  if (isInputErrorLike(e)) {
    const msg = ctx.lang === 'zh' ? e.messageZh : e.message;
    ctx.stderr.write(`${ctx.color.red(ctx.t('errorPrefix'))}${msg}\n`);
    ctx.errorDoc = { kind: 'input', message: e.message, messageZh: e.messageZh, where: e.where };
    return EXIT_INPUT;
  }
  ctx.stderr.write(`${ctx.color.red(ctx.t('unexpected'))}\n`);
  ctx.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  ctx.errorDoc = { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
  return EXIT_BUG;
}

/**
 * Wraps a command's action for commander: runs it and turns a thrown error into the right message and
 * exit code (kept in `ctx.exitCode`; `main` returns it and the bin sets `process.exitCode`, so pending
 * output is flushed before Node exits).
 */
export function runCommand<A extends unknown[]>(ctx: CliContext, action: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (e) {
      ctx.exitCode = reportFailure(e, ctx);
    }
  };
}

const ZH_USAGE: [RegExp, string][] = [
  [/^error: unknown option '(.+?)'/, '未知选项 \'$1\''],
  [/^error: unknown command '(.+?)'/, '未知命令 \'$1\''],
  [/^error: required option '(.+?)' not specified/, '缺少必需的选项 \'$1\''],
  [/^error: option '(.+?)' argument missing/, '选项 \'$1\' 缺少参数值'],
  [/^error: missing required argument '(.+?)'/, '缺少必需的参数 \'$1\''],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+?)\.?$/, '选项 \'$1\' 的值 \'$2\' 无效，可选值为 $3'],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\.? ?(.*)$/, '选项 \'$1\' 的值 \'$2\' 无效：$3'],
  [/^error: option '(.+?)' cannot be used with option '(.+?)'/, '选项 \'$1\' 不能与选项 \'$2\' 同时使用'],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, '参数过多：应为 $2 个，实际为 $3 个'],
];

/** Commander's usage error text in the user's language, with a pointer to the command's help. */
export function usageErrorText(raw: string, ctx: CliContext, commandName: string): string {
  let text = raw.trimEnd();
  if (ctx.lang === 'zh') {
    const first = text.split('\n')[0];
    const suggestion = /\(Did you mean (.+?)\?\)/.exec(text);
    let zh: string | undefined;
    for (const [re, rep] of ZH_USAGE) {
      if (re.test(first)) {
        zh = first.replace(re, rep).replace(/^error: /, '');
        break;
      }
    }
    text = ctx.t('errorPrefix') + (zh ?? first.replace(/^error: /, '')) + (suggestion ? `（您是否想输入 ${suggestion[1]}？）` : '');
  }
  return `${text}\n${ctx.t('seeHelp', { command: commandName }).replace('firecover  --help', 'firecover --help')}\n`;
}
