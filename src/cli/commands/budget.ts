// `finance budget set|rm|list|check`: monthly spending limits per category, the current month's spending against them
// with pace-based warnings, and a cron-friendly check (exit 3 when a category is over).

import type { Command } from 'commander';
import type { Context } from '../../app/context.js';
import { parseWholeNumber } from '../args.js';
import type { Act } from '../program.js';

async function statuses(ctx: Context) {
  const [{ kstDate }, { loadBudgets }, { budgetPeriod }] = await Promise.all([
    import('../../domain/kst.js'),
    import('../../app/insight.js'),
    import('../../domain/budget.js'),
  ]);
  const today = kstDate(ctx.now());
  return { list: loadBudgets(await ctx.store(), today), month: budgetPeriod(today).month };
}

export function register(program: Command, act: Act): void {
  const budget = program
    .command('budget')
    .description('monthly spending limits per category: set, rm, list, check (exit 3 when over)')
    .addHelpText(
      'after',
      `
Examples:
  $ finance budget set food 400000
  $ finance budget set 카페/간식 80000
  $ finance budget list
  $ finance sync -q && finance budget check -q || notify-send "over budget"`,
    );

  budget
    .command('set <category> <amount>')
    .description('set the monthly limit of a category (id or Korean name), in won')
    .addHelpText('after', '\nExample:\n  $ finance budget set food 400000')
    .action(
      act(async (ctx, _opts, [categoryArg, amountArg]) => {
        const store = await ctx.store();
        const category = (await import('../../app/categories.js')).resolveCategory(store, categoryArg!);
        const amount = parseWholeNumber(1, Number.MAX_SAFE_INTEGER)(amountArg!.replace(/[,_원]/g, ''));
        store.budgets.set(category, amount);
        const { categoryName } = await import('../../domain/categories.js');
        const { formatWon } = await import('../../render/format.js');
        ctx.io.info(`budget for ${categoryName(category)} (${category}): ${formatWon(amount)} a month`);
      }),
    );

  budget
    .command('rm <category>')
    .description('remove the limit of a category')
    .addHelpText('after', '\nExample:\n  $ finance budget rm food')
    .action(
      act(async (ctx, _opts, [categoryArg]) => {
        const store = await ctx.store();
        const category = (await import('../../app/categories.js')).resolveCategory(store, categoryArg!);
        if (!store.budgets.remove(category)) {
          const { UsageError } = await import('../../errors.js');
          throw new UsageError(`no budget is set for '${categoryArg}'`, "see 'finance budget list'");
        }
        ctx.io.info(`budget for ${category} removed`);
      }),
    );

  budget
    .command('list')
    .description('this month (KST) to date against each limit: spent, remaining, share, ok/warn/over')
    .addHelpText('after', "\nExamples:\n  $ finance budget list\n  $ finance budget list --json | jq '.[] | select(.status != \"ok\")'")
    .action(
      act(async (ctx) => {
        const { list, month } = await statuses(ctx);
        const { budgetJson } = await import('../../render/budget-view.js');
        if (ctx.io.json) return ctx.io.data(JSON.stringify(list.map(budgetJson), null, 2));
        if (!ctx.io.stdoutTTY) {
          const { budgetTsv } = await import('../../render/budget-view.js');
          if (list.length === 0) return ctx.io.info("no budgets set — e.g. 'finance budget set food 400000'");
          return ctx.io.data(budgetTsv(list));
        }
        const { budgetText } = await import('../../render/insight-text.js');
        ctx.io.data(budgetText(list, month, ctx.io.c, ctx.io.columns ?? 80));
      }),
    );

  budget
    .command('check')
    .description('print the categories over their limit; exit 3 when there is one, else 0 (for cron)')
    .addHelpText('after', '\nExample:\n  $ finance budget check -q || echo "over budget"')
    .action(
      act(async (ctx) => {
        const { list } = await statuses(ctx);
        const over = list.filter((b) => b.status === 'over');
        const { budgetJson } = await import('../../render/budget-view.js');
        if (ctx.io.json) ctx.io.data(JSON.stringify(over.map(budgetJson), null, 2));
        else if (over.length > 0) {
          const { formatWon } = await import('../../render/format.js');
          // -q prints nothing: the exit code says it.
          ctx.io.out(over.map((b) => `${b.name} (${b.category}) over by ${formatWon(-b.remaining)}: ${formatWon(b.spent)} of ${formatWon(b.limit)}`).join('\n'));
        } else ctx.io.info(list.length === 0 ? 'no budgets set' : 'every category is within its budget');
        if (over.length > 0) {
          const { FindingError } = await import('../../errors.js');
          throw new FindingError(`${over.length} categor${over.length === 1 ? 'y is' : 'ies are'} over budget`);
        }
      }),
    );
}
