// `finance sync` against a server that behaves like the real testbed (issue 15, ../shared/openbanking-api.md §9.1):
// canned rows whatever the dates, a balance API without test data, a closed account, and the row shapes the spec
// allows but the sandbox did not send. Each case asserts the exit code and the exact multiset of stored rows.

import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ACCESS, expectNoSecrets, expected, ledger, query, seededHome, sorted, startHostile, stored, type Hostile, type WireRow } from './sync-hostile-server.js';

let h: Hostile | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The testbed's canned answer: 25 rows dated 20190101, with the shapes §9.1 lists. */
function canned(): WireRow[] {
  const rows: WireRow[] = [];
  let balance = 500_000;
  for (let i = 0; i < 25; i++) {
    const kind = i % 5;
    const amount = 1000 * (i + 1);
    const inout = kind === 0 ? '입금' : kind === 1 ? '지급' : kind === 4 && i === 9 ? '기타' : '출금';
    if (inout === '입금') balance += amount;
    else if (inout !== '기타') balance -= amount;
    rows.push({
      tran_date: i % 3 === 0 ? 20190101 : '20190101', // some unquoted, as in the testbed capture
      tran_time: `0${i % 10}0000`.slice(-6),
      inout_type: inout,
      tran_type: '대체',
      print_content: i === 3 ? '****' : `테스트 ${i}`,
      tran_amt: inout === '기타' ? '0' : i % 2 === 0 ? amount : String(amount),
      after_balance_amt: i === 7 ? '' : i % 4 === 0 ? balance : String(balance),
      branch_name: '',
    });
  }
  return rows;
}

describe('sync against a testbed-like server (issue 15)', () => {
  it('stores canned rows dated outside every window, asks a date-ignoring server once, and a second sync inserts 0', async () => {
    const rows = canned();
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows: [], balance: 5 }]);
    h.ignoreDates = rows;
    const { home, env } = seededHome(h);
    const first = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/ignores the requested dates/);
    const summary = JSON.parse(first.stdout);
    // The 기타 row is left out of both answers (counted once per answer).
    expect(summary.accounts[0]).toMatchObject({ status: 'ok', ignoresDates: true, skippedOther: 2 });
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
    // One probe over the lookback, then two month windows with the same answer: no month-by-month walk.
    expect(h.requests.filter((r) => r.path.includes('transaction_list')).length).toBeLessThanOrEqual(3);
    // The checkpoint never moved past dates it has not seen.
    expect(query<{ cp: string | null }>(home, 'SELECT synced_through AS cp FROM accounts')).toEqual([{ cp: null }]);
    const second = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).inserted).toBe(0);
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
    expect(expectNoSecrets(home, [first.stdout, first.stderr, second.stdout, second.stderr])).toEqual([]);
  });

  it('the testbed page shape (next_page_yn Y, empty trace) is an incomplete window: rows stored, 65, never a silent success', async () => {
    const rows = canned();
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows: [], balance: 5 }]);
    h.ignoreDates = rows;
    h.tweak = (body) => ({ ...body, next_page_yn: 'Y', befor_inquiry_trace_info: '' });
    const { home, env } = seededHome(h);
    const first = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(first.code, first.stderr).toBe(65);
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
    expect(h.requests.filter((r) => r.path.includes('transaction_list')).length).toBeLessThanOrEqual(3);
    const second = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(second.code).toBe(65);
    expect(JSON.parse(second.stdout).inserted).toBe(0);
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
  });

  it('a balance A0002, a closed account, blank balances, 지급/기타, **** and no account_type: transactions stored exactly', async () => {
    const a = ledger(40, 21).map((r, i): WireRow => {
      if (i === 5) return { ...r, after_balance_amt: '' };
      if (i === 6) return { ...r, inout_type: '지급' };
      if (i === 7) return { ...r, print_content: '****' };
      if (i === 8) return { ...r, tran_amt: Number(r.tran_amt), after_balance_amt: Number(r.after_balance_amt) };
      return r;
    });
    a.splice(10, 0, { ...a[9]!, inout_type: '기타', tran_amt: '0', print_content: '기타거래' });
    const b = ledger(40, 22);
    h = await startHostile([
      { fin: 'F000000000000000000000A1', rows: a, balance: { fail: 'A0002' }, accountType: null },
      { fin: 'F000000000000000000000C9', rows: b, balance: 9, state: '09' },
    ]);
    const { home, env } = seededHome(h);
    const first = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.accounts[0]).toMatchObject({ id: 'F000000000000000000000A1', status: 'ok', balanceError: expect.stringMatching(/A0002/), skippedOther: 1 });
    expect(summary.accounts[1]).toMatchObject({ id: 'F000000000000000000000C9', status: 'skipped', closed: true });
    expect(first.stderr).toMatch(/balance could not be read: balance: the API answered A0002/);
    // The closed account was never asked anything.
    expect(h.requests.filter((r) => r.fin.endsWith('C9'))).toEqual([]);
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', a));
    expect(query(home, "SELECT 1 FROM transactions WHERE balance_after IS NULL")).toHaveLength(1);
    expect(query(home, "SELECT 1 FROM transactions WHERE memo = '****'")).toHaveLength(1);
    // The blank balance breaks nothing: no chain break recorded.
    expect(summary.chainBreaks).toEqual([]);
    const accounts = JSON.parse((await runCli(['--home', home, 'accounts', '--json'], { env })).stdout);
    expect(accounts.map((x: { id: string; closed: boolean; state: string }) => [x.id, x.closed, x.state])).toEqual([
      ['F000000000000000000000A1', false, '01'],
      ['F000000000000000000000C9', true, '09'],
    ]);
    // Idempotent, the row without a balance included (the dedup key reads NULL as a value).
    const again = await runCli(['--home', home, 'sync', '--from', '2000-01-01', '--json'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).inserted).toBe(0);
    expect(stored(home)).toEqual(sorted(expected('F000000000000000000000A1', a)));
    const status = await runCli(['--home', home, 'status'], { env });
    expect(expectNoSecrets(home, [first.stdout, first.stderr, again.stderr, status.stdout, status.stderr])).toEqual([]);
    expect(first.stderr).not.toContain(ACCESS);
  });
});
