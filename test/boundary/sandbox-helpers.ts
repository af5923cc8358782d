// Shared helpers for the sandbox boundary tests: start a server with a fixed clock, log in, page a history.
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/server.js';
import { startCli } from '../helpers/cli.js';

export const END = '2025-06-30';
/** 2025-06-30 15:00 KST */
export const FIXED_NOW = new Date('2025-06-30T06:00:00Z');

export function start(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ seed: 7, end: END, now: () => FIXED_NOW, ...opts });
}

export type Json = Record<string, unknown> & { rsp_code?: string; rsp_message?: string };

let tranCounter = 0;
export function tranId(sb: SandboxHandle): string {
  tranCounter++;
  return `${sb.orgCode}U${String(tranCounter).padStart(9, '0')}`;
}

export async function getJson(sb: SandboxHandle, path: string, params: Record<string, string>,
  token?: string, method = 'GET'): Promise<Json> {
  const url = `${sb.baseUrl}${path}?${new URLSearchParams(params)}`;
  const res = await fetch(url, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return (await res.json()) as Json;
}

export async function postForm(sb: SandboxHandle, path: string, form: Record<string, string>): Promise<Json> {
  const res = await fetch(`${sb.baseUrl}${path}`, { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }, body: new URLSearchParams(form) });
  return (await res.json()) as Json;
}

export const REDIRECT = 'http://localhost:8080/callback';

export function authorizeUrl(sb: SandboxHandle, over: Record<string, string> = {}): string {
  const params = { response_type: 'code', client_id: sb.clientId, redirect_uri: REDIRECT, scope: 'login inquiry',
    state: 'abcdefghijklmnopqrstuvwxyz123456', auth_type: '0', client_info: 'test-info', ...over };
  return `${sb.baseUrl}/oauth/2.0/authorize?${new URLSearchParams(params)}`;
}

/** Runs authorize (auto-consent server) and the code exchange; returns the token response. */
export async function login(sb: SandboxHandle, scope = 'login inquiry'): Promise<Json & { access_token: string;
  refresh_token: string; user_seq_no: string }> {
  const res = await fetch(authorizeUrl(sb, { scope }), { redirect: 'manual' });
  const loc = new URL(res.headers.get('location') ?? 'http://invalid/');
  const code = loc.searchParams.get('code') ?? '';
  const tok = await postForm(sb, '/oauth/2.0/token', { grant_type: 'authorization_code', code, client_id: sb.clientId,
    client_secret: sb.clientSecret, redirect_uri: REDIRECT });
  return tok as Json & { access_token: string; refresh_token: string; user_seq_no: string };
}

export interface Row {
  tran_date: string;
  tran_time: string;
  inout_type: string;
  tran_type: string;
  print_content: string;
  tran_amt: string;
  after_balance_amt: string;
  branch_name: string;
}

export interface ListParams {
  fintech_use_num: string;
  from_date?: string;
  to_date?: string;
  inquiry_type?: string;
  sort_order?: string;
  inquiry_base?: string;
  from_time?: string;
  to_time?: string;
}

export function listParams(sb: SandboxHandle, p: ListParams): Record<string, string> {
  return { bank_tran_id: tranId(sb), inquiry_type: 'A', inquiry_base: 'D', from_date: '20000101', to_date: '20991231',
    sort_order: 'A', tran_dtime: '20250630150000', ...p };
}

export const LIST = '/v2.0/account/transaction_list/fin_num';
export const BALANCE = '/v2.0/account/balance/fin_num';

/** Pages through a transaction list to the end; returns every res_list row and the page count. */
export async function listAll(sb: SandboxHandle, token: string, p: ListParams):
  Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let trace = '';
  let pages = 0;
  for (;;) {
    const params = listParams(sb, p);
    if (trace) params.befor_inquiry_trace_info = trace;
    const body = await getJson(sb, LIST, params, token);
    if (body.rsp_code !== 'A0000') throw new Error(`page ${pages}: ${body.rsp_code} ${body.rsp_message}`);
    pages++;
    rows.push(...(body.res_list as Row[]));
    if (body.next_page_yn !== 'Y') return { rows, pages };
    trace = body.befor_inquiry_trace_info as string;
    if (!trace || pages > 100_000) throw new Error('paging did not end');
  }
}

export interface SandboxCli {
  info: { baseUrl: string; clientId: string; clientSecret: string; orgCode: string };
  stop(): Promise<{ code: number | null; stderr: string }>;
}

/** Runs the built `finance --json sandbox …` and reads its one JSON line. */
export async function startSandboxCli(args: string[]): Promise<SandboxCli> {
  const h = startCli(['--json', 'sandbox', ...args]);
  let out = '';
  h.child.stdout?.on('data', (d: Buffer | string) => (out += String(d)));
  for (let i = 0; i < 1500 && !out.includes('\n'); i++) {
    if (h.child.exitCode !== null) throw new Error(`finance sandbox exited ${h.child.exitCode}: ${h.stderrText()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const info = JSON.parse(out.split('\n')[0] ?? '') as SandboxCli['info'];
  return { info, stop: async () => {
    h.child.kill('SIGTERM');
    const r = await h.done;
    return { code: r.code, stderr: r.stderr };
  } };
}
