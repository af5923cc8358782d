// `finance trend` (CLI.md): month by month income, spending and spending per category, own-account transfers left out
// exactly as in `report`. Pure: the months and today come in, money per day comes from the store's flows.

import { addMonthsIso } from './kst.js';
import type { Direction } from './types.js';

export interface TrendMonth {
  month: string;
  income: number;
  spending: number;
  categories: Record<string, number>;
}

export interface Flow {
  date: string;
  direction: Direction;
  category: string;
  own: boolean;
  amount: number;
}

/** The last `n` calendar months ending with the month of `today` (to date), oldest first, and their date range. */
export function trendMonths(today: string, n: number): { months: string[]; from: string; to: string } {
  const first = addMonthsIso(`${today.slice(0, 7)}-01`, -(n - 1));
  const months = Array.from({ length: n }, (_, i) => addMonthsIso(first, i).slice(0, 7));
  return { months, from: first, to: today };
}

/** One row per month (empty months included); with `category`, only that category in `categories`. */
export function buildTrend(months: readonly string[], flows: readonly Flow[], category?: string): TrendMonth[] {
  const rows = months.map((month) => ({ month, income: 0, spending: 0, categories: {} as Record<string, number> }));
  const index = new Map(months.map((m, i) => [m, i]));
  for (const f of flows) {
    if (f.own) continue;
    const row = rows[index.get(f.date.slice(0, 7)) ?? -1];
    if (row === undefined) continue;
    if (f.direction === 'in') {
      row.income += f.amount;
      continue;
    }
    row.spending += f.amount;
    if (category !== undefined && f.category !== category) continue;
    row.categories[f.category] = (row.categories[f.category] ?? 0) + f.amount;
  }
  return rows;
}

export interface Change {
  amount: number;
  /** relative change, null when the previous value is 0 */
  ratio: number | null;
}

export function change(previous: number, current: number): Change {
  return { amount: current - previous, ratio: previous === 0 ? null : (current - previous) / previous };
}

/** Categories of a trend by total spending, largest first. */
export function trendCategories(rows: readonly TrendMonth[]): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) for (const [c, a] of Object.entries(r.categories)) totals.set(c, (totals.get(c) ?? 0) + a);
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
