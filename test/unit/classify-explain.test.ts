// What each classification says about itself (`finance explain` prints it): the rule, the kind and the evidence in
// words, exactly, for every way a memo can be decided; and the evidence fields a bank pads or leaves out.
// Classifiers are built inside each test, so no answer is cached from before the test runs.
import { describe, expect, it } from 'vitest';
import { createClassifier, type Classification } from '../../src/domain/classify.js';

const explain = (r: Classification) => ({ category: r.category, source: r.source, rule: r.rule, matched: r.matched, kind: r.kind, evidence: [...r.evidence] });
const NAME = (m: string) => `memo "${m}" looks like a person's name (a common surname and 1–3 more syllables)`;
const CARD = 'tran_type "체크카드": a purchase, never a transfer between people';
const SHOP = 'branch_name names a shop branch: a purchase, never a transfer between people';
const BANK = (t: string) => `tran_type "${t}": a bank transfer`;
const NOTHING = 'no label or keyword matched';

describe('nothing matched', () => {
  it('says that no label or keyword matched, and nothing more when the bank sent no evidence', () => {
    const c = createClassifier();
    expect(explain(c.classify('블루스퀘어', 'out'))).toEqual({ category: 'uncategorized', source: 'none', rule: null, matched: null, kind: 'none', evidence: [NOTHING] });
    expect(explain(c.classify('블루스퀘어', 'out', {}))).toEqual(explain(c.classify('블루스퀘어', 'in')));
    expect([...c.classify('블루스퀘어', 'out', { type: '기타' }).evidence]).toEqual([NOTHING]);
  });

  it('a purchase with an unknown merchant names the purchase channel before it', () => {
    const c = createClassifier();
    expect([...c.classify('알수없는가게', 'out', { type: '체크카드' }).evidence]).toEqual([CARD, NOTHING]);
    expect([...c.classify('알수없는가게', 'out', { branch: '역삼점' }).evidence]).toEqual([SHOP, NOTHING]);
  });

  it('a bare payment app says nothing, also when the money comes in through a card', () => {
    const c = createClassifier();
    expect(explain(c.classify('카카오페이', 'in', { type: '체크카드' }))).toEqual({ category: 'uncategorized', source: 'none', rule: null, matched: null, kind: 'none', evidence: [CARD, NOTHING] });
    expect([...c.classify('네이버페이', 'in').evidence]).toEqual([NOTHING]);
  });
});

describe('keywords', () => {
  it('a keyword result names the keyword and its category, after the channel when there is one', () => {
    const c = createClassifier();
    expect(explain(c.classify('스타벅스 역삼', 'out'))).toEqual({ category: 'cafe', source: 'keyword', rule: 'built-in keyword "스타벅스"', matched: '스타벅스', kind: 'builtin', evidence: ['built-in keyword "스타벅스" → cafe'] });
    expect([...c.classify('스타벅스 역삼', 'out', { type: '체크카드' }).evidence]).toEqual([CARD, 'built-in keyword "스타벅스" → cafe']);
    expect([...c.classify('스타벅스 역삼', 'out', { type: '대체' }).evidence]).toEqual([BANK('대체'), 'built-in keyword "스타벅스" → cafe']);
    expect([...c.classify('스타벅스 역삼', 'out', { amount: 4500 }).evidence]).toEqual(['built-in keyword "스타벅스" → cafe']);
  });

  it('money in from a merchant is a refund, cashback or payout, and says so', () => {
    const c = createClassifier();
    expect(explain(c.classify('스타벅스', 'in'))).toEqual({
      category: 'income', source: 'keyword', rule: 'built-in keyword "스타벅스"', matched: '스타벅스', kind: 'builtin',
      evidence: ['built-in keyword "스타벅스" names a merchant; money in from a merchant is a refund, cashback or payout'],
    });
  });

  it('a transfer word ignored for a purchase is named; money in through the purchase is a refund', () => {
    const c = createClassifier();
    const ignored = 'built-in keyword "토스" ignored: a purchase is not a transfer';
    expect(explain(c.classify('토스 김하늘', 'in', { type: '체크카드' }))).toEqual({
      category: 'income', source: 'keyword', rule: 'built-in rule "refund of a purchase"', matched: null, kind: 'builtin',
      evidence: [CARD, 'money in through a purchase channel: a refund or cancellation', ignored],
    });
    expect(explain(c.classify('토스 김하늘', 'out', { type: '체크카드' }))).toEqual({ category: 'uncategorized', source: 'none', rule: null, matched: null, kind: 'none', evidence: [CARD, NOTHING, ignored] });
    expect([...c.classify('토스 스타벅스', 'out', { type: '체크카드' }).evidence]).toEqual([CARD, 'built-in keyword "스타벅스" → cafe', ignored]);
  });

  it('money in through a purchase channel with no keyword at all is a refund of the purchase', () => {
    const c = createClassifier();
    expect(explain(c.classify('알수없는가게', 'in', { type: '체크카드' }))).toEqual({
      category: 'income', source: 'keyword', rule: 'built-in rule "refund of a purchase"', matched: null, kind: 'builtin',
      evidence: [CARD, 'money in through a purchase channel: a refund or cancellation'],
    });
  });
});

