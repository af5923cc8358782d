// Text shape of bank memos (통장인자): one canonical form for matching, payment-app prefixes, branch suffixes
// ("…강남역점") and the look of a person's name. Pure string functions; the dictionary lives in keywords.ts.

import { COMMON_SURNAMES, PAYMENT_APPS } from './keywords.js';

// Corporate markers carry no meaning for classification; "(주" also appears cut off at the 20-character limit.
const CORPORATE = /\((?:주|유|사|재)\)|\((?:주|유)$|주식회사|유한회사/g;
const NOISE = /[^0-9a-z가-힣]/g;

/**
 * NFKC (so ㈜ and full-width Latin fold), lowercase Latin, drop corporate markers, then keep only Hangul
 * syllables, Latin letters and digits. Spaces go too: banks split and truncate names unpredictably.
 */
export function normalizeMemo(memo: string): string {
  return memo.normalize('NFKC').toLowerCase().replace(CORPORATE, '').replace(NOISE, '');
}

// Longest first, so "토스페이먼츠" is unwrapped whole rather than as "토스페이" + "먼츠".
const APPS: readonly string[] = [...new Set(PAYMENT_APPS.map(normalizeMemo))].sort((a, b) => b.length - a.length);
// Most memos start with no app at all; one look at the first character settles that.
const APP_STARTS = new Set(APPS.map((a) => a.charAt(0)));

export interface Unwrapped {
  /** the normalised app name that was removed, or null when the memo has no app prefix */
  app: string | null;
  /** what follows the app: the merchant that decides ('' for a bare app name) */
  rest: string;
}

/** Removes payment-app prefixes from a normalised memo: "카카오페이스타벅스" → { app: "카카오페이", rest: "스타벅스" }. */
export function unwrapPaymentApp(normalized: string): Unwrapped {
  let app: string | null = null;
  let rest = normalized;
  // A PG can sit in front of a wallet ("KG이니시스 카카오페이 …"), so unwrap repeatedly.
  for (let found = APP_STARTS.has(rest.charAt(0)); found; ) {
    found = false;
    for (const a of APPS) {
      if (rest.startsWith(a)) {
        app ??= a;
        rest = rest.slice(a.length);
        found = true;
        break;
      }
    }
  }
  return { app, rest };
}

// Words that end in 점 but name a kind of shop, not a branch: "이마트 정육점" keeps its tail.
const SHOP_WORDS: ReadonlySet<string> = new Set([
  '백화점', '면세점', '편의점', '정육점', '할인점', '대리점', '전문점', '매점', '양판점', '철물점', '안경점',
  '문구점', '제과점', '반점', '판매점', '가맹점', '영업점',
]);

/** Whether the text after a brand is a branch name: "강남점", "서울역점", "역삼1지점", not "백화점". */
export function isBranchTail(tail: string): boolean {
  if (tail.length < 2 || !tail.endsWith('점')) return false;
  // Shop words are two or three syllables, so the last two and three decide.
  return !SHOP_WORDS.has(tail.slice(-2)) && !SHOP_WORDS.has(tail.slice(-3));
}

/**
 * Cuts a branch suffix that follows a known brand ending at `brandEnd`: "스타벅스서울대병원점" with the brand
 * "스타벅스" → "스타벅스", so the 병원 inside the branch name cannot outvote the brand.
 */
export function stripBranchSuffix(normalized: string, brandEnd: number): string {
  return isBranchTail(normalized.slice(brandEnd)) ? normalized.slice(0, brandEnd) : normalized;
}

const NAME = /^[가-힣]{2,4}$/;

/** Whether a normalised memo looks like a Korean personal name: 2–4 syllables starting with a common surname. */
export function looksLikePersonName(normalized: string): boolean {
  return NAME.test(normalized) && COMMON_SURNAMES.includes(normalized.charAt(0));
}
