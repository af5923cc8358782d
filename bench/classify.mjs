// Benchmark of memo classification against the built code (dist/): 1,000,000 memos drawn from ~5,000 distinct
// ones (the cached path real histories take), and a no-cache pass over distinct memos. Run after `npm run build`.

import { performance } from 'node:perf_hooks';

const { createClassifier, builtinKeywords } = await import('../dist/domain/classify.js');

const TOTAL = 1_000_000;
const DISTINCT = 5_000;
const NO_CACHE = 200_000;

// Deterministic so runs compare: mulberry32.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20240601);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const PLACES = ['강남', '역삼', '서초', '신촌', '홍대입구', '잠실', '판교', '분당서현', '부산서면', '대전둔산', '광화문', '여의도', '구로디지털', '수원역', '일산'];
const SUFFIXES = ['점', '역점', '지점', '1호점', 'R점', '', ' '];
const APPS = ['카카오페이 ', '네이버페이_', 'KG이니시스 ', '토스페이(', ''];
const SYLLABLES = '가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후';

function hangul(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s;
}

/** A memo as a bank prints it: brand, branch, maybe an app in front, cut at 20 characters. */
function merchantMemo(brands) {
  const memo = `${pick(APPS)}${pick(brands)} ${pick(PLACES)}${pick(SUFFIXES)}`;
  return memo.slice(0, 20);
}

function unknownMemo() {
  return rand() < 0.3 ? hangul(3) : `${hangul(2 + Math.floor(rand() * 5))} ${hangul(2)}상회`.slice(0, 20);
}

function memoSet(count, brands) {
  const set = new Set();
  while (set.size < count) set.add(rand() < 0.8 ? merchantMemo(brands) : unknownMemo());
  return [...set];
}

const RUNS = 3;

/** Best of RUNS: other processes share the machine, and the minimum is the least disturbed run. */
function time(label, count, fn) {
  let best = Infinity;
  let result;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - start);
  }
  const rate = count > 0 ? ` (${Math.round((count / best) * 1000).toLocaleString('en-US')} memos/s)` : '';
  console.log(`${label}: ${best.toFixed(1)} ms${rate}`);
  return { ms: best, result };
}

// The first classifier compiles the built-in dictionary; later ones reuse it.
const coldStart = performance.now();
createClassifier();
console.log(`createClassifier (first, compiles the built-in dictionary): ${(performance.now() - coldStart).toFixed(1)} ms`);

const brands = builtinKeywords().map((r) => r.keyword);
const distinct = memoSet(DISTINCT, brands);
// Real histories are skewed: a few memos (the daily café, the bus) repeat far more than the rest.
const stream = Array.from({ length: TOTAL }, () => distinct[Math.floor(distinct.length * rand() ** 2)]);
const directions = Array.from({ length: TOTAL }, () => (rand() < 0.85 ? 'out' : 'in'));

// Warm the JIT on a separate classifier so the first timed pass is not mostly compilation.
const warm = createClassifier();
for (let i = 0; i < 20_000; i++) warm.classify(stream[i], directions[i]);

console.log(`built-in keywords: ${brands.length}; distinct memos: ${distinct.length}`);
const classifier = createClassifier();
const userKeywords = brands.slice(0, 50).map((keyword, i) => ({ keyword: `${keyword}${i}`, category: 'mine' }));
const labels = distinct.slice(0, 500).map((memo) => [memo, 'labelled']);
time('createClassifier (50 user keywords, 500 labels)', 0, () => createClassifier({ userKeywords, labels }));

const counts = new Map();
time('classify 1M memos (cached by memo)', TOTAL, () => {
  counts.clear();
  for (let i = 0; i < TOTAL; i++) {
    const { category } = classifier.classify(stream[i], directions[i]);
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
});

const fresh = memoSet(NO_CACHE, brands);
const { ms } = time(`classify ${NO_CACHE / 1000}k distinct memos (no cache hits)`, NO_CACHE, () => {
  const uncached = createClassifier();
  for (let i = 0; i < fresh.length; i++) uncached.classify(fresh[i], i % 7 === 0 ? 'in' : 'out');
});
console.log(`no-cache cost: ${((ms * 1000) / NO_CACHE).toFixed(2)} µs/memo, ~${((ms * TOTAL) / NO_CACHE).toFixed(0)} ms per 1M`);
const share = [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${((n / TOTAL) * 100).toFixed(1)}%`);
console.log(`categories of the 1M: ${share.join(', ')}`);
