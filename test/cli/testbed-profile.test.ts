// The whole flow against `--profile testbed` (the real testbed's behaviour, README "The sandbox"): login, sync (the
// canned rows of open accounts stored once, whatever their dates), status, accounts, report, fixed, export — the
// built CLI as a child process against the sandbox over HTTP.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempHome } from '../helpers/cli.js';
import { contentHash, login, type Row, sortRows, storedRows } from '../helpers/session.js';

let sandbox: SandboxHandle;
let home: string;
let env: NodeJS.ProcessEnv;
/** After the canned half-year (2019-01…06), so reports and fixed payments read it as recent history. */
const JULY_2019 = '2019-07-10T03:00:00Z';

beforeAll(async () => {
  sandbox = await startSandbox({ profile: 'testbed', seed: 11, autoConsent: true });
  home = tempHome('finance-testbed-');
  ({ env } = await login(sandbox, home));
});
afterAll(async () => {
  await sandbox.close();
});

const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
const hms = (t: string) => `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
const accounts = () => sandbox.household.accounts;
const openAccounts = () => accounts().filter((a) => a.state !== '09');
const closedAccount = () => accounts().find((a) => a.state === '09')!;
/**
 * The clock of a person reading the canned half-year soon after it: fixed payments look three years back from today
 * (src/app/fixed.ts), so from 2026 the 2019 rows would be too old to show any.
 */
const julyEnv = (): NodeJS.ProcessEnv => ({ ...env, FINANCE_NOW: JULY_2019 });

/** The canned rows of the open accounts as the store should hold them (기타 rows move no money: left out). */
function expectedRows(): Row[] {
  const out: Row[] = [];
  for (const a of openAccounts()) {
    for (const r of a.canned ?? []) {
      if (r.inout_type === '기타') continue;
      out.push({
        account: a.fintechUseNum, date: iso(r.tran_date), time: hms(r.tran_time),
        direction: r.inout_type === '입금' ? 'in' : 'out', amount: Number(r.tran_amt),
        // A blank after_balance_amt is an unknown balance.
        balanceAfter: (r.after_balance_amt === '' ? null : Number(r.after_balance_amt)) as number,
        memo: r.print_content.trim(), type: r.tran_type, branch: r.branch_name,
      });
    }
  }
  return sortRows(out);
}

interface SyncAccount { id: string; status: string; inserted: number; closed?: boolean; balanceError?: string;
  ignoresDates?: boolean; skippedOther?: number; error?: string }

describe('finance against --profile testbed', () => {
  it('the sandbox really is the testbed profile (canned rows, a closed account, 지급/기타/****/blank balance)', () => {
    const rows = openAccounts().flatMap((a) => a.canned ?? []);
    expect(rows.length).toBeGreaterThan(75);
    expect(rows.some((r) => r.inout_type === '지급')).toBe(true);
    expect(rows.some((r) => r.inout_type === '기타')).toBe(true);
    expect(rows.some((r) => r.print_content === '****')).toBe(true);
    expect(rows.some((r) => r.after_balance_amt === '')).toBe(true);
    expect(closedAccount()).toBeDefined();
  });

  it('sync stores the canned rows of the open accounts whatever their dates; a second sync inserts nothing', async () => {
    const r = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(r.stderr).not.toMatch(/internal error/);
    // Two accounts end on next_page_yn "Y" with an empty trace: incomplete, so 75 ("try again later"), not success.
    expect(r.code, r.stderr).toBe(75);
    const summary = JSON.parse(r.stdout) as { inserted: number; accounts: SyncAccount[] };
    const expected = expectedRows();
    expect(summary.inserted).toBe(expected.length);
    expect(storedRows(home)).toEqual(expected);
    const byId = new Map(summary.accounts.map((a) => [a.id, a]));
    // The closed account is skipped, never failed; the one without balance data is named but its rows are stored.
    expect(byId.get(closedAccount().fintechUseNum)).toMatchObject({ status: 'skipped', closed: true, inserted: 0 });
    const noBalance = accounts().find((a) => a.balanceMissing)!;
    expect(byId.get(noBalance.fintechUseNum)?.balanceError).toMatch(/A0002/);
    expect(byId.get(noBalance.fintechUseNum)?.inserted).toBe(expected.filter((x) => x.account === noBalance.fintechUseNum).length);
    for (const a of openAccounts()) {
      expect(byId.get(a.fintechUseNum)?.ignoresDates, a.alias).toBe(true);
      expect(byId.get(a.fintechUseNum)?.status).toBe(a.endsWithEmptyTrace ? 'failed' : 'ok');
    }
    expect(r.stderr).toMatch(/ignores the requested dates/);
    expect(r.stderr).toMatch(/incomplete/);
    // Asked once per account, not month by month through the lookback: a few pages each.
    const pages = sandbox.stats().byPath['/v2.0/account/transaction_list/fin_num'] ?? 0;
    expect(pages).toBeLessThanOrEqual(openAccounts().length * 3 * 2);

    const hash = contentHash(home);
    const again = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(again.code, again.stderr).toBe(75);
    expect(JSON.parse(again.stdout).inserted).toBe(0);
    expect(contentHash(home)).toBe(hash);
  });

  it('status and accounts show the closed account as closed and the rest with their stored rows', async () => {
    const status = await runCli(['--home', home, 'status', '--json'], { env: julyEnv() });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).transactions).toBe(expectedRows().length);
    const text = await runCli(['--home', home, 'status'], { env: julyEnv() });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout + text.stderr).not.toMatch(/internal error/);
    const list = JSON.parse((await runCli(['--home', home, 'accounts', '--json'], { env: julyEnv() })).stdout) as
      Array<{ id: string; closed: boolean; transactions: number; balance: number | null }>;
    const byId = new Map(list.map((a) => [a.id, a]));
    expect(byId.get(closedAccount().fintechUseNum)?.closed).toBe(true);
    for (const a of openAccounts()) {
      expect(byId.get(a.fintechUseNum)?.closed).toBe(false);
      expect(byId.get(a.fintechUseNum)?.transactions).toBe(expectedRows().filter((x) => x.account === a.fintechUseNum).length);
      if (!a.balanceMissing) expect(byId.get(a.fintechUseNum)?.balance).toBe(a.registeredBalance);
    }
  });

  it('report over the canned half-year adds up to the stored rows and lists the phone bill as upcoming', async () => {
    const r = await runCli(['--home', home, 'report', '--from', '2019-01-01', '--to', '2019-06-30', '--format', 'json'],
      { env: julyEnv() });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { income: number; spending: number; ownTransfers: { amount: number };
      upcoming: Array<{ memo: string }>; categories: Array<{ amount: number }> };
    const sum = (dir: 'in' | 'out') => expectedRows().filter((x) => x.direction === dir).reduce((t, x) => t + x.amount, 0);
    // Own-account transfers are counted apart, once; everything else is income or spending.
    expect(report.income + report.ownTransfers.amount).toBe(sum('in'));
    expect(report.spending + report.ownTransfers.amount).toBe(sum('out'));
    expect(report.categories.reduce((t, c) => t + c.amount, 0)).toBe(report.spending);
    // Upcoming payments belong to a period that reaches today (the default: the last three months).
    const recent = await runCli(['--home', home, 'report', '--format', 'json'], { env: julyEnv() });
    expect(recent.code, recent.stderr).toBe(0);
    expect((JSON.parse(recent.stdout) as typeof report).upcoming.map((u) => u.memo)).toContain('SKT통신요금');
    const human = await runCli(['--home', home, 'report', '--from', '2019-01-01', '--to', '2019-06-30'], { env: julyEnv() });
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('2019-01-01');
    expect(human.stdout + human.stderr).not.toMatch(/internal error/);
  });

  it('fixed finds the monthly salary and phone bill of the canned half-year', async () => {
    const r = await runCli(['--home', home, 'fixed', '--json'], { env: julyEnv() });
    expect(r.code, r.stderr).toBe(0);
    const series = JSON.parse(r.stdout) as Array<{ memo: string; cadence: string; count: number; active: boolean }>;
    for (const memo of ['SKT통신요금', '오픈급여']) {
      expect(series.find((s) => s.memo === memo), memo).toMatchObject({ cadence: 'monthly', count: 6, active: true });
    }
    const text = await runCli(['--home', home, 'fixed'], { env: julyEnv() });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('SKT통신요금');
  });

  it('export writes every stored row (csv) and a journal (ledger)', async () => {
    const csv = await runCli(['--home', home, 'export', '--format', 'csv'], { env: julyEnv() });
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines.length - 1).toBe(expectedRows().length);
    expect(csv.stdout).toContain('****');
    const ledger = await runCli(['--home', home, 'export', '--format', 'ledger'], { env: julyEnv() });
    expect(ledger.code, ledger.stderr).toBe(0);
    for (const a of openAccounts()) expect(ledger.stdout).toContain(a.bankName);
    expect(ledger.stdout).not.toContain(closedAccount().accountNumMasked);
  });

  it('csv with --bom starts with a UTF-8 byte order mark (tx and export); --bom on a journal is 64', async () => {
    for (const args of [['export', '--format', 'csv', '--bom'], ['tx', '--format', 'csv', '--bom']]) {
      const r = await runCli(['--home', home, ...args], { env: julyEnv() });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith('\uFEFF'), args.join(' ')).toBe(true);
      expect(r.stdout.slice(1).split('\n')[0]).toMatch(/^[a-z]/);
      const plain = await runCli(['--home', home, ...args.slice(0, -1)], { env: julyEnv() });
      expect(plain.stdout.startsWith('\uFEFF')).toBe(false);
      expect(r.stdout.slice(1)).toBe(plain.stdout);
    }
    const bad = await runCli(['--home', home, 'export', '--format', 'ledger', '--bom'], { env: julyEnv() });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--bom is only for --format csv/);
  });
});
