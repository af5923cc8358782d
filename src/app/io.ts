// Streams and terminal facts: TTY detection, the colour decision, whether prompts are allowed, progress on stderr.

import type { Readable, Writable } from 'node:stream';
import { Chalk, type ChalkInstance } from 'chalk';
import { redactSecrets } from '../redact.js';

const guarded = new WeakSet<Writable>();

/**
 * Every text written to the stream passes redactSecrets first — the sink-level guard for stdout (JSON, tables) and
 * stderr (errors, warnings, --verbose, prompts): a secret echoed by a server is replaced whatever path it took.
 * The stream itself is patched (not wrapped) so libraries that pipe into it or compare it still see the same object.
 */
export function guardStream(stream: Writable): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  (stream as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]): boolean =>
    write(typeof chunk === 'string' ? redactSecrets(chunk) : chunk, ...rest);
}
import { truncateWidth } from '../render/table.js';
import { sanitizeLine } from '../sanitize.js';

export interface Streams {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
}

export interface IOOptions {
  color: boolean; // false when --no-color was given
  quiet: boolean;
  verbose: boolean;
  input: boolean; // false when --no-input was given
  json: boolean;
  /** false when --no-pager was given */
  pager?: boolean;
}

export class IO {
  readonly stdoutTTY: boolean;
  readonly stderrTTY: boolean;
  readonly stdinTTY: boolean;
  /** Colour on stdout (chalk instance with level 0 when off). */
  readonly c: ChalkInstance;
  /** Colour on stderr. */
  readonly ce: ChalkInstance;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly json: boolean;
  readonly canPrompt: boolean;
  /** false with --no-input: never ask, even on a terminal. */
  readonly input: boolean;
  /** Long output may go through a pager (stdout is a TTY and --no-pager was not given). */
  readonly canPage: boolean;

  constructor(
    readonly streams: Streams,
    opts: IOOptions,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    guardStream(streams.stdout);
    guardStream(streams.stderr);
    this.stdoutTTY = streams.stdout.isTTY === true;
    this.stderrTTY = streams.stderr.isTTY === true;
    this.stdinTTY = streams.stdin.isTTY === true;
    this.quiet = opts.quiet;
    this.verbose = opts.verbose;
    this.json = opts.json;
    this.input = opts.input;
    this.canPrompt = opts.input && this.stdinTTY && this.stdoutTTY;
    this.canPage = this.stdoutTTY && opts.pager !== false;
    this.c = new Chalk({ level: colorLevel(this.stdoutTTY, opts.color, env) });
    this.ce = new Chalk({ level: colorLevel(this.stderrTTY, opts.color, env) });
  }

  /** Terminal width for stdout, or undefined when piped (no truncation then). */
  get columns(): number | undefined {
    return this.stdoutTTY ? this.streams.stdout.columns || 80 : undefined;
  }

  /** Terminal height for stdout (for the pager's "taller than the screen"). */
  get rows(): number {
    return (this.streams.stdout as { rows?: number }).rows || 24;
  }

  /** How tables are drawn on stdout: fitted to the terminal, or TSV on a pipe (columns undefined). */
  get tableView(): { columns: number | undefined; bold: (s: string) => string } {
    return { columns: this.columns, bold: this.c.bold };
  }

  /** Result text on stdout (suppressed by --quiet). */
  out(text: string): void {
    if (this.quiet) return;
    this.streams.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  /** Data that must be written even with --quiet (the user asked for it explicitly, e.g. JSON or an export). */
  data(text: string): void {
    this.streams.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  /**
   * Streams large output to stdout in blocks of about 64 KiB, waiting for a slow reader (a pipe) to drain, so a
   * million rows never sit in memory at once. Written as is, with no newline added.
   */
  async stream(pieces: Iterable<string>): Promise<void> {
    const out = this.streams.stdout;
    let buf = '';
    const flush = async () => {
      if (buf && !out.write(buf)) await new Promise((resolve) => out.once('drain', resolve));
      buf = '';
    };
    for (const p of pieces) {
      buf += p;
      if (buf.length >= 65_536) await flush();
    }
    await flush();
  }

  /** Informational line on stderr (suppressed by --quiet). */
  info(text: string): void {
    if (!this.quiet) this.streams.stderr.write(text + '\n');
  }

  warn(text: string): void {
    this.streams.stderr.write(`${this.ce.yellow('finance: warning:')} ${text}\n`);
  }

  /** Diagnostics on stderr with --verbose. Callers must never pass a secret. */
  debug(text: string): void {
    if (this.verbose) this.streams.stderr.write(this.ce.dim(`[verbose] ${text}`) + '\n');
  }

  /** Whether to draw a live progress bar on stderr. */
  get showProgress(): boolean {
    return this.stderrTTY && !this.quiet;
  }

  progress(label: string): Progress {
    return new Progress(this, label);
  }
}

export function colorLevel(isTTY: boolean, colorFlag: boolean, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (!colorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /256/.test(env.TERM ?? '') ? 2 : 1;
}

/** A one-line progress bar redrawn on stderr (only on a TTY). */
export class Progress {
  private last = 0;
  constructor(
    private readonly io: IO,
    private label: string,
  ) {}

  update(done: number, total: number | undefined, detail = ''): void {
    if (!this.io.showProgress) return;
    const now = Date.now();
    if (now - this.last < 80 && total !== undefined && done < total) return;
    this.last = now;
    const width = 24;
    let bar = '';
    if (total && total > 0) {
      const filled = Math.min(width, Math.round((done / total) * width));
      bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
    } else {
      bar = `${done}`;
    }
    const line = sanitizeLine(`${this.label} ${bar} ${detail}`);
    const cols = this.io.streams.stderr.columns ?? 80;
    this.io.streams.stderr.write(`\r\x1b[2K${truncateWidth(line, cols - 1)}`);
  }

  setLabel(label: string): void {
    this.label = label;
  }

  done(): void {
    if (this.io.showProgress) this.io.streams.stderr.write('\r\x1b[2K');
  }
}
