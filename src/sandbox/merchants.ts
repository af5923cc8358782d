// The sandbox household's cast: banks, names, employers and the chains irregular spending happens at, with memos
// spelled the way Korean passbooks print them (≤ 20 characters) and the category each one truly belongs to.

export interface Bank {
  code: string;
  name: string;
  /** account number prefix; the masked number is prefix + digits + "***" */
  prefix: string;
  branch: string;
  product: string;
}

/** Account slots in order: main (salary), living, savings, then extras. */
export const BANKS: readonly Bank[] = [
  { code: '004', name: 'KB국민은행', prefix: '110', branch: '역삼동지점', product: 'KB Star*t통장' },
  { code: '088', name: '신한은행', prefix: '100', branch: '강남중앙지점', product: '신한 주거래 S20통장' },
  { code: '090', name: '카카오뱅크', prefix: '333', branch: '', product: '카카오뱅크 자유적금' },
  { code: '020', name: '우리은행', prefix: '100', branch: '선릉역지점', product: '우리 SUPER주거래통장' },
  { code: '081', name: '하나은행', prefix: '620', branch: '테헤란로지점', product: '하나 주거래통장' },
  { code: '092', name: '토스뱅크', prefix: '100', branch: '', product: '토스뱅크 통장' },
  { code: '003', name: 'IBK기업은행', prefix: '010', branch: '삼성동지점', product: 'IBK 급여통장' },
  { code: '011', name: 'NH농협은행', prefix: '302', branch: '서초지점', product: 'NH올원통장' },
  { code: '089', name: '케이뱅크', prefix: '100', branch: '', product: '케이뱅크 생활통장' },
  { code: '071', name: '우체국', prefix: '012', branch: '강남우체국', product: '우체국 e-Postbank' },
  { code: '023', name: 'SC제일은행', prefix: '201', branch: '종로지점', product: '내지갑통장' },
  { code: '032', name: '부산은행', prefix: '101', branch: '서면지점', product: 'BNK 주거래통장' },
];

export const ALIASES = ['월급통장', '생활비', '적금', '비상금', '용돈통장', '여행자금', '경조사비', '차량유지비',
  '모임통장', '교육비', '세금통장', '예비자금'];

export const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤'];
export const GIVEN_NAMES = ['민준', '서연', '도윤', '지우', '하준', '서윤', '시우', '하은', '지호', '수아'];

export const EMPLOYERS = ['(주)한빛소프트 급여', '(주)누리테크 급여', '삼양물산(주)급여', '(주)다온디자인 급여'];

export interface Merchant {
  memo: string;
  category: string;
  min: number;
  max: number;
  /** relative frequency */
  weight: number;
  /** opening and closing hour of the time window purchases happen in */
  from: number;
  to: number;
  tranType?: string;
}

