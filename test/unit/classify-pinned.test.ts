// Pins how the classifier (src/domain/classify.ts) picks among keyword hits, as mutation testing showed untested:
// the person's keywords beat built-in ones, longer beats shorter, leftmost breaks ties, short Latin keywords must
// stand alone, branch names do not vote, incoming money on a spending keyword is a refund, and answers stay the same
// when the memo cache turns over.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/domain/classify.js';

const pick = (r: { category: string; rule: string | null }) => [r.category, r.rule];

describe('which keyword decides', () => {
  it("the person's keyword beats a built-in one, even a longer one; among theirs the longer, then the leftmost wins", () => {
    const c = createClassifier({ userKeywords: [{ keyword: '벅스', category: 'leisure' }] });
    expect(pick(c.classify('스타벅스', 'out'))).toEqual(['leisure', 'user keyword "벅스"']);
    const two = createClassifier({ userKeywords: [{ keyword: '병원', category: 'gift' }, { keyword: '스타', category: 'education' }, { keyword: '스타벅', category: 'car' }] });
    expect(pick(two.classify('스타벅스서울대병원점', 'out'))).toEqual(['car', 'user keyword "스타벅"']);
    const tie = createClassifier({ userKeywords: [{ keyword: '병원', category: 'gift' }, { keyword: '스타', category: 'education' }] });
    expect(pick(tie.classify('스타벅스서울대병원점', 'out'))).toEqual(['education', 'user keyword "스타"']);
    expect(pick(tie.classify('서울대병원 스타', 'out'))).toEqual(['gift', 'user keyword "병원"']);
  });

  it('among built-in keywords the longer one wins wherever it stands', () => {
    const c = createClassifier();
    expect(pick(c.classify('대학병원 약국', 'out'))).toEqual(['medical', 'built-in keyword "대학병원"']);
    expect(pick(c.classify('서울대병원', 'out'))).toEqual(['medical', 'built-in keyword "병원"']);
    expect(pick(c.classify('스타벅스코리아', 'out'))).toEqual(['cafe', 'built-in keyword "스타벅스코리아"']);
  });

  it('a re-added keyword replaces the earlier rule; its text is shown trimmed; one that normalises to nothing is ignored', () => {
    const c = createClassifier({ userKeywords: [{ keyword: ' 헬스 ', category: 'leisure' }, { keyword: '헬스', category: 'medical' }, { keyword: '-- ', category: 'car' }] });
    expect(c.classify('동네 헬스', 'out')).toMatchObject({ category: 'medical', rule: 'user keyword "헬스"', matched: '헬스', kind: 'user', source: 'keyword' });
    const trimmed = createClassifier({ userKeywords: [{ keyword: ' 요가원 ', category: 'leisure' }] });
    expect(trimmed.classify('하타요가원', 'out')).toMatchObject({ rule: 'user keyword "요가원"', matched: '요가원' });
    expect(trimmed.classify('--', 'out').category).toBe('uncategorized');
  });
});

describe('short Latin keywords', () => {
  it('match only when no other Latin letter touches them', () => {
    const c = createClassifier();
    for (const memo of ['KT 인터넷', 'CU', 'CU역삼점', '씨유CU', 'kt']) expect(c.classify(memo, 'out').category, memo).not.toBe('uncategorized');
    expect(c.classify('CU역삼점', 'out').rule).toBe('built-in keyword "CU"');
    for (const memo of ['market', 'cup', 'scuba', 'ACU']) expect(c.classify(memo, 'out').category, memo).toBe('uncategorized');
  });
});

describe('branch names', () => {
  it('built-in keywords inside a branch name do not count; a shop word is not a branch', () => {
    const c = createClassifier();
    expect(pick(c.classify('스타벅스서울대병원점', 'out'))).toEqual(['cafe', 'built-in keyword "스타벅스"']);
    expect(pick(c.classify('투썸 삼성화재점', 'out'))).toEqual(['cafe', 'built-in keyword "투썸"']);
    expect(c.classify('이마트 정육점', 'out').category).toBe('mart');
  });
});

describe('direction', () => {
  it('incoming money on a spending keyword is a refund; outgoing money on an income keyword stays uncategorized', () => {
    const c = createClassifier();
    expect(c.classify('스타벅스', 'in')).toMatchObject({ category: 'income', rule: 'built-in keyword "스타벅스"', kind: 'builtin' });
    expect(c.classify('급여', 'in').category).toBe('salary');
    expect(c.classify('급여', 'out')).toMatchObject({ category: 'uncategorized', source: 'none', rule: null, matched: null, kind: 'none' });
    expect(c.classify('이자', 'out').category).toBe('uncategorized');
    expect(c.classify('스타벅스', 'out').category).toBe('cafe'); // the same memo, cached per direction
  });

  it('a bare payment app says nothing; a person name is a transfer both ways', () => {
    const c = createClassifier();
    expect(c.classify('카카오페이', 'out')).toMatchObject({ category: 'uncategorized', source: 'none', kind: 'none' });
    for (const d of ['in', 'out'] as const) {
      expect(c.classify('홍길동', d)).toMatchObject({ category: 'transfer', source: 'keyword', rule: 'built-in rule "personal name"', matched: '홍길동', kind: 'builtin' });
    }
  });
});

describe('the memo cache', () => {
  it('gives the same answers after more distinct memos than one cache generation holds', () => {
    const c = createClassifier({ labels: [['월세', 'housing']] });
    const first = ['스타벅스', '월세', '홍길동', '알 수 없음'].map((m) => c.classify(m, 'out'));
    for (let i = 0; i < 45_000; i++) c.classify(`가맹점${i}`, 'out');
    expect(['스타벅스', '월세', '홍길동', '알 수 없음'].map((m) => c.classify(m, 'out'))).toEqual(first);
    expect(first.map((r) => r.category)).toEqual(['cafe', 'housing', 'transfer', 'uncategorized']);
  });
});
