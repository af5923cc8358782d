// `finance demo`: sandbox + automatic login + sync + report, in a separate demo data directory.

import type { Command } from 'commander';
import { parseWholeNumber } from '../args.js';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('demo')
    .description('try everything on the built-in sandbox: login, sync, classification, report (no bank account needed)')
    .option('--seed <n>', 'seed of the generated household', parseWholeNumber(0, 2 ** 31 - 1), 1)
    .option('--months <n>', 'months of history', parseWholeNumber(1, 120), 12)
    .option('--accounts <n>', 'number of accounts', parseWholeNumber(1, 12), 3)
    .addHelpText('after', '\nExamples:\n  $ finance demo\n  $ finance demo --seed 7 --months 24\n  $ finance --json demo | jq .categories')
    .action(
      act(async (ctx, opts) => {
        ctx.handlesInterrupts = true;
        const { runDemo, nextSteps } = await import('../../app/demo.js');
        const demo = await runDemo(ctx, { seed: opts.seed, months: opts.months, accounts: opts.accounts });
        try {
          const { printReport } = await import('./report.js');
          await printReport(demo, {});
        } finally {
          demo.close();
        }
        ctx.io.info(nextSteps(demo.home));
      }),
    );
}
