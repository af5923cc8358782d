// Pins the payee rules of src/domain/payee.ts that the fixture table leaves open: every separator a bank or gateway
// uses, payment apps spanning or glued to the merchant, words naming the kind of payment, payroll words, numbers and
// months, store numbers, glued branches, generic first words, memos with nothing but numbers, and search.
// Each memo here is used once in this file, so no answer comes from the memo cache of an earlier test.
import { describe, expect, it } from 'vitest';
import { initialsOf, isInitialsQuery, payeeOf, searchMatcher } from '../../src/domain/payee.js';

describe('separators', () => {
  it('every separator banks and gateways print ends the merchant', () => {
    const seps = [' ', '\t', '_', '*', '/', '(', ')', '[', ']', '{', '}', '<', '>', ',', '·', '|', ':', ';', '"', "'", '\u0007', '\u200b', ' / '];
    for (const sep of seps) expect(payeeOf(`할리스커피${sep}역삼점`), JSON.stringify(sep)).toBe('할리스');
  });

  it('a word in parentheses that begins with 주 is no corporate mark', () => {
    expect(payeeOf('(주말농장)')).toBe('주말농장');
    expect(payeeOf('(유기농마켓) 역삼')).toBe('유기농마켓 역삼');
  });
});

describe('payment apps', () => {
  it('an app name split by a space, glued to the merchant or with a hyphen inside is removed whole', () => {
    expect(payeeOf('KG 이니시스 넷플릭스')).toBe('넷플릭스');
    expect(payeeOf('카카오페이스타벅스')).toBe('스타벅스');
    expect(payeeOf('NHN-KCP쿠팡')).toBe('쿠팡');
    expect(payeeOf('NHN-KCP 김밥천국역삼점')).toBe('김밥천국');
    expect(payeeOf('카카오페이. 모르는가게')).toBe('모르는가게');
  });

  it('a bare app is the brand behind it when one is known, else its own name; an app with a payment word stays whole', () => {
    expect(payeeOf('네이버파이낸셜')).toBe('네이버페이');
    expect(payeeOf('토스페이')).toBe('토스페이');
    expect(payeeOf('(주)페이코')).toBe('페이코');
    expect(payeeOf('카카오페이 충전')).toBe('카카오페이 충전');
    expect(payeeOf('네이버페이 포인트')).toBe('네이버페이 포인트');
  });

  it('a remittance app names the person after it, not a shop or a lone surname', () => {
    expect(payeeOf('토스 김민지 용돈')).toBe('김민지');
    expect(payeeOf('토스 김')).toBe('토스');
    expect(payeeOf('토스 스타벅스')).toBe('토스');
  });
});

describe('words around the merchant', () => {
  it('each word naming the kind of payment is dropped before the merchant, kept when alone', () => {
    for (const word of ['자동이체', '결제취소', '승인취소', '취소', '환불', '출금', '입금', '이체']) {
      expect(payeeOf(`${word} 할리스`), word).toBe('할리스');
      expect(payeeOf(` ${word} `), word).toBe(word);
    }
  });

  it('each payroll word gives way to the employer, before or after it', () => {
    for (const word of ['급여', '상여', '상여금', '월급', '급여이체', '급여입금']) {
      expect(payeeOf(`(주)한빛전자 ${word}`), word).toBe('한빛전자');
      expect(payeeOf(`${word} (주)한빛화학`), word).toBe('한빛화학');
    }
    expect(payeeOf('11월 상여')).toBe('상여');
  });

  it('numbers, floors, units and months go wherever they stand; a word that only starts with digits stays', () => {
    expect(payeeOf('(주)한빛소프트 급여 10월')).toBe('한빛소프트');
    expect(payeeOf('(주)한빛소프트 3월 급여')).toBe('한빛소프트');
    expect(payeeOf('관리비 101-1203호')).toBe('관리비');
    expect(payeeOf('김밥천국 3층')).toBe('김밥천국');
    expect(payeeOf('할리스 R')).toBe('할리스');
    expect(payeeOf('모르는상점 24시')).toBe('모르는상점 24시');
    expect(payeeOf('모르는상점 123월')).toBe('모르는상점 123월');
    expect(payeeOf('모르는상점 Rx')).toBe('모르는상점 Rx');
    expect(payeeOf('관리비 3월분')).toBe('관리비 3월분');
  });

  it('a memo of nothing but numbers or months is its own payee', () => {
    expect(payeeOf('10월 11월')).toBe('10월 11월');
    expect(payeeOf('1234 5678')).toBe('1234 5678');
    expect(payeeOf('3층')).toBe('3층');
  });

  it('payment words at the end go, a branch glued to a known keyword goes, a shop word stays', () => {
    expect(payeeOf('우리은행 홍길동')).toBe('우리은행');
    expect(payeeOf('홈플러스 강서점')).toBe('홈플러스');
    expect(payeeOf('홈플러스강서점')).toBe('홈플러스');
    expect(payeeOf('김밥천국정육점')).toBe('김밥천국정육점');
    expect(payeeOf('모르는가게 역삼')).toBe('모르는가게 역삼');
    expect(payeeOf('모르는가게역삼점 2층')).toBe('모르는가게역삼점');
  });

  it('a store number of four digits or more glued after Hangul goes; fewer digits, or digits first, stay', () => {
    expect(payeeOf('북경반점12345')).toBe('북경반점');
    expect(payeeOf('북경반점123')).toBe('북경반점123');
    expect(payeeOf('0410북경반점')).toBe('0410북경반점');
  });

  it('a generic first word keeps what follows; a first word holding a known keyword is the payee alone', () => {
    for (const head of ['카페', '꽃집', '관리비', '부의금', '조의금', '축의금', '부조금', '월세', '공영', '동네', '주식', '해피']) {
      expect(payeeOf(`${head} 온더코너`), head).toBe(`${head} 온더코너`);
    }
    expect(payeeOf('홈플러스익스프레스 강서')).toBe('홈플러스익스프레스');
    expect(payeeOf('우리동네홈플러스 강서')).toBe('우리동네홈플러스');
  });
});

