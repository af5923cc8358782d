// Payee normalisation: the merchant a person names for the memos of test/fixtures/memos.tsv, and search by text and
// by Korean initial consonants.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialsOf, isInitialsQuery, payeeOf, searchMatcher } from '../../src/domain/payee.js';

const FIXTURE_MEMOS = new Set(
  readFileSync(new URL('../fixtures/memos.tsv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[0]!),
);

// memo (as the fixture spells it) → the payee a person expects
const TABLE: Array<[string, string]> = [
  ['스타벅스코리아', '스타벅스'],
  ['스타벅스 강남R점', '스타벅스'],
  ['STARBUCKS COFFEE', '스타벅스'],
  ['(주)에스씨케이컴퍼니', '스타벅스'],
  ['스타벅스 서울대병원점', '스타벅스'],
  ['카카오페이 스타벅스', '스타벅스'],
  ['결제취소 스타벅스', '스타벅스'],
  ['이디야커피 역삼점', '이디야'],
  ['이디야 한국전력점', '이디야'],
  ['투썸플레이스 판교점', '투썸플레이스'],
  ['투썸 삼성화재점', '투썸플레이스'],
  ['메가엠지씨커피 신림', '메가커피'],
  ['메가MGC커피 홍대입구', '메가커피'],
  ['메가커피 삼성생명점', '메가커피'],
  ['(주)파리크라상', '파리바게뜨'],
  ['파리바게뜨 목동11단', '파리바게뜨'],
  ['비알코리아(주)', '배스킨라빈스'],
  ['카페 온더코너', '카페 온더코너'],
  ['우아한형제들', '배달의민족'],
  ['배달의민족 주문', '배달의민족'],
  ['우아한형제들(배민)', '배달의민족'],
  ['카카오페이_배달의민족', '배달의민족'],
  ['(주)위대한상상', '요기요'],
  ['요기요_위대한상상', '요기요'],
  ['쿠팡이츠서비스(주)', '쿠팡이츠'],
  ['한국맥도날드(유)', '맥도날드'],
  ['맥도날드 신촌점', '맥도날드'],
  ['김밥천국 역삼1호점', '김밥천국'],
  ['홍콩반점0410 사당', '홍콩반점'],
  ['교촌치킨 봉천점', '교촌치킨'],
  ['GS25 역삼태광점', 'GS25'],
  ['지에스25 선릉역', 'GS25'],
  ['GS25 한국도로공사점', 'GS25'],
  ['CU 서울대병원점', 'CU'],
  ['씨유 신림중앙점', 'CU'],
  ['(주)비지에프리테일', 'CU'],
  ['CU 국민은행본점', 'CU'],
  ['(주)코리아세븐', '세븐일레븐'],
  ['7-ELEVEN', '세븐일레븐'],
  ['이마트24 R성수점', '이마트24'],
  ['이마트 월계점', '이마트'],
  ['코스트코코리아 양재', '코스트코'],
  ['쿠팡(주)', '쿠팡'],
  ['COUPANG', '쿠팡'],
  ['네이버페이 쿠팡', '쿠팡'],
  ['쿠팡 반품환불', '쿠팡'],
  ['(주)이베이코리아', 'G마켓'],
  ['네이버페이(무신사)', '무신사'],
  ['(주)아성다이소', '다이소'],
  ['다이소 신논현역점', '다이소'],
  ['씨제이올리브영(주)', '올리브영'],
  ['토스페이 올리브영', '올리브영'],
  ['(주)카카오모빌리티', '카카오T'],
  ['카카오T 택시', '카카오T'],
  ['에스알 SRT', 'SRT'],
  ['SK에너지 강변주유소', 'SK에너지'],
  ['에쓰오일 대치', 'S-OIL'],
  ['한국전력공사', '한국전력'],
  ['한전 전기요금', '한국전력'],
  ['SK텔레콤', 'SKT'],
  ['(주)케이티', 'KT'],
  ['KT 자동이체', 'KT'],
  ['자동이체 KT', 'KT'],
  ['LGU+ 모바일', 'LG유플러스'],
  ['관리비 101동 1203', '관리비'],
  ['NETFLIX.COM', '넷플릭스'],
  ['KG이니시스 넷플릭스', '넷플릭스'],
  ['GOOGLE*YouTubePremi', '유튜브프리미엄'],
  ['유튜브프리미엄', '유튜브프리미엄'],
  ['CGV 용산아이파크몰', 'CGV'],
  ['페이코 CGV', 'CGV'],
  ['STEAMGAMES', 'Steam'],
  ['AIRBNB * HMXY', 'Airbnb'],
  ['APPLE.COM/BILL', 'Apple'],
  ['KB국민카드 결제대금', 'KB국민카드'],
  ['(주)한빛소프트 급여', '한빛소프트'],
  ['급여 (주)엔씨', '엔씨'],
  ['(주)비바리퍼블리카', '토스'],
  ['새마을금고 이체', '새마을금고'],
  // a person's name stays the name, also behind a remittance app
  ['김민수', '김민수'],
  ['남궁민', '남궁민'],
  ['토스 김민지', '김민지'],
  ['토스 홍길동', '홍길동'],
  ['카카오페이 이준호', '이준호'],
  ['부의금 김철수', '부의금 김철수'],
  // a bare payment app or an app with a payment word says how, not to whom: kept whole
  ['카카오페이', '카카오페이'],
  ['카카오페이 송금', '카카오페이 송금'],
  ['ㅇㅇ상회', 'ㅇㅇ상회'],
  ['모르는상점', '모르는상점'],
];

describe('payeeOf over the memo fixtures', () => {
  it.each(TABLE)('%j → %j', (memo, payee) => {
    expect(FIXTURE_MEMOS.has(memo)).toBe(true);
    expect(payeeOf(memo)).toBe(payee);
  });

  it('gives every fixture memo a payee without corporate marks, branch tails or surrounding space', () => {
    for (const memo of FIXTURE_MEMOS) {
      const p = payeeOf(memo);
      expect(p, memo).not.toBe('');
      expect(p, memo).toBe(p.trim());
      expect(p, memo).not.toMatch(/\((주|유)\)|주식회사/);
      // the sandbox's glued branch names
    }
  });

  it.each([
    ['김밥천국역삼점', '김밥천국'],
    ['맥도날드강남점', '맥도날드'],
    ['본죽선릉점', '본죽'],
    ['GS25역삼점', 'GS25'],
    ['CU선릉역점', 'CU'],
    ['이마트성수점', '이마트'],
    ['스타벅스코리아 역삼점', '스타벅스'],
    ['삼양물산(주)급여', '삼양물산'],
  ])('cuts a branch glued to a brand (sandbox spellings): %j → %j', (memo, payee) => {
    expect(payeeOf(memo)).toBe(payee);
  });

  it('drops control characters from what it derives', () => {
    expect(payeeOf('스타벅스\u001b[31m 역삼점')).not.toMatch(/\u001b/);
  });
});

describe('search', () => {
  it('initial consonants of Hangul only', () => {
    expect(initialsOf('스타벅스')).toBe('ㅅㅌㅂㅅ');
    expect(initialsOf('GS25 역삼점')).toBe('ㅇㅅㅈ');
    expect(isInitialsQuery('ㅅㅌㅂㅅ')).toBe(true);
    expect(isInitialsQuery('ㅅㅌ 벅')).toBe(false);
    expect(isInitialsQuery('  ')).toBe(false);
  });

  it('matches memo, payee and initials of either', () => {
    const m = searchMatcher('ㅅㅌㅂㅅ');
    expect(m('(주)에스씨케이컴퍼니', '스타벅스')).toBe(true);
    expect(m('이디야커피', '이디야')).toBe(false);
    const t = searchMatcher('starbucks');
    expect(t('STARBUCKS COFFEE', '스타벅스')).toBe(true);
    expect(searchMatcher('스타벅스')('(주)에스씨케이컴퍼니', '스타벅스')).toBe(true);
    expect(searchMatcher('역삼')('이디야커피 역삼점', '이디야')).toBe(true);
    expect(searchMatcher('역삼')('이디야커피 선릉점', '이디야')).toBe(false);
  });
});
