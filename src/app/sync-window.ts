// Sync's per-window steps: month windows over a range, reading one window's page chain whole, putting rows in posting
// order, checking the balance chain and numbering identical rows. Network only in fetchWindow; the rest is pure.

import { addDaysIso, addMonthsIso } from '../domain/kst.js';
import type { Classifier } from '../domain/classify.js';
import type { Transaction } from '../domain/types.js';
import { InterruptedError } from '../errors.js';
import type { OpenBankingClient, TokenSource } from '../openbanking/client.js';
import type { IncompleteReason } from '../openbanking/types.js';
import type { NewTransaction } from '../store/transactions-repo.js';
import { rowEvidence } from './classifier.js';

export interface Window {
  from: string;
  to: string;
}

/** Month-sized windows covering [from, to]. */
export function monthWindows(from: string, to: string): Window[] {
  const out: Window[] = [];
  let start = from;
  while (start <= to) {
    const end = addDaysIso(addMonthsIso(start.slice(0, 8) + '01', 1), -1);
    out.push({ from: start, to: end < to ? end : to });
    start = addDaysIso(end, 1);
  }
  return out;
}

/** A range this short is asked in one window even across a month's end (a daily sync on the 1st is one request). */
export const SHORT_RANGE_DAYS = 31;

/**
 * The windows a sync asks for [from, to]: one window when the range spans at most SHORT_RANGE_DAYS days, else
 * calendar months (a long range in month windows: bounded pages per request, and windows to read side by side).
 */
export function planWindows(from: string, to: string): Window[] {
  if (from > to) return [];
  return addDaysIso(from, SHORT_RANGE_DAYS - 1) >= to ? [{ from, to }] : monthWindows(from, to);
}

/** One window as the server answered it. */
export interface FetchedWindow {
  window: Window;
  /** every row of every page, oldest first, whatever its date */
  rows: Transaction[];
  /** set when the chain ended without next_page_yn 'N' */
  incomplete?: IncompleteReason;
  pages: number;
  /** 기타 rows the pages left out */
  skipped: number;
}

/** Reads every page of one window in order (pages must be sequential: each needs the previous trace). */
export async function fetchWindow(
  client: OpenBankingClient,
  auth: TokenSource,
  account: string,
  w: Window,
  signal: AbortSignal,
  onPage?: (rows: number, date: string) => void,
): Promise<FetchedWindow> {
  const rows: Transaction[] = [];
  let incomplete: IncompleteReason | undefined;
  let pages = 0;
  let skipped = 0;
  for await (const page of client.transactionPages(auth, { fintechUseNum: account, from: w.from, to: w.to, sortOrder: 'A' })) {
    if (signal.aborted) throw new InterruptedError('interrupted');
    pages++;
    skipped += page.skipped ?? 0;
    for (const t of page.rows) rows.push(t);
    if (page.incomplete) incomplete = page.incomplete;
    onPage?.(page.rows.length, page.rows.at(-1)?.date ?? w.from);
  }
  return { window: w, rows: inAscendingOrder(rows), pages, skipped, ...(incomplete ? { incomplete } : {}) };
}

/**
 * Oldest first by date and time. Rows with the same date and time keep the server's order when it sent oldest first,
 * and are reversed when it sent newest first, so the balance chain reads in posting order either way.
 */
export function inAscendingOrder(rows: Transaction[]): Transaction[] {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    sorted = a.date < b.date || (a.date === b.date && a.time <= b.time);
  }
  if (sorted) return rows; // the common case: the server honoured sort_order=A
  const first = rows[0];
  const last = rows.at(-1);
  const descending = first !== undefined && last !== undefined && first.date + first.time > last.date + last.time;
  const list = descending ? [...rows].reverse() : rows;
  return list
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.t.time < b.t.time ? -1 : a.t.time > b.t.time ? 1 : a.i - b.i))
    .map((x) => x.t);
}

export function dedupKey(t: Transaction): string {
  return `${t.date}|${t.time}|${t.direction}|${t.amount}|${t.balanceAfter}|${t.memo}`;
}

/** A same-account multiset fingerprint of a window's rows: equal for two windows = the server ignored the dates. */
export function rowsSignature(rows: readonly Transaction[]): string {
  return rows.map(dedupKey).sort().join('\n');
}

export interface ChainBreak {
  date: string;
  time: string;
  expected: number;
  actual: number;
}

/**
 * The balance chain inside [w.from, w.to], continuing from `prev` (the balance after the row before the window).
 * Rows without a balance (blank after_balance_amt) are not checked (the chain carries on by their amount), and rows dated
 * outside the window are skipped (a server
 * that ignores dates, or a late posting, says nothing about this window's chain). Returns the breaks and the balance
 * after the window's last row with one.
 */
export function checkChain(rows: readonly Transaction[], w: Window, prev: number | null): { breaks: ChainBreak[]; last: number | null } {
  const breaks: ChainBreak[] = [];
  let last = prev;
  for (const t of rows) {
    if (t.date < w.from || t.date > w.to) continue;
    if (t.balanceAfter === null) {
      // No balance to check: the chain carries on by the row's amount.
      if (last !== null) last += t.direction === 'in' ? t.amount : -t.amount;
      continue;
    }
    if (last !== null) {
      const expected = last + (t.direction === 'in' ? t.amount : -t.amount);
      if (expected !== t.balanceAfter) breaks.push({ date: t.date, time: t.time, expected, actual: t.balanceAfter });
    }
    last = t.balanceAfter;
  }
  return { breaks, last };
}

/** The rows ready to store: occurrence among identical rows of the answer, and the category of each memo. */
export function prepareRows(account: string, rows: readonly Transaction[], classifier: Classifier): NewTransaction[] {
  const seen = new Map<string, number>();
  const out: NewTransaction[] = [];
  for (const t of rows) {
    const key = dedupKey(t);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const c = classifier.classify(t.memo, t.direction, rowEvidence(t));
    // Spelled out, not `{ ...t, … }`: spreading a decoded row and adding five fields cost ~5 µs a row in V8 (a
    // million-row first sync spent more time here than in SQLite); a literal of one shape costs ~0.1 µs.
    const row: NewTransaction = {
      account, date: t.date, time: t.time, direction: t.direction, amount: t.amount, balanceAfter: t.balanceAfter,
      memo: t.memo, type: t.type, branch: t.branch, occurrence, category: c.category, categorySource: c.source, categoryRule: c.rule,
    };
    out.push(row);
  }
  return out;
}
