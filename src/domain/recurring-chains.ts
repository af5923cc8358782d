// Calendar pattern matching: every transaction proposes the nominal dates it could be an occurrence of (its own
// day, or a weekend/holiday day it was moved from or to), and runs of consecutive periods with one match each become
// candidate chains (monthly on day D, weekly on a weekday, and their quarterly/yearly/biweekly variants).

import { weekdayOfDay } from './dates.js';
import { domOf, isBusiness, isLunarHolidayMonth, isMonthEnd, monthIndexOf, weekIndexOf } from './recurring-calendar.js';
import { BAND_DAYS } from './recurring-select.js';
import type { Cadence } from './recurring-types.js';

/** 'band': monthly by hand, on any day within ± BAND_DAYS of one day of month (no business-day rule). */
export type Family = 'month' | 'week' | 'band';

export interface Chain {
  cadence: Cadence;
  family: Family;
  /** day of month 1–31 (31 = month end) for the month family; weekday 0–6 (Sunday = 0) for the week family */
  phase: number;
  /** periods between occurrences, in slots (months or weeks) */
  step: number;
  /** slot (month index or week index) of each member */
  slots: number[];
  /** positions of the members in the group, in date order */
  members: number[];
  /** how each member was moved off its nominal date: 0 not moved, +1 to a later, −1 to an earlier business day */
  shifts: number[];
  /** empty periods inside the chain */
  misses: number;
  /** members moved off their nominal date */
  moved: number;
  /** −1 when the series moves earlier (salaries), +1 when it moves later, 0 when never moved */
  dir: number;
}

/** Longest run of non-business days a payment can be moved across (추석 + 개천절 + 한글날 spans reach 7). */
const MAX_SHIFT = 10;

/** Candidate nominal dates per phase: parallel arrays of slot, group position and shift. */
export class PhaseBuckets {
  readonly slot: number[][] = [];
  readonly pos: number[][] = [];
  readonly shift: number[][] = [];
  constructor(phases: number) {
    for (let i = 0; i < phases; i++) {
      this.slot.push([]);
      this.pos.push([]);
      this.shift.push([]);
    }
  }
  clear(): void {
    for (let i = 0; i < this.slot.length; i++) {
      this.slot[i]!.length = 0;
      this.pos[i]!.length = 0;
      this.shift[i]!.length = 0;
    }
  }
  push(phase: number, slot: number, pos: number, shift: number): void {
    this.slot[phase]!.push(slot);
    this.pos[phase]!.push(pos);
    this.shift[phase]!.push(shift);
  }
}

/**
 * Fills band buckets for one group, leaving out rows already in a series: phase = the day of month a hand-made
 * payment is near (every day within ± BAND_DAYS of its own, in its own month). A band entry's shift is its offset's
 * sign, so a chain counts how often it was off its day.
 */
export function fillBand(days: ArrayLike<number>, amounts: ArrayLike<number>, band: PhaseBuckets, skip: Uint8Array): void {
  band.clear();
  // A hand-made series keeps one amount (bar 설/추석 months and one price change), so a row whose amount no other
  // row repeats can only belong to one in a holiday month: the rest are left out, which keeps busy groups cheap.
  const seen = new Map<number, number>();
  for (let i = 0; i < days.length; i++) if (skip[i] !== 1) seen.set(amounts[i]!, (seen.get(amounts[i]!) ?? 0) + 1);
  for (let i = 0; i < days.length; i++) {
    if (skip[i] === 1) continue;
    const t = days[i]!;
    if (seen.get(amounts[i]!)! < 2 && !isLunarHolidayMonth(monthIndexOf(t))) continue;
    const dom = domOf(t);
    const m = monthIndexOf(t);
    for (let d = Math.max(1, dom - BAND_DAYS); d <= Math.min(31, dom + BAND_DAYS); d++) band.push(d, m, i, Math.sign(dom - d));
  }
}

/** Fills month buckets (phase = day of month, 32 phases) and week buckets (phase = weekday, 7) for one group. */
export function fillBuckets(days: ArrayLike<number>, month: PhaseBuckets, week: PhaseBuckets): void {
  month.clear();
  week.clear();
  for (let i = 0; i < days.length; i++) {
    const t = days[i]!;
    emit(t, i, 0, month, week);
    if (!isBusiness(t)) continue;
    for (let p = t - 1, k = 0; k < MAX_SHIFT && !isBusiness(p); p--, k++) emit(p, i, 1, month, week);
    for (let q = t + 1, k = 0; k < MAX_SHIFT && !isBusiness(q); q++, k++) emit(q, i, -1, month, week);
  }
}

