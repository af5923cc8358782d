// Pins the edges of the journal writers (src/domain/journal.ts) that the whole-text fixtures do not reach: every bank
// code's beancount abbreviation, how odd names become account components, memos over several lines, rows the bank
// sent without a balance, the payee shown beside the memo, and own-transfer groups that are not one clean pair.
// Fixtures are built inside each test.
import { describe, expect, it } from 'vitest';
import {
  assetAccountNames, beancountString, categoryAccount, journalChunks, ledgerPayee, type JournalAccount, type JournalMeta, type JournalRow,
} from '../../src/domain/journal.js';

const account = (id: string, bankCode: string, bankName = '', accountNumMasked = '1'): JournalAccount => ({ id, bankCode, bankName, accountNumMasked, alias: '' });

function rowMaker() {
  let id = 0;
  return (p: Partial<JournalRow> & Pick<JournalRow, 'account' | 'date' | 'direction' | 'amount' | 'balanceAfter'>): JournalRow =>
    ({ id: ++id, time: '12:00:00', memo: '메모', type: '', branch: '', category: p.direction === 'in' ? 'salary' : 'food', categorySource: 'keyword', ownTransfer: null, ...p });
}

function journal(format: 'ledger' | 'beancount', accounts: JournalAccount[], rows: JournalRow[], categories: JournalMeta['categories'] = []): string {
  const firstDates = [...new Set(rows.map((r) => r.account))].map((a) => ({ account: a, date: rows.find((r) => r.account === a)!.date }));
  return [...journalChunks(format, { accounts, firstDates, categories }, rows)].join('');
}

/** The entries of a journal after its header (the header ends at the first blank line pair). */
const body = (text: string) => text.slice(text.indexOf('\n\n') + 2);

describe('beancount asset account names', () => {
  it('every known bank code gets its ASCII abbreviation', () => {
    const abbrev: Record<string, string> = {
      '002': 'KDB', '003': 'IBK', '004': 'KB', '007': 'Suhyup', '011': 'NH', '012': 'NH', '020': 'Woori', '023': 'SC', '027': 'Citi',
      '031': 'IM', '032': 'Busan', '034': 'Gwangju', '035': 'Jeju', '037': 'Jeonbuk', '039': 'Kyongnam', '045': 'MG', '048': 'Shinhyup',
      '050': 'Savings', '071': 'Post', '081': 'Hana', '088': 'Shinhan', '089': 'Kbank', '090': 'Kakao', '092': 'Toss',
    };
    const accounts = Object.keys(abbrev).map((code, i) => account(`F${i}`, code, '은행', `${code}*`));
    const names = assetAccountNames('beancount', accounts);
    for (const [i, code] of Object.keys(abbrev).entries()) expect(names.get(`F${i}`), code).toBe(`Assets:Bank:${abbrev[code]}-${code}X`);
  });

  it('an unknown bank code is used as B<code> with only its letters and digits', () => {
    expect(assetAccountNames('beancount', [account('F1', 'x-9!', '', '12*')]).get('F1')).toBe('Assets:Bank:Bx9-12X');
  });

  it("twins get the last four characters of their id, with anything but letters and digits made X", () => {
    const names = assetAccountNames('beancount', [account('FT-a:9b', '004', 'KB', '12*'), account('FT-0001', '004', 'KB', '12*'), account('FT-0002', '004', 'KB', '99*')]);
    expect([...names.values()]).toEqual(['Assets:Bank:KB-12X-aX9b', 'Assets:Bank:KB-12X-0001', 'Assets:Bank:KB-99X']);
    const ledger = assetAccountNames('ledger', [account('A:1;2', '004', 'KB', '12*'), account('B0001', '004', 'KB', '12*')]);
    expect([...ledger.values()]).toEqual(['Assets:Bank:KB:12*-X1X2', 'Assets:Bank:KB:12*-0001']);
  });
});

describe('ledger account name components', () => {
  it('runs of separators become one dash, dashes at the edges go, and nothing left becomes X', () => {
    const names = assetAccountNames('ledger', [
      account('F1', '004', 'KB  국민 :; 은행', '--12*--'),
      account('F2', '088', ':;', ' ; '),
      account('F3', '088', '', ''),
    ]);
    expect([...names.values()]).toEqual(['Assets:Bank:KB-국민-은행:12*', 'Assets:Bank:X:X', 'Assets:Bank:088:F3']);
    expect(categoryAccount('ledger', 'out', ' eating :  out ')).toBe('Expenses:Eating-out');
  });
});

