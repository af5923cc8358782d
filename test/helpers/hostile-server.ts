// A tiny Open Banking server of our own (node:http on 127.0.0.1) for hostile-server tests: by default it answers
// token, user/me, account/list, balance and transaction_list like the spec; each test scripts exact answers per
// endpoint (status, headers, JSON or raw body, delay, a cut connection, text echoing a secret). Plus
// `hostileHome`, a finance data directory pointed at it with tokens stored straight through the store (no login).
//
//   const srv = await startHostileServer({ rows: [wireRow({ date: '20261101', amount: 5000 })] });
//   srv.script('balance', { body: (r) => ({ rsp_code: 'A0002', rsp_message: `denied for ${r.bearer}` }) });
//   srv.script('transaction_list', { status: 429, headers: { 'retry-after': '2' } }, { cut: true });
//   const { home, env } = await hostileHome(srv);            // then runCli(['--home', home, 'sync'], { env })
//   … expect(srv.requests.filter((q) => q.endpoint === 'balance')).toHaveLength(1); await srv.close();
//
// Scripted answers are used once each, in order; when an endpoint's queue is empty its default answer is used.

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openConfigFile } from '../../src/config.js';
import { ensureHome } from '../../src/home.js';
import { Store } from '../../src/store/index.js';
import { dbPath } from '../../src/store/db.js';
import { cleanEnv, tempHome } from './cli.js';

export type Endpoint = 'token' | 'user_me' | 'account_list' | 'balance' | 'transaction_list' | 'other';

const PATHS: Record<string, Endpoint> = {
  '/oauth/2.0/token': 'token',
  '/v2.0/user/me': 'user_me',
  '/v2.0/account/list': 'account_list',
  '/v2.0/account/balance/fin_num': 'balance',
  '/v2.0/account/transaction_list/fin_num': 'transaction_list',
};

/** One request as the server saw it. */
export interface SeenRequest {
  endpoint: Endpoint;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** the bearer token sent, or '' */
  bearer: string;
  /** the parsed form of a token POST (grant_type, refresh_token, client_secret, code …) */
  form: URLSearchParams;
  body: string;
  at: number;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  /** a JSON value (sent with JSON.stringify), a raw string, or built from the request */
  body?: unknown | ((req: SeenRequest, srv: HostileServer) => unknown);
  /** wait this long before answering */
  delayMs?: number;
  /** destroy the socket instead of answering (after delayMs) */
  cut?: boolean;
}

export type Script = Answer | ((req: SeenRequest, srv: HostileServer) => Answer);

/** A transaction row in wire form (every value a string, as the API sends them). */
export type WireRow = Record<string, unknown>;

export function wireRow(r: { date: string; time?: string; direction?: 'in' | 'out'; amount: number; balance: number; memo?: string }): WireRow {
  return {
    tran_date: r.date,
    tran_time: r.time ?? '120000',
    inout_type: r.direction === 'in' ? '입금' : '출금',
    tran_type: '카드',
    print_content: r.memo ?? '스타벅스',
    tran_amt: String(r.amount),
    after_balance_amt: String(r.balance),
    branch_name: '',
  };
}

export interface HostileOptions {
  clientId?: string;
  clientSecret?: string;
  orgCode?: string;
  userSeqNo?: string;
  /** number of listed accounts (default 1) */
  accounts?: number;
  /** default transaction rows of every account (filtered by from_date/to_date, oldest first) */
  rows?: WireRow[];
  /** rows per page of the default transaction_list answer (default 25) */
  pageSize?: number;
  /** expires_in of issued tokens (default 7 776 000 s, 90 days) */
  expiresIn?: number;
}

