// Test helpers around the sandbox: environment for the CLI, a logged-in data directory, expected rows.

import { createServer } from 'node:net';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { cleanEnv, followAuthorize, startCli, waitForStderr, type CliResult } from './cli.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

export function sandboxEnv(sandbox: SandboxHandle, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    FINANCE_API_BASE_URL: sandbox.baseUrl,
    FINANCE_CLIENT_ID: sandbox.clientId,
    FINANCE_CLIENT_SECRET: sandbox.clientSecret,
    FINANCE_ORG_CODE: sandbox.orgCode,
    FINANCE_REDIRECT_URI: `http://127.0.0.1:${port}/callback`,
    ...extra,
  });
}

/** Logs the data directory in against an auto-consent sandbox, playing the browser. */
export async function login(sandbox: SandboxHandle, home: string, env?: NodeJS.ProcessEnv): Promise<{ env: NodeJS.ProcessEnv; result: CliResult }> {
  const e = env ?? sandboxEnv(sandbox, await freePort());
  const h = startCli(['--home', home, 'login', '--no-browser', '--timeout', '30'], { env: e });
  const [, url] = await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
  await followAuthorize(url!);
  const result = await h.done;
  if (result.code !== 0) throw new Error(`login failed (${result.code}): ${result.stderr}`);
  return { env: e, result };
}

export interface Row {
  account: string;
  date: string;
  time: string;
  direction: 'in' | 'out';
  amount: number;
  balanceAfter: number;
  memo: string;
  type: string;
  branch: string;
}

const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
const hms = (t: string) => `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;

/** Every generated row of the consented accounts, as the store should hold them, in a canonical order. */
export function expectedRows(sandbox: SandboxHandle, opts: { from?: string; to?: string } = {}): Row[] {
  const out: Row[] = [];
  for (const a of sandbox.household.accounts) {
    if (!a.inquiryAgree) continue;
    for (let i = 0; i < a.count; i++) {
      const t = a.tx(i);
      const date = iso(t.date);
      if ((opts.from && date < opts.from) || (opts.to && date > opts.to)) continue;
      out.push({
        account: a.fintechUseNum,
        date,
        time: hms(t.time),
        direction: t.inout === '입금' ? 'in' : 'out',
        amount: t.amount,
        balanceAfter: t.afterBalance,
        memo: t.memo.trim(),
        type: t.tranType,
        branch: t.branch,
      });
    }
  }
  return sortRows(out);
}

export function sortRows(rows: Row[]): Row[] {
  const key = (r: Row) => `${r.account}|${r.date}|${r.time}|${r.direction}|${r.amount}|${r.balanceAfter}|${r.memo}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The stored rows (read straight from SQLite), canonical order. */
export function storedRows(home: string): Row[] {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT account, date, time, direction, amount, balance_after AS balanceAfter, memo, type, branch FROM transactions')
      .all() as Row[];
    return sortRows(rows);
  } finally {
    db.close();
  }
}

export function contentHash(home: string): string {
  return createHash('sha256').update(JSON.stringify(storedRows(home))).digest('hex');
}

export function integrity(home: string): string {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
