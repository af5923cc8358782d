// Pins the balance forecast (src/domain/forecast.ts): which dates a fixed series is expected on (moved off weekends and
// bank holidays the way its history moves, across month boundaries), which series count, the variable spending per day,
// the horizon, the lowest point and the warning. Calendar facts used below (2026): 04-25, 07-25, 08-01, 10-10 are
// Saturdays; 05-01, 05-05, 05-24/25 and 03-02 are bank holidays; 05-31 and 11-01 are Sundays. Fixtures are built in tests.
import { describe, expect, it } from 'vitest';
import {
  buildForecast, forecastSeries, MIN_HORIZON_DAYS, nextSalary, occurrences, VARIABLE_WINDOW_DAYS, variableDailySpending,
} from '../../src/domain/forecast.js';
import type { RecurringSeries } from '../../src/domain/recurring-types.js';

function series(parts: Partial<RecurringSeries> & Pick<RecurringSeries, 'nextDate'>): RecurringSeries {
  return {
    memo: '월세', account: 'A', direction: 'out', cadence: 'monthly', count: 6, averageAmount: 500_000, lastAmount: 500_000,
    firstDate: '2025-10-25', lastDate: '2026-03-25', active: true, category: 'housing', intervalStdDays: 1,
    amountKind: 'fixed', expectedAmount: 500_000, ...parts,
  };
}

describe('expected dates of a monthly series', () => {
  it('a salary due on the 25th is paid on the business day before when the 25th is not one', () => {
    const s = series({ nextDate: '2026-04-24', dayOfMonth: 25, roll: 'backward', direction: 'in' });
    // May 25 is a substitute holiday after the Sunday 24th; July 25 is a Saturday
    expect(occurrences(s, '2026-04-20', '2026-07-31')).toEqual(['2026-04-24', '2026-05-22', '2026-06-25', '2026-07-24']);
  });

  it('a debit due on the 25th moves to the next business day; one that never moves keeps its day', () => {
    expect(occurrences(series({ nextDate: '2026-04-27', dayOfMonth: 25 }), '2026-04-20', '2026-07-31'))
      .toEqual(['2026-04-27', '2026-05-26', '2026-06-25', '2026-07-27']);
    expect(occurrences(series({ nextDate: '2026-04-27', dayOfMonth: 25, roll: 'forward' }), '2026-04-20', '2026-07-31'))
      .toEqual(['2026-04-27', '2026-05-26', '2026-06-25', '2026-07-27']);
    expect(occurrences(series({ nextDate: '2026-04-25', dayOfMonth: 25, roll: 'none' }), '2026-04-20', '2026-07-31'))
      .toEqual(['2026-04-25', '2026-05-25', '2026-06-25', '2026-07-25']);
  });

  it('a month-end payment moved into the next month still counts from the month it belongs to', () => {
    // January 31 was a Saturday: paid Monday February 2; February 28 is a Saturday and March 2 a holiday
    const s = series({ nextDate: '2026-02-02', dayOfMonth: 'last' });
    expect(occurrences(s, '2026-02-01', '2026-06-01')).toEqual(['2026-02-02', '2026-03-03', '2026-03-31', '2026-04-30', '2026-06-01']);
  });

  it('a payment due on the 1st and moved back into the previous month counts from the month after', () => {
    // August 1 is a Saturday: paid Friday July 31; November 1 is a Sunday
    const s = series({ nextDate: '2026-07-31', dayOfMonth: 1, roll: 'backward' });
    expect(occurrences(s, '2026-07-28', '2026-11-02')).toEqual(['2026-07-31', '2026-09-01', '2026-10-01', '2026-10-30']);
  });

  it('a next date up to 15 days from its nominal day belongs to that month', () => {
    expect(occurrences(series({ nextDate: '2026-04-05', dayOfMonth: 20, roll: 'none' }), '2026-04-01', '2026-05-31'))
      .toEqual(['2026-04-05', '2026-05-20']);
    expect(occurrences(series({ nextDate: '2026-04-25', dayOfMonth: 10, roll: 'none' }), '2026-04-01', '2026-05-31'))
      .toEqual(['2026-04-25', '2026-05-10']);
    expect(occurrences(series({ nextDate: '2026-04-04', dayOfMonth: 20, roll: 'none' }), '2026-04-01', '2026-04-30'))
      .toEqual(['2026-04-04', '2026-04-20']);
    expect(occurrences(series({ nextDate: '2026-04-26', dayOfMonth: 10, roll: 'none' }), '2026-04-01', '2026-06-30'))
      .toEqual(['2026-04-26', '2026-06-10']);
  });

  it('quarterly and yearly series step three and twelve months from their nominal day', () => {
    expect(occurrences(series({ nextDate: '2026-04-10', dayOfMonth: 10, cadence: 'quarterly' }), '2026-04-01', '2027-04-30'))
      .toEqual(['2026-04-10', '2026-07-10', '2026-10-12', '2027-01-11', '2027-04-12']);
    expect(occurrences(series({ nextDate: '2026-04-10', dayOfMonth: 10, cadence: 'yearly' }), '2026-04-01', '2028-04-30'))
      .toEqual(['2026-04-10', '2027-04-12', '2028-04-10']);
  });
});