export interface HostileServer {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  orgCode: string;
  userSeqNo: string;
  /** fintech_use_num of each listed account */
  accounts: string[];
  /** every request, in arrival order */
  requests: SeenRequest[];
  /** every access/refresh token this server issued (for "no secret anywhere" greps) */
  issued: string[];
  /** queue answers for an endpoint; each is used once */
  script(endpoint: Endpoint, ...answers: Script[]): void;
  /** replace the default answer of an endpoint (used whenever its queue is empty) */
  setDefault(endpoint: Endpoint, answer: Script): void;
  /** the requests of one endpoint */
  seen(endpoint: Endpoint): SeenRequest[];
  /** a fresh JWT-shaped token, recorded in `issued` */
  newToken(kind: 'access' | 'refresh'): string;
  close(): Promise<void>;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function envelope(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { api_tran_id: randomUUID(), api_tran_dtm: '20261201120000000', rsp_code: 'A0000', rsp_message: '', ...extra };
}

export async function startHostileServer(opts: HostileOptions = {}): Promise<HostileServer> {
  const orgCode = opts.orgCode ?? 'M202500001';
  const accounts = Array.from({ length: opts.accounts ?? 1 }, (_, i) => `1${orgCode.slice(1)}${String(88941000000000 + i).padStart(14, '0')}`);
  const queues = new Map<Endpoint, Script[]>();
  const defaults = new Map<Endpoint, Script>();
  const pageSize = opts.pageSize ?? 25;
  const rows = opts.rows ?? [];

  const srv: HostileServer = {
    baseUrl: '',
    clientId: opts.clientId ?? 'hostile-client-id',
    clientSecret: opts.clientSecret ?? `cs-${randomBytes(12).toString('hex')}`,
    orgCode,
    userSeqNo: opts.userSeqNo ?? '1100770530',
    accounts,
    requests: [],
    issued: [],
    script(endpoint, ...answers) {
      queues.set(endpoint, [...(queues.get(endpoint) ?? []), ...answers]);
    },
    setDefault(endpoint, answer) {
      defaults.set(endpoint, answer);
    },
    seen(endpoint) {
      return srv.requests.filter((r) => r.endpoint === endpoint);
    },
    newToken(kind) {
      const t = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ aud: srv.userSeqNo, kind, jti: randomUUID() })}.${randomBytes(24).toString('base64url')}`;
      srv.issued.push(t);
      return t;
    },
    close: async () => {},
  };

  const account = (fin: string, i: number) => ({
    fintech_use_num: fin,
    account_alias: `계좌${i + 1}`,
    bank_code_std: '004',
    bank_code_sub: '0000000',
    bank_name: 'KB국민은행',
    savings_bank_name: '',
    account_num_masked: `1234567${i}***`,
    account_seq: '',
    account_holder_name: '홍길동',
    account_holder_type: 'P',
    account_type: '1',
    inquiry_agree_yn: 'Y',
    inquiry_agree_dtime: '20261101120000',
    transfer_agree_yn: 'N',
    transfer_agree_dtime: '',
    account_state: '01',
  });

  // The spec-abiding answers.
  defaults.set('token', () => ({
    body: {
      access_token: srv.newToken('access'),
      token_type: 'Bearer',
      expires_in: opts.expiresIn ?? 7_776_000,
      refresh_token: srv.newToken('refresh'),
      scope: 'inquiry login',
      user_seq_no: srv.userSeqNo,
    },
  }));
  defaults.set('user_me', () => ({
    body: envelope({ user_seq_no: srv.userSeqNo, user_ci: '', user_name: '홍길동', res_cnt: String(accounts.length), res_list: accounts.map(account) }),
  }));
  defaults.set('account_list', () => ({
    body: envelope({ user_name: '홍길동', res_cnt: String(accounts.length), res_list: accounts.map(account) }),
  }));
  const bankPart = (q: URLSearchParams) => ({
    bank_tran_id: q.get('bank_tran_id') ?? '',
    bank_tran_date: '20261201',
    bank_code_tran: '004',
    bank_rsp_code: '000',
    bank_rsp_message: '',
  });
  defaults.set('balance', (req) => ({
    body: envelope({ ...bankPart(req.query), bank_name: 'KB국민은행', fintech_use_num: req.query.get('fintech_use_num'), balance_amt: '1000000', available_amt: '1000000', account_type: '1', product_name: '입출금' }),
  }));
  defaults.set('transaction_list', (req) => {
    const q = req.query;
    const from = q.get('from_date') ?? '00000000';
    const to = q.get('to_date') ?? '99999999';
    const inRange = rows
      .filter((r) => String(r.tran_date) >= from && String(r.tran_date) <= to)
      .sort((a, b) => (`${a.tran_date}${a.tran_time}` < `${b.tran_date}${b.tran_time}` ? -1 : 1));
    const list = q.get('sort_order') === 'D' ? inRange.reverse() : inRange;
    const start = Number(q.get('befor_inquiry_trace_info') ?? '0') || 0;
    const page = list.slice(start, start + pageSize);
    const more = start + pageSize < list.length;
    return {
      body: envelope({
        ...bankPart(q),
        bank_name: 'KB국민은행',
        fintech_use_num: q.get('fintech_use_num'),
        balance_amt: '1000000',
        page_record_cnt: String(page.length),
        next_page_yn: more ? 'Y' : 'N',
        befor_inquiry_trace_info: more ? String(start + pageSize) : '',
        res_list: page,
      }),
    };
  });
  defaults.set('other', { status: 404, body: { rsp_code: 'O0005', rsp_message: '허용되지 않은 API 접근' } });

  const answer = async (req: SeenRequest, res: ServerResponse) => {
    const queue = queues.get(req.endpoint);
    const script = (queue && queue.length > 0 ? queue.shift() : defaults.get(req.endpoint))!;
    const a = typeof script === 'function' ? script(req, srv) : script;
    if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
    if (a.cut) {
      res.socket?.destroy();
      return;
    }
    const body = typeof a.body === 'function' ? (a.body as (r: SeenRequest, s: HostileServer) => unknown)(req, srv) : a.body;
    const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    res.writeHead(a.status ?? 200, { 'content-type': 'application/json; charset=UTF-8', ...a.headers });
    res.end(text);
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const auth = String(req.headers.authorization ?? '');
      const seen: SeenRequest = {
        endpoint: PATHS[u.pathname] ?? 'other',
        method: req.method ?? '',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        bearer: auth.startsWith('Bearer ') ? auth.slice(7) : '',
        form: new URLSearchParams(req.method === 'POST' ? body : ''),
        body,
        at: Date.now(),
      };
      srv.requests.push(seen);
      answer(seen, res).catch(() => res.socket?.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  srv.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  srv.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return srv;
}

export interface HomeOptions {
  /** store tokens as if logged in (default true) */
  loggedIn?: boolean;
  /** when the stored access token was issued / expires (ISO; default: issued now, expires in 90 days) */
  issuedAt?: string;
  expiresAt?: string;
  /** the stored tokens (default: fresh ones from the server, recorded in `issued`) */
  accessToken?: string;
  refreshToken?: string | null;
  /** extra config keys written to config.json */
  config?: Record<string, string>;
  /** extra environment for the CLI (e.g. FINANCE_NOW) */
  env?: Record<string, string>;
}

export interface HostileHome {
  home: string;
  /** a clean environment for runCli/startCli (no FINANCE_* from the developer's shell) */
  env: NodeJS.ProcessEnv;
  accessToken: string;
  refreshToken: string | null;
}

/**
 * A data directory whose config.json points at the server (apiBaseUrl, clientId, clientSecret, orgCode) and whose
 * database holds a user, the server's accounts and a token pair — written through the store, not by a login.
 */
export async function hostileHome(srv: HostileServer, opts: HomeOptions = {}): Promise<HostileHome> {
  const home = tempHome('finance-hostile-');
  ensureHome(home);
  const file = await openConfigFile(home);
  const values: Record<string, string> = { apiBaseUrl: srv.baseUrl, clientId: srv.clientId, clientSecret: srv.clientSecret, orgCode: srv.orgCode, ...opts.config };
  for (const [k, v] of Object.entries(values)) file.set(k as Parameters<typeof file.set>[0], v);
  const accessToken = opts.accessToken ?? srv.newToken('access');
  const refreshToken = opts.refreshToken === undefined ? srv.newToken('refresh') : opts.refreshToken;
  const store = Store.open(dbPath(home));
  try {
    if (opts.loggedIn !== false) {
      const issuedAt = opts.issuedAt ?? new Date().toISOString();
      const expiresAt = opts.expiresAt ?? new Date(Date.parse(issuedAt) + 90 * 86_400_000).toISOString();
      store.auth.saveTokens({ userSeqNo: srv.userSeqNo, accessToken, refreshToken, tokenType: 'Bearer', scope: 'login inquiry', issuedAt, expiresAt });
      store.auth.saveUser(srv.userSeqNo, '홍길동');
      store.accounts.replaceListed(
        srv.accounts.map((id, i) => ({
          id,
          bankCode: '004',
          bankName: 'KB국민은행',
          savingsBankName: '',
          accountNumMasked: `1234567${i}***`,
          alias: `계좌${i + 1}`,
          holderName: '홍길동',
          accountType: '1',
          inquiryAgree: true,
          state: '01',
        })),
      );
    }
  } finally {
    store.close();
  }
  return { home, env: cleanEnv(opts.env ?? {}), accessToken, refreshToken };
}
