// Runs the built CLI in a pseudo-terminal of a given size (test/helpers/pty-drive.py) and checks what a person would
// see: no line wider than the terminal, no raw control character that came from the data, no internal error.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { BIN } from './cli.js';

export interface PtyStep {
  /** regex (JS/Python-compatible source) the output must match since the previous step */
  wait: string;
  send: string;
  delay?: number;
}

export interface PtyResult {
  code: number | null;
  out: string;
  /** what the helper said on its own stderr (a step that never matched) */
  err: string;
}

export interface PtyRun {
  done: Promise<PtyResult>;
  /** resolves with the first match of `re` in the output so far */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

export function startPty(args: string[], opts: { cols: number; rows?: number; env: NodeJS.ProcessEnv; steps?: PtyStep[]; timeoutSec?: number }): PtyRun {
  const cfg = JSON.stringify({ cols: opts.cols, rows: opts.rows ?? 40, steps: opts.steps ?? [], timeout: opts.timeoutSec ?? 60 });
  const child = spawn('python3', [join(__dirname, 'pty-drive.py'), cfg, process.execPath, BIN, ...args], { env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<PtyResult>((res) => child.on('close', (code) => res({ code, out, err })));
  let exited = false;
  void done.then(() => (exited = true));
  return {
    done,
    async waitFor(re, timeoutMs = 15_000) {
      const start = Date.now();
      for (;;) {
        const m = out.match(re);
        if (m) return m;
        if (exited) throw new Error(`exited before printing ${re}: ${out}`);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${re}: ${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

export function runPty(args: string[], opts: Parameters<typeof startPty>[1]): Promise<PtyResult> {
  return startPty(args, opts).done;
}

/** The screen lines: a progress redraw (`\r`) or a cursor movement (a prompt redrawing itself) starts a new line;
 * colour sequences removed. */
export function screenLines(out: string): string[] {
  return stripAnsi(out.replace(/\x1b\[[0-9;?]*[A-HJKSTf]/g, '\n'))
    .split('\n')
    .flatMap((l) => l.replace(/\r+$/, '').split('\r'));
}

/** Lines wider than `cols` terminal cells (Hangul and emoji count two). The authorization URL is exempt: it cannot be
 * shortened and stay usable, and terminals let it wrap. */
export function overflowing(out: string, cols: number): string[] {
  return screenLines(out).filter((l) => stringWidth(l) > cols && !/^Open this URL to authorize: /.test(l));
}

/** Raw control text that came from the data (as seeded by controlText), rather than the program's own sequences. */
export function rawControl(out: string): string[] {
  const found: string[] = [];
  if (out.includes('\x1b[2J')) found.push('ESC[2J');
  if (out.includes('\x1b]0;')) found.push('ESC]0;');
  if (out.includes('\x07')) found.push('BEL');
  if (/[\u0080-\u009f]/.test(out)) found.push('C1');
  if (/\r[^\n\r\x1b]/.test(out)) found.push('bare CR'); // a carriage return that is not a line end or a redraw
  if (/[\u202a-\u202e\u2066-\u2069]/.test(out)) found.push('bidi override');
  return found;
}
