// `finance export`: the stored transactions as a ledger/hledger or beancount journal, or as CSV, streamed in date order
// to stdout or atomically to a file (temp file + rename, mode 0600).

import type { Command } from 'commander';
import { Option } from 'commander';
import { parseDate } from '../args.js';
import type { Act } from '../program.js';

const CHUNK = 64 * 1024;

export function register(program: Command, act: Act): void {
  program
    .command('export')
    .description('write the transactions as a journal for hledger/ledger or beancount, or as CSV')
    .addOption(new Option('--format <format>', 'ledger, beancount or csv').choices(['ledger', 'beancount', 'csv']).makeOptionMandatory())
    .option('--from <date>', 'from this date (YYYY-MM-DD)', parseDate)
    .option('--to <date>', 'up to this date (YYYY-MM-DD)', parseDate)
    .option('-o, --output <file>', 'write to this file (replaced atomically) instead of stdout')
    .option('--bom', 'with --format csv, start with a UTF-8 byte order mark (for Excel)')
    .addHelpText(
      'after',
      `
Examples:
  $ finance export --format ledger -o finance.journal && hledger -f finance.journal balance
  $ finance export --format beancount --from 2026-01-01 -o finance.beancount && bean-check finance.beancount
  $ finance export --format csv > transactions.csv
  $ finance export --format csv --bom -o transactions.csv     # opens in Korean Excel`,
    )
    .action(
      act(async (ctx, opts) => {
        const { UsageError } = await import('../../errors.js');
        if (opts.bom && opts.format !== 'csv') throw new UsageError('--bom is only for --format csv', 'drop --bom, or export with --format csv');
        if (opts.from && opts.to && opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`, 'give a start date on or before the end date');
        const store = await ctx.store();
        const journal = await import('../../domain/journal.js');
        const payees = (await import('../../app/payees.js')).loadPayees(store);
        let count = 0;
        const rows = (function* () {
          for (const r of store.transactions.iterate({ from: opts.from, to: opts.to, order: 'oldest' })) {
            count++;
            yield { ...r, payee: payees.get(r.memo) ?? r.memo };
          }
        })();
        let chunks: Iterable<string>;
        if (opts.format === 'csv') {
          const { csvLine, BOM } = await import('../../render/csv-line.js');
          const bom = opts.bom === true ? BOM : '';
          chunks = (function* () {
            yield bom + csvLine(journal.EXPORT_CSV_HEADERS) + '\n';
            for (const r of rows) yield csvLine(journal.exportCsvRow(r)) + '\n';
          })();
        } else {
          const summary = store.reports.exportSummary(opts.from, opts.to);
          chunks = journal.journalChunks(opts.format, { accounts: store.accounts.list(), ...summary }, rows);
        }
        if (!opts.output) return ctx.io.stream(chunks);
        await writeAtomically(opts.output, batch(chunks));
        ctx.io.info(`wrote ${count} transactions to ${opts.output} (${opts.format})`);
      }),
    );
}

/** Joins small chunks into blocks of about 64 KiB so a large export makes few writes. */
function* batch(chunks: Iterable<string>): Generator<string> {
  let buf = '';
  for (const c of chunks) {
    buf += c;
    if (buf.length >= CHUNK) (yield buf), (buf = '');
  }
  if (buf) yield buf;
}

/** Writes a temp file (0600) next to `path`, then renames it over `path`; a failure leaves `path` untouched. */
async function writeAtomically(path: string, blocks: Iterable<string>): Promise<void> {
  const fs = await import('node:fs');
  const { dirname, basename, join } = await import('node:path');
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
  } catch (e) {
    const { UsageError } = await import('../../errors.js');
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`, 'check that its directory exists and is writable');
  }
  try {
    for (const b of blocks) fs.writeSync(fd, b);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, path);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      /* already closed */
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
