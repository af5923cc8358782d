// The generator's answer key as a JSON file: who the user is, the accounts, every recurring series and the intended
// category (and series) of every row, so classification and fixed-payment detection can be scored offline.

import { closeSync, openSync, writeSync } from 'node:fs';
import type { Household } from './generator.js';

/**
 * Writes `{ user, start, end, accounts: [{ fintechUseNum, bankName, alias, …, rows: [{ date, time, inout, amount,
 * memo, afterBalance, category, seriesId? }] }], series: [...] }`. Streams row by row so million-row households
 * do not need one giant string.
 */
export function writeTruthFile(household: Household, path: string): void {
  const fd = openSync(path, 'w');
  let buffer = '';
  const write = (s: string): void => {
    buffer += s;
    if (buffer.length > 1 << 16) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    write(`{"user":${JSON.stringify(household.user)},"start":${JSON.stringify(household.start)},`);
    write(`"end":${JSON.stringify(household.end)},"series":${JSON.stringify(household.truth.series)},"accounts":[`);
    household.accounts.forEach((a, ai) => {
      const head = {
        fintechUseNum: a.fintechUseNum, bankCodeStd: a.bankCodeStd, bankName: a.bankName, alias: a.alias,
        accountType: a.accountType, inquiryAgree: a.inquiryAgree, openingBalance: a.openingBalance,
      };
      write(`${ai ? ',' : ''}${JSON.stringify(head).slice(0, -1)},"rows":[`);
      for (let i = 0; i < a.count; i++) {
        const t = a.tx(i);
        const row = { date: t.date, time: t.time, inout: t.inout, amount: t.amount, memo: t.memo,
          afterBalance: t.afterBalance, category: t.category, ...(t.seriesId ? { seriesId: t.seriesId } : {}) };
        write(`${i ? ',' : ''}\n${JSON.stringify(row)}`);
      }
      write(']}');
    });
    write(']}\n');
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}
