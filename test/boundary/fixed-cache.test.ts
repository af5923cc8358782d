// The stored fixed series follow the day they were asked for: the three-year lookback moves with today, so a read on
// another day never serves series detected for a different window.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixedSeries } from '../../src/app/fixed.js';
import { Store } from '../../src/store/index.js';

const account = {
  id: '120250000112345678901234', bankCode: '004', bankName: 'KB국민은행', savingsBankName: '', accountNumMasked: '123456***',
  alias: '월급', holderName: '김민준', accountType: '1', inquiryAgree: true, state: '01',
};

describe('fixed series cache', () => {
  it('a read on a day whose lookback no longer reaches a series does not serve it, and the old day still finds it', () => {
    const store = Store.open(join(mkdtempSync(join(tmpdir(), 'finance-fixed-')), 'finance.db'));
    store.accounts.replaceListed([account]);
    const rows = [1, 2, 3, 4, 5, 6].map((m, i) => ({
      account: account.id, date: `2019-0${m}-10`, time: '09:00:00', direction: 'out' as const, amount: 55_000,
      balanceAfter: 1_000_000 - 55_000 * (i + 1), memo: 'SKT통신요금', type: '자동이체', branch: '', occurrence: 0,
      category: 'housing', categorySource: 'keyword' as const, categoryRule: 'built-in keyword "SKT"',
    }));
    store.transactions.insertPage(account.id, rows, null);
    expect(loadFixedSeries(store, '2026-12-02')).toEqual([]);
    const then = loadFixedSeries(store, '2019-07-20');
    expect(then.map((s) => [s.memo, s.cadence, s.count])).toEqual([['SKT통신요금', 'monthly', 6]]);
    expect(loadFixedSeries(store, '2026-12-02')).toEqual([]);
    store.close();
  });
});
