import { describe, expect, it } from 'vitest';
import { prng } from '../search/test_networks';
import { thrownInputError } from '../testing';
import { CsvReader, IdIndex } from './csv_reader';

function records(text: string): { line: number; fields: string[] }[] {
  const r = new CsvReader(text, 't.csv');
  const out: { line: number; fields: string[] }[] = [];
  while (r.next()) out.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => r.text(i)) });
  return out;
}

describe('CsvReader', () => {
  it('reads RFC 4180 records: quotes, doubled quotes, commas and newlines inside quotes, CRLF, a BOM', () => {
    const text = '\uFEFFid,name\r\n1,"Main St, north"\r\n2,"say ""hi"""\n3,"two\nlines"\n4,plain\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Main St, north'] },
      { line: 3, fields: ['2', 'say "hi"'] },
      { line: 4, fields: ['3', 'two\nlines'] },
      // the quoted newline above makes this line 6 in an editor
      { line: 6, fields: ['4', 'plain'] },
    ]);
  });

  it('skips blank lines, trims spaces and tabs, keeps empty fields and short records as they are', () => {
    expect(records('a,b,c\n\n   \n 1 ,\t2\t,\n3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 4, fields: ['1', '2', ''] },
      { line: 5, fields: ['3'] },
    ]);
    const r = new CsvReader('x\n7', 't.csv');
    r.next();
    r.next();
    expect(r.text(3)).toBe('');
    expect(r.isEmpty(3)).toBe(true);
    expect(Number.isNaN(r.number(3))).toBe(true);
  });

  it('reads a last record without a newline, and a lone CR as a line end', () => {
    expect(records('a\rb\nc')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c'] },
    ]);
  });

  it('names the line of an unclosed quote and of text after a closing quote', () => {
    expect(thrownInputError(() => records('a\n"open\n\n')).where.line).toBe(2);
    const e = thrownInputError(() => records('a\nb\n"x"y,1\n'));
    expect(e.where.line).toBe(3);
    expect(e.message).toMatch(/after the closing quote/);
  });

  it('refuses invalid UTF-8 in a text field, naming the line', () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x62, 0x0a]);
    const r = new CsvReader(bytes, 'bad.csv');
    r.next();
    r.next();
    expect(thrownInputError(() => r.text(0)).where).toEqual({ file: 'bad.csv', line: 2 });
  });

  it('numbers equal Number(text) exactly, on hand-picked and on random decimals', () => {
    const hand = ['0', '-0', '7', '007', '+5', '-12.5', '0.1', '0.001', '1.', '.5', '123456789012345', '1234567890123456789', '1e3', '-2.5E-3', '0x10', 'Infinity', '.', '-', '1.2.3', 'abc', ' 4 '];
    const rnd = prng(5);
    const random = Array.from({ length: 2000 }, () => {
      const intDigits = Math.floor(rnd() * 9);
      const fracDigits = Math.floor(rnd() * 12);
      let s = rnd() < 0.3 ? '-' : '';
      for (let k = 0; k < intDigits; k++) s += Math.floor(rnd() * 10);
      if (fracDigits > 0) s += '.';
      for (let k = 0; k < fracDigits; k++) s += Math.floor(rnd() * 10);
      return s === '' || s === '-' ? '0' : s;
    });
    for (const s of [...hand, ...random]) {
      const r = new CsvReader(`v\n"${s}"\n${s}\n`, 'n.csv');
      r.next();
      for (let k = 0; k < 2; k++) {
        r.next();
        const expected = s.trim() === '' ? NaN : Number(s);
        expect(Object.is(r.number(0), expected) || (Number.isNaN(expected) && Number.isNaN(r.number(0))), `${s} → ${r.number(0)} vs ${expected}`).toBe(true);
      }
    }
  });
});

describe('IdIndex', () => {
  it('property: gives the same indices as a Map, for ids beyond 2^32 and negative ones, through growth', () => {
    const rnd = prng(11);
    const index = new IdIndex(4);
    const map = new Map<number, number>();
    for (let k = 0; k < 20000; k++) {
      const id = rnd() < 0.5 ? Math.floor(rnd() * 5000) : Math.floor((rnd() - 0.3) * 2 ** 52);
      const added = index.add(id);
      if (map.has(id)) expect(added).toBe(-1);
      else {
        expect(added).toBe(map.size);
        map.set(id, map.size);
      }
    }
    for (const [id, i] of map) expect(index.get(id)).toBe(i);
    expect(index.get(0.5)).toBe(-1);
    expect(index.size).toBe(map.size);
  });
});
