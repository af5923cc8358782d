// Writes dist/man/finance.1 from the built command tree (run by `npm run build`, after tsc). package.json's `man`
// field points at it, so `npm install -g` installs it where man(1) finds it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const { buildProgram } = await import('../dist/cli/program.js');
const { commandTree } = await import('../dist/cli/command-tree.js');
const { manPage } = await import('../dist/cli/manpage.js');

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const program = await buildProgram(
  {
    streams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
    env: {},
    now: () => new Date(),
    signal: new AbortController().signal,
    onContext: () => {},
  },
  pkg.version,
);
// SOURCE_DATE_EPOCH, when set, dates the page (reproducible builds); otherwise it carries no date.
const epoch = process.env.SOURCE_DATE_EPOCH;
const date = epoch ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : undefined;
mkdirSync(new URL('../dist/man/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/man/finance.1', import.meta.url), manPage(commandTree(program), { version: pkg.version, date }));