describe('expected dates without a day of month', () => {
  it('weekly and biweekly series step 7 and 14 days, moved off holidays', () => {
    // May 5 is Children's Day
    expect(occurrences(series({ nextDate: '2026-04-28', cadence: 'weekly' }), '2026-04-20', '2026-05-19'))
      .toEqual(['2026-04-28', '2026-05-06', '2026-05-12', '2026-05-19']);
    expect(occurrences(series({ nextDate: '2026-04-28', cadence: 'biweekly' }), '2026-04-20', '2026-05-26'))
      .toEqual(['2026-04-28', '2026-05-12', '2026-05-26']);
  });

  it('a monthly, quarterly or yearly series with no nominal day steps 30, 90 or 360 days', () => {
    expect(occurrences(series({ nextDate: '2026-04-01' }), '2026-04-01', '2026-06-30')).toEqual(['2026-04-01', '2026-05-04', '2026-06-01', '2026-06-30']);
    expect(occurrences(series({ nextDate: '2026-04-01', cadence: 'quarterly' }), '2026-04-01', '2026-12-31')).toEqual(['2026-04-01', '2026-06-30', '2026-09-28', '2026-12-28']);
    expect(occurrences(series({ nextDate: '2026-04-01', cadence: 'yearly' }), '2026-04-01', '2027-12-31')).toEqual(['2026-04-01', '2027-03-29']);
  });
});

describe('the window', () => {
  it('an overdue but active series is expected today, then on its regular dates', () => {
    expect(occurrences(series({ nextDate: '2026-04-14', cadence: 'weekly' }), '2026-04-20', '2026-05-03'))
      .toEqual(['2026-04-20', '2026-04-21', '2026-04-28']);
    expect(occurrences(series({ nextDate: '2026-04-01', cadence: 'weekly' }), '2026-04-20', '2026-05-03'))
      .toEqual(['2026-04-20', '2026-04-22', '2026-04-29']);
  });

  it('a weekly payment missed a full week ago is expected twice today: the missed one and this week\'s', () => {
    expect(occurrences(series({ nextDate: '2026-04-13', cadence: 'weekly' }), '2026-04-20', '2026-04-30'))
      .toEqual(['2026-04-20', '2026-04-20', '2026-04-27']);
  });

  it('includes a date on the last day and nothing after it', () => {
    expect(occurrences(series({ nextDate: '2026-06-01', dayOfMonth: 1 }), '2026-04-20', '2026-05-31')).toEqual([]);
    expect(occurrences(series({ nextDate: '2026-05-29', dayOfMonth: 29 }), '2026-04-20', '2026-05-29')).toEqual(['2026-05-29']);
    expect(occurrences(series({ nextDate: '2026-04-29', dayOfMonth: 29 }), '2026-04-20', '2026-05-29')).toEqual(['2026-04-29', '2026-05-29']);
  });

  it('a projection decades long stops after a thousand periods', () => {
    const dates = occurrences(series({ nextDate: '2026-04-28', cadence: 'weekly' }), '2026-04-20', '2048-12-31');
    expect(dates).toHaveLength(1000);
    expect(dates[999]! < '2046-01-01').toBe(true);
  });
});

describe('which series count', () => {
  it('active series only, and no transfer between own accounts', () => {
    const kept = series({ nextDate: '2026-05-01', memo: 'kept' });
    const list = [kept, series({ nextDate: '2026-05-01', active: false }), series({ nextDate: '2026-05-01', ownTransfer: true }),
      series({ nextDate: '2026-05-01', memo: 'own false', ownTransfer: false })];
    expect(forecastSeries(list).map((s) => s.memo)).toEqual(['kept', 'own false']);
  });

  it('the next salary is the earliest expected incoming salary from today on', () => {
    const salary = (nextDate: string, parts: Partial<RecurringSeries> = {}) =>
      series({ nextDate, dayOfMonth: Number(nextDate.slice(8)), direction: 'in', category: 'salary', ...parts });
    expect(nextSalary([salary('2026-05-08'), salary('2026-04-24'), salary('2026-04-22', { category: 'transfer' })], '2026-04-20')).toBe('2026-04-24');
    expect(nextSalary([salary('2026-04-24'), salary('2026-05-08'), salary('2026-05-07')], '2026-04-20')).toBe('2026-04-24');
    expect(nextSalary([salary('2026-04-24', { direction: 'out' }), salary('2026-04-22', { active: false }), salary('2026-04-21', { ownTransfer: true })], '2026-04-20')).toBeNull();
    expect(nextSalary([], '2026-04-20')).toBeNull();
    // overdue but active: expected today
    expect(nextSalary([salary('2026-04-10')], '2026-04-20')).toBe('2026-04-20');
    // a yearly bonus a year ahead is still found
    expect(nextSalary([salary('2027-03-10', { cadence: 'yearly' })], '2026-04-20')).toBe('2027-03-10');
    expect(nextSalary([salary('2027-06-10', { cadence: 'yearly' })], '2026-04-20')).toBeNull();
  });
});

