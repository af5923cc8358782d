// Pins the views over fixed series (src/domain/fixed-amounts.ts, fixed-changes.ts): what a series will likely charge
// next, its last price change, an own-account transfer listed once, and what started, stopped or changed price in a
// period. Every fixture is built inside its test.
import { describe, expect, it } from 'vitest';
import { expectedAmount, lastPriceChange } from '../../src/domain/fixed-amounts.js';
import { fixedChanges, oncePerOwnTransfer } from '../../src/domain/fixed-changes.js';
import type { RecurringSeries } from '../../src/domain/recurring-types.js';

function series(over: Partial<RecurringSeries> = {}): RecurringSeries {
  return {
    memo: '넷플릭스', account: 'acc-1', direction: 'out', cadence: 'monthly', count: 6, averageAmount: 13_500,
    lastAmount: 13_500, firstDate: '2024-01-05', lastDate: '2024-06-05', nextDate: '2024-07-05', active: true,
    category: 'subscription', intervalStdDays: 0.5, amountKind: 'fixed', expectedAmount: 13_500, ...over,
  };
}

describe('expected amount', () => {
  it('a fixed series expects its latest price, never the mean of old and new', () => {
    expect(expectedAmount([10_450, 10_450, 14_900, 14_900], 'fixed')).toBe(14_900);
    expect(expectedAmount([14_900, 10_450], 'fixed')).toBe(10_450);
  });

  it('a varying bill expects the middle of its last three amounts, compared as numbers', () => {
    expect(expectedAmount([1, 100_000, 9, 10, 100], 'varying')).toBe(10);
    expect(expectedAmount([50_000, 70_000, 60_000], 'varying')).toBe(60_000);
    expect(expectedAmount([42_000], 'varying')).toBe(42_000);
    // older amounts do not count: the middle of all five would be 50
    expect(expectedAmount([1, 2, 50, 60, 70], 'varying')).toBe(60);
  });

  it('leaves the amounts it is given in their order', () => {
    const amounts = [70, 10, 60, 20, 50];
    expectedAmount(amounts, 'varying');
    expect(amounts).toEqual([70, 10, 60, 20, 50]);
  });

  it('with two amounts a varying bill expects their mean, rounded to the won', () => {
    expect(expectedAmount([10, 21], 'varying')).toBe(16);
    expect(expectedAmount([30_000, 20_000], 'varying')).toBe(25_000);
  });

  it('no amounts expect nothing', () => {
    expect(expectedAmount([], 'fixed')).toBe(0);
    expect(expectedAmount([], 'varying')).toBe(0);
  });
});

describe('last price change', () => {
  const dates = ['2024-01-05', '2024-02-05', '2024-03-05', '2024-04-05'];

  it('is the first payment at the newest price, with the old and new amounts', () => {
    expect(lastPriceChange([10_450, 10_450, 14_900, 14_900], dates, 'fixed'))
      .toEqual({ date: '2024-03-05', oldAmount: 10_450, newAmount: 14_900 });
    expect(lastPriceChange([9_000, 10_000, 10_000, 12_000], dates, 'fixed'))
      .toEqual({ date: '2024-04-05', oldAmount: 10_000, newAmount: 12_000 });
    expect(lastPriceChange([9_000, 10_000, 10_000, 10_000], dates, 'fixed'))
      .toEqual({ date: '2024-02-05', oldAmount: 9_000, newAmount: 10_000 });
  });

  it('is none for a price that never changed, and none for a varying bill', () => {
    expect(lastPriceChange([10_000, 10_000, 10_000, 10_000], dates, 'fixed')).toBeUndefined();
    expect(lastPriceChange([10_000], ['2024-01-05'], 'fixed')).toBeUndefined();
    expect(lastPriceChange([61_000, 48_500, 72_300, 55_000], dates, 'varying')).toBeUndefined();
  });
});

describe('an own-account transfer is listed once', () => {
  const out = series({ memo: '적금 이체', account: 'acc-1', direction: 'out', ownTransfer: true, expectedAmount: 300_000, nextDate: '2024-07-10' });
  const inn = series({ memo: '적금 이체', account: 'acc-2', direction: 'in', ownTransfer: true, expectedAmount: 300_000, nextDate: '2024-07-10' });

  it('the incoming side is left out when its outgoing side is listed', () => {
    expect(oncePerOwnTransfer([out, inn])).toEqual([out]);
    expect(oncePerOwnTransfer([inn, out])).toEqual([out]);
  });

  it('up to three days apart the two sides are one move; four days apart they are not', () => {
    expect(oncePerOwnTransfer([out, { ...inn, nextDate: '2024-07-13' }])).toEqual([out]);
    expect(oncePerOwnTransfer([out, { ...inn, nextDate: '2024-07-07' }])).toEqual([out]);
    const late = { ...inn, nextDate: '2024-07-14' };
    expect(oncePerOwnTransfer([out, late])).toEqual([out, late]);
    const early = { ...inn, nextDate: '2024-07-06' };
    expect(oncePerOwnTransfer([out, early])).toEqual([out, early]);
  });

  it('the incoming side stays when the amount, the cadence or the account does not match an outgoing side', () => {
    for (const other of [
      { ...inn, expectedAmount: 300_001 },
      { ...inn, cadence: 'weekly' as const },
      { ...inn, account: 'acc-1' },
    ]) {
      expect(oncePerOwnTransfer([out, other])).toEqual([out, other]);
    }
  });

  it('only transfers between own accounts are merged: an ordinary income or an outgoing side that is no own transfer stays', () => {
    const income = { ...inn, ownTransfer: undefined };
    expect(oncePerOwnTransfer([out, income])).toEqual([out, income]);
    const plainOut = { ...out, ownTransfer: false };
    expect(oncePerOwnTransfer([plainOut, inn])).toEqual([plainOut, inn]);
    const otherOut = { ...out, account: 'acc-3' }; // two own transfers out, from two accounts, alike in all else
    expect(oncePerOwnTransfer([out, otherOut])).toEqual([out, otherOut]);
    const twoIns = { ...out, direction: 'in' as const };
    expect(oncePerOwnTransfer([twoIns, inn])).toEqual([twoIns, inn]);
  });

  it('changes in a period count a merged transfer once', () => {
    const start = new Map([['acc-1', '2023-01-01'], ['acc-2', '2023-01-01']]);
    const a = { ...out, firstDate: '2024-03-10', active: true };
    const b = { ...inn, firstDate: '2024-03-10', active: true };
    expect(fixedChanges([a, b], { from: '2024-03-01', to: '2024-03-31' }, start).map((c) => c.account)).toEqual(['acc-1']);
  });
});

