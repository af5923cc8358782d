// Issued OAuth artefacts of the sandbox: JWT-shaped access/refresh tokens (HS256 over a seed-derived key, opaque to
// clients), single-use authorization codes and pending consent requests, all drawn from a seeded stream.

import { createHmac } from 'node:crypto';
import type { Rng } from './prng.js';

export interface TokenRecord {
  kind: 'access' | 'refresh';
  /** user_seq_no (3-legged) or client_use_code (2-legged) */
  aud: string;
  scopes: string[];
  twoLegged: boolean;
  /** epoch ms */
  exp: number;
  revoked: boolean;
}

export interface CodeRecord {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  userSeqNo: string;
  exp: number;
  used: boolean;
}

export interface PendingConsent {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  clientInfo: string | undefined;
}

const ISS = 'https://www.openbanking.or.kr';
const CODE_TTL_MS = 10 * 60_000;
/** Refresh tokens outlive their access token by ten days, as one real pair showed. */
const REFRESH_EXTRA_MS = 864_000_000;
const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly pending = new Map<string, PendingConsent>();

  constructor(private readonly rng: Rng, private readonly key: string, private readonly ttlSeconds: number) {}

  private jwt(aud: string, scopes: string[], expMs: number): string {
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
    const payload = b64url(JSON.stringify({ aud, scope: scopes, iss: ISS, exp: Math.floor(expMs / 1000),
      jti: this.rng.uuid() }));
    const sig = createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${sig}`;
  }

  issueUserTokens(userSeqNo: string, scopes: string[], nowMs: number): { access: string; refresh: string } {
    const exp = nowMs + this.ttlSeconds * 1000;
    const access = this.jwt(userSeqNo, scopes, exp);
    const refresh = this.jwt(userSeqNo, scopes, exp + REFRESH_EXTRA_MS);
    this.tokens.set(access, { kind: 'access', aud: userSeqNo, scopes, twoLegged: false, exp, revoked: false });
    this.tokens.set(refresh, { kind: 'refresh', aud: userSeqNo, scopes, twoLegged: false, exp: exp + REFRESH_EXTRA_MS,
      revoked: false });
    return { access, refresh };
  }

  issueClientToken(clientUseCode: string, nowMs: number): string {
    const exp = nowMs + this.ttlSeconds * 1000;
    const access = this.jwt(clientUseCode, ['oob'], exp);
    this.tokens.set(access, { kind: 'access', aud: clientUseCode, scopes: ['oob'], twoLegged: true, exp,
      revoked: false });
    return access;
  }

  get(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  /** Every access token issued so far stops working; refresh tokens still do, so clients can recover. */
  expireAccessTokens(): void {
    for (const t of this.tokens.values()) if (t.kind === 'access') t.exp = Math.min(t.exp, 0);
  }

  newCode(record: Omit<CodeRecord, 'exp' | 'used'>, nowMs: number): string {
    const code = this.rng.hex(32);
    this.codes.set(code, { ...record, exp: nowMs + CODE_TTL_MS, used: false });
    return code;
  }

  /** The code's record if it exists, is unused and unexpired; it is burned either way (codes are single-use). */
  redeemCode(code: string, nowMs: number): CodeRecord | undefined {
    const rec = this.codes.get(code);
    if (!rec) return undefined;
    const ok = !rec.used && nowMs <= rec.exp;
    rec.used = true;
    return ok ? rec : undefined;
  }

  addPending(p: PendingConsent): string {
    const id = this.rng.hex(24);
    this.pending.set(id, p);
    return id;
  }

  takePending(id: string): PendingConsent | undefined {
    const p = this.pending.get(id);
    this.pending.delete(id);
    return p;
  }
}
