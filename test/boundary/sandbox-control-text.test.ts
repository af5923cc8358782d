// controlText over real HTTP: the hostile memos, alias and bank name reach the wire verbatim (the client is the one
// that must make them safe), from startSandbox and from the built `finance sandbox --control-text`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_ALIAS, HOSTILE_BANK_NAME, HOSTILE_MEMOS } from '../../src/sandbox/hostile.js';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { startSandboxCli } from './sandbox-helpers.js';
import { getJson, LIST, listParams, login, type Row, start } from './sandbox-helpers.js';

describe('sandbox controlText', () => {
  let sb: SandboxHandle;
  let token: string;
  beforeAll(async () => {
    sb = await start({ months: 3, autoConsent: true, controlText: true });
    token = (await login(sb)).access_token;
  });
  afterAll(() => sb.close());

  it('serves the hostile alias and bank name in user/me and account/list', async () => {
    const me = await getJson(sb, '/v2.0/user/me', { user_seq_no: sb.household.user.userSeqNo }, token);
    const items = me.res_list as Array<Record<string, string>>;
    expect(items[0]?.account_alias).toBe(HOSTILE_ALIAS);
    expect(items[1]?.bank_name).toBe(HOSTILE_BANK_NAME);
    const list = await getJson(sb, '/v2.0/account/list', { user_seq_no: sb.household.user.userSeqNo,
      include_cancel_yn: 'N', sort_order: 'A' }, token);
    expect((list.res_list as Array<Record<string, string>>).map((a) => a.account_alias)).toContain(HOSTILE_ALIAS);
  });

  it('serves every hostile memo raw among the newest rows, and the bank name on the page', async () => {
    const memos = new Set<string>();
    for (const a of sb.household.accounts) {
      const body = await getJson(sb, LIST, listParams(sb, { fintech_use_num: a.fintechUseNum, sort_order: 'D' }), token);
      expect(body.rsp_code).toBe('A0000');
      for (const r of body.res_list as Row[]) memos.add(r.print_content);
      expect(body.bank_name).toBe(a.bankName);
    }
    for (const m of HOSTILE_MEMOS) expect(memos.has(m), JSON.stringify(m)).toBe(true);
  });
});

describe('finance sandbox --control-text', () => {
  it('starts with hostile text when asked, and without it otherwise', async () => {
    for (const flag of [true, false]) {
      const cli = await startSandboxCli(['--auto-consent', '--months', '1', ...(flag ? ['--control-text'] : [])]);
      try {
        const redirect = 'http://localhost:1/cb';
        const auth = await fetch(`${cli.info.baseUrl}/oauth/2.0/authorize?${new URLSearchParams({ response_type: 'code',
          client_id: cli.info.clientId, redirect_uri: redirect, scope: 'login inquiry',
          state: 'abcdefghijklmnopqrstuvwxyz123456', auth_type: '0' })}`, { redirect: 'manual' });
        const code = new URL(auth.headers.get('location') ?? 'http://x/').searchParams.get('code') ?? '';
        const tok = (await (await fetch(`${cli.info.baseUrl}/oauth/2.0/token`, { method: 'POST',
          body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: cli.info.clientId,
            client_secret: cli.info.clientSecret, redirect_uri: redirect }) })).json()) as Record<string, string>;
        const me = (await (await fetch(`${cli.info.baseUrl}/v2.0/user/me?user_seq_no=${tok.user_seq_no}`,
          { headers: { Authorization: `Bearer ${tok.access_token}` } })).json()) as { res_list: Array<Record<string, string>> };
        expect(me.res_list[0]?.account_alias === HOSTILE_ALIAS).toBe(flag);
      } finally {
        await cli.stop();
      }
    }
  });
});
