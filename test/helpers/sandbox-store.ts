// A data directory holding a sandbox household's history as `finance sync` stores it (the generator's rows, classified,
// own transfers paired, each account's balance saved), built in-process so insight tests need no HTTP round trip.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClassifier } from '../../src/domain/classify.js';
import { generateHousehold, type Household } from '../../src/sandbox/generator.js';
import { Store } from '../../src/store/index.js';
import type { NewTransaction } from '../../src/store/transactions-repo.js';

const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
const hms = (t: string) => `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;

export interface SandboxStore {
  home: string;
  dbPath: string;
  household: Household;
}

export function buildSandboxStore(opts: { seed?: number; months?: number; end: string; accounts?: number }): SandboxStore {
  const household = generateHousehold({ seed: opts.seed ?? 7, months: opts.months ?? 24, accounts: opts.accounts ?? 3, end: opts.end });
  const home = join(mkdtempSync(join(tmpdir(), 'finance-insight-')), 'home');
  mkdirSync(home, { mode: 0o700 });
  const dbPath = join(home, 'finance.db');
  const store = Store.open(dbPath);
  const classifier = createClassifier();
  store.accounts.replaceListed(
    household.accounts.map((a) => ({
      id: a.fintechUseNum, bankCode: a.bankCodeStd, bankName: a.bankName, savingsBankName: '', accountNumMasked: a.accountNumMasked,
      alias: a.alias, holderName: a.holderName, accountType: a.accountType, inquiryAgree: a.inquiryAgree, state: '01',
    })),
  );
  for (const a of household.accounts) {
    if (!a.inquiryAgree) continue;
    const rows: NewTransaction[] = [];
    const seen = new Map<string, number>();
    let last = 0;
    for (let i = 0; i < a.count; i++) {
      const t = a.tx(i);
      const direction = t.inout === '입금' ? 'in' : 'out';
      const memo = t.memo.trim();
      const key = `${t.date}|${t.time}|${direction}|${t.amount}|${t.afterBalance}|${memo}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const c = classifier.classify(memo, direction);
      rows.push({
        account: a.fintechUseNum, date: iso(t.date), time: hms(t.time), direction, amount: t.amount, balanceAfter: t.afterBalance,
        memo, type: t.tranType, branch: t.branch, occurrence, category: c.category, categorySource: c.source, categoryRule: c.rule,
      });
      last = t.afterBalance;
    }
    store.transactions.insertPage(a.fintechUseNum, rows, rows.at(-1)?.date ?? null);
    store.accounts.saveBalance(a.fintechUseNum, last, null, `${opts.end}T09:00:00Z`);
  }
  store.transactions.pairOwnTransfers();
  store.close();
  return { home, dbPath, household };
}
