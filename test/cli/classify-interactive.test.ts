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

  it('offers "every memo of this payee" and saves that as a payee label', async () => {
    const home = tempHome();
    const { env } = await login(sandbox, home);
    expect((await runCli(['--home', home, 'sync', '-q'], { env })).code).toBe(0);
    // a user keyword leaves a merchant's branch memos (김밥천국역삼점 → payee 김밥천국) uncategorized, to be asked about
    const kw = await runCli(['--home', home, 'categories', 'add-keyword', 'uncategorized', '김밥천국'], { env });
    expect(kw.code, kw.stderr).toBe(0);
    const before = JSON.parse((await runCli(['--home', home, 'tx', '--format', 'json', '--category', 'uncategorized'], { env })).stdout) as Array<{ memo: string; payee: string }>;
    const withPayee = before.filter((t) => t.payee !== '' && t.payee !== t.memo.trim());
    expect(withPayee.length, 'the sandbox has uncategorized memos whose payee differs from the memo').toBeGreaterThan(0);

    const r = spawnSync('python3', [join(__dirname, '../helpers/pty-answer.py'), 'gift', process.execPath, BIN, '--home', home, 'classify', '--interactive'], {
      env: { ...env, PTY_SCOPE: 'payee' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('every memo of the payee');
    const labels = JSON.parse((await runCli(['--home', home, 'label', 'list', '--json'], { env })).stdout) as Array<{ scope: string; payee?: string; category: string }>;
    const payees = labels.filter((l) => l.scope === 'payee').map((l) => l.payee);
    expect(payees).toEqual(expect.arrayContaining([...new Set(withPayee.map((t) => t.payee))]));
    const memo = withPayee[0]!.memo;
    const e = JSON.parse((await runCli(['--home', home, 'explain', memo, '--json'], { env })).stdout);
    expect(e).toMatchObject({ category: 'gift', source: 'label', labelScope: 'payee' });
    const left = JSON.parse((await runCli(['--home', home, 'tx', '--format', 'json', '--category', 'uncategorized'], { env })).stdout);
    expect(left).toEqual([]);
  });
});
