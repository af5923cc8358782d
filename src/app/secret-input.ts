// Reading a secret without it touching argv or shell history: a hidden prompt on a terminal, else one line of stdin.

import { UsageError } from '../errors.js';
import type { Context } from './context.js';

export async function readSecret(ctx: Context, message: string): Promise<string> {
  let value: string;
  if (ctx.io.stdinTTY) {
    if (!ctx.io.input) throw new UsageError('--no-input: cannot ask for the value', 'pipe it in: … | finance config set <key>');
    const { password } = await import('@inquirer/prompts');
    value = await password(
      { message },
      { input: ctx.io.streams.stdin as NodeJS.ReadStream, output: ctx.io.streams.stderr as NodeJS.WriteStream, signal: ctx.signal },
    );
  } else {
    value = await firstLine(ctx.io.streams.stdin);
  }
  value = value.trim();
  if (!value) throw new UsageError('no value given', 'type it at the prompt, or pipe one line into the command');
  return value;
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let buf = '';
  for await (const chunk of stream) {
    buf += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const nl = buf.indexOf('\n');
    if (nl >= 0) return buf.slice(0, nl).replace(/\r$/, '');
    if (buf.length > 4096) break;
  }
  return buf;
}
