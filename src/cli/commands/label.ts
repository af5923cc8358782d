// `finance label set|list|rm`: a memo is this category, for stored rows at once and every later sync.

import type { Command } from 'commander';
import type { Context } from '../../app/context.js';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  const label = program
    .command('label')
    .description('say which category a memo belongs to (beats keyword rules; applies to past and future rows)')
    .addHelpText('after', '\nExamples:\n  $ finance label set "김철수" transfer\n  $ finance label set "GS25역삼점" 편의점간식 --new   # --new creates your own category\n  $ finance label set --payee 스타벅스 cafe   # every memo of that merchant\n  $ finance label list\n  $ finance label rm "김철수"');

  label
    .command('set <memo> [category]')
    .description('label a memo (matched exactly after trimming) with a category id or Korean name; --payee labels every memo of a merchant')
    .option('--new', 'create the category if it does not exist (asked on a terminal; needed otherwise)')
    .option('--payee <payee>', 'label every memo of this payee (as `finance tx` shows it) instead of one memo; then give only the category')
    .addHelpText('after', '\nExamples:\n  $ finance label set "스타벅스코리아" cafe\n  $ finance label set --payee 스타벅스 cafe')
    .action(
      act(async (ctx, opts, [memoArg, categoryArg]) => {
        const { UsageError } = await import('../../errors.js');
        if (opts.payee !== undefined) {
          if (categoryArg !== undefined) throw new UsageError('with --payee give only the category', "e.g. finance label set --payee 스타벅스 cafe");
          return setPayeeLabel(ctx, String(opts.payee), memoArg!, opts.new === true);
        }
        if (categoryArg === undefined) throw new UsageError('missing the category', 'e.g. finance label set "스타벅스코리아" cafe');
        const memo = memoArg!.trim();
        if (!memo) throw new UsageError('the memo is empty', 'give the memo text as it appears in finance tx');
        const store = await ctx.store();
        const { chooseCategory } = await import('../../app/category-choice.js');
        const chosen = await chooseCategory(ctx, store, categoryArg!, opts.new === true);
        if (!chosen) return ctx.io.info('Nothing changed.');
        const { reclassifyAll } = await import('../../app/classifier.js');
        const { categoryName } = await import('../../domain/categories.js');
        const { sanitizeLine } = await import('../../sanitize.js');
        const known = store.transactions.categoryOf(memo, 'out').length + store.transactions.categoryOf(memo, 'in').length > 0;
        const changed = store.transactions.inTransaction(() => {
          if (chosen.created) store.labels.addUserCategory(chosen.id);
          store.labels.setLabel(memo, chosen.id);
          return reclassifyAll(store, { dryRun: false, memo }).reduce((s, c) => s + c.count, 0);
        });
        if (!known) ctx.io.info(`note: no stored transaction has the memo "${sanitizeLine(memo)}";\nit still applies to later syncs (spelling: finance tx)`);
        if (ctx.io.json) {
          ctx.io.data(JSON.stringify({ memo, category: chosen.id, categoryName: categoryName(chosen.id), created: chosen.created, updated: changed }));
          return;
        }
        const name = sanitizeLine(categoryName(chosen.id));
        ctx.io.out(`labelled "${sanitizeLine(memo)}"\n  as ${name} (${sanitizeLine(chosen.id)})${chosen.created ? ', a new category' : ''}; ${changed} stored transaction(s) updated`);
      }),
    );

  label
    .command('list')
    .description('every label')
    .addHelpText('after', '\nExample:\n  $ finance label list --json')
    .action(
      act(async (ctx) => {
        const store = await ctx.store();
        const labels = store.labels.labels();
        const byPayee = store.labels.payeeLabels();
        if (ctx.io.json) {
          // memo labels as before; payee labels carry "payee" (and memo null), both say their "scope"
          const rows = [
            ...labels.map((l) => ({ ...l, scope: 'memo' })),
            ...byPayee.map((l) => ({ memo: null, payee: l.payee, category: l.category, createdAt: l.createdAt, scope: 'payee' })),
          ];
          return ctx.io.data(JSON.stringify(rows, null, 2));
        }
        if (labels.length === 0 && byPayee.length === 0) return ctx.io.info("no labels yet — add one with 'finance label set <memo> <category>'");
        const [{ renderTable }, { labelsTable }] = await Promise.all([import('../../render/table.js'), import('../../render/tables.js')]);
        const rows = [...labels, ...byPayee.map((l) => ({ memo: `payee: ${l.payee}`, category: l.category, createdAt: l.createdAt }))];
        ctx.io.data(renderTable(labelsTable(rows, { tty: ctx.io.stdoutTTY, c: ctx.io.c }), ctx.io.tableView));
      }),
    );

  label
    .command('rm [memo]')
    .description('remove a label; its transactions go back to keyword rules')
    .option('--payee <payee>', 'remove the label on this payee instead of a memo label')
    .addHelpText('after', '\nExamples:\n  $ finance label rm "스타벅스코리아"\n  $ finance label rm --payee 스타벅스')
    .action(
      act(async (ctx, opts, [memoArg]) => {
        const { UsageError } = await import('../../errors.js');
        if (opts.payee !== undefined) {
          if (memoArg !== undefined) throw new UsageError('give either a memo or --payee, not both');
          const payee = String(opts.payee).trim();
          const store = await ctx.store();
          const { reclassifyPayee } = await import('../../app/classifier.js');
          const rows = store.transactions.inTransaction(() => (store.labels.removePayeeLabel(payee) ? reclassifyPayee(store, payee) : -1));
          if (rows < 0) throw new UsageError(`no label on the payee "${payee}"`, "see 'finance label list'");
          if (ctx.io.json) return ctx.io.data(JSON.stringify({ payee, removed: true, updated: rows }));
          return ctx.io.out(`removed the label of the payee "${payee}"; ${rows} stored transaction(s) re-classified`);
        }
        if (memoArg === undefined) throw new UsageError('give the memo whose label to remove, or --payee <payee>');
        const memo = memoArg!.trim();
        const store = await ctx.store();
        const { reclassifyAll } = await import('../../app/classifier.js');
        const rows = store.transactions.inTransaction(() => {
          if (!store.labels.removeLabel(memo)) return -1;
          return reclassifyAll(store, { dryRun: false, memo }).reduce((s, c) => s + c.count, 0);
        });
        if (rows < 0) throw new UsageError(`no label for "${memo}"`, "see 'finance label list'");
        if (ctx.io.json) return ctx.io.data(JSON.stringify({ memo, removed: true, updated: rows }));
        const { sanitizeLine } = await import('../../sanitize.js');
        ctx.io.out(`removed the label of "${sanitizeLine(memo)}"; ${rows} stored transaction(s) re-classified`);
      }),
    );
}

