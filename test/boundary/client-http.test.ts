// The client's HTTP behaviour against a tiny scripted node:http server on 127.0.0.1: exact requests, retries with
// a fresh bank_tran_id, timeouts, cut connections, refused connections, token refresh, paging stops, log lines.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, AuthError, DataError, UnavailableError } from '../../src/errors.js';
import { OpenBankingClient, formatTranDtime, type ClientOptions, type TokenSource } from '../../src/openbanking/client.js';
import { backoffMs } from '../../src/openbanking/http.js';

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Seen, res: ServerResponse) => void;

let server: Server | undefined;

async function serve(handler: Handler): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const s: Seen = { method: req.method ?? '', path: u.pathname, query: u.searchParams, headers: req.headers, body };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, seen };
}

afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
});

const json = (res: ServerResponse, body: unknown, status = 200): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
};

const ORG = 'M202500001';
const FIN = '120250000112345678901234';

function options(baseUrl: string, over: Partial<ClientOptions> = {}): ClientOptions & { sleeps: number[]; lines: string[] } {
  let n = 1;
  const sleeps: number[] = [];
  const lines: string[] = [];
  return {
    baseUrl,
    clientId: 'client-id-1',
    clientSecret: 'very-secret-value',
    nextTranId: () => `${ORG}U${String(n++).padStart(9, '0')}`,
    now: () => new Date('2024-03-01T15:04:05Z'),
    timeoutMs: 2000,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    log: (l) => lines.push(l),
    sleeps,
    lines,
    ...over,
  };
}

function tokens(first = 'tok-1', refreshed = 'tok-2'): TokenSource & { refreshes: number } {
  const t = {
    refreshes: 0,
    accessToken: async () => first,
    refreshAfterRejection: async () => {
      t.refreshes++;
      return refreshed;
    },
  };
  return t;
}

const balanceOk = (fin = FIN): Record<string, unknown> => ({
  rsp_code: 'A0000',
  rsp_message: '',
  bank_name: '오픈은행',
  fintech_use_num: fin,
  balance_amt: '1234',
  available_amt: '1000',
  product_name: '입출금',
  account_type: '1',
});

const page = (n: number, next: 'Y' | 'N', trace: string): Record<string, unknown> => ({
  rsp_code: 'A0000',
  balance_amt: '100',
  page_record_cnt: String(n),
  next_page_yn: next,
  befor_inquiry_trace_info: trace,
  res_list: Array.from({ length: n }, (_, i) => ({
    tran_date: '20240105',
    tran_time: '120000',
    inout_type: '입금',
    tran_type: '대체',
    print_content: `row ${trace}-${i}`,
    tran_amt: '10',
    after_balance_amt: '100',
    branch_name: '',
  })),
});

