// Field-by-field validation of Open Banking responses into typed values (../shared/openbanking-api.md §1–§5).
// Strict about meaning, tolerant about form: numbers may arrive as JSON numbers, text is trimmed, known typos are
// accepted. Whatever JSON arrives, these functions throw only FinanceError subclasses (DataError, ApiError, AuthError).

import type { Direction, Transaction } from '../domain/types.js';
import { ApiError, AuthError, DataError } from '../errors.js';
import { bad, get, join, missing, root, type Reader } from './decode-fields.js';
import { rspError } from './rsp-codes.js';

export { parseAmount, parseDate, parseTime } from './decode-fields.js';
import type { ApiAccount, Balance, TokenSet, TransactionPage, UserMe } from './types.js';

/** The names endpoints carry in messages. */
export type Endpoint = 'token' | 'user_me' | 'account_list' | 'balance' | 'transaction_list';

/** O0002 (token refused) or O0003 (token expired) on a business call: the caller may refresh once and retry. */
export class TokenRejectedError extends AuthError {
  readonly expired: boolean;
  readonly rspCode: string;
  constructor(endpoint: string, rspCode: string, rspMessage: string) {
    const expired = rspCode === 'O0003';
    super(
      `${endpoint}: the bank ${expired ? 'reports the access token as expired' : 'rejected the access token'} (${rspCode}${rspMessage ? ` ${rspMessage}` : ''})`,
      "run 'finance login'",
    );
    this.expired = expired;
    this.rspCode = rspCode;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Envelope (§1.2, §7).

function cleanMessage(v: unknown): string {
  if (typeof v !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const s = v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function hintFor(code: string): string {
  switch (code) {
    case 'A0002':
      return 'the bank reported an error; try again later';
    case 'A0004':
      return "the API refused the request as malformed — check orgCode ('finance config get orgCode'): bank_tran_id must start with your institution code";
    case 'A0008':
    case 'A0326':
      return 'the API saw a repeated bank_tran_id — try again';
    case 'A0014':
    case 'A0019':
    case 'A0304':
    case 'A0305':
    case 'A0313':
      return "the account or consent is no longer valid — run 'finance login' to refresh your accounts";
    case 'O0008':
    case 'O0009':
      return 'the API usage quota is exhausted — try again later';
    case 'O0011':
      return "the login lacks the needed scope — check the scope setting (it needs 'login inquiry') and run 'finance login'";
    case 'O0001':
    case 'O0004':
    case 'O0005':
    case 'O0006':
    case 'A0010':
    case 'A0011':
    case 'A0012':
    case 'A0013':
    case 'A0301':
    case 'A0302':
      return 'check the app registration (client id, API key, allowed IPs) on the Open Banking developer portal';
    default:
      return 'try again later; if it keeps failing, rerun with --verbose';
  }
}

/**
 * Checks the business envelope: returns normally on success (rsp_code A0000, or one of `alsoSuccess`),
 * throws TokenRejectedError for O0002/O0003 and ApiError for every other code. Returns the rsp_code.
 */
export function checkEnvelope(endpoint: string, body: unknown, alsoSuccess: readonly string[] = []): string {
  const r = root(endpoint, body);
  const raw = get(r.o, 'rsp_code');
  if (typeof raw !== 'string' || raw.trim() === '') {
    // An OAuth-style error body ({ error, error_description }) from a gateway that speaks plain OAuth.
    const oauthError = get(r.o, 'error');
    if (typeof oauthError === 'string' && oauthError.trim() !== '') {
      const description = cleanMessage(get(r.o, 'error_description'));
      if (oauthError === 'invalid_token') throw new TokenRejectedError(endpoint, 'O0002', description || oauthError);
      throw new ApiError(endpoint, cleanMessage(oauthError), description);
    }
    if (raw === undefined || raw === null || raw === '') throw missing(endpoint, 'rsp_code');
    throw bad(endpoint, 'rsp_code', 'is not a result code', raw);
  }
  const code = raw.trim();
  if (code === 'A0000') {
    // The gateway relayed the call, but the bank's own result code says it failed: nothing of this answer is data.
    const bankCode = get(r.o, 'bank_rsp_code');
    const bank = typeof bankCode === 'string' || typeof bankCode === 'number' ? String(bankCode).trim() : '';
    if (bank !== '' && bank !== '000') {
      const bankMessage = cleanMessage(get(r.o, 'bank_rsp_message'));
      throw new DataError(
        `${endpoint}: rsp_code A0000 but the bank answered ${cleanMessage(bank)}${bankMessage ? ` (${bankMessage})` : ''}`,
        'the bank reported a failure inside a success answer; nothing from it was stored — try again later',
      );
    }
    return code;
  }
  if (alsoSuccess.includes(code)) return code;
  const message = cleanMessage(get(r.o, 'rsp_message'));
  if (code === 'O0002' || code === 'O0003') throw new TokenRejectedError(endpoint, code, message);
  // What the code means (and its exit code) is decided in one place, rsp-codes.ts.
  throw rspError(endpoint, code, message, cleanMessage(get(r.o, 'bank_rsp_code')), cleanMessage(get(r.o, 'bank_rsp_message')), hintFor(code));
}

// ---------------------------------------------------------------------------------------------------------------
// Token (§3.3–3.5): success has no rsp_code; an error body has one (or lacks access_token).

function tokenHint(message: string): string {
  const detail = /\[(\d+)\]/.exec(message)?.[1];
  switch (detail) {
    case '3000201':
      return "check clientId and clientSecret ('finance config list')";
    case '3000114':
      return 'check that redirectUri equals the Callback URL registered on the developer portal';
    case '3000115':
      return 'check that the scope setting only asks for scopes registered for this app';
    case '3002110':
      return "the authorization expired or was already used — run 'finance login' again";
    default:
      return "run 'finance login' again";
  }
}

export function decodeToken(body: unknown, endpoint: string = 'token'): TokenSet {
  const r = root(endpoint, body);
  const rawCode = get(r.o, 'rsp_code');
  const code = typeof rawCode === 'string' ? rawCode.trim() : '';
  const access = get(r.o, 'access_token');
  if (code !== '' && code !== 'A0000') {
    const message = cleanMessage(get(r.o, 'rsp_message'));
    throw new AuthError(`the token request was refused (${code}${message ? ` ${message}` : ''})`, tokenHint(message));
  }
  // Plain OAuth error bodies (RFC 6749 §5.2: invalid_grant, invalid_client, …) are refusals too.
  const oauthError = get(r.o, 'error');
  if (code === '' && typeof oauthError === 'string' && oauthError.trim() !== '') {
    const description = cleanMessage(get(r.o, 'error_description'));
    throw new AuthError(`the token request was refused (${cleanMessage(oauthError)}${description ? `: ${description}` : ''})`, tokenHint(description));
  }
  // A success without a usable access token is malformed data (65), not a refusal.
  if (access === undefined || access === null || (typeof access === 'string' && access.trim() === '')) {
    throw new DataError(`${endpoint}: access_token is missing`, 'the token answer was malformed; nothing was stored — try again, and report it if it persists');
  }
  if (typeof access !== 'string') throw bad(endpoint, 'access_token', 'is not text', access);
  const refreshRaw = get(r.o, 'refresh_token');
  let refreshToken: string | null = null;
  if (typeof refreshRaw === 'string') refreshToken = refreshRaw.trim() || null;
  else if (refreshRaw !== undefined && refreshRaw !== null) throw bad(endpoint, 'refresh_token', 'is not text', refreshRaw);
  const userSeqNo = r.text('user_seq_no');
  return {
    accessToken: access.trim(),
    refreshToken,
    tokenType: r.text('token_type') || 'Bearer',
    // Tolerated when missing: the documented lifetime is 90 days.
    expiresIn: get(r.o, 'expires_in') === undefined || get(r.o, 'expires_in') === '' ? 7_776_000 : r.amount('expires_in', false),
    scope: r.text('scope'),
    userSeqNo: userSeqNo === '' ? null : userSeqNo,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Accounts (§4.1, §4.2).

function decodeAccount(r: Reader): ApiAccount {
  return {
    fintechUseNum: r.requiredText('fintech_use_num'),
    alias: r.text('account_alias'),
    bankCode: r.text('bank_code_std'),
    bankName: r.text('bank_name'),
    savingsBankName: r.text('savings_bank_name'),
    accountNumMasked: r.text('account_num_masked'),
    holderName: r.text('account_holder_name'),
    accountType: r.text('account_type'),
    inquiryAgree: r.yn('inquiry_agree_yn'),
    transferAgree: r.yn('transfer_agree_yn'),
    state: r.text('account_state'),
  };
}

function decodeAccounts(r: Reader): ApiAccount[] {
  return r.list('res_list').map((v, i) => decodeAccount(r.item('res_list', i, v)));
}

export function decodeUserMe(body: unknown, endpoint: string = 'user_me'): UserMe {
  checkEnvelope(endpoint, body);
  const r = root(endpoint, body);
  return {
    userSeqNo: r.requiredText('user_seq_no'),
    userName: r.text('user_name'),
    userCi: r.text('user_ci'),
    accounts: decodeAccounts(r),
  };
}

export function decodeAccountList(body: unknown, endpoint: string = 'account_list'): ApiAccount[] {
  checkEnvelope(endpoint, body);
  return decodeAccounts(root(endpoint, body));
}

// ---------------------------------------------------------------------------------------------------------------
// Balance (§4.3).

export function decodeBalance(body: unknown, fintechUseNum: string, endpoint: string = 'balance'): Balance {
  checkEnvelope(endpoint, body);
  const r = root(endpoint, body);
  return {
    fintechUseNum: r.text('fintech_use_num') || fintechUseNum,
    bankName: r.text('bank_name'),
    balance: r.amount('balance_amt', true),
    // N(12) in the spec; read signed so an overdrawn account's answer is not refused.
    available: r.optionalAmount('available_amt', true),
    productName: r.text('product_name'),
    accountType: r.text('account_type'),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Transaction list (§4.4, §5).

/**
 * One res_list row. Returns null for a 기타 row: the spec gives it no direction and a tran_amt of "0", so it moves no
 * money; the page counts it (`skipped`) instead of storing it.
 */
function decodeTransactionRow(r: Reader, account: string): Transaction | null {
  const inout = r.requiredText('inout_type');
  const amount = r.amount('tran_amt', false, 12);
  let direction: Direction;
  if (inout === '입금') direction = 'in';
  else if (inout === '출금' || inout === '지급') direction = 'out';
  else if (inout === '기타') return null;
  else throw bad(r.endpoint, join(r.prefix, 'inout_type'), 'is not 입금, 출금, 지급 or 기타', inout);
  const printContent = r.text('print_content');
  return {
    account,
    date: r.date('tran_date'),
    time: r.time('tran_time'),
    direction,
    amount,
    // Blank at some banks (§9.1): stored as unknown, the balance chain skips the row.
    balanceAfter: r.optionalAmount('after_balance_amt', true, 13),
    memo: printContent !== '' ? printContent : r.text('printed_content'),
    type: r.text('tran_type'),
    branch: r.text('branch_name'),
  };
}

/** A transaction-list page; rsp_code A0018 (거래내역 없음) is an empty last page. */
export function decodeTransactionPage(body: unknown, fintechUseNum: string, endpoint: string = 'transaction_list'): TransactionPage {
  const code = checkEnvelope(endpoint, body, ['A0018']);
  const r = root(endpoint, body);
  if (code === 'A0018') return { balance: r.optionalAmount('balance_amt', true), nextPage: false, trace: '', rows: [] };
  const list = r.list('res_list');
  // The spec's own example spells the key with a trailing space.
  // page_record_cnt is informational: the rows themselves are what we store, so a count that disagrees with them
  // (or is missing, or spelled with the spec's trailing space) is tolerated.
  const rows: Transaction[] = [];
  let skipped = 0;
  list.forEach((v, i) => {
    const row = decodeTransactionRow(r.item('res_list', i, v), fintechUseNum);
    if (row) rows.push(row);
    else skipped++;
  });
  return {
    balance: r.optionalAmount('balance_amt', true),
    nextPage: r.yn('next_page_yn'),
    trace: r.text('befor_inquiry_trace_info'),
    rows,
    ...(skipped > 0 ? { skipped } : {}),
  };
}
