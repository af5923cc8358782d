// The embedded Open Banking emulator: a node:http server over a generated household, speaking the v2.0 wire format
// (OAuth + inquiry endpoints), with fault knobs settable in code or via POST /__sandbox/faults on loopback, a latency
// model with an optional concurrency limit, and request statistics at GET /__sandbox/stats.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleApi } from './api.js';
import type { SandboxContext } from './context.js';
import { DEFAULT_FAULTS, type Faults, FaultState, requestDelay } from './faults.js';
import { generateHousehold, type Household } from './generator.js';
import { JSON_TYPE, readBody, sendJson } from './http-util.js';
import { handleAuthorize, handleDecision, handleToken } from './oauth.js';
import { Rng } from './prng.js';
import { generateTestbedHousehold } from './testbed.js';
import { TokenStore } from './tokens.js';

export type { Faults } from './faults.js';
export type SandboxProfile = 'spec' | 'testbed';

export interface SandboxOptions {
  /** 'spec' (default): the API as specified; 'testbed': canned rows and the quirks of the real testbed (§9/§9.1) */
  profile?: SandboxProfile;
  host?: string;
  port?: number;
  seed?: number;
  months?: number;
  accounts?: number;
  /** last day of generated history, YYYY-MM-DD (default: today in KST) */
  end?: string;
  transactions?: number;
  autoConsent?: boolean;
  clientId?: string;
  clientSecret?: string;
  orgCode?: string;
  tokenTtlSeconds?: number;
  /** the server's clock (default real time); fix it for byte-identical responses */
  now?: () => Date;
  faults?: Partial<Faults>;
  /** mark the last account as not consented for inquiry */
  noConsentAccount?: boolean;
  /** hostile terminal text in some memos, an alias and a bank name (terminal-safety tests) */
  controlText?: boolean;
  /** one line per request (method, path, HTTP status); never tokens, codes or secrets */
  log?: (line: string) => void;
  /** shorthands for the latency knobs (faults.latencyMs, jitterMs, maxConcurrent) */
  latencyMs?: number;
  jitterMs?: number;
  maxConcurrent?: number;
}

/** What the server has seen; peakInFlight shows whether a client overlapped its requests. */
export interface SandboxStats {
  /** requests answered or in progress, control endpoints excluded */
  requests: number;
  inFlight: number;
  peakInFlight: number;
  /** requests refused with HTTP 429 by the concurrency limit */
  rejected429: number;
  /** requests per path (no query strings) */
  byPath: Record<string, number>;
  /** distinct bank_tran_ids accepted today (KST), and calls refused for reusing one */
  bankTranIds: number;
  duplicateTranIds: number;
}

export interface SandboxHandle {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  orgCode: string;
  household: Household;
  setFaults(f: Partial<Faults>): void;
  resetFaults(): void;
  /** every access token issued so far expires now (refresh tokens keep working) */
  expireTokens(): void;
  /** requests answered so far */
  readonly requests: number;
  stats(): SandboxStats;
  /** zero the counters (in-flight requests stay counted; the peak restarts from them) */
  resetStats(): void;
  close(): Promise<void>;
}

