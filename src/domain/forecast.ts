// `finance forecast` (CLI.md): the total balance day by day from today — the active fixed series at their expected
// dates (moved off non-business days the way their history moves) and expected amounts, plus the typical variable
// daily spending — with the lowest point and a warning when it goes below zero before the next salary. Pure.

import { formatIsoDay, parseIsoDay, rollBackward, rollForward } from './dates.js';
import { addDaysIso } from './kst.js';
import { dayInMonthIndex, domOf, monthIndexOf } from './recurring-calendar.js';
import type { RecurringSeries } from './recurring-types.js';

/** Days of history the variable spending is averaged over. */
export const VARIABLE_WINDOW_DAYS = 90;
/** The shortest default horizon. */
export const MIN_HORIZON_DAYS = 30;

export interface ForecastDay {
  date: string;
  balance: number;
  fixed: Array<{ memo: string; direction: 'in' | 'out'; amount: number }>;
  variable: number;
}

export interface Forecast {
  from: string;
  to: string;
  start: number;
  lowest: { date: string; balance: number };
  end: { date: string; balance: number };
  days: ForecastDay[];
  /** the typical variable spending per day that every day carries */
  variableDaily: number;
  nextSalary: string | null;
  /** set when the balance goes below zero before the next salary (or within the horizon when there is none) */
  warning: string | null;
}

export interface ForecastInput {
  today: string;
  /** days to project (today included); default through the day after the next salary, at least 30 */
  days?: number;
  /** the total balance now */
  start: number;
  series: readonly RecurringSeries[];
  variableDaily: number;
}

const MONTH_STEP = { monthly: 1, quarterly: 3, yearly: 12 } as const;
const WEEK_STEP = { weekly: 7, biweekly: 14 } as const;

function roll(n: number, how: RecurringSeries['roll']): number {
  return how === 'backward' ? rollBackward(n) : how === 'none' ? n : rollForward(n);
}

/**
 * Expected dates of a series from..to: its next date (one already overdue but still active is expected today), then
 * every period after it from the nominal day, moved like its history.
 */
export function occurrences(s: RecurringSeries, from: string, to: string): string[] {
  const out: string[] = [];
  const next = parseIsoDay(s.nextDate);
  const start = parseIsoDay(from);
  const end = parseIsoDay(to);
  if (next <= end) out.push(formatIsoDay(Math.max(next, start)));
  for (let k = 1; k < 1000; k++) {
    let nominal: number;
    if (s.cadence in MONTH_STEP && s.dayOfMonth !== undefined) {
      const dom = s.dayOfMonth === 'last' ? 31 : s.dayOfMonth;
      // The next date may have been moved across a month boundary: its nominal month is the one nearest its day.
      let month = monthIndexOf(next);
      const d = domOf(next);
      if (d < dom - 15) month -= 1;
      else if (d > dom + 15) month += 1;
      nominal = dayInMonthIndex(month + k * MONTH_STEP[s.cadence as keyof typeof MONTH_STEP], dom);
    } else {
      const step = WEEK_STEP[s.cadence as keyof typeof WEEK_STEP] ?? Math.round(365 / 12) * (MONTH_STEP[s.cadence as keyof typeof MONTH_STEP] ?? 1);
      nominal = next + k * step;
    }
    const day = roll(nominal, s.roll);
    if (day > end) break;
    if (day >= start) out.push(formatIsoDay(day));
  }
  return out;
}

/** The series a forecast counts: active, and not a transfer between own accounts (it leaves the total unchanged). */
export function forecastSeries(series: readonly RecurringSeries[]): RecurringSeries[] {
  return series.filter((s) => s.active && !s.ownTransfer);
}

/** The first expected salary on or after today, or null. */
export function nextSalary(series: readonly RecurringSeries[], today: string): string | null {
  let best: string | null = null;
  for (const s of forecastSeries(series)) {
    if (s.direction !== 'in' || s.category !== 'salary') continue;
    const first = occurrences(s, today, addDaysIso(today, 400))[0];
    if (first !== undefined && (best === null || first < best)) best = first;
  }
  return best;
}

/**
 * The typical variable spending per day: spending of the last 90 days before today, own transfers already left out by
 * the caller, minus the memos of fixed series, over 90 days (rounded to won).
 */
export function variableDailySpending(
  groups: ReadonlyArray<{ account: string; memo: string; amount: number }>,
  series: readonly RecurringSeries[],
): number {
  const fixed = new Set(series.filter((s) => s.direction === 'out').map((s) => `${s.account}\u0000${s.memo}`));
  let total = 0;
  for (const g of groups) if (!fixed.has(`${g.account}\u0000${g.memo}`)) total += g.amount;
  return Math.round(total / VARIABLE_WINDOW_DAYS);
}

export function buildForecast(input: ForecastInput): Forecast {
  const { today, start, variableDaily } = input;
  const series = forecastSeries(input.series);
  const salary = nextSalary(series, today);
  let to: string;
  if (input.days !== undefined) to = addDaysIso(today, input.days - 1);
  else {
    to = addDaysIso(today, MIN_HORIZON_DAYS - 1);
    if (salary !== null && addDaysIso(salary, 1) > to) to = addDaysIso(salary, 1);
  }
  const byDay = new Map<string, ForecastDay['fixed']>();
  for (const s of series) {
    for (const date of occurrences(s, today, to)) {
      const list = byDay.get(date) ?? [];
      list.push({ memo: s.memo, direction: s.direction, amount: s.expectedAmount });
      byDay.set(date, list);
    }
  }
  const days: ForecastDay[] = [];
  let balance = start;
  let lowest = { date: today, balance: start };
  for (let date = today; date <= to; date = addDaysIso(date, 1)) {
    const fixed = (byDay.get(date) ?? []).sort((a, b) => a.direction.localeCompare(b.direction) || a.memo.localeCompare(b.memo));
    for (const f of fixed) balance += f.direction === 'in' ? f.amount : -f.amount;
    balance -= variableDaily;
    days.push({ date, balance, fixed, variable: variableDaily });
    if (balance < lowest.balance || days.length === 1) lowest = { date, balance };
  }
  const last = days[days.length - 1]!;
  const until = salary ?? to;
  const short = days.find((d) => d.date <= until && d.balance < 0);
  const warning =
    short === undefined
      ? null
      : salary !== null
        ? `the balance goes below zero on ${short.date} (${short.balance}), before the next salary on ${salary}`
        : `the balance goes below zero on ${short.date} (${short.balance})`;
  return { from: today, to, start, lowest, end: { date: last.date, balance: last.balance }, days, variableDaily, nextSalary: salary, warning };
}