describe('variable spending per day', () => {
  it("is the last 90 days' spending without the fixed payments' memos of the same account, per day, rounded", () => {
    const fixed = [series({ nextDate: '2026-05-01', memo: '월세', account: 'A' }), series({ nextDate: '2026-05-25', memo: '급여', account: 'A', direction: 'in' })];
    const groups = [
      { account: 'A', memo: '월세', amount: 1_500_000 },
      { account: 'B', memo: '월세', amount: 900 }, // same memo, other account: variable
      { account: 'A', memo: '급여', amount: 90 }, // an incoming series' memo is not a fixed payment
      { account: 'A', memo: '편의점', amount: 45 },
    ];
    expect(VARIABLE_WINDOW_DAYS).toBe(90);
    expect(variableDailySpending(groups, fixed)).toBe(12); // 1035 / 90 = 11.5 → 12
    expect(variableDailySpending(groups.slice(1, 3), fixed)).toBe(11); // 990 / 90
    expect(variableDailySpending([{ account: 'A', memo: '편의점', amount: 44 }], fixed)).toBe(0);
    expect(variableDailySpending([], fixed)).toBe(0);
  });

  it('keeps account and memo apart', () => {
    const fixed = [series({ nextDate: '2026-05-01', memo: 'b월세', account: 'a' })];
    expect(variableDailySpending([{ account: 'ab', memo: '월세', amount: 900 }], fixed)).toBe(10);
  });
});

