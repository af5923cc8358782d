// trend, report's previous/topPayees/changes, and budgets on a sandbox household's history: every sum equals a sum
// computed here straight from SQLite; price rise and cancellation found as the generator made them.

import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { payeeOf } from '../../src/domain/payee.js';
import { Store } from '../../src/store/index.js';
import { buildSandboxStore, type SandboxStore } from '../helpers/sandbox-store.js';
import { run } from './report-fixture.js';

const END = '2026-11-20';
const NOW = new Date('2026-11-20T03:00:00Z'); // 12:00 KST on the last day of the history
let sb: SandboxStore;
let db: Database.Database;

beforeAll(() => {
  sb = buildSandboxStore({ end: END, months: 24, seed: 11 });
  db = new Database(sb.dbPath, { readonly: true });
});

const cli = (args: string[]) => run(sb.home, args, { now: NOW });
const json = async <T>(args: string[]): Promise<T> => {
  const r = await cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

/** Spending/income over from..to with own transfers left out, as report and trend count them. */
function sums(from: string, to: string) {
  const income = db.prepare("SELECT coalesce(sum(amount), 0) FROM transactions WHERE direction = 'in' AND own_transfer IS NULL AND date BETWEEN ? AND ?").pluck().get(from, to) as number;
  const spending = db.prepare("SELECT coalesce(sum(amount), 0) FROM transactions WHERE direction = 'out' AND own_transfer IS NULL AND date BETWEEN ? AND ?").pluck().get(from, to) as number;
  const categories = Object.fromEntries(
    (db.prepare("SELECT category, sum(amount) AS a FROM transactions WHERE direction = 'out' AND own_transfer IS NULL AND date BETWEEN ? AND ? GROUP BY category").all(from, to) as Array<{ category: string; a: number }>).map((r) => [r.category, r.a]),
  );
  return { income, spending, categories };
}

const monthEnd = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);

interface TrendRow { month: string; income: number; spending: number; categories: Record<string, number> }

describe('trend', () => {
  it('has 12 months, oldest first, the current month to date, each equal to SQLite sums', async () => {
    const rows = await json<TrendRow[]>(['trend', '--json']);
    expect(rows.map((r) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2025, 11 + i, 1)).toISOString().slice(0, 7)));
    for (const r of rows) {
      const to = r.month === '2026-11' ? END : monthEnd(r.month);
      const s = sums(`${r.month}-01`, to);
      expect(r.income, r.month).toBe(s.income);
      expect(r.spending, r.month).toBe(s.spending);
      expect(r.categories, r.month).toEqual(s.categories);
    }
    expect(rows.at(-1)!.spending).toBeGreaterThan(0);
  });

  it('--category keeps one category (id or Korean name); --months n; unknown category is 64', async () => {
    const rows = await json<TrendRow[]>(['trend', '--months', '3', '--category', '카페/간식', '--format', 'json']);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(Object.keys(r.categories)).toEqual(['cafe']);
      expect(r.categories.cafe).toBe(sums(`${r.month}-01`, r.month === '2026-11' ? END : monthEnd(r.month)).categories.cafe);
    }
    expect((await cli(['trend', '--category', 'nope'])).code).toBe(64);
    expect((await cli(['trend', '--months', '0'])).code).toBe(64);
    expect((await cli(['trend', '--json', '--format', 'csv'])).code).toBe(64);
  });

  it('CSV and piped TSV: a month per line with the same figures as JSON', async () => {
    const rows = await json<TrendRow[]>(['trend', '--json']);
    const csv = (await cli(['trend', '--format', 'csv'])).stdout.trim().split('\n');
    const head = csv[0]!.split(',');
    expect(head.slice(0, 3)).toEqual(['month', 'income', 'spending']);
    expect(csv).toHaveLength(13);
    const tsv = (await cli(['trend'])).stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(tsv[0]).toEqual(head);
    tsv.slice(1).forEach((cells, i) => {
      expect(cells[0]).toBe(rows[i]!.month);
      expect(Number(cells[2])).toBe(rows[i]!.spending);
      expect(Number(cells[head.indexOf('food')])).toBe(rows[i]!.categories.food ?? 0);
    });
  });
});

interface ReportJson {
  from: string; to: string; spending: number;
  previous: { from: string; to: string; income: number; spending: number; categories: Array<{ category: string; amount: number }> };
  topPayees: Array<{ payee: string; amount: number; count: number }>;
  changes: Array<{ memo: string; account: string; kind: string; date: string; oldAmount?: number; newAmount?: number }>;
  budgets?: unknown[];
  forecast: { from: string; days: unknown[] };
  upcoming: Array<{ memo: string; ownTransfer: boolean; direction: string }>;
}

