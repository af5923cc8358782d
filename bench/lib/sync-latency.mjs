// Sync at a real network's pace (issue 19): the sandbox answers every request after 150 ± 50 ms. Rows:
// - a first sync of a 3-year, 4-account history with syncConcurrency 4, beside the latency floor of its request plan and
//   beside syncConcurrency 1 in the same run;
// - a daily incremental sync of 5 accounts at 150 ms.
// The floor: requests cannot go faster than max(longest page chain of one window, all requests / concurrency) × the
// mean latency (pages inside a window are sequential; everything else may overlap up to the concurrency).
// Runnable alone: node bench/lib/sync-latency.mjs (uses dist/ or FINANCE_BENCH_BUILD).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { binPath, distUrl } from './build.mjs';
import { cli, login } from './session.mjs';

const LATENCY = 150;
const JITTER = 50;

function syncOnce(home, env, concurrency) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [binPath(), '--home', home, 'sync', '-q'], { env: { ...env, FINANCE_SYNC_CONCURRENCY: String(concurrency) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`sync exited ${code}: ${stderr.trim()}`))));
  });
}

/** Pages of each month window per account, from the generated truth. */
function plan(household) {
  const chains = [];
  for (const a of household.accounts) {
    if (!a.inquiryAgree) continue;
    const perMonth = new Map();
    for (let i = 0; i < a.count; i++) {
      const m = a.tx(i).date.slice(0, 6);
      perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
    }
    for (const n of perMonth.values()) chains.push(Math.max(1, Math.ceil(n / 25)));
  }
  return { longest: Math.max(...chains) };
}

export async function latencySection({ table, log = () => {} }) {
  const { startSandbox } = await import(distUrl('sandbox/server.js'));
  const root = mkdtempSync(join(tmpdir(), 'finance-bench-latency-'));
  try {
    const sb = await startSandbox({ seed: 3, months: 36, accounts: 4, autoConsent: true });
    const first = {};
    let requests = 0;
    for (const k of [4, 1]) {
      const home = join(root, `first-${k}`);
      const env = await login(sb, home);
      // A first sync that reaches back over the whole 3 years.
      await cli(['--home', home, 'config', 'set', 'syncLookbackDays', '1100'], env);
      sb.setFaults({ latencyMs: LATENCY, jitterMs: JITTER });
      sb.resetStats();
      log(`first sync, syncConcurrency ${k} …`);
      first[k] = await syncOnce(home, env, k);
      if (k === 4) requests = sb.stats().requests;
      sb.resetFaults();
    }
    const { longest } = plan(sb.household);
    const floor = Math.max(longest, Math.ceil(requests / 4)) * LATENCY;
    await sb.close();
    table.push({ row: 'first sync, 3 years × 4 accounts, 150±50 ms per request, syncConcurrency 4', size: `${requests} requests`, figure: `${(first[4] / 1000).toFixed(1)} s`,
      peer: `latency floor of the plan: ${(floor / 1000).toFixed(1)} s; syncConcurrency 1: ${(first[1] / 1000).toFixed(1)} s`,
      ratio: `${(first[4] / floor).toFixed(2)}× floor (target ≤ 1.3); ${(first[1] / first[4]).toFixed(1)}× faster than 1 (target ≥ 3)`, note: '' });

    const daily = await startSandbox({ seed: 5, months: 3, accounts: 5, autoConsent: true });
    const home = join(root, 'daily');
    const env = await login(daily, home);
    await syncOnce(home, env, 4);
    daily.setFaults({ latencyMs: LATENCY });
    daily.resetStats();
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await syncOnce(home, env, 4));
    const req = daily.stats().requests / 3;
    await daily.close();
    runs.sort((a, b) => a - b);
    table.push({ row: 'daily incremental sync, 5 accounts, 150 ms per request, syncConcurrency 4', size: `${Math.round(req)} requests`, figure: `${(runs[1] / 1000).toFixed(2)} s (${(runs[0] / 1000).toFixed(2)}–${(runs[2] / 1000).toFixed(2)})`,
      peer: 'target ≤ 1.5 s', ratio: `${(runs[1] / 1500).toFixed(2)}× target`, note: 'wall time of the CLI process, start-up included' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const table = [];
  await latencySection({ table, log: (l) => process.stderr.write(`${l}\n`) });
  for (const r of table) console.log(`| ${r.row} | ${r.size} | ${r.figure} | ${r.peer} | ${r.ratio} | ${r.note} |`);
}