describe('changes within a period', () => {
  const march = { from: '2024-03-01', to: '2024-03-31' };
  const start = (d: string) => new Map([['acc-1', d]]);

  it('a series whose first payment falls in the period is new, with its expected amount', () => {
    const s = series({ firstDate: '2024-03-15', expectedAmount: 14_900 });
    expect(fixedChanges([s], march, start('2023-06-01'))).toEqual([
      { memo: '넷플릭스', account: 'acc-1', kind: 'new', date: '2024-03-15', newAmount: 14_900 },
    ]);
  });

  it('the period includes its first and last day', () => {
    const on = (d: string) => fixedChanges([series({ firstDate: d })], march, start('2023-06-01')).map((c) => c.date);
    expect(on('2024-03-01')).toEqual(['2024-03-01']);
    expect(on('2024-03-31')).toEqual(['2024-03-31']);
    expect(on('2024-02-29')).toEqual([]);
    expect(on('2024-04-01')).toEqual([]);
  });

  it('a series that begins within one period of the account history is not new: it only looks new', () => {
    const s = series({ firstDate: '2024-03-15' });
    // monthly: one period is 31 days after the history's first day
    expect(fixedChanges([s], march, start('2024-02-13'))).toEqual([]);
    expect(fixedChanges([s], march, start('2024-02-12'))).toMatchObject([{ kind: 'new' }]);
    const weekly = series({ cadence: 'weekly', firstDate: '2024-03-15' });
    expect(fixedChanges([weekly], march, start('2024-03-08'))).toEqual([]);
    expect(fixedChanges([weekly], march, start('2024-03-07'))).toMatchObject([{ kind: 'new' }]);
  });

  it('a series on an account with no known history start is never new', () => {
    const s = series({ firstDate: '2024-03-15' });
    expect(fixedChanges([s], march, new Map([['acc-2', '2020-01-01']]))).toEqual([]);
  });

  it('a stopped series is reported when its last payment or its first missed date falls in the period', () => {
    const byLast = series({ active: false, lastDate: '2024-03-05', nextDate: '2024-04-05', lastAmount: 13_000 });
    expect(fixedChanges([byLast], march, start('2020-01-01'))).toEqual([
      { memo: '넷플릭스', account: 'acc-1', kind: 'stopped', date: '2024-04-05', oldAmount: 13_000 },
    ]);
    const byNext = series({ active: false, lastDate: '2024-02-05', nextDate: '2024-03-05' });
    expect(fixedChanges([byNext], march, start('2020-01-01'))).toMatchObject([{ kind: 'stopped', date: '2024-03-05' }]);
    const earlier = series({ active: false, lastDate: '2024-01-05', nextDate: '2024-02-05' });
    expect(fixedChanges([earlier], march, start('2020-01-01'))).toEqual([]);
  });

  it('an active series is not stopped, even when its dates fall in the period', () => {
    const s = series({ active: true, lastDate: '2024-03-05', nextDate: '2024-03-30' });
    expect(fixedChanges([s], march, start('2020-01-01'))).toEqual([]);
  });

  it('a price change is reported when its first payment at the new price falls in the period', () => {
    const s = series({ priceChange: { date: '2024-03-05', oldAmount: 10_450, newAmount: 14_900 } });
    expect(fixedChanges([s], march, start('2020-01-01'))).toEqual([
      { memo: '넷플릭스', account: 'acc-1', kind: 'price', date: '2024-03-05', oldAmount: 10_450, newAmount: 14_900 },
    ]);
    const before = series({ priceChange: { date: '2024-02-05', oldAmount: 10_450, newAmount: 14_900 } });
    expect(fixedChanges([before], march, start('2020-01-01'))).toEqual([]);
  });

  it('changes are sorted by date, then memo', () => {
    const list = [
      series({ memo: '유튜브', priceChange: { date: '2024-03-20', oldAmount: 1, newAmount: 2 } }),
      series({ memo: '왓챠', priceChange: { date: '2024-03-20', oldAmount: 1, newAmount: 2 } }),
      series({ memo: '멜론', firstDate: '2024-03-02' }),
      series({ memo: '가스', active: false, lastDate: '2024-03-25', nextDate: '2024-04-25' }),
    ];
    expect(fixedChanges(list, march, start('2020-01-01')).map((c) => [c.date, c.memo, c.kind])).toEqual([
      ['2024-03-02', '멜론', 'new'],
      ['2024-03-20', '왓챠', 'price'],
      ['2024-03-20', '유튜브', 'price'],
      ['2024-04-25', '가스', 'stopped'],
    ]);
  });
});
