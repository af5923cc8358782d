// One login driven through the sandbox consent page in a real headless browser (Debian's chromium via playwright-core).

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { startCli, tempHome, waitForStderr } from '../helpers/cli.js';
import { freePort, sandboxEnv } from '../helpers/session.js';

const CHROMIUM = '/usr/bin/chromium';

describe.runIf(existsSync(CHROMIUM))('finance login in a real browser', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 9, months: 2, accounts: 2, end: '2026-11-20' });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('clicks 동의 on the consent page and lands on the callback page; login succeeds', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const home = tempHome();
      const h = startCli(['--home', home, 'login', '--no-browser', '--timeout', '60'], { env: sandboxEnv(sandbox, await freePort()) });
      const [, url] = await waitForStderr(h, /Open this URL to authorize: (\S+)\n/);
      const page = await browser.newPage();
      await page.goto(url!);
      expect(await page.content()).toContain(sandbox.household.user.userName);
      await page.getByRole('button', { name: '동의' }).click();
      await page.waitForURL(/\/callback\?/);
      expect(await page.textContent('body')).toMatch(/close this tab|탭을 닫/);
      const r = await h.done;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(sandbox.household.accounts[0]!.fintechUseNum);
    } finally {
      await browser.close();
    }
  });
});
