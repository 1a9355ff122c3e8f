import { InputError } from '../input_error';
import { strictUtf8Decoder } from '../web_globals';
import { chunksOf, type ByteChunks } from './byte_chunks';
import { jsonErrorOffset } from './json_text';

/**
 * A GeoJSON document read from its bytes as they arrive, feature by feature: the file is never one
 * string, so a FeatureCollection far over V8's 512 MiB string limit is read with memory for one
 * feature at a time. A byte-level scanner follows the top-level object (strings, escapes and
 * brackets; a chunk may end anywhere, inside a multi-byte character or an escape); each element of
 * `features` and each other top-level member is cut out whole, decoded as strict UTF-8 and parsed
 * with `JSON.parse`, so values are exactly what parsing the whole text gives.
 *
 * Mistakes are InputErrors naming the file, the line (and column) and, inside `features`, the feature
 * index — also for a file that ends early — and never quoting the file's bytes.
 */

/** Largest single feature or member read by default: 256 MiB (one value is one string to `JSON.parse`). */
export const GEOJSON_MAX_VALUE_BYTES = 256 * 1024 * 1024;

/** How `streamGeoJsonFeatures` reads. */
export interface GeoJsonStreamOptions {
  /** Largest single feature (or other top-level member) in bytes; default `GEOJSON_MAX_VALUE_BYTES`. */
  maxValueBytes?: number;
  /** Start of syntax messages ("invalid JSON"), and in Chinese. */
  label?: string;
  labelZh?: string;
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytesRead: number) => void;
}

/** The top-level members other than `features`, and what `features` held. */
export interface GeoJsonStreamResult {
  /** Every top-level member except `features` (type, crs, name, bbox …), parsed. */
  members: Record<string, unknown>;
  /** Whether `features` was present and an array (its elements went to `onFeature`). */
  hasFeatures: boolean;
  featureCount: number;
  bytesRead: number;
}

const TOP = 0;
const KEY_OR_END = 1;
const KEY = 2;
const COLON = 3;
const VALUE = 4;
const AFTER_VALUE = 5;
const ELEM_OR_END = 6;
const ELEM = 7;
const AFTER_ELEM = 8;
const DONE = 9;

const CAP_KEY = 0;
const CAP_MEMBER = 1;
const CAP_ELEM = 2;

const BOM = [0xef, 0xbb, 0xbf];

const isWs = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Reads a GeoJSON object from `source`, calling `onFeature(feature, index)` for each element of its
 * `features` array in order (nothing of a feature is kept once the callback returns). A top level
 * that is not an object is "not a GeoJSON FeatureCollection".
 */
