// `finance accounts`: one row per account — bank, masked number, alias, balance, balance time, last sync.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('accounts')
    .description('list the accounts with their balances and last sync')
        .addHelpText('after', '\nExamples:\n  $ finance accounts\n  $ finance accounts --json | jq \'.[].balance\'')
    .action(
      act(async (ctx) => {
        const store = await ctx.store();
        const rows = store.accounts.list();
        const json = rows.map((a) => ({
          id: a.id,
          bankCode: a.bankCode,
          bankName: a.bankName,
          accountNumMasked: a.accountNumMasked,
          alias: a.alias,
          balance: a.balance,
          balanceAt: a.balanceAt,
          lastSyncAt: a.lastSyncAt,
          inquiryAgree: a.inquiryAgree,
          listed: a.listed,
          lastSyncStatus: a.lastSyncStatus,
          transactions: a.transactions,
          // account_state: '01' in use, '09' closed (sync skips closed accounts), '' when the bank did not say
          state: a.state,
          closed: a.state === '09',
        }));
        if (ctx.io.json) return ctx.io.data(JSON.stringify(json, null, 2));
        if (rows.length === 0) return ctx.io.info("no accounts yet — run 'finance login' first");
        const [{ renderTable }, { accountsTable }] = await Promise.all([import('../../render/table.js'), import('../../render/tables.js')]);
        ctx.io.data(renderTable(accountsTable(rows, { tty: ctx.io.stdoutTTY, c: ctx.io.c }), ctx.io.tableView));
      }),
    );
}
