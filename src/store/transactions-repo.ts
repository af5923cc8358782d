// Stored transactions: idempotent page inserts with the account checkpoint, queries for listing, and category updates.

import type { CategorySource, Direction, Transaction } from '../domain/types.js';
import type { Db } from './db.js';

/** A transaction ready to store: its occurrence index among identical rows of the day, and its category. */
export interface NewTransaction extends Transaction {
  occurrence: number;
  category: string;
  categorySource: CategorySource;
  categoryRule: string | null;
}

export interface StoredTransaction extends Transaction {
  id: number;
  category: string;
  categorySource: CategorySource;
  categoryRule: string | null;
  ownTransfer: number | null;
}

export interface TxFilter {
  from?: string;
  to?: string;
  account?: string;
  category?: string;
  search?: string;
  /** with `search`: memos that match it some other way (their payee, initial consonants) */
  searchMemos?: readonly string[];
  /** amount bounds in won, inclusive */
  min?: number;
  max?: number;
  limit?: number;
  order?: 'newest' | 'oldest';
}

/** What the classifier reads of a row besides its memo and direction; round and own are SQLite booleans (0/1). */
export interface EvidenceKey {
  memo: string;
  direction: Direction;
  type: string;
  branch: string;
  round: number;
  own: number;
}

export interface EvidenceGroup extends EvidenceKey {
  category: string;
  source: CategorySource;
  count: number;
  total: number;
}

export interface MemoGroup {
  memo: string;
  direction: Direction;
  count: number;
  total: number;
}

const SELECT_TX = `SELECT id, account, date, time, direction, amount, balance_after AS balanceAfter, memo, type, branch,
  category, category_source AS categorySource, category_rule AS categoryRule, own_transfer AS ownTransfer
  FROM transactions`;

