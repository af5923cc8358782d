// Pure journal writers for `export`: ledger/hledger and beancount text (with opening balances and the bank's balances
// as assertions) and transaction CSV, produced as a stream of text chunks from rows in date order.

import { categoryName } from './categories.js';
import { addDaysIso } from './kst.js';
import type { Direction, Transaction } from './types.js';

export type JournalFormat = 'ledger' | 'beancount';

export interface JournalAccount {
  id: string;
  bankCode: string;
  bankName: string;
  accountNumMasked: string;
  alias: string;
}

/** A stored transaction as the journal writers need it. */
export interface JournalRow extends Transaction {
  id: number;
  category: string;
  categorySource: string;
  ownTransfer: number | null;
  /** the merchant as a person names it (domain/payee.ts); journals group by it */
  payee?: string;
}

export interface JournalMeta {
  accounts: readonly JournalAccount[];
  /** accounts with rows in the export, with the date of their first row */
  firstDates: ReadonlyArray<{ account: string; date: string }>;
  categories: ReadonlyArray<{ direction: Direction; category: string }>;
}

export const OPENING = 'Equity:Opening-Balances';
/** Counter-account for gaps in the bank's balance chain (missing history), so every assertion still holds. */
export const UNRECONCILED = 'Equity:Unreconciled';

