// The interactive walk: unclassified memos by total spending (largest first), a searchable category list, and each
// answer saved as a label at once (so quitting half-way keeps what was answered).

import type { Context } from './context.js';
import { BUILTIN_CATEGORIES, allowedFor } from '../domain/categories.js';
import type { Store } from '../store/index.js';
import { reclassifyAll } from './classifier.js';

const SKIP = '\u0000skip';
const QUIT = '\u0000quit';

export async function runInteractiveClassify(ctx: Context, store: Store): Promise<void> {
  const { search } = await import('@inquirer/prompts');
  const { formatWon } = await import('../render/format.js');
  const groups = store.transactions.memoGroups({ onlyCategory: 'uncategorized' });
  if (groups.length === 0) {
    ctx.io.out('nothing to do: every transaction has a category');
    return;
  }
  let labelled = 0;
  for (const [i, g] of groups.entries()) {
    const categories = [
      ...BUILTIN_CATEGORIES.filter((c) => c.id !== 'uncategorized' && allowedFor(c.id, g.direction)).map((c) => ({ id: c.id, name: c.name })),
      ...store.labels.userCategories().map((id) => ({ id, name: id })),
    ];
    const answer = await search<string>(
      {
        message: `[${i + 1}/${groups.length}] "${g.memo}" (${g.direction === 'in' ? 'in' : 'out'}, ${g.count}×, ${formatWon(g.total)}) — category?`,
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
    store.transactions.inTransaction(() => {
      store.labels.setLabel(g.memo, category);
      reclassifyAll(store, { dryRun: false, memo: g.memo });
    });
    labelled++;
  }
  ctx.io.info(`saved ${labelled} label(s)`);
}
