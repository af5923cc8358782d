// `finance demo`: the whole flow in one command, in its own data directory, never the real one.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, runCli, tempHome } from '../helpers/cli.js';

describe('finance demo', () => {
  it('logs in, syncs and reports against the built-in sandbox, in <home>-demo only', async () => {
    const home = tempHome();
    const r = await runCli(['--home', home, 'demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Open this URL to authorize: http://127.0.0.1:');
    expect(r.stderr).toMatch(/[\d,]+ transactions stored and classified/);
    expect(r.stdout).toContain('자산 Assets');
    expect(r.stdout).toContain('카테고리별 지출');
    expect(r.stdout).not.toMatch(ANSI);
    expect(existsSync(home)).toBe(false);
    expect(statSync(`${home}-demo`).mode & 0o777).toBe(0o700);
    expect(statSync(join(`${home}-demo`, 'finance.db')).mode & 0o777).toBe(0o600);
  });

  it('--json prints exactly the report object on stdout', async () => {
    const r = await runCli(['--home', tempHome(), '--json', 'demo']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['from', 'to', 'assets', 'income', 'spending', 'net', 'categories', 'upcoming', 'weekly']));
    expect(report.categories.length).toBeGreaterThan(5);
    expect(report.upcoming.length).toBeGreaterThan(3);
  });
});
