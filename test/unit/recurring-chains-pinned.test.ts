// Pins calendar pattern matching (src/domain/recurring-chains.ts) on its own: which nominal dates a payment proposes
// (its day, the weekend/holiday days it may have been moved from, the month end's missing days), which rows a
// hand-made series may use, and how runs of periods become chains — bridged gaps, the amount and move direction a
// chain follows, where a chain with too many gaps is cut, and the one-price runs offered beside it.
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/domain/dates.js';
import { BAND_CADENCE, buildChains, CADENCES, fillBand, fillBuckets, PhaseBuckets, type Chain } from '../../src/domain/recurring-chains.js';

const day = parseIsoDay;
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const weekIndex = (iso: string) => Math.floor((day(iso) + 3) / 7);

/** The (phase, slot, position, shift) entries of a bucket set, phase by phase. */
function entries(b: PhaseBuckets): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let p = 0; p < b.slot.length; p++) for (let k = 0; k < b.slot[p]!.length; k++) out.push([p, b.slot[p]![k]!, b.pos[p]![k]!, b.shift[p]![k]!]);
  return out;
}

function buckets(dates: string[]) {
  const month = new PhaseBuckets(32);
  const week = new PhaseBuckets(7);
  fillBuckets(dates.map(day), month, week);
  return { month: entries(month), week: entries(week) };
}

describe('the nominal dates a payment proposes', () => {
  it('a payment on a business day after a run of holidays proposes each of them, as moved later', () => {
    // 설날 2024: Friday 9 February to Monday 12 (substitute holiday); paid Tuesday 13
    const feb = monthIndex('2024-02-01');
    expect(buckets(['2024-02-13']).month).toEqual([
      [9, feb, 0, 1], [10, feb, 0, 1], [11, feb, 0, 1], [12, feb, 0, 1], [13, feb, 0, 0],
    ]);
    const w = weekIndex('2024-02-13');
    expect(buckets(['2024-02-13']).week).toEqual([
      [0, w - 1, 0, 1], [1, w, 0, 1], [2, w, 0, 0], [5, w - 1, 0, 1], [6, w - 1, 0, 1],
    ]);
  });

  it('a payment on a business day before a run of holidays proposes each of them, as moved earlier', () => {
    // 추석 2026: Thursday 24 to Saturday 26 September, then Sunday; paid Wednesday 23
    const sep = monthIndex('2026-09-01');
    expect(buckets(['2026-09-23']).month).toEqual([
      [23, sep, 0, 0], [24, sep, 0, -1], [25, sep, 0, -1], [26, sep, 0, -1], [27, sep, 0, -1],
    ]);
  });

  it('a payment with business days on both sides proposes only its own date', () => {
    expect(buckets(['2024-03-13']).month).toEqual([[13, monthIndex('2024-03-01'), 0, 0]]);
  });

  it('a payment made on a weekend proposes only its own date: nothing is moved onto a weekend', () => {
    // Saturday 16 March 2024
    expect(buckets(['2024-03-16']).month).toEqual([[16, monthIndex('2024-03-01'), 0, 0]]);
    expect(buckets(['2024-03-16']).week).toEqual([[6, weekIndex('2024-03-16'), 0, 0]]);
  });

  it('a month’s last day also stands for the days that month lacks, so a 31st series matches 30 November', () => {
    const nov = monthIndex('2023-11-01');
    expect(buckets(['2023-11-30']).month).toEqual([[30, nov, 0, 0], [31, nov, 0, 0]]);
    const feb = monthIndex('2023-02-01');
    // and, as 1 March (삼일절) is a holiday, the 1st of March moved earlier
    expect(buckets(['2023-02-28']).month).toEqual([[1, feb + 1, 0, -1], [28, feb, 0, 0], [29, feb, 0, 0], [30, feb, 0, 0], [31, feb, 0, 0]]);
  });

  it('positions follow the input, and refilling starts from empty buckets', () => {
    const month = new PhaseBuckets(32);
    const week = new PhaseBuckets(7);
    fillBuckets([day('2024-03-13'), day('2024-03-14')], month, week);
    fillBuckets([day('2024-03-12'), day('2024-03-13')], month, week);
    expect(entries(month)).toEqual([[12, monthIndex('2024-03-01'), 0, 0], [13, monthIndex('2024-03-01'), 1, 0]]);
    expect(entries(week).map((e) => e[2])).toEqual([0, 1]);
  });
});

