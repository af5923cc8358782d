// Memo normalisation, payment-app unwrapping, branch suffixes and the person-name shape.

import { describe, expect, it } from 'vitest';
import {
  isBranchTail,
  looksLikePersonName,
  normalizeMemo,
  stripBranchSuffix,
  unwrapPaymentApp,
} from '../../src/domain/normalize.js';

describe('normalizeMemo', () => {
  it.each([
    ['  스타벅스 강남점  ', '스타벅스강남점'],
    ['㈜우아한형제들', '우아한형제들'],
    ['(주)비바리퍼블리카', '비바리퍼블리카'],
    ['주식회사 카카오모빌리티', '카카오모빌리티'],
    ['한국맥도날드(유)', '한국맥도날드'],
    ['우아한형제들(주', '우아한형제들'],
    ['ＮＥＴＦＬＩＸ．ＣＯＭ', 'netflixcom'],
    ['GOOGLE*YouTube', 'googleyoutube'],
    ['S-OIL 마포_주유소', 'soil마포주유소'],
    ['LGU+ 모바일', 'lgu모바일'],
    ['7-ELEVEN', '7eleven'],
    ['ㅇㅇ상회', '상회'],
    ['', ''],
  ])('%j → %j', (memo, expected) => {
    expect(normalizeMemo(memo)).toBe(expected);
  });

  it('keeps 주 when it is part of a word', () => {
    expect(normalizeMemo('주차장')).toBe('주차장');
    expect(normalizeMemo('주유소')).toBe('주유소');
  });
});

describe('unwrapPaymentApp', () => {
  it.each([
    ['카카오페이스타벅스', '카카오페이', '스타벅스'],
    ['네이버페이무신사', '네이버페이', '무신사'],
    ['토스페이먼츠쿠팡', '토스페이먼츠', '쿠팡'],
    ['kg이니시스넷플릭스', 'kg이니시스', '넷플릭스'],
    ['kg이니시스카카오페이멜론', 'kg이니시스', '멜론'],
    ['카카오페이', '카카오페이', ''],
  ])('%s → app %s, rest %j', (memo, app, rest) => {
    expect(unwrapPaymentApp(memo)).toEqual({ app, rest });
  });

  it('leaves memos without an app prefix alone, even when an app name appears later', () => {
    expect(unwrapPaymentApp('스타벅스카카오페이')).toEqual({ app: null, rest: '스타벅스카카오페이' });
    expect(unwrapPaymentApp('토스김민지')).toEqual({ app: null, rest: '토스김민지' });
  });
});

describe('branch suffixes', () => {
  it.each(['강남점', '강남역점', '역삼1지점', '서울대병원점', '본점', '2호점'])('%s is a branch', (tail) => {
    expect(isBranchTail(tail)).toBe(true);
  });

  it.each(['백화점', '면세점', '편의점', '정육점', '점', '', '강남', '점심'])('%j is not a branch', (tail) => {
    expect(isBranchTail(tail)).toBe(false);
  });

  it('cuts the branch after a brand, and only a branch', () => {
    expect(stripBranchSuffix('스타벅스서울대병원점', 4)).toBe('스타벅스');
    expect(stripBranchSuffix('롯데백화점', 2)).toBe('롯데백화점');
    expect(stripBranchSuffix('스타벅스리저브', 4)).toBe('스타벅스리저브');
  });
});

describe('looksLikePersonName', () => {
  it.each(['김민수', '이서연', '남궁민', '최우', '제갈성렬'])('%s looks like a name', (s) => {
    expect(looksLikePersonName(s)).toBe(true);
  });

  it.each(['상회', '모르는상점', '김', '김민수abc', 'kim', '가나다라마'])('%s does not', (s) => {
    expect(looksLikePersonName(s)).toBe(false);
  });
});
