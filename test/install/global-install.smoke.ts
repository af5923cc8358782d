// Installs finance the way a person does: `npm pack`, then `npm install -g <tarball>` into a temporary prefix with a
// clean HOME (no dev dependencies, no `prepare`: the tarball must carry dist/ and the man page), then runs the
// installed command: --version, demo, completion bash. Also checks what the tarball holds and how big it is.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const tmp = mkdtempSync(join(tmpdir(), 'finance-install-'));
const prefix = join(tmp, 'prefix');
const cleanHome = join(tmp, 'home');

function npmConfig(key: string): string | undefined {
  const v = execFileSync('npm', ['config', 'get', key], { cwd: root, encoding: 'utf8' }).trim();
  return v && v !== 'null' && v !== 'undefined' ? v : undefined;
}

// Native modules are compiled against the headers of the Node that runs this test (npm fetches none from the net).
const nodeRoot = dirname(dirname(process.execPath));
const nodedir = existsSync(join(nodeRoot, 'include', 'node', 'node.h')) ? nodeRoot : (process.env.npm_config_nodedir ?? npmConfig('nodedir'));

/** A clean HOME; the registry, its CA and the package cache are kept so the install works offline-first as npm ci did. */
function installEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_') && !k.startsWith('FINANCE_') && !k.startsWith('VITEST')) env[k] = v;
  env.HOME = cleanHome;
  env.XDG_DATA_HOME = undefined;
  env.PATH = `${join(prefix, 'bin')}:${dirname(process.execPath)}:${process.env.PATH}`;
  for (const key of ['registry', 'cafile', 'cache']) {
    const v = npmConfig(key);
    if (v) env[`npm_config_${key}`] = v;
  }
  if (nodedir) env.npm_config_nodedir = nodedir;
  return env;
}

let tarball = '';
let env: NodeJS.ProcessEnv = {};

beforeAll(() => {
  mkdirSync(cleanHome, { recursive: true });
  env = installEnv();
  // `npm pack` runs `prepare` (the build: dist/ and dist/man/finance.1).
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Array<{ filename: string }>;
  tarball = join(tmp, packed[0]!.filename);
  const t0 = Date.now();
  const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { env, encoding: 'utf8', cwd: tmp });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  process.stdout.write(`npm install -g ${packed[0]!.filename} (node ${process.version}): ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
});

function finance(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(prefix, 'bin', 'finance'), args, { env, encoding: 'utf8', cwd: tmp, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the packed tarball, installed globally', () => {
  it('holds only what it needs: bin, dist (no source maps), the man page, package.json, README', () => {
    const [info] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ size: number; unpackedSize: number; files: Array<{ path: string }> }>;
    const paths = info!.files.map((f) => f.path);
    for (const p of paths) expect(p, p).toMatch(/^(bin\/|dist\/|package\.json$|README\.md$|LICENSE)/);
    expect(paths.some((p) => p.endsWith('.map'))).toBe(false);
    expect(paths).toContain('dist/man/finance.1');
    expect(paths).toContain('dist/cli/main.js');
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('test/'))).toBe(false);
    expect(info!.size).toBeLessThan(1_000_000);
    process.stdout.write(`tarball: ${paths.length} files, ${(info!.size / 1024).toFixed(1)} kB packed, ${(info!.unpackedSize / 1024).toFixed(1)} kB unpacked\n`);
  });

  it('installs without dev dependencies and with the man page where man finds it', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'finance');
    expect(readdirSync(join(installed, 'node_modules')).length).toBeGreaterThan(5);
    for (const dev of ['typescript', 'vitest', 'fast-check', 'playwright-core', '@types/better-sqlite3']) {
      expect(existsSync(join(installed, 'node_modules', dev)), dev).toBe(false);
    }
    expect(existsSync(join(installed, 'node_modules', 'better-sqlite3'))).toBe(true);
    const page = join(prefix, 'share', 'man', 'man1', 'finance.1');
    expect(existsSync(page)).toBe(true);
    const man = spawnSync('man', ['-M', join(prefix, 'share', 'man'), 'finance'], { env: { ...env, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '100' }, encoding: 'utf8' });
    if (man.error === undefined) {
      expect(man.status, man.stderr).toBe(0);
      expect(man.stdout).toMatch(/finance completion/);
    }
  });

  it('runs: --version, demo, completion bash', () => {
    const v = finance(['--version']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);

    const demo = finance(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('자산 Assets');
    expect(existsSync(join(cleanHome, '.local', 'share', 'finance-demo', 'finance.db'))).toBe(true);
    expect(existsSync(join(cleanHome, '.local', 'share', 'finance'))).toBe(false);

    const completion = finance(['completion', 'bash']);
    expect(completion.code, completion.stderr).toBe(0);
    expect(completion.stdout).toContain('complete -F _finance finance');
    // The installed script completes against the installed program and the demo's data.
    const r = spawnSync('bash', ['--norc', '-c', `source <(finance completion bash); COMP_WORDS=(finance --home "$1" tx --account 월); COMP_CWORD=5; _finance; echo "\${COMPREPLY[@]}"`, 'bash', join(cleanHome, '.local', 'share', 'finance-demo')], { env, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('월급통장');
  });
});
