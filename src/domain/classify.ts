// Decides a bank memo's category: a label (exact memo) beats a user keyword, which beats a built-in keyword, and
// every other field the bank sends is evidence too: tran_type and branch_name (a purchase is never a transfer between
// people), direction, the amount's shape and whether the other leg is one of the person's own accounts. Keywords are
// found in one Aho–Corasick pass over the normalised memo; the most specific one wins. Each result lists the evidence
// that decided it, so `explain` can say why. Pure.

import { allowedFor, BUILTIN_CATEGORIES, UNCATEGORIZED } from './categories.js';
import { Automaton } from './aho-corasick.js';
import { FRANCHISE_BRANDS } from './brands.js';
import { BUILTIN_KEYWORDS, GENERIC_KEYWORDS, SAVINGS_PRODUCT } from './keywords.js';
import { isBranchTail, looksLikePersonName, normalizeMemo, unwrapPaymentApp } from './normalize.js';
import { payeeOf } from './payee.js';
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
  /** each piece of evidence that decided, in words (for `explain`) */
  evidence: readonly string[];
}

/** The fields of a bank row besides memo and direction; all optional (a bare memo is classified by its text). */
export interface Evidence {
  /** tran_type as the bank sent it (체크카드, 대체, 타행환 …) */
  type?: string;
  /** branch_name */
  branch?: string;
  /** integer won */
  amount?: number;
  /** the row is one leg of a transfer between two of the person's own accounts */
  own?: boolean;
}

export interface ClassifierInput {
  /** memo matched exactly after trim (not normalised beyond trim) */
  labels?: Iterable<[memo: string, category: string]>;
  userKeywords?: Iterable<KeywordRule>;
  /** payee (payee.ts) → category: every memo of that merchant; an exact memo label still beats it */
  payeeLabels?: Iterable<[payee: string, category: string]>;
}

