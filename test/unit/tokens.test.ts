// When the token provider refreshes before a call: shortly before expiry, but never early enough to refresh a
// short-lived token on every call.

import { describe, expect, it } from 'vitest';
import { refreshDue } from '../../src/app/tokens.js';

const at = (iso: string) => Date.parse(iso);

describe('refreshDue', () => {
  it('a 90-day token is refreshed in its last five minutes', () => {
    const t = { issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-04-01T00:00:00.000Z' };
    expect(refreshDue(t, at('2026-03-31T23:54:00Z'))).toBe(false);
    expect(refreshDue(t, at('2026-03-31T23:55:00Z'))).toBe(true);
    expect(refreshDue(t, at('2026-04-02T00:00:00Z'))).toBe(true);
  });
  it('a one-minute token is refreshed only in its last six seconds', () => {
    const t = { issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:01:00.000Z' };
    expect(refreshDue(t, at('2026-01-01T00:00:30Z'))).toBe(false);
    expect(refreshDue(t, at('2026-01-01T00:00:54Z'))).toBe(true);
  });
});
