// The household's recurring money: salary, rent, bills, subscriptions, savings, insurance, card bill and transfers
// between its own accounts, each as a calendar plus an amount rule. generator.ts turns them into rows.

import { addMonths, type DayNum, ymd } from './calendar.js';
import type { Persona } from './history.js';
import type { Rng } from './prng.js';
import { monthlyDays, weeklyDays, yearlyDays } from './schedule.js';

export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly';

export interface SeriesDef {
  id: string;
  account: number;
  memo: string;
  incoming: boolean;
  cadence: Cadence;
  category: string;
  tranType: string;
  branch: string;
  active: boolean;
  days: DayNum[];
  /** amount of the i-th occurrence on `day` */
  amount: (i: number, day: DayNum, rng: Rng) => number;
  /** earliest and latest hour of the day it posts */
  hours: [number, number];
  /** money moving to another account of the household: the same amount arrives there minutes later */
  counterpart?: { account: number; id: string; memo: string };
  /** amount is this fraction of the running balance (interest), decided when the row is posted */
  rateOfBalance?: number;
}

export interface SeriesContext extends Omit<Persona, 'userSeqNo' | 'userCi'> {
  start: DayNum;
  end: DayNum;
  months: number;
  accounts: number;
  /** scale multiplier: incomes and own transfers grow with it so scaled spending stays funded */
  k: number;
  branches: string[];
  /** add the hand-made series (jittered manual transfers, short and yearly series on busy memos); off by default */
  extraSeries?: boolean;
}

const round = (v: number, step: number): number => Math.round(v / step) * step;

