// Per-day bank_tran_id counters. Numbers are reserved from the database in small blocks by one atomic UPSERT, so two
// processes never get the same number, and a long sync does not pay a write per request.

import type { Db } from './db.js';

/** Numbers reserved per database write; unused ones are simply skipped (ids need to be unique, not dense). */
const BLOCK = 64;

export class CountersRepo {
  private readonly stmt;
  private day = '';
  private nextValue = 0;
  private end = -1;

  constructor(db: Db) {
    this.stmt = db.prepare(
      `INSERT INTO tran_id_counters (day, value) VALUES (?, ?)
       ON CONFLICT(day) DO UPDATE SET value = value + ${BLOCK}
       RETURNING value`,
    );
  }

  /**
   * Next number for `day` (YYYYMMDD). A day's counter starts at `start` (the caller picks it at random), so a second
   * data directory using the same institution code, or a database deleted and made again, on the same day, is very
   * unlikely to meet numbers already used; within one database the numbers only go up.
   */
  next(day: string, start: number): number {
    if (day !== this.day || this.nextValue > this.end) {
      const end = (this.stmt.get(day, Math.max(1, start) + BLOCK - 1) as { value: number }).value;
      this.day = day;
      this.end = end;
      this.nextValue = end - BLOCK + 1;
    }
    return this.nextValue++;
  }
}
