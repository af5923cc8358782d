// Classifier behaviour: precedence (label > user keyword > built-in), longest match, direction rules,
// payment apps, branch suffixes, the incoming-name rule, and determinism.

import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/domain/classify.js';

const builtin = createClassifier();

describe('precedence', () => {
  it('a label beats user and built-in keywords, matched on the trimmed memo only', () => {
    const c = createClassifier({
      labels: [['  스타벅스 강남점 ', 'food']],
      userKeywords: [{ keyword: '스타벅스', category: 'gift' }],
    });
    expect(c.classify('스타벅스 강남점', 'out')).toMatchObject({
      category: 'food',
      source: 'label',
      rule: 'label "스타벅스 강남점"',
      matched: '스타벅스 강남점',
      kind: 'label',
    });
    // Not normalised beyond trim: different spacing is a different memo.
    expect(c.classify('스타벅스강남점', 'out').category).toBe('gift');
  });

  it('a label applies in either direction and may name a user category', () => {
    const c = createClassifier({ labels: [['김민수', '용돈'], ['급여', 'salary']] });
    expect(c.classify('김민수', 'in').category).toBe('용돈');
    expect(c.classify('김민수', 'out').category).toBe('용돈');
    expect(c.classify('급여', 'out')).toMatchObject({ category: 'salary', kind: 'label' });
  });

  it('a user keyword beats a longer built-in keyword', () => {
    const c = createClassifier({ userKeywords: [{ keyword: '스타', category: '덕질' }] });
    expect(c.classify('스타벅스코리아', 'out')).toMatchObject({
      category: '덕질',
      source: 'keyword',
      rule: 'user keyword "스타"',
      matched: '스타',
      kind: 'user',
    });
  });

  it('a user keyword with the same text as a built-in one replaces it; the last rule for a text wins', () => {
    const c = createClassifier({
      userKeywords: [
        { keyword: '쿠팡', category: 'mart' },
        { keyword: ' 쿠 팡 ', category: 'food' },
      ],
    });
    expect(c.classify('쿠팡(주)', 'out')).toMatchObject({ category: 'food', kind: 'user', matched: '쿠 팡' });
  });

  it('a built-in keyword reports itself', () => {
    expect(builtin.classify('(주)우아한형제들', 'out')).toMatchObject({
      category: 'food',
      source: 'keyword',
      rule: 'built-in keyword "우아한형제들"',
      matched: '우아한형제들',
      kind: 'builtin',
    });
  });

  it('nothing matched is uncategorized with source none', () => {
    expect(builtin.classify('블루스퀘어커뮤니케', 'out')).toMatchObject({
      category: 'uncategorized',
      source: 'none',
      rule: null,
      matched: null,
      kind: 'none',
    });
  });
});

describe('matching', () => {
  it('the longest keyword wins', () => {
    expect(builtin.classify('이삭토스트 노량진점', 'out')).toMatchObject({ category: 'food', matched: '이삭토스트' });
    expect(builtin.classify('쿠팡이츠', 'out')).toMatchObject({ category: 'food', matched: '쿠팡이츠' });
    expect(builtin.classify('쿠팡플레이', 'out')).toMatchObject({ category: 'leisure', matched: '쿠팡플레이' });
    expect(builtin.classify('삼성화재 자동차보험', 'out').matched).toBe('자동차보험');
  });

  it('ties go to the leftmost keyword', () => {
    // 월급 (pos 0) and 급여 (pos 1) have the same length.
    expect(builtin.classify('월급여', 'in').matched).toBe('월급');
  });

  it('generic transaction words lose to any merchant', () => {
    expect(builtin.classify('자동이체 KT', 'out')).toMatchObject({ category: 'housing', matched: 'KT' });
    expect(builtin.classify('이체', 'out')).toMatchObject({ category: 'transfer', matched: '이체' });
  });

  it('short Latin keywords must not sit inside a longer Latin word', () => {
    expect(builtin.classify('KT 통신요금', 'out').category).toBe('housing');
    expect(builtin.classify('KT&G', 'out').category).toBe('uncategorized');
    expect(builtin.classify('CU 신림점', 'out').category).toBe('mart');
    expect(builtin.classify('CUPID BAR', 'out').category).toBe('uncategorized');
  });

  it('a keyword inside a branch name does not outvote the brand', () => {
    expect(builtin.classify('투썸 삼성화재점', 'out')).toMatchObject({ category: 'cafe', matched: '투썸' });
    expect(builtin.classify('이디야 한국전력점', 'out').category).toBe('cafe');
  });

  it('a user keyword inside a branch name still counts', () => {
    const c = createClassifier({ userKeywords: [{ keyword: '강남', category: '회사근처' }] });
    expect(c.classify('스타벅스 강남점', 'out').category).toBe('회사근처');
  });
});

