// `npm run bench`: generates sandbox histories of 10k, 100k and 1M transactions and prints one Markdown table in
// which every figure stands beside its floor or peer measured in the same run, then which targets hold.
// Options: --quick (10k and 100k only, for CI), --only <sections> (comma list of sync,store,report,insight,classify,detect,
// startup; cached databases make partial reruns fast), --help. See bench/README.md.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { OUT, snapshotBuild, binPath, distUrl, ROOT } from './lib/build.mjs';
import { kstToday, sandboxOptions, totalRows } from './lib/history.mjs';
import { measure, measureOk, ensureGnuTime } from './lib/proc.mjs';
import { cli, directToken, login } from './lib/session.mjs';
import { fmtInt, fmtMb, fmtMs, fmtRate, spread, summarize } from './lib/stats.mjs';
import { checkTargets } from './lib/targets.mjs';
import { insightSection, insightTargets } from './lib/insight.mjs';
import { latencySection } from './lib/sync-latency.mjs';

const SECTIONS = ['sync', 'latency', 'store', 'report', 'insight', 'classify', 'detect', 'startup'];
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`usage: npm run bench [-- --quick] [-- --only ${SECTIONS.join(',')}]\n`);
  process.exit(0);
}
const quick = args.includes('--quick');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : SECTIONS.join(',');
const only = new Set(onlyArg.split(',').filter(Boolean));
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (known: ${SECTIONS.join(', ')})`);

const SIZES = quick ? ['10k', '100k'] : ['10k', '100k', '1M'];
const BIG = SIZES.at(-1);
/** Runs per figure: fewer where one run takes tens of seconds. */
const RUNS = {
  sync: { '10k': 5, '100k': 3, '1M': 3 },
  store: { '10k': 5, '100k': 3, '1M': 3 },
  report: 5,
  peer: 3,
  cpu: 5,
  startup: 15,
};
/** A peer run longer than this is stopped and reported as "over N s". */
const PEER_BUDGET_MS = quick ? 20_000 : 60_000;

const started = Date.now();
const log = (s) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
const today = kstToday();
mkdirSync(join(OUT, 'tmp'), { recursive: true });

const build = await snapshotBuild(log);
process.env.FINANCE_BENCH_BUILD = build.dir;
log(`measuring build ${build.version} (database inputs ${build.dbVersion}); history ends ${today}`);
const gnuTime = ensureGnuTime(log);
if (!gnuTime) log('GNU time is missing: peak RSS comes from polling /proc/<pid>/status (may miss a final spike)');

/** rows of the final table: { row, size, figure, rss, peer, ratio, note } */
const table = [];
/** raw figures for targets and bench/out/last.json */
const fig = {};

const node = process.execPath;
const childEnv = { ...process.env, FINANCE_BENCH_BUILD: build.dir };
const cacheDir = (size) => join(OUT, `db-${size}-${build.dbVersion}-${today}`);
const cachedHome = (size) => (existsSync(join(cacheDir(size), 'home/finance.db')) ? join(cacheDir(size), 'home') : null);
let tmpSeq = 0;
const tmpHome = () => {
  const d = join(OUT, 'tmp', `h${process.pid}-${tmpSeq++}`);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  return join(d, 'home');
};

// ---------------------------------------------------------------------------------------------------------------
// Sync over loopback beside the decode-only floor; the first synced database of a size becomes its cached copy.

async function syncSize(size, measureIt) {
  const { startSandbox } = await import(distUrl('sandbox/server.js'));
  const t0 = Date.now();
  const sb = await startSandbox(sandboxOptions(size, today));
  const rows = totalRows(sb.household);
  log(`${size}: sandbox up with ${fmtInt(rows)} rows (${sb.household.start}..${sb.household.end}) in ${Date.now() - t0} ms`);
  // First sync reaches back syncLookbackDays: the whole history and a day more, the same window the floor fetches.
  const days = Math.round((Date.parse(today) - Date.parse(sb.household.start)) / 86_400_000) + 1;
  const from = new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
  const syncOnce = async () => {
    const home = tmpHome();
    const env = await login(sb, home);
    await cli(['--home', home, 'config', 'set', 'syncLookbackDays', String(days)], env);
    const r = await measureOk(node, [binPath(), '--home', home, 'sync', '--json'], { env });
    const out = JSON.parse(r.stdout);
    const fetched = out.accounts.reduce((s, a) => s + a.fetched, 0);
    if (fetched !== rows) throw new Error(`sync fetched ${fetched} of ${rows} rows`);
    return { ...r, home };
  };
  try {
    if (!measureIt) {
      if (!cachedHome(size)) keep(size, (await syncOnce()).home);
      return;
    }
    const token = await directToken(sb);
    // The floor's bank_tran_ids sit above any the CLI's time-seeded counter reaches in a day (≤ 864,000,000).
    const floorEnv = (run) => ({ ...childEnv, FINANCE_BENCH_FLOOR: JSON.stringify({ baseUrl: sb.baseUrl,
      clientId: sb.clientId, clientSecret: sb.clientSecret, orgCode: sb.orgCode, accessToken: token.accessToken,
      userSeqNo: token.userSeqNo, from, to: today, tranIdBase: 900_000_000 + run * 9_000_000 }) });
    const s = { ms: [], rss: [] };
    const f = { ms: [], rss: [] };
    for (let run = 0; run < RUNS.sync[size]; run++) {
      // Alternate so a slow spell of the machine hits both sides.
      const fl = await measureOk(node, [join(ROOT, 'bench/lib/floor-child.mjs')], { env: floorEnv(run) });
      const got = JSON.parse(fl.stdout).rows;
      if (got !== rows) throw new Error(`the floor fetched ${got} of ${rows} rows`);
      f.ms.push(fl.ms);
      f.rss.push(fl.rssKb);
      const sy = await syncOnce();
      s.ms.push(sy.ms);
      s.rss.push(sy.rssKb);
      if (!cachedHome(size)) keep(size, sy.home);
      else rmSync(join(sy.home, '..'), { recursive: true, force: true });
      log(`${size}: sync ${fmtMs(sy.ms)} (${fmtMb(sy.rssKb)}), floor ${fmtMs(fl.ms)} (${fmtMb(fl.rssKb)})`);
    }
    const rate = (ms) => (rows / ms) * 1000;
    const sr = summarize(s.ms.map(rate));
    const fr = summarize(f.ms.map(rate));
    fig[`sync.${size}`] = { rate: sr, rss: summarize(s.rss), floor: fr, floorRss: summarize(f.rss), rows };
    table.push({
      row: 'sync over loopback (rows/s)', size,
      figure: spread(sr, fmtRate), rss: fmtMb(summarize(s.rss).median),
      peer: `floor (fetch + decode, no storage): ${spread(fr, fmtRate)}, ${fmtMb(summarize(f.rss).median)}`,
      ratio: `${((sr.median / fr.median) * 100).toFixed(0)}% of floor`,
      note: `${fmtInt(rows)} rows, ${Math.ceil(rows / 25).toLocaleString('en-US')}+ pages of 25`,
    });
  } finally {
    await sb.close();
  }
}

function keep(size, home) {
  const dir = cacheDir(size);
  // A database per size and build piles up hundreds of MB: keep this one and the newest other.
  readdirSync(OUT)
    .filter((n) => n.startsWith(`db-${size}-`) && join(OUT, n) !== dir)
    .map((n) => ({ n, t: statSync(join(OUT, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(1)
    .forEach(({ n }) => rmSync(join(OUT, n), { recursive: true, force: true }));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  renameSync(home, join(dir, 'home'));
  rmSync(join(home, '..'), { recursive: true, force: true });
  log(`${size}: cached the synced database in ${dir}`);
}

/** The cached synced database of a size, syncing once (unmeasured) when there is none. */
async function homeFor(size) {
  if (!cachedHome(size)) {
    log(`${size}: no cached database for this build; syncing one`);
    await syncSize(size, false);
  }
  return cachedHome(size);
}

// ---------------------------------------------------------------------------------------------------------------
// Storing beside a bare insert.

async function storeSize(size) {
  const dir = join(OUT, 'tmp', `store-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const r = await measureOk(node, [join(ROOT, 'bench/lib/store-child.mjs'),
    JSON.stringify({ size, end: today, runs: RUNS.store[size], dir })], { env: childEnv });
  rmSync(dir, { recursive: true, force: true });
  const o = JSON.parse(r.stdout);
  const rate = (ms) => (o.rows / ms) * 1000;
  const bare = summarize(o.bare.map(rate));
  const paged = summarize(o.paged.map(rate));
  const single = summarize(o.single.map(rate));
  fig[`store.${size}`] = { paged, single, bare, rows: o.rows };
  const bareText = `bare better-sqlite3 insert: ${spread(bare, fmtRate)}`;
  table.push({ row: 'storing, as sync does: month windows, one commit per 10,000 rows (rows/s)', size, figure: spread(paged, fmtRate),
    peer: bareText, ratio: `${((paged.median / bare.median) * 100).toFixed(0)}% of bare` });
  table.push({ row: 'storing, one insertPage per account (rows/s)', size, figure: spread(single, fmtRate),
    peer: bareText, ratio: `${((single.median / bare.median) * 100).toFixed(0)}% of bare`,
    note: 'same store code, one transaction: isolates the per-commit cost' });
  log(`${size}: store ${fmtRate(paged.median)} paged, ${fmtRate(single.median)} single, bare ${fmtRate(bare.median)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// report on the big database beside hledger and ledger on its export.

async function timed(label, cmd, argv, runs, opts = {}) {
  const ms = [];
  const rss = [];
  let last;
  for (let run = 0; run < runs; run++) {
    last = await measure(cmd, argv, { discardStdout: !opts.keepStdout, env: opts.env ?? childEnv, timeoutMs: opts.timeoutMs });
    if (last.timedOut) return { timedOut: true, ms: summarize(ms), rss: summarize(rss), last };
    if (!(opts.okCodes ?? [0]).includes(last.code)) throw new Error(`${label} exited ${last.code ?? last.signal}: ${last.stderr.trim().slice(0, 600)}`);
    ms.push(last.ms);
    rss.push(last.rssKb);
  }
  return { ms: summarize(ms), rss: summarize(rss), last };
}

async function reportSection() {
  const home = await homeFor(BIG);
  const fin = (...a) => [binPath(), '--home', home, ...a];
  // One checked run first: real JSON with the documented fields.
  const check = await measureOk(node, fin('report', '--format', 'json', '--from', '1900-01-01', '--to', today), { env: childEnv });
  const body = JSON.parse(check.stdout);
  for (const k of ['from', 'to', 'assets', 'income', 'spending', 'categories', 'weekly']) {
    if (!(k in body)) throw new Error(`report --format json has no "${k}"`);
  }
  const def = await timed('report', node, fin('report', '--format', 'json'), RUNS.report);
  const whole = await timed('report (whole history)', node, fin('report', '--format', 'json', '--from', '1900-01-01', '--to', today), RUNS.report);
  fig.report = { size: BIG, def, whole };
  log(`report: default ${fmtMs(def.ms.median)} ${fmtMb(def.rss.median)}, whole ${fmtMs(whole.ms.median)} ${fmtMb(whole.rss.median)}`);
  table.push({ row: '`report --format json` (default: last 3 months)', size: BIG, figure: spread(def.ms, fmtMs),
    rss: fmtMb(def.rss.median), peer: '', ratio: '' });
  const wholeRow = { row: '`report --format json --from 1900-01-01` (whole history)', size: BIG,
    figure: spread(whole.ms, fmtMs), rss: fmtMb(whole.rss.median), peer: '', ratio: '' };
  table.push(wholeRow);

  // The peers read the same data exported by `finance export --format ledger` (cached per build and size).
  const journal = join(cacheDir(BIG), `journal-${build.version}.ledger`);
  let exportNote = '';
  if (!existsSync(journal)) {
    const r = await measure(node, fin('export', '--format', 'ledger', '-o', `${journal}.tmp`), { env: childEnv });
    if (r.code !== 0 || !existsSync(`${journal}.tmp`) || statSync(`${journal}.tmp`).size === 0) {
      const why = r.code !== 0 ? `exit ${r.code}: ${r.stderr.trim().split('\n')[0]}` : 'it wrote no journal';
      table.push({ row: 'peers (hledger, ledger)', size: BIG, figure: 'not run', peer: '', ratio: '',
        note: `\`finance export --format ledger\` failed (${why})` });
      log(`export failed (${why}); peers skipped`);
      return;
    }
    renameSync(`${journal}.tmp`, journal);
    exportNote = `export took ${fmtMs(r.ms)}, ${fmtMb(r.rssKb)}; `;
    fig.export = { ms: r.ms, rssKb: r.rssKb };
    table.push({ row: '`export --format ledger` (once)', size: BIG, figure: fmtMs(r.ms), rss: fmtMb(r.rssKb), peer: '',
      ratio: '', note: `${(statSync(journal).size / 1e6).toFixed(0)} MB journal` });
  }
  const peers = [];
  for (const [name, bin] of [['hledger', 'hledger'], ['ledger', 'ledger']]) {
    if (!ensurePeer(bin)) {
      peers.push(`${name}: not installed`);
      continue;
    }
    const r = await timed(`${name} balance`, bin, ['-f', journal, 'balance'], RUNS.peer, { timeoutMs: PEER_BUDGET_MS, env: process.env });
    fig[name] = r;
    if (r.timedOut && r.ms.n === 0) {
      const over = `over ${PEER_BUDGET_MS / 1000} s`;
      table.push({ row: `\`${name} -f <export> balance\``, size: BIG, figure: over, rss: '', peer: 'finance whole-history report',
        ratio: `> ${(PEER_BUDGET_MS / whole.ms.median).toFixed(0)}× finance` });
      peers.push(`${name} ${over}`);
      log(`${name}: ${over}`);
      continue;
    }
    const ratio = r.ms.median / whole.ms.median;
    table.push({ row: `\`${name} -f <export> balance\``, size: BIG, figure: spread(r.ms, fmtMs), rss: fmtMb(r.rss.median),
      peer: `finance whole-history report: ${fmtMs(whole.ms.median)}`, ratio: `${ratio.toFixed(1)}× finance`,
      note: r.timedOut ? `a later run passed ${PEER_BUDGET_MS / 1000} s` : '' });
    peers.push(`${name} ${ratio.toFixed(1)}× slower`);
    log(`${name}: ${fmtMs(r.ms.median)} ${fmtMb(r.rss.median)}`);
  }
  wholeRow.peer = peers.join('; ');
  wholeRow.note = exportNote.replace(/; $/, '');
}

