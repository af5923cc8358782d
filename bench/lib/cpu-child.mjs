// Pure domain work, timed in a fresh process (clean heap, no other work on the event loop).
// argv[2] is JSON { size, end, runs, what }; prints { rows, ms: [..], note }. `what`:
//   classify-history  every memo of the sandbox history, a new classifier per run (as a sync starts with one)
//   classify-stream   a skewed stream of `rows` memos over 5,000 distinct ones (lib/synthetic.mjs)
//   classify-fresh    `rows` memos all distinct: no cache hit, the classifier's worst case
//   detect-history    detectRecurring over every transaction of the sandbox history, in date order
//   detect-synthetic  detectRecurring over lib/synthetic.mjs's history (5,000 memos, 300 true series)

import { distUrl } from './build.mjs';
import { generate, storeRows, SIZES } from './history.mjs';
import { memoStreams, recurringHistory } from './synthetic.mjs';

const o = JSON.parse(process.argv[2]);
const { createClassifier } = await import(distUrl('domain/classify.js'));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const t0 = process.hrtime.bigint();
const first = createClassifier(); // compiles the built-in dictionary, once per process
const compileMs = ms(t0);
const n = SIZES[o.size].transactions;
const result = { ms: [] };

// The bank's other fields, as sync hands them to the classifier (tran_type, branch, amount). A bank prints one
// merchant's rows with one tran_type, so the type follows the memo (a hash of it); the amount varies per row.
const TYPES = ['체크카드', '체크카드', '체크카드', '간편결제', '대체', '타행환', '자동이체', 'POS'];
const typeOf = (memo) => {
  let h = 0;
  for (let i = 0; i < memo.length; i++) h = (h * 31 + memo.charCodeAt(i)) | 0;
  return TYPES[(h >>> 0) % TYPES.length];
};
const syntheticEvidence = (memos) => memos.map((m, i) => ({ type: typeOf(m), branch: '', amount: 1000 + (i % 97) * 500 }));

function timeClassify(memos, dirs, evidence) {
  let uncategorized = 0;
  for (let run = 0; run < o.runs; run++) {
    const t = process.hrtime.bigint();
    const c = createClassifier();
    for (let i = 0; i < memos.length; i++) if (c.classify(memos[i], dirs[i], evidence[i]).category === 'uncategorized') uncategorized++;
    result.ms.push(ms(t));
  }
  result.rows = memos.length;
  return uncategorized / o.runs;
}

function timeDetect(rows, today) {
  const { detectRecurring } = o.detect;
  let found = 0;
  for (let run = 0; run < o.runs; run++) {
    const t = process.hrtime.bigint();
    found = detectRecurring(rows, { today }).length;
    result.ms.push(ms(t));
  }
  result.rows = rows.length;
  return found;
}

if (o.what.startsWith('detect')) o.detect = await import(distUrl('domain/recurring.js'));

if (o.what === 'classify-history' || o.what === 'detect-history') {
  const rows = storeRows(await generate(o.size, o.end), (m, d, e) => first.classify(m, d, e));
  if (o.what === 'classify-history') {
    const memos = rows.map((r) => r.memo);
    timeClassify(memos, rows.map((r) => r.direction), rows.map((r) => ({ type: r.type, branch: r.branch, amount: r.amount })));
    result.note = `${new Set(memos).size} distinct memos; dictionary compile ${compileMs.toFixed(0)} ms per process`;
  } else {
    // Date order across accounts, as the store's recurringCandidates hands rows over.
    const input = rows
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
      .map((r) => ({ account: r.account, date: r.date, direction: r.direction, amount: r.amount, memo: r.memo, category: r.category }));
    result.note = `${timeDetect(input, o.end)} series found`;
  }
} else if (o.what === 'classify-stream') {
  const { stream, directions } = await memoStreams(n, 5_000, 0);
  timeClassify(stream, directions, syntheticEvidence(stream));
  result.note = `5,000 distinct memos, skewed`;
} else if (o.what === 'classify-fresh') {
  const { fresh } = await memoStreams(0, 0, n);
  timeClassify(fresh, fresh.map((_, i) => (i % 7 === 0 ? 'in' : 'out')), syntheticEvidence(fresh));
  result.note = `every memo distinct (no cache hit)`;
} else if (o.what === 'detect-synthetic') {
  const { rows, today } = await recurringHistory(n);
  result.note = `${timeDetect(rows, today)} series found (300 true)`;
} else throw new Error(`unknown ${o.what}`);
process.stdout.write(JSON.stringify(result) + '\n');
