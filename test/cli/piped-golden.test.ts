// Piped list output (`tx | cat`, `accounts`, `fixed`, `label list`) is a stable contract for cut/awk/sort: these
// golden files were written before the terminal tables changed and must stay byte-identical.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { ANSI, runCli, tempHome } from '../helpers/cli.js';
import { login } from '../helpers/session.js';

const NOW = '2026-11-02T03:00:00Z';
let sandbox: SandboxHandle;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, months: 3, accounts: 3, end: '2026-11-01', autoConsent: true, now: () => new Date(NOW) });
  home = tempHome();
  ({ env } = await login(sandbox, home, undefined));
  env.FINANCE_NOW = NOW;
  env.FINANCE_SYNC_CONCURRENCY = '1'; // row ids follow insertion order
  const r = await runCli(['--home', home, 'sync', '-q'], { env });
  expect(r.code, r.stderr).toBe(0);
  for (const [memo, cat] of [['월세', 'housing'], ['김민준', 'transfer']]) {
    expect((await runCli(['--home', home, 'label', 'set', memo!, cat!], { env })).code).toBe(0);
  }
});
afterAll(async () => {
  await sandbox.close();
});

/** created_at of labels is the moment the label was set (the store's own clock); everything else is pinned. */
const maskCreated = (s: string) => s.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>');

describe('piped list output is byte-identical to the golden files', () => {
  for (const [name, args] of [
    ['tx.tsv', ['tx']],
    ['accounts.tsv', ['accounts']],
    ['fixed.tsv', ['fixed']],
    ['label-list.tsv', ['label', 'list']],
  ] as const) {
    it(`${args.join(' ')} | cat`, async () => {
      const r = await runCli(['--home', home, ...args], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(ANSI);
      await expect(name === 'label-list.tsv' ? maskCreated(r.stdout) : r.stdout).toMatchFileSnapshot(`./__snapshots__/piped-${name}`);
    });
  }
});
