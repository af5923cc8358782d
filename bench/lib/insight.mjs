// The insight rows (issue 16) on the big synced database: trend, forecast, budget check, and tx --search by payee and
// by initial consonants. The report rows (with every new section in them) stay in the report section.
// Budgets are set once in the cached data directory (idempotent), so `budget check` has something to check.

import { spawnSync } from 'node:child_process';
import { fmtMb, fmtMs, spread } from './stats.mjs';

/** ctx: { home, big, node, binPath, childEnv, timed, runs, table, fig, log } */
export async function insightSection(ctx) {
  const { home, big, node, binPath, childEnv, timed, runs, table, fig, log } = ctx;
  const fin = (...a) => [binPath(), '--home', home, ...a];
  for (const [c, a] of [['food', '600000'], ['cafe', '150000'], ['shopping', '800000'], ['transport', '120000']]) {
    const r = spawnSync(node, fin('budget', 'set', c, a), { env: childEnv, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`budget set ${c}: ${r.stderr}`);
  }
  // A first checked run of each: real output.
  const trend = JSON.parse(spawnSync(node, fin('trend', '--months', '12', '--json'), { env: childEnv, encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);
  if (!Array.isArray(trend) || trend.length !== 12) throw new Error('trend --json did not print 12 months');
  const search = spawnSync(node, fin('tx', '--search', 'ㅅㅌㅂㅅ', '--format', 'json', '--limit', '100'), { env: childEnv, encoding: 'utf8', maxBuffer: 1 << 26 });
  const found = JSON.parse(search.stdout);
  if (found.length === 0 || !found.every((t) => t.payee === '스타벅스')) throw new Error('tx --search ㅅㅌㅂㅅ did not find 스타벅스');

  const rows = [
    ['trend', '`trend --months 12 --json`', fin('trend', '--months', '12', '--json'), 300],
    ['forecast', '`forecast --json`', fin('forecast', '--json'), 300],
    ['budgetCheck', '`budget check` (4 budgets)', fin('budget', 'check'), 200],
    ['searchPayee', '`tx --search 스타벅스 --limit 100`', fin('tx', '--search', '스타벅스', '--format', 'json', '--limit', '100'), 500],
    ['searchInitials', '`tx --search ㅅㅌㅂㅅ --limit 100`', fin('tx', '--search', 'ㅅㅌㅂㅅ', '--format', 'json', '--limit', '100'), 500],
    ['searchAll', '`tx --search ㅅㅌㅂㅅ` (every match, JSON to a pipe)', fin('tx', '--search', 'ㅅㅌㅂㅅ', '--format', 'json'), null],
  ];
  // The floor in the same run: a bare Node start, and `finance accounts --json` (start-up, opening the database and a
  // trivial query), so figures taken on a busy machine can be read against what any command costs there.
  const bare = await timed('node -e 0', node, ['-e', '0'], runs);
  const help = await timed('finance accounts --json', node, fin('accounts', '--json'), runs);
  const floor = `node -e 0: ${fmtMs(bare.ms.median)}; finance accounts --json: ${fmtMs(help.ms.median)}`;
  fig.insightFloor = { node: bare.ms.median, accounts: help.ms.median };
  fig.insight = {};
  for (const [key, label, argv, target] of rows) {
    // budget check exits 3 when a category is over: a finding, not a failure, so accept it here.
    const t = await timed(label, node, argv, runs, { okCodes: [0, 3] });
    fig.insight[key] = { ...t, target, label };
    table.push({ row: label, size: big, figure: spread(t.ms, fmtMs), rss: fmtMb(t.rss.median), peer: floor,
      ratio: `${t.ms.median >= help.ms.median ? '+' : '−'}${Math.abs(t.ms.median - help.ms.median).toFixed(0)} ms vs accounts`,
      note: target ? `target < ${target} ms` : 'diagnostic: dominated by writing the rows' });
    log(`insight: ${label} ${fmtMs(t.ms.median)} ${fmtMb(t.rss.median)}`);
  }
}

export function insightTargets(fig, big) {
  const out = [];
  const f = fig.insight;
  if (!f) return [{ ok: null, text: 'insight (trend, forecast, budget check, tx --search): not measured' }];
  for (const r of Object.values(f)) {
    if (!r.target) continue;
    out.push({ ok: r.ms.median < r.target, text: `${r.label} on ${big}: ${r.ms.median.toFixed(0)} ms (target < ${r.target} ms)` });
  }
  return out;
}
