// `finance sandbox`: runs the embedded Open Banking emulator in the foreground.

import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { FAULT_FLAGS, type Faults, parseFaultFlag } from '../../sandbox/faults.js';
import { parseChoice, parseDate, parseHost, parsePort, parseWholeNumber } from '../args.js';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('sandbox')
    .description('run the embedded Open Banking emulator (test client, generated Korean household history)')
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--host <host>', 'address to bind', parseHost, '127.0.0.1')
    .option('--seed <n>', 'seed of the generated history', parseWholeNumber(0, 2 ** 31 - 1), 1)
    .option('--months <n>', 'months of history', parseWholeNumber(1, 600), 12)
    .option('--accounts <n>', 'number of accounts', parseWholeNumber(1, 12), 3)
    .option('--end <date>', 'last day of the generated history (default today)', parseDate)
    .option('--auto-consent', 'skip the consent page: redirect with a code at once')
    .option('--truth <file>', 'write the generator truth (recurring series, intended categories) to this JSON file')
    .option('--transactions <n>', 'scale the history to at least n transactions (benchmarks)', parseWholeNumber(1, 50_000_000))
    .option('--control-text', 'put terminal escape sequences, a lone CR, C1 controls and a bidi override into some memos, an alias and a bank name (terminal-safety tests)')
    .option('--profile <name>', "'spec' (the API as specified) or 'testbed' (canned rows and the real testbed's quirks)",
      parseChoice(['spec', 'testbed'] as const), 'spec')
    .option('--fault <name>', `misbehave on purpose, repeatable: ${FAULT_FLAGS.join(', ')}`, collectFault)
    .option('--latency <ms>', 'delay every answer by this many milliseconds', parseWholeNumber(0, 600_000))
    .option('--jitter <ms>', 'vary each delay by up to ± this many milliseconds (seeded, per request)',
      parseWholeNumber(0, 600_000))
    .option('--max-concurrent <n>', 'answer HTTP 429 with Retry-After beyond n requests in flight',
      parseWholeNumber(1, 10_000))
    .addHelpText(
      'after',
      `
With --json it prints one JSON line {baseUrl, clientId, clientSecret, orgCode} on stdout once listening.

Examples:
  $ finance sandbox --port 9000 --auto-consent
  $ finance sandbox --seed 7 --months 24 --json     # scripts read the one line on stdout
  $ finance sandbox --profile testbed --auto-consent  # behave like testapi.openbanking.or.kr
  $ finance sandbox --latency 150 --jitter 50 --max-concurrent 8 --fault O0008:200
Then point finance at it:
  $ export FINANCE_API_BASE_URL=http://127.0.0.1:9000 FINANCE_CLIENT_ID=… FINANCE_CLIENT_SECRET=… FINANCE_ORG_CODE=…`,
    )
    .action(
      act(async (ctx, opts) => {
        const { kstDate } = await import('../../domain/kst.js');
        const { runSandboxCommand } = await import('../../sandbox/command.js');
        ctx.handlesInterrupts = true;
        const until = new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
        await runSandboxCommand(
          {
            port: opts.port,
            host: opts.host,
            seed: opts.seed,
            months: opts.months,
            accounts: opts.accounts,
            end: opts.end ?? kstDate(ctx.now()),
            autoConsent: opts.autoConsent === true,
            json: ctx.io.json,
            truth: opts.truth,
            transactions: opts.transactions,
            controlText: opts.controlText === true,
            profile: opts.profile,
            faults: opts.fault,
            latencyMs: opts.latency,
            jitterMs: opts.jitter,
            maxConcurrent: opts.maxConcurrent,
          },
          { until, out: (s) => ctx.io.data(s), err: (s) => ctx.io.streams.stderr.write(s.endsWith('\n') ? s : s + '\n') },
        );
      }),
    );
}

/** --fault is repeatable: each value's knobs are merged over the earlier ones. */
function collectFault(value: string, previous: Partial<Faults> | undefined): Partial<Faults> {
  try {
    return { ...previous, ...parseFaultFlag(value) };
  } catch (e) {
    throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
  }
}
