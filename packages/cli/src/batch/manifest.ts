import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import type { Command, Option } from 'commander';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { InputError } from '@firecover/core';
import { resolvePath } from '../cli_scope';
import { readInputText } from '../read_input';

/**
 * The batch manifest (docs/batch.md, schema packages/cli/schema/batch.schema.json): a JSON object
 *
 *   { "out": "results", "command": "analyze", "options": { "stations": "2030" },
 *     "scenarios": [ "counties/a/scenario.json", { "scenario": "b.json", "out": "b", "command": "hydrants", "options": { "land": false } } ] }
 *
 * Every path is relative to the manifest's folder. Each problem is an InputError naming the manifest,
 * the line and the entry (`scenarios[2].out`), never echoing the file's text beyond the field's name.
 */

/** The commands a batch can run: each takes `<scenario.json> --out DIR` and writes one output set. */
export const BATCH_COMMANDS = ['analyze', 'hydrants', 'report'] as const;
export type BatchCommand = (typeof BATCH_COMMANDS)[number];

/** Options the batch itself sets for every run; a manifest may not give them. */
const MANAGED = new Set(['out', 'help', 'lang', 'json', 'quiet', 'progress', 'version']);
export const TOP_KEYS = new Set(['$schema', 'out', 'command', 'options', 'scenarios']);
export const ENTRY_KEYS = new Set(['scenario', 'out', 'command', 'options']);
/**
 * A folder name: no separators and no dot (so `..`, hidden folders, and names whose staging folders
 * could be taken for another's, `a` and `a.1`, are impossible), at most 120 characters.
 */
const FOLDER_NAME = /^[^/\\\0.]{1,120}$/u;

/** One scenario of the manifest, resolved. */
export interface BatchEntry {
  /** The output folder's name: unique in the manifest; the id that shards are assigned by. */
  id: string;
  /** Position in the manifest's `scenarios` array (0-based), for messages. */
  index: number;
  /** The scenario path as the manifest gives it. */
  scenarioGiven: string;
  /** Absolute scenario path. */
  scenario: string;
  command: BatchCommand;
  /** The command's options as command-line arguments, in a fixed order (sorted by option name). */
  args: string[];
}

export interface BatchManifest {
  /** Absolute path of the manifest file. */
  file: string;
  /** The output base folder the manifest names (absolute), if it names one. */
  out: string | undefined;
  entries: BatchEntry[];
}

type Loc = { line?: number; feature: string };

/** A manifest problem at `path` (a JSON path like ['scenarios', 2, 'out']), located by line. */
function problem(file: string, tree: JsonNode | undefined, text: string, path: (string | number)[], en: string, zh: string): InputError {
  const loc: Loc = { feature: plain(path) };
  const node = tree ? (findNodeAtLocation(tree, path) ?? findNodeAtLocation(tree, path.slice(0, -1))) : undefined;
  // A key's line when the node is a property value, else the value's own.
  const at = node ? (node.parent?.type === 'property' ? node.parent.offset : node.offset) : undefined;
  if (at !== undefined) loc.line = text.slice(0, at).split('\n').length;
  return new InputError({ file, ...loc }, en, zh);
}

