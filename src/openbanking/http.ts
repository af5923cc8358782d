// The one HTTP request function of the Open Banking client: timeouts on every call, bounded retries with
// exponential backoff and full jitter (or the server's Retry-After on 429/503, capped at 60 s), one log line per
// attempt (method, path, result, ms — never query or headers).

import { request, type Dispatcher } from 'undici';
import { DataError, FinanceError, TemporaryError, UnavailableError } from '../errors.js';
import { QUOTA_CODES } from './rsp-codes.js';

/** The server asked us to slow down: HTTP 429/503, or a quota rsp_code (O0008/O0009) in a 200 answer. */
export interface ThrottleSignal {
  endpoint: string;
  /** 'HTTP 429', 'HTTP 503', or the rsp_code */
  reason: string;
  /** what Retry-After asked for (capped), when it said */
  retryAfterMs?: number;
}

export interface HttpOptions {
  /** limit of every attempt, also used as undici's headersTimeout and bodyTimeout (default 15 000 ms) */
  timeoutMs?: number;
  /** extra attempts after the first for retryable failures (default 3) */
  retries?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1), for the backoff jitter */
  random?: () => number;
  dispatcher?: Dispatcher;
  /** called on every throttle answer, so a caller can lower its concurrency */
  onThrottle?: (signal: ThrottleSignal) => void;
  /** for an HTTP-date Retry-After (default Date.now) */
  nowMs?: () => number;
}

/** What one attempt sends. Built afresh per attempt so a business call gets a new bank_tran_id each time. */
export interface PreparedRequest {
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpCall {
  /** short name for messages, e.g. 'transaction_list' */
  endpoint: string;
  method: 'GET' | 'POST';
  /** false for calls that must not be repeated (the token POST: a code is single-use) */
  retry: boolean;
  prepare: () => PreparedRequest;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRIES = 3;
const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 3_000;

/** Full jitter: uniform in [0, min(cap, base·2^retryIndex)). */
export function backoffMs(retryIndex: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retryIndex);
  return Math.floor(Math.max(0, Math.min(1, random())) * ceiling);
}

export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}

/** Longest wait a Retry-After may ask for; a server asking more gets this and, when retries run out, a 75. */
export const RETRY_AFTER_CAP_MS = 60_000;

/** Retry-After as milliseconds (delta-seconds or an HTTP date, RFC 9110 §10.2.3), capped; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  let ms: number;
  if (/^\d{1,10}$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at) || !/[A-Za-z]{3}/.test(v)) return undefined;
    ms = at - nowMs;
  }
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, ms));
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Failure {
  reason: string;
  retryable: boolean;
  /** the server said "come back later" (429, or 503 with Retry-After): exhausted retries are a 75, not a 69 */
  later?: boolean;
  retryAfterMs?: number;
}

function errorCodes(e: unknown, depth = 0): string[] {
  if (typeof e !== 'object' || e === null || depth > 3) return [];
  const out: string[] = [];
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') out.push(code);
  const name = (e as { name?: unknown }).name;
  if (typeof name === 'string') out.push(name);
  const nested = (e as { errors?: unknown }).errors;
  if (Array.isArray(nested)) for (const n of nested) out.push(...errorCodes(n, depth + 1));
  out.push(...errorCodes((e as { cause?: unknown }).cause, depth + 1));
  return out;
}

/** A network-level failure as a short reason; never the error's own text (it could echo a URL). */
export function describeNetworkError(e: unknown, timeoutMs: number): Failure {
  const codes = errorCodes(e);
  const has = (...cs: string[]): boolean => cs.some((c) => codes.includes(c));
  if (has('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'TimeoutError')) {
    return { reason: `timed out after ${formatDuration(timeoutMs)}`, retryable: true };
  }
  if (has('ECONNREFUSED')) return { reason: 'connection refused', retryable: true };
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED')) return { reason: 'connection closed unexpectedly', retryable: true };
  if (has('HTTPParserError', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') || codes.some((c) => c.startsWith('HPE_'))) {
    return { reason: 'broken HTTP answer', retryable: true };
  }
  if (has('ENOTFOUND')) return { reason: 'host not found', retryable: false };
  if (has('EAI_AGAIN')) return { reason: 'DNS lookup failed', retryable: true };
  if (codes.some((c) => c.startsWith('ERR_TLS') || c.startsWith('CERT_') || c.includes('CERT') || c.includes('SSL'))) {
    return { reason: `TLS failure (${codes[0] ?? 'unknown'})`, retryable: false };
  }
  if (has('UND_ERR_INVALID_ARG', 'ERR_INVALID_URL', 'ERR_INVALID_ARG_TYPE')) {
    return { reason: `invalid request (${codes[0] ?? 'unknown'})`, retryable: false };
  }
  return { reason: `network error (${codes[0] ?? 'unknown'})`, retryable: true };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch {
    return { ok: false };
  }
}

function rspCodeOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const code = (v as Record<string, unknown>)['rsp_code'];
  return typeof code === 'string' && /^[A-Za-z0-9]{1,8}$/.test(code) ? code : undefined;
}

function oauthErrorOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const e = (v as Record<string, unknown>)['error'];
  return typeof e === 'string' && e.trim() !== '' ? e.trim().slice(0, 40) : undefined;
}

