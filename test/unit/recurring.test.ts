// Fixed-payment detection: business-day shifts, series shapes, irregular merchants, grouping and the baseline.
import { describe, expect, it } from 'vitest';
import { detectRecurring, detectRecurringBaseline, type RecurringInput } from '../../src/domain/recurring.js';
import { monthly, everyNDays, txn } from './recurring-builders.js';

const only = (txns: RecurringInput[], today: string) => {
  const found = detectRecurring(txns, { today });
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('detectRecurring: business-day shifts', () => {
  it('keeps a 25th salary that moves earlier before 추석 2026 as one monthly income, next date moved earlier', () => {
    const salary = monthly('(주)한빛 급여', 25, '2025-10', 12, 3_200_000, 'earlier', { direction: 'in', category: 'salary' });
    expect(salary.map((t) => t.date)).toContain('2026-09-23'); // 24–26 is 추석, so paid Wednesday the 23rd
    expect(salary.map((t) => t.date)).toContain('2026-01-23'); // the 25th is a Sunday
    const s = only(salary, '2026-09-30');
    expect(s).toMatchObject({ cadence: 'monthly', direction: 'in', count: 12, dayOfMonth: 25, category: 'salary' });
    expect(s).toMatchObject({ lastDate: '2026-09-23', nextDate: '2026-10-23', active: true }); // 10/25 is a Sunday
    const untilAugust = only(salary.slice(0, 11), '2026-09-01');
    expect(untilAugust).toMatchObject({ lastDate: '2026-08-25', nextDate: '2026-09-23' });
  });

  it('keeps a 10th debit that moves later after 설날 2024 (10–12 Feb) as one series', () => {
    const debit = monthly('국민연금', 10, '2023-06', 12, 180_000, 'later');
    expect(debit.map((t) => t.date)).toContain('2024-02-13');
    const s = only(debit, '2024-05-20');
    expect(s).toMatchObject({ cadence: 'monthly', count: 12, dayOfMonth: 10, amountKind: 'fixed', lastDate: '2024-05-10' });
    expect(s.nextDate).toBe('2024-06-10');
  });

  it('finds the shifted monthly debit that the baseline misses', () => {
    const debit = monthly('국민연금', 10, '2023-06', 12, 180_000, 'later');
    expect(detectRecurringBaseline(debit, { today: '2024-05-20' })).toEqual([]);
    expect(detectRecurring(debit, { today: '2024-05-20' })).toHaveLength(1);
  });

  it('the baseline still finds an unshifted weekly series', () => {
    const weekly = everyNDays('적금', '2025-01-04', 7, 6, 50_000, 'none'); // Saturdays, never moved
    expect(detectRecurringBaseline(weekly, { today: '2025-02-10' })).toMatchObject([{ cadence: 'weekly', count: 6 }]);
  });

  it('clamps a 31st payment to short months and reports it as a month-end series', () => {
    const rent = monthly('월세', 31, '2025-01', 12, 650_000, 'later');
    expect(rent.map((t) => t.date).slice(0, 6)).toEqual([
      '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-06-02', '2025-06-30',
    ]);
    const s = only(rent, '2026-01-05');
    expect(s).toMatchObject({ cadence: 'monthly', count: 12, dayOfMonth: 'last', nextDate: '2026-02-02' }); // 1/31 is a Saturday
  });
});

describe('detectRecurring: series shapes', () => {
  it('keeps a price rise midway as one series', () => {
    const netflix = monthly('NETFLIX', 7, '2024-01', 12, (k) => (k < 6 ? 9_500 : 13_900), 'none');
    const s = only(netflix, '2024-12-20');
    expect(s).toMatchObject({ count: 12, averageAmount: 11_700, lastAmount: 13_900, amountKind: 'fixed' });
  });

  it('keeps a phone bill varying ±30% and a card bill varying a lot as one series each', () => {
    const amounts = [61_000, 48_500, 72_300, 55_000, 66_900, 51_200, 58_800, 70_100, 49_900, 63_400];
    const phone = monthly('SKT 통신요금', 21, '2024-03', 10, (k) => amounts[k]!, 'later');
    expect(only(phone, '2025-01-01')).toMatchObject({ count: 10, amountKind: 'varying', averageAmount: 59_710 });
    const card = monthly('신한카드 대금', 14, '2024-03', 10, (k) => [310_000, 1_240_000, 720_000, 98_000, 540_000][k % 5]!);
    expect(only(card, '2025-01-01')).toMatchObject({ count: 10, cadence: 'monthly', dayOfMonth: 14 });
  });

  it('splits two subscriptions billed through one payment app memo', () => {
    const a = monthly('네이버페이', 3, '2024-01', 8, 4_900, 'later');
    const b = monthly('네이버페이', 17, '2024-01', 8, 14_900, 'later');
    const found = detectRecurring([...a, ...b], { today: '2024-08-20' });
    expect(found.map((s) => [s.averageAmount, s.dayOfMonth, s.count])).toEqual([
      [4_900, 3, 8],
      [14_900, 17, 8],
    ]);
  });

  it('marks a cancelled subscription inactive after half a period, active before', () => {
    const gym = monthly('스포짐', 5, '2024-01', 6, 55_000, 'later'); // last 2024-06-05, next 2024-07-05
    expect(only(gym, '2024-07-20').active).toBe(true);
    expect(only(gym, '2024-07-21').active).toBe(false);
  });

  it('finds a yearly payment from two occurrences', () => {
    const insurance = [txn('2024-03-15', 812_000, '자동차보험'), txn('2025-03-17', 845_000, '자동차보험')];
    const s = only(insurance, '2025-04-01');
    expect(s).toMatchObject({ cadence: 'yearly', count: 2, dayOfMonth: 15, nextDate: '2026-03-16', active: true });
    expect(only(insurance, '2026-09-15').active).toBe(false);
  });

  it('finds weekly savings moved off the 추석 2025 week, and a biweekly one', () => {
    const savings = everyNDays('자유적금', '2025-08-04', 7, 12, 100_000, 'later'); // Mondays
    expect(savings.map((t) => t.date)).toContain('2025-10-10');
    expect(only(savings, '2025-10-21')).toMatchObject({ cadence: 'weekly', count: 12, nextDate: '2025-10-27' });
    const allowance = everyNDays('용돈', '2025-01-03', 14, 8, 200_000, 'later');
    expect(only(allowance, '2025-04-20')).toMatchObject({ cadence: 'biweekly', count: 8 });
  });

  it('finds a quarterly payment', () => {
    const everyMonth = monthly('분기회비', 20, '2023-01', 13, 30_000);
    const quarterly = [0, 3, 6, 9, 12].map((m) => everyMonth[m]!);
    expect(only(quarterly, '2024-02-01')).toMatchObject({ cadence: 'quarterly', count: 5, nextDate: '2024-04-22' });
  });
});

describe('detectRecurring: irregular merchants are not fixed', () => {
  it('rejects a cafe visited several times a week, even with the same coffee every time', () => {
    const visits: RecurringInput[] = [];
    for (let d = 0; d < 365; d++) {
      if (d % 7 === 1 || d % 7 === 3 || d % 7 === 4 || d % 3 === 0) {
        visits.push(txn(addDay('2024-01-01', d), d % 5 === 0 ? 6_300 : 4_500, '스타벅스'));
      }
    }
    expect(visits.length).toBeGreaterThan(150);
    expect(detectRecurring(visits, { today: '2025-01-01' })).toEqual([]);
  });

  it('rejects a mart visited roughly monthly at irregular days', () => {
    const days = ['2024-01-03', '2024-01-29', '2024-03-02', '2024-03-20', '2024-04-22', '2024-05-18', '2024-06-09',
      '2024-07-11', '2024-08-03', '2024-08-30', '2024-10-05', '2024-10-27', '2024-12-01'];
    const mart = days.map((d, k) => txn(d, 42_000 + ((k * 7919) % 50_000), '이마트'));
    expect(detectRecurring(mart, { today: '2025-01-01' })).toEqual([]);
  });

  it('does not let an irregular merchant hide a real subscription under the same memo', () => {
    const shopping = ['2024-01-09', '2024-02-21', '2024-02-24', '2024-04-02', '2024-05-28', '2024-06-13']
      .map((d, k) => txn(d, 23_000 + k * 11_000, '네이버페이'));
    const sub = monthly('네이버페이', 3, '2024-01', 6, 4_900);
    expect(detectRecurring([...shopping, ...sub], { today: '2024-06-20' })).toMatchObject([{ count: 6, averageAmount: 4_900 }]);
  });
});

describe('detectRecurring: grouping and output', () => {
  it('groups by account, direction and normalised memo, and sorts by next date then memo', () => {
    const a = monthly('  KT   인터넷 ', 12, '2024-01', 4, 33_000);
    const b = monthly('KT 인터넷', 12, '2024-05', 2, 33_000);
    const c = monthly('KT 인터넷', 12, '2024-01', 6, 33_000, 'later', { account: 'acc-2' });
    const d = monthly('가스요금', 2, '2024-01', 6, 41_000);
    const found = detectRecurring([...d, ...c, ...b, ...a], { today: '2024-06-20' });
    expect(found.map((s) => [s.memo, s.account, s.count, s.nextDate])).toEqual([
      ['가스요금', 'acc-1', 6, '2024-07-02'],
      ['KT 인터넷', 'acc-1', 6, '2024-07-12'],
      ['KT 인터넷', 'acc-2', 6, '2024-07-12'],
    ]);
  });

  it('reports interval std-dev, category majority and uncategorized', () => {
    const debit = monthly('국민연금', 10, '2023-06', 4, 180_000, 'none');
    debit[0]!.category = 'finance';
    debit[1]!.category = 'finance';
    debit[2]!.category = 'housing';
    const s = only(debit, '2023-10-01');
    expect(s.category).toBe('finance');
    expect(s.intervalStdDays).toBe(0.47); // gaps 30, 31, 31
    expect(only(monthly('x', 10, '2023-06', 3, 1_000, 'none'), '2023-09-01').category).toBe('uncategorized');
  });
});

function addDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