describe('report: previous, topPayees, changes', () => {
  it('previous is the period of the same length just before, with SQLite sums; for --month the month before', async () => {
    const r = await json<ReportJson>(['report', '--json']);
    expect([r.previous.from, r.previous.to]).toEqual(['2026-05-21', '2026-08-20']);
    expect(r.from).toBe('2026-08-21');
    const s = sums(r.previous.from, r.previous.to);
    expect(r.previous.income).toBe(s.income);
    expect(r.previous.spending).toBe(s.spending);
    expect(Object.fromEntries(r.previous.categories.map((c) => [c.category, c.amount]))).toEqual(s.categories);
    const m = await json<ReportJson>(['report', '--month', '2026-03', '--json']);
    expect([m.previous.from, m.previous.to]).toEqual(['2026-02-01', '2026-02-28']);
    expect(m.previous.spending).toBe(sums('2026-02-01', '2026-02-28').spending);
  });

  it('topPayees are the 10 largest payees by spending, equal to SQLite memo sums grouped by payee', async () => {
    const r = await json<ReportJson>(['report', '--json']);
    const groups = db
      .prepare("SELECT memo, sum(amount) AS a, count(*) AS n FROM transactions WHERE direction = 'out' AND own_transfer IS NULL AND date BETWEEN ? AND ? GROUP BY memo")
      .all(r.from, r.to) as Array<{ memo: string; a: number; n: number }>;
    const byPayee = new Map<string, { amount: number; count: number }>();
    for (const g of groups) {
      const p = payeeOf(g.memo);
      const e = byPayee.get(p) ?? { amount: 0, count: 0 };
      e.amount += g.a;
      e.count += g.n;
      byPayee.set(p, e);
    }
    const expected = [...byPayee].map(([payee, e]) => ({ payee, ...e })).sort((a, b) => b.amount - a.amount || a.payee.localeCompare(b.payee)).slice(0, 10);
    expect(r.topPayees).toEqual(expected);
    expect(r.topPayees.map((p) => p.payee)).toContain('월세');
  });

  it('topPayees follow rows stored after the monthly sums were made, over whole months and partial ones', async () => {
    const whole = (await json<ReportJson>(['report', '--from', '2025-01-01', '--to', END, '--json'])).topPayees;
    const store = Store.open(sb.dbPath);
    const account = sb.household.accounts[0]!.fintechUseNum;
    const last = db.prepare('SELECT balance_after FROM transactions WHERE account = ? ORDER BY date DESC, time DESC, id DESC LIMIT 1').pluck().get(account) as number;
    store.transactions.insertPage(account, [
      { account, date: '2026-10-15', time: '23:59:00', direction: 'out', amount: 99_999_999, memo: '새가게 강남점', type: '', branch: '', occurrence: 0, category: 'shopping', categorySource: 'none', categoryRule: null, balanceAfter: last - 99_999_999 },
    ], null);
    store.close();
    for (const [from, to] of [['2025-01-01', END], ['2026-10-10', '2026-10-20'], ['2026-09-15', END]] as const) {
      const r = await json<ReportJson>(['report', '--from', from, '--to', to, '--json']);
      const top = r.topPayees[0]!;
      expect([top.payee, top.count], `${from}..${to}`).toEqual(['새가게', 1]);
      const sql = db.prepare("SELECT sum(amount) FROM transactions WHERE memo = '새가게 강남점' AND date BETWEEN ? AND ?").pluck().get(from, to);
      expect(top.amount).toBe(sql);
    }
    expect((await json<ReportJson>(['report', '--from', '2025-01-01', '--to', END, '--json'])).topPayees.slice(1)).toEqual(whole.slice(0, 9));
  });

  it('finds the price rise of 유튜브프리미엄 (10,450 → 14,900) on its first charge at the new price', async () => {
    const firstNew = db.prepare("SELECT min(date) FROM transactions WHERE memo = '유튜브프리미엄' AND amount = 14900").pluck().get() as string;
    const lastOld = db.prepare("SELECT max(date) FROM transactions WHERE memo = '유튜브프리미엄' AND amount = 10450").pluck().get() as string;
    expect(lastOld < firstNew).toBe(true);
    const r = await json<ReportJson>(['report', '--month', firstNew.slice(0, 7), '--json']);
    expect(r.changes.filter((c) => c.kind === 'price' && c.memo === '유튜브프리미엄')).toEqual([
      { memo: '유튜브프리미엄', account: expect.any(String), kind: 'price', date: firstNew, oldAmount: 10_450, newAmount: 14_900 },
    ]);
    // the month before the rise shows no price change for it
    const before = await json<ReportJson>(['report', '--month', lastOld.slice(0, 7), '--json']);
    expect(before.changes.some((c) => c.memo === '유튜브프리미엄')).toBe(false);
  });

  it('finds 멜론 stopped (the generator cancels it) in the month of its first missed charge', async () => {
    const truth = sb.household.truth.series.find((s) => s.id === 'melon')!;
    expect(truth.active).toBe(false);
    const last = db.prepare("SELECT max(date) FROM transactions WHERE memo = '멜론'").pluck().get() as string;
    expect(last).toBe(truth.last);
    const r = await json<ReportJson>(['report', '--from', last, '--to', END, '--json']);
    const stopped = r.changes.filter((c) => c.kind === 'stopped');
    expect(stopped.map((c) => c.memo)).toEqual(['멜론']);
    expect(stopped[0]!.oldAmount).toBe(10_900);
    expect(stopped[0]!.date > last).toBe(true);
  });

  it('reports no series as new when they only begin with the history, and own transfers once in upcoming', async () => {
    const r = await json<ReportJson>(['report', '--from', '2024-11-21', '--to', END, '--json']);
    expect(r.changes.filter((c) => c.kind === 'new')).toEqual([]);
    const d = await json<ReportJson>(['report', '--json']);
    const own = d.upcoming.filter((u) => u.ownTransfer);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((u) => u.direction === 'out')).toBe(true);
  });
});

