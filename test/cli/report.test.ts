// report, tx, accounts and fixed through the built CLI on a fixed sandbox seed and a pinned clock: JSON totals against
// sums computed here from the stored rows, golden text (piped and on a terminal), CSV and TSV shapes.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { ANSI, BIN, runCli, tempHome } from '../helpers/cli.js';
import { login } from '../helpers/session.js';

const NOW = '2026-11-02T03:00:00Z'; // 12:00 KST on 2026-11-02
const FROM = '2026-08-01';
const TO = '2026-10-31';
let sandbox: SandboxHandle;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, months: 14, accounts: 3, end: '2026-11-01', autoConsent: true, now: () => new Date(NOW) });
  home = tempHome();
  ({ env } = await login(sandbox, home, undefined));
  env.FINANCE_NOW = NOW;
  const s = await runCli(['--home', home, 'config', 'set', 'syncLookbackDays', '500'], { env });
  expect(s.code).toBe(0);
  const r = await runCli(['--home', home, 'sync'], { env });
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
});

function cliStdout(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, '--home', home, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** Balance timestamps are the moment of the sync; everything else is pinned. */
const maskTimes = (s: string) => s.replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?Z?)?/g, '<time>');

describe('report', () => {
  it('JSON totals equal sums over the stored rows; weekly balances equal the sum of account balances', async () => {
    const r = await runCli(['--home', home, 'report', '--from', FROM, '--to', TO, '--format', 'json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(Object.keys(rep)).toEqual(expect.arrayContaining(['from', 'to', 'assets', 'accounts', 'income', 'spending', 'net', 'categories', 'upcoming', 'weekly']));
    expect([rep.from, rep.to]).toEqual([FROM, TO]);

    const db = new Database(join(home, 'finance.db'), { readonly: true });
    try {
      const sum = (dir: string) =>
        (db.prepare('SELECT coalesce(sum(amount),0) AS s FROM transactions WHERE direction = ? AND date BETWEEN ? AND ? AND own_transfer IS NULL').get(dir, FROM, TO) as { s: number }).s;
      expect(rep.income).toBe(sum('in'));
      expect(rep.spending).toBe(sum('out'));
      expect(rep.net).toBe(rep.income - rep.spending);
      const cats = db
        .prepare("SELECT category, sum(amount) AS amount, count(*) AS count FROM transactions WHERE direction = 'out' AND date BETWEEN ? AND ? AND own_transfer IS NULL GROUP BY category")
        .all(FROM, TO) as Array<{ category: string; amount: number; count: number }>;
      expect(rep.categories.map((c: { category: string; amount: number; count: number }) => [c.category, c.amount, c.count]).sort()).toEqual(cats.map((c) => [c.category, c.amount, c.count]).sort());
      expect(rep.categories.reduce((s: number, c: { share: number }) => s + c.share, 0)).toBeCloseTo(1, 2);
      const accounts = (db.prepare('SELECT id, balance FROM accounts ORDER BY created_at, rowid').all() as Array<{ id: string; balance: number }>);
      // a past period (it ended before today): assets are the balances at its end, from the balance chain
      const atTo = accounts.map((a) => (db.prepare('SELECT balance_after AS b FROM transactions WHERE account = ? AND date <= ? ORDER BY date DESC, time DESC, id DESC LIMIT 1').get(a.id, TO) as { b: number }).b);
      expect(rep.accounts.map((a: { balance: number }) => a.balance)).toEqual(atTo);
      expect(rep.assets).toBe(atTo.reduce((s, b) => s + b, 0));
      expect(rep.upcoming).toEqual([]);
      for (const w of rep.weekly as Array<{ weekStart: string; balance: number }>) {
        const end = new Date(Date.parse(w.weekStart) + 6 * 86_400_000).toISOString().slice(0, 10);
        const weekEnd = end < TO ? end : TO;
        let total = 0;
        for (const a of accounts) {
          const row = db.prepare('SELECT balance_after AS b FROM transactions WHERE account = ? AND date <= ? ORDER BY date DESC, time DESC, id DESC LIMIT 1').get(a.id, weekEnd) as { b: number } | undefined;
          const first = db.prepare('SELECT balance_after AS b, amount, direction FROM transactions WHERE account = ? ORDER BY date, time, id LIMIT 1').get(a.id) as { b: number; amount: number; direction: string };
          total += row ? row.b : first.b - (first.direction === 'in' ? first.amount : -first.amount);
        }
        expect(w.balance, w.weekStart).toBe(total);
      }
    } finally {
      db.close();
    }
    // The same report with --json (global) is the same object.
    const viaFlag = await runCli(['--home', home, '--json', 'report', '--from', FROM, '--to', TO], { env });
    expect(JSON.parse(viaFlag.stdout)).toEqual(rep);
  });

  it('piped text: golden, readable, no escapes', async () => {
    const r = await runCli(['--home', home, 'report', '--from', FROM, '--to', TO], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    await expect(maskTimes(r.stdout)).toMatchFileSnapshot('./__snapshots__/report-piped.txt');
  });

  it('on a terminal: golden, coloured, fitted to 100 columns', async () => {
    const r = spawnSync('python3', [join(__dirname, '../helpers/pty-run.py'), process.execPath, BIN, '--home', home, '--no-pager', 'report', '--from', FROM, '--to', TO], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(ANSI);
    const plain = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    for (const line of plain.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
    await expect(maskTimes(r.stdout)).toMatchFileSnapshot('./__snapshots__/report-tty.txt');
  });

  it('CSV is the category table', async () => {
    const json = JSON.parse((await runCli(['--home', home, 'report', '--from', FROM, '--to', TO, '--format', 'json'], { env })).stdout);
    const csv = (await runCli(['--home', home, 'report', '--from', FROM, '--to', TO, '--format', 'csv'], { env })).stdout.trim().split('\n');
    expect(csv[0]).toBe('category,name,amount,count,share');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(json.categories.map((c: { category: string }) => c.category));
    await expect(csv.join('\n')).toMatchFileSnapshot('./__snapshots__/report.csv');
  });

  it('--month is that calendar month; --month with --from is a usage error', async () => {
    const m = JSON.parse((await runCli(['--home', home, 'report', '--month', '2026-09', '--format', 'json'], { env })).stdout);
    expect([m.from, m.to]).toEqual(['2026-09-01', '2026-09-30']);
    expect((await runCli(['--home', home, 'report', '--month', '2026-09', '--from', '2026-09-02'], { env })).code).toBe(64);
    const d = JSON.parse((await runCli(['--home', home, 'report', '--format', 'json'], { env })).stdout);
    expect([d.from, d.to]).toEqual(['2026-08-03', '2026-11-02']);
  });
});

describe('tx, accounts and fixed output', () => {
  it('tx piped is TSV with one header and ISO dates; CSV and JSON carry the same rows', async () => {
    const tsv = (await runCli(['--home', home, 'tx', '--from', '2026-10-01', '--to', '2026-10-31'], { env })).stdout.trim().split('\n');
    expect(tsv[0]!.split('\t')).toEqual(['id', 'account', 'date', 'time', 'direction', 'amount', 'balanceAfter', 'memo', 'payee', 'type', 'branch', 'category', 'categoryName', 'categorySource']);
    const json = JSON.parse((await runCli(['--home', home, 'tx', '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'json'], { env })).stdout);
    expect(tsv.length - 1).toBe(json.length);
    for (const line of tsv.slice(1)) expect(line.split('\t')[2]).toMatch(/^2026-10-\d\d$/);
    const csv = (await runCli(['--home', home, 'tx', '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'csv'], { env })).stdout.trim().split('\n');
    expect(csv.length).toBe(tsv.length);
    // newest first
    const dates = json.map((t: { date: string; time: string }) => t.date + t.time);
    expect([...dates].sort().reverse()).toEqual(dates);
    const limited = JSON.parse((await runCli(['--home', home, 'tx', '--limit', '3', '--format', 'json'], { env })).stdout);
    expect(limited).toHaveLength(3);
    const search = JSON.parse((await runCli(['--home', home, 'tx', '--search', '월세', '--format', 'json'], { env })).stdout) as Array<{ memo: string }>;
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((t) => t.memo.includes('월세'))).toBe(true);
  });

  it('accounts piped is TSV; fixed --json has the contract fields and finds the salary and rent', async () => {
    const acc = (await runCli(['--home', home, 'accounts'], { env })).stdout.trim().split('\n');
    expect(acc[0]!.split('\t')[0]).toBe('id');
    expect(acc).toHaveLength(4);
    const fixed = JSON.parse((await runCli(['--home', home, 'fixed', '--json'], { env })).stdout) as Array<Record<string, unknown>>;
    for (const f of fixed) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['memo', 'account', 'direction', 'cadence', 'count', 'averageAmount', 'lastAmount', 'firstDate', 'lastDate', 'nextDate', 'active', 'category', 'intervalStdDays']));
      expect(f.nextDate! > f.lastDate!).toBe(true);
    }
    expect(fixed.some((f) => f.category === 'salary' && f.cadence === 'monthly' && f.direction === 'in')).toBe(true);
    expect(fixed.some((f) => f.memo === '월세' && f.cadence === 'monthly')).toBe(true);
    const piped = (await runCli(['--home', home, 'fixed'], { env })).stdout.trim().split('\n');
    expect(piped[0]!.split('\t')[0]).toBe('nextDate');
  });

  it('stored fixed series follow a new label at once, and a later day only changes `active`', async () => {
    const rent = () => (JSON.parse(cliStdout(['fixed', '--json'])) as Array<{ memo: string; category: string; active: boolean }>).find((f) => f.memo === '월세')!;
    expect(rent().category).toBe('housing');
    expect((await runCli(['--home', home, 'label', 'set', '월세', 'gift'], { env })).code).toBe(0);
    expect(rent().category).toBe('gift');
    expect((await runCli(['--home', home, 'label', 'rm', '월세'], { env })).code).toBe(0);
    expect(rent().category).toBe('housing');
    expect(rent().active).toBe(true);
    const later = spawnSync(process.execPath, [BIN, '--home', home, 'fixed', '--json'], { env: { ...env, FINANCE_NOW: '2027-03-01T03:00:00Z' }, encoding: 'utf8' });
    const stale = (JSON.parse(later.stdout) as Array<{ memo: string; active: boolean }>).find((f) => f.memo === '월세')!;
    expect(stale.active).toBe(false);
  });
});
