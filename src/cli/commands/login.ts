// `finance login`: consent in the browser through a loopback callback; stores tokens, the user and the accounts.

import type { Command } from 'commander';
import { parseWholeNumber } from '../args.js';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('login')
    .description('authorise access to your accounts (opens the Open Banking consent page)')
    .option('--no-browser', 'only print the URL (for SSH sessions); open it anywhere that can reach this machine')
    .option('--timeout <seconds>', 'how long to wait for the callback', parseWholeNumber(1, 86400), 300)
    .option('--paste', 'do not listen: read the address the browser shows after the consent from stdin (SSH without a tunnel)')
    .addHelpText(
      'after',
      `
It prints "Open this URL to authorize: <url>" on stderr and waits for the bank to redirect to redirectUri
(default http://localhost:8080/callback, which must be registered as the app's callback URL).

Examples:
  $ finance login
  $ finance login --no-browser --timeout 600      # over SSH: ssh -L 8080:localhost:8080 …
  $ finance login --paste                         # over SSH without a tunnel: paste the address the browser shows

With --no-browser on a terminal, when no callback arrives in time it offers to read the pasted address instead.`,
    )
    .action(
      act(async (ctx, opts) => {
        ctx.handlesInterrupts = true;
        const { runLogin } = await import('../../app/login.js');
        const result = await runLogin(ctx, { browser: opts.browser !== false && opts.paste !== true, timeoutSec: opts.timeout, paste: opts.paste === true });
        const { printLoginResult } = await import('../../app/login-view.js');
        await printLoginResult(ctx, result);
      }),
    );
}
