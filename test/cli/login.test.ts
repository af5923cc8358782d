// `finance login` end to end: the built CLI against the real sandbox over HTTP; the test plays the browser.

import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { cleanEnv, runCli, startCli, tempHome, waitForStderr, type CliResult } from '../helpers/cli.js';

let sandbox: SandboxHandle;
const paths: string[] = [];
const outputs: CliResult[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function envFor(port: number, host = '127.0.0.1'): Promise<NodeJS.ProcessEnv> {
  return cleanEnv({
    FINANCE_API_BASE_URL: sandbox.baseUrl,
    FINANCE_CLIENT_ID: sandbox.clientId,
    FINANCE_CLIENT_SECRET: sandbox.clientSecret,
    FINANCE_ORG_CODE: sandbox.orgCode,
    FINANCE_REDIRECT_URI: `http://${host}:${port}/callback`,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, months: 3, accounts: 2, end: '2026-11-20', log: (l) => paths.push(l) });
});
afterAll(async () => {
  await sandbox.close();
  // Nothing secret in anything the CLI printed in this file's runs.
  const all = outputs.map((o) => o.stdout + o.stderr).join('\n');
  expect(all).not.toContain(sandbox.clientSecret);
  expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // JWT-shaped tokens
  expect(all).not.toMatch(/[?&]code=[^&\s]+/);
});

async function consentPage(url: string): Promise<{ requestId: string; html: string }> {
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  const m = html.match(/name="request_id" value="([^"]+)"/);
  if (!m) throw new Error(`no consent form in: ${html.slice(0, 200)}`);
  return { requestId: m[1]!, html };
}

async function decide(requestId: string, decision: 'agree' | 'deny'): Promise<string> {
  const r = await fetch(new URL('/oauth/2.0/authorize/decision', sandbox.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, decision }).toString(),
  });
  await r.text();
  const loc = r.headers.get('location');
  if (!loc) throw new Error(`no redirect after ${decision}: ${r.status}`);
  return loc;
}

