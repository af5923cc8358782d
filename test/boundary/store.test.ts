// The store on a real SQLite file: migrations, reopening, constraints, and the bank_tran_id counter across processes.

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/index.js';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'finance-store-')), 'finance.db');
}

const account = {
  id: '120250000112345678901234',
  bankCode: '004',
  bankName: 'KB국민은행',
  savingsBankName: '',
  accountNumMasked: '123456***',
  alias: '월급',
  holderName: '김민준',
  accountType: '1',
  inquiryAgree: true,
  state: '01',
};

const row = (over: Partial<Parameters<Store['transactions']['insertPage']>[1][number]> = {}) => ({
  account: account.id,
  date: '2026-03-02',
  time: '12:30:00',
  direction: 'out' as const,
  amount: 4500,
  balanceAfter: 95500,
  memo: '스타벅스코리아',
  type: '체크카드',
  branch: '',
  occurrence: 0,
  category: 'cafe',
  categorySource: 'keyword' as const,
  categoryRule: 'built-in keyword "스타벅스"',
  ...over,
});

describe('store', () => {
  it('migrates an empty database to the latest version and reopens it without changes', () => {
    const path = tempDb();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'tokens', 'accounts', 'balances', 'transactions', 'labels', 'keyword_rules', 'tran_id_counters', 'sync_runs', 'chain_breaks']));
    db.close();
    const again = openDatabase(path);
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.pragma('foreign_keys', { simple: true })).toBe(1);
    again.close();
  });

  it('refuses a database from a newer version', () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(/newer than this finance/);
  });

  it('dedups by key and occurrence: a re-download stays one row, two identical purchases stay two', () => {
    const store = Store.open(tempDb());
    store.accounts.replaceListed([account]);
    expect(store.transactions.any()).toBe(false);
    expect(store.transactions.insertPage(account.id, [row(), row({ occurrence: 1 })], '2026-03-02')).toBe(2);
    expect(store.transactions.insertPage(account.id, [row(), row({ occurrence: 1 })], '2026-03-02')).toBe(0);
    expect(store.transactions.count().total).toBe(2);
    expect(store.transactions.any()).toBe(true);
    store.close();
  });

  it('constraints reject impossible rows and the whole page is rolled back', () => {
    const store = Store.open(tempDb());
    store.accounts.replaceListed([account]);
    expect(() => store.transactions.insertPage(account.id, [row({ time: '12:31:00' }), row({ amount: -5 })], '2026-03-02')).toThrow();
    expect(() => store.transactions.insertPage(account.id, [row({ date: '2026-3-2' })], null)).toThrow();
    expect(() => store.transactions.insertPage(account.id, [row({ direction: 'sideways' as 'in' })], null)).toThrow();
    expect(() => store.transactions.insertPage('no-such-account', [row({ account: 'no-such-account' })], null)).toThrow(/FOREIGN KEY/);
    expect(store.transactions.count().total).toBe(0);
    store.close();
  });

  it('bank_tran_id numbers never repeat on a day, even from two processes at once', async () => {
    const path = tempDb();
    Store.open(path).close();
    const script = `
      const { Store } = await import(${JSON.stringify(resolve(__dirname, '../../dist/store/index.js'))});
      const s = Store.open(process.argv[1]);
      const out = [];
      for (let i = 0; i < 400; i++) out.push(s.counters.next('20261125', 1));
      s.close();
      process.stdout.write(JSON.stringify(out));`;
    const run = () =>
      new Promise<number[]>((res, rej) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', (code) => (code === 0 ? res(JSON.parse(out) as number[]) : rej(new Error(`exit ${code}`))));
      });
    const [a, b] = await Promise.all([run(), run()]);
    const all = [...a, ...b];
    expect(all).toHaveLength(800);
    expect(new Set(all).size).toBe(800);
    const store = Store.open(path);
    expect(store.counters.next('20261125', 1)).toBeGreaterThan(Math.max(...all));
    expect(store.counters.next('20261126', 1)).toBe(1);
    expect(store.counters.next('20261126', 1)).toBe(2);
    store.close();
    // A day's counter starts where the caller says (at random in the app) and only goes up from there.
    const other = Store.open(tempDb());
    expect(other.counters.next('20261126', 5_000_000)).toBe(5_000_000);
    expect(other.counters.next('20261126', 1)).toBe(5_000_001);
    other.close();
  });

  it('pairs transfers between own accounts once, looking only at rows newer than the given id', () => {
    const store = Store.open(tempDb());
    const other = { ...account, id: '120250000199999999999999', bankName: '신한은행' };
    store.accounts.replaceListed([account, other]);
    store.transactions.insertPage(account.id, [row({ memo: '김민준', amount: 300000, balanceAfter: 700000, time: '10:00:00', category: 'transfer' })], null);
    store.transactions.insertPage(other.id, [row({ account: other.id, memo: '김민준', direction: 'in', amount: 300000, balanceAfter: 300000, time: '10:04:00', category: 'transfer' })], null);
    // Same amount but an hour apart: not a pair.
    store.transactions.insertPage(account.id, [row({ memo: '이체', amount: 5000, balanceAfter: 695000, time: '11:00:00' })], null);
    store.transactions.insertPage(other.id, [row({ account: other.id, memo: '이체', direction: 'in', amount: 5000, balanceAfter: 305000, time: '12:30:00' })], null);
    const before = store.transactions.maxId();
    expect(store.transactions.pairOwnTransfers(0)).toBe(1);
    expect(store.transactions.pairOwnTransfers(0)).toBe(0);
    store.transactions.insertPage(account.id, [row({ memo: '적금', amount: 50000, balanceAfter: 645000, time: '13:00:00', date: '2026-03-03' })], null);
    store.transactions.insertPage(other.id, [row({ account: other.id, memo: '김민준', direction: 'in', amount: 50000, balanceAfter: 355000, time: '13:01:00', date: '2026-03-03' })], null);
    expect(store.transactions.pairOwnTransfers(store.transactions.maxId())).toBe(0);
    expect(store.transactions.pairOwnTransfers(before)).toBe(1);
    const paired = [...store.transactions.iterate()].filter((t) => t.ownTransfer !== null).map((t) => t.amount).sort();
    expect(paired).toEqual([300000, 300000, 50000, 50000]);
    store.close();
  });

  it('lists accounts in the order the bank listed them, even when stored in the same millisecond', () => {
    // created_at has millisecond precision: two accounts stored in one ms used to fall back to id order, so the
    // report's account lines swapped between runs.
    const store = Store.open(tempDb());
    const first = { ...account, id: '120250000199999999999999', bankName: '신한은행' };
    const second = { ...account, id: '120250000100000000000001', bankName: '카카오뱅크' };
    store.accounts.replaceListed([first, second]);
    store.db.prepare("UPDATE accounts SET created_at = '2026-03-02T00:00:00.000Z'").run();
    const ids = [first.id, second.id];
    expect(store.accounts.list().map((a) => a.id)).toEqual(ids);
    expect(store.accounts.refs().map((a) => a.id)).toEqual(ids);
    expect(store.reports.accountBalances().map((a) => a.id)).toEqual(ids);
    // A later listing in another order keeps the first order (upserts keep their place).
    store.accounts.replaceListed([second, first]);
    expect(store.accounts.list().map((a) => a.id)).toEqual(ids);
    store.close();
  });

  it('labels, keywords and user categories round-trip', () => {
    const store = Store.open(tempDb());
    store.labels.setLabel('김철수', 'transfer');
    store.labels.setLabel('김철수', 'gift');
    store.labels.addKeyword('블루보틀', 'cafe');
    store.labels.addUserCategory('반려동물');
    expect(store.labels.labels().map((l) => [l.memo, l.category])).toEqual([['김철수', 'gift']]);
    expect(store.labels.keywords().map((k) => [k.keyword, k.category])).toEqual([['블루보틀', 'cafe']]);
    expect(store.labels.userCategories()).toEqual(['반려동물']);
    expect(store.labels.removeLabel('김철수')).toBe(true);
    expect(store.labels.removeLabel('김철수')).toBe(false);
    store.close();
  });
});
