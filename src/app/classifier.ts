// Builds the classifier from what the person taught it (labels, keyword rules) and applies it to stored rows.

import { createClassifier, type Classifier } from '../domain/classify.js';
import type { Direction } from '../domain/types.js';
import type { Store } from '../store/index.js';

export function loadClassifier(store: Store): Classifier {
  return createClassifier({
    labels: store.labels.labels().map((l) => [l.memo, l.category] as [string, string]),
    userKeywords: store.labels.keywords().map((k) => ({ keyword: k.keyword, category: k.category })),
  });
}

export interface ClassifyChange {
  memo: string;
  direction: Direction;
  from: string;
  to: string;
  count: number;
  source: 'label' | 'keyword' | 'none';
  rule: string | null;
}

/**
 * Re-applies labels and keyword rules to every stored row; returns what changed (grouped by memo and direction).
 * With dryRun nothing is written.
 */
export function reclassifyAll(store: Store, opts: { dryRun: boolean; memo?: string }): ClassifyChange[] {
  const classifier = loadClassifier(store);
  const changes: ClassifyChange[] = [];
  const groups = store.transactions.memoGroups().filter((g) => opts.memo === undefined || g.memo === opts.memo);
  store.transactions.inTransaction(() => {
    for (const g of groups) {
      const c = classifier.classify(g.memo, g.direction);
      const current = store.transactions.categoryOf(g.memo, g.direction);
      for (const cur of current) {
        if (cur.category !== c.category || cur.source !== c.source) {
          changes.push({ memo: g.memo, direction: g.direction, from: cur.category, to: c.category, count: cur.count, source: c.source, rule: c.rule });
        }
      }
      if (!opts.dryRun) store.transactions.setCategory(g.memo, g.direction, c.category, c.source, c.rule, { skipLabeled: false });
    }
  });
  return changes;
}
