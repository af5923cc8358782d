// `finance forecast` on a hand-built history, against a projection computed here by hand day by day; and every new
// view on an empty data directory.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import type { NewTransaction } from '../../src/store/transactions-repo.js';
import { run } from './report-fixture.js';

const NOW = new Date('2026-03-10T03:00:00Z'); // today (KST) 2026-03-10

/**
 * One account from 2025-11-01 to 2026-03-09: salary 3,000,000 on the 25th (moved to the business day before: 12-24,
 * 01-23), rent 700,000 on the 5th, 넷플릭스 13,500 on the 15th from December (charged on a Sunday in February), and
 * one 9,000 purchase at a different shop every day. Ends with `finalBalance`.
 */
function handBuilt(finalBalance: number): string {
  const home = join(mkdtempSync(join(tmpdir(), 'finance-forecast-')), 'home');
  mkdirSync(home, { mode: 0o700 });
  const store = Store.open(join(home, 'finance.db'));
  store.accounts.replaceListed([{ id: 'H1', bankCode: '004', bankName: 'KB국민은행', savingsBankName: '', accountNumMasked: '111***', alias: '', holderName: '', accountType: '1', inquiryAgree: true, state: '' }]);
  const events: Array<{ date: string; time: string; direction: 'in' | 'out'; amount: number; memo: string; category: string }> = [];
  for (const date of ['2025-11-25', '2025-12-24', '2026-01-23', '2026-02-25']) events.push({ date, time: '09:00:00', direction: 'in', amount: 3_000_000, memo: '(주)테스트 급여', category: 'salary' });
  for (const date of ['2025-11-05', '2025-12-05', '2026-01-05', '2026-02-05', '2026-03-05']) events.push({ date, time: '08:00:00', direction: 'out', amount: 700_000, memo: '월세', category: 'housing' });
  for (const date of ['2025-12-15', '2026-01-15', '2026-02-15']) events.push({ date, time: '03:00:00', direction: 'out', amount: 13_500, memo: '넷플릭스', category: 'leisure' });
  for (let d = Date.UTC(2025, 10, 1), i = 0; d <= Date.UTC(2026, 2, 9); d += 86_400_000, i++) {
    events.push({ date: new Date(d).toISOString().slice(0, 10), time: '12:00:00', direction: 'out', amount: 9_000, memo: `동네상점${i}`, category: 'food' });
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));
  const net = events.reduce((s, e) => s + (e.direction === 'in' ? e.amount : -e.amount), 0);
  let balance = finalBalance - net;
  const rows: NewTransaction[] = events.map((e) => {
    balance += e.direction === 'in' ? e.amount : -e.amount;
    return { account: 'H1', ...e, balanceAfter: balance, type: '', branch: '', occurrence: 0, categorySource: 'keyword', categoryRule: null };
  });
  store.transactions.insertPage('H1', rows, '2026-03-09');
  store.close();
  return home;
}

interface ForecastJson {
  from: string; to: string; start: number;
  lowest: { date: string; balance: number }; end: { date: string; balance: number };
  days: Array<{ date: string; balance: number; fixed: Array<{ memo: string; direction: string; amount: number }>; variable: number }>;
  nextSalary: string | null; warning: string | null;
}

/** The projection by hand: 9,000 a day; 넷플릭스 on Sunday 03-15 (it is charged on Sundays), salary 03-25, rent on
 * Monday 04-06 (the 5th is a Sunday); through 04-08 (30 days; the salary's next day 03-26 is earlier). */
function byHand(start: number): ForecastJson['days'] {
  const fixed: Record<string, ForecastJson['days'][number]['fixed']> = {
    '2026-03-15': [{ memo: '넷플릭스', direction: 'out', amount: 13_500 }],
    '2026-03-25': [{ memo: '(주)테스트 급여', direction: 'in', amount: 3_000_000 }],
    '2026-04-06': [{ memo: '월세', direction: 'out', amount: 700_000 }],
  };
  const days: ForecastJson['days'] = [];
  let balance = start;
  for (let d = Date.UTC(2026, 2, 10); d <= Date.UTC(2026, 3, 8); d += 86_400_000) {
    const date = new Date(d).toISOString().slice(0, 10);
    for (const f of fixed[date] ?? []) balance += f.direction === 'in' ? f.amount : -f.amount;
    balance -= 9_000;
    days.push({ date, balance, fixed: fixed[date] ?? [], variable: 9_000 });
  }
  return days;
}

