// The token provider every API command uses: hands out the stored access token, refreshes it when fewer than
// refreshBeforeDays of it remain (and once after the bank rejects it), stores the new pair atomically; a refresh that
// cannot reach the server is "try again later" (75, login kept), one the server refuses or an expired refresh token
// is "give consent again" (77).

import { AuthError, FinanceError, TemporaryError } from '../errors.js';
import type { OpenBankingClient } from '../openbanking/client.js';
import type { TokenSet } from '../openbanking/types.js';
import { registerSecret } from '../redact.js';
import type { Store } from '../store/index.js';
import type { StoredTokens } from '../store/auth-repo.js';

const DAY_MS = 86_400_000;
/** Default of the refreshBeforeDays config key. */
export const REFRESH_BEFORE_DAYS = 10;
/**
 * How long the refresh token outlives the access token when its own expiry cannot be read: one real pair shows
 * refresh exp = access exp + 864 000 s (../shared/openbanking-api.md §3.6).
 */
export const REFRESH_GRACE_MS = 10 * DAY_MS;

/**
 * Refresh once fewer than `refreshBeforeMs` of the access token remain (default 10 days, so a daily cron keeps a
 * 90-day login alive well inside the refresh token's extra 10 days) — but never earlier than half the token's
 * lifetime, so a server handing out short-lived tokens is not asked for a new one on every call.
 */
export function refreshDue(t: Pick<StoredTokens, 'expiresAt' | 'issuedAt'>, now: number, refreshBeforeMs: number = REFRESH_BEFORE_DAYS * DAY_MS): boolean {
  const expires = Date.parse(t.expiresAt);
  const lifetime = expires - Date.parse(t.issuedAt);
  const early = Math.min(refreshBeforeMs, Number.isFinite(lifetime) && lifetime > 0 ? lifetime / 2 : refreshBeforeMs);
  return !(now < expires - early);
}

/** The `exp` of a JWT-shaped token (KFTC's tokens are HS256 JWTs, §2), or undefined for an opaque one. */
export function jwtExpiry(token: string): number | undefined {
  const part = token.split('.')[1];
  if (!part || token.split('.').length !== 3) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the login needs a new consent: the refresh token's own expiry when it says, else the access token's expiry plus
 * the observed 10 days. Null without a refresh token (then the access token's expiry is the end).
 */
export function consentExpiry(t: Pick<StoredTokens, 'expiresAt' | 'refreshToken'>): number {
  const access = Date.parse(t.expiresAt);
  if (!t.refreshToken) return access;
  return jwtExpiry(t.refreshToken) ?? access + REFRESH_GRACE_MS;
}

const RECONSENT_HINT = "run 'finance login' to give consent again";

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
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
  /** An early refresh failed in this run: not asked again on every call while the current token still works. */
  private earlyRefreshFailed = false;

  constructor(
    private readonly store: Store,
    private readonly client: OpenBankingClient,
    private readonly now: () => Date,
    private readonly defaultScope: string,
    private readonly log: (line: string) => void = () => {},
    private readonly refreshBeforeMs: number = REFRESH_BEFORE_DAYS * DAY_MS,
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
    const now = this.now().getTime();
    if (!refreshDue(this.current, now, this.refreshBeforeMs)) return this.current.accessToken;
    const stillValid = now < Date.parse(this.current.expiresAt);
    this.log(stillValid ? 'access token expires within refreshBeforeDays: refreshing early' : 'access token expired: refreshing');
    if (!stillValid) return this.refresh();
    if (this.earlyRefreshFailed) return this.current.accessToken;
    // An early refresh that fails costs nothing yet: the current token still works, so keep using it and try
    // again on the next run.
    try {
      return await this.refresh();
    } catch (e) {
      if (!(e instanceof FinanceError)) throw e;
      this.earlyRefreshFailed = true;
      this.log(`early refresh failed (${e.message}); the current access token is still valid until ${this.current.expiresAt}`);
      return this.current.accessToken;
    }
  }

  async refreshAfterRejection(): Promise<string> {
    this.log('the API rejected the access token: refreshing once');
    return this.refresh();
  }

  private async refresh(): Promise<string> {
    const refreshToken = this.current.refreshToken;
    if (!refreshToken) throw new AuthError('the access token expired and there is no refresh token', "run 'finance login'");
    const consentEnds = consentExpiry(this.current);
    if (this.now().getTime() >= consentEnds) {
      throw new AuthError(`the login expired on ${isoDay(consentEnds)} (the refresh token is no longer valid)`, RECONSENT_HINT);
    }
    let set: TokenSet;
    try {
      set = await this.client.refreshToken(refreshToken, this.current.scope || this.defaultScope);
    } catch (e) {
      if (e instanceof AuthError || !(e instanceof FinanceError)) {
        const why = e instanceof FinanceError ? e.message : 'refresh failed';
        throw new AuthError(`the access token expired and could not be refreshed (${why})`, RECONSENT_HINT);
      }
      // Network, 5xx, 429, a garbled answer: nothing is known about the login, so it is kept as it is (75).
      throw new TemporaryError(`could not refresh the access token (${e.message})`, 'the saved login is kept — try again later', { cause: e });
    }
    registerSecret(set.accessToken);
    registerSecret(set.refreshToken);
    const next = tokensFromSet(set, this.now(), this.current.userSeqNo);
    this.store.auth.saveTokens(next);
    this.current = this.store.auth.readTokens()!;
    return this.current.accessToken;
  }
}
