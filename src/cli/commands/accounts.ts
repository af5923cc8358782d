// `finance accounts`: one row per account — bank, masked number, alias, balance, balance time, last sync.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('accounts')
    .description('list the accounts with their balances and last sync')
    .option('--json', 'JSON array (see CLI.md)')
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
        const { renderTable } = await import('../../render/table.js');
        const { formatWon, formatKstTimestamp } = await import('../../render/format.js');
        const tty = ctx.io.stdoutTTY;
        const out = await renderTable(
          ctx.io,
          ['id', 'bank', 'account', 'alias', 'balance', 'balance at', 'last sync'],
          rows.map((a) => [
            a.id,
            a.bankName,
            a.accountNumMasked,
            a.alias + (a.inquiryAgree ? '' : tty ? ' (no inquiry consent)' : '') + (a.state === '09' && tty ? ' (closed)' : ''),
            a.balance === null ? '' : tty ? formatWon(a.balance) : a.balance,
            tty ? formatKstTimestamp(a.balanceAt) : (a.balanceAt ?? ''),
            tty ? formatKstTimestamp(a.lastSyncAt) : (a.lastSyncAt ?? ''),
          ]),
          { align: ['left', 'left', 'left', 'left', 'right', 'left', 'left'] },
        );
        ctx.io.out(out);
      }),
    );
}
