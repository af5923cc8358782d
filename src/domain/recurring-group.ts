// Groups transactions by account + direction + normalised memo, each group sorted by date — the first step of both
// the calendar detector and the baseline.

import { parseIsoDay } from './dates.js';
import type { RecurringInput } from './recurring-types.js';

export interface TxnGroup {
  account: string;
  direction: 'in' | 'out';
  /** the memo as the bank printed it (trimmed); the group key is its normalised form */
  memo: string;
  /** indices into the input, sorted by date (then input order) */
  members: number[];
  /** day number of each member */
  days: number[];
  /** amount of each member */
  amounts: number[];
}

/** Trim, collapse whitespace, NFKC (full-width letters and digits become ASCII). */
export function normalizeMemo(memo: string): string {
  return memo.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export interface Grouped {
  groups: TxnGroup[];
  /** day number of every input transaction, by input index */
  days: Int32Array;
}

export function groupTransactions(txns: readonly RecurringInput[]): Grouped {
  const n = txns.length;
  const days = new Int32Array(n);
  // Two passes: the first finds each row's group and counts the groups' sizes, the second fills arrays allocated at
  // their final size (growing millions of array slots one push at a time kept the collector busy).
  const groupOf = new Int32Array(n);
  const sizes: number[] = [];
  const groups: TxnGroup[] = [];
  const byKey = new Map<string, number>();
  // account → raw memo → [out group, in group]; normalising once per distinct memo keeps the loop allocation-free
  const byAccount = new Map<string, Map<string, [number, number]>>();
  // rows come in date order, mostly from a few accounts: the last date and account are looked up once per run
  let lastDate = '';
  let lastDay = 0;
  let lastAccount = '';
  let memos: Map<string, [number, number]> | undefined;
  for (let i = 0; i < n; i++) {
    const t = txns[i]!;
    if (t.date !== lastDate || i === 0) {
      lastDay = parseIsoDay(t.date);
      lastDate = t.date;
    }
    days[i] = lastDay;
    if (memos === undefined || t.account !== lastAccount) {
      memos = byAccount.get(t.account);
      if (memos === undefined) {
        memos = new Map();
        byAccount.set(t.account, memos);
      }
      lastAccount = t.account;
    }
    let ids = memos.get(t.memo);
    if (ids === undefined) {
      ids = [-1, -1];
      memos.set(t.memo, ids);
    }
    const slot: 0 | 1 = t.direction === 'out' ? 0 : 1;
    let id = ids[slot];
    if (id < 0) {
      const memo = normalizeMemo(t.memo);
      const key = `${t.account}\u0000${t.direction}\u0000${memo}`;
      let found = byKey.get(key);
      if (found === undefined) {
        found = groups.length;
        byKey.set(key, found);
        sizes.push(0);
        // Grouped by the normalised memo, shown as the bank printed it (first seen), so it matches `tx` and labels.
        groups.push({ account: t.account, direction: t.direction, memo: t.memo.trim(), members: [], days: [], amounts: [] });
      }
      id = found;
      ids[slot] = id;
    }
    groupOf[i] = id;
    sizes[id]!++;
  }
  for (let id = 0; id < groups.length; id++) {
    const g = groups[id]!;
    g.members = new Array<number>(sizes[id]!).fill(0);
    g.days = new Array<number>(sizes[id]!).fill(0);
    g.amounts = new Array<number>(sizes[id]!).fill(0);
    sizes[id] = 0;
  }
  // filled in input order, so a date-ordered input needs no sort and the hot loops read memory sequentially
  for (let i = 0; i < n; i++) {
    const g = groups[groupOf[i]!]!;
    const k = sizes[groupOf[i]!]!++;
    g.members[k] = i;
    g.days[k] = days[i]!;
    g.amounts[k] = txns[i]!.amount;
  }
  for (const g of groups) sortByDay(g);
  return { groups, days };
}

function sortByDay(g: TxnGroup): void {
  const { members, days } = g;
  for (let i = 1; i < members.length; i++) {
    if (days[i]! < days[i - 1]!) {
      const order = members.map((_, k) => k).sort((a, b) => days[a]! - days[b]! || members[a]! - members[b]!);
      g.members = order.map((k) => members[k]!);
      g.days = order.map((k) => days[k]!);
      g.amounts = order.map((k) => g.amounts[k]!);
      return;
    }
  }
}
