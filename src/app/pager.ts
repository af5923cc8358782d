// The pager for long terminal output (tx, report, categories): $FINANCE_PAGER, else $PAGER, else `less -FRX`, used
// only when stdout is a TTY, --no-pager was not given and the text is taller than the screen. A pager that cannot
// start (not installed, empty) means the text is printed directly.

import { spawn } from 'node:child_process';
import type { Context } from './context.js';

/** The pager command as argv, or undefined for "print directly" (unset, empty, or `cat`). */
export function pagerCommand(env: NodeJS.ProcessEnv): string[] | undefined {
  const raw = env.FINANCE_PAGER ?? env.PAGER ?? 'less -FRX';
  const argv = raw.trim().split(/\s+/).filter(Boolean);
  if (argv.length === 0 || argv[0] === 'cat') return undefined;
  return argv;
}

/** Writes `text` (data: printed even with --quiet) to stdout, through the pager when it is long and stdout a TTY. */
export async function pageOut(ctx: Context, text: string): Promise<void> {
  const io = ctx.io;
  const body = text.endsWith('\n') ? text : text + '\n';
  const lines = body.split('\n').length - 1;
  // The pager writes to our stdout's file descriptor, so only a real terminal stream qualifies (not a test's fake).
  const fd = (io.streams.stdout as { fd?: unknown }).fd;
  const argv = io.canPage && typeof fd === 'number' && lines >= io.rows ? pagerCommand(ctx.env) : undefined;
  if (!argv || !(await runPager(ctx, argv, body, fd as number))) io.data(body);
}

/** Runs the pager with `text` on its stdin; false when it could not start (the caller prints directly). */
async function runPager(ctx: Context, argv: string[], text: string, fd: number): Promise<boolean> {
  // less: keep colours (R), leave short output on screen (F), do not clear it on exit (X); only when unset.
  const env = { ...ctx.env, LESS: ctx.env.LESS ?? 'FRX', LV: ctx.env.LV ?? '-c' };
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', fd, 'inherit'], env });
  const started = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!started) return false;
  // Ctrl-C belongs to the pager while it runs (less uses it to stop a search); quitting the pager ends the command.
  const before = ctx.handlesInterrupts;
  ctx.handlesInterrupts = true;
  // SIGTERM (not a key press) ends the pager too, so `kill` never leaves it holding the terminal.
  const onTerm = () => child.kill('SIGTERM');
  process.on('SIGTERM', onTerm);
  try {
    child.stdin!.on('error', () => undefined); // the person quit before reading everything: not an error
    child.stdin!.end(text);
    await new Promise<void>((resolve) => child.once('close', () => resolve()));
  } finally {
    process.off('SIGTERM', onTerm);
    ctx.handlesInterrupts = before;
  }
  return true;
}
