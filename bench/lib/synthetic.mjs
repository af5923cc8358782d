// Synthetic inputs for the classifier and the detector: a skewed stream of memos over ~5,000 distinct ones, and a 2-year history of mostly irregular spending
// over ~5,000 memos with 300 true monthly series. The sandbox history has only ~60 distinct memos, so these are the
// harder, more realistic inputs for the classifier's cache and the detector's grouping.

import { distUrl } from './build.mjs';

/** Deterministic so runs compare: mulberry32. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['강남', '역삼', '서초', '신촌', '홍대입구', '잠실', '판교', '분당서현', '부산서면', '대전둔산', '광화문', '여의도', '구로디지털', '수원역', '일산'];
const SUFFIXES = ['점', '역점', '지점', '1호점', 'R점', '', ' '];
const APPS = ['카카오페이 ', '네이버페이_', 'KG이니시스 ', '토스페이(', ''];
const SYLLABLES = '가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후';

/** Memos as a bank prints them (brand, branch, maybe an app in front, cut at 20 characters) plus unknown shops. */
export async function memoStreams(total, distinctCount, freshCount) {
  const { builtinKeywords } = await import(distUrl('domain/classify.js'));
  const brands = builtinKeywords().map((r) => r.keyword);
  const rand = prng(20240601);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const hangul = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return s;
  };
  const merchant = () => `${pick(APPS)}${pick(brands)} ${pick(PLACES)}${pick(SUFFIXES)}`.slice(0, 20);
  const unknown = () => (rand() < 0.3 ? hangul(3) : `${hangul(2 + Math.floor(rand() * 5))} ${hangul(2)}상회`.slice(0, 20));
  const memoSet = (count) => {
    const set = new Set();
    while (set.size < count) set.add(rand() < 0.8 ? merchant() : unknown());
    return [...set];
  };
  const distinct = memoSet(distinctCount);
  // Real histories are skewed: a few memos (the daily café, the bus) repeat far more than the rest.
  const stream = Array.from({ length: total }, () => distinct[Math.floor(distinct.length * rand() ** 2)]);
  const directions = Array.from({ length: total }, () => (rand() < 0.85 ? 'out' : 'in'));
  const fresh = freshCount > 0 ? memoSet(freshCount) : [];
  return { stream, directions, fresh };
}

/** A detector history: rows in date order, 300 true monthly series over 24 months plus Zipf-like noise. */
export async function recurringHistory(total) {
  const { formatIsoDay, nextBusinessDay, parseIsoDay } = await import(distUrl('domain/dates.js'));
  const MEMOS = 5_000;
  const SERIES = 300;
  const FROM = parseIsoDay('2023-01-01');
  const DAYS = 730;
  const random = prng(12345);
  const rows = [];
  for (let s = 0; s < SERIES; s++) {
    const dom = 1 + Math.floor(random() * 28);
    const amount = (3 + Math.floor(random() * 90)) * 1000;
    for (let m = 0; m < 24; m++) {
      const nominal = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
      rows.push([parseIsoDay(nextBusinessDay(nominal)), 0, s, amount]);
    }
  }
  const weights = Array.from({ length: MEMOS }, (_, k) => 1 / (k + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / sum));
  while (rows.length < total) {
    const r = random();
    let lo = 0;
    let hi = MEMOS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    rows.push([FROM + Math.floor(random() * DAYS), 1, lo, (1 + Math.floor(random() * 100)) * 500]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  const accounts = ['acc-1', 'acc-2', 'acc-3'];
  return {
    today: '2025-01-05',
    rows: rows.map(([day, kind, k, amount]) => ({
      account: accounts[k % 3],
      date: formatIsoDay(day),
      direction: 'out',
      amount,
      memo: kind === 0 ? `정기결제${k}` : `가맹점${k}`,
      category: 'uncategorized',
    })),
  };
}
