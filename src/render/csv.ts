// Generic CSV writer: a header and rows as RFC 4180 fields (quoted when they hold a comma, quote or newline), one
// line each. Line ends are '\n', like `tx --format csv`, so shell tools read it; spreadsheets accept both.

import { csvLine } from './csv-line.js';

export function toCsv(headers: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [csvLine(headers)];
  for (const r of rows) lines.push(csvLine(r));
  return lines.join('\n') + '\n';
}

export { csvLine };