describe('finance login', () => {
  it('consent page → callback → tokens, user and accounts stored; the listener is gone afterwards', async () => {
    const port = await freePort();
    const home = tempHome();
    const env = await envFor(port);
    const h = startCli(['--home', home, 'login', '--no-browser', '--timeout', '30'], { env });
    const [, url] = await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
    const u = new URL(url!);
    expect(u.pathname).toBe('/oauth/2.0/authorize');
    expect(u.searchParams.get('response_type')).toBe('code');
    expect(u.searchParams.get('client_id')).toBe(sandbox.clientId);
    expect(u.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`);
    expect(u.searchParams.get('scope')).toBe('login inquiry');
    expect(u.searchParams.get('auth_type')).toBe('0');
    expect(u.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // Stray requests first: other paths get 404 and do not end the login; an empty connection is survived.
    const stray = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
    expect(stray.status).toBe(404);
    expect(stray.headers.get('referrer-policy')).toBe('no-referrer');
    await new Promise<void>((resolve) => {
      const { connect } = require('node:net') as typeof import('node:net');
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve();
      });
    });

    const { requestId, html } = await consentPage(url!);
    expect(html).toContain('동의');
    const callback = await decide(requestId, 'agree');
    const cb = await fetch(callback, { redirect: 'manual' });
    const page = await cb.text();
    expect(cb.status).toBe(200);
    expect(page).toMatch(/close this tab|탭을 닫/);
    expect(page).not.toContain(new URL(callback).searchParams.get('code')!);
    expect(cb.headers.get('referrer-policy')).toBe('no-referrer');

    const r = await h.done;
    outputs.push(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(sandbox.household.accounts[0]!.fintechUseNum);

    // The listener is closed once login returns.
    await expect(fetch(`http://127.0.0.1:${port}/callback`)).rejects.toThrow();

    const status = await runCli(['--home', home, 'status', '--json'], { env });
    outputs.push(status);
    const s = JSON.parse(status.stdout);
    expect(s.loggedIn).toBe(true);
    expect(s.user.userSeqNo).toBe(sandbox.household.user.userSeqNo);
    expect(s.token.daysLeft).toBeGreaterThan(80);
    expect(s.accounts).toHaveLength(2);

    const accounts = await runCli(['--home', home, 'accounts', '--json'], { env });
    outputs.push(accounts);
    const list = JSON.parse(accounts.stdout);
    expect(list.map((a: { id: string }) => a.id).sort()).toEqual(sandbox.household.accounts.map((a) => a.fintechUseNum).sort());
    for (const a of list) expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'bankCode', 'bankName', 'accountNumMasked', 'alias', 'balance', 'balanceAt', 'lastSyncAt']));
  });

  it('a code under a wrong state is a state mismatch: 400 page, exit 77, the code never exchanged', async () => {
    const port = await freePort();
    const h = startCli(['--home', tempHome(), 'login', '--no-browser', '--timeout', '30'], { env: await envFor(port) });
    await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
    const tokenCallsBefore = paths.filter((p) => p.includes('/oauth/2.0/token')).length;
    const res = await fetch(`http://127.0.0.1:${port}/callback?code=stolen&state=${'x'.repeat(32)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('stolen');
    const r = await h.done;
    outputs.push(r);
    expect(r.code, r.stderr).toBe(77);
    expect(r.stderr).toMatch(/state did not match/);
    expect(r.stderr).not.toContain('stolen');
    expect(paths.filter((p) => p.includes('/oauth/2.0/token')).length).toBe(tokenCallsBefore);
  });

  it('an error= callback without the right state is ignored: the real consent still ends the login', async () => {
    const port = await freePort();
    const h = startCli(['--home', tempHome(), 'login', '--no-browser', '--timeout', '30'], { env: await envFor(port) });
    const [, url] = await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
    const stray = await fetch(`http://127.0.0.1:${port}/callback?error=access_denied&state=${'x'.repeat(32)}`);
    expect(stray.status).toBe(400);
    const noState = await fetch(`http://127.0.0.1:${port}/callback?error=access_denied`);
    expect(noState.status).toBe(400);
    const { requestId } = await consentPage(url!);
    expect((await fetch(await decide(requestId, 'agree'))).status).toBe(200);
    const r = await h.done;
    outputs.push(r);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a denial (error=access_denied) shows the escaped error and exits 77 without a token request', async () => {
    const port = await freePort();
    const h = startCli(['--home', tempHome(), 'login', '--no-browser', '--timeout', '30'], { env: await envFor(port) });
    const [, url] = await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
    const { requestId } = await consentPage(url!);
    const callback = await decide(requestId, 'deny');
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const page = await fetch(callback);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('access_denied');
    const evil = await fetch(`http://127.0.0.1:${port}/callback?error=<script>`).catch(() => null);
    if (evil) expect(await evil.text()).not.toContain('<script>');
    const r = await h.done;
    outputs.push(r);
    expect(r.code).toBe(77);
    expect(r.stderr).toContain('access_denied');
  });

  it('times out with 77', async () => {
    const port = await freePort();
    const r = await runCli(['--home', tempHome(), 'login', '--no-browser', '--timeout', '1'], { env: await envFor(port) });
    outputs.push(r);
    expect(r.code).toBe(77);
    expect(r.stderr).toContain('Open this URL to authorize: ');
    expect(r.stderr).toMatch(/within 1 s/);
  });

  it('a busy port is 75 naming the port', async () => {
    const port = await freePort();
    const blocker: Server = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const r = await runCli(['--home', tempHome(), 'login', '--no-browser', '--timeout', '5'], { env: await envFor(port) });
      outputs.push(r);
      expect(r.code).toBe(75);
      expect(r.stderr).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  it('logout forgets the tokens; commands then say to log in (77)', async () => {
    const port = await freePort();
    const home = tempHome();
    const env = await envFor(port);
    const h = startCli(['--home', home, 'login', '--no-browser', '--timeout', '30'], { env });
    const [, url] = await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
    const { requestId } = await consentPage(url!);
    await fetch(await decide(requestId, 'agree'));
    outputs.push(await h.done);
    const refused = await runCli(['--home', home, 'logout', '--purge'], { env });
    expect(refused.code).toBe(64);
    expect(JSON.parse((await runCli(['--home', home, 'status', '--json'], { env })).stdout).loggedIn).toBe(true);
    const out = await runCli(['--home', home, 'logout'], { env });
    outputs.push(out);
    expect(out.code).toBe(0);
    const sync = await runCli(['--home', home, 'sync'], { env });
    outputs.push(sync);
    expect(sync.code).toBe(77);
    expect(sync.stderr).toContain("finance login");
    const purge = await runCli(['--home', home, 'logout', '--purge'], { env });
    expect(purge.code).toBe(64);
    const purged = await runCli(['--home', home, 'logout', '--purge', '--yes'], { env });
    expect(purged.code).toBe(0);
    const status = JSON.parse((await runCli(['--home', home, 'status', '--json'], { env })).stdout);
    expect(status.database).toBe(false);
  });
});
