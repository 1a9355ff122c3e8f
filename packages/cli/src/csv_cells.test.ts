import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv_tables';
import { csvLine } from './format';

describe('CSV cells the CLI writes are safe in a spreadsheet', () => {
  it('text that a spreadsheet would run as a formula gets a leading quote, then RFC 4180 quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvLine(['-2+3', 'ok', 7])).toBe("'-2+3,ok,7\n");
  });

  it('numbers stay numbers, negative ones included; booleans and null as before', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvText([['a', 'b'], [-1, '=x']])).toBe("\uFEFFa,b\n-1,'=x\n");
  });
});
