// The interactive walk: unclassified memos by total spending (largest first), a searchable category list, and each
// answer saved as a label at once (so quitting half-way keeps what was answered).

import type { Context } from './context.js';
import { BUILTIN_CATEGORIES, allowedFor } from '../domain/categories.js';
import type { Store } from '../store/index.js';
import { payeeOf } from '../domain/payee.js';
import { reclassifyAll, reclassifyPayee } from './classifier.js';
import { sanitizeLine } from '../sanitize.js';

const SKIP = '\u0000skip';
const QUIT = '\u0000quit';

export async function runInteractiveClassify(ctx: Context, store: Store): Promise<void> {
  const { search, select } = await import('@inquirer/prompts');
  const { formatWon } = await import('../render/format.js');
  const groups = store.transactions.memoGroups({ onlyCategory: 'uncategorized' });
  if (groups.length === 0) {
    ctx.io.out('nothing to do: every transaction has a category');
    return;
  }
  let labelled = 0;
  for (const [i, g] of groups.entries()) {
    // an answer for a whole payee may already have covered this memo
    if (labelled > 0 && !store.transactions.categoryOf(g.memo, g.direction).some((c) => c.category === 'uncategorized')) continue;
    const categories = [
      ...BUILTIN_CATEGORIES.filter((c) => c.id !== 'uncategorized' && allowedFor(c.id, g.direction)).map((c) => ({ id: c.id, name: c.name })),
      ...store.labels.userCategories().map((id) => ({ id, name: id })),
    ];
    const answer = await search<string>(
      {
        message: `[${i + 1}/${groups.length}] "${sanitizeLine(g.memo)}" (${g.direction === 'in' ? 'in' : 'out'}, ${g.count}×, ${formatWon(g.total)}) — category?`,
        source: (term) => {
          const t = (term ?? '').trim().toLowerCase();
          const list = categories
            .filter((c) => !t || c.id.includes(t) || c.name.toLowerCase().includes(t))
            .map((c) => ({ name: `${c.name} (${c.id})`, value: c.id }));
          if (t && !categories.some((c) => c.id === t || c.name === t)) list.push({ name: `new category "${term!.trim()}"`, value: `\u0000new:${term!.trim()}` });
          return [...list, { name: 'skip', value: SKIP }, { name: 'quit', value: QUIT }];
        },
      },
      { input: ctx.io.streams.stdin as NodeJS.ReadStream, output: ctx.io.streams.stdout as NodeJS.WriteStream, signal: ctx.signal },
    );
    if (answer === QUIT) break;
    if (answer === SKIP) continue;
    let category = answer;
    if (answer.startsWith('\u0000new:')) {
      category = answer.slice(5);
      store.labels.addUserCategory(category);
    }
    // A memo of a merchant may stand for all of them: offer the payee (스타벅스 for 스타벅스코리아 역삼점).
    const payee = payeeOf(g.memo);
    let scope: 'memo' | 'payee' = 'memo';
    if (payee !== '' && payee !== g.memo.trim()) {
      scope = await select<'memo' | 'payee'>(
        {
          message: `label "${sanitizeLine(g.memo)}" only, or every memo of the payee "${sanitizeLine(payee)}"?`,
          choices: [
            { name: `this memo only ("${sanitizeLine(g.memo)}")`, value: 'memo' },
            { name: `every memo of "${sanitizeLine(payee)}"`, value: 'payee' },
          ],
        },
        { input: ctx.io.streams.stdin as NodeJS.ReadStream, output: ctx.io.streams.stdout as NodeJS.WriteStream, signal: ctx.signal },
      );
    }
    store.transactions.inTransaction(() => {
      if (scope === 'payee') {
        store.labels.setPayeeLabel(payee, category);
        reclassifyPayee(store, payee);
      } else {
        store.labels.setLabel(g.memo, category);
        reclassifyAll(store, { dryRun: false, memo: g.memo });
      }
    });
    labelled++;
  }
  ctx.io.info(`saved ${labelled} label(s)`);
}
