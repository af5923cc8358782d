// Small node:http helpers for the sandbox: JSON and HTML answers in the API's wire style, redirects, body reading,
// HTML escaping and KST timestamps.

import type { IncomingMessage, ServerResponse } from 'node:http';

export const JSON_TYPE = 'application/json; charset=UTF-8';
const MAX_BODY = 64 * 1024;

export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: ServerResponse, html: string, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store' });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store' });
  res.end();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em}' +
    'button{font-size:1.1em;margin-right:1em;padding:.4em 1.4em}td{padding:.2em .8em}</style></head>' +
    `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** The request body as text, refusing anything over 64 KiB (the sandbox only takes small forms). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** KST wall-clock digits of a moment: YYYYMMDDHHMMSSsss. Slice for shorter forms. */
export function kstDigits(at: Date): string {
  const k = new Date(at.getTime() + 9 * 3600_000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${k.getUTCFullYear()}${p(k.getUTCMonth() + 1)}${p(k.getUTCDate())}${p(k.getUTCHours())}` +
    `${p(k.getUTCMinutes())}${p(k.getUTCSeconds())}${p(k.getUTCMilliseconds(), 3)}`;
}

/** Whether a redirect_uri is acceptable: plain http on a loopback host, any port and path. */
export function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) && u.hash === '';
  } catch {
    return false;
  }
}
