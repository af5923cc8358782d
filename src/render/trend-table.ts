// The trend as a table model for CSV and TSV: one row per month — month, income, spending, then one column per
// category (largest total first).

import { trendCategories, type TrendMonth } from '../domain/trend.js';

export function trendTable(rows: readonly TrendMonth[]): { headers: string[]; rows: Array<Array<string | number>> } {
  const cats = trendCategories(rows);
  return {
    headers: ['month', 'income', 'spending', ...cats],
    rows: rows.map((r) => [r.month, r.income, r.spending, ...cats.map((c) => r.categories[c] ?? 0)]),
  };
}