function plain(path: (string | number)[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The default output folder name of a scenario path: the file name without `.json` (`.` → `_`);
 * `scenario.json` takes its folder's name.
 */
export function defaultFolderName(scenarioPath: string): string {
  const stem = basename(scenarioPath, extname(scenarioPath));
  if (stem.toLowerCase() === 'scenario') {
    const parent = basename(dirname(resolve('/', scenarioPath)));
    if (parent !== '') return parent.replace(/\./g, '_');
  }
  return stem.replace(/\./g, '_');
}

/** The options a batch entry may give for `command`: commander's own definitions, so they cannot drift. */
function commandOptions(program: Command, command: BatchCommand): Map<string, Option> {
  const cmd = program.commands.find((c) => c.name() === command);
  const out = new Map<string, Option>();
  for (const o of cmd?.options ?? []) {
    const name = o.attributeName();
    if (!MANAGED.has(name)) out.set(name, o);
  }
  return out;
}

/**
 * Command-line arguments for one entry's options, validated against the command's own option
 * definitions (type, choices, the option's parser), so a mistake is found before anything runs.
 */
function optionArgs(
  options: Record<string, unknown>,
  command: BatchCommand,
  program: Command,
  fail: (path: (string | number)[], en: string, zh: string) => InputError,
  where: (key: string) => (string | number)[],
): string[] {
  const known = commandOptions(program, command);
  const args: string[] = [];
  for (const key of Object.keys(options).sort()) {
    const value = options[key];
    const opt = known.get(key);
    if (!opt) {
      const list = [...known.keys()].join(', ');
      throw fail(where(key), `"${key}" is not an option of ${command} (options: ${list})`, `"${key}" 不是 ${command} 的选项（可用：${list}）`);
    }
    const flag = (opt.long ?? '').replace(/^--(no-)?/, '--');
    if (opt.negate || opt.isBoolean()) {
      if (typeof value !== 'boolean') throw fail(where(key), 'must be true or false', '须为 true 或 false');
      // `--no-water`: false turns it off; a plain flag (`--site`): true turns it on. The other value is the default.
      if (opt.negate && !value) args.push(opt.long as string);
      else if (!opt.negate && value) args.push(flag);
      continue;
    }
    if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw fail(where(key), 'must be a string or a number', '须为字符串或数字');
    }
    const text = String(value);
    if (opt.argChoices && !opt.argChoices.includes(text)) {
      throw fail(where(key), `must be one of ${opt.argChoices.join(', ')}`, `须为 ${opt.argChoices.join('、')} 之一`);
    }
    if (opt.parseArg) {
      try {
        opt.parseArg(text, undefined);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw fail(where(key), `invalid value: ${msg}`, `值无效：${msg}`);
      }
    }
    args.push(flag, text);
  }
  return args;
}

/**
 * Reads and checks a batch manifest. `program` is the firecover program (its subcommands' option
 * definitions check each entry's options).
 */
export async function readBatchManifest(path: string, program: Command): Promise<BatchManifest> {
  const core = await import('@firecover/core');
  const file = resolvePath(path);
  const text = await readInputText(path);
  const json = core.parseJsonText(text, path, 'not valid JSON', '不是有效的 JSON');
  const tree = parseTree(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
  const fail = (p: (string | number)[], en: string, zh: string) => problem(path, tree, text, p, en, zh);
  if (!isObject(json) || !('scenarios' in json)) {
    throw new InputError({ file: path }, 'not a firecover batch manifest: a JSON object with "scenarios" is expected', '不是 firecover 批处理清单：应为含 "scenarios" 的 JSON 对象');
  }
  for (const k of Object.keys(json)) {
    if (!TOP_KEYS.has(k)) throw fail([k], `unknown field (fields: ${[...TOP_KEYS].join(', ')})`, `未知字段（可用字段：${[...TOP_KEYS].join('、')}）`);
  }
  const base = dirname(file);
  let out: string | undefined;
  if (json.out !== undefined) {
    if (typeof json.out !== 'string' || json.out === '') throw fail(['out'], 'must be a folder path (text)', '须为目录路径（字符串）');
    out = resolve(base, json.out);
  }
  const defaultCommand = commandOf(json.command, ['command'], fail) ?? 'analyze';
  const defaultOptions = json.options === undefined ? {} : json.options;
  if (!isObject(defaultOptions)) throw fail(['options'], 'must be an object of option names and values', '须为"选项名: 值"形式的对象');
  if (!Array.isArray(json.scenarios)) throw fail(['scenarios'], 'must be an array of scenario paths or entries', '须为场景路径或条目的数组');
  if (json.scenarios.length === 0) throw fail(['scenarios'], 'lists no scenario', '未列出任何场景');

  const entries: BatchEntry[] = [];
  const byId = new Map<string, number>();
  json.scenarios.forEach((raw: unknown, index: number) => {
    const at = (...rest: (string | number)[]) => ['scenarios', index, ...rest];
    const entry = typeof raw === 'string' ? { scenario: raw } : raw;
    if (!isObject(entry)) throw fail(at(), 'must be a scenario path or an object with "scenario"', '须为场景路径，或含 "scenario" 的对象');
    for (const k of Object.keys(entry)) {
      if (!ENTRY_KEYS.has(k)) throw fail(at(k), `unknown field (fields: ${[...ENTRY_KEYS].join(', ')})`, `未知字段（可用字段：${[...ENTRY_KEYS].join('、')}）`);
    }
    const scenarioGiven = entry.scenario;
    if (typeof scenarioGiven !== 'string' || scenarioGiven.trim() === '') throw fail(typeof raw === 'string' ? at() : at('scenario'), 'a scenario file path is required', '须给出场景文件路径');
    const id = entry.out === undefined ? defaultFolderName(scenarioGiven) : entry.out;
    if (typeof id !== 'string' || !FOLDER_NAME.test(id) || id.trim() !== id) {
      throw fail(entry.out === undefined ? at() : at('out'), 'the output folder must be a plain folder name (no "/", no "."); give "out"', '输出目录须为单个目录名（不含 "/" 和 "."）；请给出 "out"');
    }
    if (/^batch_summary/i.test(id)) throw fail(at(), `"${id}" is kept for the batch summary; give another "out"`, `"${id}" 为批处理汇总保留；请给出其他 "out"`);
    const key = id.toLowerCase();
    const first = byId.get(key);
    if (first !== undefined) {
      throw fail(entry.out === undefined ? at() : at('out'), `output folder "${id}" is already used by scenarios[${first}]; give each scenario its own "out"`, `输出目录 "${id}" 已被 scenarios[${first}] 使用；请为每个场景给出各自的 "out"`);
    }
    byId.set(key, index);
    const command = commandOf(entry.command, at('command'), fail) ?? defaultCommand;
    const own = entry.options === undefined ? {} : entry.options;
    if (!isObject(own)) throw fail(at('options'), 'must be an object of option names and values', '须为"选项名: 值"形式的对象');
    // The manifest's options apply to every entry of the same command; an entry's own options win.
    const merged = { ...(command === defaultCommand ? defaultOptions : {}), ...own };
    const args = optionArgs(merged, command, program, fail, (k) => (k in own ? at('options', k) : ['options', k]));
    const scenario = isAbsolute(scenarioGiven) ? scenarioGiven : resolve(base, scenarioGiven);
    entries.push({ id, index, scenarioGiven, scenario, command, args });
  });
  return { file, out, entries };
}

function commandOf(value: unknown, path: (string | number)[], fail: (p: (string | number)[], en: string, zh: string) => InputError): BatchCommand | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(BATCH_COMMANDS as readonly string[]).includes(value)) {
    throw fail(path, `must be one of ${BATCH_COMMANDS.join(', ')}`, `须为 ${BATCH_COMMANDS.join('、')} 之一`);
  }
  return value as BatchCommand;
}

/** A path for messages and the summary: relative to `from` when it lies below it, else absolute. */
export function shownPath(path: string, from: string): string {
  const rel = relative(from, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
