// Decides a bank memo's category: a label (exact memo) beats a user keyword, which beats a built-in keyword.
// Keywords are found in one Aho–Corasick pass over the normalised memo; the most specific one wins. Pure.

import { allowedFor, BUILTIN_CATEGORIES, UNCATEGORIZED } from './categories.js';
import { Automaton } from './aho-corasick.js';
import { BUILTIN_KEYWORDS, GENERIC_KEYWORDS } from './keywords.js';
import { isBranchTail, looksLikePersonName, normalizeMemo, unwrapPaymentApp } from './normalize.js';
import type { Direction } from './types.js';

export interface KeywordRule {
  keyword: string;
  category: string;
}

export interface Classification {
  /** category id */
  category: string;
  source: 'label' | 'keyword' | 'none';
  /** 'label "<memo>"', 'user keyword "<kw>"', 'built-in keyword "<kw>"', 'built-in rule "…"', or null */
  rule: string | null;
  /** the matched keyword / label text */
  matched: string | null;
  kind: 'label' | 'user' | 'builtin' | 'none';
}

export interface ClassifierInput {
  /** memo matched exactly after trim (not normalised beyond trim) */
  labels?: Iterable<[memo: string, category: string]>;
  userKeywords?: Iterable<KeywordRule>;
}

export interface Classifier {
  classify(memo: string, direction: Direction): Classification;
}

interface Entry {
  category: string;
  /** user 2, built-in strong 1, built-in generic 0: compared before length */
  tier: number;
  /** length of the normalised keyword, the measure of specificity */
  length: number;
  /** short Latin keywords ("kt", "cu") must not touch other Latin letters ("market", "cup") */
  guarded: boolean;
  result: Classification;
  /** incoming money matched by a spending keyword: a refund or cashback */
  refund: Classification;
}

const NONE: Classification = Object.freeze({ category: UNCATEGORIZED, source: 'none', rule: null, matched: null, kind: 'none' });
const CACHE_GENERATION = 20_000;

function makeEntry(keyword: string, category: string, tier: number, norm: string): Entry {
  const kind = tier === 2 ? 'user' : 'builtin';
  const rule = `${tier === 2 ? 'user' : 'built-in'} keyword "${keyword}"`;
  const base = { source: 'keyword', rule, matched: keyword, kind } as const;
  return {
    category,
    tier,
    length: norm.length,
    guarded: /^[a-z0-9]{1,3}$/.test(norm) && /[a-z]/.test(norm),
    result: Object.freeze({ ...base, category }),
    refund: Object.freeze({ ...base, category: 'income' }),
  };
}

interface Dictionary {
  entries: Entry[];
  automaton: Automaton;
}

function compile(byNorm: Map<string, Entry>): Dictionary {
  return { entries: [...byNorm.values()], automaton: new Automaton([...byNorm.keys()]) };
}

let builtinRules: readonly KeywordRule[] | undefined;
let builtinDictionary: Dictionary | undefined;

/** Every built-in keyword with its category, in category order (strong keywords, then generic words). */
export function builtinKeywords(): readonly KeywordRule[] {
  builtinRules ??= Object.freeze(
    BUILTIN_CATEGORIES.flatMap(({ id }) =>
      [...(BUILTIN_KEYWORDS[id] ?? []), ...(GENERIC_KEYWORDS[id] ?? [])].map((keyword) =>
        Object.freeze({ keyword, category: id }),
      ),
    ),
  );
  return builtinRules;
}

function builtinEntries(): Map<string, Entry> {
  const byNorm = new Map<string, Entry>();
  const add = (source: Readonly<Record<string, readonly string[]>>, tier: number): void => {
    for (const [category, words] of Object.entries(source)) {
      for (const keyword of words) {
        const norm = normalizeMemo(keyword);
        if (norm !== '' && !byNorm.has(norm)) byNorm.set(norm, makeEntry(keyword, category, tier, norm));
      }
    }
  };
  add(BUILTIN_KEYWORDS, 1);
  add(GENERIC_KEYWORDS, 0);
  return byNorm;
}

const isLatin = (c: number): boolean => c >= 97 && c <= 122;

// Scratch buffer of [entryIndex, end] pairs, reused across calls: classification never re-enters itself.
const hits: number[] = [];

/** a beats b: higher tier, then longer keyword, then further left. */
function beats(a: Entry, aStart: number, b: Entry, bStart: number): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.length !== b.length) return a.length > b.length;
  return aStart < bStart;
}

/** Keeps the hits whose short Latin keywords stand alone; returns how many pairs remain. */
function keepStandalone(dict: Dictionary, text: string): number {
  let kept = 0;
  for (let h = 0; h < hits.length; h += 2) {
    const entry = dict.entries[hits[h]!]!;
    const end = hits[h + 1]!;
    if (entry.guarded && (isLatin(text.charCodeAt(end - entry.length - 1)) || isLatin(text.charCodeAt(end)))) continue;
    hits[kept++] = hits[h]!;
    hits[kept++] = end;
  }
  hits.length = kept;
  return kept / 2;
}