// ASCII abbreviations of common bank codes, for beancount's ASCII-safe account names.
const BANK_ABBREV: Record<string, string> = {
  '002': 'KDB', '003': 'IBK', '004': 'KB', '007': 'Suhyup', '011': 'NH', '012': 'NH', '020': 'Woori', '023': 'SC',
  '027': 'Citi', '031': 'IM', '032': 'Busan', '034': 'Gwangju', '035': 'Jeju', '037': 'Jeonbuk', '039': 'Kyongnam',
  '045': 'MG', '048': 'Shinhyup', '050': 'Savings', '071': 'Post', '081': 'Hana', '088': 'Shinhan', '089': 'Kbank',
  '090': 'Kakao', '092': 'Toss',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A ledger/hledger account name component: no ':' or ';', no runs of spaces (two spaces end the name). */
function ledgerComponent(s: string): string {
  return s.replace(/[:;\s]+/g, '-').replace(/^-+|-+$/g, '') || 'X';
}

/** A beancount component: starts with A–Z or a digit, then letters, digits and '-'; non-ASCII names are hashed. */
function beancountComponent(s: string): string {
  const ascii = capitalise(s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, ''));
  if (/^[^\x00-\x7f]/.test(s) || !/^[A-Z0-9]/.test(ascii)) return `U${fnv1a(s)}`;
  return ascii;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Asset account names per stored account; duplicates (same bank and masked number) get the id's tail. */
export function assetAccountNames(format: JournalFormat, accounts: readonly JournalAccount[]): Map<string, string> {
  const base = (a: JournalAccount) =>
    format === 'ledger'
      ? `Assets:Bank:${ledgerComponent(a.bankName || a.bankCode)}:${ledgerComponent(a.accountNumMasked || a.id.slice(-6))}`
      : `Assets:Bank:${BANK_ABBREV[a.bankCode] ?? `B${a.bankCode.replace(/[^A-Za-z0-9]/g, '')}`}-${
          a.accountNumMasked.replace(/\*/g, 'X').replace(/[^A-Za-z0-9]/g, '') || a.id.slice(-6).replace(/[^A-Za-z0-9]/g, 'X')
        }`;
  const names = accounts.map(base);
  return new Map(
    accounts.map((a, i) => {
      const dup = names.indexOf(names[i]!) !== names.lastIndexOf(names[i]!);
      const tail = a.id.slice(-4).replace(/[^A-Za-z0-9]/g, 'X');
      return [a.id, dup ? `${names[i]}-${tail}` : names[i]!];
    }),
  );
}

/** Expenses:<Category> for money out, Income:<Category> for money in (e.g. Expenses:Food, Income:Salary). */
export function categoryAccount(format: JournalFormat, direction: Direction, category: string): string {
  const root = direction === 'out' ? 'Expenses' : 'Income';
  return `${root}:${format === 'ledger' ? capitalise(ledgerComponent(category)) : beancountComponent(category)}`;
}

/** Text for a ledger/hledger transaction line: one line, and no ';' (hledger starts a comment there). */
export function ledgerPayee(memo: string): string {
  return memo.replace(/[\r\n\t]+/g, ' ').replace(/;/g, '；').trim() || '-';
}

/** A beancount double-quoted string. */
export function beancountString(s: string): string {
  return `"${s.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const krw = (n: number) => `${n} KRW`;

interface Posting {
  account: string;
  amount: number;
  /** the stored account id for bank postings (they carry balance assertions) */
  bank?: string;
  assert?: number;
}

interface Entry {
  date: string;
  id: number | null;
  text: string;
  /** the payee when it differs from the memo (`text`) */
  payee?: string;
  postings: Posting[];
  meta: string[];
}

/** The journal as text chunks: header, then each day's entries. `rows` must be in (date, time, id) order. */
export function* journalChunks(format: JournalFormat, meta: JournalMeta, rows: Iterable<JournalRow>): Generator<string> {
  const names = assetAccountNames(format, meta.accounts);
  yield header(format, meta, names);
  const running = new Map<string, number>();
  let day: JournalRow[] = [];
  for (const r of rows) {
    if (day.length > 0 && r.date !== day[0]!.date) {
      yield dayText(format, day, names, running);
      day = [];
    }
    day.push(r);
  }
  if (day.length > 0) yield dayText(format, day, names, running);
}

function header(format: JournalFormat, meta: JournalMeta, names: Map<string, string>): string {
  const used = new Set(meta.firstDates.map((f) => f.account));
  const accounts = meta.accounts.filter((a) => used.has(a.id));
  const describe = (a: JournalAccount) => [a.bankName, a.accountNumMasked, a.alias].filter(Boolean).join(' ');
  if (format === 'ledger') {
    const lines = ['; finance export (ledger/hledger). Amounts in whole won.', 'commodity KRW', ''];
    for (const a of accounts) lines.push(`account ${names.get(a.id)}`, `    ; ${describe(a)}`);
    const categories = new Set(meta.categories.map((c) => categoryAccount(format, c.direction, c.category)));
    for (const c of [...categories, OPENING, UNRECONCILED]) lines.push(`account ${c}`);
    return lines.join('\n') + '\n\n';
  }
  const start = meta.firstDates.map((f) => f.date).sort()[0] ?? '1970-01-01';
  const lines = ['; finance export (beancount). Amounts in whole won.', 'option "operating_currency" "KRW"', ''];
  for (const a of accounts) {
    const first = meta.firstDates.find((f) => f.account === a.id)!.date;
    lines.push(`${first} open ${names.get(a.id)} KRW`, `  bank: ${beancountString(a.bankName)}`);
    lines.push(`  number: ${beancountString(a.accountNumMasked)}`, `  fintech-use-num: ${beancountString(a.id)}`);
    if (a.alias) lines.push(`  alias: ${beancountString(a.alias)}`);
  }
  const opened = new Set<string>();
  for (const c of meta.categories) {
    const name = categoryAccount(format, c.direction, c.category);
    if (opened.has(name)) continue;
    opened.add(name);
    lines.push(`${start} open ${name} KRW`, `  category: ${beancountString(c.category)}`, `  name: ${beancountString(categoryName(c.category))}`);
  }
  lines.push(`${start} open ${OPENING} KRW`, `${start} open ${UNRECONCILED} KRW`);
  return lines.join('\n') + '\n\n';
}

function dayText(format: JournalFormat, rows: readonly JournalRow[], names: Map<string, string>, running: Map<string, number>): string {
  const date = rows[0]!.date;
  const entries: Entry[] = [];
  const dayEnd = new Map<string, number>();
  // The bank's balance before each row must continue the running balance; an opening or a gap becomes an entry.
  for (const r of rows) {
    const known = running.get(r.account);
    // A row the bank sent without a balance continues the running one (no assertion can be made about it).
    const after = r.balanceAfter ?? (known ?? 0) + (r.direction === 'in' ? r.amount : -r.amount);
    const before = r.direction === 'in' ? after - r.amount : after + r.amount;
    const diff = before - (known ?? 0);
    if (diff !== 0) {
      const opening = known === undefined;
      entries.push({
        date,
        id: null,
        text: opening ? 'Opening balance' : 'Balance gap in the bank history (missing transactions)',
        postings: [
          { account: names.get(r.account)!, amount: diff, bank: r.account },
          { account: opening ? OPENING : UNRECONCILED, amount: -diff },
        ],
        meta: [],
      });
    }
    running.set(r.account, after);
    dayEnd.set(r.account, after);
  }

  const pairs = new Map<number, JournalRow[]>();
  for (const r of rows) if (r.ownTransfer !== null) pairs.set(r.ownTransfer, [...(pairs.get(r.ownTransfer) ?? []), r]);
  const done = new Set<number>();
  for (const r of rows) {
    if (done.has(r.id)) continue;
    const pair = r.ownTransfer === null ? undefined : pairs.get(r.ownTransfer);
    const out = pair?.find((p) => p.direction === 'out');
    const into = pair?.find((p) => p.direction === 'in');
    const bank = (x: JournalRow): Posting => ({ account: names.get(x.account)!, amount: x.direction === 'in' ? x.amount : -x.amount, bank: x.account });
    if (pair?.length === 2 && out && into && out.account !== into.account) {
      done.add(out.id).add(into.id);
      entries.push({ date, id: out.id, text: out.memo, postings: [bank(out), bank(into)], meta: [`time: ${out.time}`, `to: ${into.memo}`] });
      continue;
    }
    const counter = { account: categoryAccount(format, r.direction, r.category), amount: r.direction === 'in' ? -r.amount : r.amount };
    const info = [`time: ${r.time}`, ...(r.type ? [`type: ${r.type}`] : []), ...(r.branch ? [`branch: ${r.branch}`] : [])];
    const payee = r.payee !== undefined && r.payee !== '' && r.payee !== r.memo.trim() ? r.payee : undefined;
    entries.push({ date, id: r.id, text: r.memo, payee, postings: [bank(r), counter], meta: info });
  }

  if (format === 'ledger') {
    const seen = new Set<string>();
    for (let i = entries.length - 1; i >= 0; i--) {
      for (const p of [...entries[i]!.postings].reverse()) {
        if (p.bank === undefined || seen.has(p.bank)) continue;
        seen.add(p.bank);
        p.assert = dayEnd.get(p.bank)!;
      }
    }
    return entries.map(ledgerEntry).join('');
  }
  const next = addDaysIso(date, 1);
  const balances = [...dayEnd].map(([account, balance]) => `${next} balance ${names.get(account)} ${krw(balance)}\n`);
  return entries.map(beancountEntry).join('') + balances.join('') + '\n';
}

function ledgerEntry(e: Entry): string {
  // hledger reads "payee | note" in the description; ledger takes its payee from the Payee tag.
  const description = e.payee === undefined ? ledgerPayee(e.text) : `${ledgerPayee(e.payee).replace(/\|/g, '¦')} | ${ledgerPayee(e.text)}`;
  const lines = [`${e.date} *${e.id === null ? '' : ` (${e.id})`} ${description}`];
  if (e.payee !== undefined) lines.push(`    ; Payee: ${ledgerPayee(e.payee)}`);
  for (const m of e.meta) lines.push(`    ; ${ledgerPayee(m)}`);
  for (const p of e.postings) lines.push(`    ${p.account}  ${krw(p.amount)}${p.assert === undefined ? '' : ` = ${krw(p.assert)}`}`);
  return lines.join('\n') + '\n\n';
}

function beancountEntry(e: Entry): string {
  // beancount: * "payee" "narration"
  const lines = [`${e.date} * ${e.payee === undefined ? '' : beancountString(e.payee) + ' '}${beancountString(e.text)}`];
  if (e.id !== null) lines.push(`  id: "${e.id}"`);
  for (const m of e.meta) {
    const [key, ...rest] = m.split(': ');
    lines.push(`  ${key}: ${beancountString(rest.join(': '))}`);
  }
  for (const p of e.postings) lines.push(`  ${p.account}  ${krw(p.amount)}`);
  return lines.join('\n') + '\n';
}

export const EXPORT_CSV_HEADERS = [
  'id', 'account', 'date', 'time', 'direction', 'amount', 'balanceAfter', 'memo', 'type', 'branch', 'category',
  'categoryName', 'categorySource', 'payee',
] as const;

/** One CSV row per transaction, in the order of EXPORT_CSV_HEADERS. */
export function exportCsvRow(r: JournalRow): unknown[] {
  return [r.id, r.account, r.date, r.time, r.direction, r.amount, r.balanceAfter, r.memo, r.type, r.branch, r.category,
    categoryName(r.category), r.categorySource, r.payee ?? r.memo];
}
