// The OAuth loopback callback server: binds exactly the redirect URI's loopback host and port, answers only its path,
// checks `state` in constant time, and closes after the first callback (or on timeout / abort).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { AuthError, TemporaryError, ConfigError } from '../errors.js';

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

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== expectedPath || done) {
      res.writeHead(404, HEADERS).end(page('Not found', 'Nothing here.'));
      return;
    }
    const q = url.searchParams;
    const error = q.get('error');
    if (error !== null) {
      const description = q.get('error_description') ?? '';
      res.writeHead(400, HEADERS).end(
        page('Authorization was not granted', `The bank said: <code>${escapeHtml(error)}</code> ${escapeHtml(description)}. You can close this tab.`),
      );
      finish(() =>
        settle.reject(
          new AuthError(`authorization was not granted (${error}${description ? `: ${description}` : ''})`, "run 'finance login' again and approve access"),
        ),
      );
      return;
    }
    if (!sameState(opts.state, q.get('state'))) {
      res.writeHead(400, HEADERS).end(page('Login could not be verified', 'The state parameter did not match. You can close this tab and run finance login again.'));
      finish(() => settle.reject(new AuthError('the callback state did not match this login (possible forgery)', "run 'finance login' again")));
      return;
    }
    const code = q.get('code');
    if (!code) {
      res.writeHead(400, HEADERS).end(page('Login failed', 'The callback carried no authorization code. You can close this tab.'));
      finish(() => settle.reject(new AuthError('the callback carried no authorization code', "run 'finance login' again")));
      return;
    }
    res.writeHead(200, HEADERS).end(page('finance: 로그인 완료 (logged in)', '인증이 완료되었습니다. 이 탭을 닫아도 됩니다. You can close this tab and return to the terminal.'));
    finish(() => settle.resolve({ code, scope: q.get('scope'), clientInfo: q.get('client_info') }));
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
    () => finish(() => settle.reject(new AuthError(`no authorization arrived within ${Math.round(opts.timeoutMs / 1000)} s`, "run 'finance login' again (use --timeout for more time)"))),
    opts.timeoutMs,
  );
  opts.signal?.addEventListener('abort', () => finish(() => settle.reject(opts.signal!.reason as Error)), { once: true });

  const address = servers[0]!.address();
  return { result, close, port: typeof address === 'object' && address ? address.port : port };
}
