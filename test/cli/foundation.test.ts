// The CLI's mechanics as people and scripts see them: help, usage errors, configuration, exit codes, file modes.

import { statSync, writeFileSync, existsSync, readdirSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, cleanEnv, runCli, tempHome } from '../helpers/cli.js';

describe('help and usage', () => {
  it('--help exits 0 with examples, and every command help has an example', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    const commands = ['login', 'logout', 'status', 'accounts', 'sync', 'classify', 'label', 'categories', 'explain', 'tx', 'fixed', 'report', 'export', 'sandbox', 'demo', 'config'];
    for (const c of commands) {
      const h = await runCli([c, '--help']);
      expect(h.code, c).toBe(0);
      expect(h.stdout, c).toMatch(/Examples?:/);
    }
  });

  it('an unknown option or command is a usage error (64) with one line and a hint', async () => {
    const a = await runCli(['status', '--bogus']);
    expect(a.code).toBe(64);
    expect(a.stderr).toMatch(/^finance: unknown option '--bogus'/);
    const b = await runCli(['frobnicate']);
    expect(b.code).toBe(64);
    expect(b.stderr).toContain("unknown command 'frobnicate'");
  });

  it('bad dates, months, numbers and formats are usage errors (64)', async () => {
    const home = tempHome();
    for (const args of [
      ['tx', '--from', '2026-02-30'],
      ['tx', '--from', 'yesterday'],
      ['report', '--month', '2026-13'],
      ['tx', '--limit', '-1'],
      ['tx', '--format', 'xml'],
      ['sync', '--to', '2026/01/01'],
      ['sandbox', '--port', '70000'],
      ['login', '--timeout', 'soon'],
    ]) {
      const r = await runCli(['--home', home, ...args]);
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr, args.join(' ')).toMatch(/^finance: /);
    }
  });

  it('-V prints the version', async () => {
    const r = await runCli(['-V']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('configuration', () => {
  it('precedence: env beats file beats default; the secret is never shown', async () => {
    const home = tempHome();
    const env = cleanEnv();
    expect((await runCli(['--home', home, 'config', 'get', 'apiBaseUrl'], { env })).stdout.trim()).toBe('https://testapi.openbanking.or.kr');
    expect((await runCli(['--home', home, 'config', 'set', 'apiBaseUrl', 'http://127.0.0.1:9999'], { env })).code).toBe(0);
    expect((await runCli(['--home', home, 'config', 'get', 'apiBaseUrl'], { env })).stdout.trim()).toBe('http://127.0.0.1:9999');
    const withEnv = cleanEnv({ FINANCE_API_BASE_URL: 'http://127.0.0.1:7777' });
    expect((await runCli(['--home', home, 'config', 'get', 'apiBaseUrl'], { env: withEnv })).stdout.trim()).toBe('http://127.0.0.1:7777');
    const json = JSON.parse((await runCli(['--home', home, '--json', 'config', 'get', 'apiBaseUrl'], { env: withEnv })).stdout);
    expect(json).toEqual({ key: 'apiBaseUrl', value: 'http://127.0.0.1:7777', source: 'env' });

    expect((await runCli(['--home', home, 'config', 'set', 'clientSecret', 'very-secret-value-123'], { env })).code).toBe(0);
    const list = await runCli(['--home', home, 'config', 'list'], { env });
    const get = await runCli(['--home', home, 'config', 'get', 'clientSecret'], { env });
    const listJson = await runCli(['--home', home, 'config', 'list', '--json'], { env });
    for (const r of [list, get, listJson]) {
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('very-secret-value-123');
    }
    expect(get.stdout.trim()).toBe('****');
    const rows = JSON.parse(listJson.stdout) as Array<{ key: string; value: string; source: string }>;
    expect(rows.find((r) => r.key === 'clientSecret')).toEqual({ key: 'clientSecret', value: '****', source: 'file' });
    expect((await runCli(['--home', home, 'config', 'unset', 'apiBaseUrl'], { env })).code).toBe(0);
    expect((await runCli(['--home', home, 'config', 'get', 'apiBaseUrl'], { env })).stdout.trim()).toBe('https://testapi.openbanking.or.kr');
  });

  it('a bad value for `config set` is a usage error (64) and nothing is stored', async () => {
    const home = tempHome();
    for (const [k, v] of [
      ['redirectUri', 'https://localhost/cb'],
      ['redirectUri', 'http://example.com/callback'],
      ['orgCode', 'm12345678'],
      ['apiBaseUrl', 'not a url'],
      ['syncLookbackDays', '0'],
      ['nosuchkey', 'x'],
    ]) {
      const r = await runCli(['--home', home, 'config', 'set', k!, v!]);
      expect(r.code, `${k}=${v}`).toBe(64);
    }
    const list = JSON.parse((await runCli(['--home', home, '--json', 'config', 'list'])).stdout) as Array<{ source: string }>;
    expect(list.every((r) => r.source !== 'file')).toBe(true);
  });

  it('a bad value from the environment or the file is a configuration error (78) when used', async () => {
    const home = tempHome();
    const env = cleanEnv({ FINANCE_REDIRECT_URI: 'http://192.0.2.1:8080/callback', FINANCE_CLIENT_ID: 'id', FINANCE_CLIENT_SECRET: 'secretsecret', FINANCE_ORG_CODE: 'M202500001' });
    const r = await runCli(['--home', home, 'login', '--no-browser', '--timeout', '1'], { env });
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('redirectUri');
    expect(r.stderr).not.toContain('Open this URL');

    mkdirSync(home, { recursive: true, mode: 0o700 });
    chmodSync(home, 0o700);
    writeFileSync(join(home, 'config.json'), '{ this is not json', { mode: 0o600 });
    const bad = await runCli(['--home', home, 'config', 'list']);
    expect(bad.code).toBe(78);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('missing client id/secret is a configuration error (78) that says what to set', async () => {
    const r = await runCli(['--home', tempHome(), 'login', '--no-browser']);
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/missing clientId, clientSecret, orgCode/);
    expect(r.stderr).toContain('finance config set');
  });
});

describe('data directory', () => {
  it('is 0700 with 0600 files even under umask 000, and loose modes are tightened with a warning', async () => {
    const home = tempHome();
    const env = cleanEnv();
    const umask = process.umask(0);
    try {
      // The child inherits umask 000.
      expect((await runCli(['--home', home, 'config', 'set', 'clientId', 'abc'], { env })).code).toBe(0);
      expect((await runCli(['--home', home, 'status'], { env })).code).toBe(0);
      expect((await runCli(['--home', home, 'label', 'list'], { env })).code).toBe(0);
    } finally {
      process.umask(umask);
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const files = readdirSync(home);
    expect(files).toContain('finance.db');
    expect(files).toContain('config.json');
    for (const f of files) expect(statSync(join(home, f)).mode & 0o777, f).toBe(0o600);

    chmodSync(join(home, 'config.json'), 0o644);
    chmodSync(home, 0o755);
    const r = await runCli(['--home', home, 'status'], { env });
    expect(r.stderr).toContain('tightened');
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'config.json')).mode & 0o777).toBe(0o600);
  });

  it('FINANCE_HOME is used when --home is absent, and the platform default otherwise', async () => {
    const home = tempHome();
    const r = await runCli(['--json', 'config', 'path'], { env: cleanEnv({ FINANCE_HOME: home }) });
    expect(JSON.parse(r.stdout).home).toBe(home);
    const xdg = tempHome();
    const d = await runCli(['--json', 'config', 'path'], { env: cleanEnv({ XDG_DATA_HOME: xdg }) });
    expect(JSON.parse(d.stdout).home).toBe(join(xdg, 'finance'));
    expect(existsSync(join(xdg, 'finance'))).toBe(true);
  });
});

describe('streams', () => {
  it('prints no ANSI escapes when piped, even for status and help', async () => {
    const home = tempHome();
    for (const args of [['status'], ['--help'], ['accounts'], ['label', 'list'], ['categories']]) {
      const r = await runCli(['--home', home, ...args]);
      expect(r.stdout, args.join(' ')).not.toMatch(ANSI);
      expect(r.stderr, args.join(' ')).not.toMatch(ANSI);
    }
  });

  it('FORCE_COLOR forces colour on a pipe, NO_COLOR and --no-color turn it off', async () => {
    const home = tempHome();
    const forced = await runCli(['--home', home, 'status'], { env: cleanEnv({ FORCE_COLOR: '1' }) });
    expect(forced.stdout).toMatch(ANSI);
    const off = await runCli(['--home', home, '--no-color', 'status'], { env: cleanEnv({ FORCE_COLOR: '1' }) });
    expect(off.stdout).not.toMatch(ANSI);
    const nc = await runCli(['--home', home, 'status'], { env: cleanEnv({ FORCE_COLOR: '1', NO_COLOR: '1' }) });
    expect(nc.stdout).not.toMatch(ANSI);
  });

  it('a closed pipe ends quietly', async () => {
    const { spawnSync } = await import('node:child_process');
    const home = tempHome();
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(join(__dirname, '../../bin/finance.js'))} --home ${home} categories --keywords | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', env: cleanEnv() });
    expect(r.stderr).not.toMatch(/Error|at /);
    expect(['0', '141']).toContain(r.stdout.trim());
  });
});
