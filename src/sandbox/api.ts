// The sandbox's business endpoints (user/me, account/list, balance, transaction_list) with the gateway checks of
// the reference's §10 in order: method, bearer, token known, expiry, scope, parameters, bank_tran_id, account, consent.

import type { IncomingMessage } from 'node:http';
import { envelope, kstToday, type SandboxContext } from './context.js';
import { inMaintenance } from './faults.js';
import type { GeneratedAccount } from './generator.js';
import { pageCanned, pageTransactions, type TxQuery } from './paging.js';

type Body = Record<string, unknown>;

const ROUTES: Record<string, { scope: string; run: (ctx: SandboxContext, q: URLSearchParams, aud: string) => Body }> = {
  '/v2.0/user/me': { scope: 'login', run: userMe },
  '/v2.0/account/list': { scope: 'login', run: accountList },
  '/v2.0/account/balance/fin_num': { scope: 'inquiry', run: balance },
  '/v2.0/account/transaction_list/fin_num': { scope: 'inquiry', run: transactionList },
};

const gateway = (code: string, message: string): Body => ({ rsp_code: code, rsp_message: message });
const fail = (ctx: SandboxContext, code: string, message: string): Body => ({ ...envelope(ctx), rsp_code: code,
  rsp_message: message });
const badParam = (ctx: SandboxContext, name: string): Body => fail(ctx, 'A0004', `요청전문 포맷 에러 [${name}]`);

/** Answers one /v2.0 request; the body is always sent with HTTP 200, as the real gateway does. */
export function handleApi(ctx: SandboxContext, req: IncomingMessage, url: URL): Body {
  const route = ROUTES[url.pathname];
  if (!route) return gateway('O0005', '허용되지 않은 API 접근');
  if (req.method !== 'GET') return gateway('O0010', '허용되지 않은 http method 입니다.');
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  if (!m) return gateway('O0001', '인증 파라미터 오류([992])');
  const token = ctx.tokens.get(m[1] as string);
  if (!token || token.kind !== 'access' || token.revoked) return gateway('O0002', 'Access Token 거부');
  if (ctx.now().getTime() > token.exp) return gateway('O0003', 'Access Token 만료');
  if (token.twoLegged || !token.scopes.includes(route.scope)) return gateway('O0011', '허용되지 않은 Scope 입니다.');
  return route.run(ctx, url.searchParams, token.aud);
}

function accountItem(a: GeneratedAccount, withPayer: boolean, ctx: SandboxContext): Body {
  return {
    fintech_use_num: a.fintechUseNum, account_alias: a.alias, bank_code_std: a.bankCodeStd, bank_code_sub: '0000000',
    bank_name: a.bankName, savings_bank_name: '', account_num_masked: a.accountNumMasked, account_seq: '',
    account_holder_name: a.holderName, account_holder_type: 'P',
    // Accounts registered before 2020-12 come without account_type (testbed profile).
    ...(a.accountType !== '' ? { account_type: a.accountType } : {}),
    inquiry_agree_yn: a.inquiryAgree ? 'Y' : 'N', inquiry_agree_dtime: a.inquiryAgree ? a.registeredAt : '',
    transfer_agree_yn: 'N', transfer_agree_dtime: '',
    ...(withPayer ? { payer_num: ctx.household.user.userSeqNo + a.fintechUseNum.slice(-10) }
      : { account_state: a.state ?? '01' }),
  };
}

const closed = (a: GeneratedAccount): boolean => a.state === '09';

function checkUser(ctx: SandboxContext, q: URLSearchParams, aud: string): Body | undefined {
  const seq = q.get('user_seq_no') ?? '';
  if (!/^\d{10}$/.test(seq)) return badParam(ctx, 'user_seq_no');
  if (seq !== aud) return fail(ctx, 'A0313', '사용자 불일치');
  return undefined;
}

function userMe(ctx: SandboxContext, q: URLSearchParams, aud: string): Body {
  const bad = checkUser(ctx, q, aud);
  if (bad) return bad;
  const { user } = ctx.household;
  const accounts = ctx.household.accounts.filter((a) => !closed(a));
  return {
    ...envelope(ctx), rsp_code: 'A0000', rsp_message: '', user_seq_no: user.userSeqNo, user_ci: user.userCi,
    user_name: user.userName, res_cnt: String(accounts.length), res_list: accounts.map((a) => accountItem(a, true, ctx)),
    inquiry_card_cnt: '0', inquiry_card_list: [], inquiry_pay_cnt: '0', inquiry_pay_list: [],
    inquiry_insurance_cnt: '0', inquiry_insurance_list: [], inquiry_loan_cnt: '0', inquiry_loan_list: [],
  };
}

