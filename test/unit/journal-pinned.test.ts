// Pins the whole text of both journal formats (src/domain/journal.ts) for a small history that has every case: an
// opening balance, an account that opens at 0, a gap in the bank's balance chain, an own transfer between two accounts,
// an own-transfer leg without its pair, type/branch metadata, an unused account, twin accounts (same bank and masked
// number), an account without bank name or number, and a non-ASCII category. Whether hledger, ledger and bean-check
// accept the format is checked in test/boundary/report-export-tools.test.ts; here every line is pinned.
import { describe, expect, it } from 'vitest';
import { journalChunks, type JournalAccount, type JournalMeta, type JournalRow } from '../../src/domain/journal.js';

function fixture(): { meta: JournalMeta; rows: JournalRow[] } {
  const accounts: JournalAccount[] = [
    { id: 'FT0000000001', bankCode: '004', bankName: 'KB국민은행', accountNumMasked: '123456***', alias: '생활비' },
    { id: 'FT0000000002', bankCode: '004', bankName: 'KB국민은행', accountNumMasked: '123456***', alias: '' },
    { id: 'FT-abc:9', bankCode: 'x9', bankName: '', accountNumMasked: '', alias: '' },
    { id: 'FT0000000004', bankCode: '088', bankName: '신한', accountNumMasked: '110', alias: '안 씀' },
  ];
  let id = 0;
  const row = (p: Partial<JournalRow> & Pick<JournalRow, 'account' | 'date' | 'direction' | 'amount' | 'balanceAfter'>): JournalRow =>
    ({ id: ++id, time: '12:00:00', memo: '메모', type: '', branch: '', category: p.direction === 'in' ? 'salary' : 'food', categorySource: 'keyword', ownTransfer: null, ...p });
  const rows = [
    row({ account: 'FT0000000001', date: '2026-01-01', time: '09:00:00', direction: 'out', amount: 1000, balanceAfter: 9000, memo: '스타벅스; 강남', type: '체크', branch: '강남' }),
    row({ account: 'FT0000000002', date: '2026-01-01', time: '09:30:00', direction: 'in', amount: 700, balanceAfter: 700, memo: '이자' }),
    row({ account: 'FT0000000001', date: '2026-01-01', time: '10:00:00', direction: 'in', amount: 500, balanceAfter: 9500, memo: 'say "hi"\\' }),
    row({ account: 'FT0000000001', date: '2026-01-02', time: '11:00:00', direction: 'out', amount: 3000, balanceAfter: 6500, ownTransfer: 50, category: 'transfer', memo: '내계좌로' }),
    row({ account: 'FT-abc:9', date: '2026-01-02', time: '11:00:05', direction: 'in', amount: 3000, balanceAfter: 3000, ownTransfer: 50, category: 'transfer', memo: '내계좌에서' }),
    row({ account: 'FT0000000001', date: '2026-01-03', direction: 'out', amount: 100, balanceAfter: 6000, category: '커피 값' }),
    row({ account: 'FT0000000002', date: '2026-01-03', direction: 'out', amount: 200, balanceAfter: 500, ownTransfer: 77, category: 'transfer', memo: '짝 없는 이체' }),
  ];
  const firstDates = [
    { account: 'FT0000000001', date: '2026-01-01' }, { account: 'FT0000000002', date: '2026-01-01' }, { account: 'FT-abc:9', date: '2026-01-02' },
  ];
  const categories = [
    { direction: 'out' as const, category: 'food' }, { direction: 'in' as const, category: 'salary' },
    { direction: 'out' as const, category: 'transfer' }, { direction: 'in' as const, category: 'transfer' }, { direction: 'out' as const, category: '커피 값' },
    { direction: 'out' as const, category: 'food' },
  ];
  return { meta: { accounts, firstDates, categories }, rows };
}

