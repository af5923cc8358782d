// Parsers for option values: a bad value is a usage error (64) naming the option and the expected form.

import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../domain/kst.js';

export function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`'${value}' is not a date: use YYYY-MM-DD, e.g. 2026-01-31`);
  return value;
}

export function parseMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new InvalidArgumentError(`'${value}' is not a month: use YYYY-MM, e.g. 2026-03`);
  return value;
}

export function parseWholeNumber(min: number, max: number) {
  return (value: string): number => {
    if (!/^\d{1,15}$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`'${value}' must be a whole number from ${min} to ${max}`);
    }
    return Number(value);
  };
}

export const parsePort = parseWholeNumber(0, 65535);

export function parseChoice<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`'${value}' must be one of: ${choices.join(', ')}`);
    }
    return value as T;
  };
}

export function parseHost(value: string): string {
  if (!/^[A-Za-z0-9.:[\]-]{1,255}$/.test(value)) throw new InvalidArgumentError(`'${value}' is not a host name or address`);
  return value;
}
