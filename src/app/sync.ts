// `finance sync`: per account a balance snapshot, then transactions month by month, page by page; each page committed
// with the account checkpoint. Idempotent (dedup key + occurrence index), classifies as it stores, checks the
// balance chain, and keeps going when one account fails.

import type { Context } from '../cli/context.js';
import { addDaysIso, addMonthsIso, kstDate } from '../domain/kst.js';
import type { Transaction } from '../domain/types.js';
import { AuthError, DataError, FinanceError, InterruptedError, TemporaryError, UsageError } from '../errors.js';
import type { Classifier } from '../domain/classify.js';
import type { NewTransaction, StoredTransaction } from '../store/transactions-repo.js';
import type { Store } from '../store/index.js';
import { loadClassifier } from './classifier.js';
import { acquireSyncLock } from './lock.js';
import { openSession, tokenProvider } from './session.js';
import { toAccountInfo } from './login.js';

/** Days re-read before the newest stored date, to catch rows the bank posted late. */
export const OVERLAP_DAYS = 3;

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
    const runId = store.syncs.start(ctx.now().toISOString());
    const today = kstDate(ctx.now());
    const to = opts.to ?? today;

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
    const results: AccountSyncResult[] = [];
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
        const breaks = await syncAccount(ctx, store, client, auth, classifier, account.id, from, to, r, (fetched, date) =>
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
        (r as AccountSyncResult & { cause?: FinanceError }).cause = e;
      }
      results.push(r);
    }
    const paired = store.transactions.pairOwnTransfers();
    const inserted = results.reduce((s, r) => s + r.inserted, 0);
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
      exitError = (failed[0] as AccountSyncResult & { cause?: FinanceError }).cause ?? new TemporaryError('every account failed');
    }
    for (const r of results) delete (r as AccountSyncResult & { cause?: unknown }).cause;
    return { accounts: results, inserted, fetched, ms: Date.now() - started, ownTransfersPaired: paired, ...(exitError ? { exitError } : {}) };
  } finally {
    lock.release();
  }
}

async function syncAccount(
  ctx: Context,
  store: Store,
  client: Awaited<ReturnType<typeof openSession>>['client'],
  auth: ReturnType<typeof tokenProvider>,
  classifier: Classifier,
  account: string,
  from: string,
  to: string,
  r: AccountSyncResult,
  progress: (fetched: number, date: string) => void,
): Promise<number> {
  let breaks = 0;
  // The balance chain continues from the last stored row before the window.
  let prev: Pick<StoredTransaction, 'balanceAfter'> | undefined = store.transactions.lastBefore(account, from);
  for (const w of monthWindows(from, to)) {
    // occurrence index among identical rows of one day; reset when the date moves on (rows come in ascending order)
    const seen = new Map<string, number>();
    let seenDate = '';
    for await (const page of client.transactionPages(auth, { fintechUseNum: account, from: w.from, to: w.to, sortOrder: 'A' })) {
      if (ctx.signal.aborted) throw new InterruptedError('interrupted');
      const rows: NewTransaction[] = [];
      for (const t of page.rows) {
        if (t.date < w.from || t.date > w.to) {
          throw new DataError(`transaction_list: a row dated ${t.date} is outside the requested ${w.from}..${w.to}`, 'nothing of that page was stored; report this to the API provider');
        }
        if (t.date !== seenDate) {
          seen.clear();
          seenDate = t.date;
        }
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
        const c = classifier.classify(t.memo, t.direction);
        rows.push({ ...t, account, occurrence, category: c.category, categorySource: c.source, categoryRule: c.rule });
      }
      const last = rows.at(-1)?.date ?? null;
      r.inserted += store.transactions.insertPage(account, rows, last);
      r.fetched += rows.length;
      progress(r.fetched, last ?? w.to);
    }
    store.transactions.insertPage(account, [], w.to);
  }
  return breaks;
}