export function defineSeries(c: SeriesContext, rng: Rng): SeriesDef[] {
  const { start, end } = c;
  const seasonal = (day: DayNum, winter: number, summer: number): number => {
    const m = ymd(day).month;
    return m === 12 || m <= 2 ? winter : m >= 7 && m <= 8 ? summer : 1;
  };
  const insuranceDay = ymd(start + 5 + rng.int(0, 20));
  const insuranceBase = round(rng.int(620_000, 980_000), 10);
  const youtubeRise = addMonths(start, Math.floor(c.months / 2));
  const melonStop = addMonths(end, -Math.min(4, Math.floor(c.months / 2)));
  const netflixDom = rng.int(6, 11);

  const defs: SeriesDef[] = [
    {
      id: 'salary', account: 0, memo: c.employer, incoming: true, cadence: 'monthly', category: 'salary',
      tranType: '급여', branch: c.branches[0] ?? '', active: true, days: monthlyDays(start, end, 25, 'prev'),
      // A raise every January: salaries are flat within a year.
      amount: (_i, day) => round(c.salary * c.k * Math.pow(1.03, ymd(day).year - ymd(start).year), 1000),
      hours: [8, 10],
    },
    {
      id: 'rent', account: 0, memo: '월세', incoming: false, cadence: 'monthly', category: 'housing', tranType: '타행환',
      branch: '', active: true, days: monthlyDays(start, end, 5, 'next'), amount: () => c.rent, hours: [8, 12],
    },
    {
      id: 'maintenance-fee', account: 0, memo: '관리비', incoming: false, cadence: 'monthly', category: 'housing',
      tranType: '자동이체', branch: '', active: true, days: monthlyDays(start, end, 27, 'next'),
      amount: (_i, day, r) => round(r.int(120_000, 190_000) * seasonal(day, 1.45, 1.2), 10), hours: [5, 8],
    },
    {
      id: 'electricity', account: 0, memo: '한국전력공사', incoming: false, cadence: 'monthly', category: 'housing',
      tranType: '자동이체', branch: '', active: true, days: monthlyDays(start, end, 18, 'next'),
      amount: (_i, day, r) => round(r.int(24_000, 48_000) * seasonal(day, 1.5, 2.1), 10), hours: [5, 8],
    },
    {
      id: 'gas', account: 0, memo: '서울도시가스', incoming: false, cadence: 'monthly', category: 'housing',
      tranType: '자동이체', branch: '', active: true, days: monthlyDays(start, end, 22, 'next'),
      amount: (_i, day, r) => round(r.int(11_000, 30_000) * seasonal(day, 4.8, 0.7), 10), hours: [5, 8],
    },
    {
      id: 'phone', account: 0, memo: c.phoneMemo, incoming: false, cadence: 'monthly', category: 'housing',
      tranType: '자동이체', branch: '', active: true, days: monthlyDays(start, end, 21, 'next'),
      amount: (_i, _d, r) => round(r.int(52_000, 78_000), 10), hours: [5, 8],
    },
    {
      id: 'netflix', account: 0, memo: '넷플릭스', incoming: false, cadence: 'monthly', category: 'leisure',
      tranType: '체크카드', branch: '', active: true, days: monthlyDays(start, end, netflixDom, 'none'),
      amount: () => 13_500, hours: [1, 5],
    },
    {
      id: 'youtube-premium', account: 0, memo: '유튜브프리미엄', incoming: false, cadence: 'monthly',
      category: 'leisure', tranType: '체크카드', branch: '', active: true, days: monthlyDays(start, end, 12, 'none'),
      amount: (_i, day) => (day < youtubeRise ? 10_450 : 14_900), hours: [1, 5],
    },
    {
      id: 'melon', account: 0, memo: '멜론', incoming: false, cadence: 'monthly', category: 'leisure',
      tranType: '체크카드', branch: '', active: false,
      days: monthlyDays(start, end, 20, 'none').filter((d) => d <= melonStop), amount: () => 10_900, hours: [1, 5],
    },
    {
      // Two unrelated subscriptions paid through one payment app: same memo, different amount and day.
      // A bare payment-app memo cannot say what was bought: the intended category is uncategorized.
      id: 'naverpay-membership', account: 0, memo: '네이버페이', incoming: false, cadence: 'monthly',
      category: 'uncategorized', tranType: '체크카드', branch: '', active: true, days: monthlyDays(start, end, 3, 'none'),
      amount: () => 4_900, hours: [0, 3],
    },
    {
      id: 'naverpay-tving', account: 0, memo: '네이버페이', incoming: false, cadence: 'monthly', category: 'uncategorized',
      tranType: '체크카드', branch: '', active: true, days: monthlyDays(start, end, 17, 'none'),
      amount: () => 14_900, hours: [0, 3],
    },
    {
      id: 'weekly-savings', account: 0, memo: '카카오뱅크적금', incoming: false, cadence: 'weekly',
      category: 'transfer', tranType: '자동이체', branch: '', active: true, days: weeklyDays(start, end, 1, 'next'),
      amount: () => 50_000, hours: [6, 9],
      ...(c.accounts >= 3 ? { counterpart: { account: 2, id: 'weekly-savings-in', memo: c.holder } } : {}),
    },
    {
      // CLI.md: car insurance belongs to finance (insurance premiums), not car.
      id: 'car-insurance', account: 0, memo: '현대해상자동차보험', incoming: false, cadence: 'yearly', category: 'finance',
      tranType: '자동이체', branch: '', active: true,
      days: yearlyDays(start, end, insuranceDay.month, insuranceDay.day, 'next'),
      amount: (i) => round(insuranceBase * Math.pow(1.04, i), 10), hours: [6, 9],
    },
    {
      id: 'card-bill', account: 0, memo: 'KB카드대금', incoming: false, cadence: 'monthly', category: 'finance',
      tranType: '펌뱅킹', branch: '', active: true, days: monthlyDays(start, end, 14, 'next'),
      amount: (_i, _d, r) => r.amount(180_000, 1_150_000, 10), hours: [5, 8],
    },
    {
      id: 'health-insurance', account: 0, memo: '국민건강보험', incoming: false, cadence: 'monthly',
      category: 'finance', tranType: '자동이체', branch: '', active: true, days: monthlyDays(start, end, 10, 'next'),
      // Premiums are reassessed every November.
      amount: (_i, day) => {
        const { year, month } = ymd(day);
        return round(c.healthInsurance * Math.pow(1.05, year - ymd(start).year + (month >= 11 ? 1 : 0)), 10);
      },
      hours: [5, 8],
    },
    {
      id: 'samsung-fire', account: 0, memo: '삼성화재', incoming: false, cadence: 'monthly', category: 'finance',
      tranType: '자동이체', branch: '', active: true, days: monthlyDays(start, end, 23, 'next'),
      amount: () => 48_200, hours: [5, 8],
    },
  ];
  if (c.accounts >= 2) {
    defs.push({
      id: 'own-transfer-1', account: 0, memo: c.holder, incoming: false, cadence: 'monthly', category: 'transfer',
      tranType: '타행환', branch: '', active: true, days: monthlyDays(start, end, 26, 'next'),
      amount: () => round(800_000 * c.k, 1000), hours: [9, 21],
      counterpart: { account: 1, id: 'own-transfer-1-in', memo: c.holder },
    });
  }
  if (c.accounts >= 3) {
    defs.push({
      id: 'savings-interest', account: 2, memo: '이자', incoming: true, cadence: 'quarterly', category: 'income',
      tranType: '결산', branch: '', active: true, days: monthlyDays(start, end, 21, 'next', [3, 6, 9, 12]),
      amount: () => 0, rateOfBalance: 0.006, hours: [0, 2],
    });
  }
  for (let a = 3; a < c.accounts; a++) {
    defs.push({
      id: `own-transfer-${a}`, account: 0, memo: '내계좌이체', incoming: false, cadence: 'monthly', category: 'transfer',
      tranType: '타행환', branch: '', active: true, days: monthlyDays(start, end, 1 + a, 'next'),
      amount: () => round(250_000 * c.k, 1000), hours: [9, 21],
      counterpart: { account: a, id: `own-transfer-${a}-in`, memo: c.holder },
    });
  }
  if (c.extraSeries) defs.push(...handMadeSeries(c, rng));
  return defs;
}

