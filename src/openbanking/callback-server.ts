// The OAuth loopback callback server: binds exactly the redirect URI's loopback host and port, answers only its path,
// checks `state` in constant time, and closes after the first callback that carries the right state (or on timeout /
// abort). A request with a missing or wrong state — `error=…` from any web page that redirects the browser here, or a
// forged code — is answered 400 and ignored: only the real callback may end the login. The same judgement applies to
// a redirect address pasted by hand (`judgeCallback`).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { AuthError, TemporaryError, ConfigError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';

export interface CallbackResult {
  code: string;
  scope: string | null;
  clientInfo: string | null;
}

export interface CallbackServer {
  /** Resolves with the code once a callback with the right state arrives; rejects on error, timeout or abort. */
  result: Promise<CallbackResult>;
  close(): Promise<void>;
  /** The actual port (useful when the redirect URI says :0 in tests). */
  port: number;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${body}</p></body></html>`;
}

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  Connection: 'close',
};

function sameState(expected: string, got: string | null): boolean {
  if (got === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(got);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Addresses to bind for a loopback redirect URI hostname. `localhost` may resolve to either loopback address in the
 * browser, so it gets both (the IPv6 one only where the machine has it); nothing else is ever bound.
 */
function bindHosts(hostname: string): { primary: string; extra: string | null } {
  if (hostname === '[::1]') return { primary: '::1', extra: null };
  if (hostname === 'localhost') return { primary: '127.0.0.1', extra: '::1' };
  return { primary: hostname, extra: null };
}

/** The login's wait ran out (kept apart so the caller can offer to read a pasted address instead). */
export class CallbackTimeoutError extends AuthError {}

export type CallbackVerdict = { status: number; title: string; body: string } & (
  | { kind: 'ok'; result: CallbackResult }
  | { kind: 'error'; error: AuthError }
  | { kind: 'ignore' }
);

/**
 * What one callback's query means. A code under a wrong or missing state ends the login as a state mismatch (77,
 * never exchanged); anything else without the right state is ignored (400) and the login keeps waiting. With the
 * right state, `error=` is a refusal and `code` the answer. Text from the query is sanitized before it reaches an
 * error message (and HTML-escaped on the page).
 */
export function judgeCallback(q: URLSearchParams, state: string): CallbackVerdict {
  if (!sameState(state, q.get('state'))) {
    // An authorization code under someone else's state is a state mismatch (CLI.md: 77): it is never exchanged, and
    // the login ends so the person learns of it. Anything else without the right state (an `error=` any web page can
    // send, a stray probe) is ignored and the login keeps waiting for the real callback.
    if (q.get('code') && q.get('error') === null) {
      return {
        kind: 'error',
        status: 400,
        title: 'Login could not be verified',
        body: 'The state parameter of this callback does not match the login in progress, so its code was not used. Run finance login again.',
        error: new AuthError('the callback state did not match the login in progress (the code was not used)', "run 'finance login' again"),
      };
    }
    return {
      kind: 'ignore',
      status: 400,
      title: 'Login could not be verified',
      body: 'This request does not belong to the login in progress (its state parameter does not match), so it was ignored. If you are logging in, finish the consent in the page finance opened.',
    };
  }
  const error = q.get('error');
  if (error !== null) {
    const code = sanitizeLine(error).slice(0, 100);
    const description = sanitizeLine(q.get('error_description') ?? '').slice(0, 300);
    return {
      kind: 'error',
      status: 400,
      title: 'Authorization was not granted',
      body: `The bank said: <code>${escapeHtml(code)}</code> ${escapeHtml(description)}. You can close this tab.`,
      error: new AuthError(`authorization was not granted (${code}${description ? `: ${description}` : ''})`, "run 'finance login' again and approve access"),
    };
  }
  const code = q.get('code');
  if (!code) {
    return {
      kind: 'error',
      status: 400,
      title: 'Login failed',
      body: 'The callback carried no authorization code. You can close this tab.',
      error: new AuthError('the callback carried no authorization code', "run 'finance login' again"),
    };
  }
  return {
    kind: 'ok',
    status: 200,
    title: 'finance: 로그인 완료 (logged in)',
    body: '인증이 완료되었습니다. 이 탭을 닫아도 됩니다. You can close this tab and return to the terminal.',
    result: { code, scope: q.get('scope'), clientInfo: q.get('client_info') },
  };
}

export async function startCallbackServer(opts: {
  redirectUri: string;
  state: string;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<CallbackServer> {
  const uri = new URL(opts.redirectUri);
  const expectedPath = uri.pathname || '/';
  const port = uri.port ? Number(uri.port) : 80;
  let settle!: { resolve: (r: CallbackResult) => void; reject: (e: Error) => void };
  const result = new Promise<CallbackResult>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => {}); // observed by the caller; avoid an unhandled rejection if it never awaits
  let done = false;
  const sockets = new Set<Socket>();

  const finish = (fn: () => void) => {
    if (done) return;
    done = true;
    fn();
    setImmediate(() => void close());
  };

  let refused = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== expectedPath || done) {
      res.writeHead(404, HEADERS).end(page('Not found', 'Nothing here.'));
      return;
    }
    const verdict = judgeCallback(url.searchParams, opts.state);
    res.writeHead(verdict.status, HEADERS).end(page(verdict.title, verdict.body));
    if (verdict.kind === 'ignore') {
      refused++;
      return;
    }
    finish(() => (verdict.kind === 'ok' ? settle.resolve(verdict.result) : settle.reject(verdict.error)));
  };

  const makeServer = () => {
    const server = createServer(handle);
    server.requestTimeout = 10_000;
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 1;
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    server.on('clientError', (_err, socket) => socket.destroy());
    return server;
  };
  const servers: Server[] = [];

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
          }),
      ),
    ).then(() => undefined);
    clearTimeout(timer);
    // end() lets a response still in flight reach the browser; anything left after a moment is cut.
    for (const s of sockets) s.end();
    setTimeout(() => sockets.forEach((s) => s.destroy()), 500).unref();
    return closed;
  };

  const listen = (host: string) =>
    new Promise<Server>((resolve, reject) => {
      const server = makeServer();
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, () => resolve(server));
    });

  const hosts = bindHosts(uri.hostname);
  try {
    servers.push(await listen(hosts.primary));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      throw new TemporaryError(`port ${port} on ${uri.hostname} is already in use`, 'stop whatever uses it (or another finance login), then try again');
    } else if (e.code === 'EACCES') {
      throw new ConfigError(`not allowed to listen on port ${port}`, 'use a port above 1023 in redirectUri (and register it with the bank)');
    } else if (e.code === 'EADDRNOTAVAIL') {
      throw new ConfigError(`cannot listen on ${uri.hostname}`, 'use localhost or 127.0.0.1 in redirectUri');
    }
    throw e;
  }
  if (hosts.extra) {
    // Best effort: a machine without IPv6, or ::1 taken by something else, still has 127.0.0.1.
    const bound = (servers[0]!.address() as { port: number }).port;
    await new Promise<void>((resolve) => {
      const server = makeServer();
      server.once('error', () => resolve());
      server.listen({ host: hosts.extra!, port: bound, exclusive: true }, () => {
        servers.push(server);
        resolve();
      });
    });
  }

  const timer = setTimeout(
    () =>
      finish(() =>
        settle.reject(
          new CallbackTimeoutError(
            `no authorization arrived within ${Math.round(opts.timeoutMs / 1000)} s${refused > 0 ? ` (${refused} request${refused > 1 ? 's' : ''} with a wrong or missing state refused)` : ''}`,
            "run 'finance login' again (use --timeout for more time; over SSH use --paste)",
          ),
        ),
      ),
    opts.timeoutMs,
  );
  opts.signal?.addEventListener('abort', () => finish(() => settle.reject(opts.signal!.reason as Error)), { once: true });

  const address = servers[0]!.address();
  return { result, close, port: typeof address === 'object' && address ? address.port : port };
}
