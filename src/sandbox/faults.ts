// Fault knobs that make the sandbox misbehave on purpose (latency and jitter, a concurrency limit, 5xx, broken pages,
// cut connections, expired tokens, operational refusals, testbed quirks), and the call counter the "on the Nth call"
// knobs count against.

import { hash32 } from './prng.js';

export interface Faults {
  /** delay before every answer */
  latencyMs: number;
  /** each answer's delay is latencyMs ± up to jitterMs, drawn per request from a seeded stream */
  jitterMs: number;
  /** answer HTTP 429 with Retry-After to a request that would make more than this many in flight (0 = no limit) */
  maxConcurrent: number;
  /** the Retry-After value (seconds) of those 429s */
  retryAfterSeconds: number;
  /** every business call answers O0006 허용되지 않은 IP */
  ipNotAllowed: boolean;
  /** business calls after the first N (counted from when the faults were set) answer quotaCode; 0 = every call */
  quotaAfterCalls?: number;
  /** O0008 (object plan) or O0009 (API plan) quota exceeded */
  quotaCode: string;
  /** balance and transaction_list answer A0002 with a bank maintenance code: 'night' (23:30–00:30 KST by the
   *  server clock), 'always', or 'off' */
  bankMaintenance: string;
  /** answer HTTP 500 on the Nth business API call counted from when the faults were set (1 = the next call) */
  fail500OnCall?: number;
  /** how many consecutive calls fail from fail500OnCall on (default 1) */
  fail500Times: number;
  /** the first transaction-list page served at or after the Nth business call carries a broken tran_amt */
  malformedPageOnCall?: number;
  /** on the Nth business call, send half the body and destroy the socket */
  cutConnectionOnCall?: number;
  /** one-shot: expire every issued access token now (refresh tokens keep working) */
  expireTokensNow: boolean;
  /** a full page with more to come answers next_page_yn "Y" but an empty trace, like the real testbed once did */
  emptyTraceQuirk: boolean;
  /** an empty transaction list answers rsp_code A0018 instead of an empty A0000 list */
  a0018WhenEmpty: boolean;
  /** rsp_code for a bank_tran_id reused on the same day */
  duplicateTranIdCode: string;
}

export const DEFAULT_FAULTS: Readonly<Faults> = {
  latencyMs: 0,
  jitterMs: 0,
  maxConcurrent: 0,
  retryAfterSeconds: 1,
  ipNotAllowed: false,
  quotaCode: 'O0008',
  bankMaintenance: 'off',
  fail500Times: 1,
  expireTokensNow: false,
  emptyTraceQuirk: false,
  a0018WhenEmpty: false,
  duplicateTranIdCode: 'A0326',
};

export type CallFault = 'none' | 'fail500' | 'cut' | 'ip' | 'quota';

const OPTIONAL = ['fail500OnCall', 'malformedPageOnCall', 'cutConnectionOnCall', 'quotaAfterCalls'];
const CHOICES: Record<string, readonly string[]> = { quotaCode: ['O0008', 'O0009'],
  bankMaintenance: ['off', 'night', 'always'] };
const NON_NEGATIVE = ['latencyMs', 'jitterMs', 'maxConcurrent', 'retryAfterSeconds', 'quotaAfterCalls'];

export class FaultState {
  faults: Faults = { ...DEFAULT_FAULTS };
  private calls = 0;
  private malformedArmed = false;

  constructor(private readonly expireTokens: () => void) {}

  /** Merges knobs in and restarts the call count. Throws on values of the wrong type. */
  set(partial: Partial<Faults>): void {
    const next: Faults = { ...this.faults };
    for (const [key, value] of Object.entries(partial)) {
      if (!(key in DEFAULT_FAULTS) && !OPTIONAL.includes(key)) {
        throw new Error(`unknown fault: ${key}`);
      }
      if (value === undefined || value === null) {
        delete (next as unknown as Record<string, unknown>)[key];
        continue;
      }
      const expected = typeof (DEFAULT_FAULTS as unknown as Record<string, unknown>)[key];
      const want = expected === 'undefined' ? 'number' : expected;
      if (typeof value !== want) throw new Error(`fault ${key} must be a ${want}`);
      const choices = CHOICES[key];
      if (choices && !choices.includes(value as string)) throw new Error(`fault ${key} must be one of ${choices.join(', ')}`);
      if (NON_NEGATIVE.includes(key) && !(Number.isFinite(value) && (value as number) >= 0)) {
        throw new Error(`fault ${key} must be a number ≥ 0`);
      }
      (next as unknown as Record<string, unknown>)[key] = value;
    }
    if (next.expireTokensNow) this.expireTokens();
    next.expireTokensNow = false;
    this.faults = next;
    this.calls = 0;
    this.malformedArmed = false;
  }