// 설날 and 추석 months (the generator's own table, independent of the app's holiday list): family transfers grow then.
const LUNAR_HOLIDAY_MONTHS: Readonly<Record<number, readonly number[]>> = {
  2022: [2, 9], 2023: [1, 9], 2024: [2, 9], 2025: [1, 10], 2026: [2, 9], 2027: [2, 9], 2028: [1, 10],
};

/** Every month of the range, as the first day of each month. */
function monthStarts(start: DayNum, end: DayNum): DayNum[] {
  const out: DayNum[] = [];
  const first = ymd(start);
  for (let m = dayNumOf(first.year, first.month, 1); m <= end; m = addMonths(m, 1)) out.push(m);
  return out;
}

function dayNumOf(year: number, month: number, day: number): DayNum {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/**
 * Series a person makes by hand or that hide among other rows of the same memo (GenerateOptions.extraSeries):
 * a monthly transfer to a parent on varying days (± 3 days around one day of month, any weekday) that is larger in
 * 설/추석 months; club dues paid by hand (± 2 days); a three-month subscription billed under a busy shop memo (two of
 * them); and a yearly plan under a payment-app memo that also carries monthly subscriptions.
 */
function handMadeSeries(c: SeriesContext, rng: Rng): SeriesDef[] {
  const { start, end } = c;
  const jittered = (dom: number, spread: number): DayNum[] =>
    monthStarts(start, end)
      .map((m) => m + dom - 1 + rng.int(-spread, spread))
      .filter((d) => d >= start && d <= end);
  const parentDom = rng.int(5, 24);
  const parentBase = rng.int(2, 5) * 100_000;
  const parentBonus = rng.int(2, 3) * 100_000;
  const duesDom = rng.int(4, 25);
  const shortFrom = addMonths(start, Math.floor(c.months / 3));
  const shortFrom2 = addMonths(start, Math.floor((2 * c.months) / 3));
  const three = (from: DayNum, dom: number): DayNum[] => monthlyDays(from, end, dom, 'none').slice(0, 3);
  const yearly = ymd(start + 20 + rng.int(0, 300));
  const parent = c.holder.charAt(0) + rng.pick(['영숙', '정희', '순자', '미경']);
  const defs: SeriesDef[] = [
    {
      id: 'parent-allowance', account: 0, memo: parent, incoming: false, cadence: 'monthly', category: 'transfer',
      tranType: '모바일', branch: '', active: true, days: jittered(parentDom, 3),
      amount: (_i, day) => {
        const { year, month } = ymd(day);
        return parentBase + (LUNAR_HOLIDAY_MONTHS[year]?.includes(month) ? parentBonus : 0);
      },
      hours: [19, 23],
    },
    {
      id: 'club-dues', account: c.accounts >= 2 ? 1 : 0, memo: '독서모임회비', incoming: false, cadence: 'monthly',
      category: 'transfer', tranType: '인터넷', branch: '', active: true, days: jittered(duesDom, 2),
      amount: () => 30_000, hours: [12, 23],
    },
    {
      id: 'oliveyoung-3m', account: 0, memo: '올리브영', incoming: false, cadence: 'monthly', category: 'beauty',
      tranType: '체크카드', branch: '', active: false, days: three(shortFrom, rng.int(3, 26)), amount: () => 29_900,
      hours: [10, 21],
    },
    {
      id: 'coupang-3m', account: 0, memo: '쿠팡(주)', incoming: false, cadence: 'monthly', category: 'shopping',
      tranType: '체크카드', branch: '', active: false, days: three(shortFrom2, rng.int(3, 26)), amount: () => 14_900,
      hours: [0, 4],
    },
    {
      // A yearly plan billed through the payment app that also bills two monthly subscriptions.
      id: 'naverpay-yearly', account: 0, memo: '네이버페이', incoming: false, cadence: 'yearly', category: 'uncategorized',
      tranType: '체크카드', branch: '', active: true, days: yearlyDays(start, end, yearly.month, Math.min(yearly.day, 28), 'none'),
      amount: () => 49_000, hours: [0, 3],
    },
  ];
  return defs;
}
