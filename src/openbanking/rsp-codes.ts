// Which API result codes mean what for the person and for cron: the one place where a non-success rsp_code (with its
// bank_rsp_code) becomes an error with an exit code (../shared/openbanking-api.md §7, §9.1). Operational refusals —
// quota (O0008/O0009), an IP not allowed (O0006), a bank in its maintenance window (A0002 with a bank code) — are
// "try again later" (75) with the server's message, never a crash. Server text arrives cleaned by the decoder and is
// cleaned again by FinanceError (secrets redacted, control characters escaped).

import { ApiError, EXIT, type ExitCode } from '../errors.js';

/** Quota exhausted: the caller should slow down (fewer requests in flight), not only retry. */
export const QUOTA_CODES: ReadonlySet<string> = new Set(['O0008', 'O0009']);

/** Institution answers that describe the account, not the moment: retrying later will not help. */
const PERMANENT_BANK_CODES: ReadonlySet<string> = new Set(['412', '415', '416', '419', '420', '551', '555', '556']);

function temporaryHint(code: string): string | undefined {
  if (QUOTA_CODES.has(code)) return 'the Open Banking usage quota is exhausted — try again later (a daily quota resets at midnight KST)';
  if (code === 'O0006') return "the API refused this machine's IP address — try again from an allowed network, or register the address on the developer portal";
  if (code === 'A0007' || code === 'A0015') return 'the bank did not answer in time — try again later';
  return undefined;
}

/**
 * The error for a non-success answer. `bankCode`/`bankMessage` are bank_rsp_code/bank_rsp_message (A0002 carries the
 * real reason there); `hint` is the decoder's advice for codes this function does not override.
 */
export function rspError(endpoint: string, code: string, message: string, bankCode: string, bankMessage: string, hint: string): ApiError {
  const tempHint = temporaryHint(code);
  if (tempHint) return new ApiError(endpoint, code, message, tempHint, EXIT.temporary);
  if (code === 'A0002') {
    const bank = [bankCode, bankMessage].filter(Boolean).join(' ');
    const text = bank ? `${message ? `${message}; ` : ''}bank ${bank}` : message;
    if (PERMANENT_BANK_CODES.has(bankCode)) return new ApiError(endpoint, code, text, 'the bank refused this account (closed, suspended or unknown) — check it in your bank, then run finance login to refresh the accounts');
    const exit: ExitCode = EXIT.temporary;
    return new ApiError(endpoint, code, text, 'the bank reported an error — it may be in a maintenance window (often at night); try again later', exit);
  }
  return new ApiError(endpoint, code, message, hint);
}
