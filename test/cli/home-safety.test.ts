// Issue 14 item 8: the data directory is never widened through a symbolic link, and an empty --home is a usage
// error instead of a quiet fall-back to the default directory.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../helpers/cli.js';

describe('data directory safety', () => {
  it('--home "" is 64 and creates nothing', async () => {
    const fakeHome = mkdtempSync(join(tmpdir(), 'finance-userhome-'));
    const r = await runCli(['--home', '', 'status'], { env: cleanEnv({ HOME: fakeHome }) });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--home is empty/);
    expect(existsSync(join(fakeHome, '.local', 'share', 'finance'))).toBe(false);
  });

  it('a file in the data directory that links outside is refused (78) and the outside file keeps its mode', async () => {
    const base = mkdtempSync(join(tmpdir(), 'finance-link-'));
    const home = join(base, 'home');
    mkdirSync(home, { mode: 0o700 });
    const outside = join(base, 'outside.txt');
    writeFileSync(outside, 'not finance');
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(home, 'notes.txt'));
    const r = await runCli(['--home', home, 'status'], { env: cleanEnv() });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/notes\.txt is a symbolic link to .*outside\.txt, outside the data directory/);
    expect(statSync(outside).mode & 0o777).toBe(0o644);
  });

  it('a link that stays inside the directory is left alone, and real files are still tightened', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'finance-link-')), 'home');
    mkdirSync(home, { mode: 0o700 });
    writeFileSync(join(home, 'a.txt'), 'x');
    chmodSync(join(home, 'a.txt'), 0o644);
    symlinkSync(join(home, 'a.txt'), join(home, 'b.txt'));
    const r = await runCli(['--home', home, 'status'], { env: cleanEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(home, 'a.txt')).mode & 0o777).toBe(0o600);
  });
});
