// `finance sync`: balances and new transactions of every account, idempotent and safe to run from cron.

import type { Command } from 'commander';
import { parseDate } from '../args.js';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('sync')
    .description('fetch balances and new transactions of every account (incremental, idempotent)')
    .option('--from <date>', 'fetch from this date (YYYY-MM-DD) instead of the last stored date minus a few days', parseDate)
    .option('--to <date>', 'fetch up to this date (default today)', parseDate)
    .option('--account <id>', 'only this account (its fintech_use_num, see finance accounts)')
    .option('--wait', 'if another sync is running, wait for it instead of exiting 75')
    .option('--json', 'JSON summary')
    .addHelpText(
      'after',
      `
Examples:
  $ finance sync
  $ finance sync --from 2026-01-01 --account 120250000112345678901234
  # crontab: every night at 03:00; exit 75 means "try again later"
  0 3 * * * finance sync -q || [ $? -eq 75 ]`,
    )
    .action(
      act(async (ctx, opts) => {
        ctx.handlesInterrupts = true;
        const { runSync } = await import('../../app/sync.js');
        const { formatNumber } = await import('../../render/format.js');
        const progress = ctx.io.progress('sync');
        const result = await runSync(ctx, {
          from: opts.from,
          to: opts.to,
          account: opts.account,
          wait: opts.wait === true,
          onProgress: (p) => {
            progress.setLabel(`sync ${p.index + 1}/${p.total} ${p.account.slice(-6)}`);
            progress.update(p.fetched, undefined, `rows, at ${p.date}`);
          },
        });
        progress.done();
        if (ctx.io.json) {
          ctx.io.data(
            JSON.stringify(
              {
                accounts: result.accounts.map((a) => ({ id: a.id, fetched: a.fetched, inserted: a.inserted, status: a.status, ...(a.error ? { error: a.error } : {}), ...(a.chainBreaks ? { chainBreaks: a.chainBreaks } : {}) })),
                inserted: result.inserted,
                fetched: result.fetched,
                ms: result.ms,
              },
              null,
              2,
            ),
          );
        } else {
          const ok = result.accounts.filter((a) => a.status === 'ok').length;
          ctx.io.out(
            `synced ${ok}/${result.accounts.length} accounts: ${formatNumber(result.inserted)} new transactions (${formatNumber(result.fetched)} fetched) in ${(result.ms / 1000).toFixed(1)} s`,
          );
          for (const a of result.accounts) {
            if (a.chainBreaks) ctx.io.warn(`account ${a.id}: ${a.chainBreaks} break(s) in the balance chain — possible missing transactions; see 'finance status'`);
          }
        }
        if (result.exitError) throw result.exitError;
      }),
    );
}
