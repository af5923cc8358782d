// Fault knobs that make the sandbox misbehave on purpose (latency, 5xx, broken pages, cut connections, expired
// tokens, testbed quirks), and the call counter the "on the Nth call" knobs count against.

export interface Faults {
  /** delay before every answer */
  latencyMs: number;
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
  fail500Times: 1,
  expireTokensNow: false,
  emptyTraceQuirk: false,
  a0018WhenEmpty: false,
  duplicateTranIdCode: 'A0326',
};

export type CallFault = 'none' | 'fail500' | 'cut';

export class FaultState {
  faults: Faults = { ...DEFAULT_FAULTS };
  private calls = 0;
  private malformedArmed = false;

  constructor(private readonly expireTokens: () => void) {}

  /** Merges knobs in and restarts the call count. Throws on values of the wrong type. */
  set(partial: Partial<Faults>): void {
    const next: Faults = { ...this.faults };
    for (const [key, value] of Object.entries(partial)) {
      if (!(key in DEFAULT_FAULTS) && !['fail500OnCall', 'malformedPageOnCall', 'cutConnectionOnCall'].includes(key)) {
        throw new Error(`unknown fault: ${key}`);
      }
      if (value === undefined || value === null) {
        delete (next as unknown as Record<string, unknown>)[key];
        continue;
      }
      const expected = typeof (DEFAULT_FAULTS as unknown as Record<string, unknown>)[key];
      const want = expected === 'undefined' ? 'number' : expected;
      if (typeof value !== want) throw new Error(`fault ${key} must be a ${want}`);
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
