// Times fixed-payment detection (and the baseline) over 1,000,000 synthetic transactions: mostly irregular spending
// across ~5k memos plus a few hundred true series. Needs a build first: `npx tsc -p tsconfig.json`.
import { detectRecurring, detectRecurringBaseline } from '../dist/domain/recurring.js';
import { formatIsoDay, nextBusinessDay, parseIsoDay } from '../dist/domain/dates.js';

const TOTAL = Number(process.env.BENCH_TXNS ?? 1_000_000);
const MEMOS = 5_000;
const SERIES = 300;
const FROM = parseIsoDay('2023-01-01');
const DAYS = 730;
const TODAY = '2025-01-05';

let seed = 12345;
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Rows as a date-ordered database read would hand them over: created in date order, so memory order matches. */
function generate() {
  const rows = []; // [day, kind, memo index, amount]: kind 0 = true series, 1 = irregular
  for (let s = 0; s < SERIES; s++) {
    const dom = 1 + Math.floor(random() * 28);
    const amount = (3 + Math.floor(random() * 90)) * 1000;
    for (let m = 0; m < 24; m++) {
      const nominal = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
      rows.push([parseIsoDay(nextBusinessDay(nominal)), 0, s, amount]);
    }
  }
  // Zipf-like memo popularity: a few memos are very frequent (a cafe, a convenience store), most are rare
  const weights = Array.from({ length: MEMOS }, (_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  while (rows.length < TOTAL) {
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
  return rows.map(([day, kind, k, amount]) => ({
    account: accounts[k % 3],
    date: formatIsoDay(day),
    direction: 'out',
    amount,
    memo: kind === 0 ? `정기결제${k}` : `가맹점${k}`,
  }));
}

function time(label, fn, runs = 3) {
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: best ${ms[0].toFixed(0)} ms, median ${ms[Math.floor(runs / 2)].toFixed(0)} ms over ${runs} runs`);
  return result;
}

const t0 = process.hrtime.bigint();
const txns = generate();
console.log(`generated ${txns.length.toLocaleString('en')} transactions (${SERIES} true monthly series, ${MEMOS} irregular memos) in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);

const found = time('detectRecurring', () => detectRecurring(txns, { today: TODAY }));
const truePositives = found.filter((s) => s.memo.startsWith('정기결제') && s.count === 24).length;
const falsePositives = found.filter((s) => !s.memo.startsWith('정기결제')).length;
console.log(`  series found: ${found.length}; true series recovered whole: ${truePositives}/${SERIES}; irregular memos reported: ${falsePositives}`);

const baseline = time('detectRecurringBaseline', () => detectRecurringBaseline(txns, { today: TODAY }));
console.log(`  baseline series found: ${baseline.length}; true series: ${baseline.filter((s) => s.memo.startsWith('정기결제')).length}/${SERIES}`);