describe('beancount category names', () => {
  it('letters and digits kept, everything else one dash, none at the edges, first letter capitalised', () => {
    expect(categoryAccount('beancount', 'out', 'eating  out')).toBe('Expenses:Eating-out');
    expect(categoryAccount('beancount', 'out', '--food--')).toBe('Expenses:Food');
    expect(categoryAccount('beancount', 'in', '2nd job!!')).toBe('Income:2nd-job');
  });

  it('a name starting with a non-ASCII letter is hashed even when ASCII follows; ASCII first keeps its ASCII part', () => {
    expect(categoryAccount('beancount', 'out', '커피Latte')).toMatch(/^Expenses:U[0-9a-f]{8}$/);
    expect(categoryAccount('beancount', 'out', 'Coffee커피')).toBe('Expenses:Coffee');
    expect(categoryAccount('beancount', 'out', '!!')).toMatch(/^Expenses:U[0-9a-f]{8}$/);
  });

  it('hashed names always have eight hex digits, leading zeros included, and differ per name', () => {
    const names = ['택배', '술', '경조사', '기부'].map((c) => categoryAccount('beancount', 'out', c));
    for (const n of names) expect(n).toMatch(/^Expenses:U[0-9a-f]{8}$/);
    expect(names.some((n) => n.startsWith('Expenses:U00'))).toBe(true); // 택배 hashes below 0x01000000
    expect(new Set(names).size).toBe(4);
    expect(categoryAccount('beancount', 'out', '택배')).toBe(names[0]);
  });
});

describe('text on one line', () => {
  it('a run of line breaks and tabs becomes one space', () => {
    expect(ledgerPayee('a\r\n\tb\n\nc')).toBe('a b c');
    expect(beancountString('a\r\n\tb')).toBe('"a b"');
  });
});

describe('the beancount header', () => {
  it('categories open on the earliest first date, whatever the order the accounts come in', () => {
    const meta: JournalMeta = {
      accounts: [account('A', '004', 'KB', '1*'), account('B', '088', '신한', '2*')],
      firstDates: [{ account: 'B', date: '2026-01-05' }, { account: 'A', date: '2026-01-02' }],
      categories: [{ direction: 'out', category: 'food' }],
    };
    const header = [...journalChunks('beancount', meta, [])][0]!;
    expect(header).toContain('2026-01-02 open Expenses:Food KRW');
    expect(header).toContain('2026-01-02 open Equity:Opening-Balances KRW');
    expect(header).toContain('2026-01-05 open Assets:Bank:Shinhan-2X KRW');
  });

  it('with no rows at all the categories open on 1970-01-01', () => {
    const header = [...journalChunks('beancount', { accounts: [], firstDates: [], categories: [{ direction: 'out', category: 'food' }] }, [])][0]!;
    expect(header).toContain('1970-01-01 open Expenses:Food KRW');
    expect(header).toContain('1970-01-01 open Equity:Unreconciled KRW');
  });
});

describe('rows without a balance from the bank', () => {
  it('continue the running balance: no gap entry, and the next balance checks against it', () => {
    const row = rowMaker();
    const rows = [
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 100, balanceAfter: 1_000 }), // opens at 1100
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 200, balanceAfter: null }), // 800
      row({ account: 'A', date: '2026-01-02', direction: 'in', amount: 50, balanceAfter: null }), // 850
      row({ account: 'A', date: '2026-01-02', direction: 'out', amount: 30, balanceAfter: 820 }),
    ];
    const out = journal('ledger', [account('A', '004', 'KB', '1*')], rows);
    expect(out).not.toContain('Balance gap');
    expect(out).toContain('Opening balance\n    Assets:Bank:KB:1*  1100 KRW');
    expect(out).toContain('    Assets:Bank:KB:1*  -200 KRW = 800 KRW');
    expect(out).toContain('    Assets:Bank:KB:1*  -30 KRW = 820 KRW');
    const bean = journal('beancount', [account('A', '004', 'KB', '1*')], rows);
    expect(bean).toContain('2026-01-02 balance Assets:Bank:KB-1X 800 KRW');
    expect(bean).toContain('2026-01-03 balance Assets:Bank:KB-1X 820 KRW');
  });

  it("an account's first row without a balance opens nothing: the account starts from 0", () => {
    const row = rowMaker();
    const rows = [row({ account: 'A', date: '2026-01-01', direction: 'in', amount: 70, balanceAfter: null }),
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 20, balanceAfter: null })];
    const out = journal('ledger', [account('A', '004', 'KB', '1*')], rows);
    expect(out).not.toContain('Opening balance');
    expect(out).toContain('    Assets:Bank:KB:1*  -20 KRW = 50 KRW');
  });
});

