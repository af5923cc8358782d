// Reclassification over a real SQLite file uses each row's own evidence: the same memo as a card purchase and as a
// bank transfer gets two categories, and a leg paired with an own account becomes a transfer.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reclassifyAll } from '../../src/app/classifier.js';
import { Store } from '../../src/store/index.js';
import type { NewTransaction } from '../../src/store/transactions-repo.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openTemp(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'finance-classify-'));
  dirs.push(dir);
  const store = Store.open(join(dir, 'finance.db'));
  const account = (id: string) => ({
    id, bankCode: '004', bankName: 'KB국민은행', savingsBankName: '', accountNumMasked: '110-***', alias: id, holderName: '홍길동',
    accountType: '1', inquiryAgree: true, state: '01',
  });
  store.accounts.replaceListed([account('A'), account('B')]);
  return store;
}

function row(account: string, time: string, direction: 'in' | 'out', amount: number, memo: string, type: string, branch = ''): NewTransaction {
  return {
    account, date: '2026-03-02', time, direction, amount, balanceAfter: 1_000_000, memo, type, branch, occurrence: 0,
    category: 'uncategorized', categorySource: 'none', categoryRule: null,
  };
}

describe('reclassifyAll with evidence', () => {
  it('splits one memo by tran_type, and own-account legs become transfers', () => {
    const store = openTemp();
    store.transactions.insertPage('A', [
      row('A', '09:00:00', 'out', 9000, '김미영', '체크카드'),
      row('A', '10:00:00', 'out', 50000, '김미영', '타행환'),
      row('A', '11:00:00', 'out', 300000, 'KB내맘대로적금', '대체'),
      row('A', '12:00:00', 'out', 200000, '카카오뱅크 26주적금', '대체'),
    ], null);
    store.transactions.insertPage('B', [row('B', '11:00:30', 'in', 300000, '홍길동', '대체')], null);
    expect(store.transactions.pairOwnTransfers(0)).toBe(1);
    reclassifyAll(store, { dryRun: false });
    const byKey = new Map([...store.transactions.iterate({})].map((t) => [`${t.account} ${t.time}`, t]));
    expect(byKey.get('A 09:00:00')?.category).toBe('uncategorized');
    expect(byKey.get('A 10:00:00')?.category).toBe('transfer');
    expect(byKey.get('A 11:00:00')).toMatchObject({ category: 'transfer', categoryRule: 'built-in rule "own account"' });
    expect(byKey.get('B 11:00:30')?.category).toBe('transfer');
    expect(byKey.get('A 12:00:00')).toMatchObject({ category: 'finance', categoryRule: 'built-in rule "savings deposit"' });
    store.close();
  });

  it('after pairing, relabels only the paired legs of a busy memo (the own-only pass sync runs), and every group of them', () => {
    const store = openTemp();
    // A merchant memo with many unpaired purchases and two legs that pair with the other account (a refund-like move).
    const purchases = Array.from({ length: 40 }, (_, i) => row('A', `08:${String(i).padStart(2, '0')}:00`, 'out', 4500 + i, '스타벅스코리아', '체크카드'));
    store.transactions.insertPage('A', [
      ...purchases,
      row('A', '13:00:00', 'out', 70000, '스타벅스코리아', ''),
      row('A', '14:00:00', 'out', 25000, '스타벅스코리아', '대체', '역삼지점'),
    ], null);
    store.transactions.insertPage('B', [
      row('B', '13:05:00', 'in', 70000, '홍길동', '대체'),
      row('B', '14:10:00', 'in', 25000, '홍길동', '대체'),
    ], null);
    reclassifyAll(store, { dryRun: false });
    const before = new Map([...store.transactions.iterate({})].map((t) => [`${t.account} ${t.time}`, t.category]));
    expect(store.transactions.pairOwnTransfers(0)).toBe(2);
    const own = store.transactions.evidenceGroups({ ownOnly: true });
    expect(own.map((g) => [g.memo, g.direction, g.own]).sort()).toEqual([
      ['스타벅스코리아', 'out', 1], ['스타벅스코리아', 'out', 1], ['홍길동', 'in', 1],
    ].sort()); // the two 스타벅스 legs differ in tran_type and branch; the two 홍길동 legs share every fact
    const changes = reclassifyAll(store, { dryRun: false, ownOnly: true });
    expect(changes.reduce((n, c) => n + c.count, 0)).toBe(4 - [...before].filter(([k, c]) => ['A 13:00:00', 'A 14:00:00', 'B 13:05:00', 'B 14:10:00'].includes(k) && c === 'transfer').length);
    const after = new Map([...store.transactions.iterate({})].map((t) => [`${t.account} ${t.time}`, t.category]));
    for (const k of ['A 13:00:00', 'A 14:00:00', 'B 13:05:00', 'B 14:10:00']) expect(after.get(k), k).toBe('transfer');
    // the unpaired purchases of the same memo keep what they had
    for (const p of purchases) expect(after.get(`A ${p.time}`), p.time).toBe(before.get(`A ${p.time}`));
    expect(before.get('A 08:00:00')).not.toBe('transfer');
    store.close();
  });
});
