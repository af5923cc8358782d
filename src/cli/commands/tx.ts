// `finance tx`: stored transactions, newest first, with filters; table, TSV, CSV or JSON.

import type { Command } from 'commander';
import { parseDate, parseWholeNumber } from '../args.js';
import { formatOption, type Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('tx')
    .description('list stored transactions, newest first')
    .option('--from <date>', 'from this date (YYYY-MM-DD)', parseDate)
    .option('--to <date>', 'up to this date (YYYY-MM-DD)', parseDate)
    .option('--account <account>', 'only this account (id, last digits, alias or bank name)')
    .option('--category <category>', 'only this category (id or Korean name)')
    .option('--search <text>', 'memo, payee, branch or type containing this text; initial consonants (ㅅㅌㅂㅅ) match too')
    .option('--min <won>', 'amount at least this', parseWholeNumber(0, Number.MAX_SAFE_INTEGER))
    .option('--max <won>', 'amount at most this', parseWholeNumber(0, Number.MAX_SAFE_INTEGER))
    .option('--limit <n>', 'at most n rows', parseWholeNumber(1, 100_000_000))
    .addOption(formatOption())
    .option('--bom', 'with --format csv, start with a UTF-8 byte order mark (for Excel)')
    .addHelpText(
      'after',
      `
Examples:
  $ finance tx --from 2026-01-01 --category cafe
  $ finance tx --search 스타벅스 --format csv --bom > coffee.csv
  $ finance tx --search ㅅㅌㅂㅅ --min 10000
  $ finance tx --account 월급통장 --limit 20
  $ finance tx --format json --limit 10 | jq '.[].amount'`,
    )
    .action(
      act(async (ctx, opts) => {
        const { UsageError } = await import('../../errors.js');
        if (opts.from && opts.to && opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
        if (opts.min !== undefined && opts.max !== undefined && opts.min > opts.max) throw new UsageError(`--min ${opts.min} is above --max ${opts.max}`);
        if (opts.bom && (ctx.io.json ? 'json' : opts.format) !== 'csv') throw new UsageError('--bom is only for --format csv');
        const store = await ctx.store();
        const category = opts.category ? (await import('../../app/categories.js')).resolveCategory(store, opts.category) : undefined;
        const account = opts.account ? (await import('../../app/account-ref.js')).resolveAccount(store, opts.account) : undefined;
        const { categoryName } = await import('../../domain/categories.js');
        const { loadPayees, memosMatching } = await import('../../app/payees.js');
        const { payeeOf } = await import('../../domain/payee.js');
        const payees = loadPayees(store);
        const searchMemos = opts.search ? memosMatching(payees, opts.search) : undefined;
        const rows = store.transactions.iterate({ from: opts.from, to: opts.to, account, category, search: opts.search, searchMemos, min: opts.min, max: opts.max, limit: opts.limit });
        const format = ctx.io.json ? 'json' : (opts.format ?? 'text');
        const toJson = (t: ReturnType<typeof rows.next>['value'] & object) => ({
          id: t.id,
          account: t.account,
          date: t.date,
          time: t.time,
          direction: t.direction,
          amount: t.amount,
          balanceAfter: t.balanceAfter,
          memo: t.memo,
          payee: payees.get(t.memo) ?? payeeOf(t.memo),
          type: t.type,
          branch: t.branch,
          category: t.category,
          categoryName: categoryName(t.category),
          categorySource: t.categorySource,
        });
        const { TX_PIPE_HEADERS: headers } = await import('../../render/tables.js');
        switch (format) {
          case 'json':
            // Streamed: a million rows must not be held in memory as one string.
            return ctx.io.stream(
              (function* () {
                let first = true;
                yield '[';
                for (const t of rows) {
                  yield (first ? '\n  ' : ',\n  ') + JSON.stringify(toJson(t));
                  first = false;
                }
                yield first ? ']\n' : '\n]\n';
              })(),
            );
          case 'csv': {
            const { csvLine, BOM } = await import('../../render/csv-line.js');
            const bom = opts.bom === true;
            return ctx.io.stream(
              (function* () {
                yield (bom ? BOM : '') + csvLine(headers) + '\n';
                for (const t of rows) yield csvLine(Object.values(toJson(t))) + '\n';
              })(),
            );
          }
          default: {
            const { tsvLine, renderTable } = await import('../../render/table.js');
            if (!ctx.io.stdoutTTY) {
              // Piped: tab-separated lines with one header, streamed.
              return ctx.io.stream(
                (function* () {
                  yield tsvLine(headers) + '\n';
                  for (const t of rows) yield tsvLine(Object.values(toJson(t))) + '\n';
                })(),
              );
            }
            const list = [...rows];
            if (list.length === 0) return ctx.io.info('no transactions match');
            const [{ txTable }, { pageOut }] = await Promise.all([import('../../render/tables.js'), import('../../app/pager.js')]);
            const payee = (memo: string) => payees.get(memo) ?? payeeOf(memo);
            await pageOut(ctx, renderTable(txTable(list, { tty: true, c: ctx.io.c }, payee), ctx.io.tableView));
          }
        }
      }),
    );
}
