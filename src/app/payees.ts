// Payees for commands: brings the stored memo → payee table up to date (new rows, or new payee rules) and answers
// which memos a search text matches through their payee or initial consonants.

import { PAYEE_VERSION, payeeOf, searchMatcher } from '../domain/payee.js';
import type { Store } from '../store/index.js';

/** memo → payee for every stored memo. */
export function loadPayees(store: Store): Map<string, string> {
  store.payees.fill(PAYEE_VERSION, payeeOf);
  return new Map(store.payees.all().map((r) => [r.memo, r.payee]));
}

/** The stored memos that `query` finds through the memo text, the payee, or initial consonants (ㅅㅌㅂㅅ). */
export function memosMatching(payees: ReadonlyMap<string, string>, query: string): string[] {
  const matches = searchMatcher(query);
  const out: string[] = [];
  for (const [memo, payee] of payees) if (matches(memo, payee)) out.push(memo);
  return out;
}

/** Spending per payee from..to (outgoing, own transfers left out): the memo sums grouped by their payee. */
export function spendingByPayee(store: Store, from: string, to: string): Array<{ payee: string; amount: number; count: number }> {
  const payees = loadPayees(store);
  const byPayee = new Map<string, { payee: string; amount: number; count: number }>();
  for (const m of store.payees.spendingByMemo(from, to)) {
    const payee = payees.get(m.memo) ?? payeeOf(m.memo);
    const e = byPayee.get(payee);
    if (e) (e.amount += m.amount), (e.count += m.count);
    else byPayee.set(payee, { payee, amount: m.amount, count: m.count });
  }
  return [...byPayee.values()];
}
