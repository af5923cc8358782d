// The text view of `finance status`: labelled lines with the values in one aligned column, outside text (names,
// server messages) sanitized, and a sync error repeated for several accounts shown once with a count.

import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { sanitizeLine } from '../sanitize.js';
import { formatKstTimestamp, formatNumber, formatWon } from './format.js';
import { truncateWidth } from './table.js';

export interface StatusView {
  home: string;
  database: boolean;
  config: Record<string, string | null>;
  user: { userSeqNo: string; userName: string } | null;
  token: { expiresAt: string; daysLeft: number; consentExpiresAt?: string; consentDaysLeft?: number } | null;
  accounts: Array<{ bankName: string; accountNumMasked: string; alias?: string; balance: number | null; lastSyncAt: string | null; lastSyncStatus: string | null }>;
  lastSync: { startedAt: string; status: string; inserted: number; fetched: number; error: string | null } | null;
  transactions: number;
  unclassified: number;
  labels: number;
  possibleGaps: Array<{ account: string; date: string; time?: string; expected: number; actual: number }>;
}

/** "id: message; id: message" (as sync stores it) → each distinct message once, with how many accounts had it. */
export function groupErrors(error: string): string[] {
  const counts = new Map<string, number>();
  for (const part of error.split(/;\s+(?=\d{6,}:)/)) {
    const msg = part.replace(/^\d{6,}:\s*/, '').trim();
    if (msg) counts.set(msg, (counts.get(msg) ?? 0) + 1);
  }
  return [...counts].map(([msg, n]) => (n > 1 ? `${msg} (${n} accounts)` : msg));
}

export function statusText(s: StatusView, c: ChalkInstance, columns?: number): string {
  // Names from the bank are cut to the terminal width (the value column starts after the widest label).
  const fit = (t: string) => (columns === undefined ? t : truncateWidth(t, columns - 16));
  const rows: Array<[string, string]> = [];
  rows.push(['Data directory', `${sanitizeLine(s.home)}${s.database ? '' : ' (no database yet)'}`]);
  const missing = ['clientId', 'clientSecret', 'orgCode'].filter((k) => s.config[k] === null || s.config[k] === 'missing');
  rows.push(['Config', `${sanitizeLine(String(s.config.apiBaseUrl ?? ''))}${missing.length ? c.yellow(` — missing ${missing.join(', ')}`) : ''}`]);
  if (!s.token) rows.push(['Login', "not logged in — run 'finance login'"]);
  else {
    const days = s.token.daysLeft;
    const exp = `expires ${formatKstTimestamp(s.token.expiresAt)} (${days} days left)`;
    rows.push(['Login', `${sanitizeLine(s.user?.userName ?? '')} (${sanitizeLine(s.user?.userSeqNo ?? '')})`]);
    rows.push(['', exp]);
    if (s.token.consentExpiresAt !== undefined && s.token.consentDaysLeft !== undefined) {
      const cd = s.token.consentDaysLeft;
      const at = formatKstTimestamp(s.token.consentExpiresAt);
      const consent = cd < 0 ? [`expired ${at}`, "— run 'finance login' to give consent again"] : [`new consent needed by ${at} (${cd} days left; sync refreshes the token until then)`, "— then run 'finance login'"];
      const one = `${consent[0]} ${consent[1]}`;
      // One line where it fits (and on a pipe); on a narrow terminal the next step goes on its own line.
      if (columns === undefined || stringWidth(one) + 16 <= columns) rows.push(['Consent', cd < 14 ? c.yellow(one) : one]);
      else rows.push(['Consent', cd < 14 ? c.yellow(truncateWidth(consent[0]!, columns - 16)) : truncateWidth(consent[0]!, columns - 16)], ['', consent[1]!]);
    }
  }
  rows.push(['Accounts', String(s.accounts.length)]);
  for (const a of s.accounts) {
    const sync = a.lastSyncAt ? `synced ${formatKstTimestamp(a.lastSyncAt)} ${a.lastSyncStatus ?? ''}`.trimEnd() : 'never synced';
    const bal = a.balance === null ? '-' : formatWon(a.balance);
    rows.push(['', fit(sanitizeLine(`${a.bankName} ${a.accountNumMasked}`))]);
    rows.push(['', `  ${bal}, ${a.lastSyncStatus === 'failed' ? c.yellow(sync) : sync}`]);
  }
  const ls = s.lastSync;
  rows.push(['Last sync', ls ? `${formatKstTimestamp(ls.startedAt)} ${ls.status}` : 'never']);
  if (ls) rows.push(['', `${formatNumber(ls.inserted)} new of ${formatNumber(ls.fetched)} fetched`]);
  if (ls?.error) for (const e of groupErrors(ls.error)) rows.push(['', c.yellow(sanitizeLine(e))]);
  rows.push(['Transactions', `${formatNumber(s.transactions)} (${formatNumber(s.unclassified)} unclassified)`]);
  rows.push(['Labels', formatNumber(s.labels)]);
  if (s.possibleGaps.length > 0) {
    rows.push(['Possible gaps', c.yellow(`${s.possibleGaps.length} break(s) in a balance chain`)]);
    rows.push(['', c.yellow("run 'finance sync --repair' to read them again")]);
    for (const g of s.possibleGaps.slice(0, 10)) {
      rows.push(['', c.yellow(`…${g.account.slice(-6)} ${g.date}${g.time ? ` ${g.time}` : ''}`)]);
      rows.push(['', c.yellow(`  expected ${formatWon(g.expected)}, bank ${formatWon(g.actual)}`)]);
    }
    if (s.possibleGaps.length > 10) rows.push(['', c.yellow(`… and ${s.possibleGaps.length - 10} more`)]);
  }
  const w = Math.max(...rows.map(([k]) => stringWidth(k)));
  return rows.map(([k, v]) => `${c.bold(k)}${' '.repeat(w - stringWidth(k) + 2)}${v}`).join('\n');
}