export const DEFAULT_CLIENT_ID = '5f0c1d2e-7a3b-4c8d-9e6f-0a1b2c3d4e5f';
export const DEFAULT_CLIENT_SECRET = 'b7e2c9a4-3f18-4d6a-8c5e-91f0d2a7e6b3';
export const DEFAULT_ORG_CODE = 'M202500001';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const now = opts.now ?? (() => new Date());
  const seed = opts.seed ?? 1;
  const orgCode = opts.orgCode ?? DEFAULT_ORG_CODE;
  const end = opts.end ?? new Date(now().getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  const profile = opts.profile ?? 'spec';
  if (profile !== 'spec' && profile !== 'testbed') throw new Error(`unknown sandbox profile: ${String(profile)}`);
  const household = profile === 'testbed' ? generateTestbedHousehold({ seed, orgCode }) : generateHousehold({ seed, end,
    orgCode, ...(opts.months !== undefined ? { months: opts.months } : {}),
    ...(opts.accounts !== undefined ? { accounts: opts.accounts } : {}),
    ...(opts.transactions !== undefined ? { transactions: opts.transactions } : {}),
    ...(opts.noConsentAccount ? { noConsentAccount: true } : {}), ...(opts.controlText ? { controlText: true } : {}) });
  const ttl = opts.tokenTtlSeconds ?? 7_776_000;
  const tokens = new TokenStore(new Rng(seed, 'tokens'), `sandbox-signing-key-${seed}`, ttl);
  const faults = new FaultState(() => tokens.expireAccessTokens());
  const shorthands: Partial<Faults> = {};
  if (opts.latencyMs !== undefined) shorthands.latencyMs = opts.latencyMs;
  if (opts.jitterMs !== undefined) shorthands.jitterMs = opts.jitterMs;
  if (opts.maxConcurrent !== undefined) shorthands.maxConcurrent = opts.maxConcurrent;
  faults.set({ ...shorthands, ...opts.faults });
  const ctx: SandboxContext = {
    household, profile, clientId: opts.clientId ?? DEFAULT_CLIENT_ID, clientSecret: opts.clientSecret ?? DEFAULT_CLIENT_SECRET,
    orgCode, seed, tokenTtlSeconds: ttl, autoConsent: opts.autoConsent ?? false, now, tokens, faults,
    ids: new Rng(seed, 'api-tran-id'), tranIds: new Map(), duplicateTranIds: 0,
  };
  let requests = 0;
  let loopback = false;
  const stats: Omit<SandboxStats, 'bankTranIds' | 'duplicateTranIds'> = { requests: 0, inFlight: 0, peakInFlight: 0, rejected429: 0, byPath: {} };
  let delayed = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    if (path.startsWith('/__sandbox/')) return control(req, res, path);
    stats.requests++;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    // The sandbox registers one client, so its per-client limit counts every API request.
    const limit = faults.faults.maxConcurrent;
    if (limit > 0 && stats.inFlight >= limit) {
      stats.rejected429++;
      const text = JSON.stringify({ error: 'too_many_requests',
        error_description: `동시 요청 한도 초과 (최대 ${limit}건)` });
      res.writeHead(429, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text),
        'Retry-After': String(faults.faults.retryAfterSeconds) });
      res.end(text);
      return;
    }
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    res.once('close', () => stats.inFlight--);
    const { latencyMs, jitterMs } = faults.faults;
    const delay = latencyMs > 0 || jitterMs > 0 ? requestDelay(seed, ++delayed, latencyMs, jitterMs) : 0;
    if (delay > 0) await sleep(delay);
    if (path === '/oauth/2.0/authorize') return handleAuthorize(ctx, req, res, url);
    if (path === '/oauth/2.0/authorize/decision') return handleDecision(ctx, req, res, url);
    if (path === '/oauth/2.0/token') return handleToken(ctx, req, res);
    if (!path.startsWith('/v2.0/')) return sendJson(res, { rsp_code: 'O0005', rsp_message: '허용되지 않은 API 접근' }, 404);
    const fault = faults.onBusinessCall();
    if (fault === 'fail500') return sendJson(res, { rsp_code: 'A0003', rsp_message: '내부 처리 에러' }, 500);
    if (fault === 'ip') return sendJson(res, { rsp_code: 'O0006', rsp_message: '허용되지 않은 IP 입니다.' });
    if (fault === 'quota') {
      return sendJson(res, faults.faults.quotaCode === 'O0009'
        ? { rsp_code: 'O0009', rsp_message: 'API plan 사용량 한도 초과' }
        : { rsp_code: 'O0008', rsp_message: 'Object plan 사용량 한도 초과' });
    }
    const body = handleApi(ctx, req, url);
    if (fault === 'cut') return cut(res, JSON.stringify(body));
    sendJson(res, body);
  };

  const control = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (loopback && req.method === 'GET' && path === '/__sandbox/stats') return sendJson(res, snapshot());
    if (!loopback || req.method !== 'POST') return sendJson(res, { error: 'not found' }, 404);
    if (path === '/__sandbox/reset-stats') {
      resetStats();
      return sendJson(res, { ok: true, stats: snapshot() });
    }
    if (path === '/__sandbox/reset-faults') {
      faults.reset();
      return sendJson(res, { ok: true, faults: faults.faults });
    }
    if (path !== '/__sandbox/faults') return sendJson(res, { error: 'not found' }, 404);
    try {
      const parsed: unknown = JSON.parse((await readBody(req)) || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected an object');
      faults.set(parsed as Partial<Faults>);
      sendJson(res, { ok: true, faults: faults.faults });
    } catch (e) {
      sendJson(res, { ok: false, error: e instanceof Error ? e.message : String(e) }, 400);
    }
  };

  const snapshot = (): SandboxStats => ({
    ...stats,
    byPath: { ...stats.byPath },
    bankTranIds: [...ctx.tranIds.values()].reduce((n, ids) => n + ids.size, 0),
    duplicateTranIds: ctx.duplicateTranIds,
  });
  const resetStats = (): void => {
    Object.assign(stats, { requests: 0, peakInFlight: stats.inFlight, rejected429: 0, byPath: {} });
  };

  const server = createServer((req, res) => {
    handle(req, res)
      .catch(() => {
        if (!res.headersSent) sendJson(res, { rsp_code: 'A0003', rsp_message: '내부 처리 에러' }, 500);
        else res.destroy();
      })
      .finally(() => {
        // Path only: query strings can carry authorization codes.
        opts.log?.(`${req.method ?? '?'} ${(req.url ?? '').split('?')[0]} ${res.statusCode}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  loopback = LOOPBACK.test(addr.address);
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  return {
    baseUrl: `http://${host}:${addr.port}`,
    clientId: ctx.clientId,
    clientSecret: ctx.clientSecret,
    orgCode,
    household,
    setFaults: (f) => faults.set(f),
    resetFaults: () => faults.reset(),
    expireTokens: () => tokens.expireAccessTokens(),
    get requests() {
      return requests;
    },
    stats: snapshot,
    resetStats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Sends the headers and half the body, then drops the connection: a transfer cut off mid-response. */
function cut(res: ServerResponse, text: string): void {
  const buf = Buffer.from(text);
  res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': buf.length });
  res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => res.socket?.destroy());
}

export { DEFAULT_FAULTS };
