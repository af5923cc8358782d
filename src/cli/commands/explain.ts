// `finance explain <memo>`: the category a memo gets and the rule that decides it.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('explain <memo>')
    .description('which category a memo gets, and why (label, your keyword, or a built-in keyword)')
    .option('--direction <in|out>', 'money in or out (default out, spending)', 'out')
    .option('--json', 'JSON object')
    .addHelpText('after', '\nExamples:\n  $ finance explain "스타벅스코리아"\n  $ finance explain "카카오페이 배달의민족" --json')
    .action(
      act(async (ctx, opts, [memoArg]) => {
        const { UsageError } = await import('../../errors.js');
        if (opts.direction !== 'in' && opts.direction !== 'out') throw new UsageError(`--direction must be in or out, not '${opts.direction}'`);
        const store = await ctx.store();
        const { loadClassifier } = await import('../../app/classifier.js');
        const { categoryName } = await import('../../domain/categories.js');
        const memo = memoArg!.trim();
        const c = loadClassifier(store).classify(memo, opts.direction);
        const result = { memo, category: c.category, categoryName: categoryName(c.category), source: c.source, rule: c.rule, matched: c.matched };
        if (ctx.io.json) return ctx.io.data(JSON.stringify(result, null, 2));
        const why = c.source === 'none' ? 'no label or keyword matched' : c.rule;
        ctx.io.out(`${memo}  →  ${result.categoryName} (${c.category})\n  because: ${why}`);
      }),
    );
}
