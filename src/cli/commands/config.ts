// `finance config set|get|unset|list|path`: the configuration file, with the secret always shown as ****.

import type { Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  const config = program
    .command('config')
    .description('show or change settings (client id/secret, API base URL, redirect URI, institution code)')
    .addHelpText(
      'after',
      `
Keys: apiBaseUrl, clientId, clientSecret, redirectUri, orgCode, scope, syncLookbackDays
Precedence: environment variable (FINANCE_API_BASE_URL, FINANCE_CLIENT_ID, …) > config file > default.

Examples:
  $ finance config set clientId 1b2c3d4e-…
  $ finance config set redirectUri http://localhost:8080/callback
  $ finance config list
  $ finance config get apiBaseUrl`,
    );

  config
    .command('set <key> [value]')
    .description('store a value in config.json (clientSecret without a value: asked hidden, or read from stdin)')
    .addHelpText('after', '\nExamples:\n  $ finance config set orgCode M202500001\n  $ finance config set clientSecret            # asked without echo; nothing in shell history or ps\n  $ pass show openbanking | finance config set clientSecret')
    .action(
      act(async (ctx, _opts, [key, given]) => {
        const { checkForSet, isConfigKey, CONFIG_KEYS } = await import('../../config.js');
        const { UsageError } = await import('../../errors.js');
        let value = given;
        if (value === undefined) {
          if (!isConfigKey(key!) || !CONFIG_KEYS[key].secret) throw new UsageError(`missing the value for ${key}`, `finance config set ${key} <value>`);
          const { readSecret } = await import('../../app/secret-input.js');
          value = await readSecret(ctx, `${key} (input hidden):`);
        } else if (isConfigKey(key!) && CONFIG_KEYS[key].secret) {
          ctx.io.warn(`a ${key} given on the command line stays in your shell history and is visible in ps — next time run 'finance config set ${key}' without the value`);
        }
        const k = checkForSet(key!, value);
        const file = await ctx.configFile();
        file.set(k, value);
        ctx.io.info(`set ${k}`);
      }),
    );

  config
    .command('get <key>')
    .description('print the effective value of a key')
    .addHelpText('after', '\nExample:\n  $ finance config get redirectUri')
    .action(
      act(async (ctx, _opts, [key]) => {
        const { isConfigKey, resolveValue, redact, CONFIG_KEYS } = await import('../../config.js');
        const { UsageError } = await import('../../errors.js');
        if (!isConfigKey(key!)) throw new UsageError(`unknown config key '${key}'`, `keys: ${Object.keys(CONFIG_KEYS).join(', ')}`);
        const r = resolveValue(key, await ctx.configFile(), ctx.env);
        const shown = redact(key, r.value);
        if (ctx.io.json) ctx.io.data(JSON.stringify({ key, value: shown ?? null, source: r.source }));
        else if (shown !== undefined) ctx.io.out(shown);
      }),
    );

  config
    .command('unset <key>')
    .description('remove a key from config.json')
    .addHelpText('after', '\nExample:\n  $ finance config unset clientSecret')
    .action(
      act(async (ctx, _opts, [key]) => {
        const { isConfigKey, CONFIG_KEYS } = await import('../../config.js');
        const { UsageError } = await import('../../errors.js');
        if (!isConfigKey(key!)) throw new UsageError(`unknown config key '${key}'`, `keys: ${Object.keys(CONFIG_KEYS).join(', ')}`);
        (await ctx.configFile()).unset(key);
        ctx.io.info(`unset ${key}`);
      }),
    );

  config
    .command('list')
    .description('every key with its effective value and where it comes from')
    .addHelpText('after', '\nExample:\n  $ finance config list --json')
    .action(
      act(async (ctx) => {
        const { CONFIG_KEYS, resolveValue, redact } = await import('../../config.js');
        const file = await ctx.configFile();
        const rows = (Object.keys(CONFIG_KEYS) as Array<keyof typeof CONFIG_KEYS>).map((k) => {
          const r = resolveValue(k, file, ctx.env);
          return { key: k, value: redact(k, r.value) ?? null, source: r.source };
        });
        if (ctx.io.json) return ctx.io.data(JSON.stringify(rows, null, 2));
        const [{ renderTable }, { configTable }] = await Promise.all([import('../../render/table.js'), import('../../render/tables.js')]);
        ctx.io.out(renderTable(configTable(rows), ctx.io.tableView));
      }),
    );

  config
    .command('path')
    .description('print the path of config.json')
    .addHelpText('after', '\nExample:\n  $ finance config path')
    .action(
      act(async (ctx) => {
        const file = await ctx.configFile();
        if (ctx.io.json) ctx.io.data(JSON.stringify({ path: file.path, home: ctx.home }));
        else ctx.io.out(file.path);
      }),
    );
}
