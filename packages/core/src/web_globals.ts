/**
 * The Web APIs the library uses that Node and browser workers both provide (`TextDecoder`,
 * `TextEncoder`, `performance.now()`), typed here so that the library's type check sees neither the DOM nor Node's
 * globals (packages/core/tsconfig.json has `types: []` and no DOM lib).
 */
interface WebGlobals {
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { readonly encoding: string; decode(input?: Uint8Array): string };
  TextEncoder: new () => { encode(input?: string): Uint8Array };
  performance: { now(): number };
}

const web = globalThis as unknown as WebGlobals;

/** UTF-8 text of some bytes (a byte-order mark is kept; callers drop it where a format allows one). */
export function utf8Text(bytes: Uint8Array): string {
  return new web.TextDecoder('utf-8').decode(bytes);
}

/**
 * A strict UTF-8 decoder: `decode` throws a TypeError on invalid bytes (callers turn that into an
 * InputError naming the file and line). Keep one per reader; it holds no state between calls.
 */
export function strictUtf8Decoder(): { decode(input?: Uint8Array): string } {
  return new web.TextDecoder('utf-8', { fatal: true });
}

/**
 * A decoder for any WHATWG encoding label (`gbk`, `gb18030`, `utf-8`, …); throws a RangeError for an
 * unknown label, and with `fatal` a TypeError on bytes invalid in that encoding.
 */
export function textDecoder(label: string, options?: { fatal?: boolean }): { readonly encoding: string; decode(input?: Uint8Array): string } {
  return new web.TextDecoder(label, options);
}

/** The UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return new web.TextEncoder().encode(text);
}

/** A monotonic clock in milliseconds, for stage timings. */
export function nowMs(): number {
  return web.performance.now();
}
