// The error boundary: parse argv, run the command, map every error to its exit code (the only process.exit).

import { CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT, FinanceError, FindingError, InterruptedError, type ExitCode } from '../errors.js';
import { redactSecrets } from '../redact.js';
import { sanitizeText } from '../sanitize.js';
import type { Context } from '../app/context.js';
import { buildProgram } from './program.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/** Formats an error for stderr and returns its exit code. */
export function describeError(e: unknown, verbose: boolean): { code: ExitCode; text: string } {
  if (e instanceof CommanderError) {
    const msg = e.message.replace(/^error: /, '');
    return { code: e.exitCode === 0 ? EXIT.ok : EXIT.usage, text: e.exitCode === 0 ? '' : `finance: ${msg}\n  see 'finance --help' or 'finance <command> --help'` };
  }
  if (e instanceof FindingError) return { code: e.exitCode, text: '' };
  if (e instanceof FinanceError) {
    const lines = [`finance: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`];
    if (verbose && e.cause instanceof Error) lines.push(`  cause: ${e.cause.message}`);
    return { code: e.exitCode, text: lines.join('\n') };
  }
  // @inquirer/prompts: Ctrl-C or Ctrl-D in a prompt (ExitPromptError), or the prompt aborted by our own Ctrl-C handler
  // (AbortPromptError), is an interruption; every answer given before it was saved as it was given.
  if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
    return describeError(new InterruptedError('interrupted'), verbose);
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const first = (err.message || err.name).split('\n')[0];
  const lines = [`finance: internal error: ${first} — this is a bug; rerun with --verbose for details and report it`];
  if (verbose && err.stack) lines.push(err.stack);
  return { code: EXIT.bug, text: lines.join('\n') };
}

/**
 * The clock. FINANCE_NOW (an ISO timestamp) pins it, so golden tests and bug reports can reproduce output exactly;
 * a bad value is ignored with a warning rather than silently changing dates.
 */
function clockFromEnv(env: NodeJS.ProcessEnv): () => Date {
  const pinned = env.FINANCE_NOW;
  if (!pinned) return () => new Date();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) {
    process.stderr.write(`finance: warning: FINANCE_NOW='${pinned}' is not an ISO timestamp; using the real clock\n`);
    return () => new Date();
  }
  return () => new Date(t);
}

export async function main(argv: string[]): Promise<ExitCode> {
  const abort = new AbortController();
  let interrupted = false;
  let firstSignalAt = 0;
  const contexts: Context[] = [];
  const onSignal = () => {
    // signal-exit (pulled in by conf's atomic writes) re-raises a signal it sees; one Ctrl-C can arrive twice within
    // a millisecond. Only a second press a moment later means "leave now".
    if (interrupted && Date.now() - firstSignalAt < 300) return;
    // A second Ctrl-C, or a command that does not stop by itself: leave now (SQLite keeps the last commit).
    if (interrupted || !contexts.some((c) => c.handlesInterrupts)) {
      process.stderr.write('finance: interrupted\n');
      process.exit(EXIT.interrupted);
    }
    interrupted = true;
    firstSignalAt = Date.now();
    abort.abort(new InterruptedError('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // A closed pipe (finance … | head -1) is not an error: stop quietly.
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(EXIT.ok);
      throw err;
    });
  }

  const verbose = argv.includes('-v') || argv.includes('--verbose');
  let code: ExitCode = EXIT.ok;
  try {
    const program = await buildProgram(
      {
        streams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
        env: process.env,
        now: clockFromEnv(process.env),
        signal: abort.signal,
        onContext: (ctx) => contexts.push(ctx),
      },
      version(),
    );
    program.exitOverride();
    program.configureOutput({
      writeErr: (s) => {
        // commander's own error lines are reformatted by describeError; help text to stderr passes through.
        if (!s.startsWith('error:')) process.stderr.write(s);
      },
    });
    // Sub-commands inherit exitOverride and output settings only when set before they are added; apply to all.
    const walk = (c: typeof program) => {
      c.exitOverride();
      c.configureOutput({ writeErr: (s) => (s.startsWith('error:') ? undefined : process.stderr.write(s)) });
      c.commands.forEach((sub) => walk(sub as typeof program));
    };
    walk(program);
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv);
  } catch (e) {
    const d = describeError(interrupted && !(e instanceof FinanceError) ? new InterruptedError('interrupted') : e, verbose);
    code = d.code;
    // Error texts carry server messages and file contents: secrets redacted, control characters shown escaped.
    if (d.text) process.stderr.write(sanitizeText(redactSecrets(d.text)) + '\n');
  } finally {
    for (const ctx of contexts) {
      try {
        ctx.close();
      } catch {
        // closing after a failure must not mask the original error
      }
    }
  }
  return code;
}

const code = await main(process.argv);
// Let stdout drain before leaving (large JSON to a pipe).
if (process.stdout.writableNeedDrain) process.stdout.once('drain', () => process.exit(code));
else process.exit(code);