describe('the payee beside the memo', () => {
  const rows = () => {
    const row = rowMaker();
    return [
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 1, balanceAfter: 0, memo: '스타벅스 강남점', payee: '스타벅스' }),
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 1, balanceAfter: -1, memo: ' 이마트 ', payee: '이마트' }),
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 1, balanceAfter: -2, memo: '메모만', payee: '' }),
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 1, balanceAfter: -3, memo: '없음' }),
      row({ account: 'A', date: '2026-01-01', direction: 'out', amount: 1, balanceAfter: -4, memo: 'x', payee: 'a|b; c' }),
    ];
  };

  it('ledger: "payee | memo" with a Payee tag, only when the payee says something the memo does not', () => {
    const out = body(journal('ledger', [account('A', '004', 'KB', '1*')], rows()));
    expect(out).toContain('2026-01-01 * (1) 스타벅스 | 스타벅스 강남점\n    ; Payee: 스타벅스\n    ; time: 12:00:00\n');
    expect(out).toContain('2026-01-01 * (2) 이마트\n    ; time: 12:00:00\n');
    expect(out).toContain('2026-01-01 * (3) 메모만\n    ; time: 12:00:00\n');
    expect(out).toContain('2026-01-01 * (4) 없음\n    ; time: 12:00:00\n');
    expect(out).toContain('2026-01-01 * (5) a¦b； c | x\n    ; Payee: a|b； c\n');
    expect(out.match(/Payee:/g)).toHaveLength(2);
  });

  it('beancount: * "payee" "memo", the memo alone otherwise', () => {
    const out = body(journal('beancount', [account('A', '004', 'KB', '1*')], rows()));
    expect(out).toContain('2026-01-01 * "스타벅스" "스타벅스 강남점"\n');
    expect(out).toContain('2026-01-01 * " 이마트 "\n');
    expect(out).toContain('2026-01-01 * "메모만"\n');
    expect(out).toContain('2026-01-01 * "없음"\n');
  });
});

describe('own transfers', () => {
  const accounts = [account('A', '004', 'KB', '1*'), account('B', '088', '신한', '2*')];

  it('are one entry even when the incoming leg comes first in the day', () => {
    const row = rowMaker();
    const rows = [
      row({ account: 'B', date: '2026-01-02', time: '09:00:00', direction: 'in', amount: 300, balanceAfter: 300, ownTransfer: 9, category: 'transfer', memo: '받음' }),
      row({ account: 'A', date: '2026-01-02', time: '09:00:01', direction: 'out', amount: 300, balanceAfter: 700, ownTransfer: 9, category: 'transfer', memo: '보냄' }),
    ];
    const out = body(journal('ledger', accounts, rows));
    expect(out).toContain('2026-01-02 * (2) 보냄\n    ; time: 09:00:01\n    ; to: 받음\n    Assets:Bank:KB:1*  -300 KRW = 700 KRW\n    Assets:Bank:신한:2*  300 KRW = 300 KRW\n');
    expect(out).not.toContain('Transfer');
  });

  it('an incoming leg without its outgoing pair is booked as income', () => {
    const row = rowMaker();
    const rows = [row({ account: 'B', date: '2026-01-02', direction: 'in', amount: 300, balanceAfter: 300, ownTransfer: 9, category: 'transfer', memo: '받음' })];
    expect(body(journal('ledger', accounts, rows))).toContain('2026-01-02 * (1) 받음\n    ; time: 12:00:00\n    Assets:Bank:신한:2*  300 KRW = 300 KRW\n    Income:Transfer  -300 KRW\n');
  });

  it('two legs in one account, or three rows sharing a pair, are each booked on their own', () => {
    const row = rowMaker();
    const same = [
      row({ account: 'A', date: '2026-01-02', direction: 'out', amount: 5, balanceAfter: 95, ownTransfer: 1, category: 'transfer', memo: 'o' }),
      row({ account: 'A', date: '2026-01-02', direction: 'in', amount: 5, balanceAfter: 100, ownTransfer: 1, category: 'transfer', memo: 'i' }),
    ];
    const sameOut = body(journal('ledger', accounts, same));
    expect(sameOut).toContain('    Expenses:Transfer  5 KRW');
    expect(sameOut).toContain('    Income:Transfer  -5 KRW');
    const three = [
      row({ account: 'A', date: '2026-01-03', direction: 'out', amount: 5, balanceAfter: 95, ownTransfer: 2, category: 'transfer', memo: 'o' }),
      row({ account: 'B', date: '2026-01-03', direction: 'in', amount: 5, balanceAfter: 5, ownTransfer: 2, category: 'transfer', memo: 'i' }),
      row({ account: 'B', date: '2026-01-03', direction: 'in', amount: 5, balanceAfter: 10, ownTransfer: 2, category: 'transfer', memo: 'i2' }),
    ];
    const threeOut = body(journal('ledger', accounts, three));
    expect(threeOut.match(/Expenses:Transfer {2}5 KRW/g)).toHaveLength(1);
    expect(threeOut.match(/Income:Transfer {2}-5 KRW/g)).toHaveLength(2);
    expect(threeOut).not.toContain('; to:');
  });

  it("a memo with ': ' in it survives as the beancount metadata value", () => {
    const row = rowMaker();
    const rows = [
      row({ account: 'A', date: '2026-01-02', direction: 'out', amount: 300, balanceAfter: 700, ownTransfer: 9, category: 'transfer', memo: '보냄' }),
      row({ account: 'B', date: '2026-01-02', direction: 'in', amount: 300, balanceAfter: 300, ownTransfer: 9, category: 'transfer', memo: '적금: 3월분' }),
    ];
    expect(journal('beancount', accounts, rows)).toContain('  to: "적금: 3월분"\n');
  });
});
