// The detected fixed series, stored as JSON rows with the stamp of the data they were computed from.

import type { Db } from './db.js';

const STAMP_KEY = 'fixed_series_stamp';

export class FixedRepo {
  constructor(private readonly db: Db) {}

  /** A fingerprint of everything detection reads: the rows (max id) and the rules that set their categories. */
  currentStamp(): string {
    const r = this.db
      .prepare(
        `SELECT (SELECT coalesce(max(id), 0) FROM transactions) AS tx,
                (SELECT count(*) || '/' || coalesce(max(created_at), '') FROM labels) AS labels,
                (SELECT count(*) || '/' || coalesce(max(created_at), '') FROM keyword_rules) AS keywords`,
      )
      .get() as { tx: number; labels: string; keywords: string };
    return `${r.tx}|${r.labels}|${r.keywords}`;
  }

  /** The stored series if they were computed from data with this stamp. */
  read<T>(stamp: string): T[] | undefined {
    const saved = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(STAMP_KEY) as { value: string } | undefined;
    if (saved?.value !== stamp) return undefined;
    return (this.db.prepare('SELECT data FROM fixed_series ORDER BY id').all() as Array<{ data: string }>).map((r) => JSON.parse(r.data) as T);
  }

  /**
   * Account/direction/memo groups since `since` whose rows are mostly paired own-account transfers (a fixed series
   * among them is a transfer to oneself, shown once).
   */
  ownTransferGroups(since: string): Array<{ account: string; direction: 'in' | 'out'; memo: string }> {
    return this.db
      .prepare(
        `SELECT account, direction, memo FROM transactions WHERE date >= ?
          GROUP BY account, direction, memo
         HAVING sum(own_transfer IS NOT NULL) * 2 >= count(*) AND sum(own_transfer IS NOT NULL) > 0`,
      )
      .all(since) as Array<{ account: string; direction: 'in' | 'out'; memo: string }>;
  }

  replace(series: ReadonlyArray<{ account: string }>, stamp: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM fixed_series').run();
      const insert = this.db.prepare('INSERT INTO fixed_series (account, data) VALUES (?, ?)');
      for (const s of series) insert.run(s.account, JSON.stringify(s));
      this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(STAMP_KEY, stamp);
    }).immediate();
  }
}
