// One account's transactions: its month windows read in order, each checked (balance chain, re-read once when it
// breaks), stored with the checkpoint rules, and the account's failure named when a window could not be read whole.
//
// Checkpoint rules (accounts.synced_through: every window up to it was read whole):
// - it moves only over windows whose page chain ended with next_page_yn 'N', and never over a gap;
// - an incomplete window stops it for the rest of the run and lowers it to the day before that window, so the next
//   run fetches the window again; its rows are stored all the same (they are real, and the dedup key keeps it exact);
// - rows the bank sends outside the asked dates are stored too, but move nothing: a server that answers two different
//   windows with the same rows ignores the dates, so it is asked no further.

import type { Classifier } from '../domain/classify.js';
import { addDaysIso } from '../domain/kst.js';
import type { Transaction } from '../domain/types.js';
import { AuthError, DataError, InterruptedError, TemporaryError } from '../errors.js';
import type { OpenBankingClient } from '../openbanking/client.js';
import { INCOMPLETE_TEXT, type IncompleteReason } from '../openbanking/types.js';
import type { Store } from '../store/index.js';
import type { NewTransaction } from '../store/transactions-repo.js';
import type { Context } from './context.js';
import { checkChain, fetchWindow, monthWindows, planWindows, prepareRows, rowsSignature, type ChainBreak, type FetchedWindow, type Window } from './sync-window.js';
import type { TokenProvider } from './tokens.js';
import type { RequestLimiter } from './sync-limiter.js';

/**
 * Rows of finished month windows committed in one transaction (bounded memory, few WAL rewrites). Every account in
 * flight holds up to this many: 4,000 keeps a 1M-row first sync of 3 accounts under 250 MB (10,000 reached 274 MB).
 */
export const FLUSH_ROWS = 4_000;

/** Windows read ahead of the one being stored, per request slot (3 per slot was no faster at 150 ms, and cost memory). */
export const READ_AHEAD = 1;

/** A window whose page chain ended early: its rows were stored, the checkpoint stays before it. */
export class IncompleteWindowError extends DataError {}

/** The run deadline passed: what was stored stays, the rest waits for the next run. */
export class DeadlineError extends TemporaryError {}

export interface AccountDeps {
  ctx: Context;
  store: Store;
  client: OpenBankingClient;
  auth: TokenProvider;
  classifier: Classifier;
  /** epoch ms after which no new window is started */
  deadline: number | null;
  /** bounds the requests in flight across the run; its limit is also how many windows an account reads ahead */
  limiter: RequestLimiter;
}

export interface AccountProgress {
  fetched: number;
  inserted: number;
  memoUpdates: number;
  refetched: number;
  /** 기타 rows left out */
  skipped: number;
  chainBreaks: ChainBreak[];
  /** set when the server answered two different windows with the same rows */
  ignoresDates?: boolean;
}

export function deadlinePassed(deps: AccountDeps): boolean {
  return deps.deadline !== null && Date.now() >= deps.deadline;
}

/**
 * Where the history of a long range really starts: one request over the whole range (oldest first) shows the first
 * transaction, so a first sync reaching back years does not ask month by month through empty ones. Null when the
 * range holds nothing. A server that refuses so long a range just means the months are asked one by one.
 */
export async function firstActiveDay(deps: AccountDeps, account: string, from: string, to: string): Promise<string | null> {
  const { ctx, client, auth } = deps;
  if (monthWindows(from, to).length <= 3) return from;
  try {
    const first = await deps.limiter.run(async () => {
      const pages = client.transactionPages(auth, { fintechUseNum: account, from, to, sortOrder: 'A' });
      const page = await pages.next();
      await pages.return(undefined);
      return page;
    });
    if (first.done) return null;
    const dates = first.value.rows.map((t) => t.date).filter((d) => d >= from && d <= to);
    // Rows only outside the range (a server that ignores dates) or a chain that is not finished prove nothing.
    if (dates.length === 0) return first.value.nextPage || first.value.rows.length > 0 ? from : null;
    // Trusted only when the page really is oldest first; a server that ignores sort_order gets every month asked.
    const ascending = dates.every((d, i) => i === 0 || dates[i - 1]! <= d);
    return ascending ? dates[0]! : from;
  } catch (e) {
    if (e instanceof AuthError || ctx.signal.aborted) throw e;
    ctx.io.debug(`transaction_list over ${from}..${to} failed (${(e as Error).message}); asking month by month`);
    return from;
  }
}

