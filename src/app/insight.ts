// Loads what the insight views need from the store and hands it to their pure builders: trend, budgets, forecast and
// the report's extra sections. Shared by `trend`, `budget`, `forecast` and `report`.

import { budgetPeriod, budgetStatuses, type BudgetStatus } from '../domain/budget.js';
import { buildForecast, forecastSeries, variableDailySpending, VARIABLE_WINDOW_DAYS, type Forecast } from '../domain/forecast.js';
import { addDaysIso } from '../domain/kst.js';
import type { RecurringSeries } from '../domain/recurring-types.js';
import { buildTrend, trendMonths, type TrendMonth } from '../domain/trend.js';
import type { Store } from '../store/index.js';
import { loadFixedSeries } from './fixed.js';

export function loadTrend(store: Store, today: string, months: number, category?: string): TrendMonth[] {
  const span = trendMonths(today, months);
  return buildTrend(span.months, store.reports.flows(span.from, span.to), category);
}

/** The current month's budgets with their spending to date (empty when none are set). */
export function loadBudgets(store: Store, today: string): BudgetStatus[] {
  const budgets = store.budgets.list();
  if (budgets.length === 0) return [];
  const { from, to } = budgetPeriod(today);
  const spent = new Map<string, number>();
  for (const f of store.reports.flows(from, to)) {
    if (f.own || f.direction !== 'out') continue;
    spent.set(f.category, (spent.get(f.category) ?? 0) + f.amount);
  }
  return budgetStatuses(budgets, spent, today);
}

export function loadForecast(store: Store, today: string, opts: { days?: number; series?: readonly RecurringSeries[] } = {}): Forecast {
  const series = opts.series ?? loadFixedSeries(store, today);
  const start = store.reports.accountBalances().reduce((sum, a) => sum + (a.balance ?? 0), 0);
  const groups = store.reports.spendingByMemo(addDaysIso(today, -VARIABLE_WINDOW_DAYS), addDaysIso(today, -1));
  // Every series seen in the window counts as fixed spending, stopped ones too: they are not what the days ahead repeat.
  const variableDaily = variableDailySpending(groups, series);
  return buildForecast({ today, days: opts.days, start, series: forecastSeries(series), variableDaily });
}
