// `finance classify --interactive` in a pseudo-terminal: every unclassified memo is asked, largest spending first,
// and each answer is saved as a label at once.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { BIN, runCli, tempHome } from '../helpers/cli.js';
import { login } from '../helpers/session.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2, months: 3, accounts: 2, end: '2026-11-20', autoConsent: true });
});
afterAll(async () => {
  await sandbox.close();
});

describe('classify --interactive', () => {
  it('refuses without a terminal (64)', async () => {
    const r = await runCli(['--home', tempHome(), 'classify', '--interactive']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/terminal/);
  });

  it('walks the unclassified memos in a terminal and saves each answer as a label', async () => {
    const home = tempHome();
    const { env } = await login(sandbox, home);
    expect((await runCli(['--home', home, 'sync', '-q'], { env })).code).toBe(0);
    const unclassified = (JSON.parse((await runCli(['--home', home, 'tx', '--format', 'json', '--category', 'uncategorized'], { env })).stdout) as Array<{ memo: string }>).map((t) => t.memo);
    const memos = [...new Set(unclassified)];
    expect(memos.length).toBeGreaterThan(0);

    const r = spawnSync('python3', [join(__dirname, '../helpers/pty-answer.py'), 'transfer', process.execPath, BIN, '--home', home, 'classify', '--interactive'], {
      env,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain(`[1/${memos.length}]`);
    const labels = JSON.parse((await runCli(['--home', home, 'label', 'list', '--json'], { env })).stdout) as Array<{ memo: string; category: string }>;
    expect(labels.map((l) => l.memo).sort()).toEqual(memos.sort());
    expect(labels.every((l) => l.category === 'transfer')).toBe(true);
    const left = JSON.parse((await runCli(['--home', home, 'tx', '--format', 'json', '--category', 'uncategorized'], { env })).stdout);
    expect(left).toEqual([]);
  });
});
