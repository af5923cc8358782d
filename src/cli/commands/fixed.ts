// `finance fixed`: the recurring payments and incomes found in the stored history, one row per series.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('fixed')
    .description('recurring payments and incomes (rent, salary, subscriptions, bills) with their next date')
    .option('--account <account>', 'only this account (id, last digits, alias or bank name)')
    .option('--all', 'also list series that have stopped (inactive)')
    .addHelpText('after', '\nExamples:\n  $ finance fixed\n  $ finance fixed --json | jq \'.[] | select(.active) | .nextDate\'')
    .action(
      act(async (ctx, opts) => {
        const store = await ctx.store();
        const { loadFixedSeries } = await import('../../app/fixed.js');
        const { fixedRow } = await import('../../domain/report.js');
        const { kstDate } = await import('../../domain/kst.js');
        const account = opts.account ? (await import('../../app/account-ref.js')).resolveAccount(store, opts.account) : undefined;
        const series = loadFixedSeries(store, kstDate(ctx.now()), { account });
        if (ctx.io.json) return ctx.io.data(JSON.stringify(series.map(fixedRow), null, 2));
        const { oncePerOwnTransfer } = await import('../../domain/fixed-changes.js');
        const shown = oncePerOwnTransfer(opts.all ? series : series.filter((s) => s.active));
        if (shown.length === 0) return ctx.io.info(series.length ? 'no active fixed payments (use --all to see stopped ones)' : "no fixed payments found yet — sync more history with 'finance sync'");
        const [{ renderTable }, { fixedTable }] = await Promise.all([import('../../render/table.js'), import('../../render/tables.js')]);
        ctx.io.data(renderTable(fixedTable(shown, { tty: ctx.io.stdoutTTY, c: ctx.io.c }), ctx.io.tableView));
      }),
    );
}