export interface Classifier {
  classify(memo: string, direction: Direction, evidence?: Evidence): Classification;
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

const NONE: Classification = Object.freeze({ category: UNCATEGORIZED, source: 'none', rule: null, matched: null, kind: 'none', evidence: Object.freeze(['no label or keyword matched']) });
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
    result: Object.freeze({ ...base, category, evidence: Object.freeze([`${rule} → ${category}`]) }),
    refund: Object.freeze({
      ...base,
      category: 'income',
      evidence: Object.freeze([`${rule} names a merchant; money in from a merchant is a refund, cashback or payout`]),
    }),
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
  // Brands from the franchise lists that the hand-made dictionary does not already have.
  const seen = new Set(builtinRules.map((r) => normalizeMemo(r.keyword)));
  const brands: KeywordRule[] = [];
  for (const { id } of BUILTIN_CATEGORIES) {
    for (const keyword of FRANCHISE_BRANDS[id] ?? []) {
      const norm = normalizeMemo(keyword);
      if (norm === '' || seen.has(norm)) continue;
      seen.add(norm);
      brands.push(Object.freeze({ keyword, category: id }));
    }
  }
  builtinRules = Object.freeze([...builtinRules, ...brands]);
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
  add(FRANCHISE_BRANDS, 1);
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

/** How the money moved, from tran_type and branch_name. */
type Channel = 'purchase' | 'bank' | 'unknown';

// tran_type is free text set by each bank; these words are what they use for card/app purchases and bank moves.
const PURCHASE_TYPE = /체크|카드|간편|결제|pos|페이|직불|신용|승인|가맹/i;
const BANK_TYPE = /대체|타행|당행|이체|송금|뱅킹|인터넷|모바일|폰|atm|cd|현금|창구|f\/b|펌|급여|자동|지로|오픈|입금|출금|이자|결산/i;
// A bank's own branch names its office, not a shop.
const BANK_BRANCH = /(?:지점|출장소|영업부|금융센터|센터|우체국|금고|신협|본부)$/;

/** Evidence reduced to what can change a result; small, so results can be cached per combination. */
interface Facts {
  channel: Channel;
  /** why the channel is what it is, in words ('' for unknown) */
  why: string;
  own: boolean;
  /** 0 amount unknown, 1 a round sum (multiple of 1,000원), 2 not round */
  amount: 0 | 1 | 2;
}

const NO_FACTS: Facts = Object.freeze({ channel: 'unknown', why: '', own: false, amount: 0 });

function channelOf(type: string, branch: string): { channel: Channel; why: string } {
  if (type !== '' && PURCHASE_TYPE.test(type)) return { channel: 'purchase', why: `tran_type "${type}": a purchase, never a transfer between people` };
  if (type !== '' && BANK_TYPE.test(type)) return { channel: 'bank', why: `tran_type "${type}": a bank transfer` };
  if (branch !== '' && !BANK_BRANCH.test(branch)) return { channel: 'purchase', why: 'branch_name names a shop branch: a purchase, never a transfer between people' };
  return { channel: 'unknown', why: '' };
}

function frozen(c: Omit<Classification, 'evidence'>, evidence: string[]): Classification {
  return Object.freeze({ ...c, evidence: Object.freeze(evidence) });
}

// The same keyword result under the same facts is the same object: made once, not once per memo.
const derived = new WeakMap<Facts, Map<Classification, Classification>>();

function withFacts(result: Classification, facts: Facts, extra: string[] = []): Classification {
  if (facts.why === '' && extra.length === 0) return result;
  if (extra.length > 0) return frozen(result, [...(facts.why === '' ? [] : [facts.why]), ...result.evidence, ...extra]);
  let byResult = derived.get(facts);
  if (byResult === undefined) derived.set(facts, (byResult = new Map()));
  let out = byResult.get(result);
  if (out === undefined) {
    out = frozen(result, [facts.why, ...result.evidence]);
    // results made per memo (personal names) would pile up here; only shared keyword results are kept
    if (byResult.size < 10_000) byResult.set(result, out);
  }
  return out;
}

/**
 * What the memo's text alone says: the normalised text after any payment app, and the keyword hits that count
 * (standalone, outside a branch name) as [entryIndex, start] pairs: the same for every direction and evidence.
 */
interface Analysis {
  /** '' for a bare payment app */
  text: string;
  /** whether any keyword stood alone in the text (before the branch cut) */
  matched: boolean;
  hits: readonly number[];
}

function analyse(dict: Dictionary, memo: string): Analysis {
  const { rest } = unwrapPaymentApp(normalizeMemo(memo));
  if (rest === '') return { text: '', matched: false, hits: [] };
  hits.length = 0;
  dict.automaton.scan(rest, hits);
  if (keepStandalone(dict, rest) === 0) return { text: rest, matched: false, hits: [] };
  const cut = branchCut(dict, rest);
  const kept: number[] = [];
  for (let h = 0; h < hits.length; h += 2) {
    const entry = dict.entries[hits[h]!]!;
    const start = hits[h + 1]! - entry.length;
    // Built-in keywords inside a branch name do not count; the person's own keywords always do.
    if (start >= cut && entry.tier !== 2) continue;
    kept.push(hits[h]!, start);
  }
  return { text: rest, matched: true, hits: kept };
}

function decide(dict: Dictionary, a: Analysis, direction: Direction, facts: Facts): Classification {
  const text = a.text;
  const purchase = facts.channel === 'purchase';
  if (!a.matched) {
    if (purchase) {
      // Money back through a card or payment app is a cancelled or refunded purchase.
      if (direction === 'in') {
        return frozen(
          { category: 'income', source: 'keyword', rule: 'built-in rule "refund of a purchase"', matched: null, kind: 'builtin' },
          [facts.why, 'money in through a purchase channel: a refund or cancellation'],
        );
      }
      return withFacts(NONE, facts);
    }
    // A memo that is only a person's name is money sent to or received from that person, in Korean passbooks —
    // unless the amount looks like a price and nothing says it was a bank transfer.
    if (looksLikePersonName(text) && !(facts.channel === 'unknown' && facts.amount === 2)) {
      const evidence = [`memo "${text}" looks like a person's name (a common surname and 1–3 more syllables)`];
      if (facts.why !== '') evidence.unshift(facts.why);
      if (facts.amount === 1) evidence.push('a round amount (a multiple of 1,000원), as people send');
      return frozen({ category: 'transfer', source: 'keyword', rule: 'built-in rule "personal name"', matched: text, kind: 'builtin' }, evidence);
    }
    if (facts.amount === 2 && looksLikePersonName(text)) {
      return frozen(NONE, ['memo looks like a name, but the amount is not a round sum and no tran_type says transfer']);
    }
    return withFacts(NONE, facts);
  }
  let best: Entry | undefined;
  let bestStart = 0;
  let allowed: Entry | undefined;
  let allowedStart = 0;
  let droppedTransfer: Entry | undefined;
  for (let h = 0; h < a.hits.length; h += 2) {
    const entry = dict.entries[a.hits[h]!]!;
    const start = a.hits[h + 1]!;
    // A purchase is never a transfer between people: built-in transfer words do not count for it.
    if (purchase && entry.category === 'transfer' && entry.tier !== 2) {
      droppedTransfer ??= entry;
      continue;
    }
    if (best === undefined || beats(entry, start, best, bestStart)) [best, bestStart] = [entry, start];
    if (allowedFor(entry.category, direction) && (allowed === undefined || beats(entry, start, allowed, allowedStart))) {
      [allowed, allowedStart] = [entry, start];
    }
  }
  const dropped = droppedTransfer === undefined ? [] : [`${droppedTransfer.result.rule} ignored: a purchase is not a transfer`];
  // Money paid into a savings or deposit product that is not one of the person's own accounts is saving.
  if (direction === 'out' && allowed?.tier !== 2) {
    const savings = SAVINGS_PRODUCT.exec(text);
    if (savings !== null) {
      return frozen(
        { category: 'finance', source: 'keyword', rule: `built-in rule "savings deposit"`, matched: savings[0], kind: 'builtin' },
        [`savings product "…${savings[0]}" in the memo, not paired with one of your own accounts: a savings deposit`],
      );
    }
  }
  if (allowed !== undefined) {
    // Money in from a named merchant outranks a generic transfer word: "(주)우아한형제들 정산" is a payout.
    if (direction === 'in' && allowed.tier === 0 && allowed.category === 'transfer' && best !== undefined && best.tier >= 1 && !allowedFor(best.category, 'in')) {
      return withFacts(best.refund, facts, dropped);
    }
    let result = allowed.result;
    // An incoming "…정산" settles a shared bill or pays out a platform: money coming back, not a transfer.
    if (direction === 'in' && result.category === 'transfer' && allowed.tier !== 2 && text.includes('정산')) {
      result = frozen(
        { category: 'income', source: 'keyword', rule: 'built-in rule "incoming settlement"', matched: '정산', kind: 'builtin' },
        ['incoming "…정산": a settlement paid back (a shared bill or a platform payout)'],
      );
    }
    return withFacts(result, facts, dropped);
  }
  // Only spending keywords are left: incoming money from a merchant is a refund; outgoing pay is not ours to guess.
  if (direction === 'in' && (best !== undefined || purchase)) {
    return best !== undefined
      ? withFacts(best.refund, facts, dropped)
      : frozen(
          { category: 'income', source: 'keyword', rule: 'built-in rule "refund of a purchase"', matched: null, kind: 'builtin' },
          [facts.why, 'money in through a purchase channel: a refund or cancellation', ...dropped],
        );
  }
  return withFacts(NONE, facts, dropped);
}

/**
 * Results by memo, bounded: when the young generation fills it becomes the old one and the oldest is dropped,
 * so memos that keep recurring survive while a long tail of one-off memos cannot grow memory without end.
 */
class MemoCache<T = Classification> {
  private young = new Map<string, T>();
  private old = new Map<string, T>();

