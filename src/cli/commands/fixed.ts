// `finance fixed`: the recurring payments and incomes found in the stored history, one row per series.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('fixed')
    .description('recurring payments and incomes (rent, salary, subscriptions, bills) with their next date')
    .option('--account <id>', 'only this account')
    .option('--all', 'also list series that have stopped (inactive)')
    .option('--json', 'JSON array (see CLI.md)')
    .addHelpText('after', '\nExamples:\n  $ finance fixed\n  $ finance fixed --json | jq \'.[] | select(.active) | .nextDate\'')
    .action(
      act(async (ctx, opts) => {
        const store = await ctx.store();
        const { loadFixedSeries } = await import('../../app/fixed.js');
        const { fixedRow } = await import('../../domain/report.js');
        const { kstDate } = await import('../../domain/kst.js');
        const series = loadFixedSeries(store, kstDate(ctx.now()), { account: opts.account });
        if (ctx.io.json) return ctx.io.data(JSON.stringify(series.map(fixedRow), null, 2));
        const { oncePerOwnTransfer } = await import('../../domain/fixed-changes.js');
        const shown = oncePerOwnTransfer(opts.all ? series : series.filter((s) => s.active));
        if (shown.length === 0) return ctx.io.info(series.length ? 'no active fixed payments (use --all to see stopped ones)' : "no fixed payments found yet — sync more history with 'finance sync'");
        const { renderTable } = await import('../../render/table.js');
        const { formatNumber } = await import('../../render/format.js');
        const { categoryName } = await import('../../domain/categories.js');
        const tty = ctx.io.stdoutTTY;
        const headers = tty
          ? ['next', 'memo', 'cadence', 'amount', 'last', 'count', 'since', 'category', 'account']
          : ['nextDate', 'memo', 'direction', 'cadence', 'averageAmount', 'lastAmount', 'count', 'firstDate', 'lastDate', 'active', 'category', 'account', 'expectedAmount', 'ownTransfer'];
        const rows = shown.map((s) =>
          tty
            ? [
                s.active ? s.nextDate : ctx.io.c.dim(`${s.nextDate} (stopped)`),
                s.memo,
                s.cadence,
                (s.direction === 'in' ? '+' : '-') + formatNumber(s.expectedAmount) + (s.amountKind === 'varying' ? ' ~' : ''),
                formatNumber(s.lastAmount),
                s.count,
                s.firstDate,
                s.ownTransfer ? '내 계좌 간 이체 own' : categoryName(s.category),
                `…${s.account.slice(-6)}`,
              ]
            : [s.nextDate, s.memo, s.direction, s.cadence, s.averageAmount, s.lastAmount, s.count, s.firstDate, s.lastDate, s.active, s.category, s.account, s.expectedAmount, s.ownTransfer === true],
        );
        ctx.io.out(await renderTable(ctx.io, headers, rows, tty ? { align: ['left', 'left', 'left', 'right', 'right', 'right', 'left', 'left', 'left'] } : {}));
      }),
    );
}