export class TransactionsRepo {
  private readonly insertStmt;
  private readonly anyInRangeStmt;
  private readonly checkpointStmt;
  private setGroupStmt: ReturnType<Db['prepare']> | undefined;
  private setOwnGroupStmt: ReturnType<Db['prepare']> | undefined;
  private readonly contiguousCheckpointStmt;
  private readonly capCheckpointStmt;
  private readonly memoUpdateStmt;
  private readonly sameDayStmt;
  constructor(private readonly db: Db) {
    this.contiguousCheckpointStmt = db.prepare(
      `UPDATE accounts SET synced_through = @cp WHERE id = @account
         AND (synced_through IS NULL OR (synced_through < @cp AND date(synced_through, '+1 day') >= @from))`,
    );
    this.capCheckpointStmt = db.prepare('UPDATE accounts SET synced_through = @cap WHERE id = @account AND synced_through > @cap');
    this.memoUpdateStmt = db.prepare(
      `UPDATE transactions SET memo = ?, occurrence = ?, category = ?, category_source = ?, category_rule = ? WHERE id = ?`,
    );
    this.anyInRangeStmt = db.prepare('SELECT 1 FROM transactions WHERE account = ? AND date >= ? AND date <= ? LIMIT 1');
    this.sameDayStmt = db.prepare(
      `SELECT id, date, time, direction, amount, balance_after AS balanceAfter, memo, occurrence FROM transactions
        WHERE account = ? AND date = ? AND balance_after IS NOT NULL`,
    );
    this.checkpointStmt = db.prepare(
      `UPDATE accounts SET synced_through = CASE WHEN synced_through IS NULL OR synced_through < @cp THEN @cp
         ELSE synced_through END WHERE id = @account`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO transactions (account, date, time, direction, amount, balance_after, memo, type, branch,
         occurrence, category, category_source, category_rule, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`, // only the dedup key may collide; CHECK and NOT NULL violations still fail loudly
    );
  }

  /**
   * Stores one page and moves the account checkpoint in a single BEGIN IMMEDIATE transaction, so a crash leaves either
   * both or neither. Rows already stored (same dedup key) are skipped. Returns how many rows were new.
   */
  insertPage(account: string, rows: readonly NewTransaction[], checkpoint: string | null): number {
    return this.db.transaction(() => {
      let inserted = 0;
      // Positional parameters and one created_at per page: named binding and a per-row strftime cost a third.
      const now = new Date().toISOString();
      const stmt = this.insertStmt;
      for (const r of rows) {
        inserted += stmt.run(r.account, r.date, r.time, r.direction, r.amount, r.balanceAfter, r.memo, r.type, r.branch,
          r.occurrence, r.category, r.categorySource, r.categoryRule, now).changes;
      }
      if (checkpoint) this.checkpointStmt.run({ cp: checkpoint, account });
      return inserted;
    }).immediate();
  }

  /**
   * Stores the rows of one or more fetched windows of an account in one BEGIN IMMEDIATE transaction, with what sync
   * decided about them:
   * - a row that equals a stored row of the account in date, time, direction, amount and balance after, but not in
   *   memo (the bank changed the memo between two downloads), updates that stored row's memo and category instead of
   *   being inserted; identical rows (memo included) stay separate rows by their occurrence index;
   * - the checkpoint moves to `checkpoint.through` only when the stored one is missing or reaches up to
   *   `checkpoint.from` (no gap is ever skipped), and `cap` lowers it to at most that date (an incomplete window);
   * - the chain breaks of each window replace the stored ones inside it when the window was read whole.
   * Returns the rows inserted and the memos updated.
   */
  storeBatch(
    account: string,
    rows: readonly NewTransaction[],
    opts: {
      checkpoint?: { from: string; through: string } | null;
      cap?: string | null;
      breaks?: ReadonlyArray<{ from: string; to: string; complete: boolean; list: ReadonlyArray<{ date: string; time: string; expected: number; actual: number }> }>;
    } = {},
  ): { inserted: number; memoUpdates: number } {
    return this.db.transaction(() => {
      const now = new Date().toISOString();
      let inserted = 0;
      let memoUpdates = 0;
      for (const r of this.memoChanges(account, rows)) {
        if (r.updateId !== undefined) {
          this.memoUpdateStmt.run(r.row.memo, r.row.occurrence, r.row.category, r.row.categorySource, r.row.categoryRule, r.updateId);
          memoUpdates++;
          continue;
        }
        const t = r.row;
        inserted += this.insertStmt.run(account, t.date, t.time, t.direction, t.amount, t.balanceAfter, t.memo, t.type, t.branch,
          t.occurrence, t.category, t.categorySource, t.categoryRule, now).changes;
      }
      if (opts.checkpoint) this.contiguousCheckpointStmt.run({ account, cp: opts.checkpoint.through, from: opts.checkpoint.from });
      if (opts.cap) this.capCheckpointStmt.run({ account, cap: opts.cap });
      for (const b of opts.breaks ?? []) {
        if (b.complete) this.db.prepare('DELETE FROM chain_breaks WHERE account = ? AND date BETWEEN ? AND ?').run(account, b.from, b.to);
        for (const x of b.list) this.recordChainBreak(account, x.date, x.time, x.expected, x.actual);
      }
      // What payees-repo keeps per memo (payees, payee_months) only follows added rows: a renamed one makes both refill.
      if (memoUpdates > 0) this.db.prepare("DELETE FROM meta WHERE key IN ('payee_months_stamp', 'payees_stamp')").run();
      return { inserted, memoUpdates };
    }).immediate();
  }

  /**
   * Pairs each row with a stored row it renames, if any. Rows are grouped by date, time, direction, amount and a known
   * balance after; inside a group, rows whose memo and occurrence are already stored are left to the dedup key, and the
   * rest are paired in order with the stored rows of the group that the answer no longer contains.
   */
  private memoChanges(account: string, rows: readonly NewTransaction[]): Array<{ row: NewTransaction; updateId?: number }> {
    const dates = new Set<string>();
    let first = '';
    let last = '';
    for (const r of rows) {
      if (r.balanceAfter === null) continue;
      dates.add(r.date);
      if (first === '' || r.date < first) first = r.date;
      if (r.date > last) last = r.date;
    }
    // A first sync stores into days the account has no row on yet: one range lookup instead of one per day.
    if (dates.size === 0 || this.anyInRangeStmt.get(account, first, last) === undefined) return rows.map((row) => ({ row }));
    const stored = new Map<string, Array<{ id: number; memo: string; occurrence: number }>>();
    const group = (t: { date: string; time: string; direction: string; amount: number; balanceAfter: number | null }) =>
      `${t.date}|${t.time}|${t.direction}|${t.amount}|${t.balanceAfter}`;
    for (const d of dates) {
      for (const s of this.sameDayStmt.all(account, d) as Array<{ id: number; date: string; time: string; direction: string; amount: number; balanceAfter: number; memo: string; occurrence: number }>) {
        const k = group(s);
        if (!stored.has(k)) stored.set(k, []);
        stored.get(k)!.push(s);
      }
    }
    if (stored.size === 0) return rows.map((row) => ({ row }));
    const fetchedKeys = new Map<string, Set<string>>();
    for (const r of rows) {
      if (r.balanceAfter === null) continue;
      const k = group(r);
      if (!fetchedKeys.has(k)) fetchedKeys.set(k, new Set());
      fetchedKeys.get(k)!.add(`${r.memo}\u0000${r.occurrence}`);
    }
    // Stored rows of each group that the answer does not contain, oldest id first: the candidates for a rename.
    const orphans = new Map<string, Array<{ id: number }>>();
    for (const [k, list] of stored) {
      const keys = fetchedKeys.get(k);
      if (!keys) continue;
      const left = list.filter((s) => !keys.has(`${s.memo}\u0000${s.occurrence}`));
      if (left.length > 0) orphans.set(k, left);
    }
    return rows.map((row) => {
      if (row.balanceAfter === null) return { row };
      const k = group(row);
      const list = stored.get(k);
      if (!list || list.some((s) => s.memo === row.memo && s.occurrence === row.occurrence)) return { row };
      const orphan = orphans.get(k)?.shift();
      return orphan ? { row, updateId: orphan.id } : { row };
    });
  }

  /** Lowers the account checkpoint to at most `cap` (a window that must be fetched again). */
  capCheckpoint(account: string, cap: string): void {
    this.capCheckpointStmt.run({ account, cap });
  }

  checkpoint(account: string): string | null {
    const r = this.db.prepare('SELECT synced_through AS cp FROM accounts WHERE id = ?').get(account) as { cp: string | null } | undefined;
    return r?.cp ?? null;
  }

  /** Month windows holding a recorded chain break, per account (for `sync --repair`). */
  chainBreakMonths(account: string): string[] {
    return (this.db.prepare("SELECT DISTINCT substr(date, 1, 7) AS m FROM chain_breaks WHERE account = ? ORDER BY m").all(account) as Array<{ m: string }>).map((r) => r.m);
  }

  newestDate(account: string): string | null {
    const r = this.db.prepare('SELECT max(date) AS d FROM transactions WHERE account = ?').get(account) as { d: string | null };
    return r.d;
  }

  /** The last stored row with a known balance strictly before `date` (the predecessor of a fetch window, for the balance chain). */
  lastBefore(account: string, date: string): StoredTransaction | undefined {
    return this.db
      .prepare(`${SELECT_TX} WHERE account = ? AND date < ? AND balance_after IS NOT NULL ORDER BY date DESC, time DESC, id DESC LIMIT 1`)
      .get(account, date) as StoredTransaction | undefined;
  }

  recordChainBreak(account: string, date: string, time: string, expected: number, actual: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO chain_breaks (account, date, time, expected, actual) VALUES (?, ?, ?, ?, ?)')
      .run(account, date, time, expected, actual);
  }

  chainBreaks(): Array<{ account: string; date: string; time: string; expected: number; actual: number }> {
    return this.db.prepare('SELECT account, date, time, expected, actual FROM chain_breaks ORDER BY date, time').all() as never;
  }

  /** Streams matching rows (newest first by default) without loading them all. */
  *iterate(f: TxFilter = {}): IterableIterator<StoredTransaction> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (f.from) (where.push('date >= @from'), (params.from = f.from));
    if (f.to) (where.push('date <= @to'), (params.to = f.to));
    if (f.account) (where.push('account = @account'), (params.account = f.account));
    if (f.category) (where.push('category = @category'), (params.category = f.category));
    if (f.search) {
      const memos = f.searchMemos?.length ? ' OR memo IN (SELECT value FROM json_each(@memos))' : '';
      where.push(`(memo LIKE @search ESCAPE '\\' OR branch LIKE @search ESCAPE '\\' OR type LIKE @search ESCAPE '\\'${memos})`);
      params.search = `%${f.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      if (memos) params.memos = JSON.stringify(f.searchMemos);
    }
    if (f.min !== undefined) (where.push('amount >= @min'), (params.min = f.min));
    if (f.max !== undefined) (where.push('amount <= @max'), (params.max = f.max));
    const dir = f.order === 'oldest' ? 'ASC' : 'DESC';
    let sql = `${SELECT_TX}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY date ${dir}, time ${dir}, id ${dir}`;
    if (f.limit !== undefined) (sql += ' LIMIT @limit'), (params.limit = f.limit);
    yield* this.db.prepare(sql).iterate(params) as IterableIterator<StoredTransaction>;
  }

  /** Whether any transaction is stored: one index probe, where count() reads every row (130 ms at 1M rows). */
  any(): boolean {
    return (this.db.prepare('SELECT EXISTS (SELECT 1 FROM transactions) AS any').get() as { any: number }).any === 1;
  }

  count(): { total: number; unclassified: number } {
    return this.db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(CASE WHEN category = 'uncategorized' THEN 1 ELSE 0 END), 0) AS unclassified
           FROM transactions`,
      )
      .get() as { total: number; unclassified: number };
  }

  /** Distinct memo/direction pairs with how often and how much (for re-classification and the interactive walk). */
  memoGroups(opts: { onlyUnlabeled?: boolean; onlyCategory?: string } = {}): MemoGroup[] {
    const where: string[] = [];
    if (opts.onlyUnlabeled) where.push("category_source <> 'label'");
    if (opts.onlyCategory) where.push('category = @cat');
    return this.db
      .prepare(
        `SELECT memo, direction, count(*) AS count, sum(amount) AS total FROM transactions
          ${where.length ? 'WHERE ' + where.join(' AND ') : ''} GROUP BY memo, direction ORDER BY total DESC, memo`,
      )
      .all(opts.onlyCategory ? { cat: opts.onlyCategory } : {}) as MemoGroup[];
  }

  /**
   * Rows grouped by everything the classifier reads (memo, direction, tran_type, branch, whether the amount is a
   * round thousand, whether the row is paired with an own account) and by their current category. For one memo, or
   * for every row.
   */
  evidenceGroups(filter: { memo?: string; ownOnly?: boolean } = {}): EvidenceGroup[] {
    const where: string[] = [];
    if (filter.memo !== undefined) where.push('memo = @memo');
    if (filter.ownOnly) where.push('own_transfer IS NOT NULL');
    return this.db
      .prepare(
        `SELECT memo, direction, type, branch, (amount % 1000 = 0) AS round, (own_transfer IS NOT NULL) AS own,
                category, category_source AS source, count(*) AS count, sum(amount) AS total
           FROM transactions ${filter.ownOnly ? 'INDEXED BY transactions_own' : ''} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
          GROUP BY memo, direction, type, branch, round, own, category, category_source`,
      )
      .all(filter.memo === undefined ? {} : { memo: filter.memo }) as EvidenceGroup[];
  }

  /** Sets the category of the rows of one evidence group (labelled rows included, as reclassification does). */
  setGroupCategory(g: EvidenceKey, category: string, source: CategorySource, rule: string | null): number {
    const update = (own: boolean) =>
      this.db.prepare(
        `UPDATE transactions ${own ? 'INDEXED BY transactions_own' : ''} SET category = @category, category_source = @source, category_rule = @rule
          WHERE ${own ? 'own_transfer IS NOT NULL AND' : ''} memo = @memo AND direction = @direction AND type = @type AND branch = @branch
            AND (amount % 1000 = 0) = @round AND (own_transfer IS NOT NULL) = @own
            AND (category <> @category OR category_source <> @source OR coalesce(category_rule, '') <> coalesce(@rule, ''))`,
      );
    // The rows of an own-transfer group are found among the few paired rows, not among every row of a busy memo (a
    // card payee may hold 80,000 rows, and sync relabels every paired group after each first sync).
    const stmt = g.own ? (this.setOwnGroupStmt ??= update(true)) : (this.setGroupStmt ??= update(false));
    return stmt
      .run({ memo: g.memo, direction: g.direction, type: g.type, branch: g.branch, round: g.round, own: g.own, category, source, rule }).changes;
  }

  /** Current category of each memo/direction among rows without a label, with counts. */
  categoryOf(memo: string, direction: Direction): Array<{ category: string; source: CategorySource; count: number }> {
    return this.db
      .prepare(
        `SELECT category, category_source AS source, count(*) AS count FROM transactions
          WHERE memo = ? AND direction = ? GROUP BY category, category_source`,
      )
      .all(memo, direction) as never;
  }

  /** Sets the category of every row with this memo (and direction, if given). Returns rows changed. */
  setCategory(
    memo: string,
    direction: Direction | null,
    category: string,
    source: CategorySource,
    rule: string | null,
    opts: { skipLabeled: boolean },
  ): number {
    const conds = ['memo = @memo'];
    if (direction) conds.push('direction = @direction');
    if (opts.skipLabeled) conds.push("category_source <> 'label'");
    conds.push('(category <> @category OR category_source <> @source OR coalesce(category_rule, \'\') <> coalesce(@rule, \'\'))');
    return this.db
      .prepare(`UPDATE transactions SET category = @category, category_source = @source, category_rule = @rule WHERE ${conds.join(' AND ')}`)
      .run({ memo, direction, category, source, rule }).changes;
  }

  /**
   * Rows that could belong to a recurring series: from `since` on, memos seen on at least two different days in one
   * account and direction. Oldest first. One indexed range read, filtered here: a join against a GROUP BY walked the
   * history once per memo group.
   */
  recurringCandidates(
    since: string,
    account?: string,
  ): Array<{ account: string; date: string; direction: Direction; amount: number; memo: string; category: string }> {
    const rows = this.db
      .prepare(
        `SELECT account, date, direction, amount, memo, category FROM transactions
          WHERE date >= @since ${account ? 'AND account = @account' : ''} ORDER BY date, time, id`,
      )
      .all(account ? { since, account } : { since }) as Array<{ account: string; date: string; direction: Direction; amount: number; memo: string; category: string }>;
    const firstDate = new Map<string, string>();
    const recurs = new Set<string>();
    for (const r of rows) {
      const key = `${r.account}\u0000${r.direction}\u0000${r.memo}`;
      const first = firstDate.get(key);
      if (first === undefined) firstDate.set(key, r.date);
      else if (first !== r.date) recurs.add(key);
    }
    return rows.filter((r) => recurs.has(`${r.account}\u0000${r.direction}\u0000${r.memo}`));
  }

  /** Count and total amount per category (all time). */
  categoryTotals(): Array<{ category: string; count: number; amount: number }> {
    return this.db
      .prepare('SELECT category, count(*) AS count, sum(amount) AS amount FROM transactions GROUP BY category')
      .all() as never;
  }

  /** Runs `fn` in one write transaction. */
  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** The highest row id so far (rows inserted later have larger ids). */
  maxId(): number {
    return (this.db.prepare('SELECT coalesce(max(id), 0) AS m FROM transactions').get() as { m: number }).m;
  }

  /**
   * Pairs transfers between the person's own accounts: an outgoing and an incoming row of the same amount in two
   * different stored accounts on the same day within `maxMinutes`. Both rows get the same own_transfer id (the
   * outgoing row's id). Pairs already made stay; each row is paired at most once. Only pairs with a leg newer than
   * `sinceId` are looked for, so a sync pays for what it added, not for the whole history.
   */
  pairOwnTransfers(sinceId = 0, maxMinutes = 30): number {
    const minutes = (col: string) => `(CAST(substr(${col},1,2) AS INTEGER)*60 + CAST(substr(${col},4,2) AS INTEGER))`;
    // CROSS JOIN keeps the new rows as the outer loop (a rowid range), each looked up in the date index.
    const pick = (newSide: 'o' | 'i') =>
      `SELECT o.id AS outId, i.id AS inId, abs(${minutes('o.time')} - ${minutes('i.time')}) AS gap,
              o.date AS d, o.time AS ot, o.account AS oa, i.account AS ia, i.time AS it
         FROM transactions ${newSide === 'o' ? 'o' : 'i'}
         CROSS JOIN transactions ${newSide === 'o' ? 'i' : 'o'}
           ON i.date = o.date AND i.amount = o.amount AND i.account <> o.account
        WHERE o.direction = 'out' AND i.direction = 'in' AND o.own_transfer IS NULL AND i.own_transfer IS NULL
          AND o.amount > 0 AND ${newSide}.id > @since ${newSide === 'i' ? 'AND o.id <= @since' : ''}`;
    const candidates = this.db
      // By what the rows say, not by id: ids follow the order a concurrent sync stored accounts in, pairs must not.
      .prepare(`${pick('o')} UNION ALL ${pick('i')} ORDER BY d, ot, oa, gap, ia, it, outId, inId`)
      .all({ since: sinceId }) as Array<{ outId: number; inId: number; gap: number }>;
    const used = new Set<number>();
    const mark = this.db.prepare('UPDATE transactions SET own_transfer = ? WHERE id IN (?, ?)');
    let pairs = 0;
    this.db.transaction(() => {
      for (const c of candidates) {
        if (c.gap > maxMinutes || used.has(c.outId) || used.has(c.inId)) continue;
        used.add(c.outId).add(c.inId);
        mark.run(c.outId, c.outId, c.inId);
        pairs++;
      }
    }).immediate();
    return pairs;
  }
}