describe('journal text', () => {
  it('ledger: header with used accounts and categories, then each day with assertions on the last posting per account', () => {
    const { meta, rows } = fixture();
    expect([...journalChunks('ledger', meta, rows)].join('')).toBe(LEDGER);
  });

  it('beancount: opens with metadata, each category once, balances checked at the start of the next day', () => {
    const { meta, rows } = fixture();
    expect([...journalChunks('beancount', meta, rows)].join('')).toBe(BEANCOUNT);
  });

  it('yields the header first and then one chunk per day', () => {
    const { meta, rows } = fixture();
    const chunks = [...journalChunks('ledger', meta, rows)];
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toMatch(/^; finance export/);
    expect(chunks.slice(1).map((c) => c.slice(0, 10))).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect([...journalChunks('beancount', meta, [])]).toHaveLength(1);
  });
});

const LEDGER = [
    "; finance export (ledger/hledger). Amounts in whole won.",
    "commodity KRW",
    "",
    "account Assets:Bank:KB국민은행:123456***-0001",
    "    ; KB국민은행 123456*** 생활비",
    "account Assets:Bank:KB국민은행:123456***-0002",
    "    ; KB국민은행 123456***",
    "account Assets:Bank:x9:abc-9",
    "    ; ",
    "account Expenses:Food",
    "account Income:Salary",
    "account Expenses:Transfer",
    "account Income:Transfer",
    "account Expenses:커피-값",
    "account Equity:Opening-Balances",
    "account Equity:Unreconciled",
    "",
    "2026-01-01 * Opening balance",
    "    Assets:Bank:KB국민은행:123456***-0001  10000 KRW",
    "    Equity:Opening-Balances  -10000 KRW",
    "",
    "2026-01-01 * (1) 스타벅스； 강남",
    "    ; time: 09:00:00",
    "    ; type: 체크",
    "    ; branch: 강남",
    "    Assets:Bank:KB국민은행:123456***-0001  -1000 KRW",
    "    Expenses:Food  1000 KRW",
    "",
    "2026-01-01 * (2) 이자",
    "    ; time: 09:30:00",
    "    Assets:Bank:KB국민은행:123456***-0002  700 KRW = 700 KRW",
    "    Income:Salary  -700 KRW",
    "",
    "2026-01-01 * (3) say \"hi\"\\",
    "    ; time: 10:00:00",
    "    Assets:Bank:KB국민은행:123456***-0001  500 KRW = 9500 KRW",
    "    Income:Salary  -500 KRW",
    "",
    "2026-01-02 * (4) 내계좌로",
    "    ; time: 11:00:00",
    "    ; to: 내계좌에서",
    "    Assets:Bank:KB국민은행:123456***-0001  -3000 KRW = 6500 KRW",
    "    Assets:Bank:x9:abc-9  3000 KRW = 3000 KRW",
    "",
    "2026-01-03 * Balance gap in the bank history (missing transactions)",
    "    Assets:Bank:KB국민은행:123456***-0001  -400 KRW",
    "    Equity:Unreconciled  400 KRW",
    "",
    "2026-01-03 * (6) 메모",
    "    ; time: 12:00:00",
    "    Assets:Bank:KB국민은행:123456***-0001  -100 KRW = 6000 KRW",
    "    Expenses:커피-값  100 KRW",
    "",
    "2026-01-03 * (7) 짝 없는 이체",
    "    ; time: 12:00:00",
    "    Assets:Bank:KB국민은행:123456***-0002  -200 KRW = 500 KRW",
    "    Expenses:Transfer  200 KRW",
    "",
    "",
  ].join('\n');

