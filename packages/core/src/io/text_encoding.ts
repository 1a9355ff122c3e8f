import { InputError } from '../input_error';
import { textDecoder } from '../web_globals';
/**
 * Text encodings of the files Chinese offices produce: UTF-8 (with or without a byte-order mark) and
 * the legacy Chinese code page GBK / GB18030 (what Excel on Chinese Windows saves as "CSV", what most
 * Shapefile DBFs from Chinese GIS hold). Decoding uses the platform's `TextDecoder` (WHATWG encodings:
 * Node with full ICU and every browser), so core needs no Node module.
 */

/** How an encoding was chosen, for the import report. */
export type EncodingSource = 'bom' | 'declared' | 'cpg' | 'detected';

/** Decoded text with its encoding and how it was decided (byte-order mark, declared, `.cpg`, detected). */
export interface DecodedText {
  text: string;
  /** WHATWG label used: "utf-8", "gb18030", or what was declared. */
  encoding: string;
  source: EncodingSource;
}

/**
 * The encoding label for a declared name: "GBK", "GB2312", "CP936", "936", "ANSI 936" → "gb18030" (a
 * superset of both); "UTF8" / "utf-8" → "utf-8"; other WHATWG labels as given; undefined when unknown.
 */
export function encodingLabel(name: string): string | undefined {
  const n = name.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (n === '') return undefined;
  if (/^(gbk|gb2312|gb_2312(-80)?|gb18030|cp936|936|windows-936|x-gbk|chinese|euc-cn)$/.test(n)) return 'gb18030';
  if (/^(utf-?8|65001|cp65001)$/.test(n)) return 'utf-8';
  try {
    return textDecoder(n).encoding;
  } catch {
    return undefined;
  }
}

/** True when `bytes` are well-formed UTF-8 (pure ASCII included). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    textDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The most bytes decoded as one text: what a JavaScript string holds in V8 (2²⁹ − 24 characters, about 512 MiB). */
export const MAX_TEXT_BYTES = 0x1fffffe8;

/**
 * Decodes text: a UTF-8 byte-order mark → UTF-8; else well-formed UTF-8 → UTF-8 (legacy Chinese text
 * with any non-ASCII character is practically never valid UTF-8); else `fallback` (a declared legacy
 * encoding, default GB18030). Text over `MAX_TEXT_BYTES` is an InputError naming `file` and that
 * limit (not a wrong "not UTF-8": the engine cannot make the string at all).
 */
export function decodeTextAuto(bytes: Uint8Array, fallback?: string, file = 'input'): DecodedText {
  if (bytes.length > MAX_TEXT_BYTES) {
    const mib = (bytes.length / 1024 / 1024).toFixed(0);
    throw new InputError(
      { file },
      `${mib} MiB of text: more than one JavaScript string holds (512 MiB), and this format is read as one text; split the file (a GeoJSON in UTF-8 is read as a stream, at any size)`,
      `文本 ${mib} MiB：超过一个 JavaScript 字符串的上限（512 MiB），而此格式须作为整体文本读取；请拆分文件（UTF-8 编码的 GeoJSON 可按流读取，不受大小限制）`,
    );
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: textDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', source: 'bom' };
  }
  if (isUtf8(bytes)) return { text: textDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'detected' };
  const label = (fallback && encodingLabel(fallback)) || 'gb18030';
  return { text: textDecoder(label).decode(bytes), encoding: label, source: fallback ? 'declared' : 'detected' };
}
