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
});