const BEANCOUNT = [
    "; finance export (beancount). Amounts in whole won.",
    "option \"operating_currency\" \"KRW\"",
    "",
    "2026-01-01 open Assets:Bank:KB-123456XXX-0001 KRW",
    "  bank: \"KB국민은행\"",
    "  number: \"123456***\"",
    "  fintech-use-num: \"FT0000000001\"",
    "  alias: \"생활비\"",
    "2026-01-01 open Assets:Bank:KB-123456XXX-0002 KRW",
    "  bank: \"KB국민은행\"",
    "  number: \"123456***\"",
    "  fintech-use-num: \"FT0000000002\"",
    "2026-01-02 open Assets:Bank:Bx9-XabcX9 KRW",
    "  bank: \"\"",
    "  number: \"\"",
    "  fintech-use-num: \"FT-abc:9\"",
    "2026-01-01 open Expenses:Food KRW",
    "  category: \"food\"",
    "  name: \"식비\"",
    "2026-01-01 open Income:Salary KRW",
    "  category: \"salary\"",
    "  name: \"급여\"",
    "2026-01-01 open Expenses:Transfer KRW",
    "  category: \"transfer\"",
    "  name: \"이체\"",
    "2026-01-01 open Income:Transfer KRW",
    "  category: \"transfer\"",
    "  name: \"이체\"",
    "2026-01-01 open Expenses:U42d92e63 KRW",
    "  category: \"커피 값\"",
    "  name: \"커피 값\"",
    "2026-01-01 open Equity:Opening-Balances KRW",
    "2026-01-01 open Equity:Unreconciled KRW",
    "",
    "2026-01-01 * \"Opening balance\"",
    "  Assets:Bank:KB-123456XXX-0001  10000 KRW",
    "  Equity:Opening-Balances  -10000 KRW",
    "2026-01-01 * \"스타벅스; 강남\"",
    "  id: \"1\"",
    "  time: \"09:00:00\"",
    "  type: \"체크\"",
    "  branch: \"강남\"",
    "  Assets:Bank:KB-123456XXX-0001  -1000 KRW",
    "  Expenses:Food  1000 KRW",
    "2026-01-01 * \"이자\"",
    "  id: \"2\"",
    "  time: \"09:30:00\"",
    "  Assets:Bank:KB-123456XXX-0002  700 KRW",
    "  Income:Salary  -700 KRW",
    "2026-01-01 * \"say \\\"hi\\\"\\\\\"",
    "  id: \"3\"",
    "  time: \"10:00:00\"",
    "  Assets:Bank:KB-123456XXX-0001  500 KRW",
    "  Income:Salary  -500 KRW",
    "2026-01-02 balance Assets:Bank:KB-123456XXX-0001 9500 KRW",
    "2026-01-02 balance Assets:Bank:KB-123456XXX-0002 700 KRW",
    "",
    "2026-01-02 * \"내계좌로\"",
    "  id: \"4\"",
    "  time: \"11:00:00\"",
    "  to: \"내계좌에서\"",
    "  Assets:Bank:KB-123456XXX-0001  -3000 KRW",
    "  Assets:Bank:Bx9-XabcX9  3000 KRW",
    "2026-01-03 balance Assets:Bank:KB-123456XXX-0001 6500 KRW",
    "2026-01-03 balance Assets:Bank:Bx9-XabcX9 3000 KRW",
    "",
    "2026-01-03 * \"Balance gap in the bank history (missing transactions)\"",
    "  Assets:Bank:KB-123456XXX-0001  -400 KRW",
    "  Equity:Unreconciled  400 KRW",
    "2026-01-03 * \"메모\"",
    "  id: \"6\"",
    "  time: \"12:00:00\"",
    "  Assets:Bank:KB-123456XXX-0001  -100 KRW",
    "  Expenses:U42d92e63  100 KRW",
    "2026-01-03 * \"짝 없는 이체\"",
    "  id: \"7\"",
    "  time: \"12:00:00\"",
    "  Assets:Bank:KB-123456XXX-0002  -200 KRW",
    "  Expenses:Transfer  200 KRW",
    "2026-01-04 balance Assets:Bank:KB-123456XXX-0001 6000 KRW",
    "2026-01-04 balance Assets:Bank:KB-123456XXX-0002 500 KRW",
    "",
    "",
  ].join('\n');
