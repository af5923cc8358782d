// `finance sync`: per account a balance snapshot, then transactions month by month, page by page; each page committed
// with the account checkpoint. Idempotent (dedup key + occurrence index), classifies as it stores, checks the
// balance chain, and keeps going when one account fails.

import type { Context } from './context.js';
import { addDaysIso, addMonthsIso, kstDate } from '../domain/kst.js';
import type { Transaction } from '../domain/types.js';
import { AuthError, FinanceError, InterruptedError, TemporaryError, UsageError } from '../errors.js';
import type { Classifier } from '../domain/classify.js';
import type { NewTransaction, StoredTransaction } from '../store/transactions-repo.js';
import type { Store } from '../store/index.js';
import type { OpenBankingClient } from '../openbanking/client.js';
import { loadClassifier, reclassifyAll, rowEvidence } from './classifier.js';
import { acquireSyncLock } from './lock.js';
import type { TokenProvider } from './tokens.js';
import { openSession, tokenProvider } from './session.js';
import { toAccountInfo } from './login.js';

/** Days re-read before the newest stored date, to catch rows the bank posted late. */
export const OVERLAP_DAYS = 3;

/** Rows of finished month windows committed in one transaction (bounded memory, few WAL rewrites). */
export const FLUSH_ROWS = 10_000;

export interface SyncOptions {
  from?: string;
  to?: string;
  account?: string;
  wait: boolean;
  onProgress?: (p: { account: string; index: number; total: number; fetched: number; date: string }) => void;
}

export interface AccountSyncResult {
  id: string;
  fetched: number;
  inserted: number;
  status: 'ok' | 'failed';
  error?: string;
  chainBreaks?: number;
}

export interface SyncResult {
  accounts: AccountSyncResult[];
  inserted: number;
  fetched: number;
  ms: number;
  ownTransfersPaired: number;
  exitError?: FinanceError;
}

/** What the per-account steps share. */
interface AccountDeps {
  ctx: Context;
  store: Store;
  client: OpenBankingClient;
  auth: TokenProvider;
  classifier: Classifier;
}

/** Month-sized windows covering [from, to]. */
export function monthWindows(from: string, to: string): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  let start = from;
  while (start <= to) {
    const end = addDaysIso(addMonthsIso(start.slice(0, 8) + '01', 1), -1);
    out.push({ from: start, to: end < to ? end : to });
    start = addDaysIso(end, 1);
  }
  return out;
}

/**
 * Where the history of a long range really starts: one request over the whole range (oldest first) shows the first
 * transaction, so a first sync reaching back years does not ask month by month through empty ones. Null when the
 * range holds nothing. A server that refuses so long a range just means the months are asked one by one.
 */
async function firstActiveDay(deps: AccountDeps, account: string, from: string, to: string): Promise<string | null> {
  const { ctx, client, auth } = deps;
  if (monthWindows(from, to).length <= 3) return from;
  try {
    const pages = client.transactionPages(auth, { fintechUseNum: account, from, to, sortOrder: 'A' });
    const first = await pages.next();
    await pages.return(undefined);
    if (first.done) return null;
    const dates = first.value.rows.map((t) => t.date).filter((d) => d >= from && d <= to);
    if (dates.length === 0) return first.value.nextPage ? from : null;
    // Trusted only when the page really is oldest first; a server that ignores sort_order gets every month asked.
    const ascending = dates.every((d, i) => i === 0 || dates[i - 1]! <= d);
    return ascending ? dates[0]! : from;
  } catch (e) {
    if (e instanceof AuthError || ctx.signal.aborted) throw e;
    ctx.io.debug(`transaction_list over ${from}..${to} failed (${(e as Error).message}); asking month by month`);
    return from;
  }
}

/**
 * Oldest first by date and time. Rows with the same date and time keep the server's order when it sent oldest first,
 * and are reversed when it sent newest first, so the balance chain reads in posting order either way.
 */
export function inAscendingOrder(rows: Transaction[]): Transaction[] {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    sorted = a.date < b.date || (a.date === b.date && a.time <= b.time);
  }
  if (sorted) return rows; // the common case: the server honoured sort_order=A
  const first = rows[0];
  const last = rows.at(-1);
  const descending = first !== undefined && last !== undefined && first.date + first.time > last.date + last.time;
  const list = descending ? [...rows].reverse() : rows;
  return list
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.t.time < b.t.time ? -1 : a.t.time > b.t.time ? 1 : a.i - b.i))
    .map((x) => x.t);
}