export const MERCHANTS: readonly Merchant[] = [
  { memo: '스타벅스코리아', category: 'cafe', min: 4500, max: 16000, weight: 10, from: 7, to: 21 },
  { memo: '이디야커피', category: 'cafe', min: 2500, max: 9000, weight: 4, from: 8, to: 21 },
  { memo: '메가MGC커피', category: 'cafe', min: 1500, max: 7000, weight: 5, from: 8, to: 20 },
  { memo: '투썸플레이스', category: 'cafe', min: 5000, max: 32000, weight: 3, from: 10, to: 21 },
  { memo: '파리바게뜨', category: 'cafe', min: 3000, max: 25000, weight: 3, from: 7, to: 21 },
  { memo: '우아한형제들', category: 'food', min: 14000, max: 45000, weight: 8, from: 11, to: 23 },
  { memo: '쿠팡이츠', category: 'food', min: 12000, max: 40000, weight: 4, from: 11, to: 23 },
  { memo: '김밥천국역삼점', category: 'food', min: 4000, max: 14000, weight: 4, from: 8, to: 20 },
  { memo: '맥도날드강남점', category: 'food', min: 5500, max: 18000, weight: 3, from: 10, to: 22 },
  { memo: '교촌치킨', category: 'food', min: 19000, max: 38000, weight: 2, from: 17, to: 23 },
  { memo: '본죽선릉점', category: 'food', min: 8000, max: 20000, weight: 2, from: 10, to: 20 },
  { memo: 'GS25역삼점', category: 'mart', min: 1200, max: 18000, weight: 8, from: 6, to: 23, tranType: '체크카드' },
  { memo: 'CU선릉역점', category: 'mart', min: 1200, max: 15000, weight: 6, from: 6, to: 23 },
  { memo: '이마트24', category: 'mart', min: 1500, max: 16000, weight: 4, from: 7, to: 23 },
  { memo: '세븐일레븐', category: 'mart', min: 1300, max: 12000, weight: 3, from: 7, to: 23 },
  { memo: '이마트성수점', category: 'mart', min: 25000, max: 180000, weight: 3, from: 10, to: 22 },
  { memo: '홈플러스', category: 'mart', min: 20000, max: 150000, weight: 2, from: 10, to: 22 },
  { memo: '쿠팡(주)', category: 'shopping', min: 8000, max: 120000, weight: 7, from: 8, to: 23 },
  { memo: '11번가', category: 'shopping', min: 9000, max: 90000, weight: 2, from: 9, to: 23 },
  { memo: '무신사', category: 'shopping', min: 25000, max: 190000, weight: 2, from: 10, to: 23 },
  { memo: '다이소', category: 'shopping', min: 2000, max: 25000, weight: 3, from: 10, to: 21 },
  { memo: '올리브영', category: 'beauty', min: 6000, max: 60000, weight: 4, from: 10, to: 22 },
  { memo: '준오헤어', category: 'beauty', min: 22000, max: 120000, weight: 1, from: 11, to: 20 },
  { memo: '서울교통공사', category: 'transport', min: 1400, max: 2900, weight: 9, from: 7, to: 22 },
  { memo: '카카오T', category: 'transport', min: 4800, max: 32000, weight: 5, from: 7, to: 23 },
  { memo: '티머니', category: 'transport', min: 10000, max: 50000, weight: 1, from: 7, to: 21 },
  { memo: 'GS칼텍스', category: 'car', min: 40000, max: 90000, weight: 2, from: 8, to: 21 },
  { memo: 'SK에너지', category: 'car', min: 40000, max: 90000, weight: 1, from: 8, to: 21 },
  { memo: '온누리약국', category: 'medical', min: 3000, max: 25000, weight: 2, from: 9, to: 19 },
  { memo: '서울연세의원', category: 'medical', min: 4500, max: 35000, weight: 2, from: 9, to: 18 },
  { memo: '강남세브란스병원', category: 'medical', min: 15000, max: 160000, weight: 1, from: 9, to: 17 },
  { memo: 'CGV용산아이파크몰', category: 'leisure', min: 12000, max: 40000, weight: 2, from: 10, to: 22 },
  { memo: '메가박스', category: 'leisure', min: 12000, max: 36000, weight: 1, from: 10, to: 22 },
  { memo: '인터파크티켓', category: 'leisure', min: 30000, max: 160000, weight: 1, from: 9, to: 23 },
  { memo: '야놀자', category: 'travel', min: 60000, max: 200000, weight: 1, from: 9, to: 23 },
  { memo: '대한항공', category: 'travel', min: 80000, max: 200000, weight: 0.3, from: 9, to: 22 },
  { memo: '교보문고', category: 'education', min: 9000, max: 60000, weight: 2, from: 10, to: 22 },
  { memo: '해커스어학원', category: 'education', min: 90000, max: 200000, weight: 0.4, from: 10, to: 20 },
  { memo: '카카오선물하기', category: 'gift', min: 5000, max: 80000, weight: 1.5, from: 9, to: 23 },
  { memo: '축의금', category: 'gift', min: 50000, max: 100000, weight: 0.4, from: 9, to: 20, tranType: '타행환' },
];

/** Occasional incoming money that is not salary. */
export const SIDE_INCOMES = [
  { memo: '당근페이', category: 'income', min: 5000, max: 90000 },
  { memo: '국세청환급금', category: 'income', min: 30000, max: 400000 },
  { memo: '더치페이', category: 'transfer', min: 8000, max: 45000 },
];
