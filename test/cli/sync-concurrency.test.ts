// `finance sync` with requests overlapped (issue 19): accounts side by side and month windows read ahead, bounded by
// syncConcurrency, against the sandbox's latency model and its per-client concurrency limit. Exactness is the point:
// whatever the interleaving, the stored rows are the generated ones, once each.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { kstDate } from '../../src/domain/kst.js';
import { BIN, runCli, tempHome } from '../helpers/cli.js';
import { expectedRows, integrity, login, storedRows } from '../helpers/session.js';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 19, months: 11, accounts: 4, end: kstDate(new Date()), autoConsent: true });
});
afterAll(async () => {
  await sandbox.close();
});

async function freshLogin() {
  const home = tempHome();
  const { env } = await login(sandbox, home);
  return { home, env };
}

describe('sync with overlapped requests', () => {
  it('syncConcurrency 4: accounts and windows in flight together (at most 4), unique bank_tran_ids, exact rows', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ latencyMs: 25, jitterMs: 10 });
    sandbox.resetStats();
    try {
      const r = await runCli(['--home', home, 'sync', '--json'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: '4' } });
      expect(r.code, r.stderr).toBe(0);
      const stats = sandbox.stats();
      expect(stats.peakInFlight).toBeGreaterThan(1);
      expect(stats.peakInFlight).toBeLessThanOrEqual(4);
    } finally {
      sandbox.resetFaults();
    }
    // A repeated bank_tran_id on the day would have been refused (A0326) and failed an account.
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
    expect(integrity(home)).toBe('ok');
  });

  it('bank_tran_id: every bank call of two overlapped syncs on one day carries its own id', async () => {
    const { home, env } = await freshLogin();
    const before = sandbox.stats();
    sandbox.setFaults({ latencyMs: 20, jitterMs: 15 });
    sandbox.resetStats();
    try {
      for (let run = 0; run < 2; run++) {
        const r = await runCli(['--home', home, 'sync', '--from', '2000-01-01'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: '8' } });
        expect(r.code, r.stderr).toBe(0);
      }
    } finally {
      sandbox.resetFaults();
    }
    const after = sandbox.stats();
    const calls = (after.byPath['/v2.0/account/balance/fin_num'] ?? 0) + (after.byPath['/v2.0/account/transaction_list/fin_num'] ?? 0);
    expect(after.peakInFlight).toBeGreaterThan(2);
    expect(calls).toBeGreaterThan(20);
    // The sandbox keeps every id it accepted today: one new id per call, none refused as a repeat.
    expect(after.duplicateTranIds - before.duplicateTranIds).toBe(0);
    expect(after.bankTranIds - before.bankTranIds).toBe(calls);
  });

  it('syncConcurrency 1 keeps one request at a time', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ latencyMs: 5 });
    sandbox.resetStats();
    try {
      const r = await runCli(['--home', home, 'sync'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: '1' } });
      expect(r.code, r.stderr).toBe(0);
      expect(sandbox.stats().peakInFlight).toBe(1);
    } finally {
      sandbox.resetFaults();
    }
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
  });

  it("the sandbox's concurrency limit answers 429s; the run halves its requests in flight (said with -v) and ends exact", async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ latencyMs: 30, maxConcurrent: 2, retryAfterSeconds: 1 });
    sandbox.resetStats();
    try {
      const r = await runCli(['--home', home, '-v', 'sync'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: '8' } });
      expect(r.code, r.stderr).toBe(0);
      expect(sandbox.stats().rejected429).toBeGreaterThan(0);
      expect(r.stderr).toMatch(/answered HTTP 429: requests in flight lowered from 8 to 4/);
    } finally {
      sandbox.resetFaults();
    }
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
  });

  it('a bad syncConcurrency is 64 on config set and 78 on use', async () => {
    const { home, env } = await freshLogin();
    expect((await runCli(['--home', home, 'config', 'set', 'syncConcurrency', '0'], { env })).code).toBe(64);
    expect((await runCli(['--home', home, 'sync'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: 'many' } })).code).toBe(78);
  });

  it('on a terminal every account in flight has its own line; piped, one summary line; -q prints nothing', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ latencyMs: 15 });
    try {
      // Asynchronously: the sandbox answers from this very process.
      const tty = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = spawn('python3', [join(__dirname, '../helpers/pty-run.py'), process.execPath, BIN, '--home', home, 'sync', '--from', '2000-01-01'], {
          env: { ...env, FINANCE_SYNC_CONCURRENCY: '4' },
        });
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.on('close', (status) => resolve({ status, stdout }));
      });
      expect(tty.status, tty.stdout).toBe(0);
      // Each consented account drew its own progress line (its label and a row count), redrawn in place.
      const ids = sandbox.household.accounts.filter((a) => a.inquiryAgree).map((a) => a.fintechUseNum.slice(-6));
      for (const id of ids) expect(tty.stdout).toMatch(new RegExp(`…${id}[^\\n]*(rows|done)`));
      expect(tty.stdout).toMatch(/\x1b\[\d+A/); // the block moves up to redraw
      expect(tty.stdout).toMatch(/synced \d+\/\d+ accounts/);
      const piped = await runCli(['--home', home, 'sync'], { env });
      expect(piped.code, piped.stderr).toBe(0);
      expect(piped.stdout.trim().split('\n')).toHaveLength(1);
      expect(piped.stderr).toBe('');
      const quiet = await runCli(['--home', home, '-q', 'sync'], { env });
      expect(quiet.code).toBe(0);
      expect(quiet.stdout + quiet.stderr).toBe('');
    } finally {
      sandbox.resetFaults();
    }
  });
});