describe('requests on the wire', () => {
  it('balance sends exactly the §4.3 query and the bearer token', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, balanceOk()));
    const c = new OpenBankingClient(options(baseUrl));
    const b = await c.balance(tokens(), FIN);
    expect(b.balance).toBe(1234);
    expect(seen).toHaveLength(1);
    const r = seen[0]!;
    expect(r.method).toBe('GET');
    expect(r.path).toBe('/v2.0/account/balance/fin_num');
    expect(Object.fromEntries(r.query)).toEqual({ bank_tran_id: 'M202500001U000000001', fintech_use_num: FIN, tran_dtime: '20240302000405' });
    expect(r.headers.authorization).toBe('Bearer tok-1');
  });

  it('joins a base URL with a path prefix and a trailing slash', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, balanceOk()));
    await new OpenBankingClient(options(`${baseUrl}/prefix/`)).balance(tokens(), FIN);
    expect(seen[0]!.path).toBe('/prefix/v2.0/account/balance/fin_num');
  });

  it('user/me and account/list send user_seq_no', async () => {
    const { baseUrl, seen } = await serve((req, res) =>
      json(res, { rsp_code: 'A0000', user_seq_no: '1100000001', user_name: '홍길동', res_cnt: '1', res_list: [{ fintech_use_num: FIN, account_state: req.path.endsWith('list') ? '01' : undefined }] }),
    );
    const c = new OpenBankingClient(options(baseUrl));
    const me = await c.userMe(tokens(), '1100000001');
    const list = await c.accountList(tokens(), '1100000001');
    expect(me.accounts[0]?.fintechUseNum).toBe(FIN);
    expect(list[0]?.state).toBe('01');
    expect(seen.map((s) => s.path)).toEqual(['/v2.0/user/me', '/v2.0/account/list']);
    expect(Object.fromEntries(seen[0]!.query)).toEqual({ user_seq_no: '1100000001' });
    expect(Object.fromEntries(seen[1]!.query)).toEqual({ user_seq_no: '1100000001', include_cancel_yn: 'Y', sort_order: 'D' });
  });

  it('transaction pages send the §4.4 query, the trace only from the second page, a fresh bank_tran_id each', async () => {
    const { baseUrl, seen } = await serve((req, res) => {
      const trace = req.query.get('befor_inquiry_trace_info');
      json(res, trace === null ? page(25, 'Y', 'T1') : trace === 'T1' ? page(25, 'Y', 'T2') : page(3, 'N', ''));
    });
    const c = new OpenBankingClient(options(baseUrl));
    const rows = [];
    for await (const p of c.transactionPages(tokens(), { fintechUseNum: FIN, from: '2024-01-01', to: '2024-01-31' })) rows.push(...p.rows);
    expect(rows).toHaveLength(53);
    expect(rows[0]).toMatchObject({ account: FIN, date: '2024-01-05', time: '12:00:00', direction: 'in', amount: 10 });
    expect(Object.fromEntries(seen[0]!.query)).toEqual({
      bank_tran_id: 'M202500001U000000001',
      fintech_use_num: FIN,
      inquiry_type: 'A',
      inquiry_base: 'D',
      from_date: '20240101',
      to_date: '20240131',
      sort_order: 'A',
      tran_dtime: '20240302000405',
    });
    expect(seen.map((s) => s.query.get('befor_inquiry_trace_info'))).toEqual([null, 'T1', 'T2']);
    expect(seen.map((s) => s.query.get('bank_tran_id'))).toEqual(['M202500001U000000001', 'M202500001U000000002', 'M202500001U000000003']);
  });

  it('the token POST is form-encoded with §3.5 fields; a refresh may omit refresh_token', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, { access_token: 'new-access', token_type: 'Bearer', expires_in: 7776000, scope: 'login inquiry', user_seq_no: '1100000001' }));
    const t = await new OpenBankingClient(options(baseUrl)).refreshToken('old-refresh', 'login inquiry');
    expect(t).toEqual({ accessToken: 'new-access', refreshToken: null, tokenType: 'Bearer', expiresIn: 7776000, scope: 'login inquiry', userSeqNo: '1100000001' });
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.path).toBe('/oauth/2.0/token');
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      client_id: 'client-id-1',
      client_secret: 'very-secret-value',
      refresh_token: 'old-refresh',
      scope: 'login inquiry',
      grant_type: 'refresh_token',
    });
  });

  it('the code exchange sends §3.3 fields and a refused one becomes AuthError without the code', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, { rsp_code: 'O0001', rsp_message: '인증 파라미터 오류([3002110])' }));
    const e = await new OpenBankingClient(options(baseUrl)).exchangeCode('the-auth-code', 'http://localhost:8080/callback').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuthError);
    expect((e as Error).message).toBe('the token request was refused (O0001 인증 파라미터 오류([3002110]))');
    expect((e as Error).message).not.toContain('the-auth-code');
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      code: 'the-auth-code',
      client_id: 'client-id-1',
      client_secret: 'very-secret-value',
      redirect_uri: 'http://localhost:8080/callback',
      grant_type: 'authorization_code',
    });
  });
});

