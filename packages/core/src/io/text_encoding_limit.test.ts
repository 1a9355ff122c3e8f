import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import { MAX_TEXT_BYTES, decodeTextAuto } from './text_encoding';

describe('decodeTextAuto past the string limit', () => {
  it('text over 2^29 - 24 bytes is refused with that reason, naming the file (not "not UTF-8")', () => {
    // zero-filled pages are not touched: the check comes before any decoding
    const big = new Uint8Array(MAX_TEXT_BYTES + 1);
    let e: unknown;
    try {
      decodeTextAuto(big, 'GBK', 'hydrants.csv');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).where).toEqual({ file: 'hydrants.csv' });
    expect((e as InputError).detail).toMatch(/^512 MiB of text: more than one JavaScript string holds \(512 MiB\)/);
    expect(MAX_TEXT_BYTES).toBe(2 ** 29 - 24);
  });

  it('text under the limit is decoded as before', () => {
    expect(decodeTextAuto(new TextEncoder().encode('编号,x,y\n'), undefined, 'a.csv')).toEqual({ text: '编号,x,y\n', encoding: 'utf-8', source: 'detected' });
  });
});