/** Where a branch name after the first brand begins ("투썸 삼성화재점": after 투썸), or Infinity. */
function branchCut(dict: Dictionary, text: string): number {
  if (!text.endsWith('점')) return Infinity;
  let brandStart = Infinity;
  let brandEnd = 0;
  for (let h = 0; h < hits.length; h += 2) {
    const end = hits[h + 1]!;
    const start = end - dict.entries[hits[h]!]!.length;
    if (start < brandStart || (start === brandStart && end > brandEnd)) [brandStart, brandEnd] = [start, end];
  }
  return isBranchTail(text.slice(brandEnd)) ? brandEnd : Infinity;
}

function decide(dict: Dictionary, text: string, direction: Direction): Classification {
  hits.length = 0;
  dict.automaton.scan(text, hits);
  if (keepStandalone(dict, text) === 0) {
    // A memo that is only a person's name is money sent to or received from that person, in Korean passbooks.
    if (looksLikePersonName(text)) {
      return Object.freeze({
        category: 'transfer',
        source: 'keyword',
        rule: 'built-in rule "personal name"',
        matched: text,
        kind: 'builtin',
      });
    }
    return NONE;
  }
  // Built-in keywords inside a branch name do not count; the person's own keywords always do.
  const cut = branchCut(dict, text);
  let best: Entry | undefined;
  let bestStart = 0;
  let allowed: Entry | undefined;
  let allowedStart = 0;
  for (let h = 0; h < hits.length; h += 2) {
    const entry = dict.entries[hits[h]!]!;
    const start = hits[h + 1]! - entry.length;
    if (start >= cut && entry.tier !== 2) continue;
    if (best === undefined || beats(entry, start, best, bestStart)) [best, bestStart] = [entry, start];
    if (allowedFor(entry.category, direction) && (allowed === undefined || beats(entry, start, allowed, allowedStart))) {
      [allowed, allowedStart] = [entry, start];
    }
  }
  if (allowed !== undefined) return allowed.result;
  // Only spending keywords are left: incoming money from a merchant is a refund; outgoing pay is not ours to guess.
  return direction === 'in' && best !== undefined ? best.refund : NONE;
}

/**
 * Results by memo, bounded: when the young generation fills it becomes the old one and the oldest is dropped,
 * so memos that keep recurring survive while a long tail of one-off memos cannot grow memory without end.
 */
class MemoCache {
  private young = new Map<string, Classification>();
  private old = new Map<string, Classification>();

  get(memo: string): Classification | undefined {
    const hit = this.young.get(memo);
    if (hit !== undefined) return hit;
    const aged = this.old.get(memo);
    if (aged !== undefined) this.set(memo, aged);
    return aged;
  }

  set(memo: string, result: Classification): void {
    if (this.young.size >= CACHE_GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(memo, result);
  }
}

/** A classifier over the built-in dictionary plus the person's labels and keyword rules. */
export function createClassifier(input: ClassifierInput = {}): Classifier {
  const labels = new Map<string, Classification>();
  for (const [memo, category] of input.labels ?? []) {
    const text = memo.trim();
    labels.set(text, Object.freeze({ category, source: 'label', rule: `label "${text}"`, matched: text, kind: 'label' }));
  }
  const userEntries = new Map<string, Entry>();
  for (const { keyword, category } of input.userKeywords ?? []) {
    const norm = normalizeMemo(keyword);
    // A later rule for the same text replaces the earlier one, as a re-added keyword should.
    if (norm !== '') userEntries.set(norm, makeEntry(keyword.trim(), category, 2, norm));
  }
  // Without user keywords every classifier shares one compiled built-in dictionary.
  const dict =
    userEntries.size === 0
      ? (builtinDictionary ??= compile(builtinEntries()))
      : compile(new Map([...builtinEntries(), ...userEntries]));

  const compute = (memo: string, direction: Direction): Classification => {
    const label = labels.get(memo.trim());
    if (label !== undefined) return label;
    // A bare payment app (rest '') says how, not what: it could be a top-up, a purchase or a remittance.
    const { rest } = unwrapPaymentApp(normalizeMemo(memo));
    if (rest === '') return NONE;
    return decide(dict, rest, direction);
  };

  const caches = { in: new MemoCache(), out: new MemoCache() };
  return {
    classify(memo: string, direction: Direction): Classification {
      const cache = caches[direction];
      let result = cache.get(memo);
      if (result === undefined) {
        result = compute(memo, direction);
        cache.set(memo, result);
      }
      return result;
    },
  };
}