function emit(nominal: number, pos: number, shift: number, month: PhaseBuckets, week: PhaseBuckets): void {
  const dom = domOf(nominal);
  const m = monthIndexOf(nominal);
  month.push(dom, m, pos, shift);
  // a month's last day is also day 29–31 clamped, so a "31st" series matches 30 April and 28 February
  if (isMonthEnd(nominal)) for (let d = dom + 1; d <= 31; d++) month.push(d, m, pos, shift);
  week.push(weekdayOfDay(nominal), weekIndexOf(nominal), pos, shift);
}

/** Cadences by family, with their step in slots and the minimum occurrences for a series. */
export const CADENCES: readonly { cadence: Cadence; family: Family; step: number; minCount: number }[] = [
  { cadence: 'weekly', family: 'week', step: 1, minCount: 3 },
  { cadence: 'biweekly', family: 'week', step: 2, minCount: 3 },
  { cadence: 'monthly', family: 'month', step: 1, minCount: 3 },
  { cadence: 'quarterly', family: 'month', step: 3, minCount: 3 },
  { cadence: 'yearly', family: 'month', step: 12, minCount: 2 },
];

/** Monthly by hand (family 'band'): a wider window needs more occurrences before luck is ruled out. */
export const BAND_CADENCE: (typeof CADENCES)[number] = { cadence: 'monthly', family: 'band', step: 1, minCount: 4 };

/** Missed periods are tolerated only in long chains: at most one per six occurrences, never two in a row. */
function missesAllowed(count: number, misses: number, step: number): boolean {
  return misses === 0 || (step < 12 && count >= 6 && misses * 6 <= count);
}

/**
 * Appends to `out` the chains of one phase at one cadence. Within a period with several candidates it keeps the
 * one whose shift agrees with the chain and whose amount is closest to the previous occurrence's.
 */
export function buildChains(
  buckets: PhaseBuckets,
  phase: number,
  spec: (typeof CADENCES)[number],
  amounts: ArrayLike<number>,
  out: Chain[],
): void {
  const slots = buckets.slot[phase]!;
  const n = slots.length;
  if (n < spec.minCount) return;
  const pos = buckets.pos[phase]!;
  const shifts = buckets.shift[phase]!;
  const order = slotOrder(slots, pos);
  const { step } = spec;
  // one open chain per residue class (slot mod step): quarterly has 3 interleaved phases, yearly 12
  const open: (Chain | undefined)[] = new Array<Chain | undefined>(step).fill(undefined);
  let i = 0;
  while (i < n) {
    const slot = slots[order === undefined ? i : order[i]!]!;
    let j = i + 1;
    while (j < n && slots[order === undefined ? j : order[j]!] === slot) j++;
    const r = ((slot % step) + step) % step;
    const cur = open[r];
    const gap = cur === undefined ? 0 : slot - cur.slots[cur.slots.length - 1]!;
    const follows = cur !== undefined && (gap === step || (gap === 2 * step && step < 12));
    const pick = choose(i, j, order, pos, shifts, amounts, follows ? cur : undefined);
    if (follows && pick >= 0) {
      append(cur!, slot, pos[pick]!, shifts[pick]!, gap > step);
    } else {
      if (cur !== undefined) finish(cur, spec.minCount, out, amounts);
      const first = pick >= 0 ? pick : choose(i, j, order, pos, shifts, amounts, undefined);
      open[r] = start(spec, phase, slot, pos[first]!, shifts[first]!);
    }
    i = j;
  }
  for (const cur of open) if (cur !== undefined) finish(cur, spec.minCount, out, amounts);
}

/** Entry order sorted by (slot, position), or undefined when the buckets are already in that order. */
function slotOrder(slots: number[], pos: number[]): number[] | undefined {
  for (let i = 1; i < slots.length; i++) {
    if (slots[i]! < slots[i - 1]!) return sortedOrder(slots, pos);
  }
  return undefined;
}

/**
 * Buckets come nearly sorted (a row proposes dates at most MAX_SHIFT days from its own, so only long holiday runs
 * put a week out of order): an insertion sort costs little more than one pass. Insertion sort is stable like
 * Array.prototype.sort, so both give the same order; a badly shuffled bucket falls back to the library sort.
 */
