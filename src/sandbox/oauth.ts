// The sandbox's OAuth 2.0 side: /oauth/2.0/authorize with its Korean consent page and decision, and
// /oauth/2.0/token for the authorization_code, refresh_token and client_credentials grants.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type SandboxContext, SCOPES } from './context.js';
import { escapeHtml, htmlPage, isLoopbackRedirect, readBody, redirect, sendHtml, sendJson } from './http-util.js';
import type { PendingConsent } from './tokens.js';

const o0001 = (detail: string) => ({ rsp_code: 'O0001', rsp_message: `인증 파라미터 오류([${detail}])` });

function errorPage(res: ServerResponse, message: string): void {
  sendHtml(res, htmlPage('오픈뱅킹 인증 오류', `<p>${escapeHtml(message)}</p>`), 400);
}

function redirectWith(res: ServerResponse, uri: string, params: Record<string, string | undefined>): void {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  redirect(res, u.toString());
}

function approve(ctx: SandboxContext, res: ServerResponse, p: PendingConsent): void {
  const code = ctx.tokens.newCode({ clientId: p.clientId, redirectUri: p.redirectUri, scopes: p.scopes,
    userSeqNo: ctx.household.user.userSeqNo }, ctx.now().getTime());
  redirectWith(res, p.redirectUri, { code, scope: p.scopes.join(' '), client_info: p.clientInfo, state: p.state });
}

export function handleAuthorize(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET') return errorPage(res, '허용되지 않은 http method 입니다.');
  const q = url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  // Without a trustworthy client and callback there is nowhere safe to send the user: show an error page.
  if (clientId !== ctx.clientId) return errorPage(res, '등록되지 않은 client_id 입니다. ([3000201])');
  if (!isLoopbackRedirect(redirectUri)) return errorPage(res, '등록되지 않은 redirect_uri 입니다. ([3000114])');
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string): void =>
    redirectWith(res, redirectUri, { error, error_description: description, state });
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type 오류([3000116])');
  const scopes = [...new Set((q.get('scope') ?? '').split(/[\s+]+/).filter(Boolean))];
  if (scopes.length === 0 || scopes.some((s) => !(SCOPES as readonly string[]).includes(s))) {
    return fail('invalid_scope', '허용되지 않은 scope 입니다.([3000115])');
  }
  if (!state) return fail('invalid_request', 'state 누락([3000103])');
  if (!['0', '1', '2'].includes(q.get('auth_type') ?? '')) return fail('invalid_request', 'auth_type 오류([3000103])');
  const pending: PendingConsent = { clientId, redirectUri, scopes, state, clientInfo: q.get('client_info') ?? undefined };
  if (ctx.autoConsent) return approve(ctx, res, pending);
  const id = ctx.tokens.addPending(pending);
  const { user, accounts } = ctx.household;
  const rows = accounts.map((a) => `<tr><td>${escapeHtml(a.bankName)}</td><td>${escapeHtml(a.accountNumMasked)}</td>` +
    `<td>${escapeHtml(a.alias)}</td><td>${a.inquiryAgree ? '조회 동의' : '조회 미동의'}</td></tr>`).join('');
  const body = `<p>테스트 사용자 <b>${escapeHtml(user.userName)}</b> (사용자일련번호 ${escapeHtml(user.userSeqNo)})</p>` +
    `<p>요청 권한: ${escapeHtml(scopes.join(', '))}</p><table>${rows}</table>` +
    `<p>위 계좌의 정보를 이용기관에 제공하는 데 동의하십니까?</p>` +
    `<form method="post" action="/oauth/2.0/authorize/decision">` +
    `<input type="hidden" name="request_id" value="${escapeHtml(id)}">` +
    '<button type="submit" name="decision" value="agree">동의</button>' +
    '<button type="submit" name="decision" value="deny">취소</button></form>';
  sendHtml(res, htmlPage('오픈뱅킹 정보제공 동의 (샌드박스)', body));
}

export async function handleDecision(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse,
  url: URL): Promise<void> {
  const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
  const pending = ctx.tokens.takePending(params.get('request_id') ?? '');
  if (!pending) return errorPage(res, '세션이 만료되었거나 이미 처리된 요청입니다. ([3002110])');
  if (params.get('decision') === 'agree') return approve(ctx, res, pending);
  redirectWith(res, pending.redirectUri, { error: 'access_denied', error_description: '사용자가 동의를 취소하였습니다.',
    state: pending.state });
}

export async function handleToken(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, { rsp_code: 'O0010', rsp_message: '허용되지 않은 http method 입니다.' });
  const form = new URLSearchParams(await readBody(req));
  const f = (name: string): string => form.get(name) ?? '';
  const grant = f('grant_type');
  const nowMs = ctx.now().getTime();
  if (!['authorization_code', 'refresh_token', 'client_credentials'].includes(grant)) return sendJson(res, o0001('3000103'));
  if (!f('client_id') || !f('client_secret')) return sendJson(res, o0001('3000103'));
  if (f('client_id') !== ctx.clientId || f('client_secret') !== ctx.clientSecret) return sendJson(res, o0001('3000201'));
  const userTokens = (userSeqNo: string, scopes: string[]) => {
    const t = ctx.tokens.issueUserTokens(userSeqNo, scopes, nowMs);
    return { access_token: t.access, token_type: 'Bearer', expires_in: ctx.tokenTtlSeconds, refresh_token: t.refresh,
      scope: scopes.join(' '), user_seq_no: userSeqNo };
  };
  if (grant === 'authorization_code') {
    if (!f('code') || !f('redirect_uri')) return sendJson(res, o0001('3000103'));
    const rec = ctx.tokens.redeemCode(f('code'), nowMs);
    if (!rec || rec.clientId !== f('client_id')) return sendJson(res, o0001('3002110'));
    if (rec.redirectUri !== f('redirect_uri')) return sendJson(res, o0001('3000114'));
    return sendJson(res, userTokens(rec.userSeqNo, rec.scopes));
  }
  if (grant === 'refresh_token') {
    const rec = ctx.tokens.get(f('refresh_token'));
    if (!rec || rec.kind !== 'refresh' || rec.revoked || nowMs > rec.exp) return sendJson(res, o0001('3002110'));
    const asked = f('scope').split(/[\s+]+/).filter(Boolean);
    if (asked.some((s) => !rec.scopes.includes(s))) return sendJson(res, o0001('3000115'));
    rec.revoked = true;
    return sendJson(res, userTokens(rec.aud, rec.scopes));
  }
  const scope = f('scope');
  if (scope !== 'oob') {
    return sendJson(res, scope.split(/\s+/).some((s) => (SCOPES as readonly string[]).includes(s))
      ? o0001('3000103') : { rsp_code: 'O0011', rsp_message: '허용되지 않은 Scope 입니다.' });
  }
  const access = ctx.tokens.issueClientToken(ctx.orgCode, nowMs);
  sendJson(res, { access_token: access, token_type: 'Bearer', expires_in: ctx.tokenTtlSeconds, scope: 'oob',
    client_use_code: ctx.orgCode });
}
