// `finance sync`: the run around the accounts — lock, session, account list, per account a balance snapshot (its
// failure named, never blocking the transactions) and the transaction windows (sync-account.ts), the run log and the
// exit decision. Idempotent (dedup key + occurrence index), classifies as it stores, keeps going when one account fails.

import type { Context } from './context.js';
import { addDaysIso, addMonthsIso, kstDate } from '../domain/kst.js';
import { AuthError, FinanceError, InterruptedError, TemporaryError, UsageError } from '../errors.js';
import { cleanOutside } from '../sanitize.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { loadClassifier, reclassifyAll } from './classifier.js';
import { acquireSyncLock } from './lock.js';
import { openSession, tokenProvider } from './session.js';
import { toAccountInfo } from './login.js';
import { deadlinePassed, DeadlineError, syncAccountWindows, type AccountDeps, type AccountProgress } from './sync-account.js';
import type { ChainBreak, Window } from './sync-window.js';
import { RequestLimiter } from './sync-limiter.js';

export { FLUSH_ROWS } from './sync-account.js';
export { inAscendingOrder, monthWindows } from './sync-window.js';

/** Days re-read before the checkpoint, to catch rows the bank posted late. */
export const OVERLAP_DAYS = 3;

/** account_state of a closed (cancelled) registration: listed with include_cancel_yn=Y, answers only errors. */
export const CLOSED_STATE = '09';

export interface SyncOptions {
  from?: string;
  to?: string;
  account?: string;
  wait: boolean;
  /** re-read every month window holding a recorded balance-chain break */
  repair?: boolean;
  /** ms from the start after which no new window is started (overrides the syncDeadline setting) */
  deadlineMs?: number | null;
  /** requests kept in flight (overrides the syncConcurrency setting) */
  concurrency?: number;
  onProgress?: (p: { account: string; index: number; total: number; fetched: number; date: string }) => void;
  /** the accounts about to be synced, in order */
  onStart?: (accounts: Array<{ id: string; label: string }>) => void;
  onAccountDone?: (p: { account: string; index: number; total: number; result: AccountSyncResult }) => void;
}

export interface AccountSyncResult {
  id: string;
  fetched: number;
  inserted: number;
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
  /** the balance call failed (the transactions were still synced) */
  balanceError?: string;
  /** balance-chain breaks that remained after reading their window again */
  chainBreaks?: number;
  memoUpdates?: number;
  /** rows with inout_type 기타 left out (they move no money) */
  skippedOther?: number;
  /** the server answered different windows with the same rows */
  ignoresDates?: boolean;
  closed?: boolean;
}

export interface SyncResult {
  accounts: AccountSyncResult[];
  inserted: number;
  fetched: number;
  ms: number;
  ownTransfersPaired: number;
  /** the breaks still recorded for the synced accounts, with their dates */
  chainBreaks: Array<ChainBreak & { account: string }>;
  exitError?: FinanceError;
}

/** Windows a repair reads: every calendar month with a recorded break, clipped at today. */
function repairWindows(months: string[], today: string): Window[] {
  return months
    .map((m) => ({ from: `${m}-01`, to: addDaysIso(addMonthsIso(`${m}-01`, 1), -1) }))
    .filter((w) => w.from <= today)
    .map((w) => ({ from: w.from, to: w.to < today ? w.to : today }));
}

