// `finance trend`: income, spending and spending per category month by month; text (sparklines, change vs the previous
// month), TSV on a pipe, CSV or JSON (the trend rows themselves).

import type { Command } from 'commander';
import { parseWholeNumber } from '../args.js';
import { formatOption, type Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('trend')
    .description('income and spending per category, month by month, with the change against the previous month')
    .option('--months <n>', 'how many months, the current one (to date) included (default 12)', parseWholeNumber(1, 600), 12)
    .option('--category <category>', 'only this category (id or Korean name)')
    .addOption(formatOption())
    .addHelpText(
      'after',
      `
Examples:
  $ finance trend
  $ finance trend --months 6 --category cafe
  $ finance trend --format csv > trend.csv
  $ finance trend --json | jq '.[-1].spending'`,
    )
    .action(
      act(async (ctx, opts) => {
        const [{ kstDate }, { loadTrend }] = await Promise.all([import('../../domain/kst.js'), import('../../app/insight.js')]);
        if (ctx.io.json && opts.format && opts.format !== 'json') {
          const { UsageError } = await import('../../errors.js');
          throw new UsageError(`--json cannot be combined with --format ${opts.format}`, 'use one of them');
        }
        const store = await ctx.store();
        const category = opts.category ? (await import('../../app/categories.js')).resolveCategory(store, opts.category) : undefined;
        const rows = loadTrend(store, kstDate(ctx.now()), opts.months, category);
        const format = ctx.io.json ? 'json' : (opts.format ?? 'text');
        const { trendTable } = await import('../../render/trend-table.js');
        switch (format) {
          case 'json':
            return ctx.io.data(JSON.stringify(rows, null, 2));
          case 'csv': {
            const { toCsv } = await import('../../render/csv.js');
            const t = trendTable(rows);
            return ctx.io.data(toCsv(t.headers, t.rows));
          }
          default: {
            if (!ctx.io.stdoutTTY) {
              const { tsv } = await import('../../render/table.js');
              const t = trendTable(rows);
              return ctx.io.data(tsv(t.headers, t.rows));
            }
            const { trendText } = await import('../../render/insight-text.js');
            return ctx.io.data(trendText(rows, ctx.io.c));
          }
        }
      }),
    );
}
