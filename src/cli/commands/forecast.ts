// `finance forecast`: the total balance projected day by day from today (fixed series plus typical variable
// spending), its lowest point and the end; text with a chart on a terminal, TSV on a pipe, or JSON.

import type { Command } from 'commander';
import { parseWholeNumber } from '../args.js';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('forecast')
    .description('the total balance day by day from today: fixed payments and incomes plus typical daily spending')
    .option('--days <n>', 'days to project, today included (default: through the day after the next salary, at least 30)', parseWholeNumber(1, 3660))
    .option('--no-chart', 'leave out the balance chart')
    .addHelpText(
      'after',
      `
Examples:
  $ finance forecast
  $ finance forecast --days 60
  $ finance forecast --json | jq '.lowest'`,
    )
    .action(
      act(async (ctx, opts) => {
        const [{ kstDate }, { loadForecast }] = await Promise.all([import('../../domain/kst.js'), import('../../app/insight.js')]);
        const store = await ctx.store();
        const f = loadForecast(store, kstDate(ctx.now()), { days: opts.days });
        if (ctx.io.json) return ctx.io.data(JSON.stringify(f, null, 2));
        if (store.transactions.maxId() === 0) ctx.io.warn("no transactions stored yet — the forecast is the balance alone; run 'finance sync'");
        if (!ctx.io.stdoutTTY) {
          const { forecastTsv } = await import('../../render/forecast-view.js');
          if (f.warning) ctx.io.warn(f.warning);
          return ctx.io.data(forecastTsv(f));
        }
        const { forecastText } = await import('../../render/insight-text.js');
        ctx.io.data(forecastText(f, ctx.io.c, { width: ctx.io.columns ?? 80, chart: opts.chart !== false }));
      }),
    );
}
