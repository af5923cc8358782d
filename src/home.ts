// The data directory: where it is (flag > FINANCE_HOME > platform default) and keeping it private (0700 / files 0600).

import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { ConfigError, UsageError } from './errors.js';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Resolves the data directory without touching the disk. */
export function resolveHome(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined) {
    // An empty --home (e.g. from an unset shell variable) must not quietly become the default directory.
    if (flag.trim() === '') throw new UsageError('--home is empty', 'give a directory, or leave --home out to use $FINANCE_HOME or the default');
    return resolve(flag);
  }
  if (env.FINANCE_HOME) return resolve(env.FINANCE_HOME);
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share');
  return join(base, 'finance');
}

/**
 * Creates the directory 0700 (explicit chmod: mkdir's mode is filtered by the umask) and tightens an existing one, and
 * any group- or world-readable file in it, warning about each. Entries are looked at with lstat and a symbolic link is
 * never followed: chmod through a link would change a file outside (anyone able to plant the link could aim it at
 * any file of ours). A link that leads outside the directory is refused (78); one that stays inside is left alone.
 */
export function ensureHome(dir: string, warn: (message: string) => void = () => {}): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    chmodSync(dir, DIR_MODE);
    return;
  }
  const st = statSync(dir);
  if (!st.isDirectory()) throw new ConfigError(`the data directory ${dir} is not a directory`, 'choose another with --home or FINANCE_HOME');
  if ((st.mode & 0o077) !== 0) {
    chmodSync(dir, DIR_MODE);
    warn(`data directory ${dir} was readable by others; tightened it to 0700`);
  }
  const real = realpathSync(dir);
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    const fst = lstatIfPresent(file);
    if (fst === undefined) continue; // gone since readdir: another finance closed the database (-wal, -shm)
    if (fst.isSymbolicLink()) {
      let target: string | undefined;
      try {
        target = realpathSync(file);
      } catch {
        target = undefined; // dangling
      }
      const rel = target === undefined ? undefined : relative(real, target);
      if (rel === undefined || rel.startsWith('..') || isAbsolute(rel)) {
        throw new ConfigError(
          `${file} is a symbolic link to ${target ?? 'a missing file'}, outside the data directory`,
          'finance keeps its files private inside the data directory — replace the link with the file itself, or remove it',
        );
      }
      continue;
    }
    if (fst.isFile() && (fst.mode & 0o077) !== 0 && chmodIfPresent(file)) warn(`${file} was readable by others; tightened it to 0600`);
  }
}

/** Sets a file we own to 0600 if it exists (after SQLite or conf created it under whatever umask). */
export function privateFile(path: string): void {
  const st = lstatIfPresent(path);
  if (st !== undefined && !st.isSymbolicLink() && (st.mode & 0o777) !== FILE_MODE) chmodIfPresent(path);
}

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The -wal and -shm files come and go: SQLite deletes them when the last connection of any finance process closes,
 * which can fall between our readdir/exists check and the lstat or chmod. A file gone meanwhile needs no tightening.
 */
function lstatIfPresent(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

function chmodIfPresent(path: string): boolean {
  try {
    chmodSync(path, FILE_MODE);
    return true;
  } catch (e) {
    if (isMissing(e)) return false;
    throw e;
  }
}