/** Checks one window as read, and reads it once more when its balance chain breaks (a page the bank sent out of step). */
async function checkedWindow(
  deps: AccountDeps,
  account: string,
  f: FetchedWindow,
  prev: number | null,
  p: AccountProgress,
): Promise<{ f: FetchedWindow; breaks: ChainBreak[]; last: number | null }> {
  const { ctx, client, auth, limiter } = deps;
  const w = f.window;
  p.fetched += f.rows.length;
  const chain = checkChain(f.rows, w, prev);
  if (chain.breaks.length === 0) return { f, ...chain };
  ctx.io.debug(`account ${account}: ${chain.breaks.length} break(s) in the balance chain in ${w.from}..${w.to}; reading the window again`);
  p.refetched++;
  const again = await limiter.run(() => fetchWindow(client, auth, account, w, ctx.signal));
  const chain2 = checkChain(again.rows, w, prev);
  // The second answer wins when it is at least as whole and its chain at least as sound.
  if ((!again.incomplete || f.incomplete) && chain2.breaks.length <= chain.breaks.length) return { f: again, ...chain2 };
  return { f, ...chain };
}

/**
 * Syncs the transactions of [from, to] (or only `windows`, for a repair) of one account. Throws IncompleteWindowError
 * when a window could not be read whole (after storing what it could), DeadlineError when the run deadline passed.
 */
