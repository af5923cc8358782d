// Pins the memo-shape rules of src/domain/normalize.ts and the label rule of src/domain/classify.ts that mutation
// testing showed no test held: shop words of two syllables, branch cutting, corporate markers, app unwrapping,
// person-name shape, and labels matched on the trimmed memo.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/domain/classify.js';
import { isBranchTail, looksLikePersonName, normalizeMemo, stripBranchSuffix, unwrapPaymentApp } from '../../src/domain/normalize.js';

describe('branch tails', () => {
  it('a branch name ending in 점 is a branch; two- and three-syllable shop words are not', () => {
    for (const branch of ['강남점', '서울역점', '역삼1지점', '본점']) expect(isBranchTail(branch), branch).toBe(true);
    for (const shop of ['반점', '매점', '중국반점', '학교매점', '백화점', '신세계백화점', '정육점', '편의점', '안경점']) {
      expect(isBranchTail(shop), shop).toBe(false);
    }
  });

  it('a single 점 or text not ending in 점 is no branch', () => {
    expect(isBranchTail('점')).toBe(false);
    expect(isBranchTail('')).toBe(false);
    expect(isBranchTail('강남')).toBe(false);
    expect(isBranchTail('점심')).toBe(false);
  });

  it('cuts a branch after the brand but keeps a shop word', () => {
    expect(stripBranchSuffix('스타벅스강남점', 4)).toBe('스타벅스');
    expect(stripBranchSuffix('스타벅스서울대병원점', 4)).toBe('스타벅스');
    expect(stripBranchSuffix('이마트정육점', 3)).toBe('이마트정육점');
    expect(stripBranchSuffix('홍콩반점', 2)).toBe('홍콩반점');
    expect(stripBranchSuffix('스타벅스', 4)).toBe('스타벅스');
  });
});

describe('normalised memos', () => {
  it('drops corporate markers, also cut off at the end, and folds ㈜ and full-width Latin', () => {
    expect(normalizeMemo('(주)한빛')).toBe('한빛');
    expect(normalizeMemo('㈜한빛')).toBe('한빛');
    expect(normalizeMemo('한빛(유)')).toBe('한빛');
    expect(normalizeMemo('(사)나눔 (재)미래')).toBe('나눔미래');
    expect(normalizeMemo('주식회사 카카오')).toBe('카카오');
    expect(normalizeMemo('유한회사 한빛')).toBe('한빛');
    expect(normalizeMemo('한빛상사(주')).toBe('한빛상사');
    expect(normalizeMemo('한빛(주식')).toBe('한빛주식');
    expect(normalizeMemo('ＮＥＴＦＬＩＸ.COM 1월')).toBe('netflixcom1월');
    expect(normalizeMemo('GS25 역삼-점!')).toBe('gs25역삼점');
  });

  it('unwraps payment apps, repeatedly and longest first, and leaves other memos alone', () => {
    expect(unwrapPaymentApp(normalizeMemo('카카오페이 스타벅스'))).toEqual({ app: '카카오페이', rest: '스타벅스' });
    expect(unwrapPaymentApp(normalizeMemo('KG이니시스 카카오페이 쿠팡'))).toEqual({ app: 'kg이니시스', rest: '쿠팡' });
    expect(unwrapPaymentApp(normalizeMemo('토스페이먼츠 무신사'))).toEqual({ app: '토스페이먼츠', rest: '무신사' });
    expect(unwrapPaymentApp(normalizeMemo('카카오페이머니'))).toEqual({ app: '카카오페이머니', rest: '' });
    expect(unwrapPaymentApp('스타벅스')).toEqual({ app: null, rest: '스타벅스' });
    expect(unwrapPaymentApp('카카오뱅크')).toEqual({ app: null, rest: '카카오뱅크' });
    expect(unwrapPaymentApp('')).toEqual({ app: null, rest: '' });
  });

  it('a person name is two to four syllables starting with a common surname', () => {
    for (const name of ['김철수', '이영', '남궁민수']) expect(looksLikePersonName(name), name).toBe(true);
    for (const not of ['김', '김철수영호', '철수', 'kim', '김철2', '스타벅스']) expect(looksLikePersonName(not), not).toBe(false);
  });
});

