// `finance explain <memo>`: the category a memo gets and every piece of evidence that decides it.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('explain <memo>')
    .description('which category a memo gets, and why (label, your keyword, a built-in keyword or rule, and the evidence)')
    .option('--direction <in|out>', 'money in (income) or out (spending)', 'out')
    .option('--type <tran_type>', "the bank's tran_type (체크카드, 대체, 타행환 …); default: the most common one stored for this memo")
    .option('--branch <name>', "the bank's branch_name; default: the most common one stored for this memo")
    .option('--amount <won>', 'the amount (a round sum or a price); default: from the stored rows')
    .addHelpText(
      'after',
      '\nExamples:\n  $ finance explain "스타벅스코리아"\n  $ finance explain "카카오페이 배달의민족" --json\n  $ finance explain "김가네칼국수" --type 체크카드',
    )
    .action(
      act(async (ctx, opts, [memoArg]) => {
        const { UsageError } = await import('../../errors.js');
        if (opts.direction !== 'in' && opts.direction !== 'out') throw new UsageError(`--direction must be in or out, not '${opts.direction}'`);
        if (opts.amount !== undefined && !/^\d+$/.test(String(opts.amount))) throw new UsageError(`--amount must be whole won, not '${opts.amount}'`);
        const store = await ctx.store();
        const { loadClassifier } = await import('../../app/classifier.js');
        const { categoryName } = await import('../../domain/categories.js');
        const memo = memoArg!.trim();
        // Without flags, the stored rows of this memo say what the bank sent (the biggest group decides).
        const stored = store.transactions
          .evidenceGroups({ memo })
          .filter((g) => g.direction === opts.direction)
          .sort((a, b) => b.count - a.count)[0];
        const evidence = {
          type: opts.type ?? stored?.type ?? '',
          branch: opts.branch ?? stored?.branch ?? '',
          amount: opts.amount !== undefined ? Number(opts.amount) : stored ? (stored.round ? 1000 : 1) : undefined,
          own: opts.type === undefined && opts.branch === undefined && stored?.own === 1,
        };
        const c = loadClassifier(store).classify(memo, opts.direction, evidence);
        const result = {
          memo,
          category: c.category,
          categoryName: categoryName(c.category),
          source: c.source,
          rule: c.rule,
          matched: c.matched,
          evidence: c.evidence,
          // which label decided: this memo only, or every memo of its payee
          ...(c.source === 'label' ? { labelScope: c.rule?.startsWith('payee label') ? 'payee' : 'memo' } : {}),
        };
        if (ctx.io.json) return ctx.io.data(JSON.stringify(result, null, 2));
        const why = c.source === 'none' ? 'no label or keyword matched' : (c.rule ?? '');
        const { explainText } = await import('../../render/explain-text.js');
        ctx.io.out(explainText({ memo, categoryName: result.categoryName, category: c.category, why, evidence: c.evidence }, ctx.io.columns));
      }),
    );
}
