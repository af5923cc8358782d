import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, DataError } from '../../src/errors.js';
import {
  TokenRejectedError,
  checkEnvelope,
  decodeAccountList,
  decodeBalance,
  decodeToken,
  decodeTransactionPage,
  decodeUserMe,
  parseAmount,
  parseDate,
  parseTime,
} from '../../src/openbanking/decode.js';
import { FIN, accountListBody, balanceBody, pageBody, tokenBody, txRow, userMeBody } from './decode-fixtures.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('scalar parsers', () => {
  it('reads unsigned amounts from digit strings and numbers', () => {
    expect(parseAmount('450000', false)).toBe(450000);
    expect(parseAmount('000120', false)).toBe(120);
    expect(parseAmount(' 12 ', false)).toBe(12);
    expect(parseAmount(4500, false)).toBe(4500);
    expect(parseAmount('9007199254740991', false)).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('refuses junk, signs on N, fractions and unsafe integers', () => {
    for (const v of ['', ' ', '12a4', '1.5', '1e3', '-5', '+5', '1,000', '0x10', '9007199254740992', '99999999999999999999', null, true, [], {}]) {
      expect(parseAmount(v, false), JSON.stringify(v)).toBeUndefined();
    }
    for (const v of [1.5, -1, Number.NaN, Infinity, 2 ** 53]) expect(parseAmount(v, false), String(v)).toBeUndefined();
  });
  it('reads signed amounts with a leading - or +', () => {
    expect(parseAmount('-1200', true)).toBe(-1200);
    expect(parseAmount('+1200', true)).toBe(1200);
    expect(Object.is(parseAmount('-0', true), 0)).toBe(true);
    expect(parseAmount('--1', true)).toBeUndefined();
    expect(parseAmount('-', true)).toBeUndefined();
    expect(parseAmount('-9007199254740992', true)).toBeUndefined();
  });
  it('validates calendar dates', () => {
    expect(parseDate('20240229')).toBe('2024-02-29');
    expect(parseDate('20230229')).toBeUndefined();
    expect(parseDate('20241301')).toBeUndefined();
    expect(parseDate('20240431')).toBeUndefined();
    expect(parseDate('00000000')).toBeUndefined();
    expect(parseDate('2024-01-01')).toBe('2024-01-01');
    expect(parseDate('2024/01/01')).toBeUndefined();
    expect(parseDate('2024-02-30')).toBeUndefined();
    expect(parseDate('2024011')).toBeUndefined();
  });
  it('validates times', () => {
    expect(parseTime('000000')).toBe('00:00:00');
    expect(parseTime('235959')).toBe('23:59:59');
    expect(parseTime('240000')).toBeUndefined();
    expect(parseTime('126000')).toBeUndefined();
    expect(parseTime('12000')).toBeUndefined();
    expect(parseTime('12:30:05')).toBe('12:30:05');
    expect(parseTime('12.30.05')).toBeUndefined();
  });
});

describe('envelope', () => {
  it('accepts A0000 and refuses a missing rsp_code', () => {
    expect(checkEnvelope('balance', { rsp_code: 'A0000' })).toBe('A0000');
    const e = thrown(() => checkEnvelope('balance', { rsp_message: '' }));
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe('balance: rsp_code is missing');
  });
  it('turns O0002 and O0003 into TokenRejectedError', () => {
    const rejected = thrown(() => checkEnvelope('balance', { rsp_code: 'O0002', rsp_message: 'Access Token 거부' }));
    expect(rejected).toBeInstanceOf(TokenRejectedError);
    expect(rejected).toBeInstanceOf(AuthError);
    expect((rejected as TokenRejectedError).expired).toBe(false);
    const expired = thrown(() => checkEnvelope('balance', { rsp_code: 'O0003', rsp_message: 'Access Token 만료' }));
    expect((expired as TokenRejectedError).expired).toBe(true);
    expect((expired as TokenRejectedError).exitCode).toBe(77);
  });
  it('turns other codes into ApiError with a hint; A0002 carries the bank reason', () => {
    const e = thrown(() =>
      checkEnvelope('balance', { rsp_code: 'A0002', rsp_message: '참가기관 에러', bank_rsp_code: '412', bank_rsp_message: '계좌없음' }),
    ) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.rspCode).toBe('A0002');
    expect(e.exitCode).toBe(69);
    expect(e.message).toBe('balance: the API answered A0002 (참가기관 에러; bank 412 계좌없음)');
    const f = thrown(() => checkEnvelope('balance', { rsp_code: 'A0004', rsp_message: '요청전문 포맷 에러' })) as ApiError;
    expect(f.hint).toMatch(/orgCode/);
  });
  it('refuses a body that is not an object', () => {
    for (const b of [null, [], 'x', 3, true]) expect(thrown(() => checkEnvelope('balance', b))).toBeInstanceOf(DataError);
  });
});

