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
  // their final size (growing three arrays a push at a time doubled the time of this function on 1M rows).
  const groupOf = new Int32Array(n);
  const sizes: number[] = [];
  /** the first row of each group: its account, direction and memo as the bank printed it */
  const heads: number[] = [];
  const byKey = new Map<string, number>();
  const groupOfKey = (i: number): number => {
    const t = txns[i]!;
    const key = `${t.account}\u0000${t.direction}\u0000${normalizeMemo(t.memo)}`;
    return byKey.get(key) ?? setNew(byKey, key, (sizes.push(0), heads.push(i) - 1));
  };
  // account → raw memo → group per direction: a row costs two map lookups and a memo is normalised once. Each cache is
  // a lookup with `??`, so a miss and a hit take the same path.
  const byAccount = new Map<string, Map<string, Directions>>();
  // rows come in date order, mostly from a few accounts: the day and the account's memos are looked up once per run
  let lastDate: string | undefined;
  let lastDay = 0;
  let lastAccount: string | undefined;
  let memos = new Map<string, Directions>();
  for (let i = 0; i < n; i++) {
    const t = txns[i]!;
    if (t.date !== lastDate) {
      lastDay = parseIsoDay(t.date);
      lastDate = t.date;
    }
    days[i] = lastDay;
    if (t.account !== lastAccount) {
      memos = byAccount.get(t.account) ?? setNew(byAccount, t.account, new Map());
      lastAccount = t.account;
    }
    const ids = memos.get(t.memo) ?? setNew(memos, t.memo, { out: undefined, in: undefined });
    const id = (ids[t.direction] ??= groupOfKey(i));
    groupOf[i] = id;
    sizes[id]!++;
  }
  // Grouped by the normalised memo, shown as the bank printed it (first seen, trimmed), so it matches `tx` and labels.
  const groups: TxnGroup[] = heads.map((first, id) => {
    const t = txns[first]!;
    const size = sizes[id]!;
    return { account: t.account, direction: t.direction, memo: t.memo.trim(), members: new Array<number>(size).fill(0), days: new Array<number>(size).fill(0), amounts: new Array<number>(size).fill(0) };
  });
  // filled in input order, so a date-ordered input needs no sort and the hot loops read memory sequentially
  const filled = new Int32Array(groups.length);
  for (let i = 0; i < n; i++) {
    const id = groupOf[i]!;
    const g = groups[id]!;
    const k = filled[id]!++;
    g.members[k] = i;
    g.days[k] = days[i]!;
    g.amounts[k] = txns[i]!.amount;
  }
  for (const g of groups) sortByDay(g);
  return { groups, days };
}

type Directions = Record<'in' | 'out', number | undefined>;

function setNew<V>(map: Map<string, V>, key: string, value: V): V {
  map.set(key, value);
  return value;
}

function sortByDay(g: TxnGroup): void {
  const { members, days, amounts } = g;
  for (let i = 1; i < members.length; i++) {
    if (days[i]! < days[i - 1]!) {
      // Array#sort is stable and `order` starts in input order, so rows of one day keep their input order.
      const order = members.map((_, k) => k).sort((a, b) => days[a]! - days[b]!);
      g.members = order.map((k) => members[k]!);
      g.days = order.map((k) => days[k]!);
      g.amounts = order.map((k) => amounts[k]!);
      return;
    }
  }
}
