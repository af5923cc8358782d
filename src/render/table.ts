// Tables: boxed cli-table3 on a terminal; tab-separated lines with one header line on a pipe (for cut/awk/sort).

import type { IO } from '../app/io.js';

export type Cell = string | number | boolean | null | undefined;

const clean = (c: Cell) => (c === null || c === undefined ? '' : String(c)).replace(/[\t\r\n]+/g, ' ');

/** One tab-separated line: tabs and newlines inside cells become spaces so columns stay aligned for cut. */
export function tsvLine(cells: readonly Cell[]): string {
  return cells.map(clean).join('\t');
}

/** Tab-separated lines with one header line. */
export function tsv(headers: readonly string[], rows: readonly Cell[][]): string {
  return [tsvLine(headers), ...rows.map(tsvLine)].join('\n');
}

export interface TableOptions {
  /** Columns to right-align (numbers). */
  align?: Array<'left' | 'right'>;
}

/** Renders rows for the person at a terminal, or as TSV when stdout is not a TTY. */
export async function renderTable(io: IO, headers: readonly string[], rows: readonly Cell[][], opts: TableOptions = {}): Promise<string> {
  if (!io.stdoutTTY) return tsv(headers, rows);
  const { default: Table } = await import('cli-table3');
  const table = new Table({
    head: headers.map((h) => io.c.bold(h)),
    style: { head: [], border: [] },
    colAligns: opts.align,
    wordWrap: false,
  });
  for (const r of rows) table.push(r.map((c) => (c === null || c === undefined ? '' : String(c))));
  return table.toString();
}
