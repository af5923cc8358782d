// The `testbed` profile's household: a few accounts with canned rows, shaped like the real KFTC testbed
// (testapi.openbanking.or.kr, reference §9/§9.1) rather than the spec — rows served whatever dates are asked, a run
// of identical 20190101 rows, unquoted amounts, 지급/기타 rows, a `****` memo, a blank after_balance_amt, an account
// without account_type, one without registered balance data, and a closed one. Deterministic per seed.

import { TxColumns, type Dictionaries, Dictionary, type GeneratedTx } from './columns.js';
import type { GeneratedAccount, Household } from './generator.js';
import { GIVEN_NAMES, SURNAMES } from './merchants.js';
import { Rng } from './prng.js';

/** One res_list row exactly as it goes on the wire (amounts may be JSON numbers, after_balance_amt may be ""). */
export interface CannedRow {
  tran_date: string;
  tran_time: string;
  inout_type: '입금' | '출금' | '지급' | '기타';
  tran_type: string;
  print_content: string;
  tran_amt: string | number;
  after_balance_amt: string | number;
  branch_name: string;
}

interface Draft {
  date: string;
  time: string;
  inout: CannedRow['inout_type'];
  type: string;
  memo: string;
  amount: number;
  branch: string;
  /** the row's after_balance_amt is sent blank */
  blankBalance?: boolean;
  /** the row's tran_amt is sent as a JSON number */
  numeric?: boolean;
  /** after_balance_amt fixed as registered (the real capture repeats one balance on every row) */
  balance?: number;
}

interface Spec {
  bankCodeStd: string;
  bankName: string;
  alias: string;
  /** '' = the field is left out (accounts registered before 2020-12) */
  accountType: string;
  state: '01' | '09';
  balanceMissing: boolean;
  endsWithEmptyTrace: boolean;
  opening: number;
  drafts: Draft[];
  /** every amount of the account goes as a JSON number */
  allNumeric: boolean;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const day = (m: number, d: number): string => `2019${pad(m)}${pad(d)}`;

/** A plausible HHMMSS inside business-ish hours. */
function time(r: Rng): string {
  return `${pad(r.int(8, 21))}${pad(r.int(0, 59))}${pad(r.int(0, 59))}`;
}

/** The run every real capture shows: identical salary rows on 20190101 at 01:01:01, amounts unquoted. */
function openingBurst(n: number): Draft[] {
  const rows: Draft[] = [{ date: '20190101', time: '010101', inout: '입금', type: '급여', memo: '오픈', amount: 1_000_000,
    branch: '분당점', numeric: true, balance: 5_000_000 }];
  for (let i = 1; i < n; i++) rows.push({ ...(rows[0] as Draft), memo: '오픈상여금' });
  return rows;
}

function monthly(r: Rng, months: number[], d: number, make: (m: number) => Omit<Draft, 'date' | 'time'>): Draft[] {
  return months.map((m) => ({ date: day(m, d), time: time(r), ...make(m) }));
}

function spending(r: Rng, n: number, months: number[], memos: readonly string[], inout: '출금' | '지급' = '출금'): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < n; i++) {
    const m = months[i % months.length] as number;
    out.push({ date: day(m, r.int(1, 28)), time: time(r), inout, type: inout === '지급' ? '지급' : '체크카드',
      memo: r.pick(memos), amount: r.int(3, 900) * 100, branch: '' });
  }
  return out;
}

const SHOPS = ['스타벅스', 'GS25', 'CU', '이마트', '배달의민족', '쿠팡', '올리브영', '다이소', '카카오T'] as const;

function specs(seed: number): Spec[] {
  const r = new Rng(seed, 'testbed');
  const months = [1, 2, 3, 4, 5, 6];
  const salary = r.int(28, 36) * 100_000;
  // 1. The real capture's account: the burst of identical rows, then half a year of ordinary life.
  const a: Draft[] = [
    ...openingBurst(9),
    ...monthly(r, months, 25, () => ({ inout: '입금', type: '급여', memo: '오픈급여', amount: salary, branch: '분당점' })),
    ...monthly(r, months, 27, () => ({ inout: '출금', type: '자동이체', memo: 'SKT통신요금', amount: r.int(480, 720) * 100,
      branch: '' })),
    ...spending(r, 11, months, SHOPS),
  ];
  a.forEach((d, i) => {
    if (i >= 9 && i % 4 === 0) d.numeric = true;
  });
  // 2. Balance API without registered data; 지급 and 기타 rows, a 1-won verification deposit, a blank balance.
  const b: Draft[] = [
    ...monthly(r, months, 10, () => ({ inout: '입금', type: '타행환', memo: '오픈용돈', amount: 500_000, branch: '' })),
    ...spending(r, 24, months, SHOPS),
    ...spending(r, 8, months, ['ATM지급', '자동화기기지급', 'CD지급'], '지급'),
    ...[2, 4, 6].map((m) => ({ date: day(m, 1), time: '000000', inout: '기타' as const, type: '기타',
      memo: '통장재발행', amount: 0, branch: '분당점' })),
    { date: day(3, 15), time: time(r), inout: '입금', type: '대체', memo: '****', amount: 1, branch: '' },
    ...monthly(r, [1, 3, 5], 20, () => ({ inout: '출금', type: '자동이체', memo: '오픈적금', amount: 100_000, branch: '' })),
  ];
  // One row's after_balance_amt is sent blank (some banks leave it empty).
  const blank = b.find((d) => d.inout === '출금' && d.date.slice(4, 6) === '04');
  if (blank) blank.blankBalance = true;
  // 3. Registered before 2020-12 (no account_type), every amount an unquoted number, a clean last page.
  const c: Draft[] = [
    ...monthly(r, months, 5, () => ({ inout: '입금', type: '이자', memo: '예금이자', amount: r.int(100, 900), branch: '' })),
    ...spending(r, 22, months, SHOPS),
  ];
  // 4. Closed: listed with include_cancel_yn=Y, every inquiry refused.
  const d: Draft[] = spending(r, 25, [1, 2], SHOPS);
  return [
    { bankCodeStd: '004', bankName: 'KB국민은행', alias: '1105', accountType: '1', state: '01', balanceMissing: false,
      endsWithEmptyTrace: true, opening: 4_000_000, drafts: a, allNumeric: false },
    { bankCodeStd: '003', bankName: 'IBK기업은행', alias: 'JD', accountType: '1', state: '01', balanceMissing: true,
      endsWithEmptyTrace: true, opening: r.int(20, 40) * 100_000, drafts: b, allNumeric: false },
    { bankCodeStd: '007', bankName: '수협은행', alias: '테스트계좌', accountType: '', state: '01', balanceMissing: false,
      endsWithEmptyTrace: false, opening: r.int(20, 40) * 100_000, drafts: c, allNumeric: true },
    { bankCodeStd: '097', bankName: '오픈은행', alias: '해지계좌', accountType: '1', state: '09', balanceMissing: false,
      endsWithEmptyTrace: false, opening: 3_000_000, drafts: d, allNumeric: false },
  ];
}