function accountList(ctx: SandboxContext, q: URLSearchParams, aud: string): Body {
  const bad = checkUser(ctx, q, aud);
  if (bad) return bad;
  if (!['Y', 'N'].includes(q.get('include_cancel_yn') ?? '')) return badParam(ctx, 'include_cancel_yn');
  const sort = q.get('sort_order') ?? '';
  if (!['D', 'A'].includes(sort)) return badParam(ctx, 'sort_order');
  const withClosed = q.get('include_cancel_yn') === 'Y';
  const list = ctx.household.accounts.filter((a) => withClosed || !closed(a));
  if (sort === 'D') list.reverse();
  return { ...envelope(ctx), rsp_code: 'A0000', rsp_message: '', user_name: ctx.household.user.userName,
    res_cnt: String(list.length), res_list: list.map((a) => accountItem(a, false, ctx)) };
}

const isDate = (s: string): boolean => {
  if (!/^\d{8}$/.test(s)) return false;
  const d = new Date(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8)));
  return d.getUTCDate() === +s.slice(6, 8) && d.getUTCMonth() === +s.slice(4, 6) - 1;
};
const isTime = (s: string): boolean => /^([01]\d|2[0-3])[0-5]\d[0-5]\d$/.test(s);

/** Shared front half of balance and transaction_list: format, bank_tran_id rules, account, consent. */
function checkBankCall(ctx: SandboxContext, q: URLSearchParams, extra: () => string | undefined):
  { error: Body } | { account: GeneratedAccount; tranId: string } {
  const tranId = q.get('bank_tran_id') ?? '';
  if (!/^[A-Z][0-9]{9}U[0-9A-Za-z]{9}$/.test(tranId)) return { error: badParam(ctx, 'bank_tran_id') };
  const fin = q.get('fintech_use_num') ?? '';
  if (!/^\d{24}$/.test(fin)) return { error: badParam(ctx, 'fintech_use_num') };
  if (!/^\d{14}$/.test(q.get('tran_dtime') ?? '')) return { error: badParam(ctx, 'tran_dtime') };
  const wrong = extra();
  if (wrong) return { error: badParam(ctx, wrong) };
  if (tranId.slice(0, 10) !== ctx.orgCode) {
    return { error: fail(ctx, 'A0004', '요청전문 포맷 에러 [bank_tran_id: 앞 10자리는 이용기관코드와 같아야 합니다]') };
  }
  const today = kstToday(ctx);
  let seen = ctx.tranIds.get(today);
  if (!seen) {
    // Uniqueness is per day; yesterday's ids are no longer needed.
    ctx.tranIds.clear();
    ctx.tranIds.set(today, (seen = new Set()));
  }
  if (seen.has(tranId)) {
    ctx.duplicateTranIds++;
    return { error: fail(ctx, ctx.faults.faults.duplicateTranIdCode, '거래고유번호 중복') };
  }
  seen.add(tranId);
  const account = ctx.household.accounts.find((a) => a.fintechUseNum === fin);
  if (!account) return { error: fail(ctx, 'A0304', '핀테크이용번호 정보 불일치') };
  if (!account.inquiryAgree) return { error: fail(ctx, 'A0305', '제3자정보제공동의 미완료') };
  // The bank answers, but not with data: a closed account, or the bank's nightly maintenance.
  if (closed(account)) return { error: bankFail(ctx, tranId, '415', '해지된 계좌입니다.') };
  if (inMaintenance(ctx.faults.faults, ctx.now())) {
    return { error: bankFail(ctx, tranId, '999', '참가기관 시스템 점검 시간입니다. (23:30~00:30)') };
  }
  return { account, tranId };
}

function bankEnvelope(ctx: SandboxContext, tranId: string): Body {
  // The real testbed says 20190101 whatever the day.
  const date = ctx.profile === 'testbed' ? '20190101' : kstToday(ctx);
  return { ...envelope(ctx), rsp_code: 'A0000', rsp_message: '', bank_tran_id: tranId, bank_tran_date: date,
    bank_code_tran: '097', bank_rsp_code: '000', bank_rsp_message: '' };
}

/** A0002: the gateway reached the bank, which refused; the reason is in bank_rsp_code/bank_rsp_message. */
function bankFail(ctx: SandboxContext, tranId: string, code: string, message: string): Body {
  return { ...bankEnvelope(ctx, tranId), rsp_code: 'A0002', rsp_message: '참가기관 에러', bank_rsp_code: code,
    bank_rsp_message: message };
}

function balance(ctx: SandboxContext, q: URLSearchParams): Body {
  const checked = checkBankCall(ctx, q, () => undefined);
  if ('error' in checked) return checked.error;
  const { account: a, tranId } = checked;
  if (a.canned) return cannedBalance(ctx, a, tranId);
  const today = kstToday(ctx);
  const amt = a.balanceOn(today);
  const last = a.indexAtOrAfter(String(Number(today) + 1)) - 1;
  return {
    ...bankEnvelope(ctx, tranId), bank_name: a.bankName, savings_bank_name: '', fintech_use_num: a.fintechUseNum,
    balance_amt: String(amt), available_amt: String(Math.max(0, amt)), account_type: a.accountType,
    product_name: a.productName, account_issue_date: a.issueDate,
    maturity_date: a.accountType === '2' ? String(Number(a.issueDate.slice(0, 4)) + 10) + a.issueDate.slice(4) : '',
    last_tran_date: last >= 0 ? a.tx(last).date : '00000000',
  };
}

