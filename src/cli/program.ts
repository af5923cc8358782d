// Builds the commander program: global options and every command, registered from one list.
// Command modules are light; each imports its heavy dependencies only when it runs, so `--help` stays fast.

import { Command, Option } from 'commander';
import { Context, type GlobalOptions } from '../app/context.js';
import { IO, type Streams } from '../app/io.js';
import { UsageError } from '../errors.js';

export interface ProgramDeps {
  streams: Streams;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  signal: AbortSignal;
  /** Receives each context created, so the boundary can close it. */
  onContext: (ctx: Context) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Opts = Record<string, any>;
export type Action = (ctx: Context, opts: Opts, args: string[]) => Promise<void>;
export type Act = (fn: Action) => (...args: unknown[]) => Promise<void>;

export interface CommandModule {
  register(program: Command, act: Act): void;
}

const COMMANDS: Array<() => Promise<CommandModule>> = [() => import('./commands/completion.js')];

export async function buildProgram(deps: ProgramDeps, version: string): Promise<Command> {
  const program = new Command('finance');
  program
    .description('Personal finance from your Korean bank accounts (금융결제원 오픈뱅킹): sync, categorise, fixed payments, reports.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--home <dir>', 'data directory (default: $FINANCE_HOME, else ~/.local/share/finance)')
    .option('--json', 'machine-readable JSON on stdout')
    .option('--no-color', 'no ANSI colours (also NO_COLOR, or when stdout is not a terminal)')
    .option('-q, --quiet', 'no progress, summaries, hints or warnings (data commands still print their data; errors still go to stderr)')
    .option('-v, --verbose', 'diagnostics on stderr (never tokens or secrets)')
    .option('--no-input', 'never prompt (implied when stdin is not a terminal)')
    .option('--no-pager', 'never page long output (the pager is $FINANCE_PAGER, else $PAGER, else less -FRX)')
    .showHelpAfterError(false)
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .addHelpText(
      'after',
      `
Examples:
  $ finance demo                      try everything on the built-in sandbox (no bank account needed)
  $ finance config set clientId <id>  configure your Open Banking app, then:
  $ finance login                     authorise in the browser
  $ finance sync                      fetch balances and transactions (cron-safe)
  $ finance report                    assets, income, spending, fixed payments, charts
  $ finance tx --search 스타벅스 --format csv > coffee.csv

Exit codes: 0 ok, 1 bug, 64 usage, 65 bad data, 69 unavailable, 75 try again, 77 not authorised, 78 configuration, 130 interrupted.`,
    );

  const act: Act = (fn) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const opts = command.optsWithGlobals() as Opts & GlobalOptions;
    // Conflicting options are a usage error, never a silent choice.
    if (opts.json === true && opts.format !== undefined && opts.format !== 'json') {
      throw new UsageError(`--json cannot be combined with --format ${opts.format}`, 'use one of them');
    }
    const json = opts.json === true || opts.format === 'json';
    const io = new IO(
      deps.streams,
      { color: opts.color !== false, quiet: opts.quiet === true, verbose: opts.verbose === true, input: opts.input !== false, json, pager: opts.pager !== false },
      deps.env,
    );
    const ctx = new Context(io, opts, deps.env, deps.now, deps.signal);
    deps.onContext(ctx);
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    await fn(ctx, opts, positional);
  };

  const modules = await Promise.all([
    import('./commands/config.js'),
    import('./commands/login.js'),
    import('./commands/logout.js'),
    import('./commands/status.js'),
    import('./commands/accounts.js'),
    import('./commands/sync.js'),
    import('./commands/classify.js'),
    import('./commands/label.js'),
    import('./commands/categories.js'),
    import('./commands/explain.js'),
    import('./commands/tx.js'),
    import('./commands/fixed.js'),
    import('./commands/report.js'),
    import('./commands/trend.js'),
    import('./commands/budget.js'),
    import('./commands/forecast.js'),
    import('./commands/export.js'),
    import('./commands/sandbox.js'),
    import('./commands/demo.js'),
    ...COMMANDS.map((f) => f()),
  ]);
  for (const m of modules) m.register(program, act);
  return program;
}

/** Adds the standard `--format` option (text|csv|json; --json is the same as --format json). */
export function formatOption(choices: readonly string[] = ['text', 'csv', 'json']): Option {
  return new Option('--format <format>', `output format: ${choices.join(', ')}`).choices(choices);
}
