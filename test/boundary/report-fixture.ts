// A small real store for the report/export boundary tests (temp SQLite), and an in-process CLI runner over it.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import type { Context } from '../../src/app/context.js';
import { Store } from '../../src/store/index.js';
import type { NewTransaction } from '../../src/store/transactions-repo.js';

export const NOW = new Date('2026-04-15T03:00:00Z'); // 12:00 KST

export interface Fixture {
  home: string;
  rows: Array<{ id: number; account: string; date: string; time: string; direction: 'in' | 'out'; amount: number; balanceAfter: number; category: string; ownTransfer: number | null }>;
}

/** Three accounts (one without transactions), ~200 days, own transfers paired, memos that need escaping. */
export function buildStore(): Fixture {
  const home = join(mkdtempSync(join(tmpdir(), 'finance-report-')), 'home');
  mkdirSync(home, { mode: 0o700 });
  const store = Store.open(join(home, 'finance.db'));
  const info = (id: string, bankCode: string, bankName: string, masked: string) => ({
    id, bankCode, bankName, savingsBankName: '', accountNumMasked: masked, alias: `alias ${id}`, holderName: '', accountType: '1', inquiryAgree: true, state: '',
  });
  store.accounts.replaceListed([info('F1', '004', 'KB국민은행', '123456***'), info('F2', '088', '신한은행', '110***'), info('F3', '090', '카카오뱅크', '3333***')]);
  const balance: Record<string, number> = { F1: 1_000_000, F2: 250_000 };
  const memos = ['(주)스타벅스', '배달의민족; 주문', 'say "hi"', 'GS25 역삼점', '월급', '홍길동'];
  const cats = ['cafe', 'food', 'leisure', 'mart', 'transfer', 'uncategorized'];
  let seed = 3;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const byAccount: Record<string, NewTransaction[]> = { F1: [], F2: [] };
  const add = (account: string, date: string, time: string, direction: 'in' | 'out', amount: number, memo: string, category: string) => {
    balance[account]! += direction === 'in' ? amount : -amount;
    byAccount[account]!.push({ account, date, time, direction, amount, balanceAfter: balance[account]!, memo, type: '', branch: '', occurrence: 0, category, categorySource: 'keyword', categoryRule: null });
  };
  for (let d = 0; d < 200; d++) {
    const date = new Date(Date.UTC(2025, 9, 1) + d * 86_400_000).toISOString().slice(0, 10);
    for (let k = 0; k < 2; k++) {
      const account = rnd() < 0.6 ? 'F1' : 'F2';
      const i = Math.floor(rnd() * memos.length);
      if (memos[i] === '월급') add(account, date, `0${k}:10:00`, 'in', 50_000 + Math.floor(rnd() * 20_000), '월급', 'salary');
      else add(account, date, `0${k}:20:00`, 'out', 1_000 + Math.floor(rnd() * 30_000), memos[i]!, cats[i % cats.length]!);
    }
    if (d % 9 === 4) {
      add('F1', date, '20:00:00', 'out', 77_000, '내계좌이체', 'transfer');
      add('F2', date, '20:03:00', 'in', 77_000, '내계좌이체', 'transfer');
    }
  }
  for (const a of ['F1', 'F2']) store.transactions.insertPage(a, byAccount[a]!, null);
  store.transactions.pairOwnTransfers();
  store.accounts.saveBalance('F1', balance.F1!, null, '2026-04-15T02:00:00Z');
  store.accounts.saveBalance('F3', 5_000, null, '2026-04-15T02:00:00Z');
  const rows = store.db
    .prepare(`SELECT id, account, date, time, direction, amount, balance_after AS balanceAfter, category, own_transfer AS ownTransfer
                FROM transactions ORDER BY date, time, id`)
    .all() as Fixture['rows'];
  store.close();
  return { home, rows };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `finance <args>` in-process on the fixture's home; a thrown error becomes its exit code (commander's: 64). */
export async function run(home: string, args: string[], opts: { tty?: boolean; columns?: number; now?: Date } = {}): Promise<RunResult> {
  const stdout = Object.assign(new PassThrough(), { isTTY: opts.tty ?? false, columns: opts.columns });
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const contexts: Context[] = [];
  const program = await buildProgram(
    { streams: { stdin, stdout, stderr }, env: {}, now: () => opts.now ?? NOW, signal: new AbortController().signal, onContext: (c) => contexts.push(c) },
    '0.0.0-test',
  );
  const quiet = (c: Command) => {
    c.exitOverride();
    c.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    c.commands.forEach(quiet);
  };
  quiet(program);
  let code = 0;
  try {
    await program.parseAsync(['node', 'finance', '--home', home, ...args]);
  } catch (e) {
    const x = e as { exitCode?: number; code?: string; message: string };
    code = typeof x.code === 'string' && x.code.startsWith('commander.') ? 64 : (x.exitCode ?? 1);
    err += x.message;
  } finally {
    for (const c of contexts) c.close();
  }
  return { code, stdout: out, stderr: err };
}
