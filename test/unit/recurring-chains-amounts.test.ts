// Pins which row continues a chain when one period holds several (src/domain/recurring-chains.ts): the one whose
// amount is closest to the last member's by ratio, the first of equals — and that the amount bounds the code uses to
// skip measuring hopeless rows only save work, for amounts from 0 won to beyond 10¹⁵, negative or not finite.
import { describe, expect, it } from 'vitest';
import { buildChains, CADENCES, PhaseBuckets, type Chain } from '../../src/domain/recurring-chains.js';

/**
 * The candidate a yearly chain takes in its second year after a first year of `last` won, among `candidates` (all in
 * that year, in this order, none moved): its index, or −1 when none continues the chain.
 */
function next(last: number, candidates: number[]): number {
  const yearly = CADENCES.find((c) => c.cadence === 'yearly')!;
  const b = new PhaseBuckets(1);
  b.push(0, 100, 0, 0);
  candidates.forEach((_, k) => b.push(0, 112, k + 1, 0));
  const out: Chain[] = [];
  buildChains(b, 0, yearly, [last, ...candidates], out);
  return out.length === 0 ? -1 : out[0]!.members[1]! - 1;
}

/** What measuring every candidate gives: the smallest |log((amount + 1) / (last + 1))|, the first of equals; a
 * distance that is not a number, or infinite, never wins. */
function measured(last: number, candidates: number[]): number {
  let best = -1;
  let bestDistance = Infinity;
  candidates.forEach((a, k) => {
    const d = Math.abs(Math.log((a + 1) / (last + 1)));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  });
  return best;
}

describe('the row that continues a chain', () => {
  it('of two amounts equally far from the last by ratio — half and double — the one listed first is taken', () => {
    // 10,000 (9,999 + 1) against 5,000 and 20,000
    expect(next(9_999, [4_999, 19_999])).toBe(0);
    expect(next(9_999, [19_999, 4_999])).toBe(0);
  });

  it('an amount closer by less than one part in a billion still wins, on either side', () => {
    // after 9,999,999,999원: 19,999,999,998원 is a hair closer than 4,999,999,999원 (exactly half, counting the +1)
    expect(next(9_999_999_999, [4_999_999_999, 19_999_999_998])).toBe(1);
    // and 5,000,000,000원 a hair closer than 19,999,999,999원 (exactly double)
    expect(next(9_999_999_999, [19_999_999_999, 5_000_000_000])).toBe(1);
    // the same amounts the other way round keep the first
    expect(next(9_999_999_999, [19_999_999_998, 4_999_999_999])).toBe(0);
  });

  it('amounts beyond 10¹⁵ won are measured like any other', () => {
    expect(next(9_999, [2e15])).toBe(0);
    expect(next(9_999, [2e15, 10_000])).toBe(1);
    expect(next(9_999, [2e15, 3e15, 10_000, 10_500])).toBe(2);
    expect(next(2e15, [1e14, 1.9e15])).toBe(1);
    expect(next(2e15, [1.9e15, 1e14])).toBe(0);
  });

  it('a negative amount neither continues a chain nor is continued from', () => {
    expect(next(9_999, [-5])).toBe(-1);
    expect(next(9_999, [-1])).toBe(-1);
    expect(next(9_999, [-5, 20_000])).toBe(1);
    expect(next(-5, [9_999])).toBe(-1);
    expect(next(-5, [9_999, 0])).toBe(-1);
  });

  it('the amount bounds only save work: the row taken is always the one measuring every candidate would give', () => {
    const amounts = [
      0, 1, 2, 999, 1_000, 1_001, 4_999, 5_000, 9_998, 9_999, 10_000, 19_999, 20_000, 4_999_999_999, 5_000_000_000,
      9_999_999_999, 19_999_999_998, 19_999_999_999, 999_999_999_999_998, 999_999_999_999_999, 2e15, 1e20, -1, -5,
      Number.NaN, Number.POSITIVE_INFINITY,
    ];
    const wrong: string[] = [];
    const check = (last: number, candidates: number[]) => {
      const got = next(last, candidates);
      const want = measured(last, candidates);
      if (got !== want) wrong.push(`after ${last}, of ${candidates.join(', ')}: took ${got}, measuring gives ${want}`);
    };
    let checked = 0;
    for (const last of amounts) {
      for (const a of amounts) {
        for (const b of amounts) {
          check(last, [a, b]);
          checked++;
        }
      }
      // three rivals: each amount with its two neighbours in the list
      for (let k = 0; k + 2 < amounts.length; k++) check(last, [amounts[k + 1]!, amounts[k]!, amounts[k + 2]!]);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(amounts.length ** 3);
  });
});