describe('token', () => {
  it('decodes a token answer (expires_in as number or string)', () => {
    expect(decodeToken(tokenBody())).toEqual({
      accessToken: 'eyJhbGciOiJIUzI1NiJ9.access.sig',
      refreshToken: 'eyJhbGciOiJIUzI1NiJ9.refresh.sig',
      tokenType: 'Bearer',
      expiresIn: 7775999,
      scope: 'inquiry login',
      userSeqNo: '1100770530',
    });
    expect(decodeToken({ ...tokenBody(), expires_in: '7776000' }).expiresIn).toBe(7776000);
  });
  it('tolerates a refresh answer without refresh_token or user_seq_no', () => {
    const t = decodeToken({ ...tokenBody(), refresh_token: undefined, user_seq_no: undefined });
    expect(t.refreshToken).toBeNull();
    expect(t.userSeqNo).toBeNull();
  });
  it('turns an error body into AuthError naming the code, never a token', () => {
    const e = thrown(() => decodeToken({ rsp_code: 'O0001', rsp_message: '인증 파라미터 오류([3000201])' })) as AuthError;
    expect(e).toBeInstanceOf(AuthError);
    expect(e).not.toBeInstanceOf(TokenRejectedError);
    expect(e.message).toBe('the token request was refused (O0001 인증 파라미터 오류([3000201]))');
    expect(e.hint).toMatch(/clientSecret/);
    expect(thrown(() => decodeToken({ token_type: 'Bearer' }))).toBeInstanceOf(DataError); // no rsp_code and no token: malformed
  });
  it('never shows a token value in a DataError', () => {
    const e = thrown(() => decodeToken({ ...tokenBody(), refresh_token: 12345678 })) as DataError;
    expect(e).toBeInstanceOf(DataError);
    expect(e.message).toBe('token: refresh_token is not text');
    const f = thrown(() => decodeToken({ ...tokenBody(), expires_in: 'soon' })) as DataError;
    expect(f.message).toBe('token: expires_in is not an amount ("soon")');
  });
});

describe('accounts', () => {
  it('decodes user/me', () => {
    const me = decodeUserMe(userMeBody());
    expect(me.userSeqNo).toBe('1101026667');
    expect(me.userName).toBe('홍길동');
    expect(me.accounts).toHaveLength(1);
    expect(me.accounts[0]).toEqual({
      fintechUseNum: FIN,
      alias: '생활비',
      bankCode: '003',
      bankName: 'IBK기업은행',
      savingsBankName: '',
      accountNumMasked: '010211588***',
      holderName: '홍길동',
      accountType: '1',
      inquiryAgree: true,
      transferAgree: false,
      state: '',
    });
  });
  it('decodes account/list with states', () => {
    const list = decodeAccountList(accountListBody());
    expect(list.map((a) => a.state)).toEqual(['01', '09']);
  });
  it('names the path of a bad account field', () => {
    const body = accountListBody();
    (body['res_list'] as Record<string, unknown>[])[1]!['inquiry_agree_yn'] = 'maybe';
    expect((thrown(() => decodeAccountList(body)) as Error).message).toBe('account_list: res_list[1].inquiry_agree_yn is not Y or N ("maybe")');
    const noFin = accountListBody();
    (noFin['res_list'] as Record<string, unknown>[])[0]!['fintech_use_num'] = '';
    expect((thrown(() => decodeAccountList(noFin)) as Error).message).toBe('account_list: res_list[0].fintech_use_num is missing');
  });
  it('does not echo user_ci', () => {
    const e = thrown(() => decodeUserMe({ ...userMeBody(), user_ci: { secret: 1 } })) as Error;
    expect(e.message).toBe('user_me: user_ci is not text');
  });
});

