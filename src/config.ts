// Configuration keys, their validation, and the precedence flag > environment > config file > default.
// The file is config.json in the data directory (via `conf`); the client secret is never shown, only `****`.

import { join } from 'node:path';
import { ConfigError, UsageError } from './errors.js';
import { FILE_MODE, privateFile } from './home.js';

export interface Config {
  apiBaseUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  redirectUri: string;
  orgCode: string | undefined;
  scope: string;
  syncLookbackDays: number;
  /** requests a sync keeps in flight */
  syncConcurrency: number;
  /** ms after which a sync starts no new window; null = none */
  syncDeadline: number | null;
  refreshBeforeDays: number;
}
export type ConfigKey = keyof Config;
export type ConfigSource = 'flag' | 'env' | 'file' | 'default' | 'unset';

interface KeySpec {
  env?: string;
  default?: string;
  secret?: boolean;
  /** Returns an error text for a bad value, or undefined. */
  check: (value: string) => string | undefined;
  describe: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function checkUrl(value: string): string | undefined {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'must be an http(s) URL';
    return undefined;
  } catch {
    return 'must be a URL such as https://testapi.openbanking.or.kr';
  }
}

/** A redirect URI must be plain http on a loopback host: the login callback server listens there. */
export function checkRedirectUri(value: string): string | undefined {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return 'must be a URL such as http://localhost:8080/callback';
  }
  if (u.protocol !== 'http:') return 'must use http:// (the callback is served on this machine)';
  if (!LOOPBACK_HOSTS.has(u.hostname)) return 'must be on a loopback host: localhost, 127.0.0.1 or [::1]';
  if (u.username || u.password) return 'must not contain a user name or password';
  return undefined;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration such as `90s`, `10m`, `1h`, `1h30m` (units ms, s, m, h, d; a bare number is seconds) → ms; `none`/`off`
 * → null (no limit); undefined when it is not a duration. At most 7 days.
 */
export function parseDuration(value: string): number | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'off') return null;
  if (/^[0-9]{1,7}$/.test(v)) return Number(v) > 0 && Number(v) <= 604_800 ? Number(v) * 1000 : undefined;
  if (!/^([0-9]{1,7}(ms|s|m|h|d))+$/.test(v)) return undefined;
  let ms = 0;
  for (const m of v.matchAll(/([0-9]+)(ms|s|m|h|d)/g)) ms += Number(m[1]) * DURATION_UNITS[m[2]!]!;
  return ms > 0 && ms <= 7 * 86_400_000 ? ms : undefined;
}

export const CONFIG_KEYS: Record<ConfigKey, KeySpec> = {
  apiBaseUrl: {
    env: 'FINANCE_API_BASE_URL',
    default: 'https://testapi.openbanking.or.kr',
    check: checkUrl,
    describe: 'Open Banking API base URL',
  },
  clientId: {
    env: 'FINANCE_CLIENT_ID',
    check: (v) => (/^\S{1,200}$/.test(v) ? undefined : 'must be a non-empty id without spaces'),
    describe: "the app's client id",
  },
  clientSecret: {
    env: 'FINANCE_CLIENT_SECRET',
    secret: true,
    check: (v) => (/^\S{1,500}$/.test(v) ? undefined : 'must be a non-empty secret without spaces'),
    describe: "the app's client secret",
  },
  redirectUri: {
    env: 'FINANCE_REDIRECT_URI',
    default: 'http://localhost:8080/callback',
    check: checkRedirectUri,
    describe: 'registered callback URL (http on a loopback host)',
  },
  orgCode: {
    env: 'FINANCE_ORG_CODE',
    check: (v) => (/^[A-Z][0-9]{9}$/.test(v) ? undefined : 'must be one capital letter and 9 digits, e.g. M202500001'),
    describe: 'institution code (prefix of every bank_tran_id)',
  },
  scope: {
    env: 'FINANCE_SCOPE',
    default: 'login inquiry',
    check: (v) => (/^[a-z]+( [a-z]+)*$/.test(v.trim()) ? undefined : "must be space-separated scopes, e.g. 'login inquiry'"),
    describe: 'OAuth scope asked for',
  },
  syncLookbackDays: {
    default: '365',
    check: (v) => (/^[0-9]{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 36500 ? undefined : 'must be a whole number of days from 1 to 36500'),
    describe: 'how far back a first sync reaches (days)',
  },
  syncConcurrency: {
    env: 'FINANCE_SYNC_CONCURRENCY',
    default: '4',
    check: (v) => (/^[0-9]{1,2}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 32 ? undefined : 'must be a whole number from 1 to 32'),
    describe: 'requests a sync keeps in flight (accounts and month windows); 1 = one after another',
  },
  syncDeadline: {
    env: 'FINANCE_SYNC_DEADLINE',
    default: '30m',
    check: (v) => (parseDuration(v) === undefined ? "must be a duration such as 90s, 10m or 1h (at most 7d), or 'none'" : undefined),
    describe: 'a sync starts no new window once this has passed (exit 75)',
  },
  refreshBeforeDays: {
    default: '10',
    check: (v) => (/^[0-9]{1,2}$/.test(v) && Number(v) <= 60 ? undefined : 'must be a whole number of days from 0 to 60'),
    describe: 'refresh the access token when fewer than this many days of it remain',
  },
};

export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(CONFIG_KEYS, key);
}

