// `finance sync`: balances and new transactions of every account, idempotent and safe to run from cron.

import type { Command } from 'commander';
import { parseDate } from '../args.js';
import type { Act } from '../program.js';
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../../config.js';

function parseDeadline(value: string): number | null {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError("expected a duration such as 90s, 10m or 1h, or 'none'");
  return ms;
}

export function register(program: Command, act: Act): void {
  program
    .command('sync')
    .description('fetch balances and new transactions of every account (incremental, idempotent)')
    .option('--from <date>', 'fetch from this date (YYYY-MM-DD) instead of the last stored date minus a few days', parseDate)
    .option('--to <date>', 'fetch up to this date (default today)', parseDate)
    .option('--account <account>', 'only this account (id, last digits, alias or bank name; see finance accounts)')
    .option('--wait', 'if another sync is running, wait for it instead of exiting 75')
    .option('--repair', 'read again every month holding a balance-chain break (see finance status)')
    .option('--deadline <duration>', 'start no new month after this long, e.g. 90s, 10m, 1h (default: the syncDeadline setting, 30m); exit 75', parseDeadline)
    .addHelpText(
      'after',
      `
Examples:
  $ finance sync
  $ finance sync --from 2026-01-01 --account 120250000112345678901234
  $ finance sync --deadline 10m
  $ finance sync --repair
  # crontab: every night at 03:00; exit 75 means "try again later"
  0 3 * * * finance sync -q || [ $? -eq 75 ]`,
    )
    .action(
      act(async (ctx, opts) => {
        ctx.handlesInterrupts = true;
        const { runSync } = await import('../../app/sync.js');
        const { formatNumber } = await import('../../render/format.js');
        const account = opts.account ? (await import('../../app/account-ref.js')).resolveAccount(await ctx.store(), opts.account) : undefined;
        const { AccountsProgress } = await import('../../app/sync-progress.js');
        let progress = new AccountsProgress(ctx.io);
        const result = await runSync(ctx, {
          from: opts.from,
          to: opts.to,
          account,
          wait: opts.wait === true,
          repair: opts.repair === true,
          ...(opts.deadline !== undefined ? { deadlineMs: opts.deadline } : {}),
          onStart: (accounts) => (progress = new AccountsProgress(ctx.io, accounts)),
          onProgress: (p) => progress.update(p.account, p.fetched, p.date),
          onAccountDone: ({ account, result: r }) =>
            progress.finish(account, r.status === 'ok' ? 'done' : r.status, r.status === 'ok' ? `${formatNumber(r.inserted)} new` : (r.error ?? '')),
        });
        progress.done();
        if (ctx.io.json) {
          ctx.io.data(
            JSON.stringify(
              {
                accounts: result.accounts.map((a) => ({
                  id: a.id,
                  fetched: a.fetched,
                  inserted: a.inserted,
                  status: a.status,
                  ...(a.error ? { error: a.error } : {}),
                  ...(a.balanceError ? { balanceError: a.balanceError } : {}),
                  ...(a.chainBreaks ? { chainBreaks: a.chainBreaks } : {}),
                  ...(a.memoUpdates ? { memoUpdates: a.memoUpdates } : {}),
                  ...(a.skippedOther ? { skippedOther: a.skippedOther } : {}),
                  ...(a.ignoresDates ? { ignoresDates: true } : {}),
                  ...(a.closed ? { closed: true } : {}),
                })),
                inserted: result.inserted,
                fetched: result.fetched,
                ms: result.ms,
                chainBreaks: result.chainBreaks,
              },
              null,
              2,
            ),
          );
        } else {
          const ok = result.accounts.filter((a) => a.status === 'ok').length;
          const synced = result.accounts.filter((a) => a.status !== 'skipped').length;
          ctx.io.out(
            `synced ${ok}/${synced} accounts: ${formatNumber(result.inserted)} new of ${formatNumber(result.fetched)} fetched, ${(result.ms / 1000).toFixed(1)} s`,
          );
          for (const a of result.accounts) {
            const dates = [...new Set(result.chainBreaks.filter((b) => b.account === a.id).map((b) => b.date))];
            if (dates.length > 0) {
              ctx.io.warn(
                `account ${a.id}: break(s) in the balance chain on ${dates.slice(0, 5).join(', ')}${dates.length > 5 ? ` and ${dates.length - 5} more days` : ''} — possible missing transactions; run 'finance sync --repair'`,
              );
            }
          }
        }
        if (result.exitError) throw result.exitError;
      }),
    );
}