describe('aliases', () => {
  it('an alias names the brand when the merchant is the alias, the alias and a branch, or its whole first word', () => {
    expect(payeeOf('할리스')).toBe('할리스');
    expect(payeeOf('할리스커피 강남역점')).toBe('할리스');
    expect(payeeOf('HOLLYS 강남')).toBe('할리스');
    expect(payeeOf('KTX 승차권')).toBe('KTX');
    expect(payeeOf('케이티엑스 승차권')).toBe('케이티엑스');
  });
});

describe('search', () => {
  it('an initials query may hold spaces; Hangul that is not only initials is a text query', () => {
    expect(isInitialsQuery('ㅅㅌ ㅂㅅ')).toBe(true);
    expect(isInitialsQuery('ㅅㅌ벅스')).toBe(false);
    expect(isInitialsQuery('스ㅌㅂㅅ')).toBe(false);
    expect(isInitialsQuery('')).toBe(false);
    expect(searchMatcher('ㅅㅌ ㅂㅅ')('(주)에스씨케이컴퍼니', '스타벅스')).toBe(true);
    expect(searchMatcher('ㅇㄷㅇ')('이디야커피', '모르는곳')).toBe(true);
    expect(initialsOf('김 밥!')).toBe('ㄱㅂ');
  });

  it('a text query ignores case, width and surrounding spaces in memo and payee', () => {
    expect(searchMatcher('  STARBUCKS ')('starbucks coffee', '스타벅스')).toBe(true);
    expect(searchMatcher('ＳＴＡＲ')('STARBUCKS', '스타벅스')).toBe(true);
    expect(searchMatcher('hollys')('(주)할리스에프앤비', 'HOLLYS')).toBe(true);
    expect(searchMatcher('Hollys')('(주)할리스에프앤비', 'hollys')).toBe(true);
    expect(searchMatcher('coffee')('(주)할리스에프앤비', 'HOLLYS')).toBe(false);
  });
});

describe('edge shapes', () => {
  it('a lone 점 glued to a brand is no branch; a branch glued to an alias is', () => {
    expect(payeeOf('할리스점')).toBe('할리스점');
    expect(payeeOf('투썸삼성화재점')).toBe('투썸플레이스');
  });

  it('a long unknown name glued to a branch keeps its whole name', () => {
    expect(payeeOf('가나다라마바사아자차카타파하거너더러역삼점')).toBe('가나다라마바사아자차카타파하거너더러역삼점');
  });

  it('an unknown merchant loses a separate branch word', () => {
    expect(payeeOf('모르는가게 역삼점')).toBe('모르는가게');
  });

  it('decomposed Hangul (as macOS writes it) gives the composed payee', () => {
    expect(payeeOf('모르는가게 역삼'.normalize('NFD'))).toBe('모르는가게 역삼');
  });

  it('a memo of separators only is itself, trimmed', () => {
    expect(payeeOf('()')).toBe('()');
    expect(payeeOf('  *  ')).toBe('*');
  });

  it('an app with a payment word stays whole even when the app alone is a known brand', () => {
    expect(payeeOf('네이버파이낸셜 송금')).toBe('네이버파이낸셜 송금');
  });

  it('a payment word left alone after an app is the payee', () => {
    expect(payeeOf('카카오페이 결제취소')).toBe('결제취소');
  });

  it('a remittance app alone is the app', () => {
    expect(payeeOf('토스')).toBe('토스');
  });

  it('a number alone after a payment word is the payee; payroll words alone keep the first', () => {
    expect(payeeOf('자동이체 1234')).toBe('1234');
    expect(payeeOf('급여 상여')).toBe('급여');
    expect(payeeOf('상여금 월급')).toBe('상여금');
  });

  it('a store number is only cut at the end of the name', () => {
    expect(payeeOf('북경반점0410호')).toBe('북경반점0410호');
  });
});