export function redact(key: ConfigKey, value: string | undefined): string | undefined {
  return value !== undefined && CONFIG_KEYS[key].secret ? '****' : value;
}

/** The persistent part: config.json in the data directory. */
export interface ConfigFile {
  readonly path: string;
  get(key: ConfigKey): string | undefined;
  set(key: ConfigKey, value: string): void;
  unset(key: ConfigKey): void;
}

export async function openConfigFile(home: string): Promise<ConfigFile> {
  const { default: Conf } = await import('conf');
  let conf: InstanceType<typeof Conf<Record<string, unknown>>>;
  try {
    conf = new Conf<Record<string, unknown>>({
      cwd: home,
      configName: 'config',
      configFileMode: FILE_MODE,
      projectSuffix: '',
      watch: false,
    });
  } catch (e) {
    throw new ConfigError(
      `cannot read ${join(home, 'config.json')}: ${(e as Error).message.split('\n')[0]}`,
      "fix the file by hand or delete it and set the values again with 'finance config set'",
    );
  }
  const path = conf.path;
  return {
    path,
    get(key) {
      const v = conf.get(key);
      if (v === undefined || v === null) return undefined;
      return String(v);
    },
    set(key, value) {
      conf.set(key, value);
      privateFile(path);
    },
    unset(key) {
      conf.delete(key);
      privateFile(path);
    },
  };
}

export interface ResolvedValue {
  key: ConfigKey;
  value: string | undefined;
  source: ConfigSource;
}

/** Where each key's value comes from, by precedence; `flags` are command-line overrides. */
export function resolveValue(
  key: ConfigKey,
  file: Pick<ConfigFile, 'get'>,
  env: NodeJS.ProcessEnv,
  flags: Partial<Record<ConfigKey, string>> = {},
): ResolvedValue {
  const spec = CONFIG_KEYS[key];
  const flag = flags[key];
  if (flag !== undefined) return { key, value: flag, source: 'flag' };
  const fromEnv = spec.env ? env[spec.env] : undefined;
  if (fromEnv !== undefined && fromEnv !== '') return { key, value: fromEnv, source: 'env' };
  const fromFile = file.get(key);
  if (fromFile !== undefined) return { key, value: fromFile, source: 'file' };
  if (spec.default !== undefined) return { key, value: spec.default, source: 'default' };
  return { key, value: undefined, source: 'unset' };
}

function sourceLabel(r: ResolvedValue): string {
  if (r.source === 'env') return `environment variable ${CONFIG_KEYS[r.key].env}`;
  if (r.source === 'file') return 'config.json';
  return r.source;
}

/** Resolves and validates every key; a bad value from anywhere is a configuration error (78). */
export function resolveConfig(
  file: Pick<ConfigFile, 'get'>,
  env: NodeJS.ProcessEnv,
  flags: Partial<Record<ConfigKey, string>> = {},
): Config {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const r = resolveValue(key, file, env, flags);
    if (r.value !== undefined) {
      const problem = CONFIG_KEYS[key].check(r.value);
      if (problem) {
        const shown = CONFIG_KEYS[key].secret ? '' : ` ("${r.value}")`;
        throw new ConfigError(
          `config ${key}${shown} from ${sourceLabel(r)} ${problem}`,
          r.source === 'env' ? `fix or unset ${CONFIG_KEYS[key].env}` : `run 'finance config set ${key} <value>'`,
        );
      }
    }
    out[key] = r.value;
  }
  return {
    apiBaseUrl: out.apiBaseUrl!,
    clientId: out.clientId,
    clientSecret: out.clientSecret,
    redirectUri: out.redirectUri!,
    orgCode: out.orgCode,
    scope: out.scope!.trim(),
    syncLookbackDays: Number(out.syncLookbackDays),
    syncConcurrency: Number(out.syncConcurrency),
    syncDeadline: parseDuration(out.syncDeadline!) ?? null,
    refreshBeforeDays: Number(out.refreshBeforeDays),
  };
}

/** Validates a value for `config set` (a bad value is a usage error, 64). */
export function checkForSet(key: string, value: string): ConfigKey {
  if (!isConfigKey(key)) {
    throw new UsageError(`unknown config key '${key}'`, `keys: ${Object.keys(CONFIG_KEYS).join(', ')}`);
  }
  const problem = CONFIG_KEYS[key].check(value);
  if (problem) throw new UsageError(`${key} ${problem}`);
  return key;
}

export interface ApiCredentials {
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  orgCode: string;
  scope: string;
}

/** The configuration needed to talk to the API; missing pieces are a configuration error naming what to set. */
export function requireCredentials(c: Config): ApiCredentials {
  const missing: string[] = [];
  if (!c.clientId) missing.push('clientId');
  if (!c.clientSecret) missing.push('clientSecret');
  if (!c.orgCode) missing.push('orgCode');
  if (missing.length > 0) {
    throw new ConfigError(
      `missing ${missing.join(', ')}`,
      `run ${missing.map((k) => `'finance config set ${k} <value>'`).join(' and ')} (or set ${missing
        .map((k) => CONFIG_KEYS[k as ConfigKey].env)
        .join(', ')}); try 'finance demo' to see it work without credentials`,
    );
  }
  return {
    apiBaseUrl: c.apiBaseUrl,
    clientId: c.clientId!,
    clientSecret: c.clientSecret!,
    redirectUri: c.redirectUri,
    orgCode: c.orgCode!,
    scope: c.scope,
  };
}
