// Budget rows as CLI.md's `budget list --json` shape and as TSV for a pipe.

import type { BudgetStatus } from '../domain/budget.js';
import { tsv } from './table.js';

export function budgetJson(b: BudgetStatus) {
  const { category, name, limit, spent, remaining, share, status, projected } = b;
  return { category, name, limit, spent, remaining, share, status, projected };
}

export function budgetTsv(list: readonly BudgetStatus[]): string {
  return tsv(
    ['category', 'name', 'limit', 'spent', 'remaining', 'share', 'status', 'projected'],
    list.map((b) => [b.category, b.name, b.limit, b.spent, b.remaining, b.share, b.status, b.projected]),
  );
}
