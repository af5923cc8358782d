// The `report` object (CLI.md `report --json`) and its pure builder: totals, categories, upcoming fixed payments and
// weekly balance/flows from pre-aggregated store data. No db, no clock: the period and today come in the spec.

import { categoryName } from './categories.js';
import { addDaysIso, addMonthsIso } from './kst.js';
import type { RecurringSeries } from './recurring-types.js';
import type { Direction } from './types.js';

export interface ReportSpec {
  from: string;
  to: string;
  /** decides the upcoming window today..today+30 */
  today: string;
}

export interface ReportAccountInput {
  id: string;
  bankName: string;
  accountNumMasked: string;
  alias: string;
  balance: number | null;
  balanceAt: string | null;
}

export interface ReportData {
  accounts: readonly ReportAccountInput[];
  /** money per day/direction/category, own transfers flagged; any grouping finer than a day works (even single rows) */
  flows: readonly { date: string; direction: Direction; category: string; own: boolean; count: number; amount: number }[];
  /** an account's balance after its last transaction on or before `date`; needs at least each week end's point */
  balances: readonly { account: string; date: string; balanceAfter: number }[];
  /** per account: the balance before its first transaction (absent: 0) */
  initialBalances: ReadonlyMap<string, number>;
  fixed: readonly RecurringSeries[];
}

/** One row of `fixed --json` and of the report's upcoming list (CLI.md): a series without detector internals. */
export type FixedRow = Omit<RecurringSeries, 'dayOfMonth' | 'priceChange' | 'ownTransfer'> & { ownTransfer: boolean };

export interface Report {
  from: string;
  to: string;
  assets: number;
  accounts: Array<{ id: string; bankName: string; accountNumMasked: string; alias: string; balance: number | null; balanceAt: string | null }>;
  income: number;
  spending: number;
  net: number;
  categories: Array<{ category: string; name: string; amount: number; count: number; share: number }>;
  upcoming: FixedRow[];
  weekly: Array<{ weekStart: string; balance: number; spending: number; income: number }>;
  ownTransfers: { count: number; amount: number };
}

export const UPCOMING_DAYS = 30;

/** The default period: the 3 months ending `today` (from = today − 3 months + 1 day). */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDaysIso(addMonthsIso(today, -3), 1), to: today };
}

/** A calendar month YYYY-MM as a period. */
export function monthPeriod(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDaysIso(addMonthsIso(from, 1), -1) };
}

/** Monday of the ISO week holding `date`. */
export function weekStartOf(date: string): string {
  const dow = new Date(date + 'T00:00:00Z').getUTCDay(); // 0 = Sunday
  return addDaysIso(date, -((dow + 6) % 7));
}

/** The weeks (Monday starts) overlapping from..to, each with its end: Sunday clamped to `to`. */
export function reportWeeks(from: string, to: string): Array<{ weekStart: string; end: string }> {
  const weeks: Array<{ weekStart: string; end: string }> = [];
  for (let w = weekStartOf(from); w <= to; w = addDaysIso(w, 7)) {
    const sunday = addDaysIso(w, 6);
    weeks.push({ weekStart: w, end: sunday < to ? sunday : to });
  }
  return weeks;
}

export function fixedRow(s: RecurringSeries): FixedRow {
  const { memo, account, direction, cadence, count, averageAmount, lastAmount, firstDate, lastDate, nextDate, active } = s;
  const { category, intervalStdDays, amountKind, expectedAmount } = s;
  return {
    memo, account, direction, cadence, count, averageAmount, lastAmount, firstDate, lastDate, nextDate, active, category,
    intervalStdDays, amountKind, expectedAmount, ownTransfer: s.ownTransfer === true,
  };
}

export function buildReport(spec: ReportSpec, data: ReportData): Report {
  const { from, to } = spec;
  const weeks = reportWeeks(from, to);
  const weekIndex = new Map(weeks.map((w, i) => [w.weekStart, i]));
  const weekOfDay = new Map<string, number>();
  const weekly = weeks.map((w) => ({ weekStart: w.weekStart, balance: 0, spending: 0, income: 0 }));
  let income = 0;
  let spending = 0;
  const own = { count: 0, amount: 0 };
  const byCategory = new Map<string, { amount: number; count: number }>();
  for (const f of data.flows) {
    if (f.date < from || f.date > to) continue;
    if (f.own) {
      // Both legs of a pair are stored; the money moved is counted once, on its outgoing leg.
      if (f.direction === 'out') (own.count += f.count), (own.amount += f.amount);
      continue;
    }
    // Flows come grouped by day, many per day: look each day's week up once.
    let wi = weekOfDay.get(f.date);
    if (wi === undefined) weekOfDay.set(f.date, (wi = weekIndex.get(weekStartOf(f.date))!));
    const week = weekly[wi]!;
    if (f.direction === 'in') {
      income += f.amount;
      week.income += f.amount;
      continue;
    }
    spending += f.amount;
    week.spending += f.amount;
    const c = byCategory.get(f.category) ?? { amount: 0, count: 0 };
    c.amount += f.amount;
    c.count += f.count;
    byCategory.set(f.category, c);
  }

  const categories = [...byCategory]
    .map(([category, c]) => ({
      category,
      name: categoryName(category),
      amount: c.amount,
      count: c.count,
      share: spending > 0 ? Math.round((c.amount / spending) * 10_000) / 10_000 : 0,
    }))
    .sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category));

  fillWeeklyBalances(weekly, weeks, data);

  const accounts = data.accounts.map(({ id, bankName, accountNumMasked, alias, balance, balanceAt }) => ({
    id,
    bankName,
    accountNumMasked,
    alias,
    balance,
    balanceAt,
  }));
  const horizon = addDaysIso(spec.today, UPCOMING_DAYS);
  const upcoming = data.fixed
    .filter((s) => s.active && s.nextDate >= spec.today && s.nextDate <= horizon)
    .sort((a, b) => a.nextDate.localeCompare(b.nextDate) || a.memo.localeCompare(b.memo))
    .map(fixedRow);

  return {
    from,
    to,
    assets: accounts.reduce((sum, a) => sum + (a.balance ?? 0), 0),
    accounts,
    income,
    spending,
    net: income - spending,
    categories,
    upcoming,
    weekly,
    ownTransfers: own,
  };
}

/** Each week's balance: per account the last point on or before the week's end, else its initial balance (or 0). */
function fillWeeklyBalances(weekly: Report['weekly'], weeks: ReturnType<typeof reportWeeks>, data: ReportData): void {
  const byAccount = new Map<string, Array<{ date: string; balanceAfter: number }>>();
  for (const p of data.balances) {
    const list = byAccount.get(p.account) ?? [];
    list.push(p);
    byAccount.set(p.account, list);
  }
  const ids = new Set([...data.accounts.map((a) => a.id), ...byAccount.keys()]);
  for (const id of ids) {
    // Stable sort keeps the input order among points of the same date: the later one is the later transaction.
    const points = (byAccount.get(id) ?? []).slice().sort((a, b) => a.date.localeCompare(b.date));
    let i = -1;
    let balance = data.initialBalances.get(id) ?? 0;
    weeks.forEach((w, k) => {
      while (i + 1 < points.length && points[i + 1]!.date <= w.end) balance = points[++i]!.balanceAfter;
      weekly[k]!.balance += balance;
    });
  }
}
