// The data directory's permission sweep against another finance closing the database at the same moment: SQLite
// deletes -wal and -shm when the last connection closes, between our readdir and lstat (seen on CI as
// "internal error: ENOENT … lstat finance.db-shm" from a report started while another command was finishing).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ensureHome, privateFile } from '../../src/home.js';
import { openDatabase } from '../../src/store/db.js';

describe('data directory sweep', () => {
  it('survives the database files vanishing while it looks at them', async () => {
    const home = mkdtempSync(join(tmpdir(), 'finance-home-race-'));
    const db = join(home, 'finance.db');
    openDatabase(db).close();
    // A worker opens and closes the database in a loop: every close deletes -wal and -shm.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.sqlite);
       let stop = false, cycles = 0;
       parentPort.on('message', () => { stop = true; });
       const loop = () => {
         for (let i = 0; i < 20; i++) { const d = new Database(workerData.db); d.pragma('journal_mode = WAL'); d.prepare('SELECT 1').get(); d.close(); cycles++; }
         if (stop) parentPort.postMessage(cycles); else setImmediate(loop);
       };
       loop();`,
      { eval: true, workerData: { db, sqlite: require.resolve('better-sqlite3') } },
    );
    let errors = 0;
    let first: unknown;
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      try {
        ensureHome(home);
        for (const suffix of ['', '-wal', '-shm']) privateFile(db + suffix);
      } catch (e) {
        errors++;
        first ??= e;
      }
      await new Promise((r) => setImmediate(r));
    }
    const cycles = await new Promise<number>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('stop');
    });
    await worker.terminate();
    expect(cycles).toBeGreaterThan(50); // the race was really run
    expect(errors, String(first)).toBe(0);
  });
});
