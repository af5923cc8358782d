// `finance report`: assets, income/spending/net, spending by category, upcoming fixed payments and weekly charts
// for a period; text, CSV (the category table) or JSON (the report object itself).

import type { Command } from 'commander';
import type { Context } from '../../app/context.js';
import { parseDate, parseMonth } from '../args.js';
import { formatOption, type Act, type Opts } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('report')
    .description('assets, income and spending, spending by category, upcoming fixed payments, weekly charts')
    .option('--from <date>', 'first day (YYYY-MM-DD; default: 3 months before --to)', parseDate)
    .option('--to <date>', 'last day (YYYY-MM-DD; default: today)', parseDate)
    .option('--month <YYYY-MM>', 'one calendar month (not with --from/--to)', parseMonth)
    .addOption(formatOption())
    .option('--no-chart', 'leave out the weekly charts')
    .addHelpText(
      'after',
      `
Examples:
  $ finance report
  $ finance report --month 2026-03
  $ finance report --from 2026-01-01 --to 2026-03-31 --format csv > categories.csv
  $ finance report --json | jq '.categories[] | {category, share}'`,
    )
    .action(act((ctx, opts) => printReport(ctx, opts)));
}

/** Builds the report for the options' period and writes it once in the chosen format (also used by `demo`). */
export async function printReport(ctx: Context, opts: Opts): Promise<void> {
  const [{ UsageError }, { kstDate }, report] = await Promise.all([
    import('../../errors.js'),
    import('../../domain/kst.js'),
    import('../../domain/report.js'),
  ]);
  const today = kstDate(ctx.now());
  if (opts.month && (opts.from || opts.to)) throw new UsageError('--month cannot be combined with --from or --to', 'use either --month YYYY-MM or --from/--to');
  let period: { from: string; to: string };
  if (opts.month) period = report.monthPeriod(opts.month);
  else {
    const to: string = opts.to ?? today;
    period = { from: opts.from ?? report.defaultPeriod(to).from, to };
  }
  if (period.from > period.to) throw new UsageError(`--from ${period.from} is after --to ${period.to}`, 'give a start date on or before the end date');

  const format = ctx.io.json ? 'json' : (opts.format ?? 'text');
  const empty = !(await ctx.hasStore()) || !(await ctx.store()).transactions.any();
  if (empty && format === 'text') {
    // Not a report of zeros and flat charts: say there is nothing yet and how to get something (JSON keeps its shape).
    ctx.io.streams.stderr.write("finance: no transactions stored yet — run 'finance login' and 'finance sync' first (or 'finance demo' to try it)\n");
    return;
  }
  const store = await ctx.store();
  const [{ loadFixedSeries }, { spendingByPayee }, insight] = await Promise.all([
    import('../../app/fixed.js'),
    import('../../app/payees.js'),
    import('../../app/insight.js'),
  ]);
  const repo = store.reports;
  const weekEnds = report.reportWeeks(period.from, period.to).map((w) => w.end);
  const previous = report.previousPeriod(period.from, period.to);
  const fixed = loadFixedSeries(store, today);
  const built = report.buildReport(
    { ...period, today },
    {
      accounts: repo.accountBalances(),
      flows: repo.weeklyFlows(period.from, period.to),
      balances: repo.balancesAt(weekEnds),
      initialBalances: repo.initialBalances(),
      fixed,
      previousFlows: repo.weeklyFlows(previous.from, previous.to),
      payees: spendingByPayee(store, period.from, period.to),
      historyStart: repo.firstDates(),
      budgets: insight.loadBudgets(store, today),
      forecast: insight.loadForecast(store, today, { series: fixed }),
      endBalances: period.to < today ? repo.balancesAt([period.to]) : undefined,
    },
  );

  switch (format) {
    case 'json':
      return ctx.io.data(JSON.stringify(built, null, 2));
    case 'csv': {
      const { reportCsv } = await import('../../render/report-csv.js');
      return ctx.io.data(reportCsv(built));
    }
    default: {
      const [{ reportText }, { pageOut }] = await Promise.all([import('../../render/report-text.js'), import('../../app/pager.js')]);
      return pageOut(ctx, reportText(built, { c: ctx.io.c, columns: ctx.io.columns, chart: opts.chart !== false }));
    }
  }
}
