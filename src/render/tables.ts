// Table models for the list views (accounts, tx, fixed, labels, categories, classify changes, config): the terminal
// view (formatted amounts, KST times, short account ids, colour) or the pipe view (raw values, exact ISO dates, full
// ids — the TSV columns scripts rely on). Commands pick one and hand it to renderTable.

import type { ChalkInstance } from 'chalk';
import { categoryName } from '../domain/categories.js';
import type { RecurringSeries } from '../domain/recurring-types.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { StoredTransaction } from '../store/transactions-repo.js';
import { formatKstTimestamp, formatNumber, formatWon } from './format.js';
import type { AnyCell, TableModel } from './table.js';

export interface View {
  tty: boolean;
  c: ChalkInstance;
}

/** The last digits of an account id, as tables show it (and as `--account` accepts it). */
export const shortId = (id: string) => `…${id.slice(-6)}`;

type AccountLike = Pick<AccountRow, 'id' | 'bankName' | 'accountNumMasked' | 'alias' | 'inquiryAgree'> &
  Partial<Pick<AccountRow, 'state'>> &
  Partial<Pick<AccountRow, 'balance' | 'balanceAt' | 'lastSyncAt'>>;

export function accountsTable(rows: readonly AccountLike[], v: View): TableModel {
  if (!v.tty) {
    return {
      columns: ['id', 'bank', 'account', 'alias', 'balance', 'balance at', 'last sync'].map((header) => ({ header })),
      rows: rows.map((a) => [a.id, a.bankName, a.accountNumMasked, a.alias, a.balance ?? '', a.balanceAt ?? '', a.lastSyncAt ?? '']),
    };
  }
  return {
    columns: [
      { header: 'id' },
      { header: 'bank', flex: true },
      { header: 'account' },
      { header: 'alias', flex: true },
      { header: 'balance', align: 'right' },
      { header: 'balance at', drop: 2 },
      { header: 'last sync', drop: 1 },
    ],
    rows: rows.map((a) => [
      shortId(a.id),
      a.bankName,
      a.accountNumMasked,
      a.alias + (a.inquiryAgree ? '' : ' (no inquiry consent)') + (a.state === '09' ? ' (closed)' : ''),
      a.balance === null || a.balance === undefined ? '' : formatWon(a.balance),
      formatKstTimestamp(a.balanceAt),
      formatKstTimestamp(a.lastSyncAt),
    ]),
  };
}

/** The accounts a login found (no balances yet). */
export function loginAccountsTable(rows: readonly AccountLike[], v: View): TableModel {
  return {
    columns: [{ header: 'id' }, { header: 'bank', flex: true }, { header: 'account' }, { header: 'alias', flex: true }, { header: 'inquiry' }],
    rows: rows.map((a) => [v.tty ? shortId(a.id) : a.id, a.bankName, a.accountNumMasked, a.alias, a.inquiryAgree ? 'yes' : 'no']),
  };
}

export const TX_PIPE_HEADERS = ['id', 'account', 'date', 'time', 'direction', 'amount', 'balanceAfter', 'memo', 'payee', 'type', 'branch', 'category', 'categoryName', 'categorySource'];

/** tx on a terminal: date, time, signed amount, balance, memo, payee, category, account. */
export function txTable(rows: readonly StoredTransaction[], v: View, payee: (memo: string) => string): TableModel {
  return {
    columns: [
      { header: 'date' },
      { header: 'time', drop: 3 },
      { header: 'amount', align: 'right' },
      { header: 'balance', align: 'right', drop: 1 },
      { header: 'memo', flex: true },
      { header: 'payee', flex: true, drop: 4 },
      { header: 'category' },
      { header: 'account', drop: 2 },
    ],
    rows: rows.map((t): AnyCell[] => [
      t.date,
      t.time.slice(0, 5),
      t.direction === 'in' ? { text: `+${formatNumber(t.amount)}`, style: v.c.green } : { text: `-${formatNumber(t.amount)}`, style: v.c.red },
      t.balanceAfter === null ? '' : formatNumber(t.balanceAfter),
      t.memo,
      payee(t.memo),
      categoryName(t.category) + (t.categorySource === 'label' ? ' *' : ''),
      shortId(t.account),
    ]),
  };
}

