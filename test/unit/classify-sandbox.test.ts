// Classification quality on the sandbox's generated households: the share of money (by amount) that lands in the
// category the generator intended, over several seeds. Prints the misses so they can be read in the test log.

import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/domain/classify.js';
import { generateHousehold } from '../../src/sandbox/generator.js';

describe('classification against the generator truth', () => {
  it('puts at least 95% of the money in the intended category', () => {
    const classifier = createClassifier();
    let total = 0;
    let right = 0;
    const misses = new Map<string, number>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const h = generateHousehold({ seed, months: 12, accounts: 4, end: '2026-11-20' });
      for (const a of h.accounts) {
        const truth = h.truth.transactions(a.fintechUseNum);
        for (let i = 0; i < a.count; i++) {
          const t = a.tx(i);
          const got = classifier.classify(t.memo, t.inout === '입금' ? 'in' : 'out').category;
          total += t.amount;
          if (got === truth[i]!.category) right += t.amount;
          else {
            const key = `${t.memo} (${t.inout}) → ${got}, intended ${truth[i]!.category}`;
            misses.set(key, (misses.get(key) ?? 0) + t.amount);
          }
        }
      }
    }
    const share = right / total;
    const top = [...misses.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`classification by amount: ${(share * 100).toFixed(2)}% of ${total.toLocaleString('en-US')} won\n` + top.map(([k, v]) => `  ${k}: ${v.toLocaleString('en-US')}`).join('\n'));
    expect(share).toBeGreaterThanOrEqual(0.95);
  });
});