describe('forecast on a hand-built history', () => {
  it('equals the hand-computed projection day by day, with its lowest point and end', async () => {
    const home = handBuilt(2_000_000);
    const r = await run(home, ['forecast', '--json'], { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout) as ForecastJson;
    expect([f.from, f.to, f.start, f.nextSalary]).toEqual(['2026-03-10', '2026-04-08', 2_000_000, '2026-03-25']);
    expect(f.days).toEqual(byHand(2_000_000));
    expect(f.lowest).toEqual({ date: '2026-03-24', balance: 2_000_000 - 15 * 9_000 - 13_500 });
    expect(f.end).toEqual({ date: '2026-04-08', balance: f.days.at(-1)!.balance });
    expect(f.warning).toBeNull();
    // --days bounds the horizon; the report carries the same forecast
    const short = JSON.parse((await run(home, ['forecast', '--json', '--days', '7'], { now: NOW })).stdout) as ForecastJson;
    expect(short.days).toEqual(byHand(2_000_000).slice(0, 7));
    const report = JSON.parse((await run(home, ['report', '--json'], { now: NOW })).stdout) as { forecast: ForecastJson; changes: Array<{ memo: string; kind: string; date: string }> };
    expect(report.forecast).toEqual(f);
    // 넷플릭스 began a month and a half into the history: new in the periods holding its first charge, not in others
    expect(report.changes).toEqual([{ memo: '넷플릭스', account: 'H1', kind: 'new', date: '2025-12-15', newAmount: 13_500 }]);
    const jan = JSON.parse((await run(home, ['report', '--json', '--month', '2026-01'], { now: NOW })).stdout) as typeof report;
    expect(jan.changes).toEqual([]);
    const dec = JSON.parse((await run(home, ['report', '--json', '--month', '2025-12'], { now: NOW })).stdout) as typeof report;
    expect(dec.changes).toEqual([{ memo: '넷플릭스', account: 'H1', kind: 'new', date: '2025-12-15', newAmount: 13_500 }]);
  });

  it('warns when the balance goes below zero before the next salary', async () => {
    const home = handBuilt(100_000);
    const f = JSON.parse((await run(home, ['forecast', '--json'], { now: NOW })).stdout) as ForecastJson;
    expect(f.days).toEqual(byHand(100_000));
    // 100,000 − 9,000 × 10 − 13,500 = −3,500 on 03-19 (the tenth day), before the salary of 03-25
    expect(f.warning).toBe('the balance goes below zero on 2026-03-19 (-3500), before the next salary on 2026-03-25');
    const piped = await run(home, ['forecast'], { now: NOW });
    expect(piped.stderr).toContain('below zero on 2026-03-19');
    const lines = piped.stdout.trim().split('\n');
    expect(lines[0]).toBe('date\tbalance\tvariable\tfixedIn\tfixedOut\tfixed');
    expect(lines[16]).toBe('2026-03-25\t' + byHand(100_000)[15]!.balance + '\t9000\t3000000\t0\t+3000000 (주)테스트 급여');
  });
});

describe('an empty data directory', () => {
  it('trend, budget list, forecast and report answer with a clear message, exit 0', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'finance-empty-')), 'home');
    const tty = { now: NOW, tty: true, columns: 100 };
    const trend = await run(home, ['trend'], tty);
    expect([trend.code, trend.stdout]).toEqual([0, expect.stringContaining('no transactions in these months')]);
    const trendJson = JSON.parse((await run(home, ['trend', '--json', '--months', '2'], { now: NOW })).stdout) as unknown[];
    expect(trendJson).toEqual([{ month: '2026-02', income: 0, spending: 0, categories: {} }, { month: '2026-03', income: 0, spending: 0, categories: {} }]);
    const budgets = await run(home, ['budget', 'list'], tty);
    expect([budgets.code, budgets.stdout]).toEqual([0, expect.stringContaining('no budgets set')]);
    expect(JSON.parse((await run(home, ['budget', 'list', '--json'], { now: NOW })).stdout)).toEqual([]);
    expect((await run(home, ['budget', 'check'], { now: NOW })).code).toBe(0);
    const forecast = await run(home, ['forecast'], tty);
    expect(forecast.code).toBe(0);
    expect(forecast.stderr).toContain('no transactions stored yet');
    const f = JSON.parse((await run(home, ['forecast', '--json'], { now: NOW })).stdout) as ForecastJson;
    expect([f.start, f.days.length, f.lowest.balance, f.warning]).toEqual([0, 30, 0, null]);
    const report = await run(home, ['report'], tty);
    expect(report.code).toBe(0);
    // An empty data directory gets one clear line instead of a report of zeros (CLI.md, issue 13); JSON keeps its shape.
    expect(report.stderr).toContain('no transactions stored yet');
    expect(report.stdout).toBe('');
    expect(JSON.parse((await run(home, ['report', '--json'], { now: NOW })).stdout).spending).toBe(0);
  });
});
