// ISO date helpers, the Korean bank-holiday table (spot checks) and business-day rolling.
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, dayOfWeek, daysBetween, formatIsoDay, isBusinessDay, isIsoDate, lastDayOfMonth,
  nextBusinessDay, parseIsoDay, previousBusinessDay,
} from '../../src/domain/dates.js';
import { KOREAN_BANK_HOLIDAYS } from '../../src/domain/holidays.js';

const holidays = new Set(KOREAN_BANK_HOLIDAYS);
const range = (from: string, to: string) =>
  Array.from({ length: daysBetween(from, to) + 1 }, (_, k) => addDays(from, k));

describe('ISO date helpers', () => {
  it('parses and formats day numbers, agreeing with Date.UTC over 1970–2100', () => {
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(parseIsoDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    for (let n = -400; n < 47_500; n += 37) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(parseIsoDay(iso)).toBe(n);
      expect(formatIsoDay(n)).toBe(iso);
    }
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '2024/01/01', '2024-04-31', '']) {
      expect(() => parseIsoDay(bad)).toThrow(RangeError);
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('adds days and months (clamping to short months) and measures days between', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -13)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-25')).toBe(-7);
  });

  it('knows weekdays and month ends', () => {
    expect(dayOfWeek('2026-09-25')).toBe(5); // Friday
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2024-02-11')).toBe(0);
    expect(lastDayOfMonth('2024-02-03')).toBe('2024-02-29');
    expect(lastDayOfMonth('2100-02-10')).toBe('2100-02-28');
    expect(lastDayOfMonth('2025-04-30')).toBe('2025-04-30');
  });
});

describe('Korean bank holidays', () => {
  it('has 설날 2024 with its substitute on 2/12', () => {
    expect(range('2024-02-09', '2024-02-12').every((d) => holidays.has(d))).toBe(true);
    expect(holidays.has('2024-02-13')).toBe(false);
  });

  it('has 추석 2025 joined with 개천절, a substitute and 한글날 (10/3–10/9)', () => {
    expect(range('2025-10-03', '2025-10-09').filter((d) => !holidays.has(d))).toEqual(['2025-10-04']); // a Saturday
    expect(range('2025-10-03', '2025-10-09').every((d) => !isBusinessDay(d))).toBe(true);
    expect(nextBusinessDay('2025-10-03')).toBe('2025-10-10');
  });

  it('has 설날 2026 (2/16–18), 추석 2026 (9/24–26) and 설날 2027 with its substitute (2/6–9)', () => {
    for (const [from, to] of [['2026-02-16', '2026-02-18'], ['2026-09-24', '2026-09-26'], ['2027-02-06', '2027-02-09']]) {
      expect(range(from!, to!).every((d) => holidays.has(d))).toBe(true);
    }
    expect(holidays.has('2026-02-19')).toBe(false);
    expect(holidays.has('2026-09-23')).toBe(false);
    expect(holidays.has('2027-02-10')).toBe(false);
  });

  it('treats 5/1 as a bank holiday every year and leaves 12/31 out', () => {
    for (let y = 2015; y <= 2030; y++) {
      expect(holidays.has(`${y}-05-01`)).toBe(true);
      expect(holidays.has(`${y}-12-31`)).toBe(false);
    }
  });

  it('lists only real, sorted, distinct dates in 2000–2060 (the precomputed years), each year with its fixed holidays', () => {
    expect([...KOREAN_BANK_HOLIDAYS].sort()).toEqual(KOREAN_BANK_HOLIDAYS);
    expect(new Set(KOREAN_BANK_HOLIDAYS).size).toBe(KOREAN_BANK_HOLIDAYS.length);
    for (const d of KOREAN_BANK_HOLIDAYS) {
      expect(isIsoDate(d)).toBe(true);
      expect(d >= '2000-01-01' && d <= '2060-12-31').toBe(true);
    }
    for (let y = 2015; y <= 2030; y++) {
      const count = KOREAN_BANK_HOLIDAYS.filter((d) => d.startsWith(`${y}-`)).length;
      expect(count).toBeGreaterThanOrEqual(15); // 9 fixed + 설날 3 + 추석 3 + 부처님오신날, minus overlaps
    }
  });

  it('every substitute holiday in the table falls on a weekday', () => {
    const substitutes = ['2016-02-10', '2017-01-30', '2019-05-06', '2021-08-16', '2022-10-10', '2023-01-24', '2024-02-12',
      '2025-03-03', '2025-10-08', '2026-03-02', '2026-08-17', '2026-10-05', '2027-02-09', '2027-12-27', '2029-09-24'];
    for (const d of substitutes) {
      expect(holidays.has(d)).toBe(true);
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(d));
    }
  });
});

describe('business days', () => {
  it('skips weekends and holidays forwards and backwards, and keeps business days', () => {
    expect(isBusinessDay('2026-09-23')).toBe(true);
    expect(isBusinessDay('2026-09-27')).toBe(false); // Sunday
    expect(nextBusinessDay('2026-09-25')).toBe('2026-09-28');
    expect(previousBusinessDay('2026-09-25')).toBe('2026-09-23');
    expect(nextBusinessDay('2024-02-10')).toBe('2024-02-13');
    expect(previousBusinessDay('2024-02-12')).toBe('2024-02-08');
    expect(nextBusinessDay('2025-06-03')).toBe('2025-06-04'); // presidential election
    expect(nextBusinessDay('2025-07-08')).toBe('2025-07-08');
    expect(previousBusinessDay('2025-07-08')).toBe('2025-07-08');
    expect(nextBusinessDay('2035-05-05')).toBe('2035-05-08'); // past the old hand table: 어린이날 on a Saturday, substitute Monday 5/7 (from the library)
  });
});
