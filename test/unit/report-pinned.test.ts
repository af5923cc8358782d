// Pins rules of the report builder (src/domain/report.ts) that the symmetric fixture of report.test.ts cannot tell
// apart: which leg of an own transfer is counted, the period's edges, ordering ties, the upcoming window's edges and
// which balance point a week takes. Fixtures are built inside each test.
import { describe, expect, it } from 'vitest';
import { buildReport, defaultPeriod, fixedRow, monthPeriod, reportWeeks, weekStartOf, type ReportData } from '../../src/domain/report.js';
import { categoryName } from '../../src/domain/categories.js';
import type { RecurringSeries } from '../../src/domain/recurring-types.js';

type Flow = ReportData['flows'][number];
const flow = (date: string, direction: 'in' | 'out', amount: number, category = 'food', own = false, count = 1): Flow =>
  ({ date, direction, category, own, count, amount });

function data(parts: Partial<ReportData>): ReportData {
  return { accounts: [], flows: [], balances: [], initialBalances: new Map(), fixed: [], ...parts };
}

function series(memo: string, nextDate: string, active = true): RecurringSeries {
  return {
    memo, account: 'A', direction: 'out', cadence: 'monthly', count: 6, averageAmount: 10_000, lastAmount: 10_000,
    firstDate: '2026-01-05', lastDate: '2026-03-05', nextDate, active, category: 'housing', intervalStdDays: 0.5,
    amountKind: 'fixed', dayOfMonth: 5,
  };
}

const spec = { from: '2026-03-02', to: '2026-03-15', today: '2026-03-15' }; // two whole weeks, Monday to Sunday

describe('own transfers', () => {
  it('are counted on their outgoing leg, whatever the incoming leg says', () => {
    // grouped per day, the legs need not look alike: two outgoing rows in one group, the incoming ones elsewhere
    const r = buildReport(spec, data({
      flows: [flow('2026-03-03', 'out', 300_000, 'transfer', true, 2), flow('2026-03-03', 'in', 100_000, 'transfer', true, 1)],
    }));
    expect(r.ownTransfers).toEqual({ count: 2, amount: 300_000 });
    expect([r.income, r.spending, r.categories]).toEqual([0, 0, []]);
    expect(r.weekly.map((w) => [w.income, w.spending])).toEqual([[0, 0], [0, 0]]);
  });
});

