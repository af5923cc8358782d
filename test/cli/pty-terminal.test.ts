// The pseudo-terminal lane: a person at a real terminal, 60, 100 and 160 columns wide, runs every everyday command
// against the sandbox. For each: the exit code, no "internal error", no line wider than the terminal and no raw
// control character from the data (memos, aliases and bank names carry ESC[2J, ESC]0;…BEL, CR and C1 bytes).

import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_MEMOS } from '../../src/sandbox/hostile.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { runCli, tempHome } from '../helpers/cli.js';
import { overflowing, rawControl, runPty, startPty, type PtyResult } from '../helpers/pty.js';
import { freePort, sandboxEnv } from '../helpers/session.js';

const NOW = '2026-11-02T03:00:00Z';
const WIDTHS = [60, 100, 160] as const;

let sandbox: SandboxHandle;
let env: NodeJS.ProcessEnv;
let prepared: string;
let pristine: string;
const results: Array<{ cols: number; name: string; code: number | null }> = [];

/** Plays the browser on a consent page: GET the page, POST agree, GET the callback. */
async function consent(url: string): Promise<void> {
  const page = await (await fetch(url, { redirect: 'manual' })).text();
  const id = page.match(/name="request_id" value="([^"]+)"/)?.[1];
  if (!id) throw new Error(`no consent form: ${page.slice(0, 200)}`);
  const r = await fetch(new URL('/oauth/2.0/authorize/decision', sandbox.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: id, decision: 'agree' }).toString(),
  });
  await r.text();
  const cb = await fetch(r.headers.get('location')!, { redirect: 'manual' });
  await cb.text();
}

async function loginPiped(home: string): Promise<void> {
  const { startCli, waitForStderr } = await import('../helpers/cli.js');
  const h = startCli(['--home', home, 'login', '--no-browser', '--timeout', '30'], { env });
  const [, url] = await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
  await consent(url!);
  const r = await h.done;
  if (r.code !== 0) throw new Error(`login: ${r.code} ${r.stderr}`);
}

// Tests that change data work on a copy of `pristine`, a snapshot no command ever opens: copying `prepared` itself raced
// with the concurrent read-only tests (SQLite deletes finance.db-wal/-shm on each last close, and cpSync hit ENOENT).
function copyHome(): string {
  const home = tempHome('finance-pty-');
  cpSync(pristine, home, { recursive: true });
  return home;
}

function check(cols: number, name: string, r: PtyResult, code = 0): void {
  results.push({ cols, name, code: r.code });
  expect(r.code, `${name} at ${cols}: ${r.out}\n${r.err}`).toBe(code);
  expect(r.out).not.toMatch(/internal error/);
  const wide = overflowing(r.out, cols);
  expect(wide, `${name} at ${cols} columns, too wide:\n${wide.join('\n')}`).toEqual([]);
  expect(rawControl(r.out), `${name} at ${cols} columns: ${JSON.stringify(r.out)}`).toEqual([]);
}

beforeAll(async () => {
  // controlText: memos, an alias and a bank name carrying ESC[2J, ESC]0;…BEL, a lone CR, C1 controls and a bidi override.
  sandbox = await startSandbox({ seed: 5, months: 2, accounts: 3, end: '2026-11-01', now: () => new Date(NOW), controlText: true });
  env = sandboxEnv(sandbox, await freePort(), { FINANCE_NOW: NOW, FINANCE_PAGER: 'cat', TERM: 'xterm-256color' });
  prepared = tempHome('finance-pty-');
  await loginPiped(prepared);
  const s = await runCli(['--home', prepared, 'sync', '-q'], { env });
  if (s.code !== 0) throw new Error(s.stderr);
  pristine = tempHome('finance-pty-');
  cpSync(prepared, pristine, { recursive: true });
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  // The lane's figures for the issue note: columns × commands → exit codes.
  const names = [...new Set(results.map((r) => r.name))];
  const table = names.map((n) => `${n.padEnd(28)} ${WIDTHS.map((w) => String(results.find((r) => r.name === n && r.cols === w)?.code ?? '-').padStart(5)).join('')}`);
  process.stderr.write(`pty lane (exit codes at ${WIDTHS.join('/')} columns)\n${table.join('\n')}\n`);
});

