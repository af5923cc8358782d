// Which build the bench measures. The runner copies dist/ (with bin/ and package.json) into bench/out/build-<hash>
// once at the start, so a rebuild by someone else mid-run cannot mix two versions; the hash is the code version that
// keys the cached databases. Child scripts find the copy through FINANCE_BENCH_BUILD.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT = join(ROOT, 'bench/out');

/** The directory holding bin/, dist/ and package.json that this process measures. */
export const buildDir = () => process.env.FINANCE_BENCH_BUILD ?? ROOT;
export const distUrl = (p) => pathToFileURL(join(buildDir(), 'dist', p)).href;
export const binPath = () => join(buildDir(), 'bin/finance.js');

function jsFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...jsFiles(p));
    else if (e.name.endsWith('.js')) out.push(p);
  }
  return out.sort();
}

/** sha-256 (12 hex) over the given dist/ subpaths' .js files (names and contents). */
export function hashDist(distDir, only = null) {
  const h = createHash('sha256');
  for (const f of jsFiles(distDir)) {
    const rel = relative(distDir, f);
    if (only && !only.some((p) => rel === p || rel.startsWith(p + '/'))) continue;
    h.update(rel).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

/** The files that decide what a synced database holds (generator, client, sync, store, classifier). */
export const DB_INPUTS = ['sandbox', 'store', 'openbanking', 'app', 'domain/classify.js', 'domain/keywords.js',
  'domain/normalize.js', 'domain/brands.js', 'domain/categories.js', 'domain/kst.js', 'config.js'];

/** Waits for a quiet dist/ (nothing written for 3 s, entry point present), then snapshots it. */
export async function snapshotBuild(log) {
  const dist = join(ROOT, 'dist');
  for (let waited = 0; ; waited += 3) {
    const files = existsSync(join(dist, 'cli/main.js')) ? jsFiles(dist) : [];
    const newest = files.reduce((m, f) => Math.max(m, statSync(f).mtimeMs), 0);
    if (files.length > 0 && Date.now() - newest > 3000) break;
    if (waited >= 120) throw new Error('dist/ is missing or keeps changing; run `npm run build` and try again');
    if (waited === 0) log('waiting for dist/ to settle (a build is running or dist/ is missing)…');
    await new Promise((r) => setTimeout(r, 3000));
  }
  const version = hashDist(dist);
  const dir = join(OUT, `build-${version}`);
  if (!existsSync(dir)) {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    cpSync(dist, join(tmp, 'dist'), { recursive: true, filter: (s) => !s.endsWith('.map') });
    cpSync(join(ROOT, 'bin'), join(tmp, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(tmp, 'package.json'));
    if (hashDist(join(tmp, 'dist')) !== version) {
      rmSync(tmp, { recursive: true, force: true });
      return snapshotBuild(log); // changed while copying: try again
    }
    renameSync(tmp, dir);
  }
  // Old snapshots are small but pile up during development: keep the newest few.
  const builds = readdirSync(OUT).filter((n) => /^build-[0-9a-f]{12}$/.test(n) && n !== `build-${version}`);
  builds
    .map((n) => ({ n, t: statSync(join(OUT, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(3)
    .forEach(({ n }) => rmSync(join(OUT, n), { recursive: true, force: true }));
  return { dir, version, dbVersion: hashDist(join(dir, 'dist'), DB_INPUTS) };
}
