// `finance categories` and `finance categories add-keyword`: the categories, their keywords and what they hold.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  const categories = program
    .command('categories')
    .description('the categories with their keywords, and how many transactions and how much money each holds')
    .option('--keywords', 'list every keyword (text output shows a few per category)')
    .addHelpText('after', '\nExamples:\n  $ finance categories\n  $ finance categories add-keyword cafe 블루보틀')
    .action(
      act(async (ctx, opts) => {
        const store = await ctx.store();
        const { BUILTIN_CATEGORIES } = await import('../../domain/categories.js');
        const { builtinKeywords } = await import('../../domain/classify.js');
        const totals = new Map(store.transactions.categoryTotals().map((t) => [t.category, t]));
        const user = store.labels.keywords();
        const builtin = builtinKeywords();
        const list = [...BUILTIN_CATEGORIES.map((c) => ({ id: c.id, name: c.name, builtin: true })), ...store.labels.userCategories().map((id) => ({ id, name: id, builtin: false }))];
        for (const t of totals.keys()) if (!list.some((c) => c.id === t)) list.push({ id: t, name: t, builtin: false });
        const rows = list.map((c) => ({
          id: c.id,
          name: c.name,
          builtin: c.builtin,
          keywords: builtin.filter((k) => k.category === c.id).map((k) => k.keyword),
          userKeywords: user.filter((k) => k.category === c.id).map((k) => k.keyword),
          count: totals.get(c.id)?.count ?? 0,
          amount: totals.get(c.id)?.amount ?? 0,
        }));
        if (ctx.io.json) return ctx.io.data(JSON.stringify(rows, null, 2));
        const [{ renderTable }, { categoriesTable }, { pageOut }] = await Promise.all([
          import('../../render/table.js'),
          import('../../render/tables.js'),
          import('../../app/pager.js'),
        ]);
        await pageOut(ctx, renderTable(categoriesTable(rows, { tty: ctx.io.stdoutTTY, c: ctx.io.c }, opts.keywords === true), ctx.io.tableView));
      }),
    );

  categories
    .command('add-keyword <category> <keyword>')
    .description('add a keyword rule: memos containing the keyword go to the category (beats built-in keywords)')
    .addHelpText('after', '\nExample:\n  $ finance categories add-keyword cafe 블루보틀')
    .action(
      act(async (ctx, _opts, [categoryArg, keywordArg]) => {
        const { UsageError } = await import('../../errors.js');
        const keyword = keywordArg!.trim();
        if (!keyword) throw new UsageError('the keyword is empty');
        const store = await ctx.store();
        const { resolveCategory } = await import('../../app/categories.js');
        const { reclassifyAll } = await import('../../app/classifier.js');
        const { categoryName } = await import('../../domain/categories.js');
        const category = resolveCategory(store, categoryArg!);
        const changed = store.transactions.inTransaction(() => {
          store.labels.addKeyword(keyword, category);
          return reclassifyAll(store, { dryRun: false }).reduce((s, c) => s + c.count, 0);
        });
        if (ctx.io.json) return ctx.io.data(JSON.stringify({ keyword, category, updated: changed }));
        ctx.io.out(`keyword "${keyword}" → ${categoryName(category)} (${category}); ${changed} stored transaction(s) re-classified`);
      }),
    );

  categories
    .command('rm <category>')
    .description('remove a category you made, with its labels and keywords; its transactions are re-classified')
    .addHelpText('after', '\nExample:\n  $ finance categories rm 카폐')
    .action(
      act(async (ctx, _opts, [categoryArg]) => {
        const store = await ctx.store();
        const [{ userCategory }, { reclassifyAll }, { sanitizeLine }] = await Promise.all([
          import('../../app/categories.js'),
          import('../../app/classifier.js'),
          import('../../sanitize.js'),
        ]);
        const id = userCategory(store, categoryArg!);
        const r = store.transactions.inTransaction(() => {
          const removed = store.labels.removeUserCategory(id);
          return { ...removed, updated: reclassifyAll(store, { dryRun: false }).reduce((s, c) => s + c.count, 0) };
        });
        if (ctx.io.json) return ctx.io.data(JSON.stringify({ category: id, removed: true, ...r }));
        ctx.io.out(`removed the category ${sanitizeLine(id)} (${r.labels} label(s), ${r.keywords} keyword(s)); ${r.updated} stored transaction(s) re-classified`);
      }),
    );

  categories
    .command('rename <old> <new>')
    .description('rename a category you made (its labels, keywords and transactions follow)')
    .addHelpText('after', '\nExample:\n  $ finance categories rename 카폐 반려동물')
    .action(
      act(async (ctx, _opts, [oldArg, newArg]) => {
        const store = await ctx.store();
        const [{ userCategory }, { findBuiltinCategory }, { UsageError }, { sanitizeLine }] = await Promise.all([
          import('../../app/categories.js'),
          import('../../domain/categories.js'),
          import('../../errors.js'),
          import('../../sanitize.js'),
        ]);
        const from = userCategory(store, oldArg!);
        const to = newArg!.trim().normalize('NFC');
        if (!to || to.length > 40 || /[\u0000-\u001f\u007f-\u009f]/.test(to)) throw new UsageError(`'${sanitizeLine(newArg!)}' is not a usable category name`, 'use 1–40 characters without control characters');
        if (findBuiltinCategory(to) || store.labels.userCategories().includes(to)) {
          throw new UsageError(`a category '${sanitizeLine(to)}' already exists`, "pick another name, or move the labels with 'finance label set'");
        }
        store.labels.renameUserCategory(from, to);
        if (ctx.io.json) return ctx.io.data(JSON.stringify({ from, to }));
        ctx.io.out(`renamed the category ${sanitizeLine(from)} to ${sanitizeLine(to)}`);
      }),
    );
}
