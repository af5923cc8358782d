// A tiny Open Banking server of our own for sync's hostile cases (node:http on 127.0.0.1): accounts with a ledger of
// wire rows, paging by 25 with traces P1, P2…, and a `tweak` hook per test that bends one answer. Plus a logged-in data
// directory seeded straight into SQLite (no OAuth dance needed), and the checks every case shares.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../../src/store/index.js';
import { addDaysIso, kstDate } from '../../src/domain/kst.js';
import { cleanEnv, tempHome } from '../helpers/cli.js';

export const ACCESS = 'hostileAccessTok_9f8e7d6c5b4a39281706';
export const REFRESH = 'hostileRefreshTok_0a1b2c3d4e5f60718293';
export const SECRET = 'hostileClientSecret_77aa88bb99cc00dd';
export const ORG = 'M202500001';

export interface WireRow {
  tran_date: string | number;
  tran_time: string | number;
  inout_type: string;
  tran_type: string;
  print_content: string;
  tran_amt: string | number;
  after_balance_amt: string | number;
  branch_name: string;
}

export interface Acc {
  fin: string;
  state?: string;
  /** null = the field is left out */
  accountType?: string | null;
  rows: WireRow[];
  /** a balance answer, or an rsp_code to fail with */
  balance?: number | { fail: string };
}

export interface PageInfo {
  fin: string;
  from: string;
  to: string;
  /** 0-based page index in the chain */
  page: number;
  /** how many times this window's first page was asked so far (1 = first time) */
  round: number;
  bearer: string;
}

export interface Hostile {
  url: string;
  accounts: Acc[];
  /** bends an answer: return the body to send */
  tweak?: (body: Record<string, unknown>, info: PageInfo) => Record<string, unknown>;
  /** answers every transaction_list request with these rows, whatever the dates */
  ignoreDates?: WireRow[];
  latencyMs: number;
  requests: Array<{ path: string; fin: string; from: string; to: string; trace: string | null }>;
  close(): Promise<void>;
}

const compact = (iso: string) => iso.replace(/-/g, '');

