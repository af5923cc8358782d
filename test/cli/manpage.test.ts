// The man page finance(1): built with the CLI (npm run build → dist/man/finance.1) from the same command tree as
// --help, so every command and option is in it, and it is valid roff that man(1) renders without warnings.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands, commandTree } from '../../src/cli/command-tree.js';
import { buildProgram } from '../../src/cli/program.js';
import { manPage } from '../../src/cli/manpage.js';

const built = join(__dirname, '../../dist/man/finance.1');

async function tree() {
  const program = await buildProgram(
    { streams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, env: {}, now: () => new Date(), signal: new AbortController().signal, onContext: () => {} },
    '9.9.9',
  );
  return commandTree(program);
}

describe('finance.1', () => {
  it('has a section for every command and every option, and the exit codes', async () => {
    const root = await tree();
    const page = manPage(root, { version: '9.9.9' });
    expect(page).toMatch(/^\.TH FINANCE 1 "" "finance 9\.9\.9"/m);
    for (const node of allCommands(root).slice(1)) {
      expect(page, node.path.join(' ')).toContain(`.SS "finance ${node.path.join(' ').replace(/-/g, '\\-')}`);
      for (const o of node.options) expect(page, o.flags).toContain(`.B ${o.flags.replace(/-/g, '\\-')}`);
    }
    expect(page).not.toContain('__complete');
    for (const code of ['64', '69', '75', '77', '78', '130']) expect(page).toMatch(new RegExp(`^\\.B ${code}$`, 'm'));
  });

  it('is built into dist/ and renders with man without warnings', () => {
    const page = readFileSync(built, 'utf8');
    expect(page).toContain('.SS "finance completion');
    const check = spawnSync('groff', ['-k', '-Tutf8', '-man', '-ww', '-z', built], { encoding: 'utf8' });
    if (check.error === undefined) expect(check.stderr).toBe('');
    const man = spawnSync('man', ['-l', built], { env: { ...process.env, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '100', LANG: 'C.UTF-8' }, encoding: 'utf8' });
    if (man.error === undefined) {
      expect(man.status, man.stderr).toBe(0);
      expect(man.stdout).toMatch(/^NAME\n\s+finance\s+\S\s+Personal\s+finance/m);
      expect(man.stdout).toContain('finance tx [options]');
    }
  });
});