function transactionList(ctx: SandboxContext, q: URLSearchParams): Body {
  const g = (k: string): string => q.get(k) ?? '';
  const checked = checkBankCall(ctx, q, () => {
    if (!['A', 'I', 'O'].includes(g('inquiry_type'))) return 'inquiry_type';
    if (!['D', 'T'].includes(g('inquiry_base'))) return 'inquiry_base';
    if (!isDate(g('from_date'))) return 'from_date';
    if (!isDate(g('to_date'))) return 'to_date';
    if (g('inquiry_base') === 'T') {
      if (!isTime(g('from_time'))) return 'from_time';
      if (!isTime(g('to_time'))) return 'to_time';
    }
    if (g('from_date') + (g('inquiry_base') === 'T' ? g('from_time') : '') >
      g('to_date') + (g('inquiry_base') === 'T' ? g('to_time') : '')) return 'from_date';
    if (!['D', 'A'].includes(g('sort_order'))) return 'sort_order';
    if (g('befor_inquiry_trace_info').length > 20) return 'befor_inquiry_trace_info';
    return undefined;
  });
  if ('error' in checked) return checked.error;
  const { account: a, tranId } = checked;
  if (a.canned) return cannedList(ctx, a, tranId, g('befor_inquiry_trace_info'));
  const today = kstToday(ctx);
  const byTime = g('inquiry_base') === 'T';
  const query: TxQuery = {
    type: g('inquiry_type') as TxQuery['type'],
    fromKey: Number(g('from_date')) * 1e6 + (byTime ? Number(g('from_time')) : 0),
    toKey: Math.min(Number(g('to_date')) * 1e6 + (byTime ? Number(g('to_time')) : 235959), Number(today) * 1e6 + 235959),
    descending: g('sort_order') === 'D',
    trace: g('befor_inquiry_trace_info'),
  };
  const page = pageTransactions(a, query, ctx.seed);
  if ('badTrace' in page) return badParam(ctx, 'befor_inquiry_trace_info');
  if (page.rows.length === 0 && ctx.faults.faults.a0018WhenEmpty) return fail(ctx, 'A0018', '거래내역 없음');
  const quirk = page.next !== undefined && ctx.faults.faults.emptyTraceQuirk;
  const resList: Body[] = page.rows.map((t) => ({
    tran_date: t.date, tran_time: t.time, inout_type: t.inout, tran_type: t.tranType, print_content: t.memo,
    tran_amt: String(t.amount), after_balance_amt: String(t.afterBalance), branch_name: t.branch,
  }));
  const first = resList[0];
  if (first && ctx.faults.takeMalformed()) first.tran_amt = '12a4';
  return {
    ...bankEnvelope(ctx, tranId), bank_name: a.bankName, savings_bank_name: '', fintech_use_num: a.fintechUseNum,
    balance_amt: String(a.balanceOn(today)), page_record_cnt: String(resList.length),
    next_page_yn: page.next !== undefined ? 'Y' : 'N', befor_inquiry_trace_info: quirk ? '' : (page.next ?? ''),
    res_list: resList,
  };
}

// Testbed profile: registered test data, answered whatever the request asks for.

/** An account whose every amount was registered as a number sends its balances unquoted too. */
const allNumeric = (a: GeneratedAccount): boolean => (a.canned ?? []).every((r) => typeof r.tran_amt === 'number');

function cannedBalance(ctx: SandboxContext, a: GeneratedAccount, tranId: string): Body {
  if (a.balanceMissing) return bankFail(ctx, tranId, '999', '시뮬레이터 응답전문이 존재하지 않습니다.');
  const amt = a.registeredBalance ?? 0;
  const numeric = allNumeric(a);
  return {
    ...bankEnvelope(ctx, tranId), bank_name: a.bankName, savings_bank_name: '', fintech_use_num: a.fintechUseNum,
    balance_amt: numeric ? amt : String(amt), available_amt: numeric ? amt : String(amt),
    ...(a.accountType !== '' ? { account_type: a.accountType } : {}), product_name: a.productName,
    account_issue_date: '00000000', maturity_date: '', last_tran_date: '00000000',
  };
}

function cannedList(ctx: SandboxContext, a: GeneratedAccount, tranId: string, trace: string): Body {
  const page = pageCanned(a, trace, ctx.seed);
  if ('badTrace' in page) return badParam(ctx, 'befor_inquiry_trace_info');
  const last = page.next === undefined;
  const numeric = allNumeric(a);
  const bal = a.registeredBalance ?? 0;
  return {
    ...bankEnvelope(ctx, tranId), bank_name: a.bankName, savings_bank_name: '', fintech_use_num: a.fintechUseNum,
    balance_amt: numeric ? bal : String(bal), page_record_cnt: String(page.rows.length),
    // The real testbed ended a page with "Y" and an empty trace: more to come, and no way to ask for it.
    next_page_yn: !last || a.endsWithEmptyTrace ? 'Y' : 'N', befor_inquiry_trace_info: page.next ?? '',
    res_list: page.rows.map((r) => ({ ...r })),
  };
}
