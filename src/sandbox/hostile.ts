// Hostile outside text for terminal-safety tests (`controlText`): memos, an alias and a bank name carrying escape
// sequences, a lone carriage return, C1 controls and a bidi override, placed deterministically in a household.

import type { Dictionaries, TxColumns } from './columns.js';

const ESC = '\u001b';
const BEL = '\u0007';

/** One memo per kind of trouble; each still reads as a memo once the control characters are gone. */
export const HOSTILE_MEMOS: readonly string[] = [
  `${ESC}[2J${ESC}[H스타벅스강남점`, // clear screen, cursor home
  `${ESC}]0;pwned${BEL}GS25역삼점`, // set the window title
  '쿠팡\r환불완료', // a lone carriage return overwrites the start of the line
  '\u009b31m카카오페이', // C1 CSI (8-bit ESC[): red text on terminals that honour C1
  '\u202e이마트\u202c24', // RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING
];

export const HOSTILE_ALIAS = `월급${ESC}[2J\u202e통장\u202c`;
export const HOSTILE_BANK_NAME = `${ESC}]0;title${BEL}국민\r은행\u009b1m`;

/** How many of each account's newest plain rows get a hostile memo (so `tx --limit 5` shows them). */
const NEWEST = 5;
/** Beyond those, every Nth plain row gets one too, so any window of history holds some. */
const EVERY = 23;

/**
 * Rewrites memos of plain (non-series) rows so recurring series and their truth stay intact, and the alias of the
 * first account and the bank name of the second (the first when there is only one). Same input ⇒ same rows changed.
 */
export function injectControlText(accounts: Array<{ alias: string; bankName: string; columns: TxColumns }>,
  dict: Dictionaries): void {
  const ids = HOSTILE_MEMOS.map((m) => dict.memo.id(m));
  accounts.forEach((a, k) => {
    const cols = a.columns;
    let placed = 0;
    for (let i = cols.length - 1; i >= 0; i--) {
      if (cols.series[i] !== 0) continue;
      const newest = placed < NEWEST;
      if (newest || i % EVERY === 0) {
        cols.memo[i] = ids[(placed + k) % ids.length] as number;
        placed++;
      }
    }
  });
  const first = accounts[0];
  if (first) first.alias = HOSTILE_ALIAS;
  const bank = accounts[1] ?? accounts[0];
  if (bank) bank.bankName = HOSTILE_BANK_NAME;
}
