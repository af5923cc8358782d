// Pins how detected series are grouped and reported (src/domain/recurring-group.ts, recurring-series.ts): memo
// grouping, input order, next dates for week and weekend series, category ties and interval spread.
import { describe, expect, it } from 'vitest';
import { detectRecurring } from '../../src/domain/recurring.js';
import { groupTransactions } from '../../src/domain/recurring-group.js';
import { compareSeries, intervalStd, mostCommonCategory } from '../../src/domain/recurring-series.js';
import { everyNDays, txn } from './recurring-builders.js';

describe('grouping', () => {
  it('one group per account, direction and memo up to spacing and full-width letters, shown as first printed', () => {
    const { groups } = groupTransactions([
      txn('2024-01-05', 1, ' ＫＴ  인터넷 '), txn('2024-01-01', 2, 'KT 인터넷'), txn('2024-01-03', 3, 'KT 인터넷', { direction: 'in' }),
      txn('2024-01-02', 4, 'KT 인터넷', { account: 'acc-2' }), txn('2024-01-01', 5, 'KT인터넷'),
    ]);
    expect(groups.map((g) => [g.account, g.direction, g.memo, g.members, g.amounts])).toEqual([
      ['acc-1', 'out', 'ＫＴ  인터넷', [1, 0], [2, 1]],
      ['acc-1', 'in', 'KT 인터넷', [2], [3]],
      ['acc-2', 'out', 'KT 인터넷', [3], [4]],
      ['acc-1', 'out', 'KT인터넷', [4], [5]],
    ]);
  });

  it('sorts each group by date and keeps the input order within a day', () => {
    const { groups, days } = groupTransactions([
      txn('2024-03-01', 1, 'x'), txn('2024-01-01', 2, 'x'), txn('2024-03-01', 3, 'x'), txn('2024-02-01', 4, 'x'),
    ]);
    expect(groups[0]!.members).toEqual([1, 3, 0, 2]);
    expect(groups[0]!.amounts).toEqual([2, 4, 1, 3]);
    expect(groups[0]!.days).toEqual([1, 3, 0, 2].map((i) => days[i]));
  });
});

describe('reported series', () => {
  it('a weekly series expects its next payment on the same weekday a week after the last', () => {
    const thursdays = everyNDays('주간 구독', '2025-01-02', 7, 6, 7_900, 'none');
    expect(detectRecurring(thursdays, { today: '2025-02-07' })).toMatchObject([{ cadence: 'weekly', lastDate: '2025-02-06', nextDate: '2025-02-13' }]);
  });

  it('a series always seen on a weekend day is expected on that day, not moved to a business day', () => {
    const weekly = everyNDays('토요 레슨', '2025-01-04', 7, 5, 30_000, 'none'); // Saturdays
    expect(detectRecurring(weekly, { today: '2025-02-02' })).toMatchObject([{ cadence: 'weekly', nextDate: '2025-02-08' }]);
  });

  it('the most frequent category wins, ties go to the alphabetically first, and none set is uncategorized', () => {
    expect(mostCommonCategory(['food', 'cafe', 'food', 'cafe'])).toBe('cafe');
    expect(mostCommonCategory(['mart', 'cafe', 'mart'])).toBe('mart');
    expect(mostCommonCategory([undefined, '', undefined])).toBe('uncategorized');
    expect(mostCommonCategory(['zoo', undefined])).toBe('zoo');
  });

  it('interval spread is the population std-dev of the gaps to two decimals, 0 below three dates', () => {
    expect(intervalStd([0, 30])).toBe(0);
    expect(intervalStd([0, 30, 61, 92])).toBe(0.47);
    expect(intervalStd([0, 10, 30])).toBe(5);
    expect(intervalStd([0, 7, 14, 21])).toBe(0);
  });

  it('series sort by next date, then memo, account, direction, first date and amount', () => {
    const base = { memo: 'a', account: 'x', direction: 'out' as const, cadence: 'monthly' as const, count: 3, averageAmount: 5, lastAmount: 5,
      firstDate: '2024-01-01', lastDate: '2024-03-01', nextDate: '2024-04-01', active: true, category: 'food', intervalStdDays: 0, amountKind: 'fixed' as const };
    const variants = [
      { ...base, averageAmount: 6 }, { ...base, firstDate: '2024-01-02' }, { ...base, direction: 'in' as const }, { ...base, account: 'y' },
      { ...base, memo: 'b' }, { ...base, nextDate: '2024-04-02' }, base,
    ];
    const sorted = [...variants].sort(compareSeries);
    expect(sorted).toEqual([variants[2], base, variants[0], variants[1], variants[3], variants[4], variants[5]]);
    expect(compareSeries(base, { ...base })).toBe(0);
  });
});
