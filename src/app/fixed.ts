// Loads the stored history that can hold recurring series and runs the pure detector on it.

import { addDaysIso } from '../domain/kst.js';
import { detectRecurring, type RecurringSeries } from '../domain/recurring.js';
import type { Store } from '../store/index.js';

/**
 * How far back fixed payments are looked for: three years shows a yearly payment three times and keeps the work
 * bounded however long the stored history is (decades of rows would otherwise all be read for every report).
 */
export const FIXED_LOOKBACK_DAYS = 3 * 366;

export function loadFixedSeries(store: Store, today: string, opts: { account?: string } = {}): RecurringSeries[] {
  const rows = [...store.transactions.recurringCandidates(addDaysIso(today, -FIXED_LOOKBACK_DAYS), opts.account)];
  return detectRecurring(rows, { today });
}

/** The JSON row of CLI.md's `fixed --json` (extra fields are allowed; these names are stable). */
export function fixedJson(s: RecurringSeries): Record<string, unknown> {
  return {
    memo: s.memo,
    account: s.account,
    direction: s.direction,
    cadence: s.cadence,
    count: s.count,
    averageAmount: s.averageAmount,
    lastAmount: s.lastAmount,
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    nextDate: s.nextDate,
    active: s.active,
    category: s.category,
    intervalStdDays: s.intervalStdDays,
    amountKind: s.amountKind,
  };
}
