// Deterministic synthetic household for the sandbox: a user, 1–12 accounts and their full transaction history,
// with the truth (intended category, recurring series) attached. Same options ⇒ same household, row for row.

import { addMonths, compactDate, isoDate, parseIsoDate } from './calendar.js';
import type { Dictionaries, GeneratedTx, TxColumns } from './columns.js';
import { build, type Persona } from './history.js';
import { injectControlText } from './hostile.js';
import { ALIASES, BANKS, EMPLOYERS, GIVEN_NAMES, SURNAMES } from './merchants.js';
import { Rng } from './prng.js';
import type { Cadence } from './series.js';
import type { CannedRow } from './testbed.js';

export type { GeneratedTx } from './columns.js';
export type { Cadence } from './series.js';

export interface GenerateOptions {
  seed: number;
  /** months of history ending on `end` (default 12) */
  months?: number;
  /** 1–12 (default 3): main salary account, living account, savings account, then extras */
  accounts?: number;
  /** last day of history, YYYY-MM-DD */
  end: string;
  /** scale target: make at least this many rows in total by multiplying spending density (and income) */
  transactions?: number;
  /** institution code the fintech_use_nums embed (default 'M202500001') */
  orgCode?: string;
  /** mark the last account (when there are 2+) as not consented for inquiry (inquiry_agree_yn "N") */
  noConsentAccount?: boolean;
  /** put terminal control sequences into some memos, the first alias and a bank name (src/sandbox/hostile.ts) */
  controlText?: boolean;
  /** add hand-made series to the history and its truth (series.ts handMadeSeries); off by default */
  extraSeries?: boolean;
}

export interface GeneratedAccount {
  fintechUseNum: string;
  bankCodeStd: string;
  bankName: string;
  accountNumMasked: string;
  alias: string;
  holderName: string;
  /** "1" demand deposit, "2" savings; "" = left out of the account list (testbed profile) */
  accountType: string;
  inquiryAgree: boolean;
  openingBalance: number;
  productName: string;
  /** YYYYMMDDHHMMSS the account was registered (inquiry consent time) */
  registeredAt: string;
  /** YYYYMMDD */
  issueDate: string;
  /** number of rows */
  readonly count: number;
  /** Materialises every row, oldest first (sorted by date+time). Prefer tx()/count for big histories. */
  transactions(): GeneratedTx[];
  /** Row i (0 = oldest). */
  tx(index: number): GeneratedTx;
  /** Index of the first row at or after date (YYYYMMDD) and time (HHMMSS, default 000000); count when none. */
  indexAtOrAfter(date: string, time?: string): number;
  /** Balance after the last row on or before date (YYYYMMDD); the opening balance when none. */
  balanceOn(date: string): number;
  /** Raw column storage, for fast range scans (empty for testbed-profile accounts, whose rows are `canned`). */
  readonly columns: TxColumns;
  readonly dictionaries: Dictionaries;
  // Testbed profile only (src/sandbox/testbed.ts):
  /** account_state: "01" in use (the default), "09" closed — listed with include_cancel_yn=Y, inquiries refused */
  state?: '01' | '09';
  /** no balance test data registered: the balance API answers A0002 */
  balanceMissing?: boolean;
  /** the rows served for every transaction-list query whatever its dates, exactly as they go on the wire */
  canned?: CannedRow[];
  /** the last page of canned rows says next_page_yn "Y" with an empty trace */
  endsWithEmptyTrace?: boolean;
  /** the balance registered as test data */
  registeredBalance?: number;
}

export interface TruthSeries {
  id: string;
  /** fintech_use_num */
  account: string;
  memo: string;
  direction: 'in' | 'out';
  cadence: Cadence;
  active: boolean;
  category: string;
  occurrences: number;
  /** YYYY-MM-DD of the first and last occurrence */
  first: string;
  last: string;
  /** amount of the last occurrence */
  lastAmount: number;
}

export interface Truth {
  series: TruthSeries[];
  /** Per-row truth of one account (same order as its rows). */
  transactions(fintechUseNum: string): Array<{ category: string; seriesId?: string }>;
}

export interface Household {
  user: { userSeqNo: string; userName: string; userCi: string };
  accounts: GeneratedAccount[];
  truth: Truth;
  /** first and last day of history, YYYY-MM-DD */
  start: string;
  end: string;
  /** density multiplier used to reach `transactions` (1 when not scaled) */
  scale: number;
}