export async function streamGeoJsonFeatures(
  source: ByteChunks,
  file: string,
  onFeature: (feature: unknown, index: number) => void,
  options: GeoJsonStreamOptions = {},
): Promise<GeoJsonStreamResult> {
  const maxValue = options.maxValueBytes ?? GEOJSON_MAX_VALUE_BYTES;
  const label = options.label ?? 'invalid JSON';
  const labelZh = options.labelZh ?? 'JSON 格式错误';
  const decoder = strictUtf8Decoder();
  const members: Record<string, unknown> = {};
  let hasFeatures = false;
  let count = 0;

  let mode = TOP;
  let key = '';
  let base = 0; // absolute offset of the current chunk
  let line = 1;
  let lineStart = 0; // absolute offset of the current line's first byte
  let bomAt = 0;

  // the value being cut out
  let cap = false;
  let capKind = CAP_KEY;
  let capScalar = false;
  let depth = 0;
  let inStr = false;
  let esc = false;
  let pieces: Uint8Array[] = [];
  let capBytes = 0;
  let capLine = 0;
  let capCol = 0;

  const inFeatures = (): boolean => mode === ELEM_OR_END || mode === ELEM || mode === AFTER_ELEM || (cap && capKind === CAP_ELEM);
  const place = (l: number) => (inFeatures() ? { file, line: l, feature: `feature ${count}` } : { file, line: l });
  const syntax = (at: number): InputError => {
    const col = at - lineStart + 1;
    return new InputError(place(line), `${label}: unexpected character at line ${line}, column ${col}`, `${labelZh}：第 ${line} 行第 ${col} 列意外的字符`);
  };
  const notCollection = (): InputError =>
    new InputError({ file }, 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})', '不是 GeoJSON FeatureCollection（应为 {"type": "FeatureCollection", "features": [...]}）');
  const tooLarge = (): InputError => {
    const mib = maxValue >= 1024 * 1024 ? `${(maxValue / 1024 / 1024).toFixed(0)} MiB` : `${maxValue} bytes`;
    const what = capKind === CAP_ELEM ? `feature ${count}` : `the member "${key}"`;
    const whatZh = capKind === CAP_ELEM ? `要素 ${count}` : `成员“${key}”`;
    return new InputError(place(capLine), `${what} alone is larger than ${mib}: one value is parsed as one string, so it cannot be read (split the feature)`, `${whatZh}本身超过 ${mib}：单个值须作为一个字符串解析，无法读取（请拆分该要素）`);
  };

  const startCapture = (kind: number, b: number, at: number): void => {
    cap = true;
    capKind = kind;
    capScalar = b !== 0x22 && b !== 0x7b && b !== 0x5b;
    depth = 0;
    inStr = false;
    esc = false;
    pieces = [];
    capBytes = 0;
    capLine = line;
    capCol = at - lineStart + 1;
  };

  const finishCapture = (bytes: Uint8Array): void => {
    cap = false;
    pieces = [];
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new InputError(place(capLine), 'not UTF-8 text (GeoJSON is UTF-8: save the file as UTF-8)', '不是 UTF-8 文本（GeoJSON 须为 UTF-8：请另存为 UTF-8 编码）');
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(msg);
      const at = Math.min(text.length, pos ? Number(pos[1]) : (jsonErrorOffset(text) ?? 0));
      const before = text.slice(0, at);
      const nl = before.split('\n').length - 1;
      const l = capLine + nl;
      const col = nl > 0 ? at - before.lastIndexOf('\n') : capCol + at;
      throw new InputError(place(l), `${label}: unexpected character at line ${l}, column ${col}`, `${labelZh}：第 ${l} 行第 ${col} 列意外的字符`);
    }
    if (capKind === CAP_KEY) {
      key = value as string;
      mode = COLON;
    } else if (capKind === CAP_MEMBER) {
      members[key] = value;
      mode = AFTER_VALUE;
    } else {
      const index = count;
      onFeature(value, index);
      count = index + 1;
      mode = AFTER_ELEM;
    }
  };

  for await (const chunk of chunksOf(source)) {
    const n = chunk.length;
    let i = 0;
    let segStart = 0;
    while (i < n) {
      if (cap) {
        let end = -1;
        if (capScalar) {
          while (i < n) {
            const b = chunk[i];
            if (b === 0x2c || b === 0x7d || b === 0x5d || isWs(b)) {
              end = i;
              break;
            }
            i++;
          }
        } else {
          while (i < n) {
            const b = chunk[i];
            if (inStr) {
              if (esc) esc = false;
              else if (b === 0x5c) esc = true;
              else if (b === 0x22) {
                inStr = false;
                if (depth === 0) {
                  end = ++i;
                  break;
                }
              } else if (b === 0x0a) {
                line++;
                lineStart = base + i + 1;
              }
            } else if (b === 0x22) inStr = true;
            else if (b === 0x7b || b === 0x5b) depth++;
            else if (b === 0x7d || b === 0x5d) {
              if (--depth <= 0) {
                end = ++i;
                break;
              }
            } else if (b === 0x0a) {
              line++;
              lineStart = base + i + 1;
            }
            i++;
          }
        }
        if (end < 0) {
          // the value goes on in the next chunk
          capBytes += n - segStart;
          if (capBytes > maxValue) throw tooLarge();
          pieces.push(chunk.slice(segStart, n));
          break;
        }
        capBytes += end - segStart;
        if (capBytes > maxValue) throw tooLarge();
        let bytes: Uint8Array;
        if (pieces.length === 0) bytes = chunk.subarray(segStart, end);
        else {
          bytes = new Uint8Array(capBytes);
          let at = 0;
          for (const p of pieces) {
            bytes.set(p, at);
            at += p.length;
          }
          bytes.set(chunk.subarray(segStart, end), at);
        }
        finishCapture(bytes);
        continue;
      }
      const b = chunk[i];
      if (mode === TOP && bomAt < 3 && base + i === bomAt && b === BOM[bomAt]) {
        bomAt++;
        i++;
        continue;
      }
      if (isWs(b)) {
        if (b === 0x0a) {
          line++;
          lineStart = base + i + 1;
        }
        i++;
        continue;
      }
      const at = base + i;
      switch (mode) {
        case TOP:
          if (b === 0x7b) mode = KEY_OR_END;
          else if (b === 0x5b || b === 0x22 || b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e) throw notCollection();
          else throw syntax(at);
          i++;
          break;
        case KEY_OR_END:
        case KEY:
          if (b === 0x7d && mode === KEY_OR_END) {
            mode = DONE;
            i++;
          } else if (b === 0x22) {
            startCapture(CAP_KEY, b, at);
            segStart = i;
          } else throw syntax(at);
          break;
        case COLON:
          if (b !== 0x3a) throw syntax(at);
          mode = VALUE;
          i++;
          break;
        case VALUE:
          if (b === 0x2c || b === 0x7d || b === 0x5d || b === 0x3a) throw syntax(at);
          if (key === 'features' && b === 0x5b) {
            if (hasFeatures) throw new InputError({ file, line }, '"features" appears twice in the FeatureCollection', 'FeatureCollection 中 "features" 出现了两次');
            hasFeatures = true;
            delete members.features;
            mode = ELEM_OR_END;
            i++;
          } else {
            startCapture(CAP_MEMBER, b, at);
            segStart = i;
          }
          break;
        case AFTER_VALUE:
          if (b === 0x2c) mode = KEY;
          else if (b === 0x7d) mode = DONE;
          else throw syntax(at);
          i++;
          break;
        case ELEM_OR_END:
        case ELEM:
          if (b === 0x5d && mode === ELEM_OR_END) {
            mode = AFTER_VALUE;
            i++;
          } else if (b === 0x2c || b === 0x5d || b === 0x7d || b === 0x3a) throw syntax(at);
          else {
            startCapture(CAP_ELEM, b, at);
            segStart = i;
          }
          break;
        case AFTER_ELEM:
          if (b === 0x2c) mode = ELEM;
          else if (b === 0x5d) mode = AFTER_VALUE;
          else throw syntax(at);
          i++;
          break;
        default:
          throw syntax(at);
      }
    }
    base += n;
    options.onBytes?.(base);
  }
  if (mode !== DONE) {
    const col = base - lineStart + 1;
    const inside = inFeatures() ? ` (inside feature ${count}: the file may be cut short)` : '';
    const insideZh = inFeatures() ? `（在要素 ${count} 内：文件可能不完整）` : '';
    throw new InputError(place(line), `${label}: the text ends too early at line ${line}, column ${col}${inside}`, `${labelZh}：第 ${line} 行第 ${col} 列文本提前结束${insideZh}`);
  }
  return { members, hasFeatures, featureCount: count, bytesRead: base };
}

/**
 * A whole GeoJSON document read from a stream (features parsed one at a time, so the file is never
 * one string; the features are kept, as a layer needs them): `{...members, features}`.
 */
export async function readGeoJsonDocument(source: ByteChunks, file: string, options: GeoJsonStreamOptions = {}): Promise<unknown> {
  const features: unknown[] = [];
  const r = await streamGeoJsonFeatures(source, file, (f) => features.push(f), options);
  return r.hasFeatures ? { ...r.members, features } : r.members;
}
