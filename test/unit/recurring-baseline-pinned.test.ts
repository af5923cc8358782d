// Pins the first design's detector (src/domain/recurring-baseline.ts), kept for quality comparisons: ≥3 payments, no
// two within a week, gaps steady to within 1.1 days; the cadence is the nominal period nearest the mean gap.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { detectRecurringBaseline } from '../../src/domain/recurring-baseline.js';
import { txn } from './recurring-builders.js';

/** Payments of `memo` starting 2024-01-01, each `gaps[k]` days after the previous one. */
function afterGaps(memo: string, gaps: readonly number[], amount: number | readonly number[] = 10_000, category?: string) {
  let date = '2024-01-01';
  const dates = [date];
  for (const g of gaps) dates.push((date = addDays(date, g)));
  return dates.map((d, k) => txn(d, typeof amount === 'number' ? amount : amount[k]!, memo, category === undefined ? {} : { category }));
}

const base = (txns: ReturnType<typeof afterGaps>, today = '2024-01-01') => detectRecurringBaseline(txns, { today });

describe('the baseline detector', () => {
  it('the cadence is the nominal period nearest the mean gap', () => {
    const cadence = (gap: number, n = 3) => base(afterGaps('x', Array(n).fill(gap))).map((s) => s.cadence);
    expect(cadence(7)).toEqual(['weekly']);
    expect(cadence(9)).toEqual(['weekly']);
    expect(cadence(10)).toEqual(['biweekly']);
    expect(cadence(14)).toEqual(['biweekly']);
    expect(cadence(30)).toEqual(['monthly']);
    expect(cadence(91)).toEqual(['quarterly']);
    expect(cadence(365)).toEqual(['yearly']);
    expect(cadence(180)).toEqual(['quarterly']);
    expect(cadence(190)).toEqual(['yearly']);
  });

  it('needs three payments', () => {
    expect(base(afterGaps('x', [30]))).toEqual([]);
    expect(base(afterGaps('x', [30, 30]))).toHaveLength(1);
  });

  it('payments a week apart may be weekly; six days apart they are not a series', () => {
    expect(base(afterGaps('x', [7, 7, 7]))).toHaveLength(1);
    expect(base(afterGaps('x', [6, 6, 6]))).toEqual([]);
    expect(base(afterGaps('x', [30, 6, 24, 30]))).toEqual([]);
  });

  it('gaps must be steady: a spread of one day passes, one and a half does not', () => {
    expect(base(afterGaps('x', [30, 32]))).toMatchObject([{ intervalStdDays: 1 }]);
    expect(base(afterGaps('x', [30, 33]))).toEqual([]);
    // the population std-dev of these gaps rounds to 1.1: just not steady enough
    expect(base(afterGaps('x', [28, 28, 29, 29, 31]))).toEqual([]);
    expect(base(afterGaps('x', [28, 28, 29, 29, 30]))).toMatchObject([{ intervalStdDays: 0.75 }]);
  });

  it('reports dates, amounts, the next date one mean gap after the last, activity and category', () => {
    const [s, ...rest] = base(afterGaps('보험', [31, 29, 30], [50_000, 50_000, 52_000, 52_000], 'insurance'), '2024-05-15');
    expect(rest).toEqual([]);
    expect(s).toEqual({
      memo: '보험', account: 'acc-1', direction: 'out', cadence: 'monthly', count: 4, averageAmount: 51_000, lastAmount: 52_000,
      firstDate: '2024-01-01', lastDate: '2024-03-31', nextDate: '2024-04-30', active: true, category: 'insurance',
      intervalStdDays: 0.82, amountKind: 'fixed', expectedAmount: 52_000,
    });
  });

  it('the next date rounds the mean gap, and a varying amount expects its recent middle', () => {
    const [s] = base(afterGaps('전기', [30, 31], [30_000, 45_000, 38_000]), '2024-03-01');
    expect(s).toMatchObject({ lastDate: '2024-03-02', nextDate: '2024-04-02', amountKind: 'varying', expectedAmount: 38_000, averageAmount: 37_667 });
  });

  it('a fixed series that just changed price expects the new price', () => {
    const [s] = base(afterGaps('보험', [30, 30, 30], [50_000, 50_000, 50_000, 52_000]), '2024-04-01');
    expect(s).toMatchObject({ amountKind: 'fixed', expectedAmount: 52_000 });
  });

  it('a series is inactive once today is more than half a period past its next date', () => {
    const txns = afterGaps('x', [30, 30]); // next 2024-03-31; monthly half period is 15 days
    expect(base(txns, '2024-04-15')[0]!.active).toBe(true);
    expect(base(txns, '2024-04-16')[0]!.active).toBe(false);
  });

  it('groups by memo and sorts the series by next date', () => {
    const found = base([...afterGaps('b', [30, 30]), ...afterGaps('a', [20, 20, 20])]);
    expect(found.map((s) => [s.memo, s.cadence, s.nextDate])).toEqual([['a', 'biweekly', '2024-03-21'], ['b', 'monthly', '2024-03-31']]);
  });
});
