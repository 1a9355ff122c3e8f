import { InputError } from '../input_error';

/**
 * Parses JSON text (a leading byte-order mark is dropped). Invalid JSON is an InputError naming the
 * file, the line and the column, and what kind of mistake it is, but never the text itself: the
 * engine's own message quotes the bytes around the mistake ("Unexpected token 'S', "SECRET…" is not
 * valid JSON"), and a path given by mistake (a private file) must not be printed to the terminal.
 * `label` starts the message ("invalid JSON", "not valid JSON").
 */
export function parseJsonText(text: string, file: string, label = 'invalid JSON', labelZh = 'JSON 格式错误'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? Number(pos[1]) : jsonErrorOffset(body);
    const ends = /end of JSON input/i.test(msg) || (at !== undefined && at >= body.length);
    const [what, whatZh] = ends ? ['the text ends too early', '文本提前结束'] : ['unexpected character', '意外的字符'];
    if (at === undefined) throw new InputError({ file }, `${label}: ${what}`, `${labelZh}：${whatZh}`);
    const before = body.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new InputError({ file, line }, `${label}: ${what} at line ${line}, column ${column}`, `${labelZh}：第 ${line} 行第 ${column} 列${whatZh}`);
  }
}

/**
 * Offset of the first JSON syntax error (for engines whose message gives no position), or undefined.
 * A small recursive-descent scanner; only runs after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  class Fail {
    constructor(readonly at: number) {}
  }
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Fail(i);
        string();
        ws();
        if (text[i] !== ':') throw new Fail(i);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else throw new Fail(i);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else throw new Fail(i);
      }
    } else if (c === '"') string();
    else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) throw new Fail(i);
      i += m[0].length;
    }
  };
  const string = (): void => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) throw new Fail(i);
      i++;
    }
    if (i >= n) throw new Fail(n);
    i++;
  };
  try {
    value();
    ws();
    return i < n ? i : undefined;
  } catch (e) {
    if (e instanceof Fail) return Math.min(e.at, n);
    return undefined;
  }
}

