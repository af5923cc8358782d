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
  const days = new Int32Array(txns.length);
  const groups: TxnGroup[] = [];
  const byKey = new Map<string, number>();
  // account → raw memo → [out group, in group]; normalising once per distinct memo keeps the loop allocation-free
  const byAccount = new Map<string, Map<string, [number, number]>>();
  for (let i = 0; i < txns.length; i++) {
    const t = txns[i]!;
    days[i] = parseIsoDay(t.date);
    let memos = byAccount.get(t.account);
    if (memos === undefined) {
      memos = new Map();
      byAccount.set(t.account, memos);
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
        // Grouped by the normalised memo, shown as the bank printed it (first seen), so it matches `tx` and labels.
        groups.push({ account: t.account, direction: t.direction, memo: t.memo.trim(), members: [], days: [], amounts: [] });
      }
      id = found;
      ids[slot] = id;
    }
    // filled in input order, so a date-ordered input needs no sort and the hot loop reads memory sequentially
    const g = groups[id]!;
    g.members.push(i);
    g.days.push(days[i]!);
    g.amounts.push(t.amount);
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
