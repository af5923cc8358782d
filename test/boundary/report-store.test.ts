// `finance report` on a real temp SQLite store: the JSON against sums computed here from the stored rows, the CSV and
// text views, and the usage errors.

import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Store } from '../../src/store/index.js';
import { buildStore, run, type Fixture } from './report-fixture.js';

let fx: Fixture;
beforeAll(() => {
  fx = buildStore();
});

interface ReportJson {
  from: string; to: string; assets: number; income: number; spending: number; net: number;
  accounts: Array<{ id: string; balance: number | null }>;
  categories: Array<{ category: string; name: string; amount: number; count: number; share: number }>;
  weekly: Array<{ weekStart: string; balance: number; spending: number; income: number }>;
  ownTransfers: { count: number; amount: number };
  upcoming: unknown[];
}

async function reportJson(args: string[]): Promise<ReportJson> {
  const r = await run(fx.home, ['report', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

describe('report --json against the stored rows', () => {
  it('defaults to the 3 months ending today (KST)', async () => {
    const r = await reportJson([]);
    expect([r.from, r.to]).toEqual(['2026-01-16', '2026-04-15']);
  });

  it('has totals, categories and own transfers equal to sums over the rows', async () => {
    const r = await reportJson(['--from', '2025-11-10', '--to', '2026-02-20']);
    const rows = fx.rows.filter((x) => x.date >= '2025-11-10' && x.date <= '2026-02-20');
    const own = rows.filter((x) => x.ownTransfer !== null);
    expect(own.length).toBeGreaterThan(10);
    const plain = rows.filter((x) => x.ownTransfer === null);
    const sum = (xs: typeof rows) => xs.reduce((s, x) => s + x.amount, 0);
    expect(r.income).toBe(sum(plain.filter((x) => x.direction === 'in')));
    expect(r.spending).toBe(sum(plain.filter((x) => x.direction === 'out')));
    expect(r.net).toBe(r.income - r.spending);
    expect(r.ownTransfers).toEqual({ count: own.length / 2, amount: sum(own.filter((x) => x.direction === 'out')) });
    const cats = new Map<string, { amount: number; count: number }>();
    for (const x of plain.filter((y) => y.direction === 'out')) {
      const c = cats.get(x.category) ?? { amount: 0, count: 0 };
      cats.set(x.category, { amount: c.amount + x.amount, count: c.count + 1 });
    }
    expect(Object.fromEntries(r.categories.map((c) => [c.category, { amount: c.amount, count: c.count }]))).toEqual(Object.fromEntries(cats));
    expect(r.categories.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 3);
  });

  it("has each week's balance equal to the accounts' balances after their last row by the week's end", async () => {
    const r = await reportJson(['--from', '2025-09-20', '--to', '2026-01-07']);
    expect(r.weekly[0]!.weekStart).toBe('2025-09-15');
    expect(r.weekly.at(-1)!.weekStart).toBe('2026-01-05');
    for (const [k, w] of r.weekly.entries()) {
      const sunday = new Date(Date.parse(w.weekStart) + 6 * 86_400_000).toISOString().slice(0, 10);
      const end = k === r.weekly.length - 1 ? '2026-01-07' : sunday;
      let expected = 0;
      for (const a of ['F1', 'F2', 'F3']) {
        const mine = fx.rows.filter((x) => x.account === a);
        const upTo = mine.filter((x) => x.date <= end);
        const first = mine[0];
        if (upTo.length) expected += upTo.at(-1)!.balanceAfter;
        else if (first) expected += first.direction === 'in' ? first.balanceAfter - first.amount : first.balanceAfter + first.amount;
      }
      expect(w.balance, w.weekStart).toBe(expected);
    }
  });

  it("has each week's income and spending equal to the rows of that week inside the period (own transfers apart)", async () => {
    // A period starting on a Saturday and ending on a Wednesday: the first and last weeks are cut by it.
    const [from, to] = ['2025-09-20', '2026-01-07'];
    const r = await reportJson(['--from', from, '--to', to]);
    const weekOf = (date: string) => {
      const t = Date.parse(date);
      const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
      return new Date(monday).toISOString().slice(0, 10);
    };
    const want = new Map<string, { income: number; spending: number }>();
    for (const x of fx.rows) {
      if (x.date < from || x.date > to || x.ownTransfer !== null) continue;
      const w = want.get(weekOf(x.date)) ?? { income: 0, spending: 0 };
      if (x.direction === 'in') w.income += x.amount;
      else w.spending += x.amount;
      want.set(weekOf(x.date), w);
    }
    expect(want.size).toBeGreaterThan(10);
    const got = r.weekly.filter((w) => w.income > 0 || w.spending > 0);
    expect(Object.fromEntries(got.map((w) => [w.weekStart, { income: w.income, spending: w.spending }]))).toEqual(Object.fromEntries(want));
  });

  it('sums flows per week in the store exactly as per day, each group dated inside its week and the period', () => {
    const store = Store.open(join(fx.home, 'finance.db'));
    try {
      for (const [from, to] of [['2025-09-20', '2026-01-07'], ['2025-10-06', '2025-10-12'], ['2025-12-31', '2026-01-01'], ['1900-01-01', '2099-12-31']] as const) {
        const key = (g: { date: string; direction: string; category: string; own: boolean }) => {
          const t = Date.parse(g.date);
          return `${Math.floor((t / 86_400_000 + 3) / 7)}|${g.direction}|${g.category}|${g.own}`;
        };
        const sum = (gs: readonly { date: string; direction: string; category: string; own: boolean; count: number; amount: number }[]) => {
          const m = new Map<string, { count: number; amount: number }>();
          for (const g of gs) {
            const v = m.get(key(g)) ?? { count: 0, amount: 0 };
            m.set(key(g), { count: v.count + g.count, amount: v.amount + g.amount });
          }
          return Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
        };
        const weekly = store.reports.weeklyFlows(from, to);
        const daily = store.reports.flows(from, to);
        expect(daily.length, `${from}..${to}`).toBeGreaterThan(0);
        expect(sum(weekly), `${from}..${to}`).toEqual(sum(daily));
        expect(weekly.length).toBe(Object.keys(sum(daily)).length);
        for (const g of weekly) {
          expect(g.date >= from && g.date <= to, g.date).toBe(true);
          expect(g.count).toBeGreaterThan(0);
        }
      }
    } finally {
      store.close();
    }
  });

  it('sums assets from the synced balance, else the last balance_after', async () => {
    const r = await reportJson([]);
    const lastF2 = fx.rows.filter((x) => x.account === 'F2').at(-1)!.balanceAfter;
    const lastF1 = fx.rows.filter((x) => x.account === 'F1').at(-1)!.balanceAfter;
    expect(r.accounts.map((a) => a.balance)).toEqual([lastF1, lastF2, 5_000]);
    expect(r.assets).toBe(lastF1 + lastF2 + 5_000);
  });

  it('for a past period: balances at its end from the balance chain, nothing upcoming', async () => {
    const r = await reportJson(['--month', '2026-01']);
    expect([r.from, r.to]).toEqual(['2026-01-01', '2026-01-31']);
    const endOf = (a: string) => fx.rows.filter((x) => x.account === a && x.date <= '2026-01-31').at(-1)!.balanceAfter;
    // F3 has no transactions: its balance at the end of January is unknown
    expect(r.accounts.map((a) => a.balance)).toEqual([endOf('F1'), endOf('F2'), null]);
    expect(r.assets).toBe(endOf('F1') + endOf('F2'));
    expect(r.upcoming).toEqual([]);
  });
});

describe('report views and errors', () => {
  it('prints the category table as CSV', async () => {
    const r = await run(fx.home, ['report', '--format', 'csv', '--month', '2026-01']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('category,name,amount,count,share');
    const json = await reportJson(['--month', '2026-01']);
    expect(lines).toHaveLength(json.categories.length + 1);
    expect(lines[1]).toBe(`${json.categories[0]!.category},${json.categories[0]!.name},${json.categories[0]!.amount},${json.categories[0]!.count},${json.categories[0]!.share}`);
  });

  it('prints readable text without escapes on a pipe, and charts fitted to a terminal', async () => {
    const piped = await run(fx.home, ['report', '--from', '2025-10-01', '--to', '2026-04-15']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toMatch(/\x1b\[/);
    expect(piped.stdout).toContain('카테고리별 지출');
    expect(piped.stdout).toContain('주간 잔액');
    const tty = await run(fx.home, ['report', '--from', '2025-10-01', '--to', '2026-04-15'], { tty: true, columns: 40 });
    const chartLines = tty.stdout.split('\n').filter((l) => /[┤┼]/.test(l));
    expect(chartLines.length).toBeGreaterThan(4);
    for (const l of chartLines) expect(l.replace(/\x1b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(40);
    const noChart = await run(fx.home, ['report', '--no-chart']);
    expect(noChart.stdout).not.toContain('주간 잔액');
  });

  it('rejects --month with --from/--to, from after to, and bad dates (64)', async () => {
    expect((await run(fx.home, ['report', '--month', '2026-01', '--from', '2026-01-01'])).code).toBe(64);
    expect((await run(fx.home, ['report', '--from', '2026-02-01', '--to', '2026-01-01'])).code).toBe(64);
    expect((await run(fx.home, ['report', '--month', '2026-13'])).code).toBe(64);
    expect((await run(fx.home, ['report', '--from', '2026-02-30'])).code).toBe(64);
  });
});
