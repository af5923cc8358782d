// The log of sync runs: one row per run, opened when it starts and closed with its result.

import { cleanOutside } from '../sanitize.js';
import type { Db } from './db.js';

export type SyncStatus = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';

export interface SyncRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: SyncStatus;
  accounts: number;
  fetched: number;
  inserted: number;
  error: string | null;
}

export class SyncRepo {
  constructor(private readonly db: Db) {}

  start(at: string): number {
    return Number(this.db.prepare("INSERT INTO sync_runs (started_at, status) VALUES (?, 'running')").run(at).lastInsertRowid);
  }

  finish(id: number, r: { at: string; status: Exclude<SyncStatus, 'running'>; accounts: number; fetched: number; inserted: number; error: string | null }): void {
    this.db
      .prepare('UPDATE sync_runs SET finished_at = ?, status = ?, accounts = ?, fetched = ?, inserted = ?, error = ? WHERE id = ?')
      .run(r.at, r.status, r.accounts, r.fetched, r.inserted, r.error === null ? null : cleanOutside(r.error), id); // the error text may carry server text
  }

  /** Runs left 'running' by a killed process are closed as interrupted (only called while holding the sync lock). */
  closeAbandoned(at: string): void {
    this.db.prepare("UPDATE sync_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'").run(at);
  }

  last(): SyncRun | undefined {
    return this.db
      .prepare(
        `SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, accounts, fetched, inserted, error
           FROM sync_runs ORDER BY id DESC LIMIT 1`,
      )
      .get() as SyncRun | undefined;
  }
}
