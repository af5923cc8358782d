// Chooses which candidate chains of one group are real series: longest first, no transaction in two series, and
// only chains that chance cannot explain given how many similar-amount transactions the group has besides them.

import type { Chain } from './recurring-chains.js';
import { isLunarHolidayMonth, monthIndexOf } from './recurring-calendar.js';
import { HALF_PERIOD_DAYS, type Cadence } from './recurring-types.js';

const PERIOD_DAYS: Readonly<Record<Cadence, number>> = {
  weekly: 7,
  biweekly: 14,
  monthly: 30.44,
  quarterly: 91.31,
  yearly: 365.25,
};

/** How many distinct calendar patterns a cadence could have matched by luck (weekdays, days of month …). */
const PATTERNS: Readonly<Record<Cadence, number>> = { weekly: 7, biweekly: 14, monthly: 31, quarterly: 93, yearly: 366 };

const CADENCE_ORDER: Readonly<Record<Cadence, number>> = { weekly: 0, biweekly: 1, monthly: 2, quarterly: 3, yearly: 4 };

/** Days a matching transaction may sit in for one nominal date (the date, or the business day it moves to). */
const MATCH_WINDOW_DAYS = 2;

/**
 * Hand-made series (family 'band') may sit anywhere within ± BAND_DAYS of their day of month, so luck has that many
 * more days to hit: the chance test widens its window to match, which is what keeps it as strict as before.
 */
export const BAND_DAYS = 3;

/**
 * Accept a chain when the expected number of equally good chance matches in its group is below this; low because
 * a history holds thousands of groups.
 */
const CHANCE_LIMIT = 1e-4;

/** At most this many similar-amount extra transactions per period inside a series' span. */
const EXTRAS_PER_PERIOD = 1;

/** 'fixed': one amount throughout, or (with ≥4 occurrences) a single price change. */
export function isFixedAmount(amounts: readonly number[]): boolean {
  let changes = 0;
  for (let i = 1; i < amounts.length; i++) if (amounts[i] !== amounts[i - 1]) changes++;
  return fixedFromChanges(changes, amounts.length);
}

/**
 * Weekly debits move only around holidays; a "weekly on Saturday" chain made of Friday/Monday moves is an artefact
 * of the wide window a weekend gives, so week-family chains may be moved at most a quarter of the time.
 */
function plausibleMoves(chain: Chain): boolean {
  if (chain.family !== 'week') return true;
  return chain.moved <= Math.max(1, Math.floor(chain.members.length / 4));
}

/** `used` marks rows already in a chosen series (filled in as chains are chosen), so a second pass can go on. */
export function selectChains(
  chains: Chain[],
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  used: Uint8Array = new Uint8Array(days.length),
): Chain[] {
  // A chain that fails on its own (implausible moves, few wildly different amounts, a hand-made one without one
  // amount) fails whatever else is chosen: it is left out before the sort, which leaves the others' order as it was.
  const open: Chain[] = [];
  for (const c of chains) if (plausibleMoves(c) && !failsAlone(c, days, amounts)) open.push(c);
  // longest first, then fewest misses, fewest moves, cadence, phase, first slot; ties keep their order (stable)
  const k = open.length;
  const length = new Float64Array(k);
  const misses = new Float64Array(k);
  const moved = new Float64Array(k);
  const cadence = new Float64Array(k);
  const phase = new Float64Array(k);
  const first = new Float64Array(k);
  const order: number[] = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const c = open[i]!;
    length[i] = c.members.length;
    misses[i] = c.misses;
    moved[i] = c.moved;
    cadence[i] = CADENCE_ORDER[c.cadence];
    phase[i] = c.phase;
    first[i] = c.slots[0]!;
    order[i] = i;
  }
  order.sort(
    (a, b) =>
      length[b]! - length[a]! ||
      misses[a]! - misses[b]! ||
      moved[a]! - moved[b]! ||
      cadence[a]! - cadence[b]! ||
      phase[a]! - phase[b]! ||
      first[a]! - first[b]!,
  );
  const mark = new Uint8Array(days.length);
  const chosen: Chain[] = [];
  for (let o = 0; o < k; o++) {
    const chain = open[order[o]!]!;
    const members = chain.members;
    let free = true;
    for (let m = 0; m < members.length && free; m++) if (used[members[m]!] === 1) free = false;
    if (!free) continue;
    for (const p of members) mark[p] = 1;
    const ok = unlikelyByChance(chain, days, amounts, used, mark);
    for (const p of members) mark[p] = 0;
    if (!ok) continue;
    for (const p of members) used[p] = 1;
    chosen.push(chain);
  }
  return chosen;
}

/**
 * The chance test's verdicts that need nothing but the chain: few occurrences with wildly different amounts are more
 * likely a coincidence than a bill, and a hand-made series keeps one amount outside the 설/추석 months (a gift on top
 * then), or it is not a series.
 */
function failsAlone(chain: Chain, days: ArrayLike<number>, amounts: ArrayLike<number>): boolean {
  const members = chain.members;
  const count = members.length;
  let min = Infinity;
  let max = -Infinity;
  for (let m = 0; m < count; m++) {
    const a = amounts[members[m]!]!;
    if (a < min) min = a;
    if (a > max) max = a;
  }
  if (count <= 3 && max > min * 1.5) return true;
  if (chain.family !== 'band') return false;
  // isFixedAmount over the amounts outside the holiday months, without building the list
  let n = 0;
  let changes = 0;
  let previous = 0;
  for (let m = 0; m < count; m++) {
    const p = members[m]!;
    if (isLunarHolidayMonth(monthIndexOf(days[p]!))) continue;
    const a = amounts[p]!;
    if (n > 0 && a !== previous) changes++;
    previous = a;
    n++;
  }
  return !fixedFromChanges(changes, n);
}

