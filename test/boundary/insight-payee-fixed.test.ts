// Payees in `tx` and `export`, tx --search/--min/--max, and the fixed series' expectedAmount and ownTransfer, on a
// sandbox household's history stored as sync stores it (checked against SQLite and the generator's truth).

import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialsOf, payeeOf } from '../../src/domain/payee.js';
import { buildSandboxStore, type SandboxStore } from '../helpers/sandbox-store.js';
import { run } from './report-fixture.js';

const END = '2026-11-30';
const NOW = new Date('2026-12-01T03:00:00Z'); // 12:00 KST the day after the history ends
let sb: SandboxStore;
let db: Database.Database;

beforeAll(() => {
  sb = buildSandboxStore({ end: END, months: 24 });
  db = new Database(sb.dbPath, { readonly: true });
});

const cli = (args: string[], opts: { tty?: boolean; columns?: number } = {}) => run(sb.home, args, { ...opts, now: NOW });

interface TxJson { id: number; memo: string; payee: string; amount: number; direction: string }

describe('tx payee, search and amount bounds', () => {
  it('gives every row its memo’s payee (JSON) and a payee column when piped', async () => {
    const r = await cli(['tx', '--format', 'json', '--from', '2026-11-01']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as TxJson[];
    expect(rows.length).toBeGreaterThan(50);
    for (const t of rows) expect(t.payee).toBe(payeeOf(t.memo));
    expect(rows.some((t) => t.memo === '스타벅스코리아' && t.payee === '스타벅스')).toBe(true);
    const piped = await cli(['tx', '--from', '2026-11-01']);
    const [header, first] = piped.stdout.split('\n');
    const cols = header!.split('\t');
    expect(cols).toContain('payee');
    expect(first!.split('\t')[cols.indexOf('payee')]).toBe(payeeOf(first!.split('\t')[cols.indexOf('memo')]!));
  });

  it('--search finds a payee by initial consonants, exactly the rows SQLite holds for its memos', async () => {
    const memos = (db.prepare('SELECT DISTINCT memo FROM transactions').pluck().all() as string[]).filter((m) =>
      initialsOf(payeeOf(m)).includes('ㅅㅌㅂㅅ') || initialsOf(m).includes('ㅅㅌㅂㅅ'),
    );
    expect(memos).toContain('스타벅스코리아');
    const expected = db.prepare(`SELECT count(*) FROM transactions WHERE memo IN (${memos.map(() => '?').join(',')})`).pluck().get(...memos) as number;
    const r = await cli(['tx', '--format', 'json', '--search', 'ㅅㅌㅂㅅ']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as TxJson[];
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((t) => t.payee))).toEqual(new Set(['스타벅스']));
  });

  it('--search matches the payee text even when the memo spells it differently', async () => {
    const r = await cli(['tx', '--format', 'json', '--search', '배달의민족', '--limit', '5']);
    const rows = JSON.parse(r.stdout) as TxJson[];
    expect(rows.length).toBe(5);
    expect(rows.every((t) => t.memo === '우아한형제들')).toBe(true);
  });

  it('--min/--max bound the amount (inclusive), counted against SQLite; min above max is 64', async () => {
    const expected = db.prepare('SELECT count(*) FROM transactions WHERE amount BETWEEN 10000 AND 20000').pluck().get() as number;
    const r = await cli(['tx', '--format', 'json', '--min', '10000', '--max', '20000']);
    const rows = JSON.parse(r.stdout) as TxJson[];
    expect(rows).toHaveLength(expected);
    expect(rows.every((t) => t.amount >= 10000 && t.amount <= 20000)).toBe(true);
    expect((await cli(['tx', '--min', '5', '--max', '4'])).code).toBe(64);
    expect((await cli(['tx', '--min', 'abc'])).code).toBe(64);
  });

  it('fills the payee table once per distinct memo', () => {
    const memos = db.prepare('SELECT count(DISTINCT memo) FROM transactions').pluck().get();
    expect(db.prepare('SELECT count(*) FROM payees').pluck().get()).toBe(memos);
  });
});

describe('export payees', () => {
  it('writes hledger "payee | memo" with a ledger Payee tag, and beancount "payee" "narration"', async () => {
    const ledger = await cli(['export', '--format', 'ledger', '--from', '2026-11-01']);
    expect(ledger.code, ledger.stderr).toBe(0);
    expect(ledger.stdout).toMatch(/\* \(\d+\) 스타벅스 \| 스타벅스코리아\n    ; Payee: 스타벅스\n/);
    const bean = await cli(['export', '--format', 'beancount', '--from', '2026-11-01']);
    expect(bean.stdout).toMatch(/ \* "배달의민족" "우아한형제들"\n/);
  });
});

interface FixedJson { memo: string; account: string; direction: string; expectedAmount: number; averageAmount: number; ownTransfer: boolean; active: boolean; amountKind: string }

describe('fixed: expectedAmount and ownTransfer', () => {
  it('expects the price after a rise (유튜브프리미엄 14,900, not the mean) and the last price of unchanged series', async () => {
    const r = await cli(['fixed', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as FixedJson[];
    const yt = rows.find((s) => s.memo === '유튜브프리미엄')!;
    expect(yt.expectedAmount).toBe(14_900);
    expect(yt.averageAmount).not.toBe(14_900);
    expect(rows.find((s) => s.memo === '넷플릭스')!.expectedAmount).toBe(13_500);
    // a varying bill: the median of its last three payments, straight from SQLite
    const bill = rows.find((s) => s.memo === '관리비')!;
    expect(bill.amountKind).toBe('varying');
    const last3 = (db.prepare("SELECT amount FROM transactions WHERE memo = '관리비' ORDER BY date DESC LIMIT 3").pluck().all() as number[]).sort((a, b) => a - b);
    expect(bill.expectedAmount).toBe(last3[1]);
  });

  it('marks the own-account transfer series on both sides, and lists it once in text', async () => {
    const rows = JSON.parse((await cli(['fixed', '--json'])).stdout) as FixedJson[];
    const own = rows.filter((s) => s.ownTransfer);
    const truthOwn = sb.household.truth.series.filter((s) => s.id.startsWith('own-transfer') || s.id.startsWith('weekly-savings'));
    // every own-transfer series of the truth (both legs) is marked, nothing else is
    expect(new Set(own.map((s) => `${s.account}|${s.direction}|${s.memo}`))).toEqual(new Set(truthOwn.map((s) => `${s.account}|${s.direction}|${s.memo}`)));
    expect(rows.filter((s) => !s.ownTransfer).every((s) => !truthOwn.some((t) => t.memo === s.memo && t.account === s.account && t.direction === s.direction))).toBe(true);
    const text = (await cli(['fixed'])).stdout.trim().split('\n');
    const header = text[0]!.split('\t');
    const ownLines = text.slice(1).map((l) => l.split('\t')).filter((c) => c[header.indexOf('ownTransfer')] === 'true');
    expect(ownLines.length).toBe(own.filter((s) => s.active).length / 2);
    expect(ownLines.every((c) => c[header.indexOf('direction')] === 'out')).toBe(true);
  });
});
