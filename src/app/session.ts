// Wiring for commands that talk to the API: validated credentials, the store, the client with its bank_tran_id
// counter, and (when logged in) the token provider.

import type { Context } from './context.js';
import { requireCredentials, type ApiCredentials } from '../config.js';
import { randomInt } from 'node:crypto';
import { kstCompactDate } from '../domain/kst.js';
import { OpenBankingClient } from '../openbanking/client.js';
import type { ThrottleSignal } from '../openbanking/http.js';
import { registerSecret, redactSecrets } from '../redact.js';
import type { Store } from '../store/index.js';
import { TokenProvider } from './tokens.js';

export interface Session {
  creds: ApiCredentials;
  /** refreshBeforeDays, in ms */
  refreshBeforeMs: number;
  store: Store;
  client: OpenBankingClient;
}

/**
 * bank_tran_id = institution code + 'U' + 9 digits from the per-day counter in the database (atomic across processes).
 * A day's counter starts at a random point below 900,000,000, leaving room for 100 million calls that day.
 */
export function tranIdGenerator(store: Store, orgCode: string, now: () => Date): () => string {
  return () => {
    const n = store.counters.next(kstCompactDate(now()), randomInt(1, 900_000_000));
    return `${orgCode}U${String(n).padStart(9, '0')}`;
  };
}

export async function openSession(
  ctx: Context,
  flags: { apiBaseUrl?: string; onThrottle?: (signal: ThrottleSignal) => void } = {},
): Promise<Session> {
  const config = await ctx.config(flags.apiBaseUrl ? { apiBaseUrl: flags.apiBaseUrl } : {});
  const creds = requireCredentials(config);
  registerSecret(creds.clientSecret);
  const store = await ctx.store();
  const client = new OpenBankingClient({
    baseUrl: creds.apiBaseUrl,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    nextTranId: tranIdGenerator(store, creds.orgCode, ctx.now),
    now: ctx.now,
    log: (line) => ctx.io.debug(redactSecrets(line)),
    ...(flags.onThrottle ? { onThrottle: flags.onThrottle } : {}),
  });
  return { creds, store, client, refreshBeforeMs: config.refreshBeforeDays * 86_400_000 };
}

export function tokenProvider(ctx: Context, s: Session): TokenProvider {
  return new TokenProvider(s.store, s.client, ctx.now, s.creds.scope, (line) => ctx.io.debug(line), s.refreshBeforeMs);
}
