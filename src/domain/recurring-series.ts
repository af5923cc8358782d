// Turns a chosen chain into the reported series: amounts, dates, the next expected date moved the way the history
// moves, whether it is still active, and its category.

import { formatIsoDay, isBusinessDayNumber, rollBackward, rollForward } from './dates.js';
import type { Chain } from './recurring-chains.js';
import { dayInMonthIndex } from './recurring-calendar.js';
import { expectedAmount, lastPriceChange } from './fixed-amounts.js';
import { isFixedAmount } from './recurring-select.js';
import { HALF_PERIOD_DAYS, type RecurringInput, type RecurringSeries } from './recurring-types.js';

export interface SeriesContext {
  txns: readonly RecurringInput[];
  /** day numbers by input index */
  days: Int32Array;
  account: string;
  direction: 'in' | 'out';
  memo: string;
  today: number;
}

/** `indices` are input indices of the chain's members, in date order. */
export function seriesFromChain(chain: Chain, indices: readonly number[], ctx: SeriesContext): RecurringSeries {
  const { txns, days } = ctx;
  const amounts = indices.map((i) => txns[i]!.amount);
  const dayList = indices.map((i) => days[i]!);
  const kind = isFixedAmount(amounts) ? 'fixed' : 'varying';
  const nominal = nextNominal(chain);
  const next = moveLikeHistory(nominal, chain, dayList);
  const series: RecurringSeries = {
    memo: ctx.memo,
    account: ctx.account,
    direction: ctx.direction,
    cadence: chain.cadence,
    count: indices.length,
    averageAmount: Math.round(amounts.reduce((s, a) => s + a, 0) / amounts.length),
    lastAmount: amounts[amounts.length - 1]!,
    firstDate: formatIsoDay(dayList[0]!),
    lastDate: formatIsoDay(dayList[dayList.length - 1]!),
    nextDate: formatIsoDay(next),
    active: !(ctx.today > next + HALF_PERIOD_DAYS[chain.cadence]),
    category: mostCommonCategory(indices.map((i) => txns[i]!.category)),
    intervalStdDays: intervalStd(dayList),
    amountKind: kind,
    expectedAmount: expectedAmount(amounts, kind),
    roll: rollOf(chain, dayList),
  };
  const change = lastPriceChange(amounts, dayList.map(formatIsoDay), kind);
  if (change) series.priceChange = change;
  if (chain.family !== 'week') series.dayOfMonth = chain.phase === 31 ? 'last' : chain.phase;
  return series;
}

function nextNominal(chain: Chain): number {
  const slot = chain.slots[chain.slots.length - 1]! + chain.step;
  if (chain.family !== 'week') return dayInMonthIndex(slot, chain.phase);
  // week slots are Monday-based: Monday of week w is day 7w − 3
  return 7 * slot - 3 + ((chain.phase + 6) % 7);
}

/** Earlier for series that moved earlier (salaries); unmoved for series seen on non-business days; else later. */
function rollOf(chain: Chain, dayList: readonly number[]): 'backward' | 'none' | 'forward' {
  // made by hand: expected on its usual day, whatever the weekday
  if (chain.family === 'band') return 'none';
  if (chain.dir < 0) return 'backward';
  if (chain.dir === 0 && dayList.some((d) => !isBusinessDayNumber(d))) return 'none';
  return 'forward';
}

function moveLikeHistory(nominal: number, chain: Chain, dayList: readonly number[]): number {
  const roll = rollOf(chain, dayList);
  return roll === 'backward' ? rollBackward(nominal) : roll === 'none' ? nominal : rollForward(nominal);
}

/** The most frequent category (ties: alphabetically first), 'uncategorized' when none is set. */
export function mostCommonCategory(categories: readonly (string | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const c of categories) if (c !== undefined && c !== '') counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = 'uncategorized';
  let bestCount = 0;
  for (const [c, n] of counts) {
    if (n > bestCount || (n === bestCount && c < best)) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** Population standard deviation of the day gaps, rounded to 2 decimals. */
export function intervalStd(dayList: readonly number[]): number {
  if (dayList.length < 3) return 0;
  const gaps: number[] = [];
  for (let i = 1; i < dayList.length; i++) gaps.push(dayList[i]! - dayList[i - 1]!);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length;
  return Math.round(Math.sqrt(variance) * 100) / 100;
}

export function compareSeries(a: RecurringSeries, b: RecurringSeries): number {
  return (
    cmp(a.nextDate, b.nextDate) ||
    cmp(a.memo, b.memo) ||
    cmp(a.account, b.account) ||
    cmp(a.direction, b.direction) ||
    cmp(a.firstDate, b.firstDate) ||
    a.averageAmount - b.averageAmount
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
