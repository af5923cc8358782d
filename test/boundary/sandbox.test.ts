// The sandbox over real HTTP: OAuth flow, every §10 gateway check, paging that reproduces the generator exactly,
// balances, and byte-identical determinism under a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { authorizeUrl, BALANCE, getJson, LIST, listAll, listParams, login, postForm, REDIRECT, start,
  tranId } from './sandbox-helpers.js';

describe('sandbox OAuth', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await start({ months: 3 });
  });
  afterAll(() => sb.close());

  it('shows a Korean consent page, redirects with code/scope/client_info/state on 동의, and the code works once', async () => {
    const page = await fetch(authorizeUrl(sb));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(sb.household.user.userName);
    expect(html).toContain('동의');
    expect(html).toContain('취소');
    expect(html).toContain(sb.household.accounts[0]?.accountNumMasked);
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(requestId).not.toBe('');
    const decision = await fetch(`${sb.baseUrl}/oauth/2.0/authorize/decision`, { method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId, decision: 'agree' }) });
    expect(decision.status).toBe(302);
    const loc = new URL(decision.headers.get('location') ?? '');
    expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
    expect(loc.searchParams.get('state')).toBe('abcdefghijklmnopqrstuvwxyz123456');
    expect(loc.searchParams.get('scope')).toBe('login inquiry');
    expect(loc.searchParams.get('client_info')).toBe('test-info');
    const code = loc.searchParams.get('code') ?? '';
    expect(code.length).toBeGreaterThan(10);
    const form = { grant_type: 'authorization_code', code, client_id: sb.clientId, client_secret: sb.clientSecret,
      redirect_uri: REDIRECT };
    const tok = await postForm(sb, '/oauth/2.0/token', form);
    expect(tok.rsp_code).toBeUndefined();
    expect(tok.token_type).toBe('Bearer');
    expect(tok.expires_in).toBe(7_776_000);
    expect(tok.user_seq_no).toBe(sb.household.user.userSeqNo);
    expect(tok.scope).toBe('login inquiry');
    const payload = JSON.parse(Buffer.from(String(tok.access_token).split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({ aud: sb.household.user.userSeqNo, scope: ['login', 'inquiry'],
      iss: 'https://www.openbanking.or.kr' });
    // The same decision id and the same code are both spent.
    expect((await fetch(`${sb.baseUrl}/oauth/2.0/authorize/decision?request_id=${requestId}&decision=agree`,
      { redirect: 'manual' })).status).toBe(400);
    expect(await postForm(sb, '/oauth/2.0/token', form)).toEqual({ rsp_code: 'O0001',
      rsp_message: '인증 파라미터 오류([3002110])' });
  });

  it('redirects with error=access_denied and the state on 취소', async () => {
    const html = await (await fetch(authorizeUrl(sb, { state: 's'.repeat(32) }))).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await fetch(`${sb.baseUrl}/oauth/2.0/authorize/decision`, { method: 'POST', redirect: 'manual',
      body: new URLSearchParams({ request_id: requestId, decision: 'deny' }) });
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('error_description')).toBeTruthy();
    expect(loc.searchParams.get('state')).toBe('s'.repeat(32));
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('refuses unknown clients and non-loopback callbacks with an error page, and bad scope/state by redirect', async () => {
    const bads: Array<Record<string, string>> = [{ client_id: 'nope' }, { redirect_uri: 'https://localhost/cb' },
      { redirect_uri: 'http://evil.example/cb' }];
    for (const over of bads) {
      const res = await fetch(authorizeUrl(sb, over), { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
    for (const redirectUri of ['http://127.0.0.1:5555/x', 'http://[::1]:1/cb']) {
      expect((await fetch(authorizeUrl(sb, { redirect_uri: redirectUri }))).status).toBe(200);
    }
    const bad = await fetch(authorizeUrl(sb, { scope: 'login admin' }), { redirect: 'manual' });
    expect(new URL(bad.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
    const noState = await fetch(authorizeUrl(sb, { state: '' }), { redirect: 'manual' });
    expect(new URL(noState.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('checks the token endpoint: method, credentials, redirect_uri, refresh rotation, client_credentials', async () => {
    expect(await (await fetch(`${sb.baseUrl}/oauth/2.0/token`)).json()).toMatchObject({ rsp_code: 'O0010' });
    const auto = await start({ months: 3, autoConsent: true });
    try {
      const loc = new URL((await fetch(authorizeUrl(auto), { redirect: 'manual' })).headers.get('location') ?? '');
      const code = loc.searchParams.get('code') ?? '';
      const base = { grant_type: 'authorization_code', code, client_id: auto.clientId, redirect_uri: REDIRECT };
      expect(await postForm(auto, '/oauth/2.0/token', { ...base, client_secret: 'wrong' }))
        .toEqual({ rsp_code: 'O0001', rsp_message: '인증 파라미터 오류([3000201])' });
      const code2 = new URL((await fetch(authorizeUrl(auto), { redirect: 'manual' })).headers.get('location') ?? '')
        .searchParams.get('code') ?? '';
      expect((await postForm(auto, '/oauth/2.0/token', { ...base, code: code2, client_secret: auto.clientSecret,
        redirect_uri: 'http://localhost:9999/other' })).rsp_message).toBe('인증 파라미터 오류([3000114])');

      const first = await login(auto);
      const refresh = { grant_type: 'refresh_token', client_id: auto.clientId, client_secret: auto.clientSecret,
        refresh_token: first.refresh_token, scope: 'login inquiry' };
      const second = await postForm(auto, '/oauth/2.0/token', refresh);
      expect(second.access_token).toBeTruthy();
      expect(second.refresh_token).toBeTruthy();
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expect((await postForm(auto, '/oauth/2.0/token', refresh)).rsp_code).toBe('O0001');
      const me = await getJson(auto, '/v2.0/user/me', { user_seq_no: first.user_seq_no }, String(second.access_token));
      expect(me.rsp_code).toBe('A0000');

      const oob = await postForm(auto, '/oauth/2.0/token', { grant_type: 'client_credentials', scope: 'oob',
        client_id: auto.clientId, client_secret: auto.clientSecret });
      expect(oob).toMatchObject({ token_type: 'Bearer', scope: 'oob', client_use_code: auto.orgCode });
      expect(oob.refresh_token).toBeUndefined();
      const fin = auto.household.accounts[0]?.fintechUseNum ?? '';
      expect((await getJson(auto, BALANCE, { bank_tran_id: tranId(auto), fintech_use_num: fin,
        tran_dtime: '20250630150000' }, String(oob.access_token))).rsp_code).toBe('O0011');
      expect((await postForm(auto, '/oauth/2.0/token', { grant_type: 'client_credentials', scope: 'inquiry',
        client_id: auto.clientId, client_secret: auto.clientSecret })).rsp_message).toBe('인증 파라미터 오류([3000103])');
    } finally {
      await auto.close();
    }
  });
});

describe('sandbox business API', () => {
  let sb: SandboxHandle;
  let token: string;
  beforeAll(async () => {
    sb = await start({ months: 24, accounts: 4, autoConsent: true, noConsentAccount: true });
    token = (await login(sb)).access_token;
  });
  afterAll(() => sb.close());

  const fin = (i: number): string => sb.household.accounts[i]?.fintechUseNum ?? '';
  const balanceParams = (over: Record<string, string> = {}) => ({ bank_tran_id: tranId(sb), fintech_use_num: fin(0),
    tran_dtime: '20250630150000', ...over });

  it('answers user/me and account/list with every value a string', async () => {
    const me = await getJson(sb, '/v2.0/user/me', { user_seq_no: sb.household.user.userSeqNo }, token);
    expect(me).toMatchObject({ rsp_code: 'A0000', rsp_message: '', user_name: sb.household.user.userName, res_cnt: '4' });
    expect(me.api_tran_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(me.api_tran_dtm).toBe('20250630150000000');
    const list = await getJson(sb, '/v2.0/account/list', { user_seq_no: sb.household.user.userSeqNo,
      include_cancel_yn: 'N', sort_order: 'A' }, token);
    const items = list.res_list as Array<Record<string, unknown>>;
    expect(items.map((a) => a.fintech_use_num)).toEqual(sb.household.accounts.map((a) => a.fintechUseNum));
    for (const a of items) {
      for (const v of Object.values(a)) expect(typeof v).toBe('string');
      expect(a.account_state).toBe('01');
    }
    expect(items.map((a) => a.inquiry_agree_yn)).toEqual(['Y', 'Y', 'Y', 'N']);
    const desc = await getJson(sb, '/v2.0/account/list', { user_seq_no: sb.household.user.userSeqNo,
      include_cancel_yn: 'N', sort_order: 'D' }, token);
    expect((desc.res_list as Array<Record<string, unknown>>)[0]?.fintech_use_num).toBe(fin(3));
  });

  it('applies the §10 checks in order with their codes', async () => {
    expect((await getJson(sb, BALANCE, balanceParams(), token, 'POST')).rsp_code).toBe('O0010');
    expect(await getJson(sb, BALANCE, balanceParams())).toEqual({ rsp_code: 'O0001',
      rsp_message: '인증 파라미터 오류([992])' });
    // An unknown token wins over bad parameters: the gateway looks at the token first.
    expect((await getJson(sb, BALANCE, { bank_tran_id: 'x' }, 'not-a-token')).rsp_code).toBe('O0002');
    const loginOnly = (await login(sb, 'login')).access_token;
    expect((await getJson(sb, BALANCE, balanceParams(), loginOnly)).rsp_code).toBe('O0011');
    const bads: Array<Record<string, string>> = [{ bank_tran_id: 'M202500001U12345' }, { fintech_use_num: '123' },
      { tran_dtime: '2025' }];
    for (const bad of bads) {
      expect((await getJson(sb, BALANCE, balanceParams(bad), token)).rsp_code).toBe('A0004');
    }
    const wrongPrefix = await getJson(sb, BALANCE, balanceParams({ bank_tran_id: 'M999999999U000000001' }), token);
    expect(wrongPrefix.rsp_code).toBe('A0004');
    const id = tranId(sb);
    expect((await getJson(sb, BALANCE, balanceParams({ bank_tran_id: id }), token)).rsp_code).toBe('A0000');
    expect((await getJson(sb, BALANCE, balanceParams({ bank_tran_id: id }), token)).rsp_code).toBe('A0326');
    expect((await getJson(sb, BALANCE, balanceParams({ fintech_use_num: '1'.repeat(24) }), token)).rsp_code).toBe('A0304');
    expect((await getJson(sb, BALANCE, balanceParams({ fintech_use_num: fin(3) }), token)).rsp_code).toBe('A0305');
    for (const bad of [{ inquiry_type: 'X' }, { inquiry_base: 'T' }, { from_date: '20250231' }, { sort_order: 'Z' },
      { from_date: '20250601', to_date: '20250501' }]) {
      const body = await getJson(sb, LIST, listParams(sb, { fintech_use_num: fin(0), ...bad }), token);
      expect(body.rsp_code, JSON.stringify(bad)).toBe('A0004');
    }
    expect((await getJson(sb, LIST, { ...listParams(sb, { fintech_use_num: fin(0) }),
      befor_inquiry_trace_info: 'zzzzzzzz' }, token)).rsp_code).toBe('A0004');
    expect((await getJson(sb, '/v2.0/user/me', { user_seq_no: '12' }, token)).rsp_code).toBe('A0004');
    sb.expireTokens();
    expect((await getJson(sb, BALANCE, balanceParams(), token)).rsp_code).toBe('O0003');
    token = (await login(sb)).access_token;
  });

  it('pages every account\'s full history back exactly as generated, in both orders, with an exact balance chain', async () => {
    for (const [i, acct] of sb.household.accounts.entries()) {
      if (!acct.inquiryAgree) continue;
      const want = acct.transactions().map((t) => ({ tran_date: t.date, tran_time: t.time, inout_type: t.inout,
        tran_type: t.tranType, print_content: t.memo, tran_amt: String(t.amount),
        after_balance_amt: String(t.afterBalance), branch_name: t.branch }));
      const asc = await listAll(sb, token, { fintech_use_num: fin(i) });
      expect(asc.rows).toEqual(want);
      expect(asc.pages).toBe(Math.max(1, Math.ceil(want.length / 25)));
      if (i === 0) {
        expect(want.length).toBeGreaterThan(2000);
        const desc = await listAll(sb, token, { fintech_use_num: fin(i), sort_order: 'D' });
        expect(desc.rows).toEqual(want.slice().reverse());
      }
      let bal = acct.openingBalance;
      for (const r of asc.rows) {
        bal += (r.inout_type === '입금' ? 1 : -1) * Number(r.tran_amt);
        expect(Number(r.after_balance_amt)).toBe(bal);
      }
      const b = await getJson(sb, BALANCE, balanceParams({ fintech_use_num: fin(i) }), token);
      expect(b).toMatchObject({ rsp_code: 'A0000', bank_code_tran: '097', bank_rsp_code: '000',
        balance_amt: String(bal), fintech_use_num: fin(i), bank_name: acct.bankName });
    }
  });

  it('filters by date (inclusive), by direction and by date+time', async () => {
    const acct = sb.household.accounts[0];
    if (!acct) throw new Error('no account');
    const all = acct.transactions();
    const inRange = all.filter((t) => t.date >= '20250301' && t.date <= '20250331');
    const march = await listAll(sb, token, { fintech_use_num: fin(0), from_date: '20250301', to_date: '20250331' });
    expect(march.rows.map((r) => r.tran_date + r.tran_time)).toEqual(inRange.map((t) => t.date + t.time));
    const ins = await listAll(sb, token, { fintech_use_num: fin(0), from_date: '20250301', to_date: '20250331',
      inquiry_type: 'I' });
    expect(ins.rows.length).toBe(inRange.filter((t) => t.inout === '입금').length);
    expect(ins.rows.every((r) => r.inout_type === '입금')).toBe(true);
    const outs = await listAll(sb, token, { fintech_use_num: fin(0), from_date: '20250301', to_date: '20250331',
      inquiry_type: 'O', sort_order: 'D' });
    expect(outs.rows.map((r) => r.tran_date + r.tran_time))
      .toEqual(inRange.filter((t) => t.inout === '출금').reverse().map((t) => t.date + t.time));
    const timed = await listAll(sb, token, { fintech_use_num: fin(0), inquiry_base: 'T', from_date: '20250310',
      from_time: '120000', to_date: '20250312', to_time: '115959' });
    const wantTimed = all.filter((t) => t.date + t.time >= '20250310120000' && t.date + t.time <= '20250312115959');
    expect(timed.rows.length).toBe(wantTimed.length);
    expect(wantTimed.length).toBeGreaterThan(0);
    const empty = await getJson(sb, LIST, listParams(sb, { fintech_use_num: fin(0), from_date: '20100101',
      to_date: '20100131' }), token);
    expect(empty).toMatchObject({ rsp_code: 'A0000', page_record_cnt: '0', next_page_yn: 'N', res_list: [] });
  });
});

describe('sandbox determinism', () => {
  it('gives byte-identical bodies for the same seed, clock and request sequence', async () => {
    const run = async (): Promise<string[]> => {
      const sb = await start({ months: 2, autoConsent: true });
      try {
        const bodies: string[] = [];
        const loc = (await fetch(authorizeUrl(sb), { redirect: 'manual' })).headers.get('location') ?? '';
        bodies.push(loc);
        const tokRes = await fetch(`${sb.baseUrl}/oauth/2.0/token`, { method: 'POST', body: new URLSearchParams({
          grant_type: 'authorization_code', code: new URL(loc).searchParams.get('code') ?? '', client_id: sb.clientId,
          client_secret: sb.clientSecret, redirect_uri: REDIRECT }) });
        const tokText = await tokRes.text();
        bodies.push(tokText);
        const token = String(JSON.parse(tokText).access_token);
        for (let i = 0; i < 3; i++) {
          const q = new URLSearchParams({ bank_tran_id: `${sb.orgCode}U00000000${i}`,
            fintech_use_num: sb.household.accounts[0]?.fintechUseNum ?? '', inquiry_type: 'A', inquiry_base: 'D',
            from_date: '20250501', to_date: '20250630', sort_order: 'D', tran_dtime: '20250630150000' });
          bodies.push(await (await fetch(`${sb.baseUrl}${LIST}?${q}`, { headers: { Authorization: `Bearer ${token}` } })).text());
        }
        return bodies;
      } finally {
        await sb.close();
      }
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a[2]).toContain('"rsp_code":"A0000"');
  });
});
