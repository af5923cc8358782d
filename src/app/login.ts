// The login flow: authorize URL with a fresh 32-character state, the loopback callback (or, over SSH without a tunnel,
// the redirect address pasted on stdin), one code exchange, then the user and the account list stored.

import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Context } from './context.js';
import { AuthError, InterruptedError } from '../errors.js';
import { buildAuthorizeUrl } from '../openbanking/authorize-url.js';
import { CallbackTimeoutError, judgeCallback, startCallbackServer, type CallbackResult } from '../openbanking/callback-server.js';
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
  /** Read the redirect address pasted on stdin instead of listening (SSH without a tunnel). */
  paste?: boolean;
}

export interface LoginResult {
  userName: string;
  userSeqNo: string;
  accounts: AccountInfo[];
}

const STATE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const STATE_LENGTH = 32;

/**
 * 32 characters from [A-Za-z0-9] — the form of every public KFTC sample — drawn from the CSPRNG by rejection sampling
 * (bytes of 248 and above are dropped: 248 = 4·62), so every character is uniform: 32·log2(62) ≈ 190.5 bits.
 */
export function newState(): string {
  let out = '';
  while (out.length < STATE_LENGTH) {
    for (const b of randomBytes(48)) {
      if (b < 248 && out.length < STATE_LENGTH) out += STATE_ALPHABET[b % 62];
    }
  }
  return out;
}

/** One line from stdin (the pasted redirect address), or null at end of input; Ctrl-C ends it as an interruption. */
async function readPastedLine(ctx: Context, prompt: string): Promise<string | null> {
  const rl = createInterface({ input: ctx.io.streams.stdin, output: ctx.io.streams.stderr, terminal: false });
  try {
    ctx.io.streams.stderr.write(prompt);
    return await new Promise<string | null>((resolve, reject) => {
      rl.once('line', (l) => resolve(l));
      rl.once('close', () => resolve(null));
      ctx.signal.addEventListener('abort', () => reject(new InterruptedError('interrupted')), { once: true });
    });
  } finally {
    rl.close();
  }
}

const PASTE_PROMPT = 'Paste the full address your browser shows after the consent (it starts with the redirect URI), then Enter:\n';

/**
 * The redirect address pasted by the person: same path as redirectUri, then the same judgement as the callback
 * server — a wrong or missing state is refused (77) rather than ignored, since there is no other callback to wait for.
 */
export function pastedCallback(line: string, redirectUri: string, state: string): CallbackResult {
  let url: URL;
  try {
    url = new URL(line.trim());
  } catch {
    throw new AuthError('what was pasted is not an address', "run 'finance login --paste' again and paste the whole address from the browser's address bar");
  }
  const expected = new URL(redirectUri);
  if (url.pathname !== expected.pathname) {
    throw new AuthError(`the pasted address is not the callback (${expected.pathname})`, "paste the address the browser shows after the consent, starting with the redirect URI");
  }
  const verdict = judgeCallback(url.searchParams, state);
  if (verdict.kind === 'ok') return verdict.result;
  if (verdict.kind === 'error') throw verdict.error;
  throw new AuthError('the pasted address does not belong to this login (its state does not match)', "run 'finance login' again and paste the address from that login's consent");
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
  const url = buildAuthorizeUrl({
    baseUrl: creds.apiBaseUrl,
    clientId: creds.clientId,
    redirectUri: creds.redirectUri,
    scope: creds.scope,
    state,
  });
  if (opts.paste) {
    ctx.io.streams.stderr.write(`Open this URL to authorize: ${url}\n`);
    const line = await readPastedLine(ctx, PASTE_PROMPT);
    if (line === null) throw new AuthError('nothing was pasted', "run 'finance login --paste' again and paste the address the browser shows after the consent");
    const cb = pastedCallback(line, creds.redirectUri, state);
    registerSecret(cb.code);
    return completeLogin(ctx, session, cb.code);
  }
  const server = await startCallbackServer({
    redirectUri: creds.redirectUri,
    state,
    timeoutMs: opts.timeoutSec * 1000,
    signal: ctx.signal,
  });
  try {
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
      // Two short lines, so a 60-column terminal does not wrap them.
      ctx.io.info(`Waiting for the callback on ${creds.redirectUri}\n(up to ${opts.timeoutSec} s; Ctrl-C to cancel)…`);
    }
    let cb: CallbackResult;
    try {
      cb = await server.result;
    } catch (e) {
      // Over SSH without a tunnel the browser's redirect never reaches us; its address bar still holds the answer.
      if (!(e instanceof CallbackTimeoutError) || opts.browser || !ctx.io.stdinTTY || !ctx.io.canPrompt) throw e;
      await server.close();
      ctx.io.streams.stderr.write(`finance: ${e.message}.\nIf the browser is on another machine, its address bar shows where it was sent.\n`);
      const line = await readPastedLine(ctx, PASTE_PROMPT);
      if (line === null || line.trim() === '') throw e;
      cb = pastedCallback(line, creds.redirectUri, state);
    }
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
