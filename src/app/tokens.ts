// The token provider every API command uses: hands out the stored access token, refreshes it before it expires (and
// once after the bank rejects it), stores the new pair atomically, and says "run 'finance login'" when that fails.

import { AuthError, FinanceError } from '../errors.js';
import type { OpenBankingClient } from '../openbanking/client.js';
import type { TokenSet } from '../openbanking/types.js';
import { registerSecret } from '../redact.js';
import type { Store } from '../store/index.js';
import type { StoredTokens } from '../store/auth-repo.js';

/**
 * Refresh this long before the recorded expiry, so a long sync does not cross it — but never more than a tenth of
 * the token's lifetime early, so a server handing out short-lived tokens is not asked for a new one on every call.
 */
const EARLY_REFRESH_MS = 5 * 60 * 1000;

export function refreshDue(t: Pick<StoredTokens, 'expiresAt' | 'issuedAt'>, now: number): boolean {
  const expires = Date.parse(t.expiresAt);
  const lifetime = expires - Date.parse(t.issuedAt);
  const early = Math.min(EARLY_REFRESH_MS, Number.isFinite(lifetime) && lifetime > 0 ? lifetime / 10 : EARLY_REFRESH_MS);
  return !(now < expires - early);
}

export function tokensFromSet(set: TokenSet, now: Date, fallbackUserSeqNo: string | null): Omit<StoredTokens, 'issuedAt'> & { issuedAt: string } {
  const userSeqNo = set.userSeqNo ?? fallbackUserSeqNo;
  if (!userSeqNo) throw new AuthError('the token answer carried no user_seq_no', "run 'finance login' again");
  return {
    userSeqNo,
    accessToken: set.accessToken,
    refreshToken: set.refreshToken,
    tokenType: set.tokenType || 'Bearer',
    scope: set.scope,
    expiresAt: new Date(now.getTime() + set.expiresIn * 1000).toISOString(),
    issuedAt: now.toISOString(),
  };
}

export class TokenProvider {
  private current: StoredTokens;

  constructor(
    private readonly store: Store,
    private readonly client: OpenBankingClient,
    private readonly now: () => Date,
    private readonly defaultScope: string,
    private readonly log: (line: string) => void = () => {},
  ) {
    const t = store.auth.readTokens();
    if (!t) throw new AuthError('not logged in', "run 'finance login' first (or 'finance demo' to try the sandbox)");
    this.current = t;
    registerSecret(t.accessToken);
    registerSecret(t.refreshToken);
  }

  get userSeqNo(): string {
    return this.current.userSeqNo;
  }

  async accessToken(): Promise<string> {
    if (refreshDue(this.current, this.now().getTime())) {
      this.log('access token expired or about to: refreshing');
      return this.refresh();
    }
    return this.current.accessToken;
  }

  async refreshAfterRejection(): Promise<string> {
    this.log('the API rejected the access token: refreshing once');
    return this.refresh();
  }

  private async refresh(): Promise<string> {
    const refreshToken = this.current.refreshToken;
    if (!refreshToken) throw new AuthError('the access token expired and there is no refresh token', "run 'finance login'");
    let set: TokenSet;
    try {
      set = await this.client.refreshToken(refreshToken, this.current.scope || this.defaultScope);
    } catch (e) {
      const why = e instanceof FinanceError ? e.message : 'refresh failed';
      throw new AuthError(`the access token expired and could not be refreshed (${why})`, "run 'finance login'");
    }
    registerSecret(set.accessToken);
    registerSecret(set.refreshToken);
    const next = tokensFromSet(set, this.now(), this.current.userSeqNo);
    this.store.auth.saveTokens(next);
    this.current = this.store.auth.readTokens()!;
    return this.current.accessToken;
  }
}
