// One RFC 4180 CSV line: fields with a comma, quote or newline are quoted, quotes doubled. Text fields are outside
// text: control characters other than tab and newline are shown escaped, and a field a spreadsheet would run as a
// formula (starting with = + - @, tab or CR) gets a leading ' — numbers stay numbers.

import { sanitizeText } from '../sanitize.js';

/** UTF-8 byte order mark: Excel (Korean locale included) reads a CSV as UTF-8 only when it starts with one. */
export const BOM = '\uFEFF';

/** A text field made safe for spreadsheets (CWE-1236). */
export function neutralizeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? neutralizeFormula(sanitizeText(v)) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',');
}
