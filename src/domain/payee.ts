// The payee of a bank memo — the merchant as a person names it (스타벅스코리아 역삼점 → 스타벅스; a person's name stays
// the name) — and search over memos and payees, Korean initial consonants (ㅅㅌㅂㅅ) included. Pure; memoised by memo.

import { getChoseong } from 'es-hangul';
import { BUILTIN_KEYWORDS, GENERIC_KEYWORDS } from './keywords.js';
import { GENERIC_HEADS, LEADING_NOISE, PAYEE_ALIASES, REMITTANCE_PREFIXES } from './payee-aliases.js';
import { isBranchTail, looksLikePersonName, normalizeMemo, unwrapPaymentApp } from './normalize.js';

/** Bump when the rules change: stored memo → payee maps made by an older version are rebuilt. */
export const PAYEE_VERSION = 1;

// Corporate marks go before tokenising ("삼양물산(주)급여" → "삼양물산 급여"); NFKC has turned ㈜ into (주).
const CORPORATE = /\((?:주|유|사|재)\)|\((?:주|유)$|주식회사|유한회사/g;
// Where banks and gateways separate a merchant from its branch or product; control characters go too.
const SEPARATORS = /[\s_*/()[\]{}<>,·|:;"'\p{Cc}\p{Cf}]+/u;
const TRAILING_JUNK = /^(?:[0-9-]+(?:동|호|층)?|\d{1,2}월|R)$/;
const SALARY_WORDS = new Set(['급여', '상여', '상여금', '월급', '급여이체', '급여입금']);

const norm = (s: string): string => normalizeMemo(s);

// alias (normalised) → brand, and the aliases longest first so the most specific one wins.
const ALIAS_TO_BRAND = new Map<string, string>();
for (const [brand, aliases] of Object.entries(PAYEE_ALIASES)) {
  for (const a of aliases) if (norm(a) !== '') ALIAS_TO_BRAND.set(norm(a), brand);
}
const ALIASES_BY_LENGTH = [...ALIAS_TO_BRAND.keys()].sort((a, b) => b.length - a.length);
const STRONG = new Set(Object.values(BUILTIN_KEYWORDS).flat().map(norm).filter((k) => k.length >= 2));
const GENERIC = new Set(Object.values(GENERIC_KEYWORDS).flat().map(norm));
const LEADING = new Set(LEADING_NOISE.map(norm));
const HEADS = new Set(GENERIC_HEADS.map(norm));
const REMITTANCE = new Set(REMITTANCE_PREFIXES.map(norm));

/** Drops the first `count` normalised characters from the tokens (a payment-app prefix may span a space). */
function dropNormalized(tokens: string[], count: number): string[] {
  const out = tokens.slice();
  while (count > 0 && out.length > 0) {
    const first = out[0]!;
    const n = norm(first).length;
    if (n <= count) {
      out.shift();
      count -= n;
      continue;
    }
    out[0] = cutDisplay(first, count).rest;
    count = 0;
  }
  return out.filter((t) => t !== '');
}

/** Splits a display token after its first `count` normalised characters: "GS25역삼점", 4 → "GS25" | "역삼점". */
function cutDisplay(token: string, count: number): { head: string; rest: string } {
  let seen = 0;
  let i = 0;
  const chars = [...token];
  while (i < chars.length && seen < count) {
    if (norm(chars[i]!) !== '') seen++;
    i++;
  }
  return { head: chars.slice(0, i).join(''), rest: chars.slice(i).join('') };
}

/** The brand behind a known alias at the start of `normalized`, when the alias names the merchant whole. */
function aliasBrand(normalized: string, firstToken: string): string | undefined {
  for (const alias of ALIASES_BY_LENGTH) {
    if (!normalized.startsWith(alias)) continue;
    const rest = normalized.slice(alias.length);
    // "투썸 삼성화재점" (a branch after it) or "메가엠지씨커피 신림" (the alias is the whole first word) count;
    // "KTX" does not start with the alias KT.
    if (rest === '' || isBranchTail(rest) || alias.length >= firstToken.length) return ALIAS_TO_BRAND.get(alias);
  }
  return undefined;
}

/** The longest built-in keyword that `t` starts with (two characters at least), or ''. */
function keywordPrefix(t: string): string {
  for (let len = Math.min(t.length, 24); len >= 2; len--) if (STRONG.has(t.slice(0, len))) return t.slice(0, len);
  return '';
}

function containsKeyword(t: string): boolean {
  for (let i = 0; i < t.length; i++) for (let j = i + 2; j <= t.length; j++) if (STRONG.has(t.slice(i, j))) return true;
  return false;
}

function computePayee(memo: string): string {
  // NFKC folds ㈜ and full-width Latin, but would turn the jamo of "ㅇㅇ상회" into conjoining ones: leave those.
  const folded = memo.replace(/[^\u3131-\u318e]+/g, (s) => s.normalize('NFKC'));
  let tokens = folded.replace(CORPORATE, ' ').split(SEPARATORS).filter((t) => t !== '');
  if (tokens.length === 0) return memo.trim();
  const whole = tokens.join(' ');

  const { app, rest } = unwrapPaymentApp(norm(tokens.join('')));
  if (app !== null) {
    // A bare app ("카카오페이") or an app with a generic word ("카카오페이 송금") says how, not to whom.
    if (rest === '' || GENERIC.has(rest)) return rest === '' ? (aliasBrand(app, app) ?? whole) : whole;
    tokens = dropNormalized(tokens, app.length);
  }
  // "토스 김민지": the person, not the app.
  if (tokens.length > 1 && REMITTANCE.has(norm(tokens[0]!)) && looksLikePersonName(norm(tokens[1]!))) tokens.shift();
  // "자동이체 KT", "결제취소 스타벅스": the merchant after the kind of payment.
  if (tokens.length > 1 && LEADING.has(norm(tokens[0]!))) tokens.shift();
  // Employer payroll: "(주)한빛소프트 급여" and "급여 (주)엔씨" are the employer; "10월 급여" stays 급여.
  tokens = tokens.filter((t) => !TRAILING_JUNK.test(t) || tokens.length === 1);
  // Only numbers and months ("10월 11월", "1234 5678"): nothing names a merchant, so the memo is its own payee.
  if (tokens.length === 0) return whole;
  if (tokens.length > 1) {
    const named = tokens.filter((t) => !SALARY_WORDS.has(norm(t)));
    if (named.length > 0 && named.length < tokens.length) tokens = named;
  }
  // Branch names, numbers and payment words at the end: "김밥천국 역삼1호점", "관리비 101동 1203", "새마을금고 이체".
  const droppable = (t: string): boolean => isBranchTail(norm(t)) || TRAILING_JUNK.test(t) || GENERIC.has(norm(t));
  while (tokens.length > 1 && droppable(tokens[tokens.length - 1]!)) tokens.pop();
  // A store number glued to the name: "홍콩반점0410" (the syllable before it stays, so the token never empties).
  tokens[0] = tokens[0]!.replace(/(?<=[가-힣])\d{4,}$/, '');

  const first = norm(tokens[0]!);
  const brand = aliasBrand(norm(tokens.join('')), first);
  if (brand !== undefined) return brand;

  // A brand with its branch glued on: "김밥천국역삼점" → 김밥천국.
  const kw = keywordPrefix(first);
  if (kw !== '' && isBranchTail(first.slice(kw.length))) tokens[0] = cutDisplay(tokens[0]!, kw.length).head;
  if (tokens.length === 1) return tokens[0]!;

  // "SK에너지 강변주유소", "CGV 용산아이파크몰": a known merchant first, then where. Not "카페 온더코너" or
  // "부의금 김철수", where the first word is a kind of payment and what follows names it.
  if (!HEADS.has(first) && containsKeyword(first)) return tokens[0]!;
  return tokens.join(' ');
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** The payee of a memo; derived once per distinct memo (histories repeat a few thousand memos). */
export function payeeOf(memo: string): string {
  let p = cache.get(memo);
  if (p === undefined) {
    p = computePayee(memo);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(memo, p);
  }
  return p;
}

/** The Korean initial consonants of the text's Hangul syllables, spaces and other characters left out: 스타벅스 → ㅅㅌㅂㅅ. */
export function initialsOf(text: string): string {
  return getChoseong(text).replace(/[^\u3131-\u314e]/g, '');
}

/** Whether a search text is made of initial consonants only (ㅅㅌㅂㅅ), the way Korean apps search. */
export function isInitialsQuery(query: string): boolean {
  return /^[\u3131-\u314e\s]+$/.test(query) && /[\u3131-\u314e]/.test(query);
}

/**
 * A matcher for `tx --search`: the text inside the memo or the payee (case-insensitive), or, for an initials query,
 * inside the initials of the payee or the memo.
 */
export function searchMatcher(query: string): (memo: string, payee: string) => boolean {
  // Initials first: NFKC would turn ㅅ into a conjoining jamo.
  if (isInitialsQuery(query)) {
    const initials = query.replace(/\s+/g, '');
    return (memo, payee) => initialsOf(payee).includes(initials) || initialsOf(memo).includes(initials);
  }
  const q = query.normalize('NFKC').toLowerCase().trim();
  return (memo, payee) => memo.normalize('NFKC').toLowerCase().includes(q) || payee.toLowerCase().includes(q);
}
