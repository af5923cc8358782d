// The forecast as TSV for a pipe: one line per day — date, balance, variable spending, fixed in, fixed out and the
// fixed items' memos.

import type { Forecast } from '../domain/forecast.js';
import { sanitizeLine } from '../sanitize.js';
import { tsv } from './table.js';

export function forecastTsv(f: Forecast): string {
  return tsv(
    ['date', 'balance', 'variable', 'fixedIn', 'fixedOut', 'fixed'],
    f.days.map((d) => [
      d.date,
      d.balance,
      d.variable,
      d.fixed.filter((x) => x.direction === 'in').reduce((s, x) => s + x.amount, 0),
      d.fixed.filter((x) => x.direction === 'out').reduce((s, x) => s + x.amount, 0),
      d.fixed.map((x) => `${x.direction === 'in' ? '+' : '-'}${x.amount} ${sanitizeLine(x.memo)}`).join('; '),
    ]),
  );
}
