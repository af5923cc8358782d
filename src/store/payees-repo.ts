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
   * Spending per memo from..to (outgoing, own transfers left out, as in the report): whole calendar months from the
   * monthly table, the partial months at either end from the rows.
   */
  spendingByMemo(from: string, to: string): Array<{ memo: string; amount: number; count: number }> {
    this.fillMonths();
    const totals = new Map<string, { memo: string; amount: number; count: number }>();
    const add = (rows: Array<{ memo: string; amount: number; count: number }>) => {
      for (const r of rows) {
        const t = totals.get(r.memo);
        if (t) (t.amount += r.amount), (t.count += r.count);
        else totals.set(r.memo, { ...r });
      }
    };
    const direct = (a: string, b: string) =>
      add(
        this.db
          .prepare(
            `SELECT memo, sum(amount) AS amount, count(*) AS count FROM transactions
              WHERE date >= ? AND date <= ? AND direction = 'out' AND own_transfer IS NULL GROUP BY memo`,
          )
          .all(a, b) as Array<{ memo: string; amount: number; count: number }>,
      );
    // The first whole month on or after `from`, and the last whole month on or before `to`.
    const firstWhole = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
    const lastWhole = to === monthEnd(to.slice(0, 7)) ? to.slice(0, 7) : prevMonth(to.slice(0, 7));
    if (firstWhole > lastWhole) {
      direct(from, to);
    } else {
      if (from < `${firstWhole}-01`) direct(from, monthEnd(prevMonth(firstWhole)));
      add(
        this.db
          .prepare('SELECT memo, sum(amount) AS amount, sum(count) AS count FROM payee_months WHERE month >= ? AND month <= ? GROUP BY memo')
          .all(firstWhole, lastWhole) as Array<{ memo: string; amount: number; count: number }>,
      );
      if (to > monthEnd(lastWhole)) direct(`${nextMonth(lastWhole)}-01`, to);
    }
    return [...totals.values()];
  }

  /**
   * Brings payee_months up to date: the months of rows added since the last fill are summed again (an own-transfer
   * pair is made on the new leg's day, so its month is among them). Rows are only ever deleted with their account, so
   * fewer accounts than recorded means everything is summed again. (Counting the rows would read a million of them.)
   */
  private fillMonths(): void {
    const saved = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(MONTHS_KEY) as { value: string } | undefined;
    const [savedId, savedCount] = (saved?.value ?? '0|0').split('|').map(Number);
    const now = this.db
      .prepare('SELECT (SELECT coalesce(max(id), 0) FROM transactions) AS id, (SELECT count(*) FROM accounts) AS n')
      .get() as { id: number; n: number };
    if (savedId === now.id && savedCount === now.n) return;
    const all = savedId === 0 || now.n < savedCount! || now.id < savedId!;
    const sum = `SELECT substr(date, 1, 7), memo, sum(amount), count(*) FROM transactions
                  WHERE direction = 'out' AND own_transfer IS NULL`;
    this.db.transaction(() => {
      if (all) {
        this.db.prepare('DELETE FROM payee_months').run();
        this.db.prepare(`INSERT INTO payee_months (month, memo, amount, count) ${sum} GROUP BY 1, 2`).run();
      } else {
        const months = this.db.prepare('SELECT DISTINCT substr(date, 1, 7) FROM transactions WHERE id > ?').pluck().all(savedId) as string[];
        const del = this.db.prepare('DELETE FROM payee_months WHERE month = ?');
        const ins = this.db.prepare(`INSERT INTO payee_months (month, memo, amount, count) ${sum} AND date >= ? AND date <= ? GROUP BY 1, 2`);
        for (const m of months) {
          del.run(m);
          ins.run(`${m}-01`, monthEnd(m));
        }
      }
      this.db
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(MONTHS_KEY, `${now.id}|${now.n}`);
    }).immediate();
  }
}

const MONTHS_KEY = 'payee_months_stamp';

function nextMonth(m: string): string {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m.slice(0, 4)}-${String(mo + 1).padStart(2, '0')}`;
}

function prevMonth(m: string): string {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${m.slice(0, 4)}-${String(mo - 1).padStart(2, '0')}`;
}

function monthEnd(m: string): string {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${m.slice(0, 7)}-${String(days).padStart(2, '0')}`;
}
