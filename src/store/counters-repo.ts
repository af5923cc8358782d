// Per-day bank_tran_id counters. One UPSERT statement allocates a number atomically across processes.

import type { Db } from './db.js';

export class CountersRepo {
  private readonly stmt;
  constructor(db: Db) {
    // The floor (time of day in tenths of a millisecond-ish units) keeps numbers unique even when the same
    // institution code is used from a second data directory, or after the database was deleted, on the same day.
    this.stmt = db.prepare(
      `INSERT INTO tran_id_counters (day, value) VALUES (?, ?)
       ON CONFLICT(day) DO UPDATE SET value = max(value + 1, excluded.value)
       RETURNING value`,
    );
  }

  /** Next number for `day` (YYYYMMDD), at least `floor`. */
  next(day: string, floor: number): number {
    return (this.stmt.get(day, Math.max(1, floor)) as { value: number }).value;
  }
}
