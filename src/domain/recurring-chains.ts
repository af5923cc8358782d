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

/**
 * Candidate nominal dates per phase: parallel arrays of slot, group position and shift. The storage is kept from one
 * group to the next and only grows, so filling a million rows' candidates allocates nothing once warm.
 */
export class PhaseBuckets {
  /** entries held per phase */
  readonly count: Int32Array;
  readonly slots: Int32Array[] = [];
  readonly positions: Int32Array[] = [];
  readonly shifts: Int8Array[] = [];
  constructor(phases: number) {
    this.count = new Int32Array(phases);
    for (let i = 0; i < phases; i++) {
      this.slots.push(new Int32Array(16));
      this.positions.push(new Int32Array(16));
      this.shifts.push(new Int8Array(16));
    }
  }
  /** The entries of each phase as views (for reading; the detector reads the storage above). */
  get slot(): Int32Array[] {
    return this.slots.map((a, p) => a.subarray(0, this.count[p]));
  }
  get pos(): Int32Array[] {
    return this.positions.map((a, p) => a.subarray(0, this.count[p]));
  }
  get shift(): Int8Array[] {
    return this.shifts.map((a, p) => a.subarray(0, this.count[p]));
  }
  clear(): void {
    this.count.fill(0);
  }
  push(phase: number, slot: number, pos: number, shift: number): void {
    const k = this.count[phase]!;
    if (k === this.slots[phase]!.length) this.grow(phase);
    this.slots[phase]![k] = slot;
    this.positions[phase]![k] = pos;
    this.shifts[phase]![k] = shift;
    this.count[phase] = k + 1;
  }
  private grow(phase: number): void {
    const size = this.slots[phase]!.length * 2;
    const slots = new Int32Array(size);
    slots.set(this.slots[phase]!);
    this.slots[phase] = slots;
    const positions = new Int32Array(size);
    positions.set(this.positions[phase]!);
    this.positions[phase] = positions;
    const shifts = new Int8Array(size);
    shifts.set(this.shifts[phase]!);
    this.shifts[phase] = shifts;
  }
  /**
   * Puts one phase's entries in slot order as a stable sort would: (slot, position) order, since every fill adds rows in
   * position order. Buckets come nearly sorted (a row proposes dates at most MAX_SHIFT days from its own, so only long
   * holiday runs put a week out of order): an insertion sort costs little more than one pass; a badly shuffled phase
   * falls back to the library's (stable) sort. Entries in slot order are left as filled.
   */
  sortPhase(phase: number): void {
    const n = this.count[phase]!;
    const slots = this.slots[phase]!;
    let i = 1;
    while (i < n && slots[i]! >= slots[i - 1]!) i++;
    if (i >= n) return;
    const pos = this.positions[phase]!;
    const shifts = this.shifts[phase]!;
    let budget = 8 * n + 64;
    for (; i < n; i++) {
      const s = slots[i]!;
      const p = pos[i]!;
      const h = shifts[i]!;
      let j = i - 1;
      while (j >= 0 && (slots[j]! > s || (slots[j] === s && pos[j]! > p))) {
        slots[j + 1] = slots[j]!;
        pos[j + 1] = pos[j]!;
        shifts[j + 1] = shifts[j]!;
        j--;
      }
      slots[j + 1] = s;
      pos[j + 1] = p;
      shifts[j + 1] = h;
      budget -= i - 1 - j;
      if (budget < 0) {
        // (the sorted prefix kept equal entries in fill order, so a stable sort from here ends where it would have)
        const order = Array.from({ length: n }, (_, k) => k);
        order.sort((a, b) => slots[a]! - slots[b]! || pos[a]! - pos[b]!);
        const [s0, p0, h0] = [slots.slice(0, n), pos.slice(0, n), shifts.slice(0, n)];
        for (let k = 0; k < n; k++) {
          slots[k] = s0[order[k]!]!;
          pos[k] = p0[order[k]!]!;
          shifts[k] = h0[order[k]!]!;
        }
        return;
      }
    }
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
 * The chain being grown in one residue class, in storage reused from chain to chain: most chains end after a period
 * or two, so a Chain object is made only for one that is kept.
 */
class OpenChain {
  len = 0;
  misses = 0;
  moved = 0;
  dir = 0;
  readonly slots: number[] = [];
  readonly members: number[] = [];
  readonly shifts: number[] = [];
  start(slot: number, pos: number, shift: number): void {
    this.len = 0;
    this.misses = 0;
    this.moved = 0;
    this.dir = shift;
    this.add(slot, pos, shift);
  }
  append(slot: number, pos: number, shift: number, missed: boolean): void {
    if (missed) this.misses++;
    if (this.dir === 0) this.dir = shift;
    this.add(slot, pos, shift);
  }
  private add(slot: number, pos: number, shift: number): void {
    const k = this.len++;
    this.slots[k] = slot;
    this.members[k] = pos;
    this.shifts[k] = shift;
    if (shift !== 0) this.moved++;
  }
}

/** One OpenChain per residue class of the longest step (12), reused by every call. */
const OPEN: OpenChain[] = Array.from({ length: 12 }, () => new OpenChain());

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
  const n = buckets.count[phase]!;
  if (n < spec.minCount) return;
  buckets.sortPhase(phase);
  const slots = buckets.slots[phase]!;
  const pos = buckets.positions[phase]!;
  const shifts = buckets.shifts[phase]!;
  const { step } = spec;
  const band = spec.family === 'band';
  // one open chain per residue class (slot mod step): quarterly has 3 interleaved phases, yearly 12
  const open = OPEN;
  for (let r = 0; r < step; r++) open[r]!.len = 0;
  let i = 0;
  while (i < n) {
    const slot = slots[i]!;
    let j = i + 1;
    while (j < n && slots[j] === slot) j++;
    let r = 0;
    if (step !== 1) {
      r = slot % step;
      if (r < 0) r += step;
    }
    const cur = open[r]!;
    const last = cur.len - 1;
    const gap = last < 0 ? 0 : slot - cur.slots[last]!;
    const follows = last >= 0 && (gap === step || (gap === 2 * step && step < 12));
    const pick = follows ? closest(i, j, pos, shifts, amounts, cur.members[last]!, band || cur.dir === 0, cur.dir) : -1;
    if (pick >= 0) {
      cur.append(slot, pos[pick]!, shifts[pick]!, gap > step);
    } else {
      if (last >= 0) finish(cur, spec, phase, out, amounts);
      const first = opening(i, j, shifts);
      cur.start(slot, pos[first]!, shifts[first]!);
    }
    i = j;
  }
  for (let r = 0; r < step; r++) if (open[r]!.len > 0) finish(open[r]!, spec, phase, out, amounts);
}

/**
 * A new chain starts on an unmoved candidate when there is one: a Friday purchase moved onto Saturday must not open
 * the chain that Saturday's own payment belongs to.
 */
function opening(from: number, to: number, shifts: Int8Array): number {
  for (let i = from; i < to; i++) if (shifts[i] === 0) return i;
  return from;
}

/** Relative slack that keeps the amount window below on the safe side of every rounding in it. */
const SLACK = 1e-9;
/** Amounts (plus one) from 1 to this keep every distance finite and the window's arithmetic exact enough. */
const SANE = 1e15;

/**
 * The candidate that continues a chain whose last row is `last`: its move agrees (any move when `anyMove`, else
 * none or `dir`), it comes after `last`, and its amount is the closest to last's by |log ratio| (first wins a tie).
 * Logarithms are taken only where they can decide, with the same result as computing every one: a lone candidate
 * needs none (its distance is measured when a rival shows up), and a rival at or beyond the best's distance — its
 * amount outside (last²/best, best) or the other way round, widened by SLACK — cannot beat it.
 */
function closest(
  from: number,
  to: number,
  pos: Int32Array,
  shifts: Int8Array,
  amounts: ArrayLike<number>,
  last: number,
  anyMove: boolean,
  dir: number,
): number {
  const lastAmount1 = amounts[last]! + 1;
  const sane = lastAmount1 >= 1 && lastAmount1 < SANE;
  let best = -1;
  let bestAmount1 = NaN;
  /** NaN while put off */
  let bestDistance = Infinity;
  let hi = Infinity;
  let lo = -Infinity;
  for (let i = from; i < to; i++) {
    const s = shifts[i]!;
    // a hand-made series may be early one month and late the next; a business-day move keeps one direction
    if (!anyMove && s !== 0 && s !== dir) continue;
    const p = pos[i]!;
    if (p <= last) continue;
    const a1 = amounts[p]! + 1;
    if (a1 === bestAmount1 || a1 >= hi || a1 <= lo) continue;
    const windowed = sane && a1 >= 1 && a1 < SANE;
    let d = NaN;
    if (best >= 0 || !windowed) {
      if (bestDistance !== bestDistance) bestDistance = Math.abs(Math.log(bestAmount1 / lastAmount1));
      d = Math.abs(Math.log(a1 / lastAmount1));
      if (!(d < bestDistance)) continue;
    }
    best = i;
    bestAmount1 = a1;
    bestDistance = d;
    if (windowed) {
      const mirror = lastAmount1 * (lastAmount1 / a1);
      hi = Math.max(a1, mirror) * (1 + SLACK);
      lo = Math.min(a1, mirror) * (1 - SLACK);
    } else {
      hi = Infinity;
      lo = -Infinity;
    }
  }
  return best;
}

/**
 * Keeps a finished chain if long enough; one with too many misses is cut at its gaps instead. Each kept chain also
 * offers its runs of one exact amount as candidates of their own: a three-month subscription under a busy shop memo
 * sits inside a chain that luck extended with that shop's purchases on the same day of other months.
 */
function finish(open: OpenChain, spec: (typeof CADENCES)[number], phase: number, out: Chain[], amounts: ArrayLike<number>): void {
  const count = open.len;
  const { minCount, step } = spec;
  if (missesAllowed(count, open.misses, step)) {
    if (count >= minCount) keep(made(open, spec, phase), minCount, out, amounts);
    return;
  }
  let from = 0;
  for (let i = 1; i <= count; i++) {
    if (i === count || open.slots[i]! - open.slots[i - 1]! !== step) {
      if (i - from >= minCount) keep(slice(made(open, spec, phase), from, i), minCount, out, amounts);
      from = i;
    }
  }
}

/** The Chain of an open chain's rows (copies, as the storage is reused). */
function made(open: OpenChain, spec: (typeof CADENCES)[number], phase: number): Chain {
  const { cadence, family, step } = spec;
  const n = open.len;
  return {
    cadence,
    family,
    phase,
    step,
    slots: open.slots.slice(0, n),
    members: open.members.slice(0, n),
    shifts: open.shifts.slice(0, n),
    misses: open.misses,
    moved: open.moved,
    dir: open.dir,
  };
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