export async function runSync(ctx: Context, opts: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  if (opts.from && opts.to && opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
  if (opts.repair && (opts.from || opts.to)) throw new UsageError('--repair cannot be combined with --from or --to', 'run finance sync --repair alone');
  const home = ctx.ensureHome();
  // The lock comes before any database or network access, so a second sync leaves everything untouched.
  const lock = await acquireSyncLock(home, { wait: opts.wait, signal: ctx.signal });
  try {
    const config = await ctx.config();
    const deadlineMs = opts.deadlineMs !== undefined ? opts.deadlineMs : config.syncDeadline;
    const session = await openSession(ctx);
    const { store, client } = session;
    const auth = tokenProvider(ctx, session);
    // We hold the lock, so any run still marked 'running' belongs to a process that died holding it (lock.takenOver
    // says so too, but rows from before the lock recorded its holder are closed the same way).
    store.syncs.closeAbandoned(ctx.now().toISOString());
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
      ctx.io.debug(`account/list failed, using the stored accounts: ${cleanOutside((e as Error).message)}`);
    }
    let accounts: AccountRow[] = store.accounts.list().filter((a) => a.listed && a.inquiryAgree);
    if (opts.account) {
      accounts = store.accounts.list().filter((a) => a.id === opts.account);
      if (accounts.length === 0) throw new UsageError(`no account with id ${opts.account}`, "see 'finance accounts' for the ids");
    }
    opts.onStart?.(accounts.map((a) => ({ id: a.id, label: `…${a.id.slice(-6)} ${a.bankName} ${a.accountNumMasked}` })));
    const classifier = loadClassifier(store);
    const limiter = new RequestLimiter(opts.concurrency ?? config.syncConcurrency);
    // A 429 or a quota answer (O0008/O0009) halves the requests in flight for the rest of the run.
    client.onThrottle = (why) => {
      const before = limiter.limit;
      const now = limiter.lower();
      if (now < before) ctx.io.debug(`the server answered ${why}: requests in flight lowered from ${before} to ${now} for the rest of this sync`);
    };
    const deps: AccountDeps = { ctx, store, client, auth, classifier, limiter, deadline: deadlineMs === null ? null : started + deadlineMs };
    const lastIdBefore = store.transactions.maxId();
    const results: AccountSyncResult[] = [];
    /** Why each failed account failed: the exit code when every account failed. */
    const failures = new Map<string, FinanceError>();
    let interrupted = false;
    let authError: AuthError | undefined;
    let deadlineError: DeadlineError | undefined;
    const name = (a: AccountRow) => cleanOutside(`${a.bankName} ${a.accountNumMasked} (${a.id})`);
    // Accounts run side by side (1 = one after another, as before); their requests share the limiter, and every store
    // call runs on this one thread, so there is one writer.
    const byIndex: Array<AccountSyncResult | undefined> = [];
    const stopAll = () => interrupted || authError !== undefined;
    const syncOne = async (account: AccountRow, index: number): Promise<AccountSyncResult | undefined> => {
      if (ctx.signal.aborted) {
        interrupted = true;
        return undefined;
      }
      const r: AccountSyncResult = { id: account.id, fetched: 0, inserted: 0, status: 'ok' };
      if (account.state === CLOSED_STATE) {
        // A closed registration answers only errors; its stored history stays, nothing is asked.
        ctx.io.debug(`account ${name(account)} is closed (account_state 09); skipped`);
        return { ...r, status: 'skipped', closed: true };
      }
      if (deadlinePassed(deps)) {
        deadlineError ??= new DeadlineError('the sync deadline passed; the remaining accounts were not synced', 'run finance sync again to continue (or raise --deadline)');
        return { ...r, status: 'failed', error: 'deadline passed before this account' };
      }
      const p: AccountProgress = { fetched: 0, inserted: 0, memoUpdates: 0, refetched: 0, skipped: 0, chainBreaks: [] };
      try {
        // The balance is asked alongside the transactions (one round trip less per account at a real latency);
        // it is awaited before the account is done, so nothing is written after the run ends.
        const balanceRead = limiter.run(() => client.balance(auth, account.id)).then(
          (bal) => store.accounts.saveBalance(account.id, bal.balance, bal.available, ctx.now().toISOString()),
          (e: unknown) => {
            // Each inquiry API answers on its own (the testbed needs test data per API): the transactions still come.
            if (e instanceof AuthError || e instanceof InterruptedError || ctx.signal.aborted || !(e instanceof FinanceError)) throw e;
            r.balanceError = cleanOutside(e.message);
            ctx.io.warn(`account ${name(account)}: the balance could not be read: ${r.balanceError}`);
          },
        );
        balanceRead.catch(() => {}); // awaited below; a transactions failure takes precedence
        let range: { from: string; to: string } | { repair: Window[] };
        if (opts.repair) range = { repair: repairWindows(store.transactions.chainBreakMonths(account.id), today) };
        else {
          const checkpoint = store.transactions.checkpoint(account.id);
          const from = opts.from ?? (checkpoint ? addDaysIso(checkpoint, -OVERLAP_DAYS) : addDaysIso(today, -config.syncLookbackDays));
          range = { from, to };
        }
        let last = 0;
        try {
          try {
            await syncAccountWindows(deps, account.id, range, p, (rows, date) => {
              last += rows;
              opts.onProgress?.({ account: account.id, index, total: accounts.length, fetched: last, date });
            });
          } catch (e) {
            // A refused token says more than a window that failed because of it.
            const balanceError = await balanceRead.then(() => undefined, (b: unknown) => b);
            throw balanceError instanceof AuthError ? balanceError : e;
          }
          await balanceRead;
        } finally {
          r.fetched = p.fetched;
          r.inserted = p.inserted;
          if (p.memoUpdates > 0) r.memoUpdates = p.memoUpdates;
          if (p.chainBreaks.length > 0) r.chainBreaks = p.chainBreaks.length;
          if (p.ignoresDates) r.ignoresDates = true;
          if (p.skipped > 0) r.skippedOther = p.skipped;
        }
        if (p.skipped > 0) ctx.io.debug(`account ${name(account)}: ${p.skipped} row(s) with inout_type 기타 left out (no direction, no money moved)`);
        if (p.ignoresDates) ctx.io.warn(`account ${name(account)}: the server ignores the requested dates (the same rows for different months); stored what it sent`);
        store.accounts.markSync(account.id, 'ok', null, ctx.now().toISOString());
        return r;
      } catch (e) {
        if (e instanceof InterruptedError || ctx.signal.aborted) {
          interrupted = true;
          store.accounts.markSync(account.id, 'failed', 'interrupted', ctx.now().toISOString());
          return { ...r, status: 'failed', error: 'interrupted' };
        }
        if (!(e instanceof FinanceError)) throw e;
        const message = cleanOutside(e.message);
        r.status = 'failed';
        r.error = message;
        store.accounts.markSync(account.id, 'failed', message, ctx.now().toISOString());
        if (e instanceof AuthError) {
          authError ??= e;
          return r;
        }
        if (e instanceof DeadlineError) deadlineError ??= e;
        else ctx.io.streams.stderr.write(`finance: account ${name(account)} failed: ${message}${e.hint ? ` — ${e.hint}` : ''}\n`);
        failures.set(account.id, e);
        return r;
      }
    };
    let next = 0;
    // With room for more than one request, every account starts at once and the limiter alone bounds what is in
    // flight (an account waiting for a worker would leave slots idle while the others read page chains one by one).
    const workers = limiter.limit === 1 ? 1 : Math.max(1, accounts.length);
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < accounts.length && !stopAll()) {
          const index = next++;
          const r = await syncOne(accounts[index]!, index);
          byIndex[index] = r;
          if (r) opts.onAccountDone?.({ account: r.id, index, total: accounts.length, result: r });
        }
      }),
    );
    for (const r of byIndex) if (r) results.push(r);
    const inserted = results.reduce((s, r) => s + r.inserted, 0);
    const paired = store.transactions.pairOwnTransfers(lastIdBefore);
    if (paired > 0) reclassifyAll(store, { dryRun: false, ownOnly: true }); // a leg of an own transfer is a transfer
    const fetched = results.reduce((s, r) => s + r.fetched, 0);
    const synced = results.filter((r) => r.status !== 'skipped');
    const failed = synced.filter((r) => r.status === 'failed');
    const status = interrupted ? 'interrupted' : failed.length === 0 ? 'ok' : failed.length === synced.length ? 'failed' : 'partial';
    store.syncs.finish(runId, {
      at: ctx.now().toISOString(),
      status,
      accounts: results.length,
      fetched,
      inserted,
      error: failed.map((f) => `${f.id}: ${f.error}`).join('; ') || null,
    });
    const ids = new Set(results.map((r) => r.id));
    const chainBreaks = store.transactions
      .chainBreaks()
      .filter((b) => ids.has(b.account))
      .map(({ account, date, time, expected, actual }) => ({ account, date, time, expected, actual }));
    let exitError: FinanceError | undefined;
    if (interrupted) exitError = new InterruptedError('sync interrupted', 'what was stored stays stored; run finance sync again to continue');
    else if (authError) exitError = authError;
    else if (deadlineError) exitError = deadlineError;
    else if (failed.length > 0 && failed.length < synced.length) {
      exitError = new TemporaryError(`${failed.length} of ${synced.length} accounts failed; the others were stored`, 'run finance sync again later');
    } else if (failed.length > 0) {
      exitError = failures.get(failed[0]!.id) ?? new TemporaryError('every account failed');
    }
    return { accounts: results, inserted, fetched, ms: Date.now() - started, ownTransfersPaired: paired, chainBreaks, ...(exitError ? { exitError } : {}) };
  } finally {
    lock.release();
  }
}
