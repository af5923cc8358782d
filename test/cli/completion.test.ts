// `finance completion bash|zsh|fish` and the hidden `finance __complete`: the generated scripts loaded into the real
// shells, completing commands, subcommands, options, option values, category ids/names and account ids/aliases from
// a real data directory (made by `finance demo`), and in real interactive shells in a pseudo-terminal with TAB.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { dbPath } from '../../src/store/db.js';
import { BIN, cleanEnv, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'finance-completion-'));
const binDir = join(dir, 'bin');
const home = join(dir, 'h-demo'); // `finance --home <dir>/h demo` fills <dir>/h-demo
const env = cleanEnv({ PATH: `${binDir}:${process.env.PATH}`, HOME: join(dir, 'user'), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'xterm' });
// Completing a value starts the CLI once (a Node start): seconds each on a loaded machine.
const SLOW = 180_000;
const ANSI_ANY = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78MDEc]/g;

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

beforeAll(async () => {
  mkdirSync(binDir, { recursive: true });
  mkdirSync(join(dir, 'user'), { recursive: true });
  // `finance` on PATH, as an installed CLI is (the scripts call the program named on the command line).
  writeFileSync(join(binDir, 'finance'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(binDir, 'finance'), 0o755);
  const demo = await runCli(['--home', join(dir, 'h'), 'demo'], { env });
  expect(demo.code, demo.stderr).toBe(0);
  // The script as `finance completion bash` prints it, generated once (each run of the CLI costs a Node start).
  const script = await runCli(['completion', 'bash'], { env });
  expect(script.code, script.stderr).toBe(0);
  writeFileSync(join(dir, 'finance.bash'), script.stdout);
  const store = Store.open(dbPath(home));
  store.labels.addUserCategory('반려동물');
  store.close();
}, SLOW);

/** Completes the last word of `words` through the bash script, as bash's programmable completion calls it. */
function bashComplete(words: string[], script = `source '${join(dir, 'finance.bash')}'`): string[] {
  const r = spawnSync(
    'bash',
    ['--norc', '--noprofile', '-c', `${script}\nCOMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _finance; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', ...words],
    { env, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('finance completion bash', () => {
  it('completes commands, subcommands, options and option choices from the command tree', { timeout: SLOW }, () => {
    const top = bashComplete(['finance', '']);
    for (const c of ['login', 'sync', 'tx', 'report', 'label', 'categories', 'completion', 'demo']) expect(top).toContain(c);
    expect(top).not.toContain('__complete');
    expect(bashComplete(['finance', 'rep'])).toEqual(['report']);
    expect(bashComplete(['finance', 'label', ''])).toEqual(['set', 'list', 'rm']);
    expect(bashComplete(['finance', 'tx', '--fo'])).toEqual(['--format']);
    expect(bashComplete(['finance', 'tx', '--format', ''])).toEqual(['text', 'csv', 'json']);
    expect(bashComplete(['finance', 'export', '--format', 'b'])).toEqual(['beancount']);
    expect(bashComplete(['finance', '--json', 'tx', '--no'])).toEqual(['--no-color', '--no-input', '--no-pager']); // global options too
    expect(bashComplete(['finance', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes category ids, Korean names and the user’s own categories', { timeout: SLOW }, () => {
    expect(bashComplete(['finance', 'tx', '--category', 'ca'])).toEqual(['cafe', 'car']);
    expect(bashComplete(['finance', 'tx', '--category', '카'])).toEqual(['카페/간식']);
    expect(bashComplete(['finance', '--home', home, 'tx', '--category', '반'])).toEqual(['반려동물']);
    expect(bashComplete(['finance', '--home', home, 'label', 'set', '스타벅스', 'caf'])).toEqual(['cafe']); // 2nd argument
    expect(bashComplete(['finance', '--home', home, 'label', 'set', 'caf'])).toEqual([]); // the memo is free text
  });

  it('completes account ids and aliases from the data directory named by --home (or FINANCE_HOME)', { timeout: SLOW }, () => {
    const values = bashComplete(['finance', '--home', home, 'sync', '--account', '']);
    expect(values).toEqual(expect.arrayContaining(['월급통장', '생활비', '적금']));
    expect(values.filter((v) => /^\d{20,24}$/.test(v))).toHaveLength(3);
    expect(bashComplete(['finance', '--home', home, 'tx', '--account', '월'])).toEqual(['월급통장']);
    const viaEnv = spawnSync('bash', ['--norc', '-c', `source '${join(dir, 'finance.bash')}'; COMP_WORDS=(finance fixed --account 생); COMP_CWORD=3; _finance; echo "\${COMPREPLY[@]}"`], {
      env: { ...env, FINANCE_HOME: home },
      encoding: 'utf8',
    });
    expect(viaEnv.stdout.trim()).toBe('생활비');
  });

  it('offers nothing, quietly, where there is no data directory, and never creates one', { timeout: SLOW }, () => {
    const missing = join(dir, 'nowhere');
    expect(bashComplete(['finance', '--home', missing, 'tx', '--account', ''])).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('finance __complete', () => {
  it('prints values one a line, and nothing (exit 0) for an unknown kind, a missing or a damaged data directory', { timeout: SLOW }, async () => {
    const accounts = await runCli(['--home', home, '__complete', 'accounts'], { env });
    expect(accounts.code).toBe(0);
    expect(accounts.stdout.split('\n').filter(Boolean)).toEqual(expect.arrayContaining(['월급통장', '생활비', '적금']));
    for (const args of [['__complete', 'nonsense'], ['__complete'], ['--home', join(dir, 'nowhere'), '__complete', 'accounts'], ['__complete', 'accounts', '--unknown-flag', 'x']]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).toBe('');
    }
    const damaged = join(dir, 'damaged');
    mkdirSync(damaged, { mode: 0o700 });
    writeFileSync(join(damaged, 'finance.db'), 'not a database', { mode: 0o600 });
    const r = await runCli(['--home', damaged, '__complete', 'accounts'], { env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('is hidden from help', { timeout: SLOW }, async () => {
    const r = await runCli(['--help'], { env });
    expect(r.stdout).toContain('completion');
    expect(r.stdout).not.toContain('__complete');
  });
});

describe.runIf(has('zsh'))('finance completion zsh', () => {
  it('completes through zsh’s own completion system (compinit) in an interactive zsh, with TAB', { timeout: SLOW }, () => {
    const out = typeIn(['zsh', '-f', '-i'], [
      { send: 'bindkey -e; autoload -U compinit && compinit -u && source <(finance completion zsh); echo READY-$((20+6))\r', until: 'READY-26' },
      `finance --home ${home} tx --category caf\t`,
      // Ctrl-A, printf in front, Ctrl-E, a marker, Enter: prints the completed words
      { send: `\x01printf '<%s>' \x05; echo DONE-$((1+1))\r`, until: 'DONE-2' },
      `finance --home ${home} sync --account 월\t`,
      { send: `\x01printf '<%s>' \x05; echo DONE-$((2+1))\r`, until: 'DONE-3' },
    ]);
    expect(out).toContain(`<finance><--home><${home}><tx><--category><cafe>`);
    expect(out).toContain(`<sync><--account><월급통장>`);
  });
});

describe.runIf(has('fish'))('finance completion fish', () => {
  it('answers fish’s own `complete -C` for commands, options, categories and accounts', { timeout: SLOW }, () => {
    const r = spawnSync(
      'fish',
      ['--no-config', '-c', `finance completion fish | source; complete -C 'finance lab'; complete -C 'finance tx --category caf'; complete -C 'finance --home ${home} tx --account 생'; complete -C 'finance tx --fo'`],
      { env, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').map((l) => l.split('\t')[0]);
    expect(lines).toEqual(['label', 'cafe', '생활비', '--format', '']);
  });
});

describe('finance completion in an interactive bash', () => {
  it('completes with TAB in a real `bash -i` in a pseudo-terminal', { timeout: SLOW }, () => {
    const out = typeIn(['bash', '--norc', '--noprofile', '-i'], [
      { send: 'source <(finance completion bash); echo READY-$((20+6))\r', until: 'READY-26' },
      `finance --home ${home} tx --categ\tcaf\t--acc\t월\t`,
      { send: `\x01printf '<%s>' \x05; echo DONE-$((1+1))\r`, until: 'DONE-2' },
    ]);
    expect(out).toContain(`<finance><--home><${home}><tx><--category><cafe><--account><월급통장>`);
  });
});

/** Types the chunks into an interactive shell in a pseudo-terminal; returns what the terminal showed, escapes removed. */
function typeIn(shell: string[], chunks: Array<string | { send: string; until: string }>): string {
  const r = spawnSync('python3', [join(__dirname, '../helpers/pty-shell.py'), ...shell], { env, input: JSON.stringify(chunks), encoding: 'utf8', timeout: 60_000 });
  return (r.stdout ?? '').replace(ANSI_ANY, '').replace(/\r/g, '');
}
