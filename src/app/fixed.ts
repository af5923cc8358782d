// Fixed series for `fixed` and the report: detected over the stored history and kept in the store, so a report on a
// long history reads a few dozen rows instead of re-detecting. The cache is stamped with the data it came from (rows
// and classification rules); any change makes the next read detect again.

import { addDaysIso } from '../domain/kst.js';
import { asOf, detectRecurring, type RecurringSeries } from '../domain/recurring.js';
import type { Store } from '../store/index.js';

/**
 * How far back fixed payments are looked for: three years shows a yearly payment three times and keeps the work
 * bounded however long the stored history is.
 */
export const FIXED_LOOKBACK_DAYS = 3 * 366;

/** Bump when the stored series gain fields, so series cached by an older version are detected again. */
const SERIES_VERSION = 2;
/** The stamp names the data and the window's first day: the lookback follows today, so a new day detects again. */
const stampOf = (store: Store, today: string): string =>
  `v${SERIES_VERSION}|${addDaysIso(today, -FIXED_LOOKBACK_DAYS)}|${store.fixed.currentStamp()}`;

/** Detects over the stored history, marks transfers to the person's own accounts, and stores the result. */
export function refreshFixedSeries(store: Store, today: string): RecurringSeries[] {
  const stamp = stampOf(store, today);
  const since = addDaysIso(today, -FIXED_LOOKBACK_DAYS);
  const series = detectRecurring(store.transactions.recurringCandidates(since), { today });
  const own = new Set(store.fixed.ownTransferGroups(since).map((g) => `${g.account}\u0000${g.direction}\u0000${g.memo}`));
  for (const s of series) s.ownTransfer = own.has(`${s.account}\u0000${s.direction}\u0000${s.memo}`);
  store.fixed.replace(series, stamp);
  return series;
}

export function loadFixedSeries(store: Store, today: string, opts: { account?: string } = {}): RecurringSeries[] {
  const cached = store.fixed.read<RecurringSeries>(stampOf(store, today));
  const series = cached ? cached.map((s) => asOf(s, today)) : refreshFixedSeries(store, today);
  return opts.account ? series.filter((s) => s.account === opts.account) : series;
}
