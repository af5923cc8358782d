// `finance label set|list|rm`: a memo is this category, for stored rows at once and every later sync.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  const label = program
    .command('label')
    .description('say which category a memo belongs to (beats keyword rules; applies to past and future rows)')
    .addHelpText('after', '\nExamples:\n  $ finance label set "김철수" transfer\n  $ finance label set "GS25역삼점" 편의점간식   # a new name creates your own category\n  $ finance label list\n  $ finance label rm "김철수"');

  label
    .command('set <memo> <category>')
    .description('label a memo (matched exactly after trimming) with a category id or Korean name')
    .addHelpText('after', '\nExample:\n  $ finance label set "스타벅스코리아" cafe')
    .action(
      act(async (ctx, _opts, [memoArg, categoryArg]) => {
        const { UsageError } = await import('../../errors.js');
        const memo = memoArg!.trim();
        if (!memo) throw new UsageError('the memo is empty', 'give the memo text as it appears in finance tx');
        const store = await ctx.store();
        const { resolveOrCreateCategory } = await import('../../app/categories.js');
        const { reclassifyAll } = await import('../../app/classifier.js');
        const { categoryName } = await import('../../domain/categories.js');
        const changed = store.transactions.inTransaction(() => {
          const cat = resolveOrCreateCategory(store, categoryArg!);
          store.labels.setLabel(memo, cat.id);
          const changes = reclassifyAll(store, { dryRun: false, memo });
          return { cat, rows: changes.reduce((s, c) => s + c.count, 0) };
        });
        if (ctx.io.json) {
          ctx.io.data(JSON.stringify({ memo, category: changed.cat.id, categoryName: categoryName(changed.cat.id), created: changed.cat.created, updated: changed.rows }));
          return;
        }
        ctx.io.out(
          `labelled "${memo}" as ${categoryName(changed.cat.id)} (${changed.cat.id})${changed.cat.created ? ' — new category' : ''}; ${changed.rows} stored transaction(s) updated`,
        );
      }),
    );

  label
    .command('list')
    .description('every label')
    .option('--json', 'JSON array')
    .addHelpText('after', '\nExample:\n  $ finance label list --json')
    .action(
      act(async (ctx) => {
        const store = await ctx.store();
        const labels = store.labels.labels();
        if (ctx.io.json) return ctx.io.data(JSON.stringify(labels, null, 2));
        if (labels.length === 0) return ctx.io.info("no labels yet — add one with 'finance label set <memo> <category>'");
        const { renderTable } = await import('../../render/table.js');
        const { categoryName } = await import('../../domain/categories.js');
        const tty = ctx.io.stdoutTTY;
        ctx.io.out(
          await renderTable(
            ctx.io,
            tty ? ['memo', 'category', 'created'] : ['memo', 'category', 'createdAt'],
            labels.map((l) => [l.memo, tty ? `${categoryName(l.category)} (${l.category})` : l.category, tty ? l.createdAt.slice(0, 10) : l.createdAt]),
          ),
        );
      }),
    );

  label
    .command('rm <memo>')
    .description('remove a label; its transactions go back to keyword rules')
    .addHelpText('after', '\nExample:\n  $ finance label rm "스타벅스코리아"')
    .action(
      act(async (ctx, _opts, [memoArg]) => {
        const { UsageError } = await import('../../errors.js');
        const memo = memoArg!.trim();
        const store = await ctx.store();
        const { reclassifyAll } = await import('../../app/classifier.js');
        const rows = store.transactions.inTransaction(() => {
          if (!store.labels.removeLabel(memo)) return -1;
          return reclassifyAll(store, { dryRun: false, memo }).reduce((s, c) => s + c.count, 0);
        });
        if (rows < 0) throw new UsageError(`no label for "${memo}"`, "see 'finance label list'");
        if (ctx.io.json) return ctx.io.data(JSON.stringify({ memo, removed: true, updated: rows }));
        ctx.io.out(`removed the label of "${memo}"; ${rows} stored transaction(s) re-classified`);
      }),
    );
}