function dedupKey(t: Transaction): string {
  return `${t.date}|${t.time}|${t.direction}|${t.amount}|${t.balanceAfter}|${t.memo}`;
}

export async function runSync(ctx: Context, opts: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  if (opts.from && opts.to && opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
  const home = ctx.ensureHome();
  // The lock comes before any database or network access, so a second sync leaves everything untouched.
  const lock = await acquireSyncLock(home, { wait: opts.wait, signal: ctx.signal });
  try {
    const session = await openSession(ctx);
    const { store, client } = session;
    const auth = tokenProvider(ctx, session);
    const config = await ctx.config();
    // The previous holder died mid-run: its sync_runs row says 'running' forever unless closed here.
    if (lock.takenOver) store.syncs.closeAbandoned(ctx.now().toISOString());
    const runId = store.syncs.start(ctx.now().toISOString());
    const today = kstDate(ctx.now());
    // Nothing can be posted after today (KST); a later --to is read as today rather than sent to the bank.
    const to = opts.to && opts.to < today ? opts.to : today;

    // Refresh the account list (new registrations); keep the stored one if this fails for a non-auth reason.
    try {
      const listed = await client.accountList(auth, auth.userSeqNo);
      store.accounts.replaceListed(listed.map(toAccountInfo));
    } catch (e) {
      if (e instanceof AuthError) throw e;
      ctx.io.debug(`account/list failed, using the stored accounts: ${(e as Error).message}`);
    }
    let accounts = store.accounts.list().filter((a) => a.listed && a.inquiryAgree);
    if (opts.account) {
      accounts = store.accounts.list().filter((a) => a.id === opts.account);
      if (accounts.length === 0) throw new UsageError(`no account with id ${opts.account}`, "see 'finance accounts' for the ids");
    }
    const classifier = loadClassifier(store);
    const deps: AccountDeps = { ctx, store, client, auth, classifier };
    const lastIdBefore = store.transactions.maxId();
    const results: AccountSyncResult[] = [];
    /** Why each failed account failed: the exit code when every account failed. */
    const failures = new Map<string, FinanceError>();
    let interrupted = false;
    let authError: AuthError | undefined;
    for (const [index, account] of accounts.entries()) {
      if (ctx.signal.aborted) {
        interrupted = true;
        break;
      }
      const r: AccountSyncResult = { id: account.id, fetched: 0, inserted: 0, status: 'ok' };
      try {
        const bal = await client.balance(auth, account.id);
        store.accounts.saveBalance(account.id, bal.balance, bal.available, ctx.now().toISOString());
        const newest = store.transactions.newestDate(account.id);
        const from =
          opts.from ??
          (newest ? addDaysIso(newest, -OVERLAP_DAYS) : addDaysIso(today, -config.syncLookbackDays));
        const breaks = await syncAccount(deps, account.id, from, to, r, (fetched, date) =>
          opts.onProgress?.({ account: account.id, index, total: accounts.length, fetched, date }),
        );
        if (breaks > 0) r.chainBreaks = breaks;
        store.accounts.markSync(account.id, 'ok', null, ctx.now().toISOString());
      } catch (e) {
        if (e instanceof InterruptedError || ctx.signal.aborted) {
          interrupted = true;
          store.accounts.markSync(account.id, 'failed', 'interrupted', ctx.now().toISOString());
          results.push({ ...r, status: 'failed', error: 'interrupted' });
          break;
        }
        if (!(e instanceof FinanceError)) throw e;
        r.status = 'failed';
        r.error = e.message;
        store.accounts.markSync(account.id, 'failed', e.message, ctx.now().toISOString());
        if (e instanceof AuthError) {
          authError = e;
          results.push(r);
          break;
        }
        ctx.io.streams.stderr.write(`finance: account ${account.bankName} ${account.accountNumMasked} (${account.id}) failed: ${e.message}\n`);
        failures.set(account.id, e);
      }
      results.push(r);
    }
    const inserted = results.reduce((s, r) => s + r.inserted, 0);
    const paired = store.transactions.pairOwnTransfers(lastIdBefore);
    if (paired > 0) reclassifyAll(store, { dryRun: false, ownOnly: true }); // a leg of an own transfer is a transfer
    const fetched = results.reduce((s, r) => s + r.fetched, 0);
    const failed = results.filter((r) => r.status === 'failed');
    const status = interrupted ? 'interrupted' : failed.length === 0 ? 'ok' : failed.length === results.length ? 'failed' : 'partial';
    store.syncs.finish(runId, {
      at: ctx.now().toISOString(),
      status,
      accounts: results.length,
      fetched,
      inserted,
      error: failed.map((f) => `${f.id}: ${f.error}`).join('; ') || null,
    });
    let exitError: FinanceError | undefined;
    if (interrupted) exitError = new InterruptedError('sync interrupted', 'what was stored stays stored; run finance sync again to continue');
    else if (authError) exitError = authError;
    else if (failed.length > 0 && failed.length < results.length) {
      exitError = new TemporaryError(`${failed.length} of ${results.length} accounts failed; the others were stored`, 'run finance sync again later');
    } else if (failed.length > 0) {
      exitError = failures.get(failed[0]!.id) ?? new TemporaryError('every account failed');
    }
    return { accounts: results, inserted, fetched, ms: Date.now() - started, ownTransfersPaired: paired, ...(exitError ? { exitError } : {}) };
  } finally {
    lock.release();
  }
}

async function syncAccount(
  deps: AccountDeps,
  account: string,
  from: string,
  to: string,
  r: AccountSyncResult,
  progress: (fetched: number, date: string) => void,
): Promise<number> {
  const { ctx, store, client, auth, classifier } = deps;
  let breaks = 0;
  // The balance chain continues from the last stored row before the window.
  let prev: Pick<StoredTransaction, 'balanceAfter'> | undefined = store.transactions.lastBefore(account, from);
  // Finished windows are committed together once they hold FLUSH_ROWS rows, and at the end: one transaction per month
  // would write the same index pages to the WAL again and again. Memory stays bounded by FLUSH_ROWS plus a month.
  let pending: NewTransaction[] = [];
  let pendingThrough: string | null = null;
  const flush = () => {
    if (pendingThrough === null) return;
    r.inserted += store.transactions.insertPage(account, pending, pendingThrough);
    pending = [];
    pendingThrough = null;
  };
  try {
    const start = await firstActiveDay(deps, account, from, to);
    for (const w of start === null ? [] : monthWindows(start, to)) {
      // A month is read whole before it is stored: the occurrence index of identical rows needs the whole day, and a
      // server that ignores sort_order or the date range must not change what is stored.
      const fetched: Transaction[] = [];
      for await (const page of client.transactionPages(auth, { fintechUseNum: account, from: w.from, to: w.to, sortOrder: 'A' })) {
        if (ctx.signal.aborted) throw new InterruptedError('interrupted');
        for (const t of page.rows) {
          if (t.date >= w.from && t.date <= w.to) fetched.push(t);
          else ctx.io.debug(`transaction_list: skipped a row dated ${t.date} outside the requested ${w.from}..${w.to}`);
        }
        r.fetched += page.rows.length;
        progress(r.fetched, page.rows.at(-1)?.date ?? w.from);
      }
      const seen = new Map<string, number>();
      for (const t of inAscendingOrder(fetched)) {
        const key = dedupKey(t);
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        if (prev) {
          const expected = prev.balanceAfter + (t.direction === 'in' ? t.amount : -t.amount);
          if (expected !== t.balanceAfter) {
            store.transactions.recordChainBreak(account, t.date, t.time, expected, t.balanceAfter);
            breaks++;
          }
        }
        prev = t;
        const c = classifier.classify(t.memo, t.direction, rowEvidence(t));
        pending.push({ ...t, account, occurrence, category: c.category, categorySource: c.source, categoryRule: c.rule });
      }
      pendingThrough = w.to;
      if (pending.length >= FLUSH_ROWS) flush();
    }
  } finally {
    // Whole windows already read are stored even when a later one fails or Ctrl-C arrives; each commit carries the
    // checkpoint of its last window, so rows and checkpoint land together or not at all.
    flush();
  }
  return breaks;
}
