// The classifier answers a repeated memo from its cache and shares keyword results (src/domain/classify.ts): a repeated
// memo gives the very same frozen result, with or without evidence; memos decided by one keyword under the same
// evidence share one result; every classifier without keywords of its own shares one dictionary. The memo cache is
// bounded to two generations of 20,000 memos: a memo that keeps recurring stays, a one-off memo is dropped after two
// generations of others (and then computed again, with the same answer).
import { describe, expect, it } from 'vitest';
import { createClassifier, type Classifier } from '../../src/domain/classify.js';

const GENERATION = 20_000;
const stream = (c: Classifier, from: number, count: number): void => {
  for (let i = from; i < from + count; i++) c.classify(`상점${i}`, 'out');
};

describe('repeated memos', () => {
  it('a memo asked again gives the very same result, with or without evidence', () => {
    const c = createClassifier();
    const bare = c.classify('홍길동', 'out');
    expect(c.classify('홍길동', 'out')).toBe(bare);
    const withType = c.classify('홍길동', 'out', { type: '대체', amount: 10_000 });
    expect(c.classify('홍길동', 'out', { type: '대체', amount: 20_000 })).toBe(withType);
    const byBranch = c.classify('홍길동', 'in', { branch: '역삼지점' });
    expect(c.classify('홍길동', 'in', { branch: '역삼지점' })).toBe(byBranch);
    expect(byBranch).not.toBe(c.classify('홍길동', 'in'));
  });

  it('memos decided by one keyword under the same evidence share one result', () => {
    const c = createClassifier();
    const card = { type: '체크카드' };
    expect(c.classify('스타벅스 강남', 'out', card)).toBe(c.classify('스타벅스 역삼', 'out', card));
    expect(c.classify('스타벅스 강남', 'out', { type: '대체' })).toBe(c.classify('스타벅스 역삼', 'out', { type: '대체' }));
    expect(c.classify('스타벅스 강남', 'out', card)).not.toBe(c.classify('스타벅스 강남', 'out'));
  });

  it('classifiers without keywords of their own share one built-in dictionary', () => {
    expect(createClassifier().classify('스타벅스 강남', 'out')).toBe(createClassifier({ labels: [['월세', 'housing']] }).classify('스타벅스 역삼', 'out'));
    const own = createClassifier({ userKeywords: [{ keyword: '헬스', category: 'leisure' }] });
    expect(own.classify('스타벅스 강남', 'out')).toEqual(createClassifier().classify('스타벅스 강남', 'out'));
  });
});

describe('the bounded memo cache', () => {
  it('keeps a memo that recurs while one-off memos stream past', () => {
    const c = createClassifier();
    const first = c.classify('홍길동', 'out');
    for (let round = 0; round < 3; round++) {
      stream(c, round * GENERATION, GENERATION);
      expect(c.classify('홍길동', 'out'), `round ${round}`).toBe(first);
    }
  });

  it('drops a one-off memo once two full generations of other memos came after it, and answers it the same again', () => {
    const kept = createClassifier();
    const a = kept.classify('홍길동', 'out');
    stream(kept, 0, 2 * GENERATION - 1);
    expect(kept.classify('홍길동', 'out')).toBe(a);

    const dropped = createClassifier();
    const b = dropped.classify('홍길동', 'out');
    stream(dropped, 0, 2 * GENERATION);
    const again = dropped.classify('홍길동', 'out');
    expect(again).not.toBe(b);
    expect(again).toEqual(b);
  });

  it('a memo asked right after another one-off memo is still cached', () => {
    const c = createClassifier();
    const a = c.classify('홍길동', 'out');
    c.classify('김철수', 'out');
    c.classify('이영희', 'out');
    expect(c.classify('홍길동', 'out')).toBe(a);
  });
});

describe('the bounded store of shared results', () => {
  // Each incoming "…정산" memo gets a result of its own (made per memo), and under evidence with a reason each such
  // result is stored with its reason added. So that a long tail of them cannot grow memory without end, one kind of
  // evidence keeps at most 10,000 results; past that, keyword results are still right but made afresh per memo.
  const settle = (c: Classifier, count: number): void => {
    for (let i = 0; i < count; i++) c.classify(`모임비${i} 정산`, 'in', { type: '대체' });
  };

  it('below 10,000 stored results a keyword result under the same evidence is still shared', () => {
    const c = createClassifier();
    settle(c, 9_999);
    const a = c.classify('스타벅스 강남', 'in', { type: '대체' });
    expect(a.category).toBe('income'); // money back from a shop: a refund
    expect(c.classify('스타벅스 역삼', 'in', { type: '대체' })).toBe(a);
  });

  it('once 10,000 results are stored, a new keyword result is made per memo: equal, no longer one object', () => {
    const c = createClassifier();
    settle(c, 10_000);
    expect(c.classify('모임비9999 정산', 'in', { type: '대체' }).rule).toBe('built-in rule "incoming settlement"');
    const a = c.classify('스타벅스 강남', 'in', { type: '대체' });
    const b = c.classify('스타벅스 역삼', 'in', { type: '대체' });
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
    // Other evidence has a store of its own, which is not full.
    expect(c.classify('스타벅스 역삼', 'in', { type: '타행' })).toBe(c.classify('스타벅스 강남', 'in', { type: '타행' }));
  });
});