function ensurePeer(bin) {
  const has = () => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
  if (has()) return true;
  if (process.getuid?.() !== 0) return false;
  if (!ensurePeer.updated) {
    log('apt-get update (to install the peers)…');
    spawnSync('apt-get', ['update'], { stdio: 'ignore' });
    ensurePeer.updated = true;
  }
  log(`apt-get install -y ${bin}…`);
  spawnSync('apt-get', ['install', '-y', bin], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return has();
}

// ---------------------------------------------------------------------------------------------------------------
// Pure domain work: classification and fixed-payment detection.

async function cpu(what, runs) {
  const r = await measureOk(node, [join(ROOT, 'bench/lib/cpu-child.mjs'), JSON.stringify({ size: BIG, end: today, runs, what })], { env: childEnv });
  const o = JSON.parse(r.stdout);
  return { ms: summarize(o.ms), rows: o.rows, note: o.note };
}

async function classifySection() {
  const rows = [
    ['classify-stream', 'classify memos: skewed stream over 5,000 distinct'],
    ['classify-history', 'classify memos: the sandbox history'],
    ['classify-fresh', 'classify memos: all distinct (worst case, no cache hit)'],
  ];
  for (const [what, label] of rows) {
    const r = await cpu(what, RUNS.cpu);
    fig[what] = r;
    table.push({ row: label, size: BIG, figure: spread(r.ms, fmtMs), peer: '', ratio: `${fmtRate((r.rows / r.ms.median) * 1000)}`, note: r.note });
    log(`${what}: ${fmtMs(r.ms.median)}`);
  }
}

async function detectSection() {
  const rows = [
    ['detect-history', 'fixed-payment detection: the sandbox history'],
    ['detect-synthetic', 'fixed-payment detection: 5,000 memos, 300 series'],
  ];
  for (const [what, label] of rows) {
    const r = await cpu(what, 3);
    fig[what] = r;
    table.push({ row: label, size: BIG, figure: spread(r.ms, fmtMs), peer: '', ratio: `${fmtRate((r.rows / r.ms.median) * 1000)}`, note: r.note });
    log(`${what}: ${fmtMs(r.ms.median)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Start-up beside `node -e 0`.

async function startupSection() {
  const home = await homeFor('10k');
  const cmds = {
    node: [node, ['-e', '0']],
    help: [node, [binPath(), '--help']],
    status: [node, [binPath(), '--home', home, 'status']],
  };
  const ms = { node: [], help: [], status: [] };
  const rss = { node: [], help: [], status: [] };
  for (const [c, a] of Object.values(cmds)) await measureOk(c, a, { env: childEnv }); // warm the page cache
  for (let run = 0; run < RUNS.startup; run++) {
    for (const [k, [c, a]] of Object.entries(cmds)) {
      const r = await measureOk(c, a, { env: childEnv, discardStdout: true });
      ms[k].push(r.ms);
      rss[k].push(r.rssKb);
    }
  }
  const s = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, summarize(v)]));
  fig.startup = s;
  table.push({ row: '`node -e 0`', size: '', figure: spread(s.node, fmtMs), rss: fmtMb(summarize(rss.node).median), peer: '', ratio: '' });
  table.push({ row: '`finance --help`', size: '', figure: spread(s.help, fmtMs), rss: fmtMb(summarize(rss.help).median),
    peer: `node -e 0: ${fmtMs(s.node.median)}`, ratio: `+${(s.help.median - s.node.median).toFixed(0)} ms` });
  table.push({ row: '`finance status`', size: '10k db', figure: spread(s.status, fmtMs), rss: fmtMb(summarize(rss.status).median),
    peer: `node -e 0: ${fmtMs(s.node.median)}`, ratio: `+${(s.status.median - s.node.median).toFixed(0)} ms` });
  log(`startup: node ${fmtMs(s.node.median)}, --help ${fmtMs(s.help.median)}, status ${fmtMs(s.status.median)}`);
}

// ---------------------------------------------------------------------------------------------------------------

const failures = [];
async function section(name, fn) {
  if (!only.has(name)) return;
  try {
    await fn();
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
    log(`${name} FAILED: ${e.stack ?? e.message}`);
    table.push({ row: `${name} (failed)`, size: '', figure: 'error', peer: '', ratio: '', note: e.message.split('\n')[0].slice(0, 160) });
  }
}

for (const size of SIZES) await section('sync', () => syncSize(size, true));
await section('latency', () => latencySection({ table, log }));
for (const size of SIZES) await section('store', () => storeSize(size));
// insight before report: the report section ends with the peers (ledger peaks near 3 GB), and command timings taken
// right after that read the page cache refilling, not finance (budget check measured 230 ms there, 156 ms before).
await section('insight', async () =>
  insightSection({ home: await homeFor(BIG), big: BIG, node, binPath, childEnv, timed, runs: RUNS.report, table, fig, log }));
await section('report', reportSection);
await section('classify', classifySection);
await section('detect', detectSection);
await section('startup', startupSection);
rmSync(join(OUT, 'tmp'), { recursive: true, force: true });

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ` +
  `Linux ${release()}, Node ${process.versions.node}, SQLite ${await sqliteVersion()}`;
const esc = (s) => String(s ?? '').replace(/\|/g, '\\|');
const lines = [
  `## finance bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick)' : ''}`,
  '',
  `Machine: ${machine}. Build ${build.version}. Figures: median (min–max) of the runs; peak RSS: median over the runs.`,
  '',
  '| measure | size | figure | peak RSS | floor / peer (same run) | ratio | note |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...table.map((r) => `| ${esc(r.row)} | ${esc(r.size)} | ${esc(r.figure)} | ${esc(r.rss)} | ${esc(r.peer)} | ${esc(r.ratio)} | ${esc(r.note)} |`),
  '',
  `### Targets${quick ? ` (checked on ${BIG}: the targets are set for 1M, so --quick only indicates)` : ''}`,
  '',
  ...[...checkTargets(fig, BIG), ...insightTargets(fig, BIG)].map((t) => `- ${t.ok === null ? '–' : t.ok ? '✓' : '✗'} ${t.text}`),
  '',
  `Total bench time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
];
process.stdout.write(lines.join('\n') + '\n');
writeFileSync(join(OUT, 'last.json'), JSON.stringify({ at: new Date().toISOString(), quick, machine, build: build.version, fig, table }, null, 2));
if (failures.length) {
  process.stderr.write(`bench: ${failures.length} section(s) failed:\n  ${failures.join('\n  ')}\n`);
  process.exitCode = 1;
}

async function sqliteVersion() {
  try {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    const v = db.prepare('select sqlite_version() AS v').get().v;
    db.close();
    return v;
  } catch {
    return '?';
  }
}
