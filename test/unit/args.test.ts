// Option value parsers: bad values become commander InvalidArgumentError (mapped to exit 64).

import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseChoice, parseDate, parseMonth, parsePort, parseWholeNumber } from '../../src/cli/args.js';
import { checkRedirectUri, resolveConfig } from '../../src/config.js';

describe('argument parsers', () => {
  it('dates are real calendar dates in YYYY-MM-DD', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2026-13-01', '2026-1-01', '20260101', '', 'today', '2026-04-31']) {
      expect(() => parseDate(bad), bad).toThrow(InvalidArgumentError);
    }
  });
  it('months, numbers, ports and choices', () => {
    expect(parseMonth('2026-03')).toBe('2026-03');
    expect(() => parseMonth('2026-00')).toThrow(InvalidArgumentError);
    expect(parseWholeNumber(1, 10)('7')).toBe(7);
    for (const bad of ['0', '11', '1.5', '-1', 'x', '']) expect(() => parseWholeNumber(1, 10)(bad), bad).toThrow(InvalidArgumentError);
    expect(parsePort('0')).toBe(0);
    expect(() => parsePort('65536')).toThrow(InvalidArgumentError);
    expect(parseChoice(['a', 'b'] as const)('b')).toBe('b');
    expect(() => parseChoice(['a', 'b'] as const)('c')).toThrow(InvalidArgumentError);
  });
});

describe('config validation', () => {
  it('redirect URIs must be http on a loopback host', () => {
    expect(checkRedirectUri('http://localhost:8080/callback')).toBeUndefined();
    expect(checkRedirectUri('http://127.0.0.1:9000/cb')).toBeUndefined();
    expect(checkRedirectUri('http://[::1]:8080/callback')).toBeUndefined();
    expect(checkRedirectUri('https://localhost:8080/callback')).toMatch(/http:/);
    expect(checkRedirectUri('http://0.0.0.0:8080/callback')).toMatch(/loopback/);
    expect(checkRedirectUri('http://evil.example/callback')).toMatch(/loopback/);
  });
  it('precedence flag > env > file > default, and bad values are config errors', () => {
    const file = { get: (k: string) => (({ apiBaseUrl: 'http://file.example', scope: 'login inquiry transfer' }) as Record<string, string>)[k] };
    expect(resolveConfig(file, {}).apiBaseUrl).toBe('http://file.example');
    expect(resolveConfig(file, { FINANCE_API_BASE_URL: 'http://env.example' }).apiBaseUrl).toBe('http://env.example');
    expect(resolveConfig(file, { FINANCE_API_BASE_URL: 'http://env.example' }, { apiBaseUrl: 'http://flag.example' }).apiBaseUrl).toBe('http://flag.example');
    expect(resolveConfig({ get: () => undefined }, {}).redirectUri).toBe('http://localhost:8080/callback');
    expect(resolveConfig({ get: () => undefined }, {}).syncLookbackDays).toBe(365);
    expect(() => resolveConfig(file, { FINANCE_ORG_CODE: 'nope' })).toThrow(/orgCode/);
    try {
      resolveConfig(file, { FINANCE_CLIENT_SECRET: 'has space' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain('has space');
      expect((e as { exitCode: number }).exitCode).toBe(78);
    }
  });
});