describe('the forecast', () => {
  const today = '2026-04-20';

  it('runs 30 days from today by default, each day carrying the variable spending', () => {
    const f = buildForecast({ today, start: 1_000, series: [], variableDaily: 10 });
    expect(MIN_HORIZON_DAYS).toBe(30);
    expect(f.days).toHaveLength(30);
    expect([f.from, f.to, f.start, f.variableDaily, f.nextSalary, f.warning]).toEqual([today, '2026-05-19', 1_000, 10, null, null]);
    expect(f.days[0]).toEqual({ date: today, balance: 990, fixed: [], variable: 10 });
    expect(f.days[29]).toEqual({ date: '2026-05-19', balance: 700, fixed: [], variable: 10 });
    expect(f.end).toEqual({ date: '2026-05-19', balance: 700 });
    expect(f.lowest).toEqual({ date: '2026-05-19', balance: 700 });
  });

  it('runs through the day after the next salary when that is later, and for exactly the days asked when asked', () => {
    const salary = series({ nextDate: '2026-05-22', dayOfMonth: 25, direction: 'in', category: 'salary', memo: '급여', roll: 'backward' });
    expect(buildForecast({ today, start: 0, series: [salary], variableDaily: 0 }).to).toBe('2026-05-23');
    const early = { ...salary, nextDate: '2026-05-08', dayOfMonth: 8 };
    expect(buildForecast({ today, start: 0, series: [early], variableDaily: 0 }).to).toBe('2026-05-19');
    const soon = { ...salary, nextDate: '2026-05-18', dayOfMonth: 18 };
    expect(buildForecast({ today, start: 0, series: [soon], variableDaily: 0 }).to).toBe('2026-05-19');
    const edge = { ...salary, nextDate: '2026-05-19', dayOfMonth: 19 };
    expect(buildForecast({ today, start: 0, series: [edge], variableDaily: 0 }).to).toBe('2026-05-20');
    const asked = buildForecast({ today, days: 3, start: 0, series: [salary], variableDaily: 0 });
    expect(asked.days.map((d) => d.date)).toEqual(['2026-04-20', '2026-04-21', '2026-04-22']);
    expect(buildForecast({ today, days: 1, start: 5, series: [], variableDaily: 1 }).days).toEqual([{ date: today, balance: 4, fixed: [], variable: 1 }]);
  });

  it('adds incoming and takes outgoing payments on their dates, incoming first, then by memo', () => {
    const f = buildForecast({
      today, days: 5, start: 100, variableDaily: 1,
      series: [
        series({ nextDate: '2026-04-21', memo: 'b구독', expectedAmount: 30 }),
        series({ nextDate: '2026-04-21', memo: 'a보험', expectedAmount: 20 }),
        series({ nextDate: '2026-04-21', memo: 'z환급', direction: 'in', expectedAmount: 7 }),
        series({ nextDate: '2026-04-23', memo: '해지', expectedAmount: 1_000, active: false }),
        series({ nextDate: '2026-04-23', memo: '내 계좌로', expectedAmount: 1_000, ownTransfer: true }),
      ],
    });
    expect(f.days.map((d) => d.balance)).toEqual([99, 55, 54, 53, 52]);
    expect(f.days[1]!.fixed).toEqual([
      { memo: 'z환급', direction: 'in', amount: 7 },
      { memo: 'a보험', direction: 'out', amount: 20 },
      { memo: 'b구독', direction: 'out', amount: 30 },
    ]);
    expect(f.days[3]!.fixed).toEqual([]);
  });

  it('two payments of one series in the window both count', () => {
    const f = buildForecast({ today, days: 9, start: 100, variableDaily: 0, series: [series({ nextDate: '2026-04-21', cadence: 'weekly', expectedAmount: 10 })] });
    expect(f.days.map((d) => d.balance)).toEqual([100, 90, 90, 90, 90, 90, 90, 90, 80]);
  });

  it('the lowest point is the first lowest day, even when every day is above the start', () => {
    const up = buildForecast({ today, days: 3, start: 0, variableDaily: -5, series: [] });
    expect(up.lowest).toEqual({ date: today, balance: 5 });
    const dip = buildForecast({
      today, days: 5, start: 100, variableDaily: 0,
      series: [series({ nextDate: '2026-04-21', memo: 'x', expectedAmount: 50 }), series({ nextDate: '2026-04-23', memo: 'y', direction: 'in', expectedAmount: 50 }),
        series({ nextDate: '2026-04-24', memo: 'z', expectedAmount: 50 })],
    });
    expect(dip.days.map((d) => d.balance)).toEqual([100, 50, 50, 100, 50]);
    expect(dip.lowest).toEqual({ date: '2026-04-21', balance: 50 });
  });

  it('warns when the balance goes below zero before the next salary, not after it', () => {
    const salary = series({ nextDate: '2026-04-24', dayOfMonth: 24, direction: 'in', category: 'salary', memo: '급여', expectedAmount: 1_000 });
    const rent = (nextDate: string) => series({ nextDate, dayOfMonth: Number(nextDate.slice(8)), memo: '월세', expectedAmount: 150 });
    const before = buildForecast({ today, days: 10, start: 100, variableDaily: 0, series: [salary, rent('2026-04-22')] });
    expect(before.nextSalary).toBe('2026-04-24');
    expect(before.warning).toBe('the balance goes below zero on 2026-04-22 (-50), before the next salary on 2026-04-24');
    // on the salary day itself, paid before the salary arrives the same day: still short
    const sameDay = buildForecast({ today, days: 10, start: 100, variableDaily: 60, series: [salary] });
    expect(sameDay.days.map((d) => d.balance).slice(0, 5)).toEqual([40, -20, -80, -140, 800]);
    expect(sameDay.warning).toBe('the balance goes below zero on 2026-04-21 (-20), before the next salary on 2026-04-24');
    const after = buildForecast({ today, days: 10, start: 100, variableDaily: 0, series: [salary, rent('2026-04-27'), rent('2026-05-27')] });
    expect(after.days.some((d) => d.balance < 0)).toBe(false);
    const afterSalary = buildForecast({ today, days: 10, start: 100, variableDaily: 0, series: [salary, { ...rent('2026-04-27'), expectedAmount: 2_000 }] });
    expect(afterSalary.lowest.balance).toBeLessThan(0);
    expect(afterSalary.warning).toBeNull();
  });

  it('without a salary, warns when the balance goes below zero anywhere in the horizon', () => {
    const f = buildForecast({ today, days: 10, start: 100, variableDaily: 0, series: [series({ nextDate: '2026-04-29', dayOfMonth: 29, expectedAmount: 101 })] });
    expect(f.warning).toBe('the balance goes below zero on 2026-04-29 (-1)');
    const zero = buildForecast({ today, days: 10, start: 100, variableDaily: 0, series: [series({ nextDate: '2026-04-29', dayOfMonth: 29, expectedAmount: 100 })] });
    expect(zero.warning).toBeNull();
    expect(zero.end).toEqual({ date: '2026-04-29', balance: 0 });
  });
});
