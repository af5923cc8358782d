// The sandbox side of the bench: start the in-process Open Banking emulator, log a data directory in through the
// real CLI (auto-consent, playing the browser), and obtain a token directly for the no-storage floor.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { binPath, distUrl } from './build.mjs';

export async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The environment the CLI needs to talk to this sandbox (nothing from the caller's FINANCE_* or colour settings). */
export function sandboxEnv(sb, port) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('FINANCE_') || k === 'NO_COLOR' || k === 'FORCE_COLOR' || k === 'XDG_DATA_HOME') continue;
    env[k] = v;
  }
  return {
    ...env,
    FINANCE_API_BASE_URL: sb.baseUrl,
    FINANCE_CLIENT_ID: sb.clientId,
    FINANCE_CLIENT_SECRET: sb.clientSecret,
    FINANCE_ORG_CODE: sb.orgCode,
    FINANCE_REDIRECT_URI: `http://127.0.0.1:${port}/callback`,
  };
}

/** Runs the CLI to completion; rejects on a non-zero exit. */
export function cli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`finance ${args.join(' ')} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

/** Follows an auto-consent authorize URL to its redirect; returns the Location (the callback with ?code=). */
async function authorizeRedirect(url) {
  const first = await fetch(url, { redirect: 'manual' });
  await first.text();
  const location = first.headers.get('location');
  if (!location) throw new Error(`no redirect from the sandbox's authorize page (HTTP ${first.status})`);
  return location;
}

/** `finance login --no-browser` into `home`, with the callback fetched the way a browser would. */
export async function login(sb, home) {
  const env = sandboxEnv(sb, await freePort());
  const child = spawn(process.execPath, [binPath(), '--home', home, 'login', '--no-browser', '--timeout', '60'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const done = new Promise((resolve) => child.on('close', resolve));
  const started = Date.now();
  let m;
  while (!(m = /Open this URL to authorize: (\S+)\n/.exec(stderr))) {
    if (child.exitCode !== null) throw new Error(`finance login exited ${child.exitCode}: ${stderr.trim()}`);
    if (Date.now() - started > 30_000) throw new Error(`finance login printed no URL: ${stderr.trim()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const cb = await fetch(await authorizeRedirect(m[1]), { redirect: 'manual' });
  await cb.text();
  const code = await done;
  if (code !== 0) throw new Error(`finance login exited ${code}: ${stderr.trim()}`);
  return env;
}

/** An access token and user_seq_no straight from the sandbox (any loopback redirect_uri is accepted). */
export async function directToken(sb) {
  const { OpenBankingClient } = await import(distUrl('openbanking/client.js'));
  const redirectUri = 'http://127.0.0.1:9/bench';
  const q = new URLSearchParams({
    response_type: 'code', client_id: sb.clientId, redirect_uri: redirectUri, scope: 'login inquiry',
    state: 'benchstate0123456789012345678901', auth_type: '0',
  });
  const location = await authorizeRedirect(`${sb.baseUrl}/oauth/2.0/authorize?${q}`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`the sandbox redirected without a code: ${location}`);
  const client = new OpenBankingClient({ baseUrl: sb.baseUrl, clientId: sb.clientId, clientSecret: sb.clientSecret, nextTranId: () => '' });
  return client.exchangeCode(code, redirectUri);
}