function sortedOrder(slots: number[], pos: number[]): number[] {
  const n = slots.length;
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) order[k] = k;
  let budget = 8 * n + 64;
  for (let i = 1; i < n; i++) {
    const k = order[i]!;
    const s = slots[k]!;
    const p = pos[k]!;
    let j = i - 1;
    while (j >= 0) {
      const o = order[j]!;
      if (slots[o]! < s || (slots[o] === s && pos[o]! <= p)) break;
      order[j + 1] = o;
      j--;
    }
    order[j + 1] = k;
    budget -= i - 1 - j;
    if (budget < 0) {
      for (let m = 0; m < n; m++) order[m] = m;
      order.sort((a, b) => slots[a]! - slots[b]! || pos[a]! - pos[b]!);
      return order;
    }
  }
  return order;
}

function choose(
  from: number,
  to: number,
  order: number[] | undefined,
  pos: number[],
  shifts: number[],
  amounts: ArrayLike<number>,
  chain: Chain | undefined,
): number {
  if (chain === undefined) {
    // A new chain starts on an unmoved candidate when there is one: a Friday purchase moved onto Saturday must not
    // open the chain that Saturday's own payment belongs to.
    for (let i = from; i < to; i++) {
      const k = order === undefined ? i : order[i]!;
      if (shifts[k] === 0) return k;
    }
    return order === undefined ? from : order[from]!;
  }
  const lastAmount = amounts[chain.members[chain.members.length - 1]!]!;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = from; i < to; i++) {
    const k = order === undefined ? i : order[i]!;
    const s = shifts[k]!;
    // a hand-made series may be early one month and late the next; a business-day move keeps one direction
    if (chain.family !== 'band' && s !== 0 && chain.dir !== 0 && s !== chain.dir) continue;
    if (pos[k]! <= chain.members[chain.members.length - 1]!) continue;
    const d = Math.abs(Math.log((amounts[pos[k]!]! + 1) / (lastAmount + 1)));
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

function start(spec: (typeof CADENCES)[number], phase: number, slot: number, pos: number, shift: number): Chain {
  const { cadence, family, step } = spec;
  return { cadence, family, phase, step, slots: [slot], members: [pos], shifts: [shift], misses: 0, moved: shift === 0 ? 0 : 1, dir: shift };
}

function append(chain: Chain, slot: number, pos: number, shift: number, missed: boolean): void {
  chain.slots.push(slot);
  chain.members.push(pos);
  chain.shifts.push(shift);
  if (missed) chain.misses++;
  if (shift !== 0) chain.moved++;
  if (chain.dir === 0) chain.dir = shift;
}

/**
 * Keeps a finished chain if long enough; one with too many misses is cut at its gaps instead. Each kept chain also
 * offers its runs of one exact amount as candidates of their own: a three-month subscription under a busy shop memo
 * sits inside a chain that luck extended with that shop's purchases on the same day of other months.
 */
function finish(chain: Chain, minCount: number, out: Chain[], amounts: ArrayLike<number>): void {
  const count = chain.members.length;
  if (missesAllowed(count, chain.misses, chain.step)) {
    if (count >= minCount) keep(chain, minCount, out, amounts);
    return;
  }
  let from = 0;
  for (let i = 1; i <= count; i++) {
    if (i === count || chain.slots[i]! - chain.slots[i - 1]! !== chain.step) {
      if (i - from >= minCount) keep(slice(chain, from, i), minCount, out, amounts);
      from = i;
    }
  }
}

function keep(chain: Chain, minCount: number, out: Chain[], amounts: ArrayLike<number>): void {
  out.push(chain);
  const count = chain.members.length;
  let from = 0;
  for (let i = 1; i <= count; i++) {
    const ends =
      i === count ||
      amounts[chain.members[i]!] !== amounts[chain.members[from]!] ||
      chain.slots[i]! - chain.slots[i - 1]! !== chain.step;
    if (!ends) continue;
    if (i - from >= minCount && i - from < count) out.push(slice(chain, from, i));
    from = i;
  }
}

function slice(chain: Chain, from: number, to: number): Chain {
  const shifts = chain.shifts.slice(from, to);
  return {
    ...chain,
    slots: chain.slots.slice(from, to),
    members: chain.members.slice(from, to),
    shifts,
    misses: 0,
    moved: shifts.filter((s) => s !== 0).length,
    dir: shifts.find((s) => s !== 0) ?? 0,
  };
}
