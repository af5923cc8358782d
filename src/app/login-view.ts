// What login prints: who is logged in and the accounts (JSON with --json), and which accounts cannot be read.

import type { Context } from './context.js';
import type { LoginResult } from './login.js';
import { sanitizeLine } from '../sanitize.js';

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
  ctx.io.info(`Logged in as ${sanitizeLine(r.userName || r.userSeqNo)}.`);
  const [{ renderTable }, { loginAccountsTable }] = await Promise.all([import('../render/table.js'), import('../render/tables.js')]);
  ctx.io.out(renderTable(loginAccountsTable(r.accounts, { tty: ctx.io.stdoutTTY, c: ctx.io.c }), ctx.io.tableView));
  const unreadable = r.accounts.filter((a) => !a.inquiryAgree);
  if (unreadable.length > 0) {
    ctx.io.warn(
      `${unreadable.length} account(s) have no inquiry consent and cannot be read: ${unreadable.map((a) => sanitizeLine(`${a.bankName} ${a.accountNumMasked}`)).join(', ')} — grant 조회 consent in the bank's Open Banking settings and log in again`,
    );
  }
  ctx.io.info("Next: 'finance sync' to fetch balances and transactions.");
}
