// Pins how a chosen chain is reported (src/domain/recurring-series.ts), fed hand-made chains: which way the next date
// is moved off a weekend (hand-made: never; moved earlier before: earlier; seen on weekends and never moved: not; else
// later), the fields a weekly or unchanged series leaves out, and the small statistics' edge cases.
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/domain/dates.js';
import type { Chain } from '../../src/domain/recurring-chains.js';
import { intervalStd, mostCommonCategory, seriesFromChain } from '../../src/domain/recurring-series.js';
import { txn } from './recurring-builders.js';

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** A monthly chain over `dates` (one a month) on day `phase`, reported as of `today`. */
function report(dates: string[], over: Partial<Chain>, amounts: number[] = dates.map(() => 10_000), today = '2024-06-01') {
  const txns = dates.map((d, k) => txn(d, amounts[k]!, '용돈'));
  const chain: Chain = {
    cadence: 'monthly', family: 'month', phase: 15, step: 1, slots: dates.map(monthIndex), members: dates.map((_, k) => k),
    shifts: dates.map(() => 0), misses: 0, moved: 0, dir: 0, ...over,
  };
  const ctx = { txns, days: Int32Array.from(dates.map(parseIsoDay)), account: 'acc-1', direction: 'out' as const, memo: '용돈', today: parseIsoDay(today) };
  return seriesFromChain(chain, dates.map((_, k) => k), ctx);
}

// all business days; the next nominal date, 2024-05-15, is 부처님오신날 (a Wednesday)
const weekdays = ['2023-12-15', '2024-01-15', '2024-02-15', '2024-03-15', '2024-04-15'];

describe('the next date of a series whose nominal day falls on a holiday', () => {
  it('a hand-made series is expected on its usual day, whichever way it strayed', () => {
    for (const dir of [-1, 0, 1]) {
      expect(report(weekdays, { family: 'band', dir })).toMatchObject({ roll: 'none', nextDate: '2024-05-15', dayOfMonth: 15 });
    }
  });

  it('a series that moved earlier is expected on the business day before', () => {
    expect(report(weekdays, { dir: -1 })).toMatchObject({ roll: 'backward', nextDate: '2024-05-14' });
  });

  it('a series never moved and always on business days is expected on the business day after', () => {
    expect(report(weekdays, { dir: 0 })).toMatchObject({ roll: 'forward', nextDate: '2024-05-16' });
  });

  it('a series never moved but once paid on a weekend day is expected on the day itself', () => {
    const once = ['2023-12-15', '2024-01-15', '2024-02-15', '2024-03-16', '2024-04-15']; // 16 March 2024 is a Saturday
    expect(report(once, { dir: 0 })).toMatchObject({ roll: 'none', nextDate: '2024-05-15' });
  });

  it('a series that moved later keeps moving later, even if it was once paid on a weekend day', () => {
    expect(report(['2023-12-15', '2024-01-15', '2024-02-15', '2024-03-16', '2024-04-15'], { dir: 1 }))
      .toMatchObject({ roll: 'forward', nextDate: '2024-05-16' });
  });
});

describe('fields a series leaves out', () => {
  it('a weekly series has no day of month; a monthly one has its day, and the 31st is the month end', () => {
    const thursdays = ['2024-05-02', '2024-05-09', '2024-05-16'];
    const weekly = report(thursdays, { cadence: 'weekly', family: 'week', phase: 4, slots: thursdays.map((d) => Math.floor((parseIsoDay(d) + 3) / 7)) });
    expect(weekly.nextDate).toBe('2024-05-23');
    expect('dayOfMonth' in weekly).toBe(false);
    expect(report(weekdays, {}).dayOfMonth).toBe(15);
    expect(report(['2024-01-31', '2024-02-29', '2024-03-29'], { phase: 31 }).dayOfMonth).toBe('last');
  });

  it('a series whose price never changed has no price change at all', () => {
    const s = report(weekdays, {});
    expect('priceChange' in s).toBe(false);
    const changed = report(weekdays, {}, [10_000, 10_000, 10_000, 12_000, 12_000]);
    expect(changed.priceChange).toEqual({ date: '2024-03-15', oldAmount: 10_000, newAmount: 12_000 });
  });
});

describe('small statistics', () => {
  it('a tie between categories goes to the alphabetically first, whichever comes first', () => {
    expect(mostCommonCategory(['cafe', 'food', 'food', 'cafe'])).toBe('cafe');
    expect(mostCommonCategory(['food', 'cafe', 'cafe', 'food'])).toBe('cafe');
    expect(mostCommonCategory(['food', 'cafe', 'mart', 'cafe', 'food'])).toBe('cafe');
  });

  it('one date or none has no spread', () => {
    expect(intervalStd([19_000])).toBe(0);
    expect(intervalStd([])).toBe(0);
  });
});