describe.concurrent.each(WIDTHS)('at %i columns', (cols) => {
  it('login (consent over HTTP), then sync with progress', async () => {
    const home = tempHome('finance-pty-');
    const run = startPty(['--home', home, 'login', '--no-browser', '--timeout', '30'], { cols, env });
    const [, url] = await run.waitFor(/Open this URL to authorize: (\S+)\r?\n/);
    await consent(url!);
    const r = await run.done;
    check(cols, 'login', r);
    expect(r.out).toMatch(/Logged in as/);
    const s = await runPty(['--home', home, 'sync'], { cols, env });
    check(cols, 'sync', s);
    expect(s.out).toMatch(/synced \d+\/\d+ accounts/);
  });

  for (const [name, args] of [
    ['accounts', ['accounts']],
    ['tx', ['tx']],
    ['tx --limit 5', ['tx', '--limit', '5']],
    ['fixed', ['fixed']],
    ['categories', ['categories']],
    ['status', ['status']],
    ['report', ['report']],
    ['explain', ['explain', HOSTILE_MEMOS[0]!]],
  ] as const) {
    it(name, async () => {
      const r = await runPty(['--home', prepared, ...args], { cols, env });
      check(cols, name, r);
      if (name === 'tx --limit 5' && cols >= 100) expect(r.out).toMatch(/\\x1b|\\x9b|\\r|\\u202e/); // a hostile memo, shown escaped
    });
  }

  it('label set with a typo in the category: the prompt offers the closest one', async () => {
    const home = copyHome();
    const r = await runPty(['--home', home, 'label', 'set', '스타벅스', '카폐'], { cols, env, steps: [{ wait: '카폐', send: '\r', delay: 0.3 }] });
    check(cols, 'label set (typo, prompt)', r);
    const labels = JSON.parse((await runCli(['--home', home, 'label', 'list', '--json'], { env })).stdout) as Array<{ memo: string; category: string }>;
    expect(labels).toEqual([expect.objectContaining({ memo: '스타벅스', category: 'cafe' })]);
  });

  it('Ctrl-C in classify --interactive exits 130 and keeps the answer already given', async () => {
    const home = copyHome();
    const r = await runPty(['--home', home, 'classify', '--interactive'], {
      cols,
      env,
      steps: [
        { wait: '\\[1/\\d+\\]', send: 'transfer', delay: 0.3 },
        { wait: 'transfer', send: '\r', delay: 0.3 },
        // the next prompt: another memo, or (for a merchant) "this memo only, or every memo of the payee?"
        { wait: '\\[2/\\d+\\]|every memo of', send: '\r', delay: 0.3 },
        { wait: '\\[[23]/\\d+\\]|every memo of', send: '\x03', delay: 0.3 },
      ],
    });
    check(cols, 'classify -i, Ctrl-C', r, 130);
    const labels = JSON.parse((await runCli(['--home', home, 'label', 'list', '--json'], { env })).stdout) as unknown[];
    expect(labels.length).toBeGreaterThanOrEqual(1);
  });

  it('config set clientSecret through the hidden prompt: the secret is never echoed', async () => {
    const home = tempHome('finance-pty-');
    const secret = `pty-secret-${cols}-Zq9`;
    const r = await runPty(['--home', home, 'config', 'set', 'clientSecret'], { cols, env, steps: [{ wait: '[Ss]ecret', send: `${secret}\r`, delay: 0.3 }] });
    check(cols, 'config set clientSecret', r);
    expect(r.out).not.toContain(secret);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).clientSecret).toBe(secret);
  });
});

describe('the pager', () => {
  // A stand-in pager that marks its output, so the test sees whether it was used.
  const pager = () => {
    const dir = tempHome('finance-pager-');
    const { mkdirSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
    mkdirSync(dir, { recursive: true });
    const script = join(dir, 'pager.py');
    writeFileSync(script, "import sys\nsys.stdout.write('PAGER-START\\n' + sys.stdin.read())\n");
    return `python3 ${script}`;
  };

  it('pages tx taller than the screen; not with --no-pager, not when it fits, and prints directly when the pager cannot start', async () => {
    const e = { ...env, FINANCE_PAGER: pager() };
    const long = await runPty(['--home', prepared, 'tx'], { cols: 100, rows: 20, env: e });
    expect(long.code).toBe(0);
    expect(long.out).toContain('PAGER-START');
    const off = await runPty(['--home', prepared, '--no-pager', 'tx'], { cols: 100, rows: 20, env: e });
    expect(off.out).not.toContain('PAGER-START');
    expect(off.out.split('\n').length).toBeGreaterThan(20);
    const short = await runPty(['--home', prepared, 'tx', '--limit', '3'], { cols: 100, rows: 20, env: e });
    expect(short.out).not.toContain('PAGER-START');
    const broken = await runPty(['--home', prepared, 'tx'], { cols: 100, rows: 20, env: { ...env, FINANCE_PAGER: '/nonexistent/pager' } });
    expect(broken.code).toBe(0);
    expect(broken.out.split('\n').length).toBeGreaterThan(20);
    // piped: never paged
    const piped = await runCli(['--home', prepared, 'tx', '--limit', '50'], { env: e });
    expect(piped.stdout).not.toContain('PAGER-START');
  });
});
