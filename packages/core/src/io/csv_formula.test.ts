import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from './csv_formula';

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it('prefixes a quote to text starting with = + - @ TAB CR', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseFormula('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
  });

  it('leaves plain numbers, other text and the empty cell alone', () => {
    for (const s of ['-1', '-12.5', '+3', '-0.25', '-.5', '1e-7', '-2E+3', '0', '北京路', 'Main St = 1', '', "'quoted", "'-3"]) expect(neutraliseFormula(s)).toBe(s);
    // text that already starts with a quote before a formula character gets one more, to round-trip
    expect(neutraliseFormula("'=x")).toBe("''=x");
  });

  it('restoreFormula undoes it, and only it', () => {
    for (const s of ['=1+1', '-x', '@a', 'plain', '-3', "'=already"]) expect(restoreFormula(neutraliseFormula(s))).toBe(s);
    expect(restoreFormula("'-3")).toBe("'-3");
    expect(restoreFormula("'abc")).toBe("'abc");
  });
});
