// The synthetic histories the bench runs on: one size → one deterministic sandbox household (the sandbox generator),
// and the same rows shaped as the store and the domain functions take them.

import { distUrl } from './build.mjs';

/** Korean calendar date today (the sandbox's history ends today, so the default 3-month report has data). */
export function kstToday() {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** Each size: the generator's target row count and how many months the history spans (a shorter one for 10k, whose
 * natural density over 20 years would already exceed it). */
export const SIZES = {
  '10k': { transactions: 10_000, months: 60 },
  '100k': { transactions: 100_000, months: 240 },
  '1M': { transactions: 1_000_000, months: 240 },
};

export function sandboxOptions(size, end = kstToday()) {
  const s = SIZES[size];
  if (!s) throw new Error(`unknown size ${size}`);
  return { seed: 7, accounts: 3, end, months: s.months, transactions: s.transactions, autoConsent: true, port: 0 };
}

export async function generate(size, end = kstToday()) {
  const { generateHousehold } = await import(distUrl('sandbox/generator.js'));
  const o = sandboxOptions(size, end);
  return generateHousehold({ seed: o.seed, accounts: o.accounts, end: o.end, months: o.months, transactions: o.transactions });
}

export const totalRows = (household) => household.accounts.reduce((s, a) => s + a.count, 0);

const iso = (d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
const hms = (t) => `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;

/** Every consented row as `finance sync` would hand it to insertPage, account by account, oldest first; the category
 * comes from `classify(memo, direction, evidence)` when given. */
export function storeRows(household, classify) {
  const out = [];
  for (const a of household.accounts) {
    if (!a.inquiryAgree) continue;
    const seen = new Map();
    let seenDate = '';
    for (let i = 0; i < a.count; i++) {
      const t = a.tx(i);
      const row = {
        account: a.fintechUseNum,
        date: iso(t.date),
        time: hms(t.time),
        direction: t.inout === '입금' ? 'in' : 'out',
        amount: t.amount,
        balanceAfter: t.afterBalance,
        memo: t.memo.trim(),
        type: t.tranType,
        branch: t.branch,
        occurrence: 0,
        category: 'uncategorized',
        categorySource: 'none',
        categoryRule: null,
      };
      if (row.date !== seenDate) {
        seen.clear();
        seenDate = row.date;
      }
      const key = `${row.date}|${row.time}|${row.direction}|${row.amount}|${row.balanceAfter}|${row.memo}`;
      row.occurrence = seen.get(key) ?? 0;
      seen.set(key, row.occurrence + 1);
      if (classify) {
        const c = classify(row.memo, row.direction, { type: row.type, branch: row.branch, amount: row.amount });
        row.category = c.category;
        row.categorySource = c.source;
        row.categoryRule = c.rule ?? null;
      }
      out.push(row);
    }
  }
  return out;
}

/** The account rows the store needs before transactions can reference them. */
export function accountInfos(household) {
  return household.accounts.map((a) => ({
    id: a.fintechUseNum, bankCode: a.bankCodeStd, bankName: a.bankName, savingsBankName: '',
    accountNumMasked: a.accountNumMasked, alias: a.alias, holderName: a.holderName, accountType: a.accountType,
    inquiryAgree: a.inquiryAgree, state: '01',
  }));
}