const NETWORK_HINT = "check your network connection and the apiBaseUrl setting ('finance config get apiBaseUrl')";

/**
 * Sends the call and returns the parsed JSON body of a 2xx answer (or of a 4xx answer that carries an rsp_code,
 * which the decoder then judges). Retries network errors, timeouts, HTTP 5xx and 429 when `call.retry` is set;
 * never retries a 2xx answer, whatever its rsp_code. Throws UnavailableError after the last attempt, DataError
 * on a 2xx body that is not JSON.
 */
export async function requestJson(call: HttpCall, opts: HttpOptions = {}): Promise<unknown> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = call.retry ? Math.max(0, opts.retries ?? DEFAULT_RETRIES) : 0;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const log = opts.log ?? ((): void => {});
  const nowMs = opts.nowMs ?? Date.now;

  for (let attempt = 0; ; attempt++) {
    const prepared = call.prepare();
    const { url } = prepared;
    const started = performance.now();
    const line = (result: string, suffix = ''): void => {
      const ms = Math.round(performance.now() - started);
      const tries = attempt > 0 ? ` (attempt ${attempt + 1}/${maxRetries + 1})` : '';
      log(`${call.method} ${url.pathname} ${result} ${ms}ms${tries}${suffix}`);
    };

    let failure: Failure;
    try {
      const res = await request(url, {
        method: call.method,
        headers: prepared.headers,
        body: prepared.body ?? null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        // The whole attempt (connect, headers, body) has timeoutMs: undici's idle timers only tick about once a
        // second and would let a server drip bytes forever.
        signal: AbortSignal.timeout(timeoutMs),
        ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
      });
      const text = await res.body.text();
      const status = res.statusCode;
      const parsed = parseJson(text);
      if (status >= 200 && status < 300) {
        if (!parsed.ok) {
          line(`HTTP ${status} (not JSON)`);
          const type = String(res.headers['content-type'] ?? 'no content type').slice(0, 60);
          throw new DataError(
            `${call.endpoint}: the API answered with something that is not JSON (HTTP ${status}, ${type})`,
            'nothing from this answer was stored — try again later; if it keeps happening, check apiBaseUrl',
          );
        }
        const rsp = rspCodeOf(parsed.value);
        line(rsp ?? `HTTP ${status}`);
        if (rsp !== undefined && QUOTA_CODES.has(rsp)) opts.onThrottle?.({ endpoint: call.endpoint, reason: rsp });
        return parsed.value;
      }
      if (status >= 500 || status === 429) {
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(res.headers['retry-after'], nowMs()) : undefined;
        const later = status === 429 || retryAfterMs !== undefined;
        failure = { reason: `HTTP ${status}`, retryable: true, later, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
        if (status === 429 || status === 503) {
          opts.onThrottle?.({ endpoint: call.endpoint, reason: `HTTP ${status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
        }
      } else {
        // Tolerant: a gateway answering an API error with a 4xx status still carries a body to decode (an rsp_code,
        // or a plain OAuth { error } body). A bare 401 means the token was refused, as O0002 says in the API's terms.
        if (parsed.ok && (rspCodeOf(parsed.value) !== undefined || oauthErrorOf(parsed.value) !== undefined)) {
          line(`${rspCodeOf(parsed.value) ?? oauthErrorOf(parsed.value)} (HTTP ${status})`);
          return parsed.value;
        }
        if (status === 401) {
          line('HTTP 401');
          return { rsp_code: 'O0002', rsp_message: 'HTTP 401 Unauthorized' };
        }
        failure = { reason: `HTTP ${status}`, retryable: false };
      }
    } catch (e) {
      if (e instanceof FinanceError) throw e;
      failure = describeNetworkError(e, timeoutMs);
    }

    const retrying = failure.retryable && attempt < maxRetries;
    // The server's own Retry-After wins over our backoff (never shorter than it, never longer than the cap).
    const delay = retrying ? Math.max(failure.retryAfterMs ?? 0, backoffMs(attempt, random)) : 0;
    line(failure.reason, retrying ? `, retrying in ${delay}ms` : '');
    if (!retrying) {
      const attempts = attempt + 1;
      if (failure.later) {
        throw new TemporaryError(
          `${call.endpoint}: ${url.host} asked to come back later (${failure.reason}${failure.retryAfterMs !== undefined ? `, Retry-After ${formatDuration(failure.retryAfterMs)}` : ''}${attempts > 1 ? `, ${attempts} attempts` : ''})`,
          'the server is busy or rate-limiting — try again later',
        );
      }
      throw new UnavailableError(
        `${call.endpoint}: ${url.host} is unavailable (${failure.reason}${attempts > 1 ? `, ${attempts} attempts` : ''})`,
        failure.reason.startsWith('HTTP 4') ? "check the apiBaseUrl setting ('finance config get apiBaseUrl')" : NETWORK_HINT,
      );
    }
    await sleep(delay);
  }
}
