// The client against the real in-process sandbox over HTTP on 127.0.0.1: every endpoint, paging through thousands
// of rows, and the sandbox's fault knobs (5xx, malformed page, cut connection, expired token, quirks, latency).

import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '../../src/domain/types.js';
import { ApiError, AuthError, DataError, UnavailableError } from '../../src/errors.js';
import { buildAuthorizeUrl } from '../../src/openbanking/authorize-url.js';
import { OpenBankingClient, type ClientOptions, type TokenSource } from '../../src/openbanking/client.js';
import type { TokenSet, TransactionPage } from '../../src/openbanking/types.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import type { GeneratedAccount } from '../../src/sandbox/generator.js';

const REDIRECT = 'http://127.0.0.1:8080/callback';

let h: SandboxHandle;
let n = 1; // one counter for the whole file: the sandbox refuses a bank_tran_id seen earlier today

function client(over: Partial<ClientOptions> = {}): OpenBankingClient & { lines: string[]; ids: string[] } {
  const lines: string[] = [];
  const ids: string[] = [];
  const c = new OpenBankingClient({
    baseUrl: h.baseUrl,
    clientId: h.clientId,
    clientSecret: h.clientSecret,
    nextTranId: () => {
      const id = `${h.orgCode}U${String(n++).padStart(9, '0')}`;
      ids.push(id);
      return id;
    },
    sleep: async () => {},
    log: (l) => lines.push(l),
    ...over,
  });
  return Object.assign(c, { lines, ids });
}

class Session implements TokenSource {
  refreshes = 0;
  constructor(
    public tokens: TokenSet,
    private readonly c: OpenBankingClient,
  ) {}
  async accessToken(): Promise<string> {
    return this.tokens.accessToken;
  }
  async refreshAfterRejection(): Promise<string> {
    this.refreshes++;
    if (!this.tokens.refreshToken) throw new AuthError('no refresh token', "run 'finance login'");
    const next = await this.c.refreshToken(this.tokens.refreshToken, this.tokens.scope);
    this.tokens = { ...next, refreshToken: next.refreshToken ?? this.tokens.refreshToken };
    return this.tokens.accessToken;
  }
}

async function login(c: OpenBankingClient): Promise<Session> {
  const url = buildAuthorizeUrl({ baseUrl: h.baseUrl, clientId: h.clientId, redirectUri: REDIRECT, scope: 'login inquiry', state: 'abcdefghijklmnopqrstuvwxyz123456' });
  const res = await request(url);
  await res.body.dump();
  expect(res.statusCode).toBe(302);
  const callback = new URL(String(res.headers.location));
  expect(callback.searchParams.get('state')).toBe('abcdefghijklmnopqrstuvwxyz123456');
  const code = callback.searchParams.get('code');
  expect(code).toBeTruthy();
  return new Session(await c.exchangeCode(code!, REDIRECT), c);
}

const iso = (d: string): string => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

function expected(a: GeneratedAccount): Transaction[] {
  return a.transactions().map((t) => ({
    account: a.fintechUseNum,
    date: iso(t.date),
    time: `${t.time.slice(0, 2)}:${t.time.slice(2, 4)}:${t.time.slice(4, 6)}`,
    direction: t.inout === '입금' ? 'in' : 'out',
    amount: t.amount,
    balanceAfter: t.afterBalance,
    memo: t.memo.trim(),
    type: t.tranType,
    branch: t.branch,
  }));
}

async function allPages(c: OpenBankingClient, s: TokenSource, fin: string, from = h.household.start, to = h.household.end, sortOrder: 'A' | 'D' = 'A'): Promise<TransactionPage[]> {
  const pages: TransactionPage[] = [];
  for await (const p of c.transactionPages(s, { fintechUseNum: fin, from, to, sortOrder })) pages.push(p);
  return pages;
}

const biggest = (): GeneratedAccount => h.household.accounts.filter((a) => a.inquiryAgree).reduce((x, y) => (y.count > x.count ? y : x));

beforeAll(async () => {
  h = await startSandbox({ seed: 42, months: 12, accounts: 3, transactions: 6000, autoConsent: true });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.resetFaults();
});

describe('every endpoint', () => {
  it('login, user/me, account/list and balance match the generated household', async () => {
    const c = client();
    const s = await login(c);
    expect(s.tokens.userSeqNo).toBe(h.household.user.userSeqNo);
    expect(s.tokens.refreshToken).toBeTruthy();
    const me = await c.userMe(s, h.household.user.userSeqNo);
    expect(me.userName).toBe(h.household.user.userName);
    expect(me.accounts.map((a) => a.fintechUseNum)).toEqual(h.household.accounts.map((a) => a.fintechUseNum));
    const list = await c.accountList(s, h.household.user.userSeqNo);
    expect(new Set(list.map((a) => a.fintechUseNum))).toEqual(new Set(h.household.accounts.map((a) => a.fintechUseNum)));
    expect(list.every((a) => a.state === '01')).toBe(true);
    for (const a of h.household.accounts) {
      const got = list.find((x) => x.fintechUseNum === a.fintechUseNum)!;
      expect(got).toMatchObject({ bankCode: a.bankCodeStd, bankName: a.bankName, accountNumMasked: a.accountNumMasked, alias: a.alias, inquiryAgree: a.inquiryAgree });
      const b = await c.balance(s, a.fintechUseNum);
      expect(b.balance).toBe(a.balanceOn(h.household.end.replaceAll('-', '')));
      expect(b.bankName).toBe(a.bankName);
    }
  });

  it('pages through thousands of rows exactly as generated, in both orders', async () => {
    const c = client();
    const s = await login(c);
    const a = biggest();
    expect(a.count).toBeGreaterThan(1000);
    const pages = await allPages(c, s, a.fintechUseNum);
    expect(pages.length).toBe(Math.ceil(a.count / 25));
    expect(pages.every((p) => p.rows.length <= 25)).toBe(true);
    expect(pages.flatMap((p) => p.rows)).toEqual(expected(a));
    const desc = await allPages(c, s, a.fintechUseNum, h.household.start, h.household.end, 'D');
    expect(desc.flatMap((p) => p.rows).map((r) => `${r.date} ${r.time} ${r.amount}`)).toEqual(expected(a).reverse().map((r) => `${r.date} ${r.time} ${r.amount}`));
  });
});

