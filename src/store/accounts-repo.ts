// Accounts as the API lists them, their balance snapshots over time, and per-account sync state.

import { cleanOutside } from '../sanitize.js';
import type { Db } from './db.js';

export interface AccountInfo {
  id: string;
  bankCode: string;
  bankName: string;
  savingsBankName: string;
  accountNumMasked: string;
  alias: string;
  holderName: string;
  accountType: string;
  inquiryAgree: boolean;
  state: string;
}

export interface AccountRow extends AccountInfo {
  listed: boolean;
  balance: number | null;
  available: number | null;
  balanceAt: string | null;
  syncedThrough: string | null;
  lastSyncAt: string | null;
  lastSyncStatus: 'ok' | 'failed' | null;
  lastSyncError: string | null;
  transactions: number;
  newestDate: string | null;
}

export interface AccountRef {
  id: string;
  bankName: string;
  accountNumMasked: string;
  alias: string;
}

export class AccountsRepo {
  constructor(private readonly db: Db) {}

  /** Upserts the listed accounts and marks the others as no longer listed (their history stays). */
  replaceListed(accounts: readonly AccountInfo[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO accounts (id, bank_code, bank_name, savings_bank_name, account_num_masked, alias, holder_name,
                             account_type, inquiry_agree, state, listed)
       VALUES (@id, @bankCode, @bankName, @savingsBankName, @accountNumMasked, @alias, @holderName, @accountType,
               @inquiryAgree, @state, 1)
       ON CONFLICT(id) DO UPDATE SET bank_code = excluded.bank_code, bank_name = excluded.bank_name,
         savings_bank_name = excluded.savings_bank_name, account_num_masked = excluded.account_num_masked,
         alias = excluded.alias, holder_name = excluded.holder_name, account_type = excluded.account_type,
         inquiry_agree = excluded.inquiry_agree, state = excluded.state, listed = 1`,
    );
    this.db.transaction(() => {
      this.db.prepare('UPDATE accounts SET listed = 0').run();
      for (const a of accounts) upsert.run({ ...a, inquiryAgree: a.inquiryAgree ? 1 : 0 });
    }).immediate();
  }

  list(): AccountRow[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.bank_code AS bankCode, a.bank_name AS bankName, a.savings_bank_name AS savingsBankName,
                a.account_num_masked AS accountNumMasked, a.alias, a.holder_name AS holderName,
                a.account_type AS accountType, a.inquiry_agree AS inquiryAgree, a.state, a.listed,
                a.balance, a.available, a.balance_at AS balanceAt, a.synced_through AS syncedThrough,
                a.last_sync_at AS lastSyncAt, a.last_sync_status AS lastSyncStatus, a.last_sync_error AS lastSyncError,
                (SELECT count(*) FROM transactions t WHERE t.account = a.id) AS transactions,
                (SELECT max(date) FROM transactions t WHERE t.account = a.id) AS newestDate
           FROM accounts a ORDER BY a.created_at, a.rowid`,
      )
      .all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({ ...r, inquiryAgree: r.inquiryAgree === 1, listed: r.listed === 1 }) as AccountRow);
  }

  /** What `--account` may name an account by: its id, bank name, masked number and alias (src/app/account-ref.ts). */
  refs(): AccountRef[] {
    return this.db
      .prepare('SELECT id, bank_name AS bankName, account_num_masked AS accountNumMasked, alias FROM accounts ORDER BY created_at, rowid')
      .all() as AccountRef[];
  }

  saveBalance(id: string, balance: number, available: number | null, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO balances (account, balance, available, fetched_at) VALUES (?, ?, ?, ?)').run(id, balance, available, at);
      this.db.prepare('UPDATE accounts SET balance = ?, available = ?, balance_at = ? WHERE id = ?').run(balance, available, at, id);
    }).immediate();
  }

  markSync(id: string, status: 'ok' | 'failed', error: string | null, at: string): void {
    this.db
      .prepare('UPDATE accounts SET last_sync_at = ?, last_sync_status = ?, last_sync_error = ? WHERE id = ?')
      .run(at, status, error === null ? null : cleanOutside(error), id); // server text: secrets redacted, controls escaped
  }
}
