// Monthly spending limits per category (budget set/rm/list/check).

import type { Db } from './db.js';

export interface BudgetRow {
  category: string;
  amount: number;
}

export class BudgetsRepo {
  constructor(private readonly db: Db) {}

  set(category: string, amount: number): void {
    this.db
      .prepare('INSERT INTO budgets (category, amount) VALUES (?, ?) ON CONFLICT(category) DO UPDATE SET amount = excluded.amount')
      .run(category, amount);
  }

  /** Whether a limit was removed. */
  remove(category: string): boolean {
    return this.db.prepare('DELETE FROM budgets WHERE category = ?').run(category).changes > 0;
  }

  list(): BudgetRow[] {
    return this.db.prepare('SELECT category, amount FROM budgets ORDER BY category').all() as BudgetRow[];
  }
}
