// The Open Banking API client: token exchange/refresh and the four inquiry endpoints, with one token refresh after
// an O0002/O0003 rejection and defensive paging (../shared/openbanking-api.md §3–§5).

import { ApiError, AuthError, ConfigError, UsageError } from '../errors.js';
import {
  TokenRejectedError,
  decodeAccountList,
  decodeBalance,
  decodeToken,
  decodeTransactionPage,
  decodeUserMe,
} from './decode.js';
import { requestJson, type HttpOptions, type ThrottleSignal } from './http.js';
import { INCOMPLETE_TEXT, type ApiAccount, type Balance, type IncompleteReason, type TokenSet, type TransactionPage, type UserMe } from './types.js';

export interface ClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** bank_tran_id generator; called once per attempt */
  nextTranId: () => string;
  /** for tran_dtime (formatted as KST wall clock) */
  now?: () => Date;
  timeoutMs?: number;
  retries?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** the server asked to slow down (429/503/quota): e.g. lower the number of requests in flight */
  onThrottle?: (signal: ThrottleSignal) => void;
}

export interface TokenSource {
  accessToken(): Promise<string>;
  /** refresh once after O0002/O0003; throws AuthError if impossible */
  refreshAfterRejection(): Promise<string>;
}

export interface TransactionQuery {
  fintechUseNum: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
  /** 'A' oldest first (default), 'D' newest first */
  sortOrder?: 'A' | 'D';
}

/** Safety net against a server that never says next_page_yn 'N' while inventing new traces (the window is then incomplete). */
export const MAX_PAGES = 10_000;

const KST_OFFSET_MS = 9 * 60 * 60 * 1000; // Korea has kept UTC+9 without daylight saving since 1988

