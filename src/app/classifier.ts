// Builds the classifier from what the person taught it (labels, keyword rules) and applies it to stored rows.

import { createClassifier, type Classifier, type Evidence } from '../domain/classify.js';
import { payeeOf } from '../domain/payee.js';
import type { Direction } from '../domain/types.js';
import type { Store } from '../store/index.js';

export function loadClassifier(store: Store): Classifier {
  return createClassifier({
    labels: store.labels.labels().map((l) => [l.memo, l.category] as [string, string]),
    userKeywords: store.labels.keywords().map((k) => ({ keyword: k.keyword, category: k.category })),
    payeeLabels: store.labels.payeeLabels().map((l) => [l.payee, l.category] as [string, string]),
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
 * Re-applies labels and keyword rules to every stored row, each with its own evidence (tran_type, branch, amount
 * shape, own-account pairing); returns what changed (grouped by memo and direction). With dryRun nothing is written.
 */
export function reclassifyAll(store: Store, opts: { dryRun: boolean; memo?: string; ownOnly?: boolean }): ClassifyChange[] {
  const classifier = loadClassifier(store);
  const changes = new Map<string, ClassifyChange>();
  const groups = store.transactions.evidenceGroups({ memo: opts.memo, ownOnly: opts.ownOnly });
  store.transactions.inTransaction(() => {
    const written = new Set<string>();
    for (const g of groups) {
      // evidence.amount only says whether the amount is a round thousand, which is all the classifier reads of it
      const c = classifier.classify(g.memo, g.direction, { type: g.type, branch: g.branch, amount: g.round ? 1000 : 1, own: g.own === 1 });
      if (g.category !== c.category || g.source !== c.source) {
        const key = `${g.direction}\u0000${g.category}\u0000${c.category}\u0000${c.source}\u0000${g.memo}`;
        const prev = changes.get(key);
        if (prev) prev.count += g.count;
        else changes.set(key, { memo: g.memo, direction: g.direction, from: g.category, to: c.category, count: g.count, source: c.source, rule: c.rule });
      }
      const groupKey = [g.memo, g.direction, g.type, g.branch, g.round, g.own].join('\u0000');
      if (!opts.dryRun && !written.has(groupKey)) {
        written.add(groupKey);
        store.transactions.setGroupCategory(g, c.category, c.source, c.rule);
      }
    }
  });
  return [...changes.values()];
}

/** Re-applies labels and rules to every stored memo whose payee is `payee`; returns the rows changed. */
export function reclassifyPayee(store: Store, payee: string): number {
  const memos = new Set(store.transactions.memoGroups().map((g) => g.memo).filter((m) => payeeOf(m) === payee));
  let rows = 0;
  for (const memo of memos) rows += reclassifyAll(store, { dryRun: false, memo }).reduce((s, c) => s + c.count, 0);
  return rows;
}

/** The evidence a stored row gives the classifier. */
export function rowEvidence(t: { type: string; branch: string; amount: number; ownTransfer?: number | null }): Evidence {
  return { type: t.type, branch: t.branch, amount: t.amount, own: t.ownTransfer !== undefined && t.ownTransfer !== null };
}