export function fixedTable(series: readonly RecurringSeries[], v: View): TableModel {
  if (!v.tty) {
    const headers = ['nextDate', 'memo', 'direction', 'cadence', 'averageAmount', 'lastAmount', 'count', 'firstDate', 'lastDate', 'active', 'category', 'account', 'expectedAmount', 'ownTransfer'];
    return {
      columns: headers.map((header) => ({ header })),
      rows: series.map((s) => [s.nextDate, s.memo, s.direction, s.cadence, s.averageAmount, s.lastAmount, s.count, s.firstDate, s.lastDate, s.active, s.category, s.account, s.expectedAmount, s.ownTransfer === true]),
    };
  }
  return {
    columns: [
      { header: 'next' },
      { header: 'memo', flex: true },
      { header: 'cadence' },
      { header: 'amount', align: 'right' },
      { header: 'last', align: 'right', drop: 2 },
      { header: 'count', align: 'right', drop: 3 },
      { header: 'since', drop: 1 },
      { header: 'category', drop: 5 },
      { header: 'account', drop: 4 },
    ],
    rows: series.map((s): AnyCell[] => [
      s.active ? s.nextDate : { text: `${s.nextDate} (stopped)`, style: v.c.dim },
      s.memo,
      s.cadence,
      (s.direction === 'in' ? '+' : '-') + formatNumber(s.expectedAmount) + (s.amountKind === 'varying' ? ' ~' : ''),
      formatNumber(s.lastAmount),
      s.count,
      s.firstDate,
      s.ownTransfer ? '내 계좌 간 이체 own' : categoryName(s.category),
      shortId(s.account),
    ]),
  };
}

export function labelsTable(labels: ReadonlyArray<{ memo: string; category: string; createdAt: string }>, v: View): TableModel {
  return {
    columns: v.tty ? [{ header: 'memo', flex: true }, { header: 'category' }, { header: 'created', drop: 1 }] : ['memo', 'category', 'createdAt'].map((header) => ({ header })),
    rows: labels.map((l) => [l.memo, v.tty ? `${categoryName(l.category)} (${l.category})` : l.category, v.tty ? l.createdAt.slice(0, 10) : l.createdAt]),
  };
}

export interface CategoryRow {
  id: string;
  name: string;
  builtin: boolean;
  keywords: string[];
  userKeywords: string[];
  count: number;
  amount: number;
}

export function categoriesTable(rows: readonly CategoryRow[], v: View, allKeywords: boolean): TableModel {
  const kw = (r: CategoryRow) => {
    const all = [...r.userKeywords.map((k) => k + '*'), ...r.keywords];
    return allKeywords || !v.tty ? all.join(' ') : all.slice(0, 6).join(' ') + (all.length > 6 ? ` … (+${all.length - 6})` : '');
  };
  return {
    columns: [{ header: 'id' }, { header: 'name' }, { header: 'count', align: 'right' }, { header: 'amount', align: 'right' }, { header: 'keywords', flex: true }],
    rows: rows.map((r) => [r.id, r.name, r.count, v.tty ? formatNumber(r.amount) : r.amount, kw(r)]),
  };
}

export function classifyChangesTable(
  changes: ReadonlyArray<{ memo: string; direction: string; from: string; to: string; count: number; rule?: string | null }>,
  v: View,
): TableModel {
  return {
    columns: [{ header: 'memo', flex: true }, { header: 'direction' }, { header: 'from' }, { header: 'to' }, { header: 'count', align: 'right' }, { header: 'rule', flex: true, drop: 1 }],
    rows: changes.map((c) => [c.memo, c.direction, v.tty ? categoryName(c.from) : c.from, v.tty ? categoryName(c.to) : c.to, c.count, c.rule ?? '']),
  };
}

export function configTable(rows: ReadonlyArray<{ key: string; value: string | null; source: string }>): TableModel {
  return {
    columns: [{ header: 'key' }, { header: 'value', flex: true }, { header: 'source' }],
    rows: rows.map((r) => [r.key, r.value ?? '', r.source]),
  };
}
