// What every command receives: IO, the data directory, configuration and the store (opened lazily), the clock, and
// an abort signal raised by Ctrl-C. Commands get their dependencies from here so tests can drive them.

import type { Config, ConfigFile, ConfigKey } from '../config.js';
import { ensureHome, resolveHome } from '../home.js';
import type { Store } from '../store/index.js';
import type { IO } from './io.js';

export interface GlobalOptions {
  home?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  input?: boolean;
}

export class Context {
  readonly home: string;
  private storeInstance: Store | undefined;
  private configFileInstance: ConfigFile | undefined;
  private homeReady = false;
  /** Values that win over everything else (the demo points the whole flow at its in-process sandbox). */
  configOverrides: Partial<Record<ConfigKey, string>> = {};
  /** Set by commands that stop cleanly on Ctrl-C themselves (via `signal`); others are ended at once (exit 130). */
  handlesInterrupts = false;

  constructor(
    readonly io: IO,
    readonly global: GlobalOptions,
    readonly env: NodeJS.ProcessEnv,
    readonly now: () => Date,
    readonly signal: AbortSignal,
  ) {
    this.home = resolveHome(global.home, env);
  }

  /** Creates (0700) or tightens the data directory. */
  ensureHome(): string {
    if (!this.homeReady) {
      ensureHome(this.home, (m) => this.io.warn(m));
      this.homeReady = true;
    }
    return this.home;
  }

  async configFile(): Promise<ConfigFile> {
    if (!this.configFileInstance) {
      this.ensureHome();
      const { openConfigFile } = await import('../config.js');
      this.configFileInstance = await openConfigFile(this.home);
    }
    return this.configFileInstance;
  }

  /** The resolved configuration (flag > env > file > default), validated. */
  async config(flags: Partial<Record<ConfigKey, string>> = {}): Promise<Config> {
    const file = await this.configFile();
    const { resolveConfig } = await import('../config.js');
    return resolveConfig(file, this.env, { ...this.configOverrides, ...flags });
  }

  async store(): Promise<Store> {
    if (!this.storeInstance) {
      this.ensureHome();
      const [{ Store }, { dbPath }] = await Promise.all([import('../store/index.js'), import('../store/db.js')]);
      this.storeInstance = Store.open(dbPath(this.home));
    }
    return this.storeInstance;
  }

  /** Whether a database already exists (commands that only read should not create one). */
  async hasStore(): Promise<boolean> {
    const { existsSync } = await import('node:fs');
    const { dbPath } = await import('../store/db.js');
    return existsSync(dbPath(this.home));
  }

  close(): void {
    this.storeInstance?.close();
    this.storeInstance = undefined;
  }
}
