// The memo → payee table: one row per distinct memo, filled from rows added since the last fill (meta payees_stamp
// holds the payee rules' version and the highest row id seen), so a long history derives each memo once.

import type { Db } from './db.js';

const STAMP_KEY = 'payees_stamp';

export class PayeesRepo {
  constructor(private readonly db: Db) {}

  /**
   * Adds the payee of every memo stored since the last fill; with a new rules `version` starts over. Returns how many
   * memos were added. `payeeOf` is the pure rule (domain), passed in so SQL stays here.
   */
  fill(version: number, payeeOf: (memo: string) => string): number {
    const saved = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(STAMP_KEY) as { value: string } | undefined;
    const [savedVersion, savedId] = (saved?.value ?? '').split('|');
    const maxId = (this.db.prepare('SELECT coalesce(max(id), 0) AS m FROM transactions').get() as { m: number }).m;
    const sameRules = savedVersion === String(version);
    const since = sameRules ? Number(savedId) || 0 : 0;
    if (sameRules && since === maxId) return 0;
    return this.db.transaction(() => {
      if (!sameRules) this.db.prepare('DELETE FROM payees').run();
      const memos = this.db.prepare('SELECT DISTINCT memo FROM transactions WHERE id > ?').pluck().all(since) as string[];
      const insert = this.db.prepare('INSERT OR IGNORE INTO payees (memo, payee) VALUES (?, ?)');
      let added = 0;
      for (const memo of memos) added += insert.run(memo, payeeOf(memo)).changes;
      this.db
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(STAMP_KEY, `${version}|${maxId}`);
      return added;
    }).immediate();
  }

  /** Every memo with its payee. */
  all(): Array<{ memo: string; payee: string }> {
    return this.db.prepare('SELECT memo, payee FROM payees').all() as Array<{ memo: string; payee: string }>;
  }

  /**
   * Spending per payee from..to (own transfers left out, as in the report): the memo groups come from the memo index,
   * joined to their payee here.
   */
  spendingByPayee(from: string, to: string): Array<{ payee: string; amount: number; count: number }> {
    return this.db
      .prepare(
        `SELECT p.payee AS payee, sum(t.amount) AS amount, count(*) AS count
           FROM transactions t JOIN payees p ON p.memo = t.memo
          WHERE t.direction = 'out' AND t.date >= ? AND t.date <= ? AND t.own_transfer IS NULL
          GROUP BY p.payee`,
      )
      .all(from, to) as Array<{ payee: string; amount: number; count: number }>;
  }
}