/** Posts drafts in time order onto a balance chain (except rows that carry a registered balance of their own). */
function post(spec: Spec): { rows: CannedRow[]; last: number } {
  const drafts = spec.drafts.slice().sort((x, y) => (x.date + x.time < y.date + y.time ? -1 : x.date + x.time > y.date + y.time ? 1 : 0));
  let bal = spec.opening;
  const rows = drafts.map((d): CannedRow => {
    if (d.balance !== undefined) bal = d.balance;
    else if (d.inout === '입금') bal += d.amount;
    else if (d.inout !== '기타') bal -= d.amount;
    const numeric = spec.allNumeric || d.numeric === true;
    return {
      tran_date: d.date, tran_time: d.time, inout_type: d.inout, tran_type: d.type, print_content: d.memo,
      tran_amt: numeric ? d.amount : String(d.amount),
      // The real capture quoted after_balance_amt even where tran_amt was a bare number.
      after_balance_amt: d.blankBalance ? '' : spec.allNumeric ? bal : String(bal),
      branch_name: d.branch,
    };
  });
  return { rows, last: bal };
}

export interface TestbedOptions {
  seed: number;
  orgCode?: string;
}

export function generateTestbedHousehold(opts: TestbedOptions): Household {
  const orgCode = opts.orgCode ?? 'M202500001';
  if (!/^[A-Z][0-9]{9}$/.test(orgCode)) throw new Error(`orgCode must be a letter and 9 digits: ${orgCode}`);
  const r = new Rng(opts.seed, 'testbed-ids');
  const holder = r.pick(SURNAMES) + r.pick(GIVEN_NAMES);
  const ci = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) ci[i] = r.int(0, 255);
  const user = { userSeqNo: '110' + String(r.int(0, 9_999_999)).padStart(7, '0'), userName: holder,
    userCi: ci.toString('base64') };
  const dictionaries: Dictionaries = { memo: new Dictionary(), tranType: new Dictionary(), branch: new Dictionary(),
    category: new Dictionary(), series: new Dictionary() };
  const accounts = specs(opts.seed).map((spec, k): GeneratedAccount => {
    let fin = '1' + orgCode.slice(1);
    while (fin.length < 24) fin += String(r.int(0, 9));
    const { rows, last } = post(spec);
    const tx = (i: number): GeneratedTx => {
      const w = rows[i];
      if (!w) throw new RangeError(`no row ${i}`);
      return { date: w.tran_date, time: w.tran_time, inout: w.inout_type, tranType: w.tran_type,
        memo: w.print_content, amount: Number(w.tran_amt),
        afterBalance: w.after_balance_amt === '' ? Number.NaN : Number(w.after_balance_amt), branch: w.branch_name,
        category: 'uncategorized' };
    };
    return {
      fintechUseNum: fin, bankCodeStd: spec.bankCodeStd, bankName: spec.bankName,
      accountNumMasked: `${pad(r.int(100, 999), 3)}${pad(r.int(100000, 999999), 6)}***`, alias: spec.alias,
      holderName: holder, accountType: spec.accountType, inquiryAgree: true, openingBalance: spec.opening,
      productName: '', registeredAt: `2019010${k + 1}${pad(r.int(9, 18))}${pad(r.int(0, 59))}${pad(r.int(0, 59))}`,
      issueDate: '00000000', state: spec.state, balanceMissing: spec.balanceMissing, canned: rows,
      endsWithEmptyTrace: spec.endsWithEmptyTrace, registeredBalance: last,
      columns: new TxColumns(), dictionaries,
      get count() {
        return rows.length;
      },
      tx,
      transactions: () => rows.map((_, i) => tx(i)),
      indexAtOrAfter: (date, t = '000000') => {
        const i = rows.findIndex((w) => w.tran_date + w.tran_time >= date + t);
        return i < 0 ? rows.length : i;
      },
      balanceOn: () => last,
    };
  });
  return {
    user, accounts, truth: { series: [], transactions: () => [] }, start: '2019-01-01', end: '2019-06-30', scale: 1,
  };
}
