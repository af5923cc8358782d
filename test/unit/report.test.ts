// buildReport from tiny row builders: totals against independent sums, shares, own transfers, weekly balances,
// upcoming fixed payments, and the period helpers.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, defaultPeriod, monthPeriod, reportWeeks, weekStartOf, type ReportData } from '../../src/domain/report.js';
import type { RecurringSeries } from '../../src/domain/recurring-types.js';

interface Row {
  id: number;
  account: string;
  date: string;
  time: string;
  direction: 'in' | 'out';
  amount: number;
  balanceAfter: number;
  category: string;
  own: boolean;
}

/** A deterministic history over two accounts whose balance_after chains are consistent. */
function history(): Row[] {
  const rows: Row[] = [];
  const balance: Record<string, number> = { A: 500_000, B: 2_000_000 };
  const cats = ['food', 'cafe', 'mart', 'transfer', 'housing'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let id = 0;
  for (let day = 0; day < 120; day++) {
    const date = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    for (let k = 0; k < 3; k++) {
      const account = rnd() < 0.5 ? 'A' : 'B';
      const direction = rnd() < 0.25 ? 'in' : 'out';
      const amount = 1000 + Math.floor(rnd() * 90_000);
      balance[account]! += direction === 'in' ? amount : -amount;
      const category = direction === 'in' ? 'salary' : cats[Math.floor(rnd() * cats.length)]!;
      rows.push({ id: ++id, account, date, time: `1${k}:00:00`, direction, amount, balanceAfter: balance[account]!, category, own: false });
    }
    if (day % 10 === 3) {
      // an own transfer A → B
      balance.A! -= 100_000;
      balance.B! += 100_000;
      rows.push({ id: ++id, account: 'A', date, time: '18:00:00', direction: 'out', amount: 100_000, balanceAfter: balance.A!, category: 'transfer', own: true });
      rows.push({ id: ++id, account: 'B', date, time: '18:00:05', direction: 'in', amount: 100_000, balanceAfter: balance.B!, category: 'transfer', own: true });
    }
  }
  return rows;
}

function dataFrom(rows: Row[], fixed: RecurringSeries[] = []): ReportData {
  const initial = new Map<string, number>();
  for (const r of rows) if (!initial.has(r.account)) initial.set(r.account, r.direction === 'in' ? r.balanceAfter - r.amount : r.balanceAfter + r.amount);
  return {
    accounts: ['A', 'B'].map((id) => ({ id, bankName: 'KB국민은행', accountNumMasked: `${id}***`, alias: '', balance: rows.filter((r) => r.account === id).at(-1)!.balanceAfter, balanceAt: null })),
    flows: rows.map((r) => ({ date: r.date, direction: r.direction, category: r.category, own: r.own, count: 1, amount: r.amount })),
    balances: rows.map((r) => ({ account: r.account, date: r.date, balanceAfter: r.balanceAfter })),
    initialBalances: initial,
    fixed,
  };
}

const spec = { from: '2026-02-04', to: '2026-04-15', today: '2026-04-15' };
// Built in beforeAll, not at module load: Stryker's per-test coverage cannot see code run while a test file loads.
let rows: Row[];
let inPeriod: Row[];
let report: ReturnType<typeof buildReport>;
beforeAll(() => {
  rows = history();
  inPeriod = rows.filter((r) => r.date >= spec.from && r.date <= spec.to);
  report = buildReport(spec, dataFrom(rows));
});

describe('buildReport totals', () => {
  it('income and spending equal independent sums over the period without own transfers', () => {
    const income = inPeriod.filter((r) => r.direction === 'in' && !r.own).reduce((s, r) => s + r.amount, 0);
    const spending = inPeriod.filter((r) => r.direction === 'out' && !r.own).reduce((s, r) => s + r.amount, 0);
    expect(income).toBeGreaterThan(0);
    expect(report.income).toBe(income);
    expect(report.spending).toBe(spending);
    expect(report.net).toBe(income - spending);
  });

  it('counts each own transfer once and keeps it out of income, spending and categories', () => {
    const own = inPeriod.filter((r) => r.own && r.direction === 'out');
    expect(own.length).toBeGreaterThan(0);
    expect(report.ownTransfers).toEqual({ count: own.length, amount: own.reduce((s, r) => s + r.amount, 0) });
    const transfer = report.categories.find((c) => c.category === 'transfer')!;
    const expected = inPeriod.filter((r) => r.category === 'transfer' && r.direction === 'out' && !r.own);
    expect(transfer.count).toBe(expected.length);
    expect(transfer.amount).toBe(expected.reduce((s, r) => s + r.amount, 0));
  });

  it('splits spending by category, sorted by amount, with shares that sum to 1', () => {
    for (const c of report.categories) {
      const mine = inPeriod.filter((r) => r.direction === 'out' && !r.own && r.category === c.category);
      expect(c.amount).toBe(mine.reduce((s, r) => s + r.amount, 0));
      expect(c.count).toBe(mine.length);
      expect(c.share).toBe(Math.round((c.amount / report.spending) * 10_000) / 10_000);
    }
    expect(report.categories.map((c) => c.amount)).toEqual([...report.categories.map((c) => c.amount)].sort((a, b) => b - a));
    expect(report.categories.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 3);
    expect(report.categories.reduce((s, c) => s + c.amount, 0)).toBe(report.spending);
    expect(report.categories.find((c) => c.category === 'food')!.name).toBe('식비');
  });

  it('sums assets over the accounts', () => {
    expect(report.assets).toBe(report.accounts.reduce((s, a) => s + a.balance!, 0));
  });

  it('gives share 0, not NaN, when nothing was spent', () => {
    const r = buildReport({ from: '2030-01-01', to: '2030-01-31', today: '2030-01-31' }, dataFrom(rows));
    expect(r.spending).toBe(0);
    expect(r.categories).toEqual([]);
  });
});

describe('buildReport weekly', () => {
  it('covers every Monday-started week overlapping the period', () => {
    expect(report.weekly[0]!.weekStart).toBe('2026-02-02'); // Monday before Wednesday 2026-02-04
    expect(report.weekly.at(-1)!.weekStart).toBe('2026-04-13');
    expect(report.weekly).toHaveLength(11);
    for (const w of report.weekly) expect(new Date(w.weekStart + 'T00:00:00Z').getUTCDay()).toBe(1);
  });

  it('has the week flows within the period, summing to the totals', () => {
    expect(report.weekly.reduce((s, w) => s + w.spending, 0)).toBe(report.spending);
    expect(report.weekly.reduce((s, w) => s + w.income, 0)).toBe(report.income);
    // the first week starts before `from`: rows of 2026-02-02/03 are not in it
    const firstWeek = inPeriod.filter((r) => r.date <= '2026-02-08' && r.direction === 'out' && !r.own);
    expect(report.weekly[0]!.spending).toBe(firstWeek.reduce((s, r) => s + r.amount, 0));
  });

  it("has each week's balance equal to the sum of account balances at the week's end (clamped to `to`)", () => {
    for (const [k, w] of report.weekly.entries()) {
      const end = k === report.weekly.length - 1 ? spec.to : new Date(Date.parse(w.weekStart) + 6 * 86_400_000).toISOString().slice(0, 10);
      let sum = 0;
      for (const account of ['A', 'B']) {
        const before = rows.filter((r) => r.account === account && r.date <= end);
        sum += before.length ? before.at(-1)!.balanceAfter : 0;
      }
      expect(w.balance, w.weekStart).toBe(sum);
    }
  });

  it('uses the balance before the first transaction for weeks before an account starts, and 0 without any', () => {
    const late = rows.map((r) => (r.account === 'B' && r.date < '2026-03-01' ? null : r)).filter((r): r is Row => r !== null);
    const data = dataFrom(late);
    const firstB = late.find((r) => r.account === 'B')!;
    const preB = firstB.direction === 'in' ? firstB.balanceAfter - firstB.amount : firstB.balanceAfter + firstB.amount;
    const r = buildReport({ from: '2026-02-02', to: '2026-02-08', today: '2026-02-08' }, data);
    const aEnd = late.filter((x) => x.account === 'A' && x.date <= '2026-02-08').at(-1)!.balanceAfter;
    expect(r.weekly[0]!.balance).toBe(aEnd + preB);
    const none = buildReport({ from: '2026-02-02', to: '2026-02-08', today: '2026-02-08' }, { ...data, initialBalances: new Map([['A', 1]]) });
    expect(none.weekly[0]!.balance).toBe(aEnd);
  });
});

describe('buildReport upcoming', () => {
  const series = (memo: string, nextDate: string, active = true): RecurringSeries => ({
    memo, account: 'A', direction: 'out', cadence: 'monthly', count: 5, averageAmount: 17_000, lastAmount: 17_000,
    firstDate: '2025-10-01', lastDate: '2026-03-20', nextDate, active, category: 'leisure', intervalStdDays: 0.5,
    amountKind: 'fixed', dayOfMonth: 20,
  });

  it('lists active series due today..today+30, soonest first, in the fixed --json shape', () => {
    const fixed = [series('late', '2026-05-16'), series('b', '2026-05-15'), series('a', '2026-04-15'), series('old', '2026-04-20', false), series('past', '2026-04-14')];
    const r = buildReport(spec, dataFrom(rows, fixed));
    expect(r.upcoming.map((u) => u.memo)).toEqual(['a', 'b']);
    expect(Object.keys(r.upcoming[0]!)).not.toContain('dayOfMonth');
    expect(r.upcoming[0]).toMatchObject({ memo: 'a', nextDate: '2026-04-15', cadence: 'monthly', intervalStdDays: 0.5 });
  });
});

describe('periods', () => {
  it('defaults to the 3 months ending today', () => {
    expect(defaultPeriod('2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(defaultPeriod('2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' });
  });
  it('turns a month into its first and last day', () => {
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('finds ISO week starts and clamps the last week to the period', () => {
    expect(weekStartOf('2026-03-01')).toBe('2026-02-23'); // a Sunday belongs to the week before
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02');
    expect(reportWeeks('2026-03-01', '2026-03-04')).toEqual([
      { weekStart: '2026-02-23', end: '2026-03-01' },
      { weekStart: '2026-03-02', end: '2026-03-04' },
    ]);
  });
});
