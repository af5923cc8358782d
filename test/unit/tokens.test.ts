// When the token provider refreshes before a call (fewer than refreshBeforeDays of access left, never earlier than half
// the token's lifetime), when the consent ends, and what the state looks like.

import { describe, expect, it } from 'vitest';
import { consentExpiry, jwtExpiry, refreshDue } from '../../src/app/tokens.js';
import { newState } from '../../src/app/login.js';

const at = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;

describe('refreshDue', () => {
  it('a 90-day token is refreshed once fewer than 10 days remain (the default)', () => {
    const t = { issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-04-01T00:00:00.000Z' };
    expect(refreshDue(t, at('2026-03-22T00:00:00Z') - 1)).toBe(false);
    expect(refreshDue(t, at('2026-03-22T00:00:00Z'))).toBe(true);
    expect(refreshDue(t, at('2026-04-02T00:00:00Z'))).toBe(true);
  });
  it('refreshBeforeDays is honoured (3 days)', () => {
    const t = { issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-04-01T00:00:00.000Z' };
    expect(refreshDue(t, at('2026-03-28T00:00:00Z'), 3 * DAY)).toBe(false);
    expect(refreshDue(t, at('2026-03-29T00:00:00Z'), 3 * DAY)).toBe(true);
  });
  it('a one-minute token is not refreshed before half its lifetime', () => {
    const t = { issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:01:00.000Z' };
    expect(refreshDue(t, at('2026-01-01T00:00:29Z'))).toBe(false);
    expect(refreshDue(t, at('2026-01-01T00:00:30Z'))).toBe(true);
  });
});

describe('consentExpiry', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  it("is the refresh token's own exp when it is a JWT", () => {
    const refresh = `${b64({ alg: 'HS256' })}.${b64({ exp: 1624005125 })}.sig`;
    expect(jwtExpiry(refresh)).toBe(1624005125_000);
    expect(consentExpiry({ expiresAt: '2021-06-08T08:32:05.000Z', refreshToken: refresh })).toBe(1624005125_000);
  });
  it('is the access expiry + 10 days for an opaque refresh token, and the access expiry without one', () => {
    expect(consentExpiry({ expiresAt: '2026-04-01T00:00:00.000Z', refreshToken: 'opaque-refresh-token' })).toBe(at('2026-04-11T00:00:00Z'));
    expect(consentExpiry({ expiresAt: '2026-04-01T00:00:00.000Z', refreshToken: null })).toBe(at('2026-04-01T00:00:00Z'));
  });
});

describe('newState', () => {
  it('is 32 characters of [A-Za-z0-9] (≥190 bits), different every time, and uniform over the alphabet', () => {
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    const N = 4000;
    for (let i = 0; i < N; i++) {
      const s = newState();
      expect(s).toMatch(/^[A-Za-z0-9]{32}$/);
      seen.add(s);
      for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(seen.size).toBe(N);
    expect(counts.size).toBe(62);
    expect(32 * Math.log2(62)).toBeGreaterThanOrEqual(190);
    // Chi-square over 62 symbols (61 degrees of freedom): a modulo bias (256 % 62 = 8 favoured symbols, ~+25 %)
    // gives about 1 000 at this sample size; a uniform draw stays far below 120 (p ≈ 1e-5).
    const expected = (N * 32) / 62;
    const chi = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(120);
  });
});
