// One sync per data directory: an exclusive lock file holding the owner's pid. A lock whose process is gone is stale
// and is taken over; a live one makes a second sync exit 75 at once, or wait with --wait.

import { closeSync, openSync, readFileSync, unlinkSync, writeSync, constants } from 'node:fs';
import { join } from 'node:path';
import { TemporaryError } from '../errors.js';
import { FILE_MODE } from '../home.js';

export interface Lock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryAcquire(path: string): { lock: Lock } | { holder: number } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, FILE_MODE);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { lock: { release } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(readFileSync(path, 'utf8').trim());
      } catch {
        continue; // vanished between open and read: try again
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid) && pid !== process.pid) return { holder: pid };
      try {
        unlinkSync(path); // stale: its process is gone
      } catch {
        // someone else removed it first
      }
    }
  }
  return { holder: -1 };
}

export async function acquireSyncLock(home: string, opts: { wait: boolean; signal?: AbortSignal }): Promise<Lock> {
  const path = join(home, 'sync.lock');
  for (;;) {
    const r = tryAcquire(path);
    if ('lock' in r) return r.lock;
    if (!opts.wait) {
      throw new TemporaryError(
        `another finance sync is running${r.holder > 0 ? ` (pid ${r.holder})` : ''}`,
        'let it finish, or run with --wait to queue behind it',
      );
    }
    if (opts.signal?.aborted) throw opts.signal.reason as Error;
    await new Promise((res) => setTimeout(res, 200));
  }
}