/** `YYYYMMDDHHMMSS` in Korean wall-clock time. */
export function formatTranDtime(d: Date): string {
  const k = new Date(d.getTime() + KST_OFFSET_MS);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(k.getUTCFullYear(), 4)}${p(k.getUTCMonth() + 1)}${p(k.getUTCDate())}${p(k.getUTCHours())}${p(k.getUTCMinutes())}${p(k.getUTCSeconds())}`;
}

/** The API base as a URL whose path ends without a slash, so '/v2.0/…' can be appended. */
export function parseBaseUrl(baseUrl: string): URL {
  let u: URL;
  try {
    u = new URL(baseUrl.trim());
  } catch {
    throw new ConfigError(`apiBaseUrl is not a valid URL (${JSON.stringify(baseUrl.slice(0, 80))})`, "set it with 'finance config set apiBaseUrl https://testapi.openbanking.or.kr'");
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new ConfigError(`apiBaseUrl must be an http(s) URL (got ${u.protocol})`, "set it with 'finance config set apiBaseUrl https://testapi.openbanking.or.kr'");
  }
  u.search = '';
  u.hash = '';
  u.pathname = u.pathname.replace(/\/+$/, '');
  return u;
}

export function endpointUrl(base: URL, path: string, params: Record<string, string> = {}): URL {
  const u = new URL(base.href);
  u.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  u.search = new URLSearchParams(params).toString();
  return u;
}

function wireDate(iso: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new UsageError(`${what} date must be YYYY-MM-DD (got ${JSON.stringify(iso.slice(0, 20))})`);
  return `${m[1]}${m[2]}${m[3]}`;
}

export class OpenBankingClient {
  private readonly base: URL;
  private readonly http: HttpOptions;
  private readonly now: () => Date;
  /** Told when the server asks to slow down (HTTP 429, quota codes O0008/O0009), so a caller can send less at once. */
  onThrottle: ((why: string) => void) | undefined;

  constructor(private readonly opts: ClientOptions) {
    this.base = parseBaseUrl(opts.baseUrl);
    this.now = opts.now ?? ((): Date => new Date());
    this.http = {
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
      log: (line: string) => {
        if (/ HTTP 429\b/.test(line)) this.onThrottle?.('HTTP 429');
        opts.log?.(line);
      },
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
      ...(opts.random ? { random: opts.random } : {}),
      ...(opts.onThrottle ? { onThrottle: opts.onThrottle } : {}),
    };
  }

  exchangeCode(code: string, redirectUri: string): Promise<TokenSet> {
    return this.token({
      code,
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
      redirect_uri: redirectUri,
      grant_type: 'authorization_code',
    });
  }

  refreshToken(refreshToken: string, scope: string): Promise<TokenSet> {
    return this.token({
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
      refresh_token: refreshToken,
      scope,
      grant_type: 'refresh_token',
    });
  }

  userMe(auth: TokenSource, userSeqNo: string): Promise<UserMe> {
    return this.inquiry(auth, 'user_me', '/v2.0/user/me', () => ({ user_seq_no: userSeqNo }), (b) => decodeUserMe(b));
  }

  /** Includes closed registrations (state '09') so the caller can mark them instead of losing track of them. */
  accountList(auth: TokenSource, userSeqNo: string): Promise<ApiAccount[]> {
    return this.inquiry(
      auth,
      'account_list',
      '/v2.0/account/list',
      () => ({ user_seq_no: userSeqNo, include_cancel_yn: 'Y', sort_order: 'D' }),
      (b) => decodeAccountList(b),
    );
  }

  balance(auth: TokenSource, fintechUseNum: string): Promise<Balance> {
    return this.inquiry(
      auth,
      'balance',
      '/v2.0/account/balance/fin_num',
      () => ({ bank_tran_id: this.opts.nextTranId(), fintech_use_num: fintechUseNum, tran_dtime: formatTranDtime(this.now()) }),
      (b) => decodeBalance(b, fintechUseNum),
    );
  }

  /**
   * Yields the pages of the period in order. The chain is complete only when a page says next_page_yn 'N'. A page
   * that says 'Y' with an empty or already seen trace (a testbed quirk, §5.5), or reaching MAX_PAGES, ends the chain
   * early: that last page carries `incomplete` (why), so the caller can keep its rows but must not treat the period
   * as fully read.
   */
  async *transactionPages(auth: TokenSource, q: TransactionQuery): AsyncGenerator<TransactionPage> {
    const from = wireDate(q.from, 'from');
    const to = wireDate(q.to, 'to');
    const seen = new Set<string>();
    let trace = '';
    for (let page = 0; page < MAX_PAGES; page++) {
      const traceParam: Record<string, string> = page > 0 ? { befor_inquiry_trace_info: trace } : {};
      const result: TransactionPage = await this.inquiry(
        auth,
        'transaction_list',
        '/v2.0/account/transaction_list/fin_num',
        () => ({
          bank_tran_id: this.opts.nextTranId(),
          fintech_use_num: q.fintechUseNum,
          inquiry_type: 'A',
          inquiry_base: 'D',
          from_date: from,
          to_date: to,
          sort_order: q.sortOrder ?? 'A',
          tran_dtime: formatTranDtime(this.now()),
          ...traceParam,
        }),
        (b) => decodeTransactionPage(b, q.fintechUseNum),
      );
      if (!result.nextPage) {
        yield result;
        return;
      }
      const why: IncompleteReason | null =
        result.trace === '' ? 'empty-trace' : seen.has(result.trace) ? 'repeated-trace' : page === MAX_PAGES - 1 ? 'page-cap' : null;
      if (why !== null) {
        this.opts.log?.(`transaction_list: next_page_yn is Y but ${INCOMPLETE_TEXT[why]}; the period ${q.from}..${q.to} is incomplete`);
        yield { ...result, incomplete: why };
        return;
      }
      yield result;
      seen.add(result.trace);
      trace = result.trace;
    }
  }

  private async token(form: Record<string, string>): Promise<TokenSet> {
    const body = await requestJson(
      {
        endpoint: 'token',
        method: 'POST',
        retry: false,
        prepare: () => ({
          url: endpointUrl(this.base, '/oauth/2.0/token'),
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', accept: 'application/json' },
          body: new URLSearchParams(form).toString(),
        }),
      },
      this.http,
    );
    return decodeToken(body);
  }

  /** A GET inquiry with the bearer token; on O0002/O0003 refreshes once and repeats the request once. */
  private async inquiry<T>(
    auth: TokenSource,
    endpoint: string,
    path: string,
    params: () => Record<string, string>,
    decode: (body: unknown) => T,
  ): Promise<T> {
    let token = await auth.accessToken();
    for (let round = 0; ; round++) {
      const bearer = token;
      const body = await requestJson(
        {
          endpoint,
          method: 'GET',
          retry: true,
          prepare: () => ({
            url: endpointUrl(this.base, path, params()),
            headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
          }),
        },
        this.http,
      );
      try {
        return decode(body);
      } catch (e) {
        if (e instanceof ApiError && (e.rspCode === 'O0008' || e.rspCode === 'O0009')) this.onThrottle?.(e.rspCode);
        if (!(e instanceof TokenRejectedError)) throw e;
        if (round > 0) throw new AuthError('the bank rejected the access token', "run 'finance login'", { cause: e });
        token = await auth.refreshAfterRejection();
      }
    }
  }
}
