// `finance sync` end to end: the built CLI against the sandbox over HTTP — exactness, idempotence, faults, crashes.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { kstDate, addDaysIso } from '../../src/domain/kst.js';
import { runCli, startCli, tempHome } from '../helpers/cli.js';
import { contentHash, expectedRows, integrity, login, storedRows } from '../helpers/session.js';

const today = kstDate(new Date());
let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, months: 6, accounts: 3, end: today, autoConsent: true });
});
afterAll(async () => {
  await sandbox.close();
});

async function freshLogin() {
  const home = tempHome();
  const { env } = await login(sandbox, home);
  return { home, env };
}

describe('finance sync', () => {
  it('stores exactly the generated history, and K re-syncs over random windows change nothing', async () => {
    const { home, env } = await freshLogin();
    const r = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    const expected = expectedRows(sandbox);
    expect(summary.inserted).toBe(expected.length);
    expect(summary.accounts).toHaveLength(3);
    for (const a of summary.accounts) expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'fetched', 'inserted', 'status']));
    expect(storedRows(home)).toEqual(expected);

    // Genuine identical rows (same memo, amount, date and time) are kept as separate rows.
    const dupKey = (x: { account: string; date: string; time: string; memo: string; amount: number }) => `${x.account}|${x.date}|${x.time}|${x.memo}|${x.amount}`;
    const count = (rows: typeof expected) => {
      const m = new Map<string, number>();
      for (const x of rows) m.set(dupKey(x), (m.get(dupKey(x)) ?? 0) + 1);
      return [...m.values()].filter((n) => n > 1).length;
    };
    expect(count(storedRows(home))).toBe(count(expected));

    const hash = contentHash(home);
    const again = await runCli(['--home', home, 'sync', '--json'], { env });
    expect(JSON.parse(again.stdout).inserted).toBe(0);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 4; k++) {
      const from = addDaysIso(today, -Math.floor(rand() * 180));
      const to = addDaysIso(from, Math.floor(rand() * 60));
      const w = await runCli(['--home', home, 'sync', '--from', from, '--to', to < today ? to : today, '-q'], { env });
      expect(w.code, w.stderr).toBe(0);
      expect(w.stdout).toBe('');
      expect(contentHash(home)).toBe(hash);
    }
    const status = JSON.parse((await runCli(['--home', home, 'status', '--json'], { env })).stdout);
    expect(status.transactions).toBe(expected.length);
    expect(status.lastSync.status).toBe('ok');
    expect(status.possibleGaps).toEqual([]);
  }, 90_000); // six syncs of the built CLI; slow on a loaded machine

  it('retries an HTTP 500 and a cut connection; the result is exact', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ fail500OnCall: 3, fail500Times: 2, cutConnectionOnCall: 8 });
    try {
      const r = await runCli(['--home', home, 'sync'], { env });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      sandbox.resetFaults();
    }
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
  });

  it('a malformed page: nothing of it stored, the account named, and a clean re-run is exact', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ malformedPageOnCall: 6 }); // past the account list, a balance and the first-day probe
    let r;
    try {
      r = await runCli(['--home', home, 'sync', '--json'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: '1' } }); // call 6 counted in today's order
    } finally {
      sandbox.resetFaults();
    }
    expect([65, 75]).toContain(r.code);
    expect(r.stderr).toMatch(/tran_amt|res_list/);
    const summary = JSON.parse(r.stdout);
    expect(summary.accounts.filter((a: { status: string }) => a.status === 'failed')).toHaveLength(1);
    // Nothing invented: every stored row is a generated one.
    const expected = expectedRows(sandbox);
    const keys = new Set(expected.map((x) => JSON.stringify(x)));
    for (const row of storedRows(home)) expect(keys.has(JSON.stringify(row))).toBe(true);
    const again = await runCli(['--home', home, 'sync'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(storedRows(home)).toEqual(expected);
  });

  it('an access token that expires mid-sync is refreshed by itself', async () => {
    const { home, env } = await freshLogin();
    sandbox.expireTokens();
    const r = await runCli(['--home', home, 'sync', '-v'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/refresh/);
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
    // The verbose log names requests but never a token.
    expect(r.stderr).toMatch(/GET \/v2\.0\/account\/transaction_list\/fin_num A0000/);
    expect(r.stderr).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('kill -9 at random points, then a re-run: integrity ok and data exact every time', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ latencyMs: 3 });
    try {
      for (const delay of [150, 400, 700, 1000, 250]) {
        const h = startCli(['--home', home, 'sync', '-q'], { env });
        await new Promise((res) => setTimeout(res, delay));
        h.child.kill('SIGKILL');
        await h.done;
        expect(integrity(home)).toBe('ok');
        const expected = new Set(expectedRows(sandbox).map((x) => JSON.stringify(x)));
        for (const row of storedRows(home)) expect(expected.has(JSON.stringify(row))).toBe(true);
      }
    } finally {
      sandbox.resetFaults();
    }
    const r = await runCli(['--home', home, 'sync'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(integrity(home)).toBe('ok');
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
  });

  it('Ctrl-C stops after the current month: exit 130, the run recorded as interrupted, a re-run completes it', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ latencyMs: 40 });
    try {
      sandbox.resetStats();
      const h = startCli(['--home', home, 'sync'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: '1' } });
      // Mid-run, not mid-start-up: a fixed 700 ms could fall before the CLI had loaded (and set its SIGINT handler) on a
      // loaded machine, and the signal then killed it outright. Its first transaction request proves it is running.
      const txPath = '/v2.0/account/transaction_list/fin_num';
      for (let waited = 0; (sandbox.stats().byPath[txPath] ?? 0) < 1 && waited < 20_000; waited += 20) await new Promise((res) => setTimeout(res, 20));
      h.child.kill('SIGINT');
      const r = await h.done;
      expect(r.code, r.stderr).toBe(130);
      expect(r.stderr).toMatch(/interrupted/);
    } finally {
      sandbox.resetFaults();
    }
    expect(integrity(home)).toBe('ok');
    const status = JSON.parse((await runCli(['--home', home, 'status', '--json'], { env })).stdout);
    expect(status.lastSync.status).toBe('interrupted');
    const again = await runCli(['--home', home, 'sync'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
  });

  it('two data directories with the same institution code sync at once without a bank_tran_id clash', async () => {
    const a = await freshLogin();
    const b = await freshLogin();
    const [ra, rb] = await Promise.all([runCli(['--home', a.home, 'sync'], { env: a.env }), runCli(['--home', b.home, 'sync'], { env: b.env })]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(storedRows(a.home)).toEqual(expectedRows(sandbox));
    expect(storedRows(b.home)).toEqual(expectedRows(sandbox));
  });

  it('two syncs at once: the second exits 75 at once; with --wait it queues', async () => {
    const { home, env } = await freshLogin();
    sandbox.setFaults({ latencyMs: 80 });
    try {
      const first = startCli(['--home', home, 'sync', '-q'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: '1' } }); // kept busy
      // Until the first one holds the lock (its pid file appears): a fixed delay loses that race on a loaded machine.
      for (let waited = 0; !existsSync(join(home, 'sync-lock.pid')) && waited < 20_000; waited += 50) await new Promise((res) => setTimeout(res, 50));
      const t0 = Date.now();
      const second = await runCli(['--home', home, 'sync'], { env });
      expect(second.code).toBe(75);
      // "At once": it did not wait for the first one (still running), and took no longer than a start-up on a loaded machine.
      expect(first.child.exitCode).toBeNull();
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(second.stderr).toMatch(/another finance sync is running/);
      const waiting = runCli(['--home', home, 'sync', '--wait', '--json'], { env });
      expect((await first.done).code).toBe(0);
      const w = await waiting;
      expect(w.code, w.stderr).toBe(0);
      expect(JSON.parse(w.stdout).inserted).toBe(0);
    } finally {
      sandbox.resetFaults();
    }
    expect(storedRows(home)).toEqual(expectedRows(sandbox));
  });
});
