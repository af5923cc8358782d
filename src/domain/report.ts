// The `report` object (CLI.md `report --json`) and its pure builder: totals, categories, upcoming fixed payments and
// weekly balance/flows from pre-aggregated store data. No db, no clock: the period and today come in the spec.

import type { BudgetStatus } from './budget.js';
import { categoryName } from './categories.js';
import { fixedChanges, oncePerOwnTransfer, type FixedChange } from './fixed-changes.js';
import type { Forecast } from './forecast.js';
import { addDaysIso, addMonthsIso, daysBetweenIso } from './kst.js';
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
  /** money per direction/category, own transfers flagged, grouped by day or by week: a group may not span two ISO weeks */
  flows: readonly { date: string; direction: Direction; category: string; own: boolean; count: number; amount: number }[];
  /** an account's balance after its last transaction on or before `date`; needs at least each week end's point */
  balances: readonly { account: string; date: string; balanceAfter: number }[];
  /** per account: the balance before its first transaction (absent: 0) */
  initialBalances: ReadonlyMap<string, number>;
  fixed: readonly RecurringSeries[];
  /** the comparison period's flows (previousPeriod) */
  previousFlows?: ReportData['flows'];
  /** spending per payee in the period */
  payees?: ReadonlyArray<{ payee: string; amount: number; count: number }>;
  /** per account: the date of its first stored transaction (tells a new series from the history's start) */
  historyStart?: ReadonlyMap<string, string>;
  /** the current month's budgets, when any are set */
  budgets?: BudgetStatus[];
  forecast?: Forecast;
  /** for a period that ended before today: each account's balance after its last transaction on or before `to` */
  endBalances?: ReadonlyArray<{ account: string; balanceAfter: number }>;
}

export interface CategoryRow {
  category: string;
  name: string;
  amount: number;
  count: number;
  share: number;
}

/** One row of `fixed --json` and of the report's upcoming list (CLI.md): a series without detector internals. */
export type FixedRow = Omit<RecurringSeries, 'dayOfMonth' | 'priceChange' | 'ownTransfer' | 'roll'> & { ownTransfer: boolean };

export interface Report {
  from: string;
  to: string;
  assets: number;
  accounts: Array<{ id: string; bankName: string; accountNumMasked: string; alias: string; balance: number | null; balanceAt: string | null }>;
  income: number;
  spending: number;
  net: number;
  categories: CategoryRow[];
  upcoming: FixedRow[];
  weekly: Array<{ weekStart: string; balance: number; spending: number; income: number }>;
  ownTransfers: { count: number; amount: number };
  previous?: { from: string; to: string; income: number; spending: number; categories: CategoryRow[] };
  changes?: FixedChange[];
  topPayees?: Array<{ payee: string; amount: number; count: number }>;
  budgets?: BudgetStatus[];
  forecast?: Forecast;
}

export const TOP_PAYEES = 10;

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

/**
 * The comparison period: for a calendar month the month before, else the period of the same length just before.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const isMonth = from.endsWith('-01') && to === addDaysIso(addMonthsIso(from, 1), -1);
  if (isMonth) return { from: addMonthsIso(from, -1), to: addDaysIso(from, -1) };
  const prevTo = addDaysIso(from, -1);
  return { from: addDaysIso(prevTo, -daysBetweenIso(from, to)), to: prevTo };
}

/** Income, spending and spending by category over from..to, own transfers counted apart (both legs stored: once). */
export function summariseFlows(flows: ReportData['flows'], from: string, to: string) {
  let income = 0;
  let spending = 0;
  const own = { count: 0, amount: 0 };
  const byCategory = new Map<string, { amount: number; count: number }>();
  for (const f of flows) {
    if (f.date < from || f.date > to) continue;
    if (f.own) {
      if (f.direction === 'out') (own.count += f.count), (own.amount += f.amount);
      continue;
    }
    if (f.direction === 'in') {
      income += f.amount;
      continue;
    }
    spending += f.amount;
    const c = byCategory.get(f.category) ?? { amount: 0, count: 0 };
    c.amount += f.amount;
    c.count += f.count;
    byCategory.set(f.category, c);
  }
  const categories: CategoryRow[] = [...byCategory]
    .map(([category, c]) => ({
      category,
      name: categoryName(category),
      amount: c.amount,
      count: c.count,
      share: spending > 0 ? Math.round((c.amount / spending) * 10_000) / 10_000 : 0,
    }))
    .sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category));
  return { income, spending, categories, own };
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
  const { income, spending, categories, own } = summariseFlows(data.flows, from, to);
  for (const f of data.flows) {
    if (f.date < from || f.date > to || f.own) continue;
    // Flows come grouped by day, many per day: look each day's week up once.
    let wi = weekOfDay.get(f.date);
    if (wi === undefined) weekOfDay.set(f.date, (wi = weekIndex.get(weekStartOf(f.date))!));
    if (f.direction === 'in') weekly[wi]!.income += f.amount;
    else weekly[wi]!.spending += f.amount;
  }

  fillWeeklyBalances(weekly, weeks, data);

  // A period that ended before today shows the balances at its end (the balance chain), and nothing upcoming.
  const past = to < spec.today && data.endBalances !== undefined;
  const atEnd = new Map(data.endBalances?.map((b) => [b.account, b.balanceAfter]));
  const accounts = data.accounts.map(({ id, bankName, accountNumMasked, alias, balance, balanceAt }) =>
    past
      ? { id, bankName, accountNumMasked, alias, balance: atEnd.get(id) ?? data.initialBalances.get(id) ?? null, balanceAt: to }
      : { id, bankName, accountNumMasked, alias, balance, balanceAt },
  );
  const horizon = addDaysIso(spec.today, UPCOMING_DAYS);
  const upcoming = past
    ? []
    : oncePerOwnTransfer(data.fixed.filter((s) => s.active && s.nextDate >= spec.today && s.nextDate <= horizon))
        .sort((a, b) => a.nextDate.localeCompare(b.nextDate) || a.memo.localeCompare(b.memo))
        .map(fixedRow);

  const report: Report = {
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
  if (data.previousFlows !== undefined) {
    const p = previousPeriod(from, to);
    const prev = summariseFlows(data.previousFlows, p.from, p.to);
    report.previous = { ...p, income: prev.income, spending: prev.spending, categories: prev.categories };
  }
  if (data.historyStart !== undefined) report.changes = fixedChanges(data.fixed, { from, to }, data.historyStart);
  if (data.payees !== undefined) {
    report.topPayees = data.payees
      .slice()
      .sort((a, b) => b.amount - a.amount || a.payee.localeCompare(b.payee))
      .slice(0, TOP_PAYEES)
      .map(({ payee, amount, count }) => ({ payee, amount, count }));
  }
  if (data.budgets !== undefined && data.budgets.length > 0) report.budgets = data.budgets;
  if (data.forecast !== undefined) report.forecast = data.forecast;
  return report;
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
