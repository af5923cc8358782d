// The sync lock under contention: many processes (not promises in one process) race for a lock whose previous holder
// was killed with SIGKILL; exactly one may win each time, and it learns that it took over from an abandoned run.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCK_MODULE = resolve(__dirname, '../../dist/app/lock.js');
const CONTENDERS = 6;
const TRIALS = 20;

// A contender: imports the lock module, says READY, and on every "go" line tries once without waiting and reports;
// once it has won it keeps the lock (and answers nothing more) until it is killed. Losers stay for the next trial, so
// each trial spawns only the one process that replaces the killed winner.
const CHILD = `
const { acquireSyncLock } = await import(process.argv[1]);
const home = process.argv[2];
process.stdout.write('READY\\n');
process.stdin.setEncoding('utf8');
let won = false;
process.stdin.on('data', async (chunk) => {
  for (const _ of chunk.split('\\n').filter(Boolean)) {
    if (won) continue;
    try {
      const lock = await acquireSyncLock(home, { wait: false });
      won = true;
      process.stdout.write('WON ' + String(lock.takenOver) + '\\n');
    } catch (e) {
      process.stdout.write('BUSY\\n');
    }
  }
});
process.stdin.on('end', () => process.exit(0));
`;

interface Contender {
  child: ChildProcess;
  out: () => string;
  exited: Promise<void>;
}

function contender(home: string): Contender {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, LOCK_MODULE, home], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { child, out: () => out, exited };
}

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sync lock', () => {
  it(`${CONTENDERS} processes × ${TRIALS} trials after a SIGKILLed holder: exactly one wins, and it knows it took over`, async () => {
    const home = mkdtempSync(join(tmpdir(), 'finance-lock-'));
    // The first abandoned holder.
    let holder = contender(home);
    await until(() => holder.out().includes('READY'), 'the first holder');
    holder.child.stdin!.write('go\n');
    await until(() => holder.out().includes('WON'), 'the first holder to win');

    const winners: number[] = [];
    const takeovers: string[] = [];
    const answers = (c: Contender) => (c.out().match(/WON|BUSY/g) ?? []).length;
    let pool: Contender[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      holder.child.kill('SIGKILL');
      await holder.exited;
      while (pool.length < CONTENDERS) pool.push(contender(home));
      await until(() => pool.every((c) => c.out().includes('READY')), 'every contender to load');
      const before = pool.map(answers);
      for (const c of pool) c.child.stdin!.write('go\n');
      await until(() => pool.every((c, i) => answers(c) > before[i]!), 'every contender to answer');
      const won = pool.filter((c) => /WON \S+\n$/.test(c.out()));
      winners.push(won.length);
      takeovers.push(...won.map((c) => /WON (\S+)\n$/.exec(c.out())![1]!));
      // Several winners (a broken lock): kill all but one, keep going to count the trials that broke.
      for (const extra of won.slice(1)) {
        extra.child.kill('SIGKILL');
        await extra.exited;
      }
      pool = pool.filter((c) => !won.includes(c));
      if (won[0]) holder = won[0];
      else {
        holder = contender(home);
        await until(() => holder.out().includes('READY'), 'a holder');
        holder.child.stdin!.write('go\n');
        await until(() => holder.out().includes('WON'), 'a holder to win');
      }
    }
    for (const c of pool) c.child.stdin!.end();
    await Promise.all(pool.map((c) => c.exited));
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(winners).toEqual(Array(TRIALS).fill(1));
    expect(takeovers).toEqual(Array(TRIALS).fill('true'));
  }, 240_000);

  it('a released lock is not a takeover, and a held one is refused with 75-style TemporaryError', async () => {
    const { acquireSyncLock } = (await import(LOCK_MODULE)) as typeof import('../../src/app/lock.js');
    const home = mkdtempSync(join(tmpdir(), 'finance-lock-'));
    const first = await acquireSyncLock(home, { wait: false });
    expect(first.takenOver).toBe(false);
    first.release();
    const again = await acquireSyncLock(home, { wait: false });
    expect(again.takenOver).toBe(false);
    const other = contender(home);
    await until(() => other.out().includes('READY'), 'a contender');
    other.child.stdin!.write('go\n');
    await until(() => other.out().includes('BUSY'), 'the contender to be refused');
    other.child.stdin!.end();
    await other.exited;
    again.release();
  });
});

describe('a sync killed mid-run', () => {
  it('leaves a sync_runs row that the next sync closes as interrupted when it takes the lock over', async () => {
    const { startHostileServer, hostileHome } = await import('../helpers/hostile-server.js');
    const { startCli, runCli } = await import('../helpers/cli.js');
    const Database = (await import('better-sqlite3')).default;
    const srv = await startHostileServer();
    try {
      const h = await hostileHome(srv);
      srv.script('transaction_list', { delayMs: 20_000 });
      const first = startCli(['--home', h.home, 'sync', '--from', '2026-11-01'], { env: h.env });
      await until(() => srv.seen('transaction_list').length > 0, 'the first sync to reach transaction_list');
      first.child.kill('SIGKILL');
      await first.done;
      const second = await runCli(['--home', h.home, 'sync', '--from', '2026-11-01'], { env: h.env });
      expect(second.code, second.stderr).toBe(0);
      const db = new Database(join(h.home, 'finance.db'), { readonly: true });
      const runs = db.prepare('SELECT status FROM sync_runs ORDER BY id').all();
      db.close();
      expect(runs).toEqual([{ status: 'interrupted' }, { status: 'ok' }]);
    } finally {
      await srv.close();
    }
  });
});
