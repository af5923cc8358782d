// Every field the bank sends is evidence: tran_type and branch (a purchase is never a transfer between people), the
// own-account pairing, savings products, incoming settlements, the amount's shape; and each result says why.

import { describe, expect, it } from 'vitest';
import { builtinKeywords, createClassifier } from '../../src/domain/classify.js';
import { FRANCHISE_BRANDS } from '../../src/domain/brands.js';
import { BUILTIN_KEYWORDS, GENERIC_KEYWORDS } from '../../src/domain/keywords.js';
import { normalizeMemo } from '../../src/domain/normalize.js';

const c = createClassifier();

describe('purchase evidence', () => {
  it('a shop named like a person is not a transfer when tran_type says purchase', () => {
    expect(c.classify('김미영', 'out').category).toBe('transfer');
    const card = c.classify('김미영', 'out', { type: '체크카드', amount: 8500 });
    expect(card.category).toBe('uncategorized');
    expect(card.evidence.join('\n')).toContain('tran_type "체크카드"');
    expect(c.classify('김미영', 'out', { type: 'POS' }).category).toBe('uncategorized');
    expect(c.classify('김미영', 'out', { type: '간편결제' }).category).toBe('uncategorized');
  });

  it('a shop branch_name is purchase evidence; a bank branch is not', () => {
    expect(c.classify('박진우', 'out', { branch: '역삼점' }).category).toBe('uncategorized');
    expect(c.classify('박진우', 'out', { branch: '역삼동지점', type: '대체' }).category).toBe('transfer');
  });

  it('the shop keyword decides a purchase whose memo starts with a surname', () => {
    const r = c.classify('박가네칼국수', 'out', { type: '카드' });
    expect(r.category).toBe('food');
    expect(r.evidence.some((e) => e.includes('칼국수'))).toBe(true);
  });

  it('built-in transfer words do not count for a purchase', () => {
    expect(c.classify('토스 김하늘', 'out', { type: '대체' }).category).toBe('transfer');
    const r = c.classify('토스 김하늘', 'out', { type: '체크카드' });
    expect(r.category).not.toBe('transfer');
    expect(r.evidence.join('\n')).toContain('ignored: a purchase is not a transfer');
  });

  it('money in through a purchase channel is a refund', () => {
    const r = c.classify('알수없는가게', 'in', { type: '카드' });
    expect(r.category).toBe('income');
    expect(r.evidence.join('\n')).toContain('refund');
  });

  it('an unknown channel with a price-like amount is not taken for a person', () => {
    expect(c.classify('최수진', 'out', { amount: 30000 }).category).toBe('transfer');
    expect(c.classify('최수진', 'out', { amount: 8550 }).category).toBe('uncategorized');
    expect(c.classify('최수진', 'out', { amount: 8550, type: '타행환' }).category).toBe('transfer');
  });
});

describe('own accounts and savings', () => {
  it('a leg of an own-account transfer is a transfer whatever the memo says', () => {
    const r = c.classify('KB내맘대로적금', 'out', { type: '대체', own: true });
    expect(r).toMatchObject({ category: 'transfer', rule: 'built-in rule "own account"' });
    expect(c.classify('월급통장', 'in', { own: true }).category).toBe('transfer');
  });

  it('a savings product not paired with an own account is finance, even next to a bank name', () => {
    for (const memo of ['카카오뱅크 26주적금', '자유적금', '주택청약종합저축', '정기예금 납입']) {
      const r = c.classify(memo, 'out', { type: '대체', own: false });
      expect(r.category, memo).toBe('finance');
      expect(r.evidence.join('\n')).toContain('savings product');
    }
  });

  it('a user keyword still beats the savings rule; a label beats own-account evidence', () => {
    const u = createClassifier({ userKeywords: [{ keyword: '26주', category: '저축놀이' }], labels: [['월급통장', 'salary']] });
    expect(u.classify('카카오뱅크 26주적금', 'out').category).toBe('저축놀이');
    expect(u.classify('월급통장', 'in', { own: true }).category).toBe('salary');
  });

  it('a deposit paid out at maturity is the person’s own money coming back (cross-word match)', () => {
    expect(c.classify('정기예금 만기해지', 'in').category).toBe('transfer');
    expect(c.classify('정기예금 만기 해지', 'in').category).toBe('transfer');
  });
});

describe('incoming settlements', () => {
  it('an incoming …정산 is money paid back, not a transfer', () => {
    for (const memo of ['모임비 정산', '더치페이정산', '(주)우아한형제들 정산', '정산금']) {
      expect(c.classify(memo, 'in').category, memo).toBe('income');
    }
    expect(c.classify('정산', 'out').category).toBe('transfer');
  });
});

describe('brands from the franchise lists', () => {
  it('beauty and fitness chains are known', () => {
    expect(c.classify('SEPHORA 명동', 'out').category).toBe('beauty');
    expect(c.classify('ANYTIME FITNESS', 'out').category).toBe('leisure');
    expect(c.classify('커브스 분당점', 'out').category).toBe('leisure');
    expect(c.classify('러쉬 LUSH', 'out').category).toBe('beauty');
  });

  it('no brand claims a keyword the hand-made dictionary gives another category', () => {
    const hand = new Map<string, string>();
    for (const src of [BUILTIN_KEYWORDS, GENERIC_KEYWORDS]) for (const [cat, words] of Object.entries(src)) for (const w of words) hand.set(normalizeMemo(w), cat);
    const clashes: string[] = [];
    const seen = new Map<string, string>();
    for (const [cat, words] of Object.entries(FRANCHISE_BRANDS)) {
      for (const w of words) {
        const n = normalizeMemo(w);
        const other = hand.get(n) ?? seen.get(n);
        if (other !== undefined && other !== cat) clashes.push(`${w}: ${other} / ${cat}`);
        seen.set(n, cat);
      }
    }
    expect(clashes).toEqual([]);
    expect(builtinKeywords().length).toBeGreaterThan(1200);
  });
});

describe('payee labels', () => {
  it('label every memo of a merchant; a memo label beats them; they beat keywords and own-account evidence', () => {
    const p = createClassifier({ payeeLabels: [['스타벅스', 'gift']], labels: [['스타벅스 강남점', 'food']] });
    expect(p.classify('스타벅스코리아 역삼점', 'out')).toMatchObject({ category: 'gift', source: 'label', rule: 'payee label "스타벅스"' });
    expect(p.classify('스타벅스 판교점', 'out', { type: '체크카드' }).category).toBe('gift');
    expect(p.classify('스타벅스 강남점', 'out').category).toBe('food');
    expect(p.classify('이디야커피', 'out').category).toBe('cafe');
  });
});
