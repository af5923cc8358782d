// Series made by hand (a few days either side of one day of month, more money in 설/추석 months), short series of one
// exact amount under a busy memo, and a yearly plan next to monthly ones — and what must still not count.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { detectRecurring, type RecurringInput } from '../../src/domain/recurring.js';
import { between, rng, txn } from './recurring-builders.js';

const LUNAR = new Set(['2023-01', '2023-09', '2024-02', '2024-09']);

function byHand(random: () => number, memo: string, amount: (month: string) => number): RecurringInput[] {
  const out: RecurringInput[] = [];
  for (let m = 0; m < 24; m++) {
    const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    out.push(txn(addDays(`${month}-15`, between(random, -3, 3)), amount(month), memo));
  }
  return out;
}

describe('hand-made monthly series', () => {
  it('finds a transfer to a parent on varying days, larger in 설/추석 months', () => {
    const rows = byHand(rng(1), '김영숙', (m) => (LUNAR.has(m) ? 500_000 : 300_000));
    const found = detectRecurring(rows, { today: '2025-01-03' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ memo: '김영숙', cadence: 'monthly', count: 24, dayOfMonth: 15, nextDate: '2025-01-15' });
  });

  it('does not take varying amounts on varying days for a series', () => {
    const random = rng(2);
    const rows = byHand(random, '박민수', () => between(random, 10, 50) * 10_000);
    expect(detectRecurring(rows, { today: '2025-01-03' })).toEqual([]);
  });

  it('does not take a bonus outside the holiday months for a series', () => {
    const rows = byHand(rng(3), '이정희', (m) => (m.endsWith('-05') || m.endsWith('-11') ? 500_000 : 300_000));
    expect(detectRecurring(rows, { today: '2025-01-03' }).filter((s) => s.count > 12)).toEqual([]);
  });
});

describe('series hidden under a busy memo', () => {
  it('finds three months of one exact amount among the shop’s other purchases', () => {
    const random = rng(4);
    const rows: RecurringInput[] = [];
    for (let d = 0; d < 730; d++) {
      if (random() < 0.1) rows.push(txn(addDays('2023-01-01', d), between(random, 60, 600) * 100, '올리브영'));
    }
    for (const date of ['2024-03-09', '2024-04-09', '2024-05-09']) rows.push(txn(date, 29_900, '올리브영'));
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const found = detectRecurring(rows, { today: '2025-01-01' });
    expect(found.map((s) => [s.count, s.averageAmount, s.lastDate])).toEqual([[3, 29_900, '2024-05-09']]);
  });

  it('finds a yearly plan on a memo that also bills monthly', () => {
    const rows: RecurringInput[] = [];
    for (let m = 0; m < 24; m++) {
      const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      rows.push(txn(`${month}-03`, 4_900, '네이버페이'), txn(`${month}-17`, 14_900, '네이버페이'));
    }
    rows.push(txn('2023-06-18', 49_000, '네이버페이'), txn('2024-06-18', 49_000, '네이버페이'));
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const cadences = detectRecurring(rows, { today: '2025-01-01' }).map((s) => `${s.cadence} ${s.averageAmount}`).sort();
    expect(cadences).toEqual(['monthly 14900', 'monthly 4900', 'yearly 49000']);
  });
});
