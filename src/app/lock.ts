// One sync per data directory. The lock is an SQLite file (sync-lock.db) held with an exclusive file lock for the
// whole run: the operating system grants it to exactly one process and drops it the moment that process dies, so
// there is no stale lock to take over and no window in which two contenders can both believe they won (the old
// pid file was deleted and recreated by every contender that judged it stale). The holder's pid file stays behind
// when a run is killed, which is how the next run learns it took over from an abandoned one.

import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemporaryError } from '../errors.js';
import { FILE_MODE, privateFile } from '../home.js';

export interface Lock {
  /** true when the previous holder died without releasing (its sync_runs row is abandoned) */
  readonly takenOver: boolean;
  release(): void;
}

export const LOCK_FILE = 'sync-lock.db';
/**
 * The holder's pid. Only the process holding the lock writes or removes it, so no race: when it is still there as a
 * new holder starts, the previous one died without releasing (a takeover). Also names the holder in the message.
 */
const PID_FILE = 'sync-lock.pid';
/** SQLite's busy wait in one attempt: lets the contender about to win get past the others' brief shared locks. */
const BUSY_WAIT_MS = 100;
/** How long contenders keep trying while no live holder is known (a killed holder, or everyone arriving at once). */
const CONTENTION_MS = 1500;

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** One attempt: the lock, or null when another process holds it. */
export function tryAcquireSyncLock(home: string): Lock | null {
  const path = join(home, LOCK_FILE);
  const db = new Database(path, { timeout: BUSY_WAIT_MS });
  try {
    // BEGIN EXCLUSIVE takes the file's exclusive lock at once; nothing is ever written, so there is no journal to
    // recover after a kill, and the open transaction keeps the lock until release() or the process's death.
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if (isBusy(e)) return null;
    throw e;
  }
  privateFile(path);
  const pidFile = join(home, PID_FILE);
  const takenOver = existsSync(pidFile);
  writeFileSync(pidFile, `${process.pid}\n`, { mode: FILE_MODE });
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    rmSync(pidFile, { force: true });
    db.close(); // ends the transaction and drops the lock
  };
  process.once('exit', release);
  return { takenOver, release };
}

function holderPid(home: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(home, PID_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The lock, or TemporaryError (75) when a live sync holds it; waits for it with `wait`. Contenders that arrive
 * together (or just after a holder was killed) can all hear "busy" from one attempt, so while no live holder is known
 * they try again for a moment; a live holder named in the pid file means "busy" at once. The pid only decides how
 * long to keep trying, never who holds the lock.
 */
export async function acquireSyncLock(home: string, opts: { wait: boolean; signal?: AbortSignal }): Promise<Lock> {
  const started = Date.now();
  for (;;) {
    const lock = tryAcquireSyncLock(home);
    if (lock) return lock;
    const pid = holderPid(home);
    const held = pid !== undefined && pid !== process.pid && alive(pid);
    if (!opts.wait && (held || Date.now() - started > CONTENTION_MS)) {
      throw new TemporaryError(
        `another finance sync is running${held ? ` (pid ${pid})` : ''}`,
        'let it finish, or run with --wait to queue behind it',
      );
    }
    if (opts.signal?.aborted) throw opts.signal.reason as Error;
    await new Promise((res) => setTimeout(res, held ? 200 : 10 + Math.random() * 40));
  }
}
