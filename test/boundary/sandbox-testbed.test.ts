// The `testbed` profile over real HTTP: canned rows whatever the dates, the real testbed's envelope values, unquoted
// amounts, 지급/기타 rows, `****`, a blank balance, a missing account_type, A0002 balance, a closed account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import type { CannedRow } from '../../src/sandbox/testbed.js';
import { BALANCE, getJson, type Json, LIST, listParams, login, start, startSandboxCli, tranId } from './sandbox-helpers.js';

type Item = Record<string, string>;

describe('sandbox --profile testbed', () => {
  let sb: SandboxHandle;
  let token: string;
  const acct = (i: number) => {
    const a = sb.household.accounts[i];
    if (!a) throw new Error(`no account ${i}`);
    return a;
  };
  beforeAll(async () => {
    sb = await start({ profile: 'testbed', autoConsent: true });
    token = (await login(sb)).access_token;
  });
  afterAll(() => sb.close());

  /** Raw page text and parsed body, so unquoted numbers can be told from strings. */
  const rawPage = async (fin: string, extra: Record<string, string> = {}): Promise<{ text: string; body: Json }> => {
    const params = { ...listParams(sb, { fintech_use_num: fin }), ...extra };
    const res = await fetch(`${sb.baseUrl}${LIST}?${new URLSearchParams(params)}`,
      { headers: { Authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { text, body: JSON.parse(text) as Json };
  };
  /** Every page of one query, following the trace while there is one. */
  const allPages = async (fin: string, from: string, to: string): Promise<Json[]> => {
    const pages: Json[] = [];
    let trace = '';
    for (let i = 0; i < 10; i++) {
      const body = (await rawPage(fin, { from_date: from, to_date: to, ...(trace ? { befor_inquiry_trace_info: trace } : {}) })).body;
      pages.push(body);
      trace = String(body.befor_inquiry_trace_info ?? '');
      if (body.rsp_code !== 'A0000' || body.next_page_yn !== 'Y' || trace === '') break;
    }
    return pages;
  };

  it('lists a closed account only with include_cancel_yn=Y, and one account without account_type', async () => {
    const list = async (yn: string) => (await getJson(sb, '/v2.0/account/list', { user_seq_no: sb.household.user.userSeqNo,
      include_cancel_yn: yn, sort_order: 'A' }, token)).res_list as Item[];
    const all = await list('Y');
    expect(all.map((a) => a.account_state)).toEqual(['01', '01', '01', '09']);
    const open = await list('N');
    expect(open.map((a) => a.fintech_use_num)).toEqual(all.slice(0, 3).map((a) => a.fintech_use_num));
    expect(all.filter((a) => !('account_type' in a)).map((a) => a.fintech_use_num)).toEqual([acct(2).fintechUseNum]);
    const me = await getJson(sb, '/v2.0/user/me', { user_seq_no: sb.household.user.userSeqNo }, token);
    expect(me.res_cnt).toBe('3');
  });

  it('serves the same canned rows whatever dates are asked, with 20190101 / 097 envelopes', async () => {
    for (const i of [0, 1, 2]) {
      const a = acct(i);
      const canned = a.canned ?? [];
      expect(canned.length).toBeGreaterThanOrEqual(25);
      expect(canned.length).toBeLessThanOrEqual(60);
      const thisMonth = await allPages(a.fintechUseNum, '20250601', '20250630');
      const longAgo = await allPages(a.fintechUseNum, '20100101', '20100105');
      const rows = (pages: Json[]) => pages.flatMap((p) => p.res_list as CannedRow[]);
      expect(rows(thisMonth)).toEqual(canned);
      expect(rows(longAgo)).toEqual(rows(thisMonth));
      for (const p of thisMonth) {
        expect(p).toMatchObject({ rsp_code: 'A0000', bank_tran_date: '20190101', bank_code_tran: '097', bank_rsp_code: '000' });
        expect(Number(p.page_record_cnt)).toBe((p.res_list as unknown[]).length);
      }
      expect(thisMonth.length).toBe(Math.ceil(canned.length / 25));
    }
    // Like the real capture: a run of rows all dated 20190101, at 01:01:01.
    expect((acct(0).canned ?? []).filter((r) => r.tran_date === '20190101' && r.tran_time === '010101').length)
      .toBeGreaterThanOrEqual(5);
  });

  it('ends with next_page_yn "Y" and an empty trace on the last page, except the clean account', async () => {
    for (const [i, quirky] of [[0, true], [1, true], [2, false]] as const) {
      const pages = await allPages(acct(i).fintechUseNum, '20250101', '20250131');
      const last = pages[pages.length - 1] as Json;
      expect(last.befor_inquiry_trace_info).toBe('');
      expect(last.next_page_yn).toBe(quirky ? 'Y' : 'N');
      if (pages.length > 1) expect(String(pages[0]?.befor_inquiry_trace_info)).not.toBe('');
    }
  });

  it('sends some amounts as unquoted JSON numbers', async () => {
    const { text } = await rawPage(acct(0).fintechUseNum);
    expect(text).toMatch(/"tran_amt":\d+[,}]/);
    expect(text).toMatch(/"tran_amt":"\d+"/);
    const c = await rawPage(acct(2).fintechUseNum);
    expect(c.text).toMatch(/"balance_amt":\d+,/);
    expect(c.text).not.toMatch(/"tran_amt":"/);
  });

  it('has 지급 and 기타 (amount "0") rows, a **** memo and one blank after_balance_amt', () => {
    const rows = acct(1).canned ?? [];
    expect(rows.filter((r) => r.inout_type === '지급').length).toBeGreaterThan(0);
    const other = rows.filter((r) => r.inout_type === '기타');
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((r) => r.tran_amt === '0')).toBe(true);
    expect(rows.filter((r) => r.print_content === '****').length).toBe(1);
    expect(rows.filter((r) => r.after_balance_amt === '').length).toBe(1);
  });

  it('answers balance A0002 for the account without registered balance data, a balance for the others', async () => {
    const balance = (fin: string) => getJson(sb, BALANCE, { bank_tran_id: tranId(sb), fintech_use_num: fin,
      tran_dtime: '20250630150000' }, token);
    const missing = await balance(acct(1).fintechUseNum);
    expect(missing).toMatchObject({ rsp_code: 'A0002', bank_code_tran: '097' });
    expect(missing.bank_rsp_code).not.toBe('000');
    expect(String(missing.bank_rsp_message)).not.toBe('');
    const ok = await balance(acct(0).fintechUseNum);
    expect(ok).toMatchObject({ rsp_code: 'A0000', bank_tran_date: '20190101', balance_amt: String(acct(0).registeredBalance),
      last_tran_date: '00000000' });
    expect((await balance(acct(2).fintechUseNum)).balance_amt).toBe(acct(2).registeredBalance);
  });

  it('refuses every inquiry on the closed account', async () => {
    const fin = acct(3).fintechUseNum;
    const bal = await getJson(sb, BALANCE, { bank_tran_id: tranId(sb), fintech_use_num: fin,
      tran_dtime: '20250630150000' }, token);
    const list = (await rawPage(fin)).body;
    for (const body of [bal, list]) {
      expect(body.rsp_code).toBe('A0002');
      expect(body.bank_rsp_code).toBe('415');
      expect(body.res_list).toBeUndefined();
    }
  });

  it('refuses a forged trace', async () => {
    const body = (await rawPage(acct(0).fintechUseNum, { befor_inquiry_trace_info: 'c1a0000' })).body;
    expect(body.rsp_code).toBe('A0004');
  });

  it('is deterministic per seed', async () => {
    const again = await start({ profile: 'testbed', seed: 7 });
    const other = await start({ profile: 'testbed', seed: 8 });
    try {
      expect(again.household.accounts.map((a) => a.canned)).toEqual(sb.household.accounts.map((a) => a.canned));
      expect(other.household.accounts.map((a) => a.canned)).not.toEqual(sb.household.accounts.map((a) => a.canned));
    } finally {
      await again.close();
      await other.close();
    }
  });
});

describe('finance sandbox --profile testbed', () => {
  it('serves canned rows from the built CLI, and refuses an unknown profile with 64', async () => {
    const cli = await startSandboxCli(['--profile', 'testbed', '--auto-consent']);
    try {
      const redirect = 'http://localhost:1/cb';
      const auth = await fetch(`${cli.info.baseUrl}/oauth/2.0/authorize?${new URLSearchParams({ response_type: 'code',
        client_id: cli.info.clientId, redirect_uri: redirect, scope: 'login inquiry',
        state: 'abcdefghijklmnopqrstuvwxyz123456', auth_type: '0' })}`, { redirect: 'manual' });
      const code = new URL(auth.headers.get('location') ?? 'http://x/').searchParams.get('code') ?? '';
      const tok = (await (await fetch(`${cli.info.baseUrl}/oauth/2.0/token`, { method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: cli.info.clientId,
          client_secret: cli.info.clientSecret, redirect_uri: redirect }) })).json()) as Record<string, string>;
      const list = (await (await fetch(`${cli.info.baseUrl}/v2.0/account/list?user_seq_no=${tok.user_seq_no}` +
        '&include_cancel_yn=Y&sort_order=A', { headers: { Authorization: `Bearer ${tok.access_token}` } })).json()) as
        { res_list: Item[] };
      expect(list.res_list.map((a) => a.account_state)).toContain('09');
    } finally {
      await cli.stop();
    }
    await expect(startSandboxCli(['--profile', 'real'])).rejects.toThrow(/exited 64/);
  });
});
