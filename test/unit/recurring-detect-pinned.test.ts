// Pins the detector's top level (src/domain/recurring.ts): a memo is searched for hand-made (± 3 days) series only when
// four or more of its rows are left unexplained and it has at most one row per ten days; and `asOf`, which reads a
// stored series on a later day.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { asOf, detectRecurring, type RecurringInput, type RecurringSeries } from '../../src/domain/recurring.js';
import { txn } from './recurring-builders.js';

/**
 * Six transfers by hand near the 15th (never twice on one day of month), and `others` unrelated rows: the first on
 * 2024-01-10 and the last on 2024-06-17, so the memo spans 160 days, the rest spread between.
 */
function byHand(others: number): RecurringInput[] {
  const hand = ['2024-01-15', '2024-02-13', '2024-03-17', '2024-04-14', '2024-05-16', '2024-06-13'];
  const rows = hand.map((d) => txn(d, 300_000, '어머니'));
  for (let k = 0; k < others; k++) {
    const date = k === 0 ? '2024-01-10' : k === 1 ? '2024-06-17' : addDays('2024-01-11', Math.floor(((k - 2) * 150) / (others - 2)));
    rows.push(txn(date, 1_000 + 1_370 * k, '어머니'));
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}
const found = (rows: RecurringInput[]) => detectRecurring(rows, { today: '2024-06-20' }).map((s) => [s.count, s.amountKind, s.roll]);

describe('hand-made series', () => {
  it('four transfers by hand are enough for a series', () => {
    const four = ['2024-01-15', '2024-02-13', '2024-03-17', '2024-04-14'].map((d) => txn(d, 300_000, '어머니'));
    expect(detectRecurring(four, { today: '2024-04-20' }).map((s) => [s.count, s.roll])).toEqual([[4, 'none']]);
    expect(detectRecurring(four.slice(0, 3), { today: '2024-04-20' })).toEqual([]);
  });

  it('a memo with more than one row per ten days is not searched for them', () => {
    expect(found(byHand(2))).toEqual([[6, 'fixed', 'none']]);
    expect(found(byHand(10))).toEqual([[6, 'fixed', 'none']]); // 16 rows in 160 days
    expect(found(byHand(11))).toEqual([]);
  });
});

describe('a stored series read on a later day', () => {
  const stored: RecurringSeries = {
    memo: 'x', account: 'acc-1', direction: 'out', cadence: 'monthly', count: 6, averageAmount: 1, lastAmount: 1,
    firstDate: '2024-01-10', lastDate: '2024-06-10', nextDate: '2024-07-10', active: true, category: 'c',
    intervalStdDays: 0, amountKind: 'fixed', expectedAmount: 1,
  };

  it('stays active until half a period past its next date, and keeps everything else', () => {
    expect(asOf(stored, '2024-07-25')).toEqual(stored); // 15 days late: monthly half period
    expect(asOf(stored, '2024-07-26')).toEqual({ ...stored, active: false });
    expect(asOf({ ...stored, active: false }, '2024-07-01')).toEqual(stored);
    expect(asOf({ ...stored, cadence: 'weekly' }, addDays('2024-07-10', 3)).active).toBe(true);
    expect(asOf({ ...stored, cadence: 'weekly' }, addDays('2024-07-10', 4)).active).toBe(false);
  });
});
