// Tables from a table model: on a terminal the way `gh` prints them (no borders, one line per row, columns fitted to
// the terminal width, the free-text column truncated with … by display width); on a pipe tab-separated lines with
// one header line (for cut/awk/sort), nothing truncated. Every cell is outside text until proven otherwise, so both
// views pass it through the sanitizer; colour is applied after sanitizing, truncating and padding.

import stringWidth from 'string-width';
import { sanitizeLine } from '../sanitize.js';

export type Cell = string | number | boolean | null | undefined;
/** A cell with a colour applied after it is fitted (so escapes are neither sanitized nor counted). */
export interface StyledCell {
  text: string;
  style?: (s: string) => string;
}
export type AnyCell = Cell | StyledCell;

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Free text (memo, payee, alias): shrinks first and is truncated with … when the table is too wide. */
  flex?: boolean;
  /** Left out when the terminal is too narrow even with the free text shrunk; lower numbers go first. */
  drop?: number;
}

export interface TableModel {
  columns: Column[];
  rows: AnyCell[][];
}

const plain = (c: AnyCell): string => {
  if (c !== null && typeof c === 'object') return c.text;
  return c === null || c === undefined ? '' : String(c);
};

/** One tab-separated line: tabs and newlines inside cells become spaces so columns stay aligned for cut; any other
 * control character is shown escaped. */
export function tsvLine(cells: readonly AnyCell[]): string {
  return cells.map((c) => sanitizeLine(plain(c).replace(/[\t\r\n]+/g, ' '))).join('\t');
}

/** Tab-separated lines with one header line. */
export function tsv(headers: readonly string[], rows: readonly AnyCell[][]): string {
  return [tsvLine(headers), ...rows.map(tsvLine)].join('\n');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `s` cut to at most `width` terminal cells, ending in … when cut (Hangul and emoji measured as two cells). */
export function truncateWidth(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

function pad(s: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

const GAP = 2;
const MIN_FLEX = 8;

/** Column widths that fit `columns` cells: free text shrinks first (to MIN_FLEX), then droppable columns go, then
 * every column shrinks in proportion. Returns the indexes of the columns kept and their widths. */
export function fitColumns(cols: readonly Column[], natural: readonly number[], columns: number): { keep: number[]; widths: number[] } {
  let keep = cols.map((_, i) => i);
  const total = (ws: number[]) => ws.reduce((s, w) => s + w, 0) + GAP * Math.max(0, ws.length - 1);
  for (;;) {
    const widths = keep.map((i) => natural[i]!);
    if (total(widths) <= columns) return { keep, widths };
    const flex = keep.map((i, k) => (cols[i]!.flex ? k : -1)).filter((k) => k >= 0);
    const fixed = keep.reduce((s, i) => s + (cols[i]!.flex ? 0 : natural[i]!), 0) + GAP * (keep.length - 1);
    const room = columns - fixed;
    if (flex.length > 0 && room >= MIN_FLEX * flex.length) {
      // Share the room among the free-text columns, the narrower ones keeping their natural width when they can.
      const order = [...flex].sort((a, b) => widths[a]! - widths[b]!);
      let left = room;
      order.forEach((k, n) => {
        const share = Math.floor(left / (order.length - n));
        widths[k] = Math.min(widths[k]!, share);
        left -= widths[k]!;
      });
      return { keep, widths };
    }
    const droppable = keep.filter((i) => cols[i]!.drop !== undefined).sort((a, b) => cols[a]!.drop! - cols[b]!.drop!);
    if (droppable.length > 0) {
      keep = keep.filter((i) => i !== droppable[0]);
      continue;
    }
    // Last resort: every column in proportion to its natural width, at least 1 cell.
    const budget = columns - GAP * (keep.length - 1);
    const sum = widths.reduce((s, w) => s + w, 0);
    return { keep, widths: widths.map((w) => Math.max(1, Math.floor((w * budget) / sum))) };
  }
}

export interface TerminalOptions {
  columns: number;
  bold: (s: string) => string;
}

/** The terminal view of a table model: one line per row, no borders, never wider than `columns`. */
export function terminalTable(model: TableModel, opts: TerminalOptions): string {
  const { columns: cols } = model;
  const texts = model.rows.map((r) => cols.map((_, i) => sanitizeLine(plain(r[i]))));
  const heads = cols.map((c) => c.header.toUpperCase());
  const natural = cols.map((_, i) => Math.max(stringWidth(heads[i]!), ...texts.map((r) => stringWidth(r[i]!))));
  const { keep, widths } = fitColumns(cols, natural, opts.columns);
  const line = (cells: string[], styles: Array<((s: string) => string) | undefined>) =>
    keep
      .map((i, k) => {
        const last = k === keep.length - 1;
        const text = truncateWidth(cells[i]!, widths[k]!);
        const padded = last && cols[i]!.align !== 'right' ? text : pad(text, widths[k]!, cols[i]!.align ?? 'left');
        const style = styles[i];
        // Style only the text, not the padding, so underline/inverse styles do not run across the gap.
        return style ? padded.replace(text, style(text)) : padded;
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const out = [line(heads, heads.map(() => opts.bold))];
  model.rows.forEach((r, n) => {
    const styles = cols.map((_, i) => {
      const c = r[i];
      return c !== null && typeof c === 'object' ? c.style : undefined;
    });
    out.push(line(texts[n]!, styles));
  });
  return out.join('\n');
}

/** A table for stdout: the terminal view when `columns` is known (a TTY), else TSV with the model's headers. */
export function renderTable(model: TableModel, view: { columns: number | undefined; bold: (s: string) => string }): string {
  if (view.columns === undefined) return tsv(model.columns.map((c) => c.header), model.rows);
  return terminalTable(model, { columns: view.columns, bold: view.bold });
}
