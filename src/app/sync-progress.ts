// Sync progress on a terminal: one line per account (as `docker pull` shows its layers), redrawn in place on stderr at
// most every 80 ms. Nothing when stderr is not a TTY or with -q (the command prints its one summary line instead).

import { truncateWidth } from '../render/table.js';
import { sanitizeLine } from '../sanitize.js';
import type { IO } from './io.js';

interface Line {
  label: string;
  fetched: number;
  date: string;
  state: 'waiting' | 'syncing' | 'done' | 'failed' | 'skipped';
  note: string;
}

export class AccountsProgress {
  private readonly lines = new Map<string, Line>();
  private drawn = 0;
  private last = 0;
  private readonly on: boolean;

  constructor(
    private readonly io: IO,
    accounts: ReadonlyArray<{ id: string; label: string }> = [],
  ) {
    this.on = io.showProgress;
    for (const a of accounts) this.add(a.id, a.label);
  }

  private add(id: string, label: string): Line {
    const line: Line = { label: sanitizeLine(label), fetched: 0, date: '', state: 'waiting', note: '' };
    this.lines.set(id, line);
    return line;
  }

  update(id: string, fetched: number, date: string): void {
    const l = this.lines.get(id) ?? this.add(id, `…${id.slice(-6)}`);
    l.state = 'syncing';
    l.fetched = fetched;
    l.date = date;
    this.draw(false);
  }

  finish(id: string, state: 'done' | 'failed' | 'skipped', note = ''): void {
    const l = this.lines.get(id) ?? this.add(id, `…${id.slice(-6)}`);
    l.state = state;
    l.note = sanitizeLine(note);
    this.draw(true);
  }

  /** Clears the block (the summary and any warnings follow on clean lines). */
  done(): void {
    if (!this.on || this.drawn === 0) return;
    this.io.streams.stderr.write(`\x1b[${this.drawn}A\r\x1b[J`);
    this.drawn = 0;
  }

  private text(l: Line): string {
    const status =
      l.state === 'waiting'
        ? 'waiting'
        : l.state === 'syncing'
          ? `${l.fetched} rows${l.date ? `, at ${l.date}` : ''}`
          : l.state === 'done'
            ? `done${l.note ? ` — ${l.note}` : ''}`
            : l.state === 'skipped'
              ? `skipped${l.note ? ` — ${l.note}` : ''}`
              : `failed${l.note ? ` — ${l.note}` : ''}`;
    return `${l.label}  ${status}`;
  }

  private draw(force: boolean): void {
    if (!this.on) return;
    const now = Date.now();
    if (!force && now - this.last < 80) return;
    this.last = now;
    const cols = this.io.streams.stderr.columns ?? 80;
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    const body = [...this.lines.values()].map((l) => `\r\x1b[2K${truncateWidth(this.text(l), cols - 1)}\n`).join('');
    this.io.streams.stderr.write(up + body);
    this.drawn = this.lines.size;
  }
}
