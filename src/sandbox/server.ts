// The embedded Open Banking emulator: a node:http server over a generated household, speaking the v2.0 wire format
// (OAuth + inquiry endpoints), with fault knobs settable in code or via POST /__sandbox/faults on loopback.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleApi } from './api.js';
import type { SandboxContext } from './context.js';
import { DEFAULT_FAULTS, type Faults, FaultState } from './faults.js';
import { generateHousehold, type Household } from './generator.js';
import { JSON_TYPE, readBody, sendJson } from './http-util.js';
import { handleAuthorize, handleDecision, handleToken } from './oauth.js';
import { Rng } from './prng.js';
import { TokenStore } from './tokens.js';

export type { Faults } from './faults.js';

export interface SandboxOptions {
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
  const household = generateHousehold({ seed, end, orgCode, ...(opts.months !== undefined ? { months: opts.months } : {}),
    ...(opts.accounts !== undefined ? { accounts: opts.accounts } : {}),
    ...(opts.transactions !== undefined ? { transactions: opts.transactions } : {}),
    ...(opts.noConsentAccount ? { noConsentAccount: true } : {}), ...(opts.controlText ? { controlText: true } : {}) });
  const ttl = opts.tokenTtlSeconds ?? 7_776_000;
  const tokens = new TokenStore(new Rng(seed, 'tokens'), `sandbox-signing-key-${seed}`, ttl);
  const faults = new FaultState(() => tokens.expireAccessTokens());
  if (opts.faults) faults.set(opts.faults);
  const ctx: SandboxContext = {
    household, clientId: opts.clientId ?? DEFAULT_CLIENT_ID, clientSecret: opts.clientSecret ?? DEFAULT_CLIENT_SECRET,
    orgCode, seed, tokenTtlSeconds: ttl, autoConsent: opts.autoConsent ?? false, now, tokens, faults,
    ids: new Rng(seed, 'api-tran-id'), tranIds: new Map(),
  };
  let requests = 0;
  let loopback = false;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    if (path.startsWith('/__sandbox/')) return control(req, res, path);
    if (faults.faults.latencyMs > 0) await sleep(faults.faults.latencyMs);
    if (path === '/oauth/2.0/authorize') return handleAuthorize(ctx, req, res, url);
    if (path === '/oauth/2.0/authorize/decision') return handleDecision(ctx, req, res, url);
    if (path === '/oauth/2.0/token') return handleToken(ctx, req, res);
    if (!path.startsWith('/v2.0/')) return sendJson(res, { rsp_code: 'O0005', rsp_message: '허용되지 않은 API 접근' }, 404);
    const fault = faults.onBusinessCall();
    if (fault === 'fail500') return sendJson(res, { rsp_code: 'A0003', rsp_message: '내부 처리 에러' }, 500);
    const body = handleApi(ctx, req, url);
    if (fault === 'cut') return cut(res, JSON.stringify(body));
    sendJson(res, body);
  };

  const control = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (!loopback || req.method !== 'POST') return sendJson(res, { error: 'not found' }, 404);
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
