// Storing, timed in a fresh process per size: the rows of a history written through the store the way `finance sync`
// writes them (Store.insertPage on whole month windows, committed once 10,000 rows are pending), through the store in one call per account, and by a bare
// better-sqlite3 insert (same columns, no constraints or indexes, one prepared INSERT in one transaction).
// argv[2] is JSON { size, end, runs, dir }; prints { rows, bare: [ms], paged: [ms], single: [ms] }.

import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { distUrl } from './build.mjs';
import { accountInfos, generate, storeRows } from './history.mjs';

const o = JSON.parse(process.argv[2]);
const { Store } = await import(distUrl('store/index.js'));
const { createClassifier } = await import(distUrl('domain/classify.js'));

const household = await generate(o.size, o.end);
const classifier = createClassifier();
const rows = storeRows(household, (m, d) => classifier.classify(m, d));
const accounts = accountInfos(household);
const byAccount = new Map();
for (const r of rows) {
  if (!byAccount.has(r.account)) byAccount.set(r.account, []);
  byAccount.get(r.account).push(r);
}

const fresh = (name) => {
  const p = join(o.dir, name);
  for (const s of ['', '-wal', '-shm']) rmSync(p + s, { force: true });
  return p;
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function bare() {
  const db = new Database(fresh('bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE transactions (id INTEGER PRIMARY KEY, account TEXT, date TEXT, time TEXT, direction TEXT,
    amount INTEGER, balance_after INTEGER, memo TEXT, type TEXT, branch TEXT, occurrence INTEGER, category TEXT,
    category_source TEXT, category_rule TEXT, own_transfer INTEGER, created_at TEXT)`);
  const insert = db.prepare(`INSERT INTO transactions (account, date, time, direction, amount, balance_after, memo, type,
    branch, occurrence, category, category_source, category_rule) VALUES (@account, @date, @time, @direction, @amount,
    @balanceAfter, @memo, @type, @branch, @occurrence, @category, @categorySource, @categoryRule)`);
  const t0 = process.hrtime.bigint();
  db.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  const t = ms(t0);
  db.close();
  return t;
}

/** byMonth: whole calendar months committed once 10,000 rows are pending, as sync commits; else one per account. */
function viaStore(byMonth) {
  const store = Store.open(fresh('store.db'));
  store.accounts.replaceListed(accounts);
  let inserted = 0;
  const t0 = process.hrtime.bigint();
  for (const [account, list] of byAccount) {
    let i = 0;
    while (i < list.length) {
      let j = i + 1;
      if (byMonth) while (j < list.length && (j - i < 10_000 || list[j].date.slice(0, 7) === list[j - 1].date.slice(0, 7))) j++;
      else j = list.length;
      const page = list.slice(i, j);
      inserted += store.transactions.insertPage(account, page, page.at(-1).date);
      i = j;
    }
  }
  const t = ms(t0);
  store.close();
  if (inserted !== rows.length) throw new Error(`the store took ${inserted} of ${rows.length} rows`);
  return t;
}

const result = { rows: rows.length, bare: [], paged: [], single: [] };
for (let run = 0; run < o.runs; run++) {
  result.bare.push(bare());
  result.paged.push(viaStore(true));
  result.single.push(viaStore(false));
}
for (const n of ['bare.db', 'store.db']) fresh(n);
process.stdout.write(JSON.stringify(result) + '\n');
