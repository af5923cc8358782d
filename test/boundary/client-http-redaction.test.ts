// Issue 14 item 2: a hostile server that echoes secrets (bearer token, refresh token, client secret) and terminal
// escape sequences in its error text. Nothing secret and no raw control character may reach stdout, stderr, the
// database files or `status`, whichever path the text takes.

import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { hostileHome, startHostileServer, type HostileHome, type HostileServer } from '../helpers/hostile-server.js';

let srv: HostileServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const NOW = { FINANCE_NOW: '2026-11-20T03:00:00Z' };
const ESCAPES = '\x1b[2J\x1b]0;pwned\x07\r\x9b31m';
// A raw control character other than newline/tab (the CLI's own colour codes are off: output is piped).
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Every row of every table but `tokens` (where the token pair is kept on purpose), as text. */
function rowsOutsideTokens(home: string): string {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'tokens'").all() as Array<{ name: string }>).map((t) => t.name);
    return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
  } finally {
    db.close();
  }
}

/**
 * What the CLI left behind: its outputs and `status` (text and JSON); every file of the data directory as bytes
 * (config.json holds the client secret on purpose); every database row outside the tokens table.
 */
async function everything(h: HostileHome, runs: CliResult[]): Promise<{ printed: string; files: string; rows: string }> {
  const status = await runCli(['--home', h.home, 'status'], { env: h.env });
  const statusJson = await runCli(['--home', h.home, 'status', '--json'], { env: h.env });
  const all = [...runs, status, statusJson];
  const printed = all.map((r) => r.stdout + '\n' + r.stderr).join('\n');
  const files = readdirSync(h.home)
    .filter((f) => f !== 'config.json') // the secret is configured there on purpose
    .map((f) => readFileSync(join(h.home, f)).toString('latin1'))
    .join('\n');
  return { printed, files, rows: rowsOutsideTokens(h.home) };
}

function expectClean(text: string, secrets: string[]): void {
  for (const s of secrets) expect(text).not.toContain(s);
  expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/);
}

describe('server text that echoes secrets', () => {
  it('an rsp_message echoing the bearer token (opaque, not token-shaped) never reaches any sink', async () => {
    srv = await startHostileServer();
    const h = await hostileHome(srv, { env: NOW, accessToken: 'opaque-access-0123456789abcdef', refreshToken: 'opaque-refresh-0123456789abcdef' });
    srv.setDefault('transaction_list', (req) => ({ body: { rsp_code: 'A0004', rsp_message: `request denied for ${req.bearer}${ESCAPES}` } }));
    const runs = [
      await runCli(['--home', h.home, 'sync', '--from', '2026-11-01'], { env: h.env }),
      await runCli(['--home', h.home, '--json', 'sync', '--from', '2026-11-01'], { env: h.env }),
      await runCli(['--home', h.home, '-v', 'sync', '--from', '2026-11-01'], { env: h.env }),
    ];
    for (const r of runs) expect(r.code, r.stderr).not.toBe(0);
    expect(runs[0]!.stderr).toContain('request denied for ****'); // the message itself survives, the token does not
    const json = JSON.parse(runs[1]!.stdout) as { accounts: Array<{ error?: string }> };
    expect(json.accounts[0]!.error).toContain('****');
    const { printed, files, rows } = await everything(h, runs);
    expectClean(printed + rows, [h.accessToken, h.refreshToken!, srv.clientSecret]);
    expect(files).not.toContain(`denied for ${h.accessToken}`);
    expect(files).not.toContain(srv.clientSecret);
    expect(printed).not.toMatch(RAW_CONTROL);
    expect(files).not.toContain('\x1b[2J');
    expect(rows).toContain('request denied for ****'); // stored, but redacted
  });

  it('a refresh refusal echoing the refresh token and client secret never reaches any sink (77)', async () => {
    srv = await startHostileServer();
    const h = await hostileHome(srv, { env: NOW });
    // The bank refuses the token in the middle of an account, so the refresh refusal lands in the per-account error.
    srv.setDefault('transaction_list', { body: { rsp_code: 'O0002', rsp_message: 'Access Token 거부' } });
    srv.setDefault('token', (req) => ({
      body: { rsp_code: 'O0001', rsp_message: `bad refresh_token ${req.form.get('refresh_token')} for secret ${req.form.get('client_secret')}${ESCAPES}` },
    }));
    const runs = [
      await runCli(['--home', h.home, 'sync', '--from', '2026-11-01'], { env: h.env }),
      await runCli(['--home', h.home, '--json', '-v', 'sync', '--from', '2026-11-01'], { env: h.env }),
    ];
    expect(srv.seen('token').length).toBeGreaterThan(0);
    for (const r of runs) expect(r.code, r.stderr).toBe(77);
    const { printed, files, rows } = await everything(h, runs);
    expectClean(printed + rows, [h.accessToken, h.refreshToken!, srv.clientSecret]);
    expect(files).not.toContain(srv.clientSecret);
    expect(files).not.toContain('\x1b[2J');
    expect(printed).not.toMatch(RAW_CONTROL);
  });

  it('an OAuth error body echoing the bearer token is redacted on stderr, in JSON and in the database', async () => {
    srv = await startHostileServer();
    const h = await hostileHome(srv, { env: NOW });
    srv.setDefault('balance', (req) => ({ status: 400, body: { error: 'invalid_request', error_description: `bearer ${req.bearer} refused${ESCAPES}` } }));
    srv.setDefault('transaction_list', (req) => ({ status: 400, body: { error: 'invalid_request', error_description: `bearer ${req.bearer} refused${ESCAPES}` } }));
    const runs = [await runCli(['--home', h.home, '--json', 'sync', '--from', '2026-11-01'], { env: h.env })];
    expect(runs[0]!.code).not.toBe(0);
    const { printed, files, rows } = await everything(h, runs);
    expectClean(printed + rows, [h.accessToken, h.refreshToken!, srv.clientSecret]);
    expect(files).not.toContain(srv.clientSecret);
    expect(files).not.toContain('\x1b[2J');
    expect(printed).not.toMatch(RAW_CONTROL);
  });
});