describe('retries', () => {
  it('retries 500 and 429 with a fresh bank_tran_id and jittered backoff, then succeeds', async () => {
    let calls = 0;
    const { baseUrl, seen } = await serve((_req, res) => {
      calls++;
      if (calls === 1) return json(res, { error: 'boom' }, 500);
      if (calls === 2) return json(res, {}, 429);
      json(res, balanceOk());
    });
    const o = options(baseUrl);
    const b = await new OpenBankingClient(o).balance(tokens(), FIN);
    expect(b.balance).toBe(1234);
    expect(seen.map((s) => s.query.get('bank_tran_id'))).toEqual(['M202500001U000000001', 'M202500001U000000002', 'M202500001U000000003']);
    expect(o.sleeps).toEqual([100, 200]); // random 0.5 × min(3000, 200·2^i)
    expect(o.lines).toHaveLength(3);
    expect(o.lines[0]).toMatch(/^GET \/v2\.0\/account\/balance\/fin_num HTTP 500 \d+ms, retrying in 100ms$/);
    expect(o.lines[2]).toMatch(/^GET \/v2\.0\/account\/balance\/fin_num A0000 \d+ms \(attempt 3\/4\)$/);
  });

  it('gives up after the retries with UnavailableError naming host and last reason', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, {}, 503));
    const o = options(baseUrl);
    const e = await new OpenBankingClient(o).balance(tokens(), FIN).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnavailableError);
    expect((e as Error).message).toBe(`balance: ${new URL(baseUrl).host} is unavailable (HTTP 503, 4 attempts)`);
    expect((e as UnavailableError).hint).toMatch(/apiBaseUrl/);
    expect(seen).toHaveLength(4);
    expect(o.sleeps).toHaveLength(3);
  });

  it('never retries the token POST', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, {}, 503));
    const e = await new OpenBankingClient(options(baseUrl)).refreshToken('r', 'login inquiry').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnavailableError);
    expect(seen).toHaveLength(1);
  });

  it('does not retry an answer with an error rsp_code', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, { rsp_code: 'A0003', rsp_message: '내부 처리 에러' }));
    const e = await new OpenBankingClient(options(baseUrl)).balance(tokens(), FIN).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).rspCode).toBe('A0003');
    expect(seen).toHaveLength(1);
  });

  it('retries a cut connection', async () => {
    let calls = 0;
    const { baseUrl, seen } = await serve((req, res) => {
      if (++calls === 1) return res.socket?.destroy();
      json(res, balanceOk());
    });
    const o = options(baseUrl);
    expect((await new OpenBankingClient(o).balance(tokens(), FIN)).balance).toBe(1234);
    expect(seen).toHaveLength(2);
    expect(o.lines[0]).toMatch(/connection closed unexpectedly .*retrying/);
  });

  it('times out a slow answer and gives up after retries', async () => {
    const { baseUrl, seen } = await serve((_req, res) => void setTimeout(() => json(res, balanceOk()), 1500));
    const o = options(baseUrl, { timeoutMs: 150, retries: 1 });
    const started = Date.now();
    const e = await new OpenBankingClient(o).balance(tokens(), FIN).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e).toBeInstanceOf(UnavailableError);
    expect((e as Error).message).toMatch(/is unavailable \(timed out after 150ms, 2 attempts\)$/);
    expect(seen).toHaveLength(2);
  });

  it('reports a refused connection after the retries', async () => {
    const { baseUrl } = await serve(() => {});
    server!.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const o = options(baseUrl);
    const e = await new OpenBankingClient(o).balance(tokens(), FIN).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnavailableError);
    expect((e as Error).message).toBe(`balance: ${new URL(baseUrl).host} is unavailable (connection refused, 4 attempts)`);
    expect(o.lines).toHaveLength(4);
  });

  it('a 200 answer that is not JSON is a DataError, not retried', async () => {
    const { baseUrl, seen } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    const e = await new OpenBankingClient(options(baseUrl)).balance(tokens(), FIN).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe('balance: the API answered with something that is not JSON (HTTP 200, text/html)');
    expect(seen).toHaveLength(1);
  });

  it('backoff grows exponentially to the 3 s cap with full jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => backoffMs(i, () => 0.9999))).toEqual([199, 399, 799, 1599, 2999, 2999]);
    expect(backoffMs(3, () => 0)).toBe(0);
  });
});

describe('token rejection', () => {
  it('refreshes once after O0003 and repeats the request with the new token', async () => {
    const { baseUrl, seen } = await serve((req, res) =>
      req.headers.authorization === 'Bearer tok-2' ? json(res, balanceOk()) : json(res, { rsp_code: 'O0003', rsp_message: 'Access Token 만료' }),
    );
    const t = tokens();
    expect((await new OpenBankingClient(options(baseUrl)).balance(t, FIN)).balance).toBe(1234);
    expect(t.refreshes).toBe(1);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(seen[0]!.query.get('bank_tran_id')).not.toBe(seen[1]!.query.get('bank_tran_id'));
  });

  it('a second rejection is an AuthError telling the person to log in', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, { rsp_code: 'O0002', rsp_message: 'Access Token 거부' }));
    const t = tokens();
    const e = await new OpenBankingClient(options(baseUrl)).balance(t, FIN).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuthError);
    expect(`${(e as AuthError).message} — ${(e as AuthError).hint}`).toBe("the bank rejected the access token — run 'finance login'");
    expect(t.refreshes).toBe(1);
    expect(seen).toHaveLength(2);
  });

  it('a bare HTTP 401 is a token rejection: refreshed once, then repeated', async () => {
    const { baseUrl } = await serve((req, res) => {
      if (req.headers.authorization === 'Bearer tok-2') return json(res, balanceOk());
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized');
    });
    const t = tokens();
    expect((await new OpenBankingClient(options(baseUrl)).balance(t, FIN)).balance).toBe(1234);
    expect(t.refreshes).toBe(1);
  });

  it('plain OAuth error bodies are understood: invalid_grant on the token POST is an AuthError, not malformed data', async () => {
    const { baseUrl } = await serve((req, res) =>
      req.path === '/oauth/2.0/token'
        ? json(res, { error: 'invalid_grant', error_description: 'code expired' }, 400)
        : json(res, { error: 'invalid_request', error_description: 'bad fintech_use_num' }, 400),
    );
    const client = new OpenBankingClient(options(baseUrl));
    const e = await client.exchangeCode('the-code-value', 'http://127.0.0.1:1/cb').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuthError);
    expect((e as Error).message).toBe('the token request was refused (invalid_grant: code expired)');
    expect((e as Error).message).not.toContain('the-code-value');
    const b = await client.balance(tokens(), FIN).catch((x: unknown) => x);
    expect(b).toBeInstanceOf(ApiError);
    expect((b as Error).message).toContain('invalid_request');
  });

  it('passes on the AuthError of an impossible refresh', async () => {
    await serve((_req, res) => json(res, { rsp_code: 'O0002', rsp_message: 'Access Token 거부' }));
    const failing: TokenSource = {
      accessToken: async () => 'tok',
      refreshAfterRejection: async () => {
        throw new AuthError('not logged in', "run 'finance login' first");
      },
    };
    const e = await new OpenBankingClient(options(`http://${(server!.address() as AddressInfo).address}:${(server!.address() as AddressInfo).port}`))
      .balance(failing, FIN)
      .catch((x: unknown) => x);
    expect((e as Error).message).toBe('not logged in');
  });
});

