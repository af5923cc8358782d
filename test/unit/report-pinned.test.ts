// Pins rules of the report builder (src/domain/report.ts) that the symmetric fixture of report.test.ts cannot tell
// apart: which leg of an own transfer is counted, the period's edges, ordering ties, the upcoming window's edges and
// which balance point a week takes. Fixtures are built inside each test.
import { describe, expect, it } from 'vitest';
import { buildReport, defaultPeriod, fixedRow, monthPeriod, previousPeriod, reportWeeks, TOP_PAYEES, weekStartOf, type ReportData } from '../../src/domain/report.js';
import type { BudgetStatus } from '../../src/domain/budget.js';
import type { Forecast } from '../../src/domain/forecast.js';
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

describe('the comparison period', () => {
  it('is the month before for a calendar month, whatever its length', () => {
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-02-01', '2026-02-28')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('is the same number of days just before for any other period', () => {
    // starts on the 1st but stops mid-month: 15 days back, not the month before
    expect(previousPeriod('2026-03-01', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-02-28' });
    // ends on the month's last day but starts later
    expect(previousPeriod('2026-03-02', '2026-03-31')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    // a month long but not a calendar month: 31 days back, not "the month before"
    expect(previousPeriod('2026-03-15', '2026-04-14')).toEqual({ from: '2026-02-12', to: '2026-03-14' });
    // one day
    expect(previousPeriod('2026-03-10', '2026-03-10')).toEqual({ from: '2026-03-09', to: '2026-03-09' });
    // two whole months are not "a month"
    expect(previousPeriod('2026-03-01', '2026-04-30')).toEqual({ from: '2025-12-30', to: '2026-02-28' }) // 61 days each;
  });

  it('gets its own totals and categories from the previous flows, within its own edges', () => {
    const month = { from: '2026-03-01', to: '2026-03-31', today: '2026-03-31' };
    const r = buildReport(month, data({
      flows: [flow('2026-03-05', 'out', 999)],
      previousFlows: [flow('2026-01-31', 'out', 1), flow('2026-02-01', 'out', 300, 'mart'), flow('2026-02-28', 'out', 100),
        flow('2026-02-10', 'in', 5_000, 'salary'), flow('2026-03-01', 'out', 7), flow('2026-02-11', 'out', 50, 'transfer', true)],
    }));
    expect(r.previous).toEqual({
      from: '2026-02-01', to: '2026-02-28', income: 5_000, spending: 400,
      categories: [
        { category: 'mart', name: categoryName('mart'), amount: 300, count: 1, share: 0.75 },
        { category: 'food', name: categoryName('food'), amount: 100, count: 1, share: 0.25 },
      ],
    });
    expect(r.spending).toBe(999);
    expect(buildReport(month, data({ flows: [flow('2026-03-05', 'out', 999)] }))).not.toHaveProperty('previous');
  });
});

describe('a period that ended before today', () => {
  const accounts = [
    { id: 'A', bankName: 'KB', accountNumMasked: '1**', alias: 'main', balance: 9_000, balanceAt: '2026-04-20' },
    { id: 'B', bankName: 'NH', accountNumMasked: '2**', alias: '', balance: 5_000, balanceAt: '2026-04-20' },
    { id: 'C', bankName: 'SH', accountNumMasked: '3**', alias: '', balance: 1_000, balanceAt: '2026-04-20' },
  ];
  const past = { from: '2026-03-02', to: '2026-03-15', today: '2026-04-20' };

  it("shows each account's balance at the period end (its initial balance before its first transaction, else none)", () => {
    const r = buildReport(past, data({
      accounts,
      endBalances: [{ account: 'A', balanceAfter: 4_000 }],
      initialBalances: new Map([['A', 1], ['B', 2_500]]),
      fixed: [series('월세', '2026-04-25')],
    }));
    expect(r.accounts.map((a) => [a.id, a.balance, a.balanceAt])).toEqual([['A', 4_000, '2026-03-15'], ['B', 2_500, '2026-03-15'], ['C', null, '2026-03-15']]);
    expect(r.accounts[0]).toEqual({ id: 'A', bankName: 'KB', accountNumMasked: '1**', alias: 'main', balance: 4_000, balanceAt: '2026-03-15' });
    expect(r.assets).toBe(6_500);
    expect(r.upcoming).toEqual([]); // nothing is upcoming in a past period
  });

  it('a balance of 0 at the period end is 0, not the initial balance', () => {
    const r = buildReport(past, data({ accounts: accounts.slice(0, 1), endBalances: [{ account: 'A', balanceAfter: 0 }], initialBalances: new Map([['A', 700]]) }));
    expect(r.accounts[0]!.balance).toBe(0);
  });

  it('a period ending today, or without end balances, shows the current balances and the upcoming payments', () => {
    const current = (spec: typeof past, endBalances?: ReportData['endBalances']) =>
      buildReport(spec, data({ accounts, endBalances, initialBalances: new Map([['B', 2_500]]), fixed: [series('월세', '2026-03-20'), series('관리비', '2026-04-25')] }));
    const today = current({ ...past, today: '2026-03-15' }, [{ account: 'A', balanceAfter: 4_000 }]);
    expect(today.accounts.map((a) => [a.balance, a.balanceAt])).toEqual([[9_000, '2026-04-20'], [5_000, '2026-04-20'], [1_000, '2026-04-20']]);
    expect(today.upcoming.map((u) => u.memo)).toEqual(['월세']);
    const noEnd = current(past);
    expect(noEnd.accounts.map((a) => a.balance)).toEqual([9_000, 5_000, 1_000]);
    expect(noEnd.assets).toBe(15_000);
    expect(noEnd.upcoming.map((u) => u.memo)).toEqual(['관리비']);
  });
});

describe('the optional parts', () => {
  it('top payees: at most ten, by amount then name, in the payee/amount/count shape', () => {
    const payees = Array.from({ length: 12 }, (_, i) => ({ payee: `p${String(i).padStart(2, '0')}`, amount: 1_000 * (i % 6), count: i + 1, extra: true }));
    const r = buildReport(spec, data({ payees }));
    expect(r.topPayees).toHaveLength(TOP_PAYEES);
    expect(r.topPayees!.map((p) => [p.payee, p.amount])).toEqual([
      ['p05', 5_000], ['p11', 5_000], ['p04', 4_000], ['p10', 4_000], ['p03', 3_000], ['p09', 3_000], ['p02', 2_000], ['p08', 2_000], ['p01', 1_000], ['p07', 1_000],
    ]);
    expect(r.topPayees![0]).toEqual({ payee: 'p05', amount: 5_000, count: 6 });
    expect(payees[0]!.payee).toBe('p00'); // the input keeps its order
    expect(buildReport(spec, data({}))).not.toHaveProperty('topPayees');
  });

  it('changes of the fixed series are listed when the history start is known', () => {
    const started: RecurringSeries = { ...series('넷플릭스', '2026-04-05'), firstDate: '2026-03-05', expectedAmount: 10_000 };
    const r = buildReport(spec, data({ fixed: [started], historyStart: new Map([['A', '2025-01-01']]) }));
    expect(r.changes).toEqual([{ memo: '넷플릭스', account: 'A', kind: 'new', date: '2026-03-05', newAmount: 10_000 }]);
    expect(buildReport(spec, data({ fixed: [started] }))).not.toHaveProperty('changes');
  });

  it('budgets appear only when some are set; a forecast is passed through', () => {
    const budget: BudgetStatus = { category: 'food', name: '식비', limit: 100, spent: 50, remaining: 50, share: 0.5, status: 'ok', projected: 90 };
    expect(buildReport(spec, data({ budgets: [budget] })).budgets).toEqual([budget]);
    expect(buildReport(spec, data({ budgets: [] }))).not.toHaveProperty('budgets');
    expect(buildReport(spec, data({}))).not.toHaveProperty('budgets');
    const forecast = { from: '2026-03-15', to: '2026-04-13', start: 0 } as Forecast;
    expect(buildReport(spec, data({ forecast })).forecast).toBe(forecast);
    expect(buildReport(spec, data({}))).not.toHaveProperty('forecast');
  });
});

describe('edges of the weekly view', () => {
  it('a period ending on a Monday has a one-day last week', () => {
    expect(reportWeeks('2026-03-02', '2026-03-09')).toEqual([
      { weekStart: '2026-03-02', end: '2026-03-08' },
      { weekStart: '2026-03-09', end: '2026-03-09' },
    ]);
    const r = buildReport({ from: '2026-03-02', to: '2026-03-09', today: '2026-03-09' }, data({ flows: [flow('2026-03-09', 'out', 40)] }));
    expect(r.weekly.map((w) => [w.weekStart, w.spending])).toEqual([['2026-03-02', 0], ['2026-03-09', 40]]);
  });

  it("an account whose first transaction comes after the period still counts its balance from before it", () => {
    const r = buildReport(spec, data({
      accounts: [{ id: 'A', bankName: '', accountNumMasked: '', alias: '', balance: 0, balanceAt: null },
        { id: 'L', bankName: '', accountNumMasked: '', alias: '', balance: 0, balanceAt: null }],
      balances: [{ account: 'A', date: '2026-03-03', balanceAfter: 10 }],
      initialBalances: new Map([['A', 1], ['L', 5_000]]),
    }));
    expect(r.weekly.map((w) => w.balance)).toEqual([5_010, 5_010]);
  });

  it('a zero-won payment alone gives its category share 0', () => {
    const r = buildReport(spec, data({ flows: [flow('2026-03-03', 'out', 0, 'food')] }));
    expect(r.categories).toEqual([{ category: 'food', name: categoryName('food'), amount: 0, count: 1, share: 0 }]);
  });
});

describe('fixed rows', () => {
  it('say whether a series is a transfer between own accounts, false when not marked', () => {
    expect(fixedRow({ ...series('x', '2026-03-20'), ownTransfer: true }).ownTransfer).toBe(true);
    expect(fixedRow({ ...series('x', '2026-03-20'), ownTransfer: false }).ownTransfer).toBe(false);
    expect(fixedRow(series('x', '2026-03-20')).ownTransfer).toBe(false);
  });
});
