// Views over the fixed series: a transfer between two of the person's own accounts shown once (its outgoing side),
// and what changed within a period (CLI.md report `changes`): series that started, stopped or changed price.

import { addDaysIso } from './kst.js';
import type { Cadence, RecurringSeries } from './recurring-types.js';

/** Nominal days per period, to tell a series that started from one that was there when the history began. */
const PERIOD_DAYS: Readonly<Record<Cadence, number>> = { weekly: 7, biweekly: 14, monthly: 31, quarterly: 92, yearly: 366 };

export interface FixedChange {
  memo: string;
  account: string;
  kind: 'new' | 'stopped' | 'price';
  date: string;
  oldAmount?: number;
  newAmount?: number;
}

type Shown = Pick<RecurringSeries, 'direction' | 'cadence' | 'nextDate' | 'expectedAmount' | 'account'> & { ownTransfer?: boolean };

/**
 * Leaves out the incoming side of an own-account transfer whose outgoing side is in the list (same cadence and amount,
 * expected within three days), so the move is listed once.
 */
export function oncePerOwnTransfer<T extends Shown>(series: readonly T[]): T[] {
  const outs = series.filter((s) => s.ownTransfer && s.direction === 'out');
  return series.filter(
    (s) =>
      !(s.ownTransfer && s.direction === 'in') ||
      !outs.some(
        (o) =>
          o.account !== s.account &&
          o.cadence === s.cadence &&
          o.expectedAmount === s.expectedAmount &&
          Math.abs(Date.parse(o.nextDate) - Date.parse(s.nextDate)) <= 3 * 86_400_000,
      ),
  );
}

/**
 * Series that started (first payment in the period, at least one period after the account's history begins — else it
 * only looks new because the history starts there), stopped (stopped series whose last payment or first missed date
 * falls in the period) or changed price (the first payment at the new price in the period). Sorted by date.
 */
export function fixedChanges(
  series: readonly RecurringSeries[],
  period: { from: string; to: string },
  historyStart: ReadonlyMap<string, string>,
): FixedChange[] {
  const inPeriod = (d: string) => d >= period.from && d <= period.to;
  const out: FixedChange[] = [];
  for (const s of oncePerOwnTransfer(series)) {
    const { memo, account } = s;
    const start = historyStart.get(account);
    if (inPeriod(s.firstDate) && start !== undefined && s.firstDate > addDaysIso(start, PERIOD_DAYS[s.cadence])) {
      out.push({ memo, account, kind: 'new', date: s.firstDate, newAmount: s.expectedAmount });
    }
    if (!s.active && (inPeriod(s.lastDate) || inPeriod(s.nextDate))) {
      out.push({ memo, account, kind: 'stopped', date: s.nextDate, oldAmount: s.lastAmount });
    }
    if (s.priceChange && inPeriod(s.priceChange.date)) {
      out.push({ memo, account, kind: 'price', date: s.priceChange.date, oldAmount: s.priceChange.oldAmount, newAmount: s.priceChange.newAmount });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.memo.localeCompare(b.memo));
}