describe('paging stops', () => {
  async function pagesWith(next: (trace: string | null, n: number) => Record<string, unknown>): Promise<{ pages: number; requests: number }> {
    let n = 0;
    const { baseUrl, seen } = await serve((req, res) => json(res, next(req.query.get('befor_inquiry_trace_info'), n++)));
    let pages = 0;
    for await (const _ of new OpenBankingClient(options(baseUrl)).transactionPages(tokens(), { fintechUseNum: FIN, from: '2024-01-01', to: '2024-01-31' })) pages++;
    return { pages, requests: seen.length };
  }

  it('stops on next_page_yn Y with an empty trace (testbed quirk)', async () => {
    expect(await pagesWith(() => page(25, 'Y', ''))).toEqual({ pages: 1, requests: 1 });
  });

  it('stops when the trace repeats', async () => {
    expect(await pagesWith((_t, n) => page(1, 'Y', n < 2 ? `T${n}` : 'T1'))).toEqual({ pages: 3, requests: 3 });
  });

  it('treats A0018 as no rows', async () => {
    const { baseUrl } = await serve((_req, res) => json(res, { rsp_code: 'A0018', rsp_message: '거래내역 없음' }));
    const pages = [];
    for await (const p of new OpenBankingClient(options(baseUrl)).transactionPages(tokens(), { fintechUseNum: FIN, from: '2024-01-01', to: '2024-01-31' })) pages.push(p);
    expect(pages).toEqual([{ balance: null, nextPage: false, trace: '', rows: [] }]);
  });
});

describe('redaction', () => {
  it('log lines carry no query values, tokens or secrets', async () => {
    const { baseUrl } = await serve((req, res) =>
      req.path === '/oauth/2.0/token'
        ? json(res, { access_token: 'ACCESS-XYZ', refresh_token: 'REFRESH-XYZ', token_type: 'Bearer', expires_in: 1, scope: 'login' })
        : json(res, { rsp_code: 'O0002', rsp_message: 'Access Token 거부' }),
    );
    const o = options(baseUrl);
    const c = new OpenBankingClient(o);
    await c.exchangeCode('CODE-XYZ', 'http://localhost:8080/callback');
    const e = await c.balance(tokens('ACCESS-XYZ', 'ACCESS-2'), FIN).catch((x: unknown) => x);
    const text = [...o.lines, (e as Error).message, (e as AuthError).hint, String((e as Error).cause)].join('\n');
    for (const secret of ['ACCESS', 'REFRESH', 'CODE-XYZ', 'very-secret-value', FIN, 'M202500001U']) expect(text).not.toContain(secret);
    expect(o.lines[0]).toMatch(/^POST \/oauth\/2\.0\/token HTTP 200 \d+ms$/);
    expect(o.lines[1]).toMatch(/^GET \/v2\.0\/account\/balance\/fin_num O0002 \d+ms$/);
  });

  it('formats tran_dtime as KST wall clock', () => {
    expect(formatTranDtime(new Date('2023-12-31T15:00:00Z'))).toBe('20240101000000');
  });
});
