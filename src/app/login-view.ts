// What login prints: who is logged in and the accounts (JSON with --json), and which accounts cannot be read.

import type { Context } from './context.js';
import type { LoginResult } from './login.js';

export async function printLoginResult(ctx: Context, r: LoginResult): Promise<void> {
  if (ctx.io.json) {
    ctx.io.data(
      JSON.stringify(
        {
          user: { userSeqNo: r.userSeqNo, userName: r.userName },
          accounts: r.accounts.map((a) => ({
            id: a.id,
            bankCode: a.bankCode,
            bankName: a.bankName,
            accountNumMasked: a.accountNumMasked,
            alias: a.alias,
            inquiryAgree: a.inquiryAgree,
          })),
        },
        null,
        2,
      ),
    );
    return;
  }
  ctx.io.info(`Logged in as ${r.userName || r.userSeqNo}.`);
  const { renderTable } = await import('../render/table.js');
  ctx.io.out(
    await renderTable(
      ctx.io,
      ['id', 'bank', 'account', 'alias', 'inquiry'],
      r.accounts.map((a) => [a.id, a.bankName, a.accountNumMasked, a.alias, a.inquiryAgree ? 'yes' : 'no']),
    ),
  );
  const unreadable = r.accounts.filter((a) => !a.inquiryAgree);
  if (unreadable.length > 0) {
    ctx.io.warn(
      `${unreadable.length} account(s) have no inquiry consent and cannot be read: ${unreadable.map((a) => `${a.bankName} ${a.accountNumMasked}`).join(', ')} — grant 조회 consent in the bank's Open Banking settings and log in again`,
    );
  }
  ctx.io.info("Next: 'finance sync' to fetch balances and transactions.");
}
