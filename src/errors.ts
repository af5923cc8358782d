// Typed errors: each carries its exit code (sysexits-style, ../shared/CLI.md) and a next step for the person.
// src/cli/main.ts is the only place that turns them into a process exit. Messages are cleaned as they are built
// (secrets redacted, control characters escaped): many carry server text (rsp_message, error_description).

import { sanitizeText } from './sanitize.js';
import { redactSecrets } from './redact.js';

export const EXIT = {
  ok: 0,
  bug: 1,
  /** `budget check` only: a category is over its limit (a finding for cron, not an error) */
  finding: 3,
  usage: 64,
  data: 65,
  unavailable: 69,
  temporary: 75,
  auth: 77,
  config: 78,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class FinanceError extends Error {
  readonly exitCode: ExitCode = EXIT.bug;
  /** What to do next, shown after the message (" — hint"). */
  readonly hint?: string;
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(sanitizeText(redactSecrets(message)), options);
    this.name = new.target.name;
    if (hint !== undefined) this.hint = sanitizeText(redactSecrets(hint));
  }
}

/** 3: a finding the output has already shown (`budget check`); nothing more is printed. */
export class FindingError extends FinanceError {
  override readonly exitCode = EXIT.finding;
}

/** 64: unknown command or option, bad argument value. */
export class UsageError extends FinanceError {
  override readonly exitCode = EXIT.usage;
}

/** 65: the API or an input file sent malformed data; nothing from it was stored. */
export class DataError extends FinanceError {
  override readonly exitCode = EXIT.data;
}

/** 69: network or API unreachable, or 5xx/timeouts still failing after retries. */
export class UnavailableError extends FinanceError {
  override readonly exitCode = EXIT.unavailable;
}

/** 75: try again later — a lock is held, a port is busy, or a sync was partial. */
export class TemporaryError extends FinanceError {
  override readonly exitCode = EXIT.temporary;
}

/** 77: not logged in, consent denied, state mismatch, token expired and refresh failed. */
export class AuthError extends FinanceError {
  override readonly exitCode = EXIT.auth;
}

/** 78: missing or bad configuration. */
export class ConfigError extends FinanceError {
  override readonly exitCode = EXIT.config;
}

/** 130: interrupted by the person (Ctrl-C). */
export class InterruptedError extends FinanceError {
  override readonly exitCode = EXIT.interrupted;
}

/** An Open Banking API answer with a non-success rsp_code (kept apart so callers can branch on the code). */
export class ApiError extends FinanceError {
  /** 69 by default; 75 for "come back later" answers (quota, IP refusal, bank maintenance — see rsp-codes.ts) */
  override readonly exitCode: ExitCode;
  readonly rspMessage: string;
  constructor(
    readonly endpoint: string,
    readonly rspCode: string,
    rspMessage: string,
    hint?: string,
    exitCode: ExitCode = EXIT.unavailable,
  ) {
    super(`${endpoint}: the API answered ${rspCode}${rspMessage ? ` (${rspMessage})` : ''}`, hint);
    this.rspMessage = sanitizeText(redactSecrets(rspMessage));
    this.exitCode = exitCode;
  }
}

export function isFinanceError(e: unknown): e is FinanceError {
  return e instanceof FinanceError;
}
