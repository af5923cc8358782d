// Seeded simulations: irregular merchants must not come out as fixed, and real series hidden among a payment
// app's other payments must still be found.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { detectRecurring, type RecurringInput } from '../../src/domain/recurring.js';
import { between, monthly, rng, txn } from './recurring-builders.js';

function merchant(random: () => number, memo: string, perMonth: number, sameAmount: boolean): RecurringInput[] {
  const base = between(random, 5, 80) * 1000;
  const out: RecurringInput[] = [];
  for (let d = 0; d < 730; d++) {
    if (random() < perMonth / 30.4) out.push(txn(addDays('2023-01-01', d), sameAmount ? base : Math.round(base * (0.5 + random())), memo));
  }
  return out;
}

describe('irregular merchants over two years', () => {
  for (const [label, perMonth, same] of [
    ['about monthly, varying amounts', 1, false],
    ['twice a month, varying amounts', 2, false],
    ['about weekly, varying amounts', 4.3, false],
    ['about monthly, always the same amount', 1, true],
    ['about weekly, always the same amount', 4.3, true],
    ['almost daily, the same amount', 20, true],
  ] as const) {
    it(`never reports ${label} as fixed (200 merchants)`, () => {
      const random = rng(perMonth * 1000 + (same ? 1 : 0));
      const txns: RecurringInput[] = [];
      for (let m = 0; m < 200; m++) txns.push(...merchant(random, `가맹점${m}`, perMonth, same));
      expect(detectRecurring(txns, { today: '2025-01-01' })).toEqual([]);
    });
  }
});

describe('real monthly series among other payments with the same memo', () => {
  it('finds at least 90% of 4–6 month fixed-amount series in a group with ~1 other payment a month', () => {
    const random = rng(7);
    let found = 0;
    for (let m = 0; m < 200; m++) {
      const len = between(random, 4, 6);
      const amount = between(random, 3, 90) * 1000;
      const series = monthly('페이', between(random, 1, 31), '2024-03', len, amount, random() < 0.3 ? 'earlier' : 'later');
      const txns = [...series];
      for (let d = 0; d < len * 30; d++) {
        if (random() < 1 / 30.4) txns.push(txn(addDays('2024-03-01', d), Math.round(amount * (0.3 + 3 * random())), '페이'));
      }
      if (detectRecurring(txns, { today: '2025-01-01' }).some((s) => s.count === len && s.averageAmount === amount)) found++;
    }
    expect(found).toBeGreaterThanOrEqual(180);
  });
});