describe('the rows a hand-made series may use', () => {
  function band(dates: string[], amounts: number[], skip: number[] = []) {
    const b = new PhaseBuckets(32);
    const s = new Uint8Array(dates.length);
    for (const i of skip) s[i] = 1;
    fillBand(dates.map(day), amounts, b, s);
    return entries(b);
  }

  it('each row proposes every day of month within three days of its own, marked early or late', () => {
    const m = monthIndex('2024-03-01');
    expect(band(['2024-03-15', '2024-04-15'], [300_000, 300_000]).filter((e) => e[2] === 0)).toEqual([
      [12, m, 0, 1], [13, m, 0, 1], [14, m, 0, 1], [15, m, 0, 0], [16, m, 0, -1], [17, m, 0, -1], [18, m, 0, -1],
    ]);
  });

  it('the days proposed stop at the 1st and the 31st', () => {
    const phases = (iso: string) => band([iso, '2024-05-10'], [5, 5]).filter((e) => e[2] === 0).map((e) => e[0]);
    expect(phases('2024-03-02')).toEqual([1, 2, 3, 4, 5]);
    expect(phases('2024-03-30')).toEqual([27, 28, 29, 30, 31]);
  });

  it('a row whose amount no other row repeats is left out, except in a 설/추석 month', () => {
    const rows = ['2024-01-15', '2024-02-15', '2024-03-15', '2024-04-15']; // February 2024 holds 설날
    const used = (amounts: number[], skip: number[] = []) => [...new Set(band(rows, amounts, skip).map((e) => e[2]))];
    expect(used([300_000, 500_000, 300_000, 700_000])).toEqual([0, 1, 2]);
    // a row already in a series is left out, and its amount no longer counts as repeated
    expect(used([300_000, 300_000, 300_000, 300_000], [1])).toEqual([0, 2, 3]);
    expect(used([300_000, 500_000, 300_000, 700_000], [0])).toEqual([1]);
  });
});

describe('putting a phase in slot order', () => {
  /** A one-phase bucket set filled with (slot, position, shift) entries, sorted, read back. */
  function sorted(rows: [number, number, number][]): [number, number, number][] {
    const b = new PhaseBuckets(1);
    for (const [slot, pos, shift] of rows) b.push(0, slot, pos, shift);
    b.sortPhase(0);
    return entries(b).map(([, slot, pos, shift]) => [slot, pos, shift]);
  }
  /** What a stable sort by (slot, position) gives. */
  const expected = (rows: [number, number, number][]) => [...rows].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  it('a nearly sorted phase ends in (slot, position) order, each entry keeping its own shift', () => {
    const rows: [number, number, number][] = [[1, 5, 0], [3, 0, -1], [2, 1, 1], [2, 0, 0], [4, 7, 0]];
    expect(sorted(rows)).toEqual([[1, 5, 0], [2, 0, 0], [2, 1, 1], [3, 0, -1], [4, 7, 0]]);
  });

  it('a phase filled backwards, too shuffled to sort in place cheaply, ends in the same order', () => {
    const rows: [number, number, number][] = [];
    for (let k = 0; k < 300; k++) rows.push([1_000 - Math.floor(k / 2), 600 - k, ((k % 3) - 1)]);
    const out = sorted(rows);
    expect(out).toEqual(expected(rows));
    expect(out[0]).toEqual([851, 301, 1]);
    expect(out.at(-1)).toEqual([1_000, 600, -1]);
  });

  it('entries of one slot and position keep their fill order, as a stable sort would, each with its own shift', () => {
    // out of slot order, so the phase is sorted; the two (2, 1) entries came first +1, then −1
    expect(sorted([[2, 1, 1], [1, 1, 0], [2, 1, -1]])).toEqual([[1, 1, 0], [2, 1, 1], [2, 1, -1]]);
    expect(sorted([[2, 1, -1], [1, 1, 0], [2, 1, 1], [2, 1, 0]])).toEqual([[1, 1, 0], [2, 1, -1], [2, 1, 1], [2, 1, 0]]);
  });

  it('a phase already in slot order is left as filled', () => {
    const rows: [number, number, number][] = [[1, 9, 0], [1, 2, 1], [2, 0, -1]];
    expect(sorted(rows)).toEqual(rows);
  });
});

