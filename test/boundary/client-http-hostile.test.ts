// The hostile-server helper itself, against the built CLI: its default answers are enough for a clean sync, and a
// scripted answer is used once, in order, before the default comes back.

import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hostileHome, startHostileServer, wireRow, type HostileServer } from '../helpers/hostile-server.js';
import { storedRows } from '../helpers/session.js';

let srv: HostileServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

describe('hostile server helper', () => {
  it('a data directory pointed at it syncs the default rows (exit 0), using the stored token', async () => {
    srv = await startHostileServer({
      rows: [wireRow({ date: '20261110', amount: 5000, balance: 995000 }), wireRow({ date: '20261111', direction: 'in', amount: 10000, balance: 1005000, memo: '급여' })],
    });
    const h = await hostileHome(srv, { env: { FINANCE_NOW: '2026-11-20T03:00:00Z' } });
    const r = await runCli(['--home', h.home, 'sync', '--from', '2026-11-01'], { env: h.env });
    expect(r.code, r.stderr).toBe(0);
    expect(storedRows(h.home).map((x) => [x.date, x.amount, x.memo])).toEqual([
      ['2026-11-10', 5000, '스타벅스'],
      ['2026-11-11', 10000, '급여'],
    ]);
    expect(srv.seen('balance')[0]!.bearer).toBe(h.accessToken);
    expect(srv.seen('token')).toHaveLength(0);
  });

  it('scripted answers are used once each, then the default answer returns', async () => {
    srv = await startHostileServer();
    srv.script('account_list', { status: 200, body: { rsp_code: 'A0002', rsp_message: 'first' } }, { cut: true });
    const asJson = async () => (await fetch(`${srv!.baseUrl}/v2.0/account/list?user_seq_no=1`)).json() as Promise<{ rsp_code: string; rsp_message: string }>;
    expect((await asJson()).rsp_message).toBe('first');
    await expect(asJson()).rejects.toThrow();
    expect((await asJson()).rsp_code).toBe('A0000');
    expect(srv.seen('account_list')).toHaveLength(3);
  });
});
