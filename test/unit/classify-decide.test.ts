// Decision rules of the classifier (src/domain/classify.ts) that the broader tests leave open: incoming merchant
// payouts versus generic words, incoming settlements only for transfer words, the person's own transfer keywords on a
// purchase, short Latin keywords next to digits, keyword rules without a category, and what the built-in dictionary
// lists. Classifiers are built inside each test.
import { describe, expect, it } from 'vitest';
import { builtinKeywords, createClassifier, type KeywordRule } from '../../src/domain/classify.js';
import { FRANCHISE_BRANDS } from '../../src/domain/brands.js';
import { BUILTIN_KEYWORDS, GENERIC_KEYWORDS } from '../../src/domain/keywords.js';
import { normalizeMemo } from '../../src/domain/normalize.js';

const pick = (r: { category: string; rule: string | null }) => [r.category, r.rule];

describe('incoming money', () => {
  it('from a named merchant next to a generic transfer word is a payout from that merchant', () => {
    const c = createClassifier();
    expect(pick(c.classify('(주)우아한형제들 정산', 'in'))).toEqual(['income', 'built-in keyword "우아한형제들"']);
    expect(pick(c.classify('쿠팡 입금', 'in'))).toEqual(['income', 'built-in keyword "쿠팡"']);
    // the same memos going out are the merchant's category
    expect(pick(c.classify('(주)우아한형제들 정산', 'out'))).toEqual(['food', 'built-in keyword "우아한형제들"']);
  });

  it('a generic gift word next to a generic transfer word stays a transfer', () => {
    const c = createClassifier();
    expect(pick(c.classify('선물 이체', 'in'))).toEqual(['transfer', 'built-in keyword "이체"']);
    expect(pick(c.classify('축하 송금', 'in'))).toEqual(['transfer', 'built-in keyword "송금"']);
  });

  it('a payout of an income keyword beside a transfer word keeps the income keyword', () => {
    const c = createClassifier();
    expect(pick(c.classify('상여 입금', 'in'))).toEqual(['salary', 'built-in keyword "상여"']);
  });

  it('…정산 makes a transfer word income, but not salary, not an income keyword and not the person’s own keyword', () => {
    const c = createClassifier({ userKeywords: [{ keyword: '모임비', category: 'transfer' }] });
    expect(pick(c.classify('급여 정산', 'in'))).toEqual(['salary', 'built-in keyword "급여"']);
    expect(pick(c.classify('연말정산', 'in'))).toEqual(['income', 'built-in keyword "연말정산"']);
    expect(pick(c.classify('모임비 정산', 'in'))).toEqual(['transfer', 'user keyword "모임비"']);
    expect(pick(createClassifier().classify('모임비 정산', 'in'))).toEqual(['income', 'built-in rule "incoming settlement"']);
  });
});

describe("the person's keywords", () => {
  it('a transfer keyword of their own counts on a card purchase too', () => {
    const c = createClassifier({ userKeywords: [{ keyword: '회비', category: 'transfer' }] });
    expect(pick(c.classify('동호회비', 'out', { type: '체크카드' }))).toEqual(['transfer', 'user keyword "회비"']);
  });

  it('a rule whose text normalises to nothing matches no memo', () => {
    const c = createClassifier({ userKeywords: [{ keyword: '--', category: 'car' }, { keyword: '(주)', category: 'gift' }] });
    expect(pick(c.classify('스타벅스', 'out'))).toEqual(['cafe', 'built-in keyword "스타벅스"']);
    expect(c.classify('모르는상점', 'out').category).toBe('uncategorized');
  });

  it('a rule without a category (an incomplete row) is ignored', () => {
    const rules = [{ keyword: '스타벅스', category: undefined }] as unknown as KeywordRule[];
    const c = createClassifier({ userKeywords: rules });
    expect(pick(c.classify('스타벅스', 'out'))).toEqual(['cafe', 'built-in keyword "스타벅스"']);
  });
});

describe('short Latin keywords', () => {
  it('stand alone next to digits and Hangul, not next to any Latin letter a–z', () => {
    const c = createClassifier();
    expect(pick(c.classify('KT5G요금', 'out'))).toEqual(['housing', 'built-in keyword "KT"']);
    expect(pick(c.classify('2CU', 'out'))).toEqual(['mart', 'built-in keyword "CU"']);
    for (const memo of ['CUZCO', 'ZKT', 'KTA', 'ACU']) expect(c.classify(memo, 'out').category, memo).toBe('uncategorized');
  });
});

describe('the built-in dictionary', () => {
  it('lists every hand-made and franchise word once, under the category it is listed in', () => {
    const rules = builtinKeywords();
    const listed = new Map<string, Set<string>>();
    for (const src of [BUILTIN_KEYWORDS, GENERIC_KEYWORDS, FRANCHISE_BRANDS]) {
      for (const [category, words] of Object.entries(src)) for (const w of words) listed.set(`${category}\u0000${w}`, new Set());
    }
    expect(rules.filter((r) => !listed.has(`${r.category}\u0000${r.keyword}`))).toEqual([]);
    const norms = rules.map((r) => normalizeMemo(r.keyword));
    expect(new Set(norms).size).toBe(norms.length);
    const every = new Set([...listed.keys()].map((k) => normalizeMemo(k.split('\u0000')[1]!)));
    expect(new Set(norms)).toEqual(every);
    expect(builtinKeywords()).toEqual(rules);
  });
});

describe('ties', () => {
  it('of two equally long keywords of one tier the further left decides, whatever shorter words lie inside them', () => {
    const c = createClassifier();
    expect(pick(c.classify('씨제이푸드빌 한국맥도날드', 'out'))).toEqual(['cafe', 'built-in keyword "씨제이푸드빌"']);
    expect(pick(c.classify('한국맥도날드 씨제이푸드빌', 'out'))).toEqual(['food', 'built-in keyword "한국맥도날드"']);
    expect(pick(c.classify('씨제이푸드빌 우아한형제들', 'in'))).toEqual(['income', 'built-in keyword "씨제이푸드빌"']);
  });
});

describe('branch names after the longest brand', () => {
  it('the brand that reaches furthest from the first position decides where the branch begins', () => {
    // 대출이자 (loan interest) holds 대출 and 이자; the branch begins after 대출이자, so 이자 is no branch word
    const c = createClassifier();
    expect(pick(c.classify('대출이자 역삼점', 'in'))).toEqual(['income', 'built-in keyword "이자"']);
    expect(pick(c.classify('대출이자 역삼점', 'out'))).toEqual(['finance', 'built-in keyword "대출이자"']);
  });

  it('a shop branch named after a 센터 is still a shop, a bank branch ends in 센터', () => {
    const c = createClassifier();
    expect(c.classify('박진우', 'out', { branch: '코엑스센터점' }).category).toBe('uncategorized');
    expect(c.classify('박진우', 'out', { branch: '강남금융센터' }).category).toBe('transfer');
  });
});

describe('without labels', () => {
  it('no memo is decided by a label or a payee label', () => {
    const c = createClassifier();
    for (const memo of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', '월세', '스타벅스']) {
      expect(c.classify(memo, 'out').source, memo).not.toBe('label');
    }
  });
});
