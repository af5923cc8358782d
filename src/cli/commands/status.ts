// `finance status`: who is logged in, token expiry, accounts, last sync, counts, possible gaps, data directory.

import type { Command } from 'commander';
import type { Act } from '../program.js';

const DAY_MS = 86_400_000;

export function register(program: Command, act: Act): void {
  program
    .command('status')
    .description('login, token expiry, accounts, last sync and counts')
    .addHelpText('after', '\nExamples:\n  $ finance status\n  $ finance status --json | jq .token.daysLeft')
    .action(
      act(async (ctx) => {
        const { CONFIG_KEYS, resolveValue } = await import('../../config.js');
        const file = await ctx.configFile();
        const configState = Object.fromEntries(
          (['apiBaseUrl', 'clientId', 'clientSecret', 'redirectUri', 'orgCode'] as const).map((k) => {
            const r = resolveValue(k, file, ctx.env);
            return [k, CONFIG_KEYS[k].secret ? (r.value ? 'set' : 'missing') : (r.value ?? null)];
          }),
        );
        const hasDb = await ctx.hasStore();
        const store = hasDb ? await ctx.store() : undefined;
        const tokens = store?.auth.readTokens();
        const user = store?.auth.readUser();
        const accounts = store?.accounts.list() ?? [];
        const counts = store?.transactions.count() ?? { total: 0, unclassified: 0 };
        const labels = store?.labels.labels().length ?? 0;
        const lastSync = store?.syncs.last() ?? null;
        const breaks = store?.transactions.chainBreaks() ?? [];
        const now = ctx.now().getTime();
        // A sync refreshes the access token by itself; what needs the person is the end of the consent (refresh token).
        const { consentExpiry } = await import('../../app/tokens.js');
        const consentAt = tokens ? consentExpiry(tokens) : 0;
        const token = tokens
          ? {
              expiresAt: tokens.expiresAt,
              daysLeft: Math.floor((Date.parse(tokens.expiresAt) - now) / DAY_MS),
              scope: tokens.scope,
              consentExpiresAt: new Date(consentAt).toISOString(),
              consentDaysLeft: Math.floor((consentAt - now) / DAY_MS),
              renewWith: 'finance login',
            }
          : null;
        const status = {
          home: ctx.home,
          database: hasDb,
          loggedIn: tokens !== undefined,
          user: user ? { userSeqNo: user.userSeqNo, userName: user.userName } : null,
          token,
          accounts: accounts.map((a) => ({
            id: a.id,
            bankName: a.bankName,
            accountNumMasked: a.accountNumMasked,
            balance: a.balance,
            lastSyncAt: a.lastSyncAt,
            lastSyncStatus: a.lastSyncStatus,
            transactions: a.transactions,
          })),
          lastSync,
          transactions: counts.total,
          unclassified: counts.unclassified,
          labels,
          possibleGaps: breaks,
          // The same breaks under the name sync --json uses; 'finance sync --repair' reads their months again.
          chainBreaks: breaks,
          config: configState,
        };
        if (ctx.io.json) return ctx.io.data(JSON.stringify(status, null, 2));
        if (token && token.consentDaysLeft < 14) ctx.io.warn(`the login's consent ends in ${Math.max(0, token.consentDaysLeft)} days — run 'finance login' to renew it`);
        const { statusText } = await import('../../render/status-text.js');
        ctx.io.out(statusText(status, ctx.io.c, ctx.io.columns));
      }),
    );
}
