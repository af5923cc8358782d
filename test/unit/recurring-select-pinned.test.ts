// Pins which transactions count as "similar amount" extras around a series (src/domain/recurring-select.ts): a fixed
// amount takes ±3 %, a varying one −25 % … +33 % of its range; and what a fixed amount is.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { detectRecurring, type RecurringInput } from '../../src/domain/recurring.js';
import { isFixedAmount } from '../../src/domain/recurring-select.js';
import { monthly, txn } from './recurring-builders.js';

/** The series plus two extra payments of `amount` in every period, `days` after each occurrence. */
function withExtras(series: RecurringInput[], amount: number, days: readonly number[]): RecurringInput[] {
  return [...series, ...series.flatMap((t) => days.map((d) => txn(addDays(t.date, d), amount, t.memo)))];
}

describe('similar-amount extras', () => {
  it('for a fixed amount, extras within 3 % crowd out the series and extras beyond do not', () => {
    const sub = () => monthly('구독', 3, '2024-01', 8, 10_000);
    const found = (extra: number) => detectRecurring(withExtras(sub(), extra, [9, 17]), { today: '2024-08-20' }).length;
    expect([10_300, 9_710].map(found)).toEqual([0, 0]);
    expect([10_310, 9_690].map(found)).toEqual([1, 1]);
  });

  it('for a varying amount, extras from three quarters of the lowest to a third above the highest crowd it out', () => {
    const amounts = [61_000, 48_500, 72_300, 55_000, 66_900, 51_200, 58_800, 70_100];
    const phone = () => monthly('통신', 21, '2024-01', 8, (k) => amounts[k]!);
    const found = (extra: number) => detectRecurring(withExtras(phone(), extra, [5, 12]), { today: '2024-09-01' }).length;
    expect([96_000, 36_400].map(found)).toEqual([0, 0]);
    expect([96_200, 36_300].map(found)).toEqual([1, 1]);
  });
});

describe('fixed amounts', () => {
  it('one amount throughout, or a single change once there are four payments', () => {
    expect(isFixedAmount([5])).toBe(true);
    expect(isFixedAmount([5, 5, 5])).toBe(true);
    expect(isFixedAmount([5, 6, 6, 6])).toBe(true);
    expect(isFixedAmount([5, 6, 6])).toBe(false);
    expect(isFixedAmount([5, 6, 5, 5])).toBe(false);
    expect(isFixedAmount([5, 5, 6, 7])).toBe(false);
  });
});
