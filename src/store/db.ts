// Opens the SQLite database: pragmas, migrations in one transaction each, and 0600 files (db, -wal, -shm).

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { privateFile } from '../home.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const DB_FILE = 'finance.db';

export function dbPath(home: string): string {
  return join(home, DB_FILE);
}

/** Opens (creating if needed) and migrates the database in `home`. */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, timeout: 5000 });
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new DataError(
      `cannot open the database ${path}: ${(e as Error).message}`,
      'if the file is damaged, restore it from a backup or move it away and run a sync again',
    );
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  if (!options.readonly) migrate(db);
  for (const suffix of ['', '-wal', '-shm']) privateFile(path + suffix);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every step after the recorded one; each step and its version bump commit together. */
export function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new DataError(
      `the database is at schema ${current}, newer than this finance (${MIGRATIONS.length})`,
      'upgrade finance',
    );
  }
  for (let step = current; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]!);
      db.pragma(`user_version = ${step + 1}`);
    }).immediate();
  }
}
