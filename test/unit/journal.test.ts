// Journal writers: account names each tool accepts, memo escaping, opening balances, balance assertions from the
// bank's balance_after, own transfers as one Assets↔Assets entry, gaps in the balance chain, and the CSV rows.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  assetAccountNames, beancountString, categoryAccount, exportCsvRow, journalChunks, ledgerPayee, type JournalAccount, type JournalRow,
} from '../../src/domain/journal.js';

const accounts: JournalAccount[] = [
  { id: 'F1', bankCode: '004', bankName: 'KB국민은행', accountNumMasked: '123456***', alias: '생활비' },
  { id: 'F2', bankCode: '088', bankName: '신한 은행', accountNumMasked: '110-22*-***', alias: '' },
];

let nextId = 1;
function row(p: Partial<JournalRow> & Pick<JournalRow, 'account' | 'date' | 'direction' | 'amount' | 'balanceAfter'>): JournalRow {
  return { id: nextId++, time: '12:00:00', memo: 'memo', type: '', branch: '', category: p.direction === 'in' ? 'salary' : 'food', categorySource: 'keyword', ownTransfer: null, ...p };
}

const text = (format: 'ledger' | 'beancount', rows: JournalRow[]) =>
  [...journalChunks(format, { accounts, firstDates: [...new Set(rows.map((r) => r.account))].map((a) => ({ account: a, date: rows.find((r) => r.account === a)!.date })), categories: [{ direction: 'out', category: 'food' }, { direction: 'in', category: 'salary' }] }, rows)].join('');

describe('names', () => {
  it('uses bank and masked number for ledger, ASCII-safe bank code names for beancount', () => {
    expect(assetAccountNames('ledger', accounts).get('F1')).toBe('Assets:Bank:KB국민은행:123456***');
    expect(assetAccountNames('ledger', accounts).get('F2')).toBe('Assets:Bank:신한-은행:110-22*-***');
    expect(assetAccountNames('beancount', accounts).get('F1')).toBe('Assets:Bank:KB-123456XXX');
    expect(assetAccountNames('beancount', accounts).get('F2')).toBe('Assets:Bank:Shinhan-11022XXXX');
  });
  it('keeps two accounts with the same bank and masked number apart', () => {
    const twins = [accounts[0]!, { ...accounts[0]!, id: 'F9' }];
    const names = assetAccountNames('beancount', twins);
    expect(names.get('F1')).not.toBe(names.get('F9'));
  });
  it('names categories Expenses:<Id> / Income:<Id>, hashing non-ASCII ids for beancount', () => {
    expect(categoryAccount('ledger', 'out', 'food')).toBe('Expenses:Food');
    expect(categoryAccount('beancount', 'in', 'salary')).toBe('Income:Salary');
    expect(categoryAccount('ledger', 'out', '커피')).toBe('Expenses:커피');
    expect(categoryAccount('beancount', 'out', '커피')).toMatch(/^Expenses:U[0-9a-f]{8}$/);
    expect(categoryAccount('beancount', 'out', 'my cat_1')).toBe('Expenses:My-cat-1');
  });
});

describe('escaping', () => {
  it('keeps ledger payees on one line without a comment-starting ;', () => {
    expect(ledgerPayee('(주)카카오\n택시; 결제\t')).toBe('(주)카카오 택시； 결제');
    expect(ledgerPayee('  ')).toBe('-');
  });
  it('escapes quotes and backslashes in beancount strings', () => {
    expect(beancountString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });
  it('quotes CSV fields per RFC 4180 via the row order of the header', () => {
    const r = row({ account: 'F1', date: '2026-01-01', direction: 'out', amount: 5, balanceAfter: 5, memo: 'a,"b"' });
    expect(exportCsvRow(r)).toEqual([r.id, 'F1', '2026-01-01', '12:00:00', 'out', 5, 5, 'a,"b"', '', '', 'food', '식비', 'keyword', 'a,"b"']);
  });
});

describe('ledger journal', () => {
  // Built in beforeAll, not while the file is collected: Stryker's per-test coverage cannot see collection-time code.
  let out: string;
  beforeAll(() => {
    const rows = [
      row({ account: 'F1', date: '2026-01-01', time: '09:00:00', direction: 'out', amount: 1000, balanceAfter: 9000, memo: '(주)스타벅스' }),
      row({ account: 'F1', date: '2026-01-01', time: '10:00:00', direction: 'in', amount: 500, balanceAfter: 9500 }),
      row({ account: 'F1', date: '2026-01-02', time: '09:00:00', direction: 'out', amount: 3000, balanceAfter: 6500, ownTransfer: 100, category: 'transfer', id: 100 }),
      row({ account: 'F2', date: '2026-01-02', time: '09:01:00', direction: 'in', amount: 3000, balanceAfter: 3000, ownTransfer: 100, category: 'transfer' }),
      row({ account: 'F1', date: '2026-01-03', direction: 'out', amount: 100, balanceAfter: 6000 }), // 400 missing before it
    ];
    out = text('ledger', rows);
  });

  it('opens each account from its first row and asserts the last balance of each day', () => {
    expect(out).toContain('Opening balance\n    Assets:Bank:KB국민은행:123456***  10000 KRW\n    Equity:Opening-Balances  -10000 KRW');
    expect(out).toMatch(/\(\d+\) \(주\)스타벅스\n.*\n    Assets:Bank:KB국민은행:123456\*\*\*  -1000 KRW\n    Expenses:Food  1000 KRW/);
    expect(out).toContain('Assets:Bank:KB국민은행:123456***  500 KRW = 9500 KRW');
    expect(out).not.toContain('-1000 KRW = ');
  });
  it('writes an own transfer once, Assets to Assets, asserting both sides', () => {
    expect(out).toContain('    Assets:Bank:KB국민은행:123456***  -3000 KRW = 6500 KRW\n    Assets:Bank:신한-은행:110-22*-***  3000 KRW = 3000 KRW');
    expect(out).not.toContain('Expenses:Transfer');
  });
  it('books a gap in the balance chain against Equity:Unreconciled', () => {
    expect(out).toContain('Balance gap in the bank history (missing transactions)\n    Assets:Bank:KB국민은행:123456***  -400 KRW\n    Equity:Unreconciled  400 KRW');
  });
});

describe('beancount journal', () => {
  let out: string;
  beforeAll(() => {
    const rows = [
      row({ account: 'F1', date: '2026-01-01', direction: 'out', amount: 1000, balanceAfter: 9000, memo: 'say "hi"' }),
      row({ account: 'F1', date: '2026-01-02', direction: 'out', amount: 2000, balanceAfter: 7000, category: 'transfer' }),
    ];
    out = text('beancount', rows);
  });
  it('opens accounts with the Korean bank name as metadata and checks balances the next day', () => {
    expect(out).toContain('2026-01-01 open Assets:Bank:KB-123456XXX KRW\n  bank: "KB국민은행"');
    expect(out).toContain('2026-01-01 * "say \\"hi\\""');
    expect(out).toContain('2026-01-02 balance Assets:Bank:KB-123456XXX 9000 KRW');
    expect(out).toContain('2026-01-03 balance Assets:Bank:KB-123456XXX 7000 KRW');
  });
  it('books a transfer to someone else as Expenses:Transfer', () => {
    expect(out).toContain('  Expenses:Transfer  2000 KRW');
  });
});
