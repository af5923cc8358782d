// `finance classify`: re-apply labels and keyword rules to stored rows; --interactive walks unclassified memos.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('classify')
    .description('re-apply labels and keyword rules to all stored transactions and show what changed')
    .option('--dry-run', 'only show what would change')
    .option('-i, --interactive', 'walk the unclassified memos (largest spending first) and label each (terminal only)')
    .addHelpText('after', '\nExamples:\n  $ finance classify\n  $ finance classify --dry-run --json\n  $ finance classify --interactive')
    .action(
      act(async (ctx, opts) => {
        const store = await ctx.store();
        if (opts.interactive) {
          const { UsageError } = await import('../../errors.js');
          if (!ctx.io.canPrompt) throw new UsageError('--interactive needs a terminal (stdin and stdout)', 'run it in a terminal, or use finance label set');
          const { runInteractiveClassify } = await import('../../app/classify-interactive.js');
          await runInteractiveClassify(ctx, store);
          return;
        }
        const { reclassifyAll } = await import('../../app/classifier.js');
        const changes = reclassifyAll(store, { dryRun: opts.dryRun === true });
        const rows = changes.reduce((s, c) => s + c.count, 0);
        const counts = store.transactions.count();
        if (ctx.io.json) {
          ctx.io.data(JSON.stringify({ dryRun: opts.dryRun === true, changed: rows, changes, transactions: counts.total, unclassified: counts.unclassified }, null, 2));
          return;
        }
        const { categoryName } = await import('../../domain/categories.js');
        const { formatNumber } = await import('../../render/format.js');
        if (changes.length === 0) ctx.io.out(`nothing changed; ${formatNumber(counts.unclassified)} of ${formatNumber(counts.total)} transactions are unclassified`);
        else {
          const [{ renderTable }, { classifyChangesTable }] = await Promise.all([import('../../render/table.js'), import('../../render/tables.js')]);
          ctx.io.out(renderTable(classifyChangesTable(changes, { tty: ctx.io.stdoutTTY, c: ctx.io.c }), ctx.io.tableView));
          ctx.io.info(`${opts.dryRun ? 'would change' : 'changed'} ${formatNumber(rows)} transaction(s); ${formatNumber(counts.unclassified)} unclassified`);
        }
      }),
    );
}