describe('labels', () => {
  it('a label matches the memo with surrounding spaces on either side, and names the trimmed memo', () => {
    const c = createClassifier({ labels: [['  월세 홍길동 ', 'housing']] });
    for (const memo of ['월세 홍길동', '  월세 홍길동', '월세 홍길동   ', ' 월세 홍길동 ']) {
      expect(c.classify(memo, 'out'), memo).toMatchObject({ category: 'housing', source: 'label', kind: 'label', rule: 'label "월세 홍길동"', matched: '월세 홍길동' });
    }
    expect(c.classify('월세홍길동', 'out').source).not.toBe('label'); // inner spaces still count for labels
  });
});

describe('every shop word', () => {
  it('ends a shop name, not a branch, alone or after a brand', () => {
    const shops = ['백화점', '면세점', '편의점', '정육점', '할인점', '대리점', '전문점', '매점', '양판점', '철물점', '안경점', '문구점', '제과점', '반점', '판매점', '가맹점', '영업점'];
    for (const shop of shops) {
      expect(isBranchTail(shop), shop).toBe(false);
      expect(isBranchTail(`강남${shop}`), shop).toBe(false);
      expect(stripBranchSuffix(`롯데${shop}`, 2), shop).toBe(`롯데${shop}`);
    }
  });

  it('a branch whose name merely contains a shop word is still a branch', () => {
    expect(isBranchTail('백화점앞점')).toBe(true);
    expect(isBranchTail('반점동점')).toBe(true);
    expect(isBranchTail('역점')).toBe(true);
  });
});

describe('payment apps', () => {
  it('the first app of a chain is the one reported, whatever the chain', () => {
    expect(unwrapPaymentApp(normalizeMemo('NHN페이코 스타벅스'))).toEqual({ app: 'nhn페이코', rest: '스타벅스' });
    expect(unwrapPaymentApp(normalizeMemo('NHNKCP 쿠팡'))).toEqual({ app: 'nhnkcp', rest: '쿠팡' });
    expect(unwrapPaymentApp(normalizeMemo('KCP 카카오페이'))).toEqual({ app: 'kcp', rest: '' });
    expect(unwrapPaymentApp(normalizeMemo('토스페이머니'))).toEqual({ app: '토스페이머니', rest: '' });
    expect(unwrapPaymentApp(normalizeMemo('PAYCO 넷플릭스'))).toEqual({ app: 'payco', rest: '넷플릭스' });
  });
});

describe('corporate markers', () => {
  it('only the four marks in parentheses, and only 주/유 cut off at the end, are dropped', () => {
    expect(normalizeMemo('나눔(사')).toBe('나눔사');
    expect(normalizeMemo('미래(재')).toBe('미래재');
    expect(normalizeMemo('한빛(합)')).toBe('한빛합');
    expect(normalizeMemo('(주)한빛(주)')).toBe('한빛');
    expect(normalizeMemo('한빛(주)상사')).toBe('한빛상사');
    expect(normalizeMemo('(유한빛')).toBe('유한빛');
  });
});

describe('long branch tails', () => {
  it('a long tail ending in a two-syllable shop word is a shop, not a branch', () => {
    for (const shop of ['중화요리반점', '서울대학교매점', '북경반점', '역앞매점']) expect(isBranchTail(shop), shop).toBe(false);
    expect(isBranchTail('중화요리점')).toBe(true);
  });

  it('only the text after the brand decides: a lone 점 after it is no branch, a shop word across the brand is', () => {
    expect(stripBranchSuffix('스타벅스점', 4)).toBe('스타벅스점');
    expect(stripBranchSuffix('스타벅스백화점', 5)).toBe('스타벅스백');
  });
});
