// Pins rules of fixed-payment detection that mutation testing showed no test held: how missed periods are tolerated,
// which way a series may move around holidays, when short or noisy chains are rejected, and that the longest pattern
// claims shared transactions first. Every fixture is built inside its test.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { detectRecurring, type RecurringInput } from '../../src/domain/recurring.js';
import { everyNDays, monthly, txn } from './recurring-builders.js';

const summary = (txns: RecurringInput[], today: string) =>
  detectRecurring(txns, { today }).map((s) => ({ cadence: s.cadence, count: s.count, first: s.firstDate, last: s.lastDate }));

describe('missed periods', () => {
  it('a series with one missed month stays one series', () => {
    const year = monthly('보험료', 10, '2024-01', 12, 50_000, 'none').filter((_, k) => k !== 5);
    expect(summary(year, '2025-01-01')).toEqual([{ cadence: 'monthly', count: 11, first: '2024-01-10', last: '2024-12-10' }]);
  });

  it('six payments over seven months (one missed) are one series; five over six are not', () => {
    const six = monthly('보험료', 10, '2024-01', 7, 50_000, 'none').filter((_, k) => k !== 3);
    expect(summary(six, '2024-08-01')).toEqual([{ cadence: 'monthly', count: 6, first: '2024-01-10', last: '2024-07-10' }]);
    const five = monthly('보험료', 10, '2024-01', 6, 50_000, 'none').filter((_, k) => k !== 3);
    expect(summary(five, '2024-07-01')).toEqual([]);
  });

  it('a short history with a missed month is no series: four payments over five months', () => {
    const four = monthly('보험료', 10, '2024-01', 5, 50_000, 'none').filter((_, k) => k !== 2);
    expect(summary(four, '2024-06-01')).toEqual([]);
  });

  it('two missed months in twelve are too many for one series, and the short runs between them too short', () => {
    const ten = monthly('보험료', 10, '2024-01', 12, 50_000, 'none').filter((_, k) => k !== 4 && k !== 9);
    expect(summary(ten, '2025-01-01')).toEqual([]);
  });

  it('two months missed in a row split the history into two series', () => {
    const split = monthly('보험료', 10, '2024-01', 14, 50_000, 'none').filter((_, k) => k !== 6 && k !== 7);
    expect(summary(split, '2025-03-01')).toEqual([
      { cadence: 'monthly', count: 6, first: '2024-01-10', last: '2024-06-10' },
      { cadence: 'monthly', count: 6, first: '2024-09-10', last: '2025-02-10' },
    ]);
  });

  it('a quarterly payment with one missed quarter in eight stays one series', () => {
    const everyMonth = monthly('분기회비', 20, '2023-01', 24, 30_000);
    const quarters = [0, 3, 6, 12, 15, 18, 21].map((k) => everyMonth[k]!); // 2023-10 missed
    expect(summary(quarters, '2024-11-01')).toEqual([{ cadence: 'quarterly', count: 7, first: '2023-01-20', last: '2024-10-21' }]);
  });

  it('two quarterly payments under one memo in interleaved months are two quarterly series', () => {
    const everyMonth = monthly('분기회비', 20, '2023-01', 24, 30_000);
    const a = [0, 3, 6, 9, 12, 15].map((k) => everyMonth[k]!);
    const b = [1, 4, 7, 10, 13, 16].map((k) => ({ ...everyMonth[k]!, amount: 55_000 }));
    expect(summary([...a, ...b], '2024-06-01')).toEqual([
      { cadence: 'quarterly', count: 6, first: '2023-01-20', last: '2024-04-22' },
      { cadence: 'quarterly', count: 6, first: '2023-02-20', last: '2024-05-20' },
    ]);
  });

  it('a yearly payment may not skip a year', () => {
    expect(summary([txn('2022-03-15', 800_000, '자동차보험'), txn('2024-03-15', 800_000, '자동차보험')], '2024-04-01')).toEqual([]);
    expect(summary([txn('2023-03-15', 800_000, '자동차보험'), txn('2024-03-15', 800_000, '자동차보험')], '2024-04-01'))
      .toEqual([{ cadence: 'yearly', count: 2, first: '2023-03-15', last: '2024-03-15' }]);
  });
});