export function generateHousehold(opts: GenerateOptions): Household {
  const months = Math.max(1, Math.floor(opts.months ?? 12));
  const nAcc = Math.min(BANKS.length, Math.max(1, Math.floor(opts.accounts ?? 3)));
  const orgCode = opts.orgCode ?? 'M202500001';
  if (!/^[A-Z][0-9]{9}$/.test(orgCode)) throw new Error(`orgCode must be a letter and 9 digits: ${orgCode}`);
  const end = parseIsoDate(opts.end);
  const start = addMonths(end, -months) + 1;
  const persona = makePersona(opts.seed);

  let k = 1;
  let built = build(opts.seed, start, end, months, nAcc, k, persona, opts.extraSeries === true);
  const target = opts.transactions ?? 0;
  for (let tries = 0; built.total < target && tries < 6; tries++) {
    // Series rows do not scale; only the irregular part grows with k.
    const irregular = Math.max(1, built.total - built.seriesRows);
    k = Math.max(k * 1.05, (k * (target - built.seriesRows)) / irregular) * 1.02;
    built = build(opts.seed, start, end, months, nAcc, k, persona, opts.extraSeries === true);
  }

  const idRng = new Rng(opts.seed, 'accounts');
  const accounts: GeneratedAccount[] = [];
  for (let a = 0; a < nAcc; a++) {
    const bank = BANKS[a] as (typeof BANKS)[number];
    let fin = '1' + orgCode.slice(1);
    while (fin.length < 24) fin += String(idRng.int(0, 9));
    const masked = bank.prefix + String(idRng.int(100000, 999999)) + '***';
    const issue = compactDate(start - idRng.int(400, 3000));
    const pad = (n: number): string => String(n).padStart(2, '0');
    const registered = `${compactDate(start + a)}${pad(idRng.int(9, 20))}${pad(idRng.int(0, 59))}${pad(idRng.int(0, 59))}`;
    accounts.push(makeAccount({
      fintechUseNum: fin, bankCodeStd: bank.code, bankName: bank.name, accountNumMasked: masked,
      alias: ALIASES[a] ?? `계좌${a + 1}`, holderName: persona.holder, accountType: a === 2 ? '2' : '1',
      inquiryAgree: !(opts.noConsentAccount && nAcc >= 2 && a === nAcc - 1),
      openingBalance: built.opening[a] ?? 0, productName: bank.product, registeredAt: registered,
      issueDate: String(issue),
    }, built.columns[a] as TxColumns, built.dict));
  }

  if (opts.controlText) injectControlText(accounts, built.dict);

  const truthSeries: TruthSeries[] = [];
  for (const s of built.series) {
    const acct = accounts[s.account];
    const occ = built.occurrences.get(s.id);
    if (!acct || !occ) continue;
    truthSeries.push({
      id: s.id, account: acct.fintechUseNum, memo: s.memo, direction: s.incoming ? 'in' : 'out', cadence: s.cadence,
      active: s.active, category: s.category, occurrences: occ.count, first: isoDate(occ.first),
      last: isoDate(occ.last), lastAmount: occ.lastAmount,
    });
  }
  const byFin = new Map(accounts.map((a) => [a.fintechUseNum, a]));
  return {
    user: { userSeqNo: persona.userSeqNo, userName: persona.holder, userCi: persona.userCi },
    accounts,
    truth: {
      series: truthSeries,
      transactions(fin: string) {
        const acct = byFin.get(fin);
        if (!acct) return [];
        return acct.transactions().map((t) => (t.seriesId ? { category: t.category, seriesId: t.seriesId } : { category: t.category }));
      },
    },
    start: isoDate(start),
    end: isoDate(end),
    scale: k,
  };
}

function makePersona(seed: number): Persona {
  const r = new Rng(seed, 'persona');
  const ci = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) ci[i] = r.int(0, 255);
  return {
    holder: r.pick(SURNAMES) + r.pick(GIVEN_NAMES),
    employer: r.pick(EMPLOYERS),
    salary: r.int(46, 58) * 100_000,
    rent: r.int(55, 90) * 10_000,
    phoneMemo: r.pick(['SKT통신요금', 'KT통신요금', 'LGU+통신요금']),
    healthInsurance: r.int(95, 140) * 1000,
    userSeqNo: '110' + String(r.int(0, 9_999_999)).padStart(7, '0'),
    userCi: ci.toString('base64'),
  };
}

type AccountInfo = Omit<GeneratedAccount, 'count' | 'transactions' | 'tx' | 'indexAtOrAfter' | 'balanceOn' |
  'columns' | 'dictionaries' | 'state' | 'balanceMissing' | 'canned' | 'endsWithEmptyTrace' | 'registeredBalance'>;

function makeAccount(info: AccountInfo, columns: TxColumns, dictionaries: Dictionaries): GeneratedAccount {
  return {
    ...info,
    columns,
    dictionaries,
    get count() {
      return columns.length;
    },
    tx: (i) => columns.row(i, dictionaries),
    transactions: () => Array.from({ length: columns.length }, (_, i) => columns.row(i, dictionaries)),
    indexAtOrAfter: (date, time = '000000') => columns.lowerBound(Number(date) * 1e6 + Number(time)),
    balanceOn(date) {
      const i = columns.lowerBound((Number(date) + 1) * 1e6) - 1;
      return i >= 0 ? (columns.balances[i] as number) : info.openingBalance;
    },
  };
}
