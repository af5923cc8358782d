// Pins how candidate chains become series (src/domain/recurring-select.ts), fed hand-made chains so each rule is seen
// on its own: which of two chains over the same payments wins, how often a weekly chain may have been moved, where a
// series' span for similar-amount extras begins and ends, that already chosen series are no one's luck, and the price
// grid that tells how rare one exact amount is.
import { describe, expect, it } from 'vitest';
import { addDays, parseIsoDay } from '../../src/domain/dates.js';
import type { Chain } from '../../src/domain/recurring-chains.js';
import { granularity, logChoose, priceGrid, selectChains } from '../../src/domain/recurring-select.js';

function chain(members: number[], over: Partial<Chain> = {}): Chain {
  return {
    cadence: 'monthly', family: 'month', phase: 10, step: 1, slots: members.map((_, k) => 100 + k), members,
    shifts: members.map(() => 0), misses: 0, moved: 0, dir: 0, ...over,
  };
}

/** A group of rows sorted by date; `member` rows are the chain's, in date order. */
function group(rows: { date: string; amount: number; member?: boolean }[]) {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  return {
    days: sorted.map((r) => parseIsoDay(r.date)),
    amounts: sorted.map((r) => r.amount),
    members: sorted.flatMap((r, k) => (r.member === true ? [k] : [])),
  };
}

/** Which of two chains over the same rows is chosen, given in both orders. */
function winner(a: Chain, b: Chain, n: number): [Chain | undefined, Chain | undefined] {
  const days = Array.from({ length: n }, (_, k) => 19_000 + 30 * k);
  const amounts = days.map(() => 10_000);
  return [selectChains([a, b], days, amounts)[0], selectChains([b, a], days, amounts)[0]];
}

describe('of two chains over the same payments', () => {
  const rows = [0, 1, 2, 3, 4, 5];

  it('the longer chain wins', () => {
    const long = chain(rows, { misses: 1 });
    const short = chain(rows.slice(0, 5));
    expect(winner(long, short, 6)).toEqual([long, long]);
  });

  it('at equal length, the one with fewer missed periods wins, however often it was moved', () => {
    const steady = chain(rows, { moved: 3 });
    const gappy = chain(rows, { misses: 1 });
    expect(winner(steady, gappy, 6)).toEqual([steady, steady]);
  });

  it('then the one moved off its date less often wins, whatever its cadence', () => {
    const still = chain(rows, { cadence: 'quarterly', step: 3, moved: 1 });
    const moved = chain(rows, { moved: 2 });
    expect(winner(still, moved, 6)).toEqual([still, still]);
  });

  it('then the shorter cadence wins, whatever its phase', () => {
    const weekly = chain(rows, { cadence: 'weekly', family: 'week', phase: 6 });
    const biweekly = chain(rows, { cadence: 'biweekly', family: 'week', phase: 1, step: 2 });
    expect(winner(weekly, biweekly, 6)).toEqual([weekly, weekly]);
  });

  it('then the earlier day of month wins, whatever its first slot', () => {
    const fifth = chain(rows, { phase: 5, slots: rows.map((k) => 200 + k) });
    const sixth = chain(rows, { phase: 6 });
    expect(winner(fifth, sixth, 6)).toEqual([fifth, fifth]);
  });

  it('and last the one that starts earlier', () => {
    const early = chain(rows, { slots: rows.map((k) => 100 + k) });
    const late = chain(rows, { slots: rows.map((k) => 101 + k) });
    expect(winner(early, late, 6)).toEqual([early, early]);
  });

  it('payments already in a series are not offered to another', () => {
    const days = rows.map((k) => 19_000 + 30 * k);
    const used = new Uint8Array(6);
    used[2] = 1;
    expect(selectChains([chain(rows)], days, days.map(() => 10_000), used)).toEqual([]);
    expect(selectChains([chain(rows)], days, days.map(() => 10_000), new Uint8Array(6))).toHaveLength(1);
  });
});

describe('a weekly chain moved off its weekday', () => {
  const select = (n: number, moved: number, family: Chain['family'] = 'week') => {
    const members = Array.from({ length: n }, (_, k) => k);
    const days = members.map((k) => 19_000 + 7 * k);
    return selectChains([chain(members, { cadence: 'weekly', family, moved })], days, days.map(() => 5_000)).length;
  };

  it('may have been moved at most a quarter of the time', () => {
    expect(select(8, 2)).toBe(1);
    expect(select(8, 3)).toBe(0);
    expect(select(12, 3)).toBe(1);
    expect(select(12, 4)).toBe(0);
  });

  it('may have been moved once however short it is', () => {
    expect(select(3, 1)).toBe(1);
    expect(select(3, 2)).toBe(0);
  });

  it('the limit is for weeks only: a monthly chain may move every time', () => {
    expect(select(8, 8, 'month')).toBe(1);
  });
});