describe('personal names', () => {
  it('a name alone says it looks like a name; a bank channel comes first, a round amount last', () => {
    const c = createClassifier();
    const rule = { category: 'transfer', source: 'keyword', rule: 'built-in rule "personal name"', matched: '홍길동', kind: 'builtin' };
    expect(explain(c.classify('홍길동', 'out'))).toEqual({ ...rule, evidence: [NAME('홍길동')] });
    expect(explain(c.classify('홍길동', 'out', { type: '대체', amount: 50_000 }))).toEqual({ ...rule, evidence: [BANK('대체'), NAME('홍길동')] });
    expect(explain(c.classify('홍길동', 'out', { type: '대체', amount: 50_500 }))).toEqual({ ...rule, evidence: [BANK('대체'), NAME('홍길동')] });
    expect(explain(c.classify('홍길동', 'out', { amount: 30_000 }))).toEqual({ ...rule, evidence: [NAME('홍길동'), 'a round amount (a multiple of 1,000원), as people send'] });
    expect(explain(c.classify('홍길동', 'out', { type: '기타' }))).toEqual({ ...rule, evidence: [NAME('홍길동')] });
  });

  it('a name with a price-like amount and no transfer channel stays uncategorized, and says why', () => {
    const c = createClassifier();
    expect(explain(c.classify('홍길동', 'out', { amount: 30_500 }))).toEqual({
      category: 'uncategorized', source: 'none', rule: null, matched: null, kind: 'none',
      evidence: ['memo looks like a name, but the amount is not a round sum and no tran_type says transfer'],
    });
    expect([...c.classify('모르는상점', 'out', { amount: 8_550 }).evidence]).toEqual([NOTHING]);
    expect([...c.classify('모르는상점', 'out', { amount: 8_000 }).evidence]).toEqual([NOTHING]);
  });
});

describe('rules', () => {
  it('own account, savings deposit and incoming settlement each name their rule', () => {
    const c = createClassifier();
    expect(explain(c.classify('스타벅스', 'out', { own: true }))).toEqual({
      category: 'transfer', source: 'keyword', rule: 'built-in rule "own account"', matched: null, kind: 'builtin',
      evidence: ['the other leg of this move is in another of your own accounts'],
    });
    expect(explain(c.classify('KB적금', 'out', { type: '대체' }))).toEqual({
      category: 'finance', source: 'keyword', rule: 'built-in rule "savings deposit"', matched: '적금', kind: 'builtin',
      evidence: ['savings product "…적금" in the memo, not paired with one of your own accounts: a savings deposit'],
    });
    expect(explain(c.classify('모임비 정산', 'in'))).toEqual({
      category: 'income', source: 'keyword', rule: 'built-in rule "incoming settlement"', matched: '정산', kind: 'builtin',
      evidence: ['incoming "…정산": a settlement paid back (a shared bill or a platform payout)'],
    });
    expect([...c.classify('모임비 정산', 'in', { type: '대체' }).evidence]).toEqual([BANK('대체'), 'incoming "…정산": a settlement paid back (a shared bill or a platform payout)']);
  });

  it('labels and payee labels name the trimmed text they were made for', () => {
    const c = createClassifier({ labels: [[' 월세 ', 'housing']], payeeLabels: [[' 스타벅스 ', 'gift']] });
    expect(explain(c.classify('월세', 'out'))).toEqual({ category: 'housing', source: 'label', rule: 'label "월세"', matched: '월세', kind: 'label', evidence: ['your label on the memo "월세"'] });
    expect(explain(c.classify('스타벅스 역삼점', 'out'))).toEqual({
      category: 'gift', source: 'label', rule: 'payee label "스타벅스"', matched: '스타벅스', kind: 'label',
      evidence: ['your label on every memo of the payee "스타벅스"'],
    });
  });
});

describe('evidence fields as banks send them', () => {
  it('a tran_type padded with spaces is named trimmed', () => {
    const c = createClassifier();
    expect([...c.classify('박진우', 'out', { type: ' 대체 ' }).evidence]).toEqual([BANK('대체'), NAME('박진우')]);
  });

  it('a bank branch, also padded with spaces, is no purchase evidence; a shop branch is', () => {
    const c = createClassifier();
    for (const branch of ['신한은행 역삼지점', '역삼지점 ', '여의도금융센터']) {
      expect(c.classify('박진우', 'out', { branch }).category, branch).toBe('transfer');
    }
    expect(c.classify('박진우', 'out', { branch: '역삼점' }).category).toBe('uncategorized');
    expect(c.classify('박진우', 'out', { branch: '역삼점', type: '대체' }).category).toBe('transfer');
  });

  it('a tran_type that names neither a purchase nor a bank move leaves the branch to decide', () => {
    const c = createClassifier();
    expect(explain(c.classify('홍길동', 'out', { type: '기타', branch: '역삼점' }))).toMatchObject({ category: 'uncategorized', evidence: [SHOP, NOTHING] });
    expect(c.classify('홍길동', 'out', { type: '기타', branch: '역삼지점' }).category).toBe('transfer');
  });

  it('evidence without an amount does not make a name look like a price', () => {
    const c = createClassifier();
    expect(c.classify('홍길동', 'out', { type: '기타' }).category).toBe('transfer');
    expect(c.classify('홍길동', 'out', { branch: '역삼지점' }).category).toBe('transfer');
    expect(c.classify('홍길동', 'in', { own: false }).category).toBe('transfer');
  });
});