describe('balance', () => {
  it('decodes a balance', () => {
    expect(decodeBalance(balanceBody(), FIN)).toEqual({
      fintechUseNum: FIN,
      bankName: 'KB국민은행',
      balance: 50000000,
      available: 10000000,
      productName: '알뜰자유적립',
      accountType: '1',
    });
  });
  it('reads a negative balance and an empty available amount', () => {
    const b = decodeBalance({ ...balanceBody(), balance_amt: '-300', available_amt: '', fintech_use_num: '' }, FIN);
    expect(b.balance).toBe(-300);
    expect(b.available).toBeNull();
    expect(b.fintechUseNum).toBe(FIN);
  });
  it('refuses a missing balance', () => {
    expect((thrown(() => decodeBalance({ ...balanceBody(), balance_amt: '' }, FIN)) as Error).message).toBe('balance: balance_amt is missing');
  });
});

describe('transaction page', () => {
  it('decodes rows, directions, signed balances and the printed_content fallback', () => {
    const p = decodeTransactionPage(pageBody(), FIN);
    expect(p.balance).toBe(1000000);
    expect(p.nextPage).toBe(true);
    expect(p.trace).toBe('1T201806171');
    expect(p.rows).toEqual([
      { account: FIN, date: '2024-01-31', time: '23:59:59', direction: 'out', amount: 4500, balanceAfter: -1200, memo: '스타벅스 강남점', type: '카드', branch: '분당점' },
      { account: FIN, date: '2024-01-31', time: '09:00:00', direction: 'in', amount: 3000000, balanceAfter: 2998800, memo: '(주)회사 급여', type: '급여', branch: '분당점' },
      { account: FIN, date: '2024-01-31', time: '23:59:59', direction: 'out', amount: 120, balanceAfter: 2998680, memo: 'GS25', type: '카드', branch: '분당점' },
    ]);
  });
  it('accepts the page_record_cnt key with a trailing space and numbers for amounts', () => {
    const body = pageBody({ page_record_cnt: undefined, 'page_record_cnt ': '1', res_list: [txRow({ tran_amt: 4500, after_balance_amt: -7 })] });
    const p = decodeTransactionPage(body, FIN);
    expect(p.rows[0]?.amount).toBe(4500);
    expect(p.rows[0]?.balanceAfter).toBe(-7);
  });
  it('keeps the rows of a page whose count disagrees with them (the count is informational)', () => {
    expect(decodeTransactionPage(pageBody({ page_record_cnt: '25' }), FIN).rows).toHaveLength(3);
  });
  it('takes a missing expires_in as the documented 90 days', () => {
    expect(decodeToken({ access_token: 'a.b.c', refresh_token: 'r', token_type: 'Bearer', scope: 'login inquiry', user_seq_no: '1100000001' }).expiresIn).toBe(7_776_000);
  });
  it('names the row and the field of a malformed value, truncating it', () => {
    const body = pageBody({ page_record_cnt: '4', res_list: [txRow(), txRow(), txRow(), txRow({ tran_amt: '12a4' })] });
    expect((thrown(() => decodeTransactionPage(body, FIN)) as Error).message).toBe('transaction_list: res_list[3].tran_amt is not an amount ("12a4")');
    const long = pageBody({ page_record_cnt: '1', res_list: [txRow({ tran_date: '2024013100000000000000000' })] });
    expect((thrown(() => decodeTransactionPage(long, FIN)) as Error).message).toBe(
      'transaction_list: res_list[0].tran_date is not a date (YYYYMMDD) ("20240131000000000000…")',
    );
  });
  it('refuses a signed tran_amt, a bad date, a bad time and an unknown inout_type', () => {
    const one = (over: Record<string, unknown>): Error =>
      thrown(() => decodeTransactionPage(pageBody({ page_record_cnt: '1', res_list: [txRow(over)] }), FIN)) as Error;
    expect(one({ tran_amt: '-5' }).message).toMatch(/res_list\[0\]\.tran_amt is not an amount/);
    expect(one({ tran_date: '20230230' }).message).toMatch(/tran_date is not a date/);
    expect(one({ tran_date: '00000000' }).message).toMatch(/tran_date is missing/);
    expect(one({ tran_time: '250000' }).message).toMatch(/tran_time is not a time/);
    expect(one({ inout_type: '환불' }).message).toMatch(/inout_type is not 입금, 출금, 지급 or 기타 \("환불"\)/);
    expect(one({ tran_amt: '0000000000000000450' }).message).toMatch(/tran_amt has more than the 12 digits/);
    expect(one({ tran_amt: 1234567890123 }).message).toMatch(/tran_amt has more than the 12 digits/);
    expect(one({ after_balance_amt: '-12345678901234' }).message).toMatch(/after_balance_amt has more than the 13 digits/);
  });
  it('reads a blank or missing after_balance_amt as an unknown balance, and unquoted numbers as values', () => {
    const page = decodeTransactionPage(
      pageBody({ res_list: [txRow({ after_balance_amt: '' }), txRow({ after_balance_amt: undefined }), txRow({ tran_amt: 450000, after_balance_amt: -5, tran_time: 10101, tran_date: 20190101 })] }),
      FIN,
    );
    expect(page.rows.map((r) => r.balanceAfter)).toEqual([null, null, -5]);
    expect(page.rows[2]).toMatchObject({ amount: 450000, time: '01:01:01', date: '2019-01-01' });
    expect(page.rows.map((r) => r.amount)).toContain(450000);
    expect(decodeTransactionPage(pageBody({ res_list: [txRow({ tran_amt: '000000450000' })] }), FIN).rows[0]!.amount).toBe(450000);
  });
  it('a success rsp_code with a failing bank_rsp_code is a data error, never stored as success', () => {
    const e = thrown(() => decodeTransactionPage(pageBody({ bank_rsp_code: '551', bank_rsp_message: '처리 불가' }), FIN));
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toMatch(/A0000 but the bank answered 551 \(처리 불가\)/);
    expect(decodeTransactionPage(pageBody({ bank_rsp_code: '000' }), FIN).rows.length).toBeGreaterThan(0);
    expect(decodeTransactionPage(pageBody({ bank_rsp_code: '' }), FIN).rows.length).toBeGreaterThan(0);
  });
  it("reads an empty tran_time as midnight and leaves out 기타 rows that move no money", () => {
    const body = pageBody({ page_record_cnt: '2', res_list: [txRow({ tran_time: '' }), txRow({ inout_type: '기타', tran_amt: '0' })] });
    const p = decodeTransactionPage(body, FIN);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]?.time).toBe('00:00:00');
    expect(p.skipped).toBe(1);
    // 기타 carries no direction whatever its amount: left out and counted, never guessed.
    const moving = pageBody({ page_record_cnt: '2', res_list: [txRow({ inout_type: '기타', tran_amt: '10' }), txRow({ inout_type: '지급' })] });
    const q = decodeTransactionPage(moving, FIN);
    expect(q.skipped).toBe(1);
    expect(q.rows.map((r) => r.direction)).toEqual(['out']);
  });
  it('treats A0018 as an empty last page', () => {
    const p = decodeTransactionPage({ rsp_code: 'A0018', rsp_message: '거래내역 없음' }, FIN);
    expect(p).toEqual({ balance: null, nextPage: false, trace: '', rows: [] });
  });
  it('reads a missing next_page_yn as the last page and refuses junk in it', () => {
    expect(decodeTransactionPage(pageBody({ next_page_yn: undefined }), FIN).nextPage).toBe(false);
    expect(thrown(() => decodeTransactionPage(pageBody({ next_page_yn: 'X' }), FIN))).toBeInstanceOf(DataError);
  });
  it('refuses a res_list that is not a list', () => {
    expect((thrown(() => decodeTransactionPage(pageBody({ res_list: 'none', page_record_cnt: undefined }), FIN)) as Error).message).toBe(
      'transaction_list: res_list is not a list ("none")',
    );
  });
});
