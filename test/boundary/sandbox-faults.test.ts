// The sandbox's fault knobs over real HTTP: latency, 5xx runs, malformed pages, cut connections, token expiry,
// testbed quirks, the control endpoints, and the server clock hiding rows that have not happened yet.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSandboxCommand } from '../../src/sandbox/command.js';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { BALANCE, getJson, LIST, listParams, login, type Row, start, tranId } from './sandbox-helpers.js';

describe('sandbox fault knobs', () => {
  let sb: SandboxHandle;
  let token: string;
  let fin: string;
  beforeAll(async () => {
    sb = await start({ months: 6, autoConsent: true });
    token = (await login(sb)).access_token;
    fin = sb.household.accounts[0]?.fintechUseNum ?? '';
  });
  beforeEach(() => sb.resetFaults());
  afterAll(() => sb.close());

  const balance = () => fetch(`${sb.baseUrl}${BALANCE}?${new URLSearchParams({ bank_tran_id: tranId(sb),
    fintech_use_num: fin, tran_dtime: '20250630150000' })}`, { headers: { Authorization: `Bearer ${token}` } });
  const control = (path: string, body: unknown) => fetch(`${sb.baseUrl}${path}`, { method: 'POST',
    body: JSON.stringify(body) });

  it('delays answers by latencyMs', async () => {
    sb.setFaults({ latencyMs: 150 });
    const t0 = Date.now();
    expect((await balance()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('fails the Nth business call (and fail500Times after it) with HTTP 500, counted from when set', async () => {
    await balance();
    sb.setFaults({ fail500OnCall: 2, fail500Times: 2 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await balance()).status);
    expect(statuses).toEqual([200, 500, 500, 200, 200]);
  });

  it('breaks a field of the first transaction page at or after the Nth call', async () => {
    sb.setFaults({ malformedPageOnCall: 2 });
    const page = () => getJson(sb, LIST, listParams(sb, { fintech_use_num: fin }), token);
    const ok = await page();
    expect((ok.res_list as Array<Record<string, string>>)[0]?.tran_amt).toMatch(/^\d+$/);
    await balance();
    const broken = await page();
    expect((broken.res_list as Array<Record<string, string>>)[0]?.tran_amt).toBe('12a4');
    const after = await page();
    expect((after.res_list as Array<Record<string, string>>)[0]?.tran_amt).toMatch(/^\d+$/);
  });

  it('cuts the connection half-way through the body on the Nth call', async () => {
    sb.setFaults({ cutConnectionOnCall: 1 });
    await expect(balance().then((r) => r.text())).rejects.toThrow();
    expect((await balance()).status).toBe(200);
  });

  it('expires tokens through the control endpoint and clears knobs with reset-faults', async () => {
    const res = await control('/__sandbox/faults', { expireTokensNow: true, a0018WhenEmpty: true });
    expect(res.status).toBe(200);
    expect((await getJson(sb, BALANCE, { bank_tran_id: tranId(sb), fintech_use_num: fin,
      tran_dtime: '20250630150000' }, token)).rsp_code).toBe('O0003');
    token = (await login(sb)).access_token;
    const empty = listParams(sb, { fintech_use_num: fin, from_date: '20100101', to_date: '20100102' });
    expect((await getJson(sb, LIST, empty, token)).rsp_code).toBe('A0018');
    expect((await control('/__sandbox/reset-faults', {})).status).toBe(200);
    expect((await getJson(sb, LIST, listParams(sb, { fintech_use_num: fin, from_date: '20100101',
      to_date: '20100102' }), token)).rsp_code).toBe('A0000');
    expect((await control('/__sandbox/faults', { latencyMs: 'slow' })).status).toBe(400);
    expect((await control('/__sandbox/faults', { nonsense: 1 })).status).toBe(400);
  });

  it('answers a full page with next_page_yn Y and an empty trace under emptyTraceQuirk', async () => {
    sb.setFaults({ emptyTraceQuirk: true });
    const body = await getJson(sb, LIST, listParams(sb, { fintech_use_num: fin }), token);
    expect(body).toMatchObject({ rsp_code: 'A0000', page_record_cnt: '25', next_page_yn: 'Y',
      befor_inquiry_trace_info: '' });
  });

  it('uses the configured code for a duplicate bank_tran_id', async () => {
    sb.setFaults({ duplicateTranIdCode: 'A0008' });
    const params = { bank_tran_id: tranId(sb), fintech_use_num: fin, tran_dtime: '20250630150000' };
    expect((await getJson(sb, BALANCE, params, token)).rsp_code).toBe('A0000');
    expect((await getJson(sb, BALANCE, params, token)).rsp_code).toBe('A0008');
  });

  it('refuses business calls with O0006 (IP not allowed) while the token endpoint still answers', async () => {
    sb.setFaults({ ipNotAllowed: true });
    expect(await (await balance()).json()).toEqual({ rsp_code: 'O0006', rsp_message: '허용되지 않은 IP 입니다.' });
    expect((await getJson(sb, '/v2.0/user/me', { user_seq_no: sb.household.user.userSeqNo }, token)).rsp_code).toBe('O0006');
    expect((await login(sb)).access_token).toBeTruthy();
    sb.resetFaults();
    expect(((await (await balance()).json()) as { rsp_code: string }).rsp_code).toBe('A0000');
  });

  it('answers the quota code after the first N business calls (O0008 by default, O0009 on request)', async () => {
    sb.setFaults({ quotaAfterCalls: 2 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(((await (await balance()).json()) as { rsp_code: string }).rsp_code);
    expect(codes).toEqual(['A0000', 'A0000', 'O0008', 'O0008']);
    const res = await control('/__sandbox/faults', { quotaAfterCalls: 0, quotaCode: 'O0009' });
    expect(res.status).toBe(200);
    expect(await (await balance()).json()).toMatchObject({ rsp_code: 'O0009' });
    expect((await control('/__sandbox/faults', { quotaCode: 'O0001' })).status).toBe(400);
    expect((await control('/__sandbox/faults', { quotaAfterCalls: -1 })).status).toBe(400);
  });

  it('answers inquiries with A0002 and a bank maintenance code when bankMaintenance is always', async () => {
    sb.setFaults({ bankMaintenance: 'always' });
    const body = (await (await balance()).json()) as Record<string, string>;
    expect(body).toMatchObject({ rsp_code: 'A0002', bank_code_tran: '097', bank_rsp_code: '999' });
    expect(body.bank_rsp_message).toContain('점검');
    expect((await getJson(sb, LIST, listParams(sb, { fintech_use_num: fin }), token)).rsp_code).toBe('A0002');
    // Login-scope calls do not reach a bank.
    expect((await getJson(sb, '/v2.0/user/me', { user_seq_no: sb.household.user.userSeqNo }, token)).rsp_code).toBe('A0000');
    expect((await control('/__sandbox/faults', { bankMaintenance: 'sometimes' })).status).toBe(400);
  });

  it('counts requests', async () => {
    const before = sb.requests;
    await balance();
    expect(sb.requests).toBe(before + 1);
  });
});

describe('sandbox clock and control endpoint exposure', () => {
  it('hides rows after the server\'s today and reports the balance as of today', async () => {
    const lines: string[] = [];
    const sb = await start({ months: 3, autoConsent: true, now: () => new Date('2025-06-15T03:00:00Z'),
      log: (l) => lines.push(l) });
    try {
      const token = (await login(sb)).access_token;
      // The log names paths and statuses only: never a code, token or secret.
      expect(lines).toContain('POST /oauth/2.0/token 200');
      expect(lines.join('\n')).not.toMatch(/code=|Bearer|secret/);
      const acct = sb.household.accounts[0];
      if (!acct) throw new Error('no account');
      const body = await getJson(sb, LIST, listParams(sb, { fintech_use_num: acct.fintechUseNum, sort_order: 'D' }), token);
      const first = (body.res_list as Row[])[0];
      expect((first?.tran_date ?? '') <= '20250615' && first !== undefined).toBe(true);
      expect(acct.tx(acct.count - 1).date > '20250615').toBe(true);
      expect(body.balance_amt).toBe(String(acct.balanceOn('20250615')));
    } finally {
      await sb.close();
    }
  });

  it('does not serve the control endpoint when bound beyond loopback', async () => {
    const sb = await start({ months: 1, host: '0.0.0.0' });
    try {
      const port = new URL(sb.baseUrl).port;
      const res = await fetch(`http://127.0.0.1:${port}/__sandbox/faults`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    } finally {
      await sb.close();
    }
  });
});

describe('night-time bank maintenance', () => {
  it('answers A0002 between 23:30 and 00:30 KST by the server clock, and data outside it', async () => {
    let now = new Date('2025-06-30T14:45:00Z'); // 23:45 KST
    const sb = await start({ months: 1, autoConsent: true, now: () => now, faults: { bankMaintenance: 'night' } });
    try {
      const token = (await login(sb)).access_token;
      const fin = sb.household.accounts[0]?.fintechUseNum ?? '';
      const code = async () => (await getJson(sb, BALANCE, { bank_tran_id: tranId(sb), fintech_use_num: fin,
        tran_dtime: '20250630234500' }, token)).rsp_code;
      expect(await code()).toBe('A0002');
      now = new Date('2025-06-30T15:20:00Z'); // 00:20 KST
      expect(await code()).toBe('A0002');
      now = new Date('2025-06-30T15:31:00Z'); // 00:31 KST
      expect(await code()).toBe('A0000');
      now = new Date('2025-06-30T14:29:00Z'); // 23:29 KST
      expect(await code()).toBe('A0000');
    } finally {
      await sb.close();
    }
  });
});

describe('runSandboxCommand', () => {
  it('prints exactly one JSON line with --json, serves until told to stop, then closes', async () => {
    const out: string[] = [];
    let stop = (): void => {};
    const until = new Promise<void>((r) => {
      stop = r;
    });
    const done = runSandboxCommand({ seed: 3, months: 1, accounts: 1, end: '2025-06-30', json: true, autoConsent: true },
      { out: (s) => out.push(s), err: () => {}, until });
    for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(out.length).toBe(1);
    expect(out[0]?.endsWith('\n')).toBe(true);
    const info = JSON.parse(out[0] ?? '') as Record<string, string>;
    expect(Object.keys(info)).toEqual(['baseUrl', 'clientId', 'clientSecret', 'orgCode']);
    const res = await fetch(`${info.baseUrl}/oauth/2.0/token`);
    expect((await res.json()) as unknown).toMatchObject({ rsp_code: 'O0010' });
    stop();
    await done;
    await expect(fetch(`${info.baseUrl}/oauth/2.0/token`)).rejects.toThrow();
  });

  it('prints the finance config lines in human mode', async () => {
    const out: string[] = [];
    await runSandboxCommand({ months: 1, accounts: 1, end: '2025-06-30' },
      { out: (s) => out.push(s), err: () => {}, until: Promise.resolve() });
    const text = out.join('');
    expect(text).toContain('finance config set apiBaseUrl http://127.0.0.1:');
    expect(text).toContain('finance config set orgCode M202500001');
  });
});