function json(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startHostile(accounts: Acc[]): Promise<Hostile> {
  const rounds = new Map<string, number>();
  const h: Hostile = {
    url: '',
    accounts,
    latencyMs: 0,
    requests: [],
    close: () => new Promise((r) => server.close(() => r())),
  };
  const envelope = { api_tran_id: 'f61b5d17-e00d-469f-b322-c845763a7861', api_tran_dtm: '20260101120000000', rsp_code: 'A0000', rsp_message: '' };
  const bank = { bank_tran_id: `${ORG}U000000001`, bank_tran_date: '20190101', bank_code_tran: '097', bank_rsp_code: '000', bank_rsp_message: '' };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const q = u.searchParams;
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    h.requests.push({ path: u.pathname, fin: q.get('fintech_use_num') ?? '', from: q.get('from_date') ?? '', to: q.get('to_date') ?? '', trace: q.get('befor_inquiry_trace_info') });
    if (h.latencyMs > 0) await new Promise((r) => setTimeout(r, h.latencyMs));
    if (u.pathname === '/oauth/2.0/token') {
      return json(res, { access_token: ACCESS, refresh_token: REFRESH, token_type: 'Bearer', expires_in: 7776000, scope: 'login inquiry', user_seq_no: 'U1' });
    }
    if (bearer !== ACCESS) return json(res, { ...envelope, rsp_code: 'O0002', rsp_message: 'Access Token 거부' });
    if (u.pathname === '/v2.0/account/list') {
      return json(res, {
        ...envelope,
        user_name: '홍길동',
        res_cnt: String(accounts.length),
        res_list: accounts.map((a) => ({
          fintech_use_num: a.fin,
          account_alias: '',
          bank_code_std: '004',
          bank_name: 'KB국민은행',
          account_num_masked: `000-${a.fin.slice(-4)}-***`,
          account_holder_name: '홍길동',
          ...(a.accountType === null ? {} : { account_type: a.accountType ?? '1' }),
          inquiry_agree_yn: 'Y',
          transfer_agree_yn: 'N',
          account_state: a.state ?? '01',
        })),
      });
    }
    const acc = accounts.find((a) => a.fin === q.get('fintech_use_num'));
    if (!acc) return json(res, { ...envelope, rsp_code: 'A0004', rsp_message: 'no such account' });
    if (acc.state === '09') return json(res, { ...envelope, ...bank, rsp_code: 'A0002', rsp_message: '해지계좌', bank_rsp_code: '551', bank_rsp_message: '해지된 계좌' });
    if (u.pathname === '/v2.0/account/balance/fin_num') {
      if (typeof acc.balance === 'object') {
        return json(res, { ...envelope, ...bank, rsp_code: acc.balance.fail, rsp_message: `simulator response message missing for ${bearer}`, bank_rsp_code: '', bank_rsp_message: '' });
      }
      return json(res, { ...envelope, ...bank, fintech_use_num: acc.fin, bank_name: 'KB국민은행', balance_amt: String(acc.balance ?? 0), available_amt: String(acc.balance ?? 0), product_name: '', account_type: '1' });
    }
    if (u.pathname === '/v2.0/account/transaction_list/fin_num') {
      const from = q.get('from_date')!;
      const to = q.get('to_date')!;
      const trace = q.get('befor_inquiry_trace_info');
      const page = trace ? Number(trace.slice(1)) : 0;
      const key = `${acc.fin}|${from}|${to}`;
      if (page === 0) rounds.set(key, (rounds.get(key) ?? 0) + 1);
      let list: WireRow[];
      if (h.ignoreDates) list = h.ignoreDates;
      else {
        list = acc.rows.filter((r) => String(r.tran_date) >= from && String(r.tran_date) <= to);
        if (q.get('sort_order') === 'D') list = [...list].reverse();
      }
      const slice = list.slice(page * 25, page * 25 + 25);
      const more = (page + 1) * 25 < list.length;
      let body: Record<string, unknown> = {
        ...envelope,
        ...bank,
        bank_name: 'KB국민은행',
        fintech_use_num: acc.fin,
        balance_amt: '0',
        page_record_cnt: String(slice.length),
        next_page_yn: more ? 'Y' : 'N',
        befor_inquiry_trace_info: more ? `P${page + 1}` : '',
        res_list: slice,
      };
      if (h.tweak) body = h.tweak(body, { fin: acc.fin, from, to, page, round: rounds.get(key) ?? 1, bearer });
      return json(res, body);
    }
    res.writeHead(404).end();
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address() as { port: number };
  h.url = `http://127.0.0.1:${addr.port}`;
  return h;
}

/**
 * A ledger of `days` days ending today (KST): two rows a day with a consistent balance chain, memos from a small list,
 * plus two genuinely identical purchases (same time, memo and amount) on one day.
 */
export function ledger(days: number, seed = 1, start = 1_000_000): WireRow[] {
  const memos = ['카드승인 1234', 'GS25 역삼점', '김민준', '이마트 성수점', '(주)회사 급여', '배달의민족'];
  const rows: WireRow[] = [];
  let balance = start;
  const today = kstDate(new Date());
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let d = days; d >= 0; d--) {
    const date = compact(addDaysIso(today, -d));
    for (let k = 0; k < 2; k++) {
      const income = rand() < 0.2;
      const amount = 1000 * (1 + Math.floor(rand() * 90));
      balance += income ? amount : -amount;
      rows.push({
        tran_date: date,
        tran_time: `${String(9 + k * 5).padStart(2, '0')}${String(Math.floor(rand() * 60)).padStart(2, '0')}00`,
        inout_type: income ? '입금' : '출금',
        tran_type: income ? '대체' : '카드',
        print_content: memos[Math.floor(rand() * memos.length)]!,
        tran_amt: String(amount),
        after_balance_amt: String(balance),
        branch_name: '',
      });
    }
    if (d === Math.floor(days / 2)) {
      for (let k = 0; k < 2; k++) {
        balance -= 4500;
        rows.push({ tran_date: date, tran_time: '200000', inout_type: '출금', tran_type: '카드', print_content: '스타벅스 역삼점', tran_amt: '4500', after_balance_amt: String(balance), branch_name: '' });
      }
    }
  }
  return rows;
}