describe('the direction a series moves around holidays', () => {
  it('a weekly Friday payment due on 추석 and paid together with the next one a week later stays one weekly series', () => {
    // 2025-10-03 (Friday) starts a seven-day holiday run; that week's payment is made on Friday 10/10 with the next one
    const fridays = everyNDays('주간 배송', '2025-08-29', 7, 11, 15_000, 'none')
      .map((t) => (t.date === '2025-10-03' ? { ...t, date: '2025-10-10' } : t));
    expect(detectRecurring(fridays, { today: '2025-11-08' })).toMatchObject([
      { cadence: 'weekly', count: 11, firstDate: '2025-08-29', lastDate: '2025-11-07', nextDate: '2025-11-14' },
    ]);
  });

  it('a salary moved earlier before 추석 is not matched by a later payment', () => {
    const salary = monthly('(주)한빛 급여', 25, '2025-10', 12, 3_200_000, 'earlier', { direction: 'in' });
    const sept = salary.find((t) => t.date === '2026-09-23')!; // 9/24–26 is 추석: paid the Wednesday before
    sept.amount = 3_250_000; // a small bonus, so the later payment below has the closer amount
    const later = txn('2026-09-28', 3_200_000, '(주)한빛 급여', { direction: 'in' }); // the Monday after
    const [s, ...rest] = detectRecurring([...salary, later], { today: '2026-09-30' });
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ count: 12, lastDate: '2026-09-23', lastAmount: 3_250_000, nextDate: '2026-10-23' });
  });

  it('a debit moved later after 설날 is not matched by an earlier payment', () => {
    const debit = monthly('국민연금', 10, '2023-06', 12, 180_000, 'later');
    const feb = debit.find((t) => t.date === '2024-02-13')!; // 2/10–12 is 설날: debited the Tuesday after
    feb.amount = 185_000;
    const earlier = txn('2024-02-08', 180_000, '국민연금'); // the Thursday before
    const [s, ...rest] = detectRecurring([...debit, earlier], { today: '2024-05-20' });
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ count: 12, averageAmount: Math.round((11 * 180_000 + 185_000) / 12) });
  });
});

describe('chains chance can explain are rejected', () => {
  it('three payments are a series only when the amounts stay within half again of each other', () => {
    const three = (a: number, b: number, c: number) =>
      [txn('2024-01-10', a, '관리비'), txn('2024-02-13', b, '관리비'), txn('2024-03-11', c, '관리비')];
    expect(summary(three(10_000, 30_000, 12_000), '2024-03-20')).toEqual([]);
    expect(summary(three(10_000, 15_100, 12_000), '2024-03-20')).toEqual([]);
    expect(summary(three(10_000, 15_000, 12_000), '2024-03-20'))
      .toEqual([{ cadence: 'monthly', count: 3, first: '2024-01-10', last: '2024-03-11' }]);
  });

  it('one extra purchase of the same amount does not hide a subscription; two in every month do', () => {
    const sub = monthly('네이버페이', 3, '2024-01', 6, 4_900);
    const oneExtra = [...sub, txn('2024-03-19', 4_900, '네이버페이')];
    expect(summary(oneExtra, '2024-06-20')).toEqual([{ cadence: 'monthly', count: 6, first: '2024-01-03', last: '2024-06-03' }]);
    const twoEveryMonth = [...sub, ...sub.flatMap((t) => [9, 17].map((d) => txn(addDays(t.date, d), 4_900, '네이버페이')))];
    expect(summary(twoEveryMonth, '2024-06-20')).toEqual([]);
  });

  it('purchases alternating between Sunday and the following Monday are not a weekly debit', () => {
    const shop = Array.from({ length: 12 }, (_, k) => txn(addDays('2025-01-05', 7 * k + (k % 2)), 9_900, '동네마트'));
    expect(detectRecurring(shop, { today: '2025-03-30' }).filter((s) => s.cadence === 'weekly')).toEqual([]);
  });

  it('the longest pattern claims a shared transaction first: a monthly series keeps its Monday the 1st', () => {
    const savings = monthly('적립', 1, '2024-01', 12, 30_000, 'none'); // 2024-07-01 is a Monday
    const run = [txn('2024-07-08', 30_000, '적립'), txn('2024-07-15', 30_000, '적립')];
    expect(summary([...savings, ...run], '2024-12-20')).toEqual([{ cadence: 'monthly', count: 12, first: '2024-01-01', last: '2024-12-01' }]);
  });
});
