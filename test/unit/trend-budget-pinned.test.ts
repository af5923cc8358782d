// Pins `trend` (src/domain/trend.ts: months, per-month totals, one category, change, category order) and budgets
// (src/domain/budget.ts: the month to date, spent/remaining/share, the 80% and pace warnings). Fixtures built in tests.
import { describe, expect, it } from 'vitest';
import { budgetPeriod, budgetStatuses, WARN_SHARE } from '../../src/domain/budget.js';
import { categoryName } from '../../src/domain/categories.js';
import { buildTrend, change, trendCategories, trendMonths, type Flow } from '../../src/domain/trend.js';

const flow = (date: string, direction: 'in' | 'out', amount: number, category = 'food', own = false): Flow => ({ date, direction, category, own, amount });

describe('trend months', () => {
  it('are the last n calendar months ending with the month of today, oldest first, through today', () => {
    expect(trendMonths('2026-03-15', 6)).toEqual({ months: ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'], from: '2025-10-01', to: '2026-03-15' });
    expect(trendMonths('2026-01-31', 1)).toEqual({ months: ['2026-01'], from: '2026-01-01', to: '2026-01-31' });
    expect(trendMonths('2024-03-31', 2)).toEqual({ months: ['2024-02', '2024-03'], from: '2024-02-01', to: '2024-03-31' });
  });
});

describe('a trend', () => {
  it('sums income, spending and spending per category per month; empty months stay; own transfers and other months are left out', () => {
    const rows = buildTrend(['2026-01', '2026-02', '2026-03'], [
      flow('2026-01-05', 'out', 100, 'food'), flow('2026-01-31', 'out', 50, 'food'), flow('2026-01-20', 'out', 30, 'cafe'),
      flow('2026-01-25', 'in', 3_000, 'salary'), flow('2026-01-26', 'in', 1, 'interest'),
      flow('2026-03-01', 'out', 7, 'mart'),
      flow('2026-01-10', 'out', 999, 'transfer', true), flow('2026-01-10', 'in', 999, 'transfer', true),
      flow('2025-12-31', 'out', 5_000), flow('2026-04-01', 'in', 5_000, 'salary'),
    ]);
    expect(rows).toEqual([
      { month: '2026-01', income: 3_001, spending: 180, categories: { food: 150, cafe: 30 } },
      { month: '2026-02', income: 0, spending: 0, categories: {} },
      { month: '2026-03', income: 0, spending: 7, categories: { mart: 7 } },
    ]);
  });

  it('with one category keeps only that one per month, and the totals whole', () => {
    const rows = buildTrend(['2026-01', '2026-02'], [flow('2026-01-05', 'out', 100, 'food'), flow('2026-01-20', 'out', 30, 'cafe'),
      flow('2026-02-03', 'out', 40, 'cafe'), flow('2026-02-04', 'in', 10, 'cafe')], 'cafe');
    expect(rows).toEqual([
      { month: '2026-01', income: 0, spending: 130, categories: { cafe: 30 } },
      { month: '2026-02', income: 10, spending: 40, categories: { cafe: 40 } },
    ]);
  });

  it('change is the difference and the ratio to the previous value, no ratio from zero', () => {
    expect(change(200, 250)).toEqual({ amount: 50, ratio: 0.25 });
    expect(change(200, 150)).toEqual({ amount: -50, ratio: -0.25 });
    expect(change(0, 150)).toEqual({ amount: 150, ratio: null });
    expect(change(0, 0)).toEqual({ amount: 0, ratio: null });
  });

  it('categories are ordered by their total over all months, largest first, ties by id', () => {
    const rows = [
      { month: '2026-01', income: 0, spending: 0, categories: { food: 100, cafe: 10, mart: 60 } },
      { month: '2026-02', income: 0, spending: 0, categories: { cafe: 100, mart: 50 } },
      { month: '2026-03', income: 0, spending: 0, categories: {} },
    ];
    expect(trendCategories(rows)).toEqual(['cafe', 'mart', 'food']);
    expect(trendCategories([])).toEqual([]);
  });
});

describe('budgets', () => {
  it('the budget period is the month of today up to today, with its length', () => {
    expect(budgetPeriod('2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-10', month: '2026-02', day: 10, days: 28 });
    expect(budgetPeriod('2024-02-29')).toEqual({ from: '2024-02-01', to: '2024-02-29', month: '2024-02', day: 29, days: 29 });
    expect(budgetPeriod('2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01', month: '2026-12', day: 1, days: 31 });
  });

  it('compare spending to date with each limit: remaining, share to four decimals and the pace projection', () => {
    const [food, cafe] = budgetStatuses([{ category: 'food', amount: 300_000 }, { category: 'cafe', amount: 30_000 }], new Map([['food', 100_000]]), '2026-04-15');
    expect(food).toEqual({ category: 'food', name: categoryName('food'), limit: 300_000, spent: 100_000, remaining: 200_000, share: 0.3333, status: 'ok', projected: 200_000 });
    expect(cafe).toEqual({ category: 'cafe', name: categoryName('cafe'), limit: 30_000, spent: 0, remaining: 30_000, share: 0, status: 'ok', projected: 0 });
    // 1000 over 7 of 30 days: 4285.7 → 4286
    expect(budgetStatuses([{ category: 'food', amount: 10_000 }], new Map([['food', 1_000]]), '2026-04-07')[0]!.projected).toBe(4_286);
  });

  it('warn from 80% of the limit, or when the pace so far ends the month over it; over when spending passes the limit', () => {
    expect(WARN_SHARE).toBe(0.8);
    const at = (spent: number, today: string, limit = 1_000) => budgetStatuses([{ category: 'food', amount: limit }], new Map([['food', spent]]), today)[0]!;
    // on the last day the projection equals spending: only the 80% rule can warn
    expect(at(799, '2026-04-30').status).toBe('ok');
    expect(at(800, '2026-04-30').status).toBe('warn');
    expect(at(1_000, '2026-04-30')).toMatchObject({ status: 'warn', remaining: 0, share: 1 });
    expect(at(1_001, '2026-04-30')).toMatchObject({ status: 'over', remaining: -1 });
    // halfway through the month: 500 projects to exactly 1000 (not over), 501 to 1002 (over)
    expect(at(500, '2026-04-15')).toMatchObject({ status: 'ok', projected: 1_000 });
    expect(at(501, '2026-04-15')).toMatchObject({ status: 'warn', projected: 1_002 });
  });
});