describe('similar-amount extras inside the span of a series', () => {
  // six monthly payments on the 10th, six extras of the same amount on the 20th, and one more extra at `date`
  const kept = (date: string, amount = 10_000) => {
    const series = Array.from({ length: 6 }, (_, k) => ({ date: `2024-0${k + 1}-10`, amount: 10_000, member: true }));
    const extras = Array.from({ length: 6 }, (_, k) => ({ date: `2024-0${k + 1}-20`, amount: 10_000 }));
    const g = group([...series, ...extras, { date, amount }]);
    return selectChains([chain(g.members)], g.days, g.amounts).length;
  };

  it('one extra per period is tolerated, a seventh in six months is not', () => {
    expect(kept('2024-03-25')).toBe(0);
  });

  it('an extra exactly 3 % below or above a one-price series is similar; one won further is not', () => {
    expect([9_700, 10_300, 9_699, 10_301].map((a) => kept('2024-03-25', a))).toEqual([0, 0, 1, 1]);
  });

  it('the span reaches half a period (15 days for monthly) before the first payment', () => {
    expect(kept(addDays('2024-01-10', -15))).toBe(0);
    expect(kept(addDays('2024-01-10', -16))).toBe(1);
  });

  it('and half a period after the last', () => {
    expect(kept(addDays('2024-06-10', 15))).toBe(0);
    expect(kept(addDays('2024-06-10', 16))).toBe(1);
  });

  it('a missed month still counts as a period: eleven payments in twelve months tolerate twelve extras, not thirteen', () => {
    const kept12 = (extraDays: string[]) => {
      const months = Array.from({ length: 12 }, (_, k) => `2024-${String(k + 1).padStart(2, '0')}`);
      const series = months.filter((_, k) => k !== 6).map((m) => ({ date: `${m}-05`, amount: 10_000, member: true }));
      const extras = extraDays.map((date) => ({ date, amount: 10_000 }));
      const g = group([...series, ...extras]);
      return selectChains([chain(g.members, { misses: 1 })], g.days, g.amounts).length;
    };
    const twelve = Array.from({ length: 12 }, (_, k) => `2024-${String(k + 1).padStart(2, '0')}-18`);
    expect(kept12(twelve)).toBe(1);
    expect(kept12([...twelve, '2024-07-25'])).toBe(0);
  });

  it('the payments of a series chosen before are explained, not extras of the next', () => {
    // a weekly savings transfer chosen first, and a monthly one of the same amount on the 20th
    const weekly = Array.from({ length: 30 }, (_, k) => ({ date: addDays('2024-01-03', 7 * k), amount: 10_000, w: true }));
    const monthly = Array.from({ length: 6 }, (_, k) => ({ date: `2024-0${k + 1}-20`, amount: 10_000, w: false }));
    const all = [...weekly, ...monthly].sort((a, b) => a.date.localeCompare(b.date));
    const days = all.map((r) => parseIsoDay(r.date));
    const amounts = all.map((r) => r.amount);
    const w = chain(all.flatMap((r, k) => (r.w ? [k] : [])), { cadence: 'weekly', family: 'week', phase: 3 });
    const m = chain(all.flatMap((r, k) => (r.w ? [] : [k])), { phase: 20 });
    expect(selectChains([m, w], days, amounts)).toEqual([w, m]);
  });
});

describe('how rare one exact amount is', () => {
  it('an amount is written in the price step of its trailing zeros, at most a million', () => {
    expect([29_900, 50_000, 13_500, 7, 1_250, 3_000_000, 20_000_000].map(granularity))
      .toEqual([100, 10_000, 100, 1, 10, 1_000_000, 1_000_000]);
  });

  it('the group’s price grid is the coarsest step every amount lies on', () => {
    expect(priceGrid([29_900, 13_500, 4_900])).toBe(100);
    expect(priceGrid([1_500, 500, 2_000])).toBe(500);
    expect(priceGrid([100_000, 300_000])).toBe(100_000);
    expect(priceGrid([50_000, 150_000])).toBe(50_000);
    expect(priceGrid([10_000, 10_001])).toBe(1);
    expect(priceGrid([15, 5, 25])).toBe(5);
    expect(priceGrid(new Int32Array([3_000, 7_000, 5_000]))).toBe(1_000);
  });

  it('missed periods can sit among the periods in C(n, k) ways', () => {
    expect(logChoose(12, 0)).toBe(0);
    expect(logChoose(12, 1)).toBeCloseTo(Math.log(12), 12);
    expect(logChoose(5, 2)).toBeCloseTo(Math.log(10), 12);
    expect(logChoose(8, 3)).toBeCloseTo(Math.log(56), 12);
  });
});

