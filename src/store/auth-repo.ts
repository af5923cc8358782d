// The logged-in user and their tokens (one row each). Tokens are replaced as a whole, in one transaction.

import type { Db } from './db.js';

export interface StoredTokens {
  userSeqNo: string;
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  scope: string;
  /** ISO timestamp (UTC) */
  expiresAt: string;
  issuedAt: string;
}

export interface StoredUser {
  userSeqNo: string;
  userName: string;
  updatedAt: string;
}

export class AuthRepo {
  constructor(private readonly db: Db) {}

  readTokens(): StoredTokens | undefined {
    const row = this.db
      .prepare(
        `SELECT user_seq_no AS userSeqNo, access_token AS accessToken, refresh_token AS refreshToken,
                token_type AS tokenType, scope, expires_at AS expiresAt, issued_at AS issuedAt
           FROM tokens WHERE id = 1`,
      )
      .get() as StoredTokens | undefined;
    return row;
  }

  /** Replaces the token pair; a refresh that returned no new refresh token keeps the old one. */
  saveTokens(t: Omit<StoredTokens, 'issuedAt'> & { issuedAt: string }): void {
    this.db
      .prepare(
        `INSERT INTO tokens (id, user_seq_no, access_token, refresh_token, token_type, scope, expires_at, issued_at)
         VALUES (1, @userSeqNo, @accessToken, @refreshToken, @tokenType, @scope, @expiresAt, @issuedAt)
         ON CONFLICT(id) DO UPDATE SET user_seq_no = excluded.user_seq_no, access_token = excluded.access_token,
           refresh_token = coalesce(excluded.refresh_token, tokens.refresh_token), token_type = excluded.token_type,
           scope = excluded.scope, expires_at = excluded.expires_at, issued_at = excluded.issued_at`,
      )
      .run(t);
  }

  clearTokens(): boolean {
    return this.db.prepare('DELETE FROM tokens').run().changes > 0;
  }

  readUser(): StoredUser | undefined {
    return this.db
      .prepare('SELECT user_seq_no AS userSeqNo, user_name AS userName, updated_at AS updatedAt FROM users WHERE id = 1')
      .get() as StoredUser | undefined;
  }

  saveUser(userSeqNo: string, userName: string): void {
    this.db
      .prepare(
        `INSERT INTO users (id, user_seq_no, user_name) VALUES (1, ?, ?)
         ON CONFLICT(id) DO UPDATE SET user_seq_no = excluded.user_seq_no, user_name = excluded.user_name,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      )
      .run(userSeqNo, userName);
  }
}