describe('chains', () => {
  const monthly = CADENCES.find((c) => c.cadence === 'monthly')!;
  const quarterly = CADENCES.find((c) => c.cadence === 'quarterly')!;
  const yearly = CADENCES.find((c) => c.cadence === 'yearly')!;

  /** Chains of phase `phase` over payments on `dates`, with amounts. */
  function chains(dates: string[], amounts: number[], spec = monthly, phase?: number): Chain[] {
    const month = new PhaseBuckets(32);
    const week = new PhaseBuckets(7);
    fillBuckets(dates.map(day), month, week);
    const out: Chain[] = [];
    const b = spec.family === 'week' ? week : month;
    buildChains(b, phase ?? Number(dates[0]!.slice(8)), spec, amounts, out);
    return out;
  }
  const shape = (c: Chain) => ({ members: c.members, misses: c.misses, moved: c.moved, dir: c.dir });
  const months = (n: number, skip: number[] = [], dom = '10', from = 2023) =>
    Array.from({ length: n }, (_, k) => `${from + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-${dom}`).filter((_, k) => !skip.includes(k));

  it('one payment a month is one chain; fewer than three are none', () => {
    expect(chains(months(3, [], '13'), [5, 5, 5]).map(shape)).toEqual([{ members: [0, 1, 2], misses: 0, moved: 0, dir: 0 }]);
    expect(chains(months(2, [], '13'), [5, 5])).toEqual([]);
  });

  it('a missed month is bridged; two missed in a row end the chain', () => {
    const one = months(8, [4], '13');
    // the runs on either side of the gap are offered as well (see the one-price runs below)
    expect(chains(one, one.map(() => 5)).map(shape)).toEqual([
      { members: [0, 1, 2, 3, 4, 5, 6], misses: 1, moved: 0, dir: 0 },
      { members: [0, 1, 2, 3], misses: 0, moved: 0, dir: 0 },
      { members: [4, 5, 6], misses: 0, moved: 0, dir: 0 },
    ]);
    const two = months(9, [3, 4], '13');
    expect(chains(two, two.map(() => 5)).map((c) => c.members)).toEqual([[0, 1, 2], [3, 4, 5, 6]]);
  });

  it('a missed quarter is bridged too, but a yearly payment may not skip a year', () => {
    const q = months(30, [], '13').filter((_, k) => k % 3 === 0 && k !== 12); // nine quarters, one missed
    expect(chains(q, q.map(() => 5), quarterly).map((c) => [c.members, c.misses])).toEqual([
      [[0, 1, 2, 3, 4, 5, 6, 7, 8], 1], [[0, 1, 2, 3], 0], [[4, 5, 6, 7, 8], 0],
    ]);
    const y = ['2020-03-13', '2021-03-13', '2023-03-13', '2024-03-13'];
    expect(chains(y, [5, 5, 5, 5], yearly).map((c) => c.members)).toEqual([[0, 1], [2, 3]]);
  });

  it('a missed period is allowed once per six payments: a chain with more is cut at its gaps', () => {
    // twelve payments over fourteen months with two single misses: allowed (2 × 6 ≤ 12)
    const ok = months(14, [4, 9], '13');
    expect(chains(ok, ok.map(() => 5)).map((c) => [c.members.length, c.misses])).toEqual([[12, 2], [4, 0], [4, 0], [4, 0]]);
    // eleven over thirteen with two misses: cut into runs of 4, 4 and 3
    const cut = months(13, [4, 9], '13');
    expect(chains(cut, cut.map(() => 5)).map((c) => [c.members, c.misses])).toEqual([
      [[0, 1, 2, 3], 0], [[4, 5, 6, 7], 0], [[8, 9, 10], 0],
    ]);
  });

  it('a chain cut at its gaps keeps only the pieces long enough, each with its own periods: two payments between two gaps are dropped', () => {
    // ten months from January 2023, April and July missed: eight payments with two misses (too many) are cut
    const dates = months(10, [3, 6], '13');
    const out = chains(dates, dates.map(() => 5));
    expect(out.map((c) => c.members)).toEqual([[0, 1, 2], [5, 6, 7]]);
    expect(out.map((c) => c.slots)).toEqual([[0, 1, 2], [7, 8, 9]].map((ks) => ks.map((k) => monthIndex(months(10, [], '13')[k]!))));
  });

  it('short chains may not miss a period at all: five payments over six months are cut', () => {
    const five = months(6, [2], '13');
    expect(chains(five, five.map(() => 5)).map((c) => [c.members, c.misses])).toEqual([[[2, 3, 4], 0]]);
    const six = months(7, [2], '13');
    expect(chains(six, six.map(() => 5)).map((c) => [c.members.length, c.misses])).toEqual([[6, 1], [4, 0]]);
  });

  it('of two payments in one period the chain takes the one closest in amount to its last', () => {
    const dates = ['2023-01-13', '2023-02-13', '2023-03-13', '2023-04-13', '2023-04-13'];
    // both April rows are on the 13th; the chain takes the closer amount (and offers its one-price run)
    expect(chains(dates, [10_000, 10_000, 10_000, 35_000, 10_300]).map((c) => c.members)).toEqual([[0, 1, 2, 4], [0, 1, 2]]);
    expect(chains(dates, [10_000, 10_000, 10_000, 10_300, 35_000]).map((c) => c.members)).toEqual([[0, 1, 2, 3], [0, 1, 2]]);
    // closeness is by ratio: 12,000 after 10,000 is closer than 8,000
    expect(chains(dates, [10_000, 10_000, 10_000, 8_000, 12_000]).map((c) => c.members)[0]).toEqual([0, 1, 2, 4]);
  });

  it('a chain that moved later does not take a payment moved earlier, and the other way round', () => {
    // on the 10th: Sunday 10 December 2023 and Saturday 10 February 2024 (설날 runs 9–12) are no business days; a
    // chain whose first move was later takes Tuesday 13 February, one whose first move was earlier the 8th
    const later = ['2023-12-11', '2024-01-10', '2024-02-08', '2024-02-13', '2024-03-11'];
    expect(chains(later, [5, 5, 5, 5, 5], monthly, 10).map(shape)).toEqual([{ members: [0, 1, 3, 4], misses: 0, moved: 3, dir: 1 }]);
    const earlier = ['2023-12-08', '2024-01-10', '2024-02-08', '2024-02-13', '2024-03-08'];
    expect(chains(earlier, [5, 5, 5, 5, 5], monthly, 10).map(shape)).toEqual([{ members: [0, 1, 2, 4], misses: 0, moved: 3, dir: -1 }]);
  });

  it('a period holding only a payment moved the other way ends the chain, and a new one starts there', () => {
    // on the 10th: Dec 2023 moved later (Sunday 10 → 11), Jan on the day, Feb only moved earlier (설날: the 8th),
    // then March moved later again (Sunday 10 → 11), April (election day, paid on the day) and May
    const dates = ['2023-12-11', '2024-01-10', '2024-02-08', '2024-03-11', '2024-04-10', '2024-05-10'];
    expect(chains(dates, dates.map(() => 5), monthly, 10).map(shape)).toEqual([{ members: [3, 4, 5], misses: 0, moved: 1, dir: 1 }]);
  });

  it('a new chain starts on a payment made on its own date rather than on one moved onto it', () => {
    // Friday 8 March 2024 is the business day before a weekend, so it proposes Sunday 10 as moved earlier; the
    // payment made on Sunday 10 itself is unmoved, and the chain starts there
    const dates = ['2024-03-08', '2024-03-10', '2024-04-10', '2024-05-10'];
    expect(chains(dates, [5, 5, 5, 5], monthly, 10).map(shape)).toEqual([{ members: [1, 2, 3], misses: 0, moved: 0, dir: 0 }]);
  });

  it('a chain of several prices also offers its runs of one price, when long enough and not the whole', () => {
    const d = months(8, [], '13');
    const runs = chains(d, [9, 9, 9, 9, 7, 7, 7, 5]).map((c) => c.members);
    expect(runs).toEqual([[0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3], [4, 5, 6]]);
    expect(chains(d, d.map(() => 9)).map((c) => c.members)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
    // a run of one price does not span a missed month
    const gap = months(9, [4], '13');
    expect(chains(gap, [9, 9, 9, 9, 9, 9, 9, 7]).map((c) => c.members)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3], [4, 5, 6]]);
  });

  it('a chain takes its move direction from its first moved payment, and each one-price run counts its own moves', () => {
    // on the 10th: January on the day, February (설날) and March (Sunday) moved later, April (election day) to July on it
    const dates = ['2024-01-10', '2024-02-13', '2024-03-11', '2024-04-10', '2024-05-10', '2024-06-10', '2024-07-10'];
    expect(chains(dates, [9, 9, 9, 7, 7, 7, 7], monthly, 10).map(shape)).toEqual([
      { members: [0, 1, 2, 3, 4, 5, 6], misses: 0, moved: 2, dir: 1 },
      { members: [0, 1, 2], misses: 0, moved: 2, dir: 1 },
      { members: [3, 4, 5, 6], misses: 0, moved: 0, dir: 0 },
    ]);
    // so a payment moved earlier after the first later move is not taken (February's 8th here)
    const mixed = ['2023-11-10', '2023-12-11', '2024-01-10', '2024-02-08'];
    expect(chains(mixed, [5, 5, 5, 5], monthly, 10).map((c) => c.members)).toEqual([[0, 1, 2]]);
  });

  it('two biweekly series in alternate weeks of 1969 (before day 0: negative week numbers) are two chains', () => {
    const biweekly = CADENCES.find((c) => c.cadence === 'biweekly')!;
    // Wednesdays from 3 September 1969, week numbers −17 to −10; every other one is series A, the rest series B
    const dates = ['1969-09-03', '1969-09-10', '1969-09-17', '1969-09-24', '1969-10-01', '1969-10-08', '1969-10-15', '1969-10-22'];
    const out = chains(dates, [7, 9, 7, 9, 7, 9, 7, 9], biweekly, 3).sort((a, b) => a.members[0]! - b.members[0]!);
    expect(out.map((c) => c.members)).toEqual([[0, 2, 4, 6], [1, 3, 5, 7]]);
    expect(out.map((c) => c.slots)).toEqual([[-17, -15, -13, -11], [-16, -14, -12, -10]]);
  });

  it('a chain keeps its own moves, one per member, untouched by chains built after it', () => {
    const build = (shifts: number[]) => {
      const b = new PhaseBuckets(8);
      shifts.forEach((h, k) => b.push(5, 100 + k, k, h));
      const out: Chain[] = [];
      buildChains(b, 5, monthly, shifts.map(() => 5), out);
      return out[0]!;
    };
    const long = build([0, 1, 0, 0, 1, 0, 1]);
    const short = build([-1, 0, -1]);
    expect(short.shifts).toEqual([-1, 0, -1]);
    expect(long.shifts).toEqual([0, 1, 0, 0, 1, 0, 1]);
    expect([long.slots, long.members]).toEqual([[100, 101, 102, 103, 104, 105, 106], [0, 1, 2, 3, 4, 5, 6]]);
  });

  it('interleaved quarterly payments are chains of their own', () => {
    const a = months(12, [], '13').filter((_, k) => k % 3 === 0);
    const b = months(12, [], '13').filter((_, k) => k % 3 === 1);
    const dates = [...a, ...b].sort();
    const out = chains(dates, dates.map(() => 5), quarterly).map((c) => c.members.map((p) => dates[p]!.slice(0, 7)));
    expect(out).toEqual([a.map((x) => x.slice(0, 7)), b.map((x) => x.slice(0, 7))].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
  });

  it('buckets filled out of slot order give the chain in slot order', () => {
    // slots 100–103 for phase 5, pushed backwards; slot 102 holds two rows, the closer amount being row 3
    const b = new PhaseBuckets(8);
    const rows: [number, number, number][] = [[103, 5, 0], [102, 4, 0], [102, 3, 0], [101, 2, 0], [100, 1, 0]];
    for (const [slot, pos, shift] of rows) b.push(5, slot, pos, shift);
    const amounts = [0, 10_000, 10_000, 10_100, 30_000, 10_000];
    const out: Chain[] = [];
    buildChains(b, 5, monthly, amounts, out);
    expect(out.map((c) => [c.slots, c.members])).toEqual([[[100, 101, 102, 103], [1, 2, 3, 5]]]);
    // two rows of one amount in a period: the earlier row is taken, whatever order they were filled in
    const tie: Chain[] = [];
    buildChains(b, 5, monthly, [0, 10_000, 10_000, 10_000, 10_000, 10_000], tie);
    expect(tie.map((c) => c.members)).toEqual([[1, 2, 3, 5]]);
  });

  it('buckets cleared and refilled with fewer rows give chains of the new rows only (storage is reused across groups)', () => {
    /** Chains of phase 5 after filling `before`, clearing, and filling `after` ([slot, position] pairs, unmoved). */
    const refilled = (before: number[][], after: number[][], amounts: number[]): number[][] => {
      const b = new PhaseBuckets(8);
      for (const [slot, pos] of before) b.push(5, slot!, pos!, 0);
      b.clear();
      for (const [slot, pos] of after) b.push(5, slot!, pos!, 0);
      const out: Chain[] = [];
      buildChains(b, 5, monthly, amounts, out);
      return out.map((c) => c.members);
    };
    const four = [[100, 0], [101, 1], [102, 2], [103, 3]];
    expect(refilled([...four, [104, 4]], four, [5, 5, 5, 5, 5])).toEqual([[0, 1, 2, 3]]);
    // the old fill had a second, closer row in the last period: it is gone too
    expect(refilled([...four, [103, 4]], four, [5, 5, 5, 9, 5])).toEqual([[0, 1, 2, 3], [0, 1, 2]]);
  });

  it('one row proposed in two periods is not taken twice', () => {
    const b = new PhaseBuckets(8);
    for (const [slot, pos] of [[100, 0], [101, 1], [102, 1], [103, 2], [104, 3]]) b.push(5, slot!, pos!, 0);
    const out: Chain[] = [];
    buildChains(b, 5, monthly, [5, 5, 5, 5], out);
    expect(out.map((c) => [c.slots, c.members])).toEqual([[[102, 103, 104], [1, 2, 3]]]);
  });

  it('after a skipped year a yearly payment opens a new chain like any first payment: on the year’s first row, not the one nearest the old amount', () => {
    // years at slots 100, 112; 124 skipped; 136 holds 50,000 (row 2) before 10,000 (row 3); 148 holds 10,000
    const b = new PhaseBuckets(8);
    for (const [slot, pos] of [[100, 0], [112, 1], [136, 2], [136, 3], [148, 4]]) b.push(5, slot!, pos!, 0);
    const out: Chain[] = [];
    buildChains(b, 5, yearly, [10_000, 10_000, 50_000, 10_000, 10_000], out);
    expect(out.map((c) => c.members)).toEqual([[0, 1], [2, 4]]);
  });

  it('the next payment is the one closest in amount to the last, to the won: after 1,000원, 999원 beats 1,002원 and 1,001원 beats 998원', () => {
    const pick = (a: number, b: number) => {
      const bk = new PhaseBuckets(8);
      for (const [slot, pos] of [[100, 0], [101, 1], [102, 2], [103, 3], [103, 4]]) bk.push(5, slot!, pos!, 0);
      const out: Chain[] = [];
      buildChains(bk, 5, monthly, [1_000, 1_000, 1_000, a, b], out);
      return out[0]!.members.at(-1);
    };
    expect(pick(999, 1_002)).toBe(3);
    expect(pick(1_002, 999)).toBe(4);
    expect(pick(998, 1_001)).toBe(4);
    expect(pick(1_001, 998)).toBe(3);
  });

  it('a farther amount after the closest one does not replace it: after 9,999원, 9,115원 (−8.8 %) beats a later 10,999원 (+10 %)', () => {
    const b = new PhaseBuckets(8);
    for (const [slot, pos] of [[100, 0], [101, 1], [102, 2], [103, 3], [103, 4]]) b.push(5, slot!, pos!, 0);
    const out: Chain[] = [];
    buildChains(b, 5, monthly, [9_999, 9_999, 9_999, 9_115, 10_999], out);
    expect(out[0]!.members).toEqual([0, 1, 2, 3]);
  });

  it('a one-price run that starts on a moved payment counts that move and takes its direction from it', () => {
    // six months, the fourth moved later (its day was a holiday); 9 won three times, then 7 won three times
    const b = new PhaseBuckets(8);
    for (const [slot, pos, shift] of [[100, 0, 0], [101, 1, 0], [102, 2, 0], [103, 3, 1], [104, 4, 0], [105, 5, 0]]) b.push(5, slot!, pos!, shift!);
    const out: Chain[] = [];
    buildChains(b, 5, monthly, [9, 9, 9, 7, 7, 7], out);
    expect(out.map(shape)).toEqual([
      { members: [0, 1, 2, 3, 4, 5], misses: 0, moved: 1, dir: 1 },
      { members: [0, 1, 2], misses: 0, moved: 0, dir: 0 },
      { members: [3, 4, 5], misses: 0, moved: 1, dir: 1 },
    ]);
  });

  it('a hand-made chain follows a payment early one month and late the next', () => {
    const dates = ['2024-03-13', '2024-04-17', '2024-05-14', '2024-06-16'];
    const b = new PhaseBuckets(32);
    fillBand(dates.map(day), [5, 5, 5, 5], b, new Uint8Array(4));
    const out: Chain[] = [];
    buildChains(b, 15, BAND_CADENCE, [5, 5, 5, 5], out);
    expect(out.map(shape)).toEqual([{ members: [0, 1, 2, 3], misses: 0, moved: 4, dir: -1 }]);
  });
});
