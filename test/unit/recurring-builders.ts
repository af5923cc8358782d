// Tiny builders for recurring-detection tests: calendar series with business-day shifts, and seeded noise.

import { addMonths, daysInMonth, formatIsoDay, nextBusinessDay, parseIsoDay, previousBusinessDay } from '../../src/domain/dates.js';
import { normalizeMemo, type RecurringInput, type RecurringSeries } from '../../src/domain/recurring.js';
import type { TruthSeries } from '../../src/sandbox/generator.js';

export type Move = 'later' | 'earlier' | 'none';

export function txn(date: string, amount: number, memo: string, extra: Partial<RecurringInput> = {}): RecurringInput {
  return { account: 'acc-1', date, direction: 'out', amount, memo, ...extra };
}

function move(iso: string, how: Move): string {
  return how === 'later' ? nextBusinessDay(iso) : how === 'earlier' ? previousBusinessDay(iso) : iso;
}

/** Monthly on day `dom` (clamped to short months) from month 'YYYY-MM', moved off non-business days. */
export function monthly(
  memo: string,
  dom: number,
  fromMonth: string,
  count: number,
  amount: number | ((k: number) => number),
  how: Move = 'later',
  extra: Partial<RecurringInput> = {},
): RecurringInput[] {
  const out: RecurringInput[] = [];
  for (let k = 0; k < count; k++) {
    const first = addMonths(`${fromMonth}-01`, k);
    const year = Number(first.slice(0, 4));
    const month = Number(first.slice(5, 7));
    const nominal = `${first.slice(0, 8)}${String(Math.min(dom, daysInMonth(year, month))).padStart(2, '0')}`;
    out.push(txn(move(nominal, how), typeof amount === 'number' ? amount : amount(k), memo, extra));
  }
  return out;
}

/** Every `everyDays` days from `from`, moved off non-business days. */
export function everyNDays(
  memo: string,
  from: string,
  everyDays: number,
  count: number,
  amount: number,
  how: Move = 'later',
  extra: Partial<RecurringInput> = {},
): RecurringInput[] {
  const start = parseIsoDay(from);
  return Array.from({ length: count }, (_, k) => txn(move(formatIsoDay(start + k * everyDays), how), amount, memo, extra));
}

/** Deterministic PRNG (mulberry32) so noise tests fail the same way every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function between(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** Scoring against the generator's truth: same account, direction and memo, last occurrence within 10 days. */
export function sameSeries(t: TruthSeries, f: RecurringSeries): boolean {
  return (
    t.account === f.account &&
    t.direction === f.direction &&
    normalizeMemo(t.memo) === normalizeMemo(f.memo) &&
    Math.abs(Date.parse(t.last) - Date.parse(f.lastDate)) <= 10 * 86_400_000
  );
}
