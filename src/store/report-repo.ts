// SQL aggregation for `report` and `export`: per-day money flows, account balances at given dates, account balances
// now, and the export's account/category summary. Grouped or looked up in SQL so no caller loads every row.

import type { Direction } from '../domain/types.js';
import type { Db } from './db.js';

/** Money moved on one day in one direction and category; `own` marks transfers between the person's own accounts. */
export interface FlowGroup {
  date: string;
  direction: Direction;
  category: string;
  own: boolean;
  count: number;
  amount: number;
}

/** An account's balance after its last transaction on or before `date`. */
export interface BalancePoint {
  account: string;
  date: string;
  balanceAfter: number;
}

export interface AccountBalance {
  id: string;
  bankCode: string;
  bankName: string;
  accountNumMasked: string;
  alias: string;
  /** the bank's balance from the last sync, else the last stored balance_after, else null */
  balance: number | null;
  balanceAt: string | null;
}

export interface ExportSummary {
  /** per account with rows in the range: the date of its first row there */
  firstDates: Array<{ account: string; date: string }>;
  /** distinct direction/category pairs in the range */
  categories: Array<{ direction: Direction; category: string }>;
}

export class ReportRepo {
  constructor(private readonly db: Db) {}

  /**
   * Per-day totals by direction, category and own-transfer flag, from..to inclusive. The totals come from the covering
   * index transactions_date; own transfers come from the partial index transactions_own and are subtracted.
   */
  flows(from: string, to: string): FlowGroup[] {
    return this.flowsBy('date', from, to);
  }

  /**
   * The same totals summed per ISO week (Monday starts) instead of per day: each group carries the first date it covers
   * within from..to, so it never spans two weeks or leaves the period. What a report over years needs: twenty years are
   * ~20,000 groups instead of ~100,000 (the objects, not the SQL, were most of a whole-history report's time).
   * julianday(date) + 0.5 is the Julian day number, whose remainder by 7 is 0 on a Monday.
   */
  weeklyFlows(from: string, to: string): FlowGroup[] {
    return this.flowsBy('CAST(julianday(date) + 0.5 AS INTEGER) / 7', from, to);
  }

  /** Totals per `bucket` (an SQL expression of `date`), direction, category and own flag; own rows counted once. */
  private flowsBy(bucket: string, from: string, to: string): FlowGroup[] {
    const rows = this.db
      .prepare(
        `SELECT min(date) AS date, direction, category, own, sum(count) AS count, sum(amount) AS amount FROM (
           SELECT date, direction, category, 0 AS own, count(*) AS count, sum(amount) AS amount FROM transactions
            WHERE date >= @from AND date <= @to GROUP BY date, direction, category
           UNION ALL
           SELECT date, direction, category, o.own,
                  CASE o.own WHEN 1 THEN count(*) ELSE -count(*) END, CASE o.own WHEN 1 THEN sum(amount) ELSE -sum(amount) END
             FROM transactions INDEXED BY transactions_own, (SELECT 0 AS own UNION ALL SELECT 1) o
            WHERE own_transfer IS NOT NULL AND date >= @from AND date <= @to GROUP BY date, direction, category, o.own)
          GROUP BY ${bucket}, direction, category, own
         HAVING sum(count) > 0`,
      )
      .all({ from, to }) as Array<Omit<FlowGroup, 'own'> & { own: number }>;
    return rows.map((r) => ({ ...r, own: r.own === 1 }));
  }

  /**
   * For every account and each date: its balance after its last transaction on or before that date (accounts with no
   * transaction by then are left out). One indexed lookup per pair, so the cost grows with weeks, not rows.
   */
  balancesAt(dates: readonly string[]): BalancePoint[] {
    if (dates.length === 0) return [];
    return this.db
      .prepare(
        `SELECT account, date, balanceAfter FROM (
           SELECT a.id AS account, d.value AS date,
                  (SELECT t.balance_after FROM transactions t WHERE t.account = a.id AND t.date <= d.value AND t.balance_after IS NOT NULL
                    ORDER BY t.date DESC, t.time DESC, t.id DESC LIMIT 1) AS balanceAfter
             FROM accounts a, json_each(?) d)
          WHERE balanceAfter IS NOT NULL ORDER BY account, date`,
      )
      .all(JSON.stringify(dates)) as BalancePoint[];
  }

  /** Each account's balance before its first stored transaction (its balance_after ∓ amount); accounts with rows only. */
  initialBalances(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT a.id AS account,
            (SELECT CASE t.direction WHEN 'in' THEN t.balance_after - t.amount ELSE t.balance_after + t.amount END
               FROM transactions t WHERE t.account = a.id AND t.balance_after IS NOT NULL ORDER BY t.date, t.time, t.id LIMIT 1) AS balance
           FROM accounts a`,
      )
      .all() as Array<{ account: string; balance: number | null }>;
    return new Map(rows.filter((r) => r.balance !== null).map((r) => [r.account, r.balance!]));
  }

  /** Every stored account with its latest known balance. */
  accountBalances(): AccountBalance[] {
    return this.db
      .prepare(
        `SELECT a.id, a.bank_code AS bankCode, a.bank_name AS bankName, a.account_num_masked AS accountNumMasked,
                a.alias,
                coalesce(a.balance, (SELECT t.balance_after FROM transactions t WHERE t.account = a.id AND t.balance_after IS NOT NULL
                                      ORDER BY t.date DESC, t.time DESC, t.id DESC LIMIT 1)) AS balance,
                a.balance_at AS balanceAt
           FROM accounts a ORDER BY a.created_at, a.rowid`,
      )
      .all() as AccountBalance[];
  }

  /** Outgoing money per account and memo from..to, own transfers left out (the forecast's variable spending). */
  spendingByMemo(from: string, to: string): Array<{ account: string; memo: string; amount: number }> {
    return this.db
      .prepare(
        `SELECT account, memo, sum(amount) AS amount FROM transactions
          WHERE date >= ? AND date <= ? AND direction = 'out' AND own_transfer IS NULL GROUP BY account, memo`,
      )
      .all(from, to) as Array<{ account: string; memo: string; amount: number }>;
  }

  /** Per account: the date of its first stored transaction. */
  firstDates(): Map<string, string> {
    const rows = this.db
      .prepare('SELECT a.id AS account, (SELECT min(t.date) FROM transactions t WHERE t.account = a.id) AS date FROM accounts a')
      .all() as Array<{ account: string; date: string | null }>;
    return new Map(rows.filter((r) => r.date !== null).map((r) => [r.account, r.date!]));
  }

  /** What an export of from..to (either open) needs to declare before its first entry. */
  exportSummary(from?: string, to?: string): ExportSummary {
    const where = 'WHERE date >= @from AND date <= @to';
    const params = { from: from ?? '0000-00-00', to: to ?? '9999-99-99' };
    return {
      firstDates: this.db
        .prepare(`SELECT account, min(date) AS date FROM transactions ${where} GROUP BY account ORDER BY account`)
        .all(params) as ExportSummary['firstDates'],
      categories: this.db
        .prepare(`SELECT DISTINCT direction, category FROM transactions ${where} ORDER BY direction, category`)
        .all(params) as ExportSummary['categories'],
    };
  }
}
