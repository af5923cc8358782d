// The data behind classification and payees (keywords.ts, brands.ts, payee-aliases.ts) as behaviour: every word in
// every list, alone as a memo, is recognised as itself in its category; every alias alone is the payee of its brand;
// no list is empty. A word dropped or blanked from a list is caught here by name.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/domain/classify.js';
import { FRANCHISE_BRANDS } from '../../src/domain/brands.js';
import { BUILTIN_KEYWORDS, COMMON_SURNAMES, GENERIC_KEYWORDS, PAYMENT_APPS, SAVINGS_PRODUCT } from '../../src/domain/keywords.js';
import { normalizeMemo, unwrapPaymentApp } from '../../src/domain/normalize.js';
import { GENERIC_HEADS, LEADING_NOISE, PAYEE_ALIASES, REMITTANCE_PREFIXES } from '../../src/domain/payee-aliases.js';
import { payeeOf } from '../../src/domain/payee.js';

type Lists = Readonly<Record<string, readonly string[]>>;

/**
 * Words of a list that, alone as a memo, are not decided by themselves in either direction, or land in their category
 * in neither (a savings product going out is decided by the savings rule, into its own category finance).
 */
function unrecognised(lists: Lists): string[] {
  const c = createClassifier();
  const misses: string[] = [];
  for (const [category, words] of Object.entries(lists)) {
    for (const word of words) {
      const seen = (['out', 'in'] as const).map((d) => c.classify(word, d));
      if (!seen.some((r) => r.rule === `built-in keyword "${word}"`) || !seen.some((r) => r.category === category)) {
        misses.push(`${JSON.stringify(word)} (${category}): ${seen.map((r) => `${r.category} by ${r.rule ?? '-'}`).join(', ')}`);
      }
    }
  }
  return misses;
}

describe('the keyword lists', () => {
  it('every strong keyword alone is recognised as itself in its category', () => {
    expect(unrecognised(BUILTIN_KEYWORDS)).toEqual([]);
  });

  it('every generic word alone is recognised as itself in its category', () => {
    expect(unrecognised(GENERIC_KEYWORDS)).toEqual([]);
  });

  it('every franchise brand alone is recognised as itself in its category', () => {
    expect(unrecognised(FRANCHISE_BRANDS)).toEqual([]);
  });

  it('no category list is empty', () => {
    for (const lists of [BUILTIN_KEYWORDS, GENERIC_KEYWORDS, FRANCHISE_BRANDS]) {
      for (const [category, words] of Object.entries(lists)) expect(words.length, category).toBeGreaterThan(0);
    }
  });
});

describe('payment apps, surnames and savings products', () => {
  it('every payment app alone is unwrapped to nothing, and in front of a merchant leaves the merchant', () => {
    for (const app of PAYMENT_APPS) {
      expect(unwrapPaymentApp(normalizeMemo(app)), app).toEqual({ app: normalizeMemo(app), rest: '' });
      expect(unwrapPaymentApp(normalizeMemo(`${app} 할리스`)).rest, app).toBe('할리스');
    }
  });

  it('names start with the common surnames, each one syllable', () => {
    expect(COMMON_SURNAMES.length).toBeGreaterThanOrEqual(80);
    expect([...COMMON_SURNAMES].every((s) => /^[가-힣]$/.test(s))).toBe(true);
    expect(new Set(COMMON_SURNAMES).size).toBe(COMMON_SURNAMES.length);
    for (const s of '김이박최정강조윤장임') expect(COMMON_SURNAMES).toContain(s);
  });

  it('savings products are 적금, 예금, 청약, 저축, 도약계좌 and 적립식 anywhere in the memo', () => {
    for (const [memo, found] of [['KB내맘대로적금', '적금'], ['정기예금 납입', '예금'], ['주택청약', '청약'], ['저축은행', '저축'], ['청년도약계좌', '도약계좌'], ['적립식펀드', '적립식']]) {
      expect(SAVINGS_PRODUCT.exec(memo!)?.[0], memo).toBe(found);
    }
    expect(SAVINGS_PRODUCT.test('스타벅스')).toBe(false);
  });
});

describe('payee aliases', () => {
  it('every alias alone is the payee of its brand, and no brand is without aliases', () => {
    const misses: string[] = [];
    for (const [brand, aliases] of Object.entries(PAYEE_ALIASES)) {
      expect(aliases.length, brand).toBeGreaterThan(0);
      for (const alias of aliases) if (payeeOf(alias) !== brand) misses.push(`${alias} → ${payeeOf(alias)}, not ${brand}`);
    }
    expect(misses).toEqual([]);
  });

  it('the words around a merchant are what the payee rules drop or keep', () => {
    expect(REMITTANCE_PREFIXES).toEqual(['토스']);
    for (const word of LEADING_NOISE) expect(payeeOf(`${word} 이디야커피`), word).toBe('이디야');
    for (const head of GENERIC_HEADS) expect(payeeOf(`${head} 한빛상회`), head).toBe(`${head} 한빛상회`);
    expect(LEADING_NOISE.length).toBeGreaterThanOrEqual(8);
    expect(GENERIC_HEADS.length).toBeGreaterThanOrEqual(12);
  });
});
