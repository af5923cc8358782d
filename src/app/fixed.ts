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
