// What `--account` accepts, for every command that has it (tx, sync, fixed, …): the full id, the last digits tables
// show (`…665651` or `665651`), the alias, or the bank name (or masked number) when it names exactly one account.
// Ambiguous or unknown → usage error (64) naming the candidates.

import { UsageError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import type { AccountRef } from '../store/accounts-repo.js';
import type { Store } from '../store/index.js';

const describe = (a: AccountRef) => sanitizeLine(`…${a.id.slice(-6)} ${a.bankName} ${a.accountNumMasked}${a.alias ? ` (${a.alias})` : ''}`);
const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** Pure: the accounts `arg` names, by the first rule that matches any (id, last digits, alias, bank, masked number). */
export function matchAccounts(accounts: readonly AccountRef[], arg: string): AccountRef[] {
  const a = norm(arg);
  const digits = a.replace(/^(…|\.\.\.)/, '');
  const rules: Array<(x: AccountRef) => boolean> = [
    (x) => x.id === arg.trim(),
    (x) => /^\d{2,}$/.test(digits) && x.id.endsWith(digits),
    (x) => x.alias !== '' && norm(x.alias) === a,
    (x) => norm(x.bankName) === a,
    (x) => a.length >= 2 && norm(x.bankName).includes(a),
    (x) => /^\d{3,}\**$/.test(a) && x.accountNumMasked.replace(/\*+$/, '').startsWith(a.replace(/\*+$/, '')),
  ];
  for (const rule of rules) {
    const found = accounts.filter(rule);
    if (found.length > 0) return found;
  }
  return [];
}

/** The account id `arg` names, or a usage error listing the candidates (ambiguous) or the accounts (unknown). */
export function resolveAccount(store: Store, arg: string): string {
  const accounts = store.accounts.refs();
  const found = matchAccounts(accounts, arg);
  if (found.length === 1) return found[0]!.id;
  const shown = sanitizeLine(arg);
  if (found.length > 1) {
    throw new UsageError(`--account '${shown}' names ${found.length} accounts: ${found.map(describe).join(', ')}`, 'give more digits of the id, or the alias');
  }
  if (accounts.length === 0) throw new UsageError(`--account '${shown}': no accounts stored yet`, "run 'finance login' first");
  throw new UsageError(`no account matches --account '${shown}'`, `accounts: ${accounts.map(describe).join(', ')}`);
}
