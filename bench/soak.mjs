#!/usr/bin/env node
// Kill -9 soak for `finance sync` (issue 14; not part of `npm test`): N runs of the built CLI against the in-process
// sandbox with latency and a random fault each run, each killed with SIGKILL at a random moment (some finish), then one
// plain sync without faults. Compared with a clean sync into a fresh data directory and with the sandbox's own truth:
// rows lost, rows duplicated, integrity_check, runs left 'running'.
//
//   node bench/soak.mjs [--runs 100] [--concurrency 4] [--latency 5] [--jitter 3] [--seed 7] [--months 12] [--accounts 3]
//
// Uses the build in dist/ (run `npm run build` first).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { binPath, distUrl } from './lib/build.mjs';
import { login } from './lib/session.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const RUNS = opt('runs', 100);
const CONCURRENCY = opt('concurrency', 1);
const LATENCY = opt('latency', 5);
const JITTER = opt('jitter', 3);
const SEED = opt('seed', 7);
const MONTHS = opt('months', 12);
const ACCOUNTS = opt('accounts', 3);

let s = SEED;
const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(rand() * list.length)];

const { startSandbox } = await import(distUrl('sandbox/server.js'));
const sb = await startSandbox({ seed: SEED, months: MONTHS, accounts: ACCOUNTS, autoConsent: true });
const root = mkdtempSync(join(tmpdir(), 'finance-soak-'));

function rows(home) {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    return db.prepare('SELECT account, date, time, direction, amount, balance_after AS b, memo FROM transactions').all().map((r) => JSON.stringify(r));
  } finally {
    db.close();
  }
}
function one(home, sql) {
  const db = new Database(join(home, 'finance.db'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}
const counts = (list) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map());
/** rows of a not in b, counted with multiplicity */
function minus(a, b) {
  const cb = counts(b);
  let n = 0;
  for (const [k, v] of counts(a)) n += Math.max(0, v - (cb.get(k) ?? 0));
  return n;
}

function run(home, env, killAfterMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binPath(), '--home', home, 'sync', '-q'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

const FAULTS = [
  () => ({}),
  () => ({ fail500OnCall: 1 + Math.floor(rand() * 30), fail500Times: 1 + Math.floor(rand() * 2) }),
  () => ({ cutConnectionOnCall: 1 + Math.floor(rand() * 30) }),
  () => ({ emptyTraceQuirk: true }),
  () => ({ malformedPageOnCall: 1 + Math.floor(rand() * 30) }),
  () => ({ maxConcurrent: 2, retryAfterSeconds: 1 }),
];

const t0 = Date.now();
const home = join(root, 'soak');
const env = { ...(await login(sb, home)), FINANCE_SYNC_CONCURRENCY: String(CONCURRENCY) };
const exits = new Map();
let killed = 0;
for (let i = 0; i < RUNS; i++) {
  sb.resetFaults();
  sb.setFaults({ latencyMs: LATENCY, jitterMs: JITTER, ...pick(FAULTS)() });
  // A third of the runs are left to finish; the rest are killed somewhere in their first 2.5 s.
  const killAt = rand() < 0.33 ? null : Math.floor(rand() * 2500);
  const r = await run(home, env, killAt);
  if (r.signal === 'SIGKILL') killed++;
  const key = r.signal ?? String(r.code);
  exits.set(key, (exits.get(key) ?? 0) + 1);
  if (r.code === 1) process.stderr.write(`run ${i}: internal error: ${r.stderr.trim()}\n`);
}
sb.resetFaults();
sb.setFaults({ latencyMs: LATENCY, jitterMs: JITTER });
const final = await run(home, env, null);

const clean = join(root, 'clean');
const cleanEnv = { ...(await login(sb, clean)), FINANCE_SYNC_CONCURRENCY: String(CONCURRENCY) };
const cleanRun = await run(clean, cleanEnv, null);
await sb.close();

const soakRows = rows(home);
const cleanRows = rows(clean);
const result = {
  runs: RUNS,
  concurrency: CONCURRENCY,
  latencyMs: `${LATENCY}±${JITTER}`,
  killed,
  exits: Object.fromEntries([...exits].sort()),
  finalExit: final.code,
  cleanExit: cleanRun.code,
  rowsClean: cleanRows.length,
  rowsSoak: soakRows.length,
  lost: minus(cleanRows, soakRows),
  duplicated: minus(soakRows, cleanRows),
  integrity: one(home, 'PRAGMA integrity_check'),
  runsLeftRunning: one(home, "SELECT count(*) FROM sync_runs WHERE status = 'running'"),
  chainBreaks: one(home, 'SELECT count(*) FROM chain_breaks'),
  seconds: Math.round((Date.now() - t0) / 1000),
};
console.log(JSON.stringify(result, null, 2));
rmSync(root, { recursive: true, force: true });
process.exit(result.lost === 0 && result.duplicated === 0 && result.integrity === 'ok' && final.code === 0 ? 0 : 1);
