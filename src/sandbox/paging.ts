// Transaction-list paging: a date(+time) range found by binary search, filtered by direction, cut into pages of 25,
// with an opaque trace (base36 row index + checksum bound to the query) so a forged or stale trace is refused.

import type { GeneratedAccount, GeneratedTx } from './generator.js';
import type { CannedRow } from './testbed.js';
import { hash32 } from './prng.js';

export const PAGE_SIZE = 25;

export interface TxQuery {
  type: 'A' | 'I' | 'O';
  /** inclusive YYYYMMDDHHMMSS bounds */
  fromKey: number;
  toKey: number;
  descending: boolean;
  /** '' on the first page */
  trace: string;
}

export type Page = { rows: GeneratedTx[]; next?: string } | { badTrace: true };

function checksum(account: string, q: TxQuery, index: number, seed: number): string {
  const text = `${account}|${q.type}|${q.fromKey}|${q.toKey}|${q.descending ? 'D' : 'A'}|${index}`;
  return hash32(text, seed >>> 0).toString(36).padStart(7, '0').slice(-4);
}

export function encodeTrace(account: string, q: TxQuery, index: number, seed: number): string {
  return index.toString(36) + checksum(account, q, index, seed);
}

function decodeTrace(account: string, q: TxQuery, seed: number): number | undefined {
  const m = /^([0-9a-z]{1,16})([0-9a-z]{4})$/.exec(q.trace);
  if (!m) return undefined;
  const index = parseInt(m[1] as string, 36);
  return checksum(account, q, index, seed) === m[2] ? index : undefined;
}

export function pageTransactions(account: GeneratedAccount, q: TxQuery, seed: number): Page {
  const cols = account.columns;
  const lo = cols.lowerBound(q.fromKey);
  const hi = cols.lowerBound(q.toKey + 1);
  const step = q.descending ? -1 : 1;
  let i = q.descending ? hi - 1 : lo;
  if (q.trace !== '') {
    const at = decodeTrace(account.fintechUseNum, q, seed);
    if (at === undefined || at < lo || at >= hi) return { badTrace: true };
    i = at;
  }
  const wanted = (j: number): boolean => q.type === 'A' || (cols.incoming[j] === 1) === (q.type === 'I');
  const rows: GeneratedTx[] = [];
  for (; i >= lo && i < hi; i += step) {
    if (!wanted(i)) continue;
    if (rows.length === PAGE_SIZE) return { rows, next: encodeTrace(account.fintechUseNum, q, i, seed) };
    rows.push(account.tx(i));
  }
  return { rows };
}

/** Canned rows (testbed profile): the same pages whatever the dates, direction or order asked for. */
export function pageCanned(account: GeneratedAccount, trace: string, seed: number):
  { rows: CannedRow[]; next?: string } | { badTrace: true } {
  const rows = account.canned ?? [];
  let at = 0;
  if (trace !== '') {
    const m = /^c([0-9a-z]{1,8})([0-9a-z]{4})$/.exec(trace);
    at = m ? parseInt(m[1] as string, 36) : -1;
    const sum = (i: number): string => hash32(`${account.fintechUseNum}|canned|${i}`, seed >>> 0).toString(36)
      .padStart(7, '0').slice(-4);
    if (!m || at <= 0 || at >= rows.length || sum(at) !== m[2]) return { badTrace: true };
  }
  const end = Math.min(rows.length, at + PAGE_SIZE);
  const next = end < rows.length
    ? `c${end.toString(36)}${hash32(`${account.fintechUseNum}|canned|${end}`, seed >>> 0).toString(36).padStart(7, '0').slice(-4)}`
    : undefined;
  return next === undefined ? { rows: rows.slice(at, end) } : { rows: rows.slice(at, end), next };
}
