// The login flow: authorize URL with a fresh 32-character state, the loopback callback, one code exchange, then the
// user and the account list stored.

import { randomBytes } from 'node:crypto';
import type { Context } from './context.js';
import { AuthError } from '../errors.js';
import { buildAuthorizeUrl } from '../openbanking/authorize-url.js';
import { startCallbackServer } from '../openbanking/callback-server.js';
import type { ApiAccount } from '../openbanking/types.js';
import { registerSecret } from '../redact.js';
import type { AccountInfo } from '../store/accounts-repo.js';
import { openSession, tokenProvider, type Session } from './session.js';
import { tokensFromSet } from './tokens.js';

export interface LoginOptions {
  browser: boolean;
  timeoutSec: number;
  /** Instead of a browser: something that visits the URL itself (the demo's automatic consent). */
  visit?: (url: string) => Promise<void>;
}

export interface LoginResult {
  userName: string;
  userSeqNo: string;
  accounts: AccountInfo[];
}

/** 32 characters of base64url from 24 random bytes (192 bits). */
export function newState(): string {
  return randomBytes(24).toString('base64url');
}

export function toAccountInfo(a: ApiAccount): AccountInfo {
  return {
    id: a.fintechUseNum,
    bankCode: a.bankCode,
    bankName: a.bankName,
    savingsBankName: a.savingsBankName,
    accountNumMasked: a.accountNumMasked,
    alias: a.alias,
    holderName: a.holderName,
    accountType: a.accountType,
    inquiryAgree: a.inquiryAgree,
    state: a.state,
  };
}

export async function runLogin(ctx: Context, opts: LoginOptions): Promise<LoginResult> {
  const session = await openSession(ctx);
  const { creds } = session;
  const state = newState();
  const server = await startCallbackServer({
    redirectUri: creds.redirectUri,
    state,
    timeoutMs: opts.timeoutSec * 1000,
    signal: ctx.signal,
  });
  try {
    const url = buildAuthorizeUrl({
      baseUrl: creds.apiBaseUrl,
      clientId: creds.clientId,
      redirectUri: creds.redirectUri,
      scope: creds.scope,
      state,
    });
    ctx.io.streams.stderr.write(`Open this URL to authorize: ${url}\n`);
    if (opts.visit) {
      opts.visit(url).catch((e: Error) => ctx.io.warn(`automatic consent failed: ${e.message}`));
    } else if (opts.browser) {
      ctx.io.info('Opening the browser… (waiting for the callback; Ctrl-C to cancel)');
      try {
        const { default: open } = await import('open');
        const child = await open(url, { wait: false });
        child.on('error', () => ctx.io.warn('could not open a browser: open the URL above yourself'));
        child.unref();
      } catch {
        ctx.io.warn('could not open a browser: open the URL above yourself');
      }
    } else {
      ctx.io.info(`Waiting for the callback on ${creds.redirectUri} (${opts.timeoutSec} s; Ctrl-C to cancel)…`);
    }
    const cb = await server.result;
    registerSecret(cb.code);
    await server.close();
    return await completeLogin(ctx, session, cb.code);
  } finally {
    await server.close();
  }
}

/** Exchanges the code exactly once, stores the tokens in one transaction, then the user and the accounts. */
async function completeLogin(ctx: Context, session: Session, code: string): Promise<LoginResult> {
  const { client, store, creds } = session;
  const set = await client.exchangeCode(code, creds.redirectUri);
  registerSecret(set.accessToken);
  registerSecret(set.refreshToken);
  if (!set.userSeqNo) throw new AuthError('the token answer carried no user_seq_no', "run 'finance login' again");
  const tokens = tokensFromSet(set, ctx.now(), null);
  store.db.transaction(() => store.auth.saveTokens(tokens)).immediate();

  const auth = tokenProvider(ctx, session);
  // The user's name and the account list come from user/me and account/list; either one is enough to go on, so a
  // server that lacks one of them still gives a usable login.
  let me: Awaited<ReturnType<typeof client.userMe>> | undefined;
  let meError: unknown;
  try {
    me = await client.userMe(auth, tokens.userSeqNo);
  } catch (e) {
    if (e instanceof AuthError) throw e;
    meError = e;
    ctx.io.debug(`user/me failed (${(e as Error).message}); using account/list alone`);
  }
  let listed: ApiAccount[];
  try {
    listed = await client.accountList(auth, tokens.userSeqNo);
  } catch (e) {
    if (!me || e instanceof AuthError) throw meError ?? e;
    ctx.io.debug(`account/list failed (${(e as Error).message}); using the accounts from user/me`);
    listed = me.accounts;
  }
  const accounts = listed.map(toAccountInfo);
  store.db.transaction(() => {
    store.auth.saveUser(tokens.userSeqNo, me?.userName ?? '');
    store.accounts.replaceListed(accounts);
  }).immediate();
  return { userName: me?.userName ?? '', userSeqNo: tokens.userSeqNo, accounts };
}
