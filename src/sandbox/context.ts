// The state one running sandbox shares between its OAuth and API handlers.

import type { FaultState } from './faults.js';
import type { Household } from './generator.js';
import { kstDigits } from './http-util.js';
import type { Rng } from './prng.js';
import type { TokenStore } from './tokens.js';

export interface SandboxContext {
  household: Household;
  /** 'spec' serves what the specification says; 'testbed' imitates the real testbed (src/sandbox/testbed.ts) */
  profile: 'spec' | 'testbed';
  clientId: string;
  clientSecret: string;
  orgCode: string;
  seed: number;
  tokenTtlSeconds: number;
  autoConsent: boolean;
  now: () => Date;
  tokens: TokenStore;
  faults: FaultState;
  /** api_tran_id stream: seeded, so a fixed clock makes whole responses reproducible */
  ids: Rng;
  /** bank_tran_ids seen, per KST day */
  tranIds: Map<string, Set<string>>;
  /** calls refused because their bank_tran_id was already used that day */
  duplicateTranIds: number;
}

export function envelope(ctx: SandboxContext): { api_tran_id: string; api_tran_dtm: string } {
  return { api_tran_id: ctx.ids.uuid(), api_tran_dtm: kstDigits(ctx.now()) };
}

/** Today's date in KST as YYYYMMDD: rows after it have not happened yet and stay invisible. */
export function kstToday(ctx: SandboxContext): string {
  return kstDigits(ctx.now()).slice(0, 8);
}

export const SCOPES = ['login', 'inquiry', 'transfer'] as const;
