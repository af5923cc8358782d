// `finance sandbox`: run the emulator in the foreground, say where it is and how to point finance at it, and stop
// cleanly on SIGINT/SIGTERM. The CLI layer parses flags and hands them here.

import type { Faults } from './faults.js';
import { startSandbox, type SandboxOptions, type SandboxProfile } from './server.js';

export interface SandboxCommandOptions {
  port?: number;
  host?: string;
  seed?: number;
  months?: number;
  accounts?: number;
  end?: string;
  autoConsent?: boolean;
  json?: boolean;
  /** write the generator's truth (categories, series) as JSON to this path */
  truth?: string;
  transactions?: number;
  /** hostile terminal text in memos, an alias and a bank name */
  controlText?: boolean;
  profile?: SandboxProfile;
  /** knobs from --fault flags, merged in order */
  faults?: Partial<Faults>;
  latencyMs?: number;
  jitterMs?: number;
  maxConcurrent?: number;
}

export interface SandboxCommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** resolves when the command should stop (default: the first SIGINT or SIGTERM) */
  until?: Promise<unknown>;
}

export async function runSandboxCommand(opts: SandboxCommandOptions, io: SandboxCommandIo): Promise<void> {
  const options: SandboxOptions = { host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 };
  if (opts.seed !== undefined) options.seed = opts.seed;
  if (opts.months !== undefined) options.months = opts.months;
  if (opts.accounts !== undefined) options.accounts = opts.accounts;
  if (opts.end !== undefined) options.end = opts.end;
  if (opts.autoConsent !== undefined) options.autoConsent = opts.autoConsent;
  if (opts.transactions !== undefined) options.transactions = opts.transactions;
  if (opts.controlText) options.controlText = true;
  if (opts.profile !== undefined) options.profile = opts.profile;
  if (opts.faults !== undefined) options.faults = opts.faults;
  if (opts.latencyMs !== undefined) options.latencyMs = opts.latencyMs;
  if (opts.jitterMs !== undefined) options.jitterMs = opts.jitterMs;
  if (opts.maxConcurrent !== undefined) options.maxConcurrent = opts.maxConcurrent;
  const sandbox = await startSandbox(options);
  try {
    if (opts.truth) {
      const { writeTruthFile } = await import('./truth.js');
      writeTruthFile(sandbox.household, opts.truth);
    }
    const { baseUrl, clientId, clientSecret, orgCode, household } = sandbox;
    if (opts.json) {
      io.out(`${JSON.stringify({ baseUrl, clientId, clientSecret, orgCode })}\n`);
    } else {
      const rows = household.accounts.reduce((n, a) => n + a.count, 0);
      const knobs = Object.entries({ ...opts.faults, ...(opts.latencyMs ? { latencyMs: opts.latencyMs } : {}),
        ...(opts.jitterMs ? { jitterMs: opts.jitterMs } : {}),
        ...(opts.maxConcurrent ? { maxConcurrent: opts.maxConcurrent } : {}) }).map(([k, v]) => `${k}=${String(v)}`);
      io.out([
        `Open Banking sandbox listening on ${baseUrl}`,
        `  client id:     ${clientId}`,
        `  client secret: ${clientSecret}   (a fixed test value, not a real secret)`,
        `  org code:      ${orgCode}`,
        ...(opts.profile === 'testbed'
          ? ['  profile:       testbed (canned rows whatever the dates, real-testbed quirks; see README)'] : []),
        ...(knobs.length > 0 ? [`  faults:        ${knobs.join(', ')}`] : []),
        `  test user:     ${household.user.userName}, ${household.accounts.length} accounts, ${rows} transactions ` +
          `${household.start} … ${household.end}${opts.autoConsent ? ', automatic consent' : ''}` +
          `${opts.controlText ? ', control characters in memos/alias/bank name' : ''}`,
        ...(opts.truth ? [`  truth file:    ${opts.truth}`] : []),
        '',
        'Point finance at it with:',
        `  finance config set apiBaseUrl ${baseUrl}`,
        `  finance config set clientId ${clientId}`,
        `  finance config set clientSecret ${clientSecret}`,
        `  finance config set orgCode ${orgCode}`,
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'));
    }
    await (io.until ?? untilSignal());
  } finally {
    await sandbox.close();
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