/**
 * Counts the group's other transactions whose amount resembles the chain's ("extras"). A chain is kept when the
 * extras are sparse inside its span and when matching its calendar pattern this many times by luck is improbable.
 */
function unlikelyByChance(
  chain: Chain,
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  used: Uint8Array,
  mark: Uint8Array,
): boolean {
  const members = chain.members;
  const count = members.length;
  const band = chain.family === 'band';
  // (chains that fail on their own never get here: selectChains leaves them out, see failsAlone)
  let min = Infinity;
  let max = -Infinity;
  let changes = 0;
  for (let m = 0; m < count; m++) {
    const a = amounts[members[m]!]!;
    if (a < min) min = a;
    if (a > max) max = a;
    if (m > 0 && a !== amounts[members[m - 1]!]) changes++;
  }
  // isFixedAmount of the chain's amounts
  const fixed = fixedFromChanges(changes, count);
  const exact = min === max;
  const lo = fixed ? min * 0.97 : min * 0.75;
  const hi = fixed ? max * 1.03 : max * 1.33;
  const half = HALF_PERIOD_DAYS[chain.cadence];
  const spanFrom = days[chain.members[0]!]! - half;
  const spanTo = days[chain.members[count - 1]!]! + half;
  const periods = count + chain.misses;
  const limit = periods * EXTRAS_PER_PERIOD;

  const n = days.length;
  const first = lowerBound(days, spanFrom);
  const end = lowerBound(days, spanTo + 1);
  let inSpan = 0;
  // Rows of series already chosen are explained: they are no one's luck, so they count neither as extras nor below.
  let spanOthers = 0;
  for (let j = first; j < end; j++) {
    if (mark[j] === 1 || used[j] === 1) continue;
    spanOthers++;
    const a = amounts[j]!;
    if (a >= lo && a <= hi && ++inSpan > limit) return false;
  }
  // Null hypothesis: the group's other (unexplained) transactions fell on random days. A chance chain needs `count`
  // of them on the pattern's dates *and* in one amount band; it could have formed on any of ~1/share amount bands.
  // (the share of other transactions in the band, with one pseudo-count so an empty band is not "impossible")
  let others = 0;
  let inBand = 1;
  let same = 0;
  let otherMin = Infinity;
  let otherMax = -Infinity;
  for (let j = 0; j < n; j++) {
    if (mark[j] === 1 || used[j] === 1) continue;
    others++;
    const a = amounts[j]!;
    if (a >= lo && a <= hi) inBand++;
    if (a === min) same++;
    if (a < otherMin) otherMin = a;
    if (a > otherMax) otherMax = a;
  }
  if (others === 0) return true;
  let share = inBand / (others + 1);
  let bands = 1 / share;
  if (exact) {
    // One exact amount every time: luck must hit that very price, not just the band. The pseudo-count is spread over
    // the prices the band holds on the memo's price grid (29,900 → steps of 100), and luck is never rarer than one
    // price among all the grid's prices the other rows span; luck could pick any amount the other rows actually have.
    const step = Math.max(granularity(min), priceGrid(amounts));
    const exactShare = Math.max(
      (same + Math.min(1, step / Math.max(step, hi - lo))) / (others + 1),
      step / (otherMax - otherMin + step),
    );
    if (exactShare < share) {
      share = exactShare;
      bands = Math.min(1 / share, others + 1);
    }
  }
  const groupDays = Math.max(1, days[n - 1]! - days[0]! + 1);
  const density = Math.max(spanOthers / (spanTo - spanFrom + 1), others / groupDays);
  const window = band ? 2 * BAND_DAYS + 1 : MATCH_WINDOW_DAYS;
  // Rows of the band arrive at density × share a day; a period's window holds at least one of them with this chance.
  const pSlot = 1 - Math.exp(-density * window * share);
  const groupPeriods = Math.max(1, Math.round(groupDays / PERIOD_DAYS[chain.cadence]));
  const logTrials = Math.log(PATTERNS[chain.cadence] * groupPeriods * bands) + logChoose(periods, chain.misses);
  return count * Math.log(pSlot) + logTrials < Math.log(CHANCE_LIMIT);
}

const GRID_STEPS = [100_000, 50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10, 5, 1];

/** The coarsest price grid every amount of the group lies on (all multiples of 500 → 500). */
export function priceGrid(amounts: ArrayLike<number>): number {
  for (const step of GRID_STEPS) {
    let all = true;
    for (let j = 0; j < amounts.length && all; j++) if (amounts[j]! % step !== 0) all = false;
    if (all) return step;
  }
  return 1;
}

/** The price step an amount is written in: 29,900 → 100, 50,000 → 10,000, 13,500 → 100. */
export function granularity(amount: number): number {
  let step = 1;
  while (step < 1_000_000 && amount % (step * 10) === 0) step *= 10;
  return step;
}

/** log of the binomial coefficient C(n, k): the ways `k` missed periods can sit among `n`. */
export function logChoose(n: number, k: number): number {
  let v = 0;
  for (let i = 0; i < k; i++) v += Math.log((n - i) / (i + 1));
  return v;
}

function lowerBound(days: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** isFixedAmount's rule from its counts: one amount, or one price change among at least four payments. */
function fixedFromChanges(changes: number, count: number): boolean {
  return changes === 0 || (changes === 1 && count >= 4);
}
