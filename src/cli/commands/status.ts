// `finance status`: who is logged in, token expiry, accounts, last sync, counts, possible gaps, data directory.

import type { Command } from 'commander';
import type { Act } from '../program.js';

const DAY_MS = 86_400_000;

export function register(program: Command, act: Act): void {
  program
    .command('status')
    .description('login, token expiry, accounts, last sync and counts')
    .option('--json', 'JSON object')
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
        const { formatKstTimestamp, formatWon, formatNumber } = await import('../../render/format.js');
        const c = ctx.io.c;
        const lines: string[] = [];
        lines.push(`${c.bold('Data directory')}  ${ctx.home}${hasDb ? '' : ' (no database yet)'}`);
        const missing = ['clientId', 'clientSecret', 'orgCode'].filter((k) => configState[k] === null || configState[k] === 'missing');
        lines.push(`${c.bold('Config')}          ${configState.apiBaseUrl}${missing.length ? c.yellow(` — missing ${missing.join(', ')}`) : ''}`);
        if (!tokens) lines.push(`${c.bold('Login')}           not logged in — run 'finance login'`);
        else {
          const days = token!.daysLeft;
          const exp = `token expires ${formatKstTimestamp(tokens.expiresAt)} (${days} days left)`;
          lines.push(`${c.bold('Login')}           ${user?.userName ?? ''} (${tokens.userSeqNo}); ${exp}`);
          const cdays = token!.consentDaysLeft;
          const consent = cdays < 0 ? `expired ${formatKstTimestamp(token!.consentExpiresAt)} — run 'finance login' to give consent again` : `new consent needed by ${formatKstTimestamp(token!.consentExpiresAt)} (${cdays} days left; sync refreshes the token until then) — then run 'finance login'`;
          lines.push(`${c.bold('Consent')}         ${cdays < 14 ? c.yellow(consent) : consent}`);
          if (cdays < 14) ctx.io.warn(`the login's consent ends in ${Math.max(0, cdays)} days — run 'finance login' to renew it`);
        }
        lines.push(`${c.bold('Accounts')}        ${accounts.length}`);
        for (const a of accounts) {
          lines.push(
            `  ${a.bankName} ${a.accountNumMasked}  ${a.balance === null ? '-' : formatWon(a.balance)}  ${a.lastSyncAt ? `synced ${formatKstTimestamp(a.lastSyncAt)} ${a.lastSyncStatus}` : 'never synced'}`,
          );
        }
        lines.push(
          `${c.bold('Last sync')}       ${lastSync ? `${formatKstTimestamp(lastSync.startedAt)} ${lastSync.status}, ${formatNumber(lastSync.inserted)} new of ${formatNumber(lastSync.fetched)} fetched${lastSync.error ? ` (${lastSync.error})` : ''}` : 'never'}`,
        );
        lines.push(`${c.bold('Transactions')}    ${formatNumber(counts.total)} (${formatNumber(counts.unclassified)} unclassified), ${labels} labels`);
        if (breaks.length > 0) {
          lines.push(c.yellow(`Possible gaps    ${breaks.length} break(s) in a balance chain — run 'finance sync --repair' to read their months again`));
          for (const b of breaks.slice(0, 10)) {
            lines.push(c.yellow(`  ${b.account} on ${b.date} ${b.time}: expected ${formatWon(b.expected)}, bank says ${formatWon(b.actual)}`));
          }
          if (breaks.length > 10) lines.push(c.yellow(`  … and ${breaks.length - 10} more`));
        }
        ctx.io.out(lines.join('\n'));
      }),
    );
}