describe('the period', () => {
  it('includes flows on its first and last day and nothing outside', () => {
    const r = buildReport(spec, data({
      flows: [flow('2026-03-01', 'out', 1), flow('2026-03-02', 'out', 10), flow('2026-03-15', 'out', 100), flow('2026-03-16', 'out', 1_000),
        flow('2026-03-01', 'in', 2), flow('2026-03-02', 'in', 20), flow('2026-03-15', 'in', 200), flow('2026-03-16', 'in', 2_000)],
    }));
    expect([r.spending, r.income, r.net]).toEqual([110, 220, 110]);
    expect(r.weekly.map((w) => [w.weekStart, w.spending, w.income])).toEqual([['2026-03-02', 10, 20], ['2026-03-09', 100, 200]]);
  });

  it('the default period is the three months ending today; a month runs from its first to its last day', () => {
    expect(defaultPeriod('2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' });
    expect(defaultPeriod('2026-03-15')).toEqual({ from: '2025-12-16', to: '2026-03-15' });
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('weeks start on Monday, a Sunday belongs to the week before, and the last week ends at the period end', () => {
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
    expect(reportWeeks('2026-03-08', '2026-03-10')).toEqual([
      { weekStart: '2026-03-02', end: '2026-03-08' },
      { weekStart: '2026-03-09', end: '2026-03-10' },
    ]);
    expect(reportWeeks('2026-03-02', '2026-03-08')).toEqual([{ weekStart: '2026-03-02', end: '2026-03-08' }]);
  });
});

describe('categories', () => {
  it('sum count and amount per category, sort by amount and then by id, with shares to four decimals', () => {
    const r = buildReport(spec, data({
      flows: [flow('2026-03-03', 'out', 100, 'mart'), flow('2026-03-04', 'out', 200, 'food'), flow('2026-03-10', 'out', 200, 'cafe', false, 3),
        flow('2026-03-11', 'out', 200, 'mart', false, 2), flow('2026-03-12', 'in', 5_000, 'salary')],
    }));
    expect(r.categories.map((c) => [c.category, c.amount, c.count, c.share])).toEqual([
      ['mart', 300, 3, 0.4286],
      ['cafe', 200, 3, 0.2857],
      ['food', 200, 1, 0.2857],
    ]);
    expect(r.categories.map((c) => c.name)).toEqual(['mart', 'cafe', 'food'].map(categoryName));
  });
});

describe('upcoming fixed payments', () => {
  it('lists active series due from today through today+30 inclusive, by date then memo', () => {
    const r = buildReport(spec, data({
      fixed: [series('월세', '2026-04-14'), series('b보험', '2026-03-20'), series('a보험', '2026-03-20'), series('어제', '2026-03-14'),
        series('오늘', '2026-03-15'), series('너무 먼', '2026-04-15'), series('해지됨', '2026-03-20', false)],
    }));
    expect(r.upcoming.map((s) => s.memo)).toEqual(['오늘', 'a보험', 'b보험', '월세']);
    expect(r.upcoming[0]).not.toHaveProperty('dayOfMonth');
    const { dayOfMonth: _internal, ...shown } = series('x', '2026-03-20');
    expect(fixedRow(series('x', '2026-03-20'))).toMatchObject(shown);
    expect(fixedRow(series('x', '2026-03-20'))).not.toHaveProperty('dayOfMonth');
  });
});

describe('assets and weekly balances', () => {
  it('assets count an account without a known balance as 0 and keep the account listed', () => {
    const accounts = [
      { id: 'A', bankName: 'KB', accountNumMasked: '1**', alias: 'main', balance: 1_000, balanceAt: '2026-03-15', extra: 'x' },
      { id: 'B', bankName: 'NH', accountNumMasked: '2**', alias: '', balance: null, balanceAt: null },
    ];
    const r = buildReport(spec, data({ accounts }));
    expect(r.assets).toBe(1_000);
    expect(r.accounts).toEqual([
      { id: 'A', bankName: 'KB', accountNumMasked: '1**', alias: 'main', balance: 1_000, balanceAt: '2026-03-15' },
      { id: 'B', bankName: 'NH', accountNumMasked: '2**', alias: '', balance: null, balanceAt: null },
    ]);
  });

  it("a week takes each account's last point on or before its Sunday, the later of two on one day, else the initial balance", () => {
    const r = buildReport(spec, data({
      accounts: [{ id: 'A', bankName: '', accountNumMasked: '', alias: '', balance: 0, balanceAt: null }],
      balances: [
        { account: 'A', date: '2026-03-10', balanceAfter: 700 },
        { account: 'A', date: '2026-03-08', balanceAfter: 500 },
        { account: 'A', date: '2026-03-08', balanceAfter: 400 }, // later on the same day
        { account: 'B', date: '2026-03-09', balanceAfter: 30 }, // not among the accounts: still money
      ],
      initialBalances: new Map([['A', 100], ['C', 7]]),
    }));
    expect(r.weekly.map((w) => w.balance)).toEqual([400, 730]);
    const before = buildReport({ from: '2026-02-23', to: '2026-03-01', today: '2026-03-01' }, data({
      accounts: [{ id: 'A', bankName: '', accountNumMasked: '', alias: '', balance: 0, balanceAt: null }],
      balances: [{ account: 'A', date: '2026-03-08', balanceAfter: 500 }],
      initialBalances: new Map([['A', 100]]),
    }));
    expect(before.weekly.map((w) => w.balance)).toEqual([100]);
  });
});
