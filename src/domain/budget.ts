// Budgets (CLI.md `budget list`): each monthly limit against the current month's spending to date, with a pace-based
// warning — from 80% of the limit, or when the spending so far, carried on at the same pace, ends the month over it.

import { categoryName } from './categories.js';
import { addDaysIso, addMonthsIso } from './kst.js';

export interface BudgetStatus {
  category: string;
  name: string;
  limit: number;
  spent: number;
  remaining: number;
  share: number;
  status: 'ok' | 'warn' | 'over';
  /** the month's spending if it goes on at the pace so far */
  projected: number;
}

export const WARN_SHARE = 0.8;

/** The current month (of `today`) to date. */
export function budgetPeriod(today: string): { from: string; to: string; month: string; day: number; days: number } {
  const from = `${today.slice(0, 7)}-01`;
  const last = addDaysIso(addMonthsIso(from, 1), -1);
  return { from, to: today, month: today.slice(0, 7), day: Number(today.slice(8, 10)), days: Number(last.slice(8, 10)) };
}

export function budgetStatuses(
  budgets: ReadonlyArray<{ category: string; amount: number }>,
  spentByCategory: ReadonlyMap<string, number>,
  today: string,
): BudgetStatus[] {
  const { day, days } = budgetPeriod(today);
  return budgets.map(({ category, amount: limit }) => {
    const spent = spentByCategory.get(category) ?? 0;
    const projected = Math.round((spent / day) * days);
    const share = Math.round((spent / limit) * 10_000) / 10_000;
    const status = spent > limit ? 'over' : spent >= limit * WARN_SHARE || projected > limit ? 'warn' : 'ok';
    return { category, name: categoryName(category), limit, spent, remaining: limit - spent, share, status, projected };
  });
}
