/** A plain decimal number as text: "-12", "3.5", "+0.25", "1e-7" (not "-1+2", not "=1"). */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`,
 * TAB or CR as a formula. Such a text cell gets a leading `'`, which spreadsheets show as text and never
 * evaluate. A plain number ("-12.5", "+3", "-1" for a closed direction) is left as it is: a
 * spreadsheet reads it as that number, which it is, and a parser reading the file gets the number.
 */
export function neutraliseFormula(s: string): string {
  return needsQuote(s) ? `'${s}` : s;
}

/**
 * The inverse of `neutraliseFormula`, for reading back a CSV firecover wrote: "'=x" → "=x". Text that
 * already began with quotes before a formula character got one more, so every text round-trips.
 */
export function restoreFormula(s: string): string {
  return s.startsWith("'") && needsQuote(s.slice(1)) ? s.slice(1) : s;
}

/** A formula start, after any quotes already there (so "'=x" → "''=x" and back), not a plain number. */
function needsQuote(s: string): boolean {
  const t = s.replace(/^'+/, '');
  return FORMULA_START.test(t) && !PLAIN_NUMBER.test(t);
}
