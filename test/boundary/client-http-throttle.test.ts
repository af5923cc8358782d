// Issue 14 item 7 and issue 15: the server asking to come back later. Retry-After (seconds or an HTTP date, capped
// at 60 s) on 429/503 is honoured; exhausted retries on 429 or 503-with-Retry-After are 75, a bare 503 stays 69;
// quota (O0008/O0009), IP refusal (O0006) and bank maintenance (A0002 with a bank code) are 75 with the server's
// message; every throttle answer is signalled so a sync can slow down.

import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, TemporaryError, UnavailableError } from '../../src/errors.js';
import { OpenBankingClient, type TokenSource } from '../../src/openbanking/client.js';
import { parseRetryAfter, type ThrottleSignal } from '../../src/openbanking/http.js';
import { runCli } from '../helpers/cli.js';
import { hostileHome, startHostileServer, type HostileServer } from '../helpers/hostile-server.js';

let srv: HostileServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const auth: TokenSource = { accessToken: async () => 'tok', refreshAfterRejection: async () => 'tok2' };

function client(s: HostileServer) {
  const sleeps: number[] = [];
  const throttles: ThrottleSignal[] = [];
  let n = 0;
  const c = new OpenBankingClient({
    baseUrl: s.baseUrl,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    nextTranId: () => `${s.orgCode}U${String(++n).padStart(9, '0')}`,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    onThrottle: (t) => throttles.push(t),
  });
  return { c, sleeps, throttles };
}

describe('Retry-After', () => {
  it('parses delta-seconds and HTTP dates, caps at 60 s, ignores junk', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(parseRetryAfter('4', now)).toBe(4000);
    expect(parseRetryAfter(['0'], now)).toBe(0);
    expect(parseRetryAfter('Tue, 01 Dec 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 00:00:10 GMT', now)).toBe(0); // in the past
    expect(parseRetryAfter('3600', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('429 with Retry-After: 4 waits 4 s (not the 100 ms backoff), signals the throttle, then succeeds', async () => {
    srv = await startHostileServer();
    srv.script('balance', { status: 429, headers: { 'retry-after': '4' } });
    const { c, sleeps, throttles } = client(srv);
    const b = await c.balance(auth, srv.accounts[0]!);
    expect(b.balance).toBe(1_000_000);
    expect(sleeps).toEqual([4000]);
    expect(throttles).toEqual([{ endpoint: 'balance', reason: 'HTTP 429', retryAfterMs: 4000 }]);
  });

  it('503 with an HTTP-date Retry-After far away waits the 60 s cap', async () => {
    srv = await startHostileServer();
    srv.script('balance', { status: 503, headers: { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() } });
    const { c, sleeps } = client(srv);
    await c.balance(auth, srv.accounts[0]!);
    expect(sleeps).toEqual([60_000]);
  });

  it('429 until the retries run out is a TemporaryError (75), one throttle signal per answer', async () => {
    srv = await startHostileServer();
    srv.setDefault('balance', { status: 429, headers: { 'retry-after': '2' } });
    const { c, sleeps, throttles } = client(srv);
    const e = await c.balance(auth, srv.accounts[0]!).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TemporaryError);
    expect((e as TemporaryError).exitCode).toBe(75);
    expect((e as Error).message).toMatch(/come back later \(HTTP 429, Retry-After 2s, 4 attempts\)/);
    expect(sleeps).toEqual([2000, 2000, 2000]);
    expect(throttles).toHaveLength(4);
  });

  it('503 with Retry-After exhausted is 75; a bare 503 exhausted stays 69', async () => {
    srv = await startHostileServer();
    srv.setDefault('balance', { status: 503, headers: { 'retry-after': '1' } });
    const a = await client(srv).c.balance(auth, srv.accounts[0]!).catch((x: unknown) => x);
    expect((a as TemporaryError).exitCode).toBe(75);
    srv.setDefault('balance', { status: 503 });
    const b = await client(srv).c.balance(auth, srv.accounts[0]!).catch((x: unknown) => x);
    expect(b).toBeInstanceOf(UnavailableError);
    expect((b as UnavailableError).exitCode).toBe(69);
  });
});

describe('operational refusals in the body (§9.1)', () => {
  const cases: Array<[string, Record<string, string>, number, RegExp]> = [
    ['O0008 quota', { rsp_code: 'O0008', rsp_message: 'Object plan 사용량 한도 초과' }, 75, /O0008 \(Object plan 사용량 한도 초과/],
    ['O0009 quota', { rsp_code: 'O0009', rsp_message: 'API plan 사용량 한도 초과' }, 75, /O0009/],
    ['O0006 IP refusal', { rsp_code: 'O0006', rsp_message: '허용되지 않은 IP' }, 75, /O0006 \(허용되지 않은 IP/],
    ['A0002 bank maintenance', { rsp_code: 'A0002', rsp_message: '참가기관 에러', bank_rsp_code: '310', bank_rsp_message: '은행 점검시간' }, 75, /bank 310 은행 점검시간/],
    ['A0002 closed account', { rsp_code: 'A0002', rsp_message: '참가기관 에러', bank_rsp_code: '415', bank_rsp_message: '해지계좌' }, 69, /bank 415/],
  ];
  for (const [name, body, exit, message] of cases) {
    it(`${name} → ${exit} with the server's message`, async () => {
      srv = await startHostileServer();
      srv.setDefault('balance', { body: { ...body, rsp_message: `${body.rsp_message}\x1b[2J` } });
      const { c, throttles } = client(srv);
      const e = await c.balance(auth, srv.accounts[0]!).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).exitCode).toBe(exit);
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\x1b');
      expect(throttles.length).toBe(body.rsp_code.startsWith('O000') && body.rsp_code !== 'O0006' ? 1 : 0);
    });
  }

  it('the CLI: a quota answer on every transaction page ends the sync with 75 and the message, nothing half-stored', async () => {
    srv = await startHostileServer();
    srv.setDefault('transaction_list', { body: { rsp_code: 'O0009', rsp_message: 'API plan 사용량 한도 초과' } });
    const h = await hostileHome(srv, { env: { FINANCE_NOW: '2026-11-20T03:00:00Z' } });
    const r = await runCli(['--home', h.home, 'sync', '--from', '2026-11-01'], { env: h.env });
    expect(r.code, r.stderr).toBe(75);
    expect(r.stderr).toContain('O0009 (API plan 사용량 한도 초과)');
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('the CLI: 429 with Retry-After on every answer ends with 75, not 69', async () => {
    srv = await startHostileServer();
    srv.setDefault('transaction_list', { status: 429, headers: { 'retry-after': '1' } });
    const h = await hostileHome(srv, { env: { FINANCE_NOW: '2026-11-20T03:00:00Z' } });
    const started = Date.now();
    const r = await runCli(['--home', h.home, 'sync', '--from', '2026-11-01'], { env: h.env });
    expect(r.code, r.stderr).toBe(75);
    expect(r.stderr).toMatch(/come back later/);
    // Retry-After honoured: three waits of about a second between the four attempts.
    const times = srv.seen('transaction_list').map((q) => q.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
