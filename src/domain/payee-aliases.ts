// Data only: the names a bank prints for a merchant (corporate names, Latin spellings, payment-gateway forms) mapped
// to the brand a person calls it. Matched as a prefix of the normalised memo (normalizeMemo) after any payment-app
// prefix is removed, longest alias first, so "스타벅스코리아 역삼점" and "(주)에스씨케이컴퍼니" are both 스타벅스.

export const PAYEE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  스타벅스: ['스타벅스', '스타벅스코리아', '에스씨케이컴퍼니', 'STARBUCKS'],
  이디야: ['이디야', '이디야커피', 'EDIYA'],
  투썸플레이스: ['투썸플레이스', '투썸', 'TWOSOME'],
  메가커피: ['메가커피', '메가MGC커피', '메가엠지씨커피', '메가엠지씨'],
  컴포즈커피: ['컴포즈커피', '컴포즈'],
  할리스: ['할리스', '할리스커피', 'HOLLYS'],
  파리바게뜨: ['파리바게뜨', '파리바게트', '파리크라상'],
  뚜레쥬르: ['뚜레쥬르', '씨제이푸드빌'],
  배스킨라빈스: ['배스킨라빈스', '베스킨라빈스', '비알코리아'],
  배달의민족: ['배달의민족', '배민', '우아한형제들'],
  요기요: ['요기요', '위대한상상'],
  쿠팡이츠: ['쿠팡이츠', '쿠팡이츠서비스'],
  맥도날드: ['맥도날드', '한국맥도날드'],
  버거킹: ['버거킹', '비케이알'],
  롯데리아: ['롯데리아', '롯데지알에스'],
  교촌치킨: ['교촌치킨', '교촌', '교촌에프앤비'],
  BBQ: ['BBQ', '비비큐', '제너시스비비큐'],
  도미노피자: ['도미노피자', '청오디피케이'],
  GS25: ['GS25', '지에스25'],
  GS리테일: ['GS리테일', '지에스리테일'],
  CU: ['CU', '씨유', '비지에프리테일', 'BGF리테일'],
  세븐일레븐: ['세븐일레븐', '코리아세븐', '7-ELEVEN'],
  이마트24: ['이마트24'],
  이마트: ['이마트', '신세계이마트'],
  코스트코: ['코스트코', '코스트코코리아', 'COSTCO'],
  하나로마트: ['하나로마트', '농협하나로마트', '농협하나로'],
  쿠팡: ['쿠팡', 'COUPANG'],
  G마켓: ['G마켓', '지마켓', 'GMARKET', '이베이코리아'],
  SSG닷컴: ['SSG.COM', '쓱닷컴', '에스에스지닷컴'],
  다이소: ['다이소', '아성다이소'],
  유니클로: ['유니클로', '에프알엘코리아'],
  지그재그: ['지그재그', '카카오스타일'],
  에이블리: ['에이블리', '에이블리코퍼레이션'],
  올리브영: ['올리브영', '씨제이올리브영', 'CJ올리브영', 'OLIVEYOUNG'],
  카카오T: ['카카오T', '카카오택시', '카카오모빌리티'],
  SRT: ['SRT', '에스알', '수서고속철도'],
  코레일: ['코레일', '한국철도공사', 'KORAIL', '레츠코레일'],
  티머니: ['티머니', '한국스마트카드'],
  'S-OIL': ['S-OIL', '에쓰오일', '에스오일'],
  GS칼텍스: ['GS칼텍스', '지에스칼텍스'],
  SK에너지: ['SK에너지', '에스케이에너지'],
  한국전력: ['한국전력', '한국전력공사', '한전'],
  SKT: ['SKT', 'SK텔레콤', '에스케이텔레콤'],
  KT: ['KT', '케이티'],
  'LG유플러스': ['LGU+', 'LG유플러스', '엘지유플러스', '유플러스'],
  SK브로드밴드: ['SK브로드밴드', '에스케이브로드밴드'],
  넷플릭스: ['넷플릭스', 'NETFLIX', 'NETFLIX.COM'],
  유튜브프리미엄: ['유튜브프리미엄', 'GOOGLE*YouTubePremi', 'YOUTUBEPREMIUM', 'GOOGLEYOUTUBE'],
  'Google Play': ['GOOGLE PLAY', '구글플레이'],
  Apple: ['APPLE.COM', '애플코리아'],
  CGV: ['CGV', '씨지브이', '씨제이씨지브이'],
  메가박스: ['메가박스', '메가박스중앙'],
  롯데시네마: ['롯데시네마', '롯데컬처웍스'],
  넥슨: ['넥슨', '넥슨코리아', 'NEXON'],
  Steam: ['STEAM', 'STEAMGAMES', '스팀'],
  PlayStation: ['PLAYSTATION', '플레이스테이션'],
  여기어때: ['여기어때', '여기어때컴퍼니'],
  Airbnb: ['AIRBNB', '에어비앤비'],
  아고다: ['아고다', 'AGODA', 'AGODA.COM'],
  'Booking.com': ['BOOKING.COM', '부킹닷컴'],
  모두투어: ['모두투어', '모두투어네트워크'],
  한화생명: ['한화생명', '한화생명보험'],
  국민건강보험: ['국민건강보험', '국민건강보험공단'],
  국민연금: ['국민연금', '국민연금공단'],
  KB국민카드: ['KB국민카드', '국민카드', 'KB카드'],
  토스: ['토스', '비바리퍼블리카'],
  네이버페이: ['네이버파이낸셜'],
};

/**
 * Remittance apps whose memo is "<app> <person>": the person is the payee. Payment apps (keywords.ts PAYMENT_APPS)
 * are unwrapped too; these are the ones only a following name makes a prefix (a bare 토스 is the app itself).
 */
export const REMITTANCE_PREFIXES: readonly string[] = ['토스'];

/**
 * First words that describe the payment rather than name the merchant: "자동이체 KT" is KT, "결제취소 스타벅스" is
 * 스타벅스. Dropped when something follows them.
 */
export const LEADING_NOISE: readonly string[] = ['자동이체', '결제취소', '승인취소', '취소', '환불', '출금', '입금', '이체'];

/**
 * First words that are a kind of payment or shop, not a name: "카페 온더코너" is the whole memo, not 카페.
 */
export const GENERIC_HEADS: readonly string[] = [
  '카페', '꽃집', '관리비', '부의금', '조의금', '축의금', '부조금', '월세', '공영', '동네', '주식', '해피',
];