export interface StoredRow {
  account: string;
  date: string;
  time: string;
  direction: string;
  amount: number;
  balanceAfter: number | null;
  memo: string;
}

const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
const hms = (t: string) => `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
const key = (r: StoredRow) => JSON.stringify([r.account, r.date, r.time, r.direction, r.amount, r.balanceAfter, r.memo]);

/** The rows as the store should hold them (기타 left out), sorted: a multiset to compare. */
export function expected(fin: string, rows: readonly WireRow[]): StoredRow[] {
  return rows
    .filter((r) => r.inout_type !== '기타')
    .map((r) => ({
      account: fin,
      date: iso(String(r.tran_date)),
      time: hms(String(r.tran_time).padStart(6, '0')),
      direction: r.inout_type === '입금' ? 'in' : 'out',
      amount: Number(r.tran_amt),
      balanceAfter: String(r.after_balance_amt).trim() === '' ? null : Number(r.after_balance_amt),
      memo: r.print_content.trim(),
    }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function sorted(rows: StoredRow[]): StoredRow[] {
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function stored(home: string): StoredRow[] {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    return sorted(db.prepare('SELECT account, date, time, direction, amount, balance_after AS balanceAfter, memo FROM transactions').all() as StoredRow[]);
  } finally {
    db.close();
  }
}

export function query<T>(home: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A logged-in data directory (user and tokens stored as `finance login` stores them) and the environment for it. */
export function seededHome(h: Hostile, extra: Record<string, string> = {}): { home: string; env: NodeJS.ProcessEnv } {
  const home = tempHome('finance-hostile-');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const store = Store.open(join(home, 'finance.db'));
  try {
    store.auth.saveUser('U1', '홍길동');
    const now = Date.now();
    store.auth.saveTokens({
      userSeqNo: 'U1',
      accessToken: ACCESS,
      refreshToken: REFRESH,
      tokenType: 'Bearer',
      scope: 'login inquiry',
      expiresAt: new Date(now + 80 * 86_400_000).toISOString(),
      issuedAt: new Date(now).toISOString(),
    });
  } finally {
    store.close();
  }
  const env = cleanEnv({
    FINANCE_API_BASE_URL: h.url,
    FINANCE_CLIENT_ID: 'hostile-client',
    FINANCE_CLIENT_SECRET: SECRET,
    FINANCE_ORG_CODE: ORG,
    ...extra,
  });
  return { home, env };
}

/**
 * No secret in any output, and none in the database outside the tokens table (which holds the tokens by design):
 * the client secret is looked for in the raw bytes of the database and its WAL; the tokens in every other table.
 */
export function expectNoSecrets(home: string, outputs: string[]): string[] {
  const problems: string[] = [];
  for (const [i, text] of outputs.entries()) {
    for (const s of [ACCESS, REFRESH, SECRET]) if (text.includes(s)) problems.push(`output ${i} contains ${s.slice(0, 12)}…`);
  }
  for (const suffix of ['', '-wal']) {
    const p = join(home, 'finance.db' + suffix);
    if (existsSync(p) && readFileSync(p).includes(Buffer.from(SECRET))) problems.push(`finance.db${suffix} bytes contain the client secret`);
  }
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'tokens'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const t of tables) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all());
      for (const s of [ACCESS, REFRESH, SECRET]) if (dump.includes(s)) problems.push(`table ${t} contains ${s.slice(0, 12)}…`);
    }
  } finally {
    db.close();
  }
  return problems;
}
