import { InputError } from '../input_error';
import { strictUtf8Decoder, utf8Bytes } from '../web_globals';

/**
 * A CSV reader over bytes (RFC 4180: comma-separated, `"` quotes with `""` inside, LF or CRLF), built
 * for tables of millions of rows: one record at a time, fields kept as byte offsets, numbers parsed
 * straight from the bytes — no string and no array per row unless a text field is asked for.
 *
 * Fields are trimmed of spaces and tabs; a leading UTF-8 byte-order mark is skipped; blank lines are
 * skipped. Line numbers are 1-based and count the newlines inside quoted fields, so errors name the
 * line a text editor shows.
 */
export class CsvReader {
  private readonly bytes: Uint8Array;
  private pos = 0;
  private nextLine = 1;
  /** Line where the current record starts. */
  line = 0;
  /** Fields of the current record. */
  fieldCount = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** Bit per field: quoted with `""` escapes inside (needs unescaping when read as text). */
  private escaped = new Uint8Array(64);
  private readonly decoder = strictUtf8Decoder();

  /**
   * @param delimiter the field separator's byte: `,` by default; `;` or TAB for tables saved by a
   *   spreadsheet in a locale that uses them (see `guessDelimiter`).
   */
  constructor(
    data: Uint8Array | string,
    private readonly file: string,
    private readonly delimiter = 0x2c,
  ) {
    this.bytes = typeof data === 'string' ? utf8Bytes(data) : data;
    if (this.bytes[0] === 0xef && this.bytes[1] === 0xbb && this.bytes[2] === 0xbf) this.pos = 3;
  }

  /** Advances to the next non-blank record; false at the end of the input. */
  next(): boolean {
    const b = this.bytes;
    const n = b.length;
    const sep = this.delimiter;
    for (;;) {
      if (this.pos >= n) return false;
      this.line = this.nextLine;
      this.fieldCount = 0;
      let blank = true;
      let p = this.pos;
      for (;;) {
        // One field: skip leading blanks, then quoted or plain.
        while (p < n && (b[p] === 0x20 || (b[p] === 0x09 && sep !== 0x09))) p++;
        let start: number;
        let end: number;
        let esc = 0;
        if (p < n && b[p] === 0x22) {
          blank = false;
          start = ++p;
          for (;;) {
            if (p >= n) throw new InputError({ file: this.file, line: this.line }, 'CSV syntax: a quoted field is not closed', 'CSV 语法错误：引号字段没有闭合');
            const c = b[p];
            if (c === 0x22) {
              if (b[p + 1] === 0x22) {
                esc = 1;
                p += 2;
                continue;
              }
              break;
            }
            if (c === 0x0a) this.nextLine++;
            p++;
          }
          end = p++;
          while (p < n && (b[p] === 0x20 || (b[p] === 0x09 && sep !== 0x09))) p++;
          if (p < n && b[p] !== sep && b[p] !== 0x0a && b[p] !== 0x0d) {
            throw new InputError({ file: this.file, line: this.line }, 'CSV syntax: text after the closing quote of a field', 'CSV 语法错误：字段的结束引号后还有文字');
          }
        } else {
          start = p;
          while (p < n && b[p] !== sep && b[p] !== 0x0a && b[p] !== 0x0d) p++;
          end = p;
          while (end > start && (b[end - 1] === 0x20 || (b[end - 1] === 0x09 && sep !== 0x09))) end--;
          if (end > start) blank = false;
        }
        this.push(start, end, esc);
        if (p < n && b[p] === sep) {
          blank = false;
          p++;
          continue;
        }
        // End of record: CRLF, LF, lone CR, or the end of the input.
        if (p < n && b[p] === 0x0d) p++;
        if (p < n && b[p] === 0x0a) p++;
        this.nextLine++;
        break;
      }
      this.pos = p;
      if (!blank) return true;
    }
  }