describe('faults', () => {
  it('a 500 on a page is retried with a fresh bank_tran_id', async () => {
    const c = client();
    const s = await login(c);
    const a = biggest();
    h.setFaults({ fail500OnCall: 3, fail500Times: 2 });
    const pages = await allPages(c, s, a.fintechUseNum);
    expect(pages.flatMap((p) => p.rows)).toEqual(expected(a));
    expect(c.lines.filter((l) => /HTTP 500 .*retrying/.test(l))).toHaveLength(2);
    // The sandbox answers its injected 500 before it records the id, so count the ids: one per attempt.
    expect(c.ids).toHaveLength(pages.length + 2);
    expect(new Set(c.ids).size).toBe(c.ids.length);
  });

  it('control: reusing a bank_tran_id is refused by the sandbox', async () => {
    const c = client();
    const s = await login(c);
    const id = `${h.orgCode}U${String(n++).padStart(9, '0')}`;
    const fixed = client({ nextTranId: () => id });
    const fin = biggest().fintechUseNum;
    await fixed.balance(s, fin);
    const e = await fixed.balance(s, fin).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).rspCode).toBe('A0326');
  });

  it('a malformed page is a DataError naming the field', async () => {
    const c = client();
    const s = await login(c);
    h.setFaults({ malformedPageOnCall: 2 });
    const e = await allPages(c, s, biggest().fintechUseNum).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe('transaction_list: res_list[0].tran_amt is not an amount ("12a4")');
  });

  it('a cut connection is retried', async () => {
    const c = client();
    const s = await login(c);
    const a = biggest();
    h.setFaults({ cutConnectionOnCall: 2 });
    expect((await allPages(c, s, a.fintechUseNum)).flatMap((p) => p.rows)).toEqual(expected(a));
    expect(c.lines.filter((l) => /retrying/.test(l))).toHaveLength(1);
  });

  it('an expired access token is refreshed once', async () => {
    const c = client();
    const s = await login(c);
    const before = s.tokens.accessToken;
    h.expireTokens();
    const a = biggest();
    expect((await c.balance(s, a.fintechUseNum)).fintechUseNum).toBe(a.fintechUseNum);
    expect(s.refreshes).toBe(1);
    expect(s.tokens.accessToken).not.toBe(before);
    expect(c.lines.some((l) => / O0003 /.test(l))).toBe(true);
  });

  it('the empty-trace quirk stops paging after the first page', async () => {
    const c = client();
    const s = await login(c);
    h.setFaults({ emptyTraceQuirk: true });
    const pages = await allPages(c, s, biggest().fintechUseNum);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.rows).toHaveLength(25);
    expect(pages[0]!.nextPage).toBe(true);
  });

  it('A0018 for an empty period is an empty page', async () => {
    const c = client();
    const s = await login(c);
    h.setFaults({ a0018WhenEmpty: true });
    const pages = await allPages(c, s, biggest().fintechUseNum, '2001-01-01', '2001-01-31');
    expect(pages).toEqual([{ balance: null, nextPage: false, trace: '', rows: [] }]);
  });

  it('latency beyond the timeout is an UnavailableError after the retries', async () => {
    const c = client();
    const s = await login(c);
    h.setFaults({ latencyMs: 600 });
    const slow = client({ timeoutMs: 100, retries: 2 });
    const e = await slow.balance(s, biggest().fintechUseNum).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnavailableError);
    expect((e as Error).message).toBe(`balance: ${new URL(h.baseUrl).host} is unavailable (timed out after 100ms, 3 attempts)`);
    expect(slow.lines).toHaveLength(3);
  });

  it('a closed sandbox is connection refused', async () => {
    const other = await startSandbox({ seed: 1, months: 1, accounts: 1 });
    const baseUrl = other.baseUrl;
    await other.close();
    const c = new OpenBankingClient({ baseUrl, clientId: 'x', clientSecret: 'y', nextTranId: () => `${h.orgCode}U${String(n++).padStart(9, '0')}`, sleep: async () => {} });
    const e = await c.balance({ accessToken: async () => 't', refreshAfterRejection: async () => 't' }, '1'.repeat(24)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnavailableError);
    expect((e as Error).message).toBe(`balance: ${new URL(baseUrl).host} is unavailable (connection refused, 4 attempts)`);
  });
});
