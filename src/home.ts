// The data directory: where it is (flag > FINANCE_HOME > platform default) and keeping it private (0700 / files 0600).

import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Resolves the data directory without touching the disk. */
export function resolveHome(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.FINANCE_HOME) return resolve(env.FINANCE_HOME);
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share');
  return join(base, 'finance');
}

/**
 * Creates the directory 0700 (explicit chmod: mkdir's mode is filtered by the umask) and tightens an existing one, and
 * any group- or world-readable file in it, warning about each.
 */
export function ensureHome(dir: string, warn: (message: string) => void = () => {}): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    chmodSync(dir, DIR_MODE);
    return;
  }
  const st = statSync(dir);
  if ((st.mode & 0o077) !== 0) {
    chmodSync(dir, DIR_MODE);
    warn(`data directory ${dir} was readable by others; tightened it to 0700`);
  }
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    const fst = statSync(file);
    if (fst.isFile() && (fst.mode & 0o077) !== 0) {
      chmodSync(file, FILE_MODE);
      warn(`${file} was readable by others; tightened it to 0600`);
    }
  }
}

/** Sets a file we own to 0600 if it exists (after SQLite or conf created it under whatever umask). */
export function privateFile(path: string): void {
  if (existsSync(path) && (statSync(path).mode & 0o777) !== FILE_MODE) chmodSync(path, FILE_MODE);
}