  reset(): void {
    this.faults = { ...DEFAULT_FAULTS };
    this.calls = 0;
    this.malformedArmed = false;
  }

  /** Counts one business API call and says which transport fault, if any, hits it. */
  onBusinessCall(): CallFault {
    const n = ++this.calls;
    const f = this.faults;
    // Gateway refusals come before anything reaches a bank.
    if (f.ipNotAllowed) return 'ip';
    if (f.quotaAfterCalls !== undefined && n > f.quotaAfterCalls) return 'quota';
    if (f.malformedPageOnCall !== undefined && n === f.malformedPageOnCall) this.malformedArmed = true;
    if (f.cutConnectionOnCall !== undefined && n === f.cutConnectionOnCall) return 'cut';
    if (f.fail500OnCall !== undefined && n >= f.fail500OnCall && n < f.fail500OnCall + Math.max(1, f.fail500Times)) {
      return 'fail500';
    }
    return 'none';
  }

  /** True once for the first transaction-list page after the malformed knob's call arrived. */
  takeMalformed(): boolean {
    const armed = this.malformedArmed;
    this.malformedArmed = false;
    return armed;
  }
}

/** Whether the bank is in its maintenance window at this moment (KST wall clock). */
export function inMaintenance(f: Faults, now: Date): boolean {
  if (f.bankMaintenance === 'always') return true;
  if (f.bankMaintenance !== 'night') return false;
  const k = new Date(now.getTime() + 9 * 3600_000);
  const minutes = k.getUTCHours() * 60 + k.getUTCMinutes();
  return minutes >= 23 * 60 + 30 || minutes < 30;
}

/** The names `finance sandbox --fault <name>` takes; `:N` counts business calls. */
export const FAULT_FLAGS = ['O0006', 'O0008[:N]', 'O0009[:N]', 'maintenance[:night|always]', 'empty-trace', 'A0018',
  'fail500:N', 'cut:N', 'malformed:N'] as const;

/** Turns one `--fault` value into knobs; throws with the accepted names on anything else. */
export function parseFaultFlag(flag: string): Partial<Faults> {
  const m = /^([A-Za-z0-9-]+)(?::([a-z]+|\d{1,9}))?$/.exec(flag.trim());
  const name = m?.[1] ?? '';
  const arg = m?.[2];
  const n = arg !== undefined && /^\d+$/.test(arg) ? Number(arg) : undefined;
  const count = (): number => {
    if (n === undefined || n < 1) throw new Error(`--fault ${name} needs a call number: ${name}:N (N ≥ 1)`);
    return n;
  };
  switch (m ? name.toUpperCase() : '') {
    case 'O0006':
      if (arg === undefined) return { ipNotAllowed: true };
      break;
    case 'O0008':
    case 'O0009':
      if (arg === undefined || n !== undefined) return { quotaCode: name.toUpperCase(), quotaAfterCalls: n ?? 0 };
      break;
    case 'MAINTENANCE':
      if (arg === undefined || arg === 'night' || arg === 'always') return { bankMaintenance: arg ?? 'night' };
      break;
    case 'EMPTY-TRACE':
      if (arg === undefined) return { emptyTraceQuirk: true };
      break;
    case 'A0018':
      if (arg === undefined) return { a0018WhenEmpty: true };
      break;
    case 'FAIL500':
      return { fail500OnCall: count() };
    case 'CUT':
      return { cutConnectionOnCall: count() };
    case 'MALFORMED':
      return { malformedPageOnCall: count() };
  }
  throw new Error(`unknown fault '${flag}': use one of ${FAULT_FLAGS.join(', ')}`);
}

/**
 * The delay of the nth delayed request: latencyMs ± up to jitterMs, uniform, from a hash of the seed and n — so one
 * seed always gives the same sequence of delays, whatever order concurrent requests happen to arrive in.
 */
export function requestDelay(seed: number, n: number, latencyMs: number, jitterMs: number): number {
  if (jitterMs <= 0) return latencyMs;
  const u = hash32(`latency:${n}`, seed >>> 0) / 4294967296;
  return Math.max(0, Math.round(latencyMs + (2 * u - 1) * jitterMs));
}
