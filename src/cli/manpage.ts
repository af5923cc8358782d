// Renders the man page finance(1) in roff (man macros) from the command tree, so it says what --help says.
// Written at build time by scripts/build-man.mjs into dist/man/finance.1 (package.json's `man` installs it).

import { allCommands, type CommandNode, type OptionNode } from './command-tree.js';

/** Text safe in roff: backslashes escaped, a leading dot or quote neutralised, hyphens as real minus signs. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join('\n');
}

function optionItem(o: OptionNode): string {
  return `.TP\n.B ${roff(o.flags)}\n${roff(o.description || '')}`;
}

function examples(text: string): string {
  if (!text) return '';
  return `.PP\n.nf\n.RS 4\n${roff(text)}\n.RE\n.fi`;
}

function commandSection(node: CommandNode): string {
  const name = ['finance', ...node.path].join(' ');
  const parts = [`.SS "${roff(name)} ${roff(node.usage).replace(/"/g, '')}"`, roff(node.description)];
  const own = node.options.filter((o) => !o.names.includes('--help'));
  if (own.length > 0) parts.push('.RS 4', ...own.map(optionItem), '.RE');
  parts.push(examples(node.helpAfter));
  return parts.filter(Boolean).join('\n');
}

export interface ManPageInfo {
  version: string;
  date?: string; // YYYY-MM-DD; left out for a reproducible build unless given
}

export function manPage(root: CommandNode, info: ManPageInfo): string {
  const commands = allCommands(root).filter((n) => n !== root);
  // The program's own text after --help: examples, then the exit codes line.
  const [rootExamples, exitLine] = root.helpAfter.split(/\n\s*\n(?=Exit codes:)/);
  const exitCodes = (exitLine ?? '')
    .replace(/^Exit codes:\s*/, '')
    .replace(/\.$/, '')
    .split(/,\s*/)
    .map((e) => /^(\d+)\s+(.*)$/.exec(e.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  return [
    `.\\" finance(1), generated from the command tree by scripts/build-man.mjs; do not edit.`,
    `.TH FINANCE 1 "${info.date ?? ''}" "finance ${roff(info.version)}" "User Commands"`,
    '.SH NAME',
    `finance \\- ${roff(root.description.replace(/\.$/, ''))}`,
    '.SH SYNOPSIS',
    '.B finance',
    '[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIcommand options\\fR]',
    '.SH DESCRIPTION',
    'finance logs in to the Korean Open Banking API (OAuth on a loopback address), syncs balances and transactions into a',
    'local SQLite database (incrementally, safe from cron), sorts spending into categories from the passbook memo, finds',
    'fixed payments and prints reports with terminal charts, or CSV and JSON for other programs.',
    '.B finance demo',
    'tries all of it against the built\\-in sandbox, without a bank account or network.',
    '.PP',
    'Results go to standard output; progress, prompts, warnings and errors go to standard error. When standard output is',
    'not a terminal, tables become tab\\-separated lines with one header line and ISO dates, and nothing is coloured.',
    '.SH GLOBAL OPTIONS',
    ...root.options.map(optionItem),
    '.SH COMMANDS',
    ...commands.map(commandSection),
    '.SH EXAMPLES',
    examples((rootExamples ?? '').replace(/^Examples:\n/, '')),
    '.SH EXIT STATUS',
    ...exitCodes.map((m) => `.TP\n.B ${m[1]}\n${roff(m[2]!)}`),
    '.SH ENVIRONMENT',
    '.TP\n.B FINANCE_HOME\nthe data directory when \\fB\\-\\-home\\fR is not given',
    '.TP\n.B FINANCE_CLIENT_ID, FINANCE_CLIENT_SECRET, FINANCE_ORG_CODE, FINANCE_API_BASE_URL, FINANCE_REDIRECT_URI, FINANCE_SCOPE',
    'configuration; a command\\-line flag wins over the environment, which wins over the configuration file',
    '.TP\n.B NO_COLOR, FORCE_COLOR\nturn colours off, or force them on a pipe',
    '.TP\n.B XDG_DATA_HOME\nthe base of the default data directory',
    '.SH FILES',
    '.TP\n.I ~/.local/share/finance/finance.db\nthe SQLite database (mode 0600, in a 0700 directory)',
    '.TP\n.I ~/.local/share/finance/config.json\nthe configuration, with the client secret (mode 0600)',
    '.SH SEE ALSO',
    '.BR hledger (1),',
    '.BR ledger (1),',
    '.BR bean\\-check (1)',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}
