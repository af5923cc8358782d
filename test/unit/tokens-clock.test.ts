// Issue 15: the token life cycle with a pinned clock (FINANCE_NOW), against the built CLI and a hostile server.
// A 90-day access token issued on day 0, the refresh token valid 10 days longer: day 79 no refresh, day 81 refresh,
// day 95 (access expired, refresh valid) refresh, day 101 → 77 with the re-consent hint; a network failure during a
// refresh is 75 and the old tokens are kept.

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hostileHome, startHostileServer, type HostileServer } from '../helpers/hostile-server.js';

let srv: HostileServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const DAY0 = Date.parse('2026-08-01T00:00:00Z');
const day = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString();

function storedTokens(home: string): { access: string; refresh: string; expiresAt: string } {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    return db.prepare('SELECT access_token AS access, refresh_token AS refresh, expires_at AS expiresAt FROM tokens').get() as never;
  } finally {
    db.close();
  }
}

async function onDay(n: number, opts: { cutRefresh?: boolean; config?: Record<string, string> } = {}) {
  srv = await startHostileServer();
  if (opts.cutRefresh) srv.setDefault('token', { cut: true });
  const h = await hostileHome(srv, { issuedAt: day(0), expiresAt: day(90), env: { FINANCE_NOW: day(n) }, ...(opts.config ? { config: opts.config } : {}) });
  const r = await runCli(['--home', h.home, 'sync', '--from', day(n).slice(0, 10)], { env: h.env });
  return { r, h, srv, refreshes: srv.seen('token').filter((q) => q.form.get('grant_type') === 'refresh_token').length };
}

describe('token refresh by the clock', () => {
  it('day 79: no refresh', async () => {
    const { r, refreshes, h } = await onDay(79);
    expect(r.code, r.stderr).toBe(0);
    expect(refreshes).toBe(0);
    expect(storedTokens(h.home).access).toBe(h.accessToken);
  });

  it('day 81: refreshed early (fewer than 10 days left), the new pair stored and used', async () => {
    const { r, refreshes, h, srv: s } = await onDay(81);
    expect(r.code, r.stderr).toBe(0);
    expect(refreshes).toBe(1);
    const t = storedTokens(h.home);
    expect(t.access).not.toBe(h.accessToken);
    expect(s.seen('balance')[0]!.bearer).toBe(t.access);
    expect(t.expiresAt).toBe(new Date(Date.parse(day(81)) + 7_776_000_000).toISOString());
  });

  it('day 81 with refreshBeforeDays 5: no refresh', async () => {
    const { r, refreshes } = await onDay(81, { config: { refreshBeforeDays: '5' } });
    expect(r.code, r.stderr).toBe(0);
    expect(refreshes).toBe(0);
  });

  it('day 81 with the token endpoint unreachable: the still-valid token is used, exit 0, nothing replaced', async () => {
    const { r, refreshes, h } = await onDay(81, { cutRefresh: true });
    expect(r.code, r.stderr).toBe(0);
    expect(refreshes).toBe(1);
    expect(storedTokens(h.home)).toMatchObject({ access: h.accessToken, refresh: h.refreshToken });
  });

  it('day 95: access expired, refresh valid → refreshed, exit 0', async () => {
    const { r, refreshes, h } = await onDay(95);
    expect(r.code, r.stderr).toBe(0);
    expect(refreshes).toBe(1);
    expect(storedTokens(h.home).access).not.toBe(h.accessToken);
  });

  it('day 95 with a network failure during the refresh: 75, the old tokens kept', async () => {
    const { r, h } = await onDay(95, { cutRefresh: true });
    expect(r.code, r.stderr).toBe(75);
    expect(r.stderr).toMatch(/could not refresh the access token.*try again later/);
    expect(r.stderr).not.toMatch(/finance login/);
    expect(storedTokens(h.home)).toMatchObject({ access: h.accessToken, refresh: h.refreshToken, expiresAt: day(90) });
  });

  it('day 101: the refresh token has expired too → 77 with the re-consent hint, no request for a token', async () => {
    const { r, refreshes } = await onDay(101);
    expect(r.code, r.stderr).toBe(77);
    expect(r.stderr).toMatch(/login expired on 2026-11-09/);
    expect(r.stderr).toMatch(/run 'finance login' to give consent again/);
    expect(refreshes).toBe(0);
  });

  it('status says when a new consent is needed and what to run', async () => {
    srv = await startHostileServer();
    const h = await hostileHome(srv, { issuedAt: day(0), expiresAt: day(90), env: { FINANCE_NOW: day(80) } });
    const json = JSON.parse((await runCli(['--home', h.home, 'status', '--json'], { env: h.env })).stdout) as { token: Record<string, unknown> };
    expect(json.token).toMatchObject({ consentExpiresAt: day(100), consentDaysLeft: 20, renewWith: 'finance login' });
    const text = await runCli(['--home', h.home, 'status'], { env: h.env });
    expect(text.stdout).toMatch(/Consent\s+new consent needed by 2026-11-09 09:00 \(20 days left; sync refreshes the token until then\) — then run 'finance login'/);
  });
});