describe('how many unexplained payments luck needs to form a chain (the calibration of the chance test)', () => {
  /**
   * `count` monthly payments on the 10th from January 2024 (one month skipped after the first when `missed`), and `k`
   * other payments of the memo evenly spread over the two years before (or over the series' own months, `inSpan`).
   */
  function kept(count: number, k: number, otherAmount: (j: number) => number, opts: { family?: Chain['family']; missed?: boolean; inSpan?: boolean; varying?: boolean; oldRow?: boolean } = {}): boolean {
    const rows: { day: number; amount: number; member: boolean }[] = [];
    const months = count + (opts.missed ? 1 : 0);
    for (let i = 0; i < months; i++) {
      if (opts.missed && i === 1) continue;
      const month = `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      rows.push({ day: parseIsoDay(`${month}-10`), amount: opts.varying ? 10_000 + (i % 3) * 700 : 10_000, member: true });
    }
    const from = parseIsoDay(opts.inSpan ? '2024-01-01' : '2022-01-01');
    const length = opts.inSpan ? 28 * months : 730;
    for (let j = 0; j < k; j++) rows.push({ day: from + Math.floor(((j + 0.5) * length) / k), amount: otherAmount(j), member: false });
    if (opts.oldRow) rows.push({ day: parseIsoDay('2014-06-01'), amount: 1_000, member: false });
    rows.sort((a, b) => a.day - b.day || (a.member ? -1 : 1));
    const members = rows.flatMap((r, i) => (r.member ? [i] : []));
    const c = chain(members, { family: opts.family ?? 'month', misses: opts.missed ? 1 : 0 });
    return selectChains([c], rows.map((r) => r.day), rows.map((r) => r.amount)).length === 1;
  }
  /** true at the last tolerated number of other payments, false at one more */
  const edge = (tolerated: number, f: (k: number) => boolean) => [f(tolerated), f(tolerated + 1)];

  const same = () => 10_000;
  const near = (j: number) => 9_800 + (j % 5) * 100; // other prices within 3 % of the series' one
  const unrelated = (j: number) => 3_000 + (j % 7) * 1_000;
  const someSame = (j: number) => (j % 3 === 0 ? 10_000 : 20_000 + j * 10); // a third at the series' price

  it('four payments of one price stand out among up to 7 others at that price or within 3 % of it, six among up to 31', () => {
    expect(edge(7, (k) => kept(4, k, same))).toEqual([true, false]);
    expect(edge(7, (k) => kept(4, k, near))).toEqual([true, false]);
    expect(edge(31, (k) => kept(6, k, same))).toEqual([true, false]);
    expect(edge(7, (k) => kept(4, k, (j) => (j % 2 === 0 ? 9_700 : 10_300)))).toEqual([true, false]); // the band's very edges
  });

  it('when only a third of the other payments share the price, more of them are tolerated', () => {
    expect(edge(2, (k) => kept(3, k, someSame))).toEqual([true, false]);
    expect(edge(15, (k) => kept(4, k, someSame))).toEqual([true, false]);
    expect(edge(75, (k) => kept(6, k, someSame))).toEqual([true, false]);
  });

  it('three payments stand out among at most 8 payments of unrelated amounts; four among any number', () => {
    expect(edge(8, (k) => kept(3, k, unrelated))).toEqual([true, false]);
    expect(kept(4, 300, unrelated)).toBe(true);
  });

  it('a hand-made series, allowed ± 3 days, is easier for luck to form', () => {
    expect(edge(25, (k) => kept(4, k, unrelated, { family: 'band' }))).toEqual([true, false]);
  });

  it('other payments inside the series’ own months weigh more than ones spread over the years before', () => {
    expect(edge(5, (k) => kept(4, k, (j) => 5_000 + (j % 7) * 1_000, { inSpan: true }))).toEqual([true, false]);
    expect(edge(35, (k) => kept(6, k, (j) => 5_000 + (j % 7) * 1_000, { inSpan: true }))).toEqual([true, false]);
  });

  it('payments crowded into the series’ own months weigh by their density there, however long the memo’s history', () => {
    const crowded = (j: number) => 5_000 + (j % 7) * 1_000;
    expect(edge(2, (k) => kept(4, k, crowded, { inSpan: true, oldRow: true }))).toEqual([true, false]);
    expect(edge(25, (k) => kept(6, k, crowded, { inSpan: true, oldRow: true }))).toEqual([true, false]);
  });

  it('luck must hit the very price of a one-price series: prices 100 won off are similar but not the same', () => {
    // a quarter at the series' price, half at ±100 won, a quarter far above
    const priced = (j: number) => [10_000, 9_900, 10_100, 50_000 + j * 100][j % 4]!;
    expect(edge(1, (k) => kept(3, k, priced))).toEqual([true, false]);
    expect(edge(18, (k) => kept(4, k, priced))).toEqual([true, false]);
    expect(edge(96, (k) => kept(6, k, priced))).toEqual([true, false]);
  });

  it('luck had as many prices to pick as there are other payments, plus one: four payments of a price no one else pays stand out among up to 10 others in their months', () => {
    // one other payment 1 % off the series' price, the rest far away (1,000 or 1,000,000 won), all in the series' months
    const oneNear = (j: number) => (j === 0 ? 10_100 : j % 2 === 1 ? 1_000 : 1_000_000);
    expect(edge(10, (k) => kept(4, k, oneNear, { inSpan: true }))).toEqual([true, false]);
  });

  it('a missed month gives luck more ways to form the chain', () => {
    expect(edge(55, (k) => kept(6, k, someSame, { missed: true }))).toEqual([true, false]);
  });

  it('a varying amount is matched by a wider band of other payments', () => {
    expect(edge(15, (k) => kept(4, k, (j) => (j % 3 === 0 ? 10_500 : 30_000 + j * 10), { varying: true }))).toEqual([true, false]);
  });
});