  private push(start: number, end: number, esc: number): void {
    const i = this.fieldCount++;
    if (i === this.starts.length) {
      this.starts = doubled(this.starts, (k) => new Int32Array(k));
      this.ends = doubled(this.ends, (k) => new Int32Array(k));
      this.escaped = doubled(this.escaped, (k) => new Uint8Array(k));
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.escaped[i] = esc;
  }

  /** Whether field i is missing or empty. */
  isEmpty(i: number): boolean {
    return i >= this.fieldCount || this.ends[i] === this.starts[i];
  }

  /** Field i as text ('' when the record is shorter). Invalid UTF-8 is an InputError naming the line. */
  text(i: number): string {
    if (i >= this.fieldCount) return '';
    const s = this.starts[i];
    const e = this.ends[i];
    if (e === s) return '';
    // ASCII fast path: most fields (ids, numbers, OSM classes) are plain ASCII.
    let ascii = true;
    for (let k = s; k < e; k++) {
      if (this.bytes[k] >= 0x80) {
        ascii = false;
        break;
      }
    }
    let t: string;
    if (ascii && e - s < 64) {
      t = '';
      for (let k = s; k < e; k++) t += String.fromCharCode(this.bytes[k]);
    } else {
      try {
        t = this.decoder.decode(this.bytes.subarray(s, e));
      } catch {
        throw new InputError({ file: this.file, line: this.line }, 'not UTF-8 text (save the file as UTF-8)', '不是 UTF-8 文本（请将文件另存为 UTF-8 编码）');
      }
    }
    return this.escaped[i] ? t.replace(/""/g, '"') : t;
  }

  /**
   * Field i as a number, exactly as `Number(text)` would give it; NaN for an empty or non-numeric field.
   * Plain decimals of up to 15 significant digits are read from the bytes: the integer mantissa and
   * 10^k are then exact doubles, so one correctly rounded division gives Number()'s result; anything
   * else (exponents, hex, Infinity, long mantissas) falls back to Number().
   */
  number(i: number): number {
    if (i >= this.fieldCount) return NaN;
    const b = this.bytes;
    let p = this.starts[i];
    const e = this.ends[i];
    if (p === e) return NaN;
    let neg = false;
    if (b[p] === 0x2d || b[p] === 0x2b) {
      neg = b[p] === 0x2d;
      p++;
    }
    let mant = 0;
    let digits = 0;
    let frac = 0;
    let sawDot = false;
    let any = false;
    for (; p < e; p++) {
      const c = b[p];
      if (c >= 0x30 && c <= 0x39) {
        any = true;
        if (digits > 0 || c !== 0x30) digits++;
        mant = mant * 10 + (c - 0x30);
        if (sawDot) frac++;
      } else if (c === 0x2e && !sawDot) sawDot = true;
      else return this.slowNumber(i);
    }
    if (!any || digits > 15 || frac > 22) return this.slowNumber(i);
    const v = frac === 0 ? mant : mant / POW10[frac];
    return neg ? -v : v;
  }

  private slowNumber(i: number): number {
    const t = this.text(i);
    // Number('') is 0 and Number(' ') is 0: only real numerals count.
    return t === '' ? NaN : Number(t);
  }
}

/**
 * The separator of a delimited text, from its first non-blank line: whichever of `,` `;` TAB occurs
 * most often outside quotes (a comma on a tie or when none occurs), as spreadsheets save them.
 */
export function guessDelimiter(data: Uint8Array | string): number {
  const b = typeof data === 'string' ? utf8Bytes(data.slice(0, 65536)) : data;
  const counts = new Map<number, number>([[0x2c, 0], [0x3b, 0], [0x09, 0]]);
  let quoted = false;
  let seen = false;
  for (let i = 0; i < b.length && i < 65536; i++) {
    const c = b[i];
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && (c === 0x0a || c === 0x0d)) {
      if (seen) break;
    } else if (!quoted && counts.has(c)) {
      counts.set(c, counts.get(c)! + 1);
      seen = true;
    } else if (c !== 0x20) seen = true;
  }
  let best = 0x2c;
  for (const [c, k] of counts) if (k > counts.get(best)!) best = c;
  return best;
}

/** A typed array twice as long holding `a`'s values (the growth step of the readers' buffers). */
export function doubled<T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const bigger = make(a.length * 2);
  bigger.set(a);
  return bigger;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Integer ids (up to ±2^53) → dense indices 0, 1, 2, … in the order first added: an open-addressing
 * hash over typed arrays, about 24 bytes an id, where a `Map` takes about 80.
 */
export class IdIndex {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2 && cap < 1 << 30) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  private slot(id: number): number {
    // Mix the low and high 32 bits (ids of OSM nodes exceed 2^32).
    const lo = id | 0;
    const hi = (id / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
    h ^= h >>> 15;
    let s = h & this.mask;
    while (this.vals[s] !== -1 && this.keys[s] !== id) s = (s + 1) & this.mask;
    return s;
  }

  /** The index of `id`, or -1. */
  get(id: number): number {
    return this.vals[this.slot(id)];
  }

  /** Adds `id` with the next index and returns it; -1 when it was already there. */
  add(id: number): number {
    let s = this.slot(id);
    if (this.vals[s] !== -1) return -1;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      s = this.slot(id);
    }
    this.keys[s] = id;
    this.vals[s] = this.size;
    return this.size++;
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let s = 0; s < keys.length; s++) {
      if (vals[s] === -1) continue;
      const t = this.slot(keys[s]);
      this.keys[t] = keys[s];
      this.vals[t] = vals[s];
    }
  }
}