  get(memo: string): T | undefined {
    const hit = this.young.get(memo);
    if (hit !== undefined) return hit;
    const aged = this.old.get(memo);
    if (aged !== undefined) this.set(memo, aged);
    return aged;
  }

  set(memo: string, result: T): void {
    if (this.young.size >= CACHE_GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(memo, result);
  }
}

const OWN: Classification = frozen(
  { category: 'transfer', source: 'keyword', rule: 'built-in rule "own account"', matched: null, kind: 'builtin' },
  ['the other leg of this move is in another of your own accounts'],
);

/** A classifier over the built-in dictionary plus the person's labels and keyword rules. */
export function createClassifier(input: ClassifierInput = {}): Classifier {
  const labels = new Map<string, Classification>();
  for (const [memo, category] of input.labels ?? []) {
    const text = memo.trim();
    labels.set(
      text,
      frozen({ category, source: 'label', rule: `label "${text}"`, matched: text, kind: 'label' }, [`your label on the memo "${text}"`]),
    );
  }
  const payeeLabels = new Map<string, Classification>();
  for (const [payee, category] of input.payeeLabels ?? []) {
    const text = payee.trim();
    payeeLabels.set(
      text,
      frozen({ category, source: 'label', rule: `payee label "${text}"`, matched: text, kind: 'label' }, [
        `your label on every memo of the payee "${text}"`,
      ]),
    );
  }
  const userEntries = new Map<string, Entry>();
  for (const { keyword, category } of input.userKeywords ?? []) {
    const norm = normalizeMemo(keyword);
    // A later rule for the same text replaces the earlier one, as a re-added keyword should.
    if (norm !== '' && category !== undefined) userEntries.set(norm, makeEntry(keyword.trim(), category, 2, norm));
  }
  // Without user keywords every classifier shares one compiled built-in dictionary.
  const dict =
    userEntries.size === 0
      ? (builtinDictionary ??= compile(builtinEntries()))
      : compile(new Map([...builtinEntries(), ...userEntries]));

  const compute = (memo: string, direction: Direction, facts: Facts): Classification => {
    const label = labels.get(memo.trim());
    if (label !== undefined) return label;
    if (payeeLabels.size > 0) {
      const byPayee = payeeLabels.get(payeeOf(memo));
      if (byPayee !== undefined) return byPayee;
    }
    if (facts.own) return OWN;
    // Not cached apart: a bank prints one merchant with one tran_type, so each memo is analysed about once anyway.
    const a = analyse(dict, memo);
    // A bare payment app (rest '') says how, not what: it could be a top-up, a purchase or a remittance.
    if (a.text === '') return withFacts(NONE, facts);
    return decide(dict, a, direction, facts);
  };

  // One cache per combination of facts, found without building strings: tran_type texts are few (a bank uses a
  // dozen), so the maps stay small, and a call with a cached memo allocates nothing.
  interface Slot {
    channel: Channel;
    why: string;
    facts: Array<Facts | undefined>;
    caches: Array<MemoCache | undefined>;
  }
  const bare = { in: new MemoCache(), out: new MemoCache() };
  const slots = { in: new Map<string, Array<Slot | undefined>>(), out: new Map<string, Array<Slot | undefined>>() };
  const branchKinds = new Map<string, number>();
  const branchKind = (branch: string): number => {
    if (branch === '') return 0;
    let kind = branchKinds.get(branch);
    if (kind === undefined) {
      if (branchKinds.size >= CACHE_GENERATION) branchKinds.clear();
      kind = BANK_BRANCH.test(branch.trim()) ? 1 : 2;
      branchKinds.set(branch, kind);
    }
    return kind;
  };
  return {
    classify(memo: string, direction: Direction, evidence?: Evidence): Classification {
      let cache: MemoCache;
      let facts = NO_FACTS;
      if (evidence === undefined) cache = bare[direction];
      else {
        const type = evidence.type ?? '';
        const bk = branchKind(evidence.branch ?? '');
        let byType = slots[direction].get(type);
        if (byType === undefined) slots[direction].set(type, (byType = []));
        let slot = byType[bk];
        if (slot === undefined) {
          const ch = channelOf(type.trim(), bk === 0 ? '' : bk === 1 ? '지점' : '점');
          slot = byType[bk] = { channel: ch.channel, why: ch.why, facts: [], caches: [] };
        }
        const amount = evidence.amount === undefined || slot.channel !== 'unknown' ? 0 : evidence.amount % 1000 === 0 ? 1 : 2;
        const own = evidence.own === true;
        const index = (own ? 3 : 0) + amount;
        facts = slot.facts[index] ??= Object.freeze({ channel: slot.channel, why: slot.why, own, amount });
        cache = slot.caches[index] ??= new MemoCache();
      }
      let result = cache.get(memo);
      if (result === undefined) {
        result = compute(memo, direction, facts);
        cache.set(memo, result);
      }
      return result;
    },
  };
}