interface BudgetJson { category: string; name: string; limit: number; spent: number; remaining: number; share: number; status: string }

describe('budgets', () => {
  it('set/list/check/rm: spent equals this month’s SQLite sum; warn at 80% or by pace; check exits 3 when over', async () => {
    const month = sums('2026-11-01', END).categories;
    expect(month.food).toBeGreaterThan(0);
    // food: limit just under its spending (over); cafe: 85% spent (warn); shopping: far above (ok)
    expect((await cli(['budget', 'set', 'food', String(month.food! - 1)])).code).toBe(0);
    expect((await cli(['budget', 'set', '카페/간식', String(Math.ceil(month.cafe! / 0.85))])).code).toBe(0);
    expect((await cli(['budget', 'set', 'shopping', String(month.shopping! * 10)])).code).toBe(0);
    const list = await json<BudgetJson[]>(['budget', 'list', '--json']);
    const by = Object.fromEntries(list.map((b) => [b.category, b]));
    for (const b of list) {
      expect(b.spent, b.category).toBe(month[b.category] ?? 0);
      expect(b.remaining).toBe(b.limit - b.spent);
    }
    expect([by.food!.status, by.cafe!.status, by.shopping!.status]).toEqual(['over', 'warn', 'ok']);
    expect(by.cafe!.name).toBe('카페/간식');

    const check = await cli(['budget', 'check']);
    expect(check.code).toBe(3);
    expect(check.stdout).toContain('식비 (food) over by 1원');
    expect(check.stdout).not.toContain('cafe');
    const quiet = await cli(['-q', 'budget', 'check']);
    expect([quiet.code, quiet.stdout]).toEqual([3, '']);

    const report = await json<ReportJson>(['report', '--json']);
    expect(report.budgets).toEqual(list);

    expect((await cli(['budget', 'rm', 'food'])).code).toBe(0);
    expect((await cli(['budget', 'check'])).code).toBe(0);
    expect((await cli(['budget', 'rm', 'food'])).code).toBe(64);
    expect((await cli(['budget', 'set', 'nope', '1000'])).code).toBe(64);
    expect((await cli(['budget', 'set', 'food', '-5'])).code).toBe(64);
    expect((await cli(['budget', 'set', 'food', '0'])).code).toBe(64);
  });

  it('warns by pace: on pace to pass the limit before 80% of it is spent', async () => {
    const cafe = sums('2026-11-01', END).categories.cafe!;
    // 20 of 30 days gone: a limit at 1.3× of what is spent is 77% used, but the pace projects 1.5×
    await cli(['budget', 'set', 'cafe', String(Math.round(cafe * 1.3))]);
    const list = await json<BudgetJson[]>(['budget', 'list', '--json']);
    expect(list.find((b) => b.category === 'cafe')!.status).toBe('warn');
    await cli(['budget', 'set', 'cafe', String(Math.round(cafe * 1.6))]);
    expect((await json<BudgetJson[]>(['budget', 'list', '--json'])).find((b) => b.category === 'cafe')!.status).toBe('ok');
  });
});
