/**
 * User-facing text in English and Simplified Chinese.
 *
 * Each module keeps its own message table, made with `defineMessages({ en: {...}, zh: {...} })`: the
 * Chinese table must have exactly the keys of the English one (the type checker says so). A command
 * gets a translator for its table with `translator(table, lang)` and calls `t('key', { name: value })`;
 * `{name}` placeholders are filled in, unknown ones are left visible so a missing parameter shows.
 */

export type Lang = 'en' | 'zh';

export type MessageTable<K extends string = string> = { en: Record<K, string>; zh: Record<K, string> };

export type Params = Readonly<Record<string, string | number>>;

export type Translate<K extends string = string> = (key: K, params?: Params) => string;

/** Declares a message table; the `zh` half must cover every key of the `en` half. */
export function defineMessages<K extends string>(table: { en: Record<K, string>; zh: NoInfer<Record<K, string>> }): MessageTable<K> {
  return table;
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator<K extends string>(table: MessageTable<K>, lang: Lang): Translate<K> {
  const strings = table[lang];
  return (key, params) => format(strings[key] ?? table.en[key] ?? key, params);
}

/**
 * The language to speak: `--lang en|zh` (or `--lang=…`) anywhere in argv wins, then FIRECOVER_LANG,
 * then LANG / LC_ALL / LC_MESSAGES starting with "zh"; English otherwise. Read before commander parses,
 * because help texts are built in the chosen language. An invalid `--lang` value is left for commander
 * to reject (it validates the choices).
 */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    let v: string | undefined;
    if (a === '--lang') v = argv[i + 1];
    else if (a.startsWith('--lang=')) v = a.slice('--lang='.length);
    if (v === 'en' || v === 'zh') return v;
  }
  const explicit = env.FIRECOVER_LANG?.toLowerCase();
  if (explicit) return explicit.startsWith('zh') ? 'zh' : 'en';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Number formatting shared by all commands: fixed decimals, no grouping (machine-friendly, locale-free). */
export function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}
