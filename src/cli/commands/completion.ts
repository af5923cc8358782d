// `finance completion bash|zsh|fish` (a completion script generated from the command tree) and the hidden
// `finance __complete <kind>` that the scripts call for values only the data directory knows (accounts, categories).

import { Argument, type Command } from 'commander';
import type { Act } from '../program.js';

export function register(program: Command, act: Act): void {
  program
    .command('completion')
    .description('print a shell completion script (commands, options, categories, accounts)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(finance completion bash)                               # this bash session
  $ finance completion bash > ~/.local/share/bash-completion/completions/finance
  $ finance completion zsh > "\${fpath[1]}/_finance"                 # zsh, with compinit
  $ finance completion fish > ~/.config/fish/completions/finance.fish`,
    )
    .action(
      act(async (ctx, _opts, [shell]) => {
        const [{ commandTree }, { completionScript }] = await Promise.all([import('../command-tree.js'), import('../completion-scripts.js')]);
        ctx.io.data(completionScript(shell as 'bash' | 'zsh' | 'fish', commandTree(program)).replace(/\n$/, ''));
      }),
    );

  // Called by the completion scripts on every TAB that wants accounts or categories: one value a line. It must never
  // get in the way of the shell: no data directory, an old or locked database, an unknown kind → no output, exit 0.
  // It never creates the data directory and opens the database read-only.
  program
    .command('__complete', { hidden: true })
    .argument('[kind]')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(
      act(async (ctx, _opts, [kind]) => {
        let values: string[] = [];
        try {
          values = await completionValues(ctx.home, kind ?? '');
        } catch {
          values = [];
        }
        // A value with control characters (an alias a bank sent) is left out: escaped it would not match, raw it could
        // drive the terminal.
        const { sanitizeLine } = await import('../../sanitize.js');
        const clean = [...new Set(values.map((v) => v.trim()).filter((v) => v !== '' && sanitizeLine(v) === v))];
        if (clean.length > 0) ctx.io.data(clean.join('\n'));
      }),
    );
}

async function completionValues(home: string, kind: string): Promise<string[]> {
  if (kind !== 'categories' && kind !== 'accounts') return [];
  const { existsSync } = await import('node:fs');
  const { dbPath, openDatabase } = await import('../../store/db.js');
  const path = dbPath(home);
  const builtin = kind === 'categories' ? (await import('../../domain/categories.js')).BUILTIN_CATEGORIES.flatMap((c) => [c.id, c.name]) : [];
  if (!existsSync(path)) return builtin;
  const { Store } = await import('../../store/index.js');
  let store: InstanceType<typeof Store> | undefined;
  try {
    store = new Store(openDatabase(path, { readonly: true }));
    if (kind === 'categories') return [...builtin, ...store.labels.userCategories()];
    return store.accounts.list().flatMap((a) => [a.id, a.alias ?? '']);
  } catch {
    return builtin;
  } finally {
    store?.close();
  }
}
