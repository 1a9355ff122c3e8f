import { neutraliseFormula } from '@firecover/core';

/** Number and CSV formatting shared by the commands (locale-free, so outputs compare byte for byte). */

/** Rounded to `digits` decimals, trailing zeros dropped: 3 → "3", 2.5000001 → "2.5". */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** An original id (stored as a float64) as text: integers without a decimal point. */
export function id(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}

/**
 * A CSV field, formula-neutralised (core's `neutraliseFormula`: text starting with = + - @ TAB CR gets a
 * leading ', plain numbers stay numbers), quoted when needed (RFC 4180).
 */
export function csvField(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