export async function syncAccountWindows(
  deps: AccountDeps,
  account: string,
  range: { from: string; to: string } | { repair: Window[] },
  p: AccountProgress,
  onPage: (rows: number, date: string) => void,
): Promise<void> {
  const { ctx, store, classifier } = deps;
  const repair = 'repair' in range;
  let windows: Window[];
  if ('repair' in range) windows = range.repair;
  else {
    const start = await firstActiveDay(deps, account, range.from, range.to);
    if (start === null) {
      // Nothing in the whole range, read whole: the range is done.
      store.transactions.storeBatch(account, [], { checkpoint: { from: range.from, through: range.to } });
      return;
    }
    windows = planWindows(start, range.to);
  }

  let pending: NewTransaction[] = [];
  let pendingCheckpoint = null as { from: string; through: string } | null;
  let pendingBreaks: Array<{ from: string; to: string; complete: boolean; list: ChainBreak[] }> = [];
  let cap = null as string | null;
  const flush = () => {
    if (pending.length === 0 && pendingCheckpoint === null && pendingBreaks.length === 0 && cap === null) return;
    const r = store.transactions.storeBatch(account, pending, { checkpoint: pendingCheckpoint, cap, breaks: pendingBreaks });
    p.inserted += r.inserted;
    p.memoUpdates += r.memoUpdates;
    pending = [];
    pendingCheckpoint = null;
    pendingBreaks = [];
    cap = null;
  };

  let firstIncomplete: { w: Window; why: IncompleteReason; rows: number } | null = null;
  let prevRows: readonly Transaction[] = [];
  let prevWindow: Window | null = null;
  let checkpointBeforePrev: { from: string; through: string } | null = null;
  let deadlineHit: Window | null = null;
  // The balance chain continues from the last stored row with a balance before the first window.
  let prev = windows.length > 0 ? (store.transactions.lastBefore(account, windows[0]!.from)?.balanceAfter ?? null) : null;
  // Windows are read ahead (as many as the limiter allows in flight) while earlier ones are checked and stored, always
  // in window order; the pages inside one window stay sequential (each needs the previous trace).
  const { client, auth, limiter } = deps;
  // null once a window is consumed: its rows are stored and must not stay reachable (1M rows would stay in memory).
  const reads: Array<Promise<FetchedWindow> | null | undefined> = [];
  const startRead = (i: number): void => {
    if (i >= windows.length || reads[i] !== undefined || deadlinePassed(deps) || ctx.signal.aborted) return;
    const read = limiter.run(() => fetchWindow(client, auth, account, windows[i]!, ctx.signal, onPage));
    read.catch(() => {}); // a read-ahead that fails is reported when its turn comes (or not at all)
    reads[i] = read;
  };
  try {
    for (const [i, w] of windows.entries()) {
      // The first two windows are read one by one: a server that answers both with the same rows (it ignores the
      // dates) is then asked nothing more; after them, READ_AHEAD × the limit are read ahead (the limiter still bounds
      // what is in flight).
      for (let k = i; k < i + (i < 2 ? 1 : READ_AHEAD * limiter.limit); k++) startRead(k);
      const read = reads[i];
      reads[i] = null;
      if (read === undefined || read === null) {
        if (ctx.signal.aborted) throw new InterruptedError('interrupted');
        deadlineHit = w;
        break;
      }
      if (repair) prev = store.transactions.lastBefore(account, w.from)?.balanceAfter ?? null;
      const { f, breaks, last } = await checkedWindow(deps, account, await read, prev, p);
      prev = last;
      p.skipped += f.skipped;
      // The fingerprints (every row's key, sorted) are only built when the two windows could be equal at all.
      const ignoresDates = !repair && sameRows(f.rows, prevRows);
      prevRows = f.rows;

      // One by one, not push(...rows): a spread of a very large window would overflow the call stack.
      for (const row of prepareRows(account, f.rows, classifier)) pending.push(row);
      pendingBreaks.push({ from: w.from, to: w.to, complete: !f.incomplete && !ignoresDates, list: breaks });
      for (const b of breaks) p.chainBreaks.push(b);
      if (f.incomplete && !firstIncomplete) firstIncomplete = { w, why: f.incomplete, rows: f.rows.length };
      if (ignoresDates) {
        // Neither of the two windows that got the same answer was really read: the checkpoint stays before both.
        pendingCheckpoint = checkpointBeforePrev;
        const before = addDaysIso(prevWindow!.from, -1);
        cap = cap === null || before < cap ? before : cap;
        flush();
      } else if (firstIncomplete) {
        // Nothing from here on moves the checkpoint; it stays before the first window not read whole.
        const before = addDaysIso(firstIncomplete.w.from, -1);
        cap = cap === null || before < cap ? before : cap;
        flush();
      } else if (!repair) {
        checkpointBeforePrev = pendingCheckpoint;
        pendingCheckpoint = { from: pendingCheckpoint?.from ?? w.from, through: w.to };
      }
      if (ignoresDates) {
        p.ignoresDates = true;
        ctx.io.debug(`account ${account}: the server answered ${prevWindow!.from}..${prevWindow!.to} and ${w.from}..${w.to} with the same rows; it ignores the dates, so no further window is asked`);
        break;
      }
      prevWindow = w;
      if (pending.length >= FLUSH_ROWS) flush();
    }
  } finally {
    // Whole windows already read are stored even when a later one fails or Ctrl-C arrives; each commit carries the
    // checkpoint of its last window, so rows and checkpoint land together or not at all.
    flush();
  }
  if (firstIncomplete) {
    const { w, why, rows } = firstIncomplete;
    throw new IncompleteWindowError(
      `transactions of ${w.from}..${w.to} are incomplete: next_page_yn was Y but ${INCOMPLETE_TEXT[why]} (${rows} rows stored)`,
      'the next finance sync fetches this period again',
    );
  }
  if (deadlineHit) {
    throw new DeadlineError(`the sync deadline passed before ${deadlineHit.from}; what was fetched is stored`, 'run finance sync again to continue (or raise --deadline)');
  }
}

/** Whether two windows hold the same rows (as a multiset): what a server that ignores the dates answers every time. */
function sameRows(a: readonly Transaction[], b: readonly Transaction[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  return rowsSignature(a) === rowsSignature(b);
}
