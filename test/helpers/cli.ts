// Runs the built CLI (bin/finance.js → dist/) as a child process, the way people and cron do.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/finance.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no FINANCE_* or colour variables from the developer's shell. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('FINANCE_') || k === 'NO_COLOR' || k === 'FORCE_COLOR' || k.startsWith('VITEST') || k === 'XDG_DATA_HOME') continue;
    env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function tempHome(prefix = 'finance-test-'): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), 'home');
}

export function startCli(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): { child: ChildProcess; done: Promise<CliResult>; stderrText: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { env: opts.env ?? cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  else child.stdin!.end();
  const done = new Promise<CliResult>((res) => child.on('close', (code, signal) => res({ code, signal, stdout, stderr })));
  return { child, done, stderrText: () => stderr };
}

export async function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const { child, done } = startCli(args, opts);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves with the first match of `re` in the child's stderr. */
export async function waitForStderr(h: ReturnType<typeof startCli>, re: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const start = Date.now();
  for (;;) {
    const m = h.stderrText().match(re);
    if (m) return m;
    if (h.child.exitCode !== null) throw new Error(`process exited (${h.child.exitCode}) before printing ${re}: ${h.stderrText()}`);
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${re}; stderr so far: ${h.stderrText()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Plays the browser on an auto-consent or consent-less authorize URL: follow the redirect to the callback. */
export async function followAuthorize(url: string): Promise<{ callbackStatus: number; location: string }> {
  const first = await fetch(url, { redirect: 'manual' });
  const location = first.headers.get('location');
  await first.text();
  if (!location) throw new Error(`no redirect from ${url}: HTTP ${first.status}`);
  const cb = await fetch(location, { redirect: 'manual' });
  await cb.text();
  return { callbackStatus: cb.status, location };
}

export const ANSI = /\x1b\[/;