describe('payment apps', () => {
  it.each([
    ['카카오페이 스타벅스', 'cafe'],
    ['카카오페이_배달의민족', 'food'],
    ['네이버페이(무신사)', 'shopping'],
    ['토스페이 올리브영', 'beauty'],
    ['KG이니시스 넷플릭스', 'leisure'],
    ['카카오페이 송금', 'transfer'],
  ])('%s → %s (the merchant behind the app decides)', (memo, category) => {
    expect(builtin.classify(memo, 'out').category).toBe(category);
  });

  it.each(['카카오페이', '네이버페이', '(주)카카오페이', 'KG이니시스', 'NAVERPAY'])(
    'a bare %s is uncategorized in both directions',
    (memo) => {
      expect(builtin.classify(memo, 'out')).toMatchObject({ category: 'uncategorized', source: 'none' });
      expect(builtin.classify(memo, 'in')).toMatchObject({ category: 'uncategorized', source: 'none' });
    },
  );

  it('an app with an unknown merchant is uncategorized, not shopping', () => {
    expect(builtin.classify('카카오페이 블루스퀘어', 'out').category).toBe('uncategorized');
  });
});

describe('direction', () => {
  it('incoming money from a spending keyword is a refund (income), still naming the keyword', () => {
    expect(builtin.classify('스타벅스코리아', 'in')).toMatchObject({
      category: 'income',
      source: 'keyword',
      rule: 'built-in keyword "스타벅스코리아"',
      matched: '스타벅스코리아',
      kind: 'builtin',
    });
    expect(builtin.classify('스타벅스코리아', 'out').category).toBe('cafe');
  });

  it('incoming money prefers an allowed keyword over a longer spending one', () => {
    expect(builtin.classify('쿠팡 환불', 'in')).toMatchObject({ category: 'income', matched: '환불' });
    expect(builtin.classify('토스 스타벅스', 'in')).toMatchObject({ category: 'transfer', matched: '토스' });
  });

  it('outgoing pay or income words are not salary or income', () => {
    expect(builtin.classify('급여', 'out').category).toBe('uncategorized');
    expect(builtin.classify('캐시백', 'out').category).toBe('uncategorized');
    // The best keyword allowed for the direction decides: 예금이자 going out is read through 예금.
    expect(builtin.classify('예금이자', 'out').category).toBe('finance');
    expect(builtin.classify('급여이체', 'out')).toMatchObject({ category: 'transfer', matched: '이체' });
    expect(builtin.classify('급여', 'in').category).toBe('salary');
  });

  it('a user keyword for a spending category also becomes income when money comes in', () => {
    const c = createClassifier({ userKeywords: [{ keyword: '헬스', category: '운동' }] });
    expect(c.classify('헬스장', 'in')).toMatchObject({ category: 'income', kind: 'user' });
  });

  it('a memo that is only a person name is a transfer, in either direction', () => {
    expect(builtin.classify('김민수', 'in')).toMatchObject({
      category: 'transfer',
      source: 'keyword',
      rule: 'built-in rule "personal name"',
      matched: '김민수',
      kind: 'builtin',
    });
    expect(builtin.classify('카카오페이 이준호', 'in').category).toBe('transfer');
    expect(builtin.classify('김민수', 'out').category).toBe('transfer');
    expect(builtin.classify('모르는상점', 'in').category).toBe('uncategorized');
  });
});

describe('determinism and caching', () => {
  it('gives the same answer for the same memo, cached or not, across classifiers', () => {
    const memos = ['스타벅스 강남점', '카카오페이 쿠팡', '월급여', '김민수', '모르는상점', 'KT 자동이체'];
    const a = createClassifier();
    const first = memos.map((m) => a.classify(m, 'in'));
    const again = memos.map((m) => a.classify(m, 'in'));
    const fresh = memos.map((m) => createClassifier().classify(m, 'in'));
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
  });

  it('caches per direction', () => {
    const c = createClassifier();
    expect(c.classify('스타벅스', 'out').category).toBe('cafe');
    expect(c.classify('스타벅스', 'in').category).toBe('income');
    expect(c.classify('스타벅스', 'out').category).toBe('cafe');
  });

  it('stays correct while the bounded cache rotates through many distinct memos', () => {
    const c = createClassifier();
    expect(c.classify('스타벅스 강남점', 'out').category).toBe('cafe');
    for (let i = 0; i < 50_000; i++) c.classify(`모르는상점 ${i}`, 'out');
    expect(c.classify('스타벅스 강남점', 'out').category).toBe('cafe');
    expect(c.classify('모르는상점 7', 'out').category).toBe('uncategorized');
  });

  it('returns results the caller cannot corrupt for the next caller', () => {
    const c = createClassifier();
    const r = c.classify('스타벅스', 'out');
    expect(Object.isFrozen(r)).toBe(true);
  });
});
