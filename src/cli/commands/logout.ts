// `finance logout [--purge]`: forget the tokens; --purge also deletes the database (after confirmation or --yes).

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('logout')
    .description('forget the tokens (and with --purge, delete all stored data)')
    .option('--purge', 'also delete the database (transactions, labels, everything)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  $ finance logout\n  $ finance logout --purge --yes')
    .action(
      act(async (ctx, opts) => {
        const { existsSync, rmSync } = await import('node:fs');
        const { dbPath } = await import('../../store/db.js');
        const { UsageError } = await import('../../errors.js');
        const path = dbPath(ctx.home);
        if (!existsSync(path)) {
          ctx.io.info('not logged in; nothing stored.');
          return;
        }
        // Ask before changing anything, so a refused confirmation leaves everything as it was.
        if (opts.purge && !opts.yes) {
          if (!ctx.io.canPrompt) throw new UsageError('--purge deletes every stored transaction and label', 'add --yes to confirm');
          const { confirm } = await import('@inquirer/prompts');
          const ok = await confirm({ message: `Delete ${path} with all transactions and labels?`, default: false }, { output: ctx.io.streams.stderr });
          if (!ok) {
            ctx.io.info('Nothing deleted.');
            return;
          }
        }
        const store = await ctx.store();
        const had = store.auth.clearTokens();
        if (!opts.purge) {
          ctx.io.info(had ? 'Logged out: tokens deleted. Your transactions stay; log in again to sync.' : 'Not logged in.');
          return;
        }
        ctx.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
        ctx.io.info(`Logged out and deleted ${path}.`);
      }),
    );
}