/** `label set --payee <payee> <category>`: every memo of that merchant, stored rows at once and every later sync. */
async function setPayeeLabel(ctx: Context, payeeArg: string, categoryArg: string, allowNew: boolean): Promise<void> {
  const { UsageError } = await import('../../errors.js');
  const payee = payeeArg.trim();
  if (!payee) throw new UsageError('the payee is empty', 'give the payee as finance tx shows it');
  const store = await ctx.store();
  const { chooseCategory } = await import('../../app/category-choice.js');
  const chosen = await chooseCategory(ctx, store, categoryArg, allowNew);
  if (!chosen) return ctx.io.info('Nothing changed.');
  const { reclassifyPayee } = await import('../../app/classifier.js');
  const { categoryName } = await import('../../domain/categories.js');
  const changed = store.transactions.inTransaction(() => {
    const cat = chosen;
    if (cat.created) store.labels.addUserCategory(cat.id);
    store.labels.setPayeeLabel(payee, cat.id);
    return { cat, rows: reclassifyPayee(store, payee) };
  });
  if (ctx.io.json) {
    ctx.io.data(JSON.stringify({ payee, scope: 'payee', category: changed.cat.id, categoryName: categoryName(changed.cat.id), created: changed.cat.created, updated: changed.rows }));
    return;
  }
  ctx.io.out(
    `labelled every memo of the payee "${payee}" as ${categoryName(changed.cat.id)} (${changed.cat.id})${changed.cat.created ? ' — new category' : ''}; ${changed.rows} stored transaction(s) updated`,
  );
}
