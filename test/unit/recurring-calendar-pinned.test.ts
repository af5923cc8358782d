// Pins the calendar facts fixed-payment detection reads (src/domain/recurring-calendar.ts): day of month, month index,
// business day and month end — inside the precomputed 2000–2050 table and outside it — the clamped day of a month,
// the Monday-based week and the 설/추석 months.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { civilFromDays, daysFromCivil, daysInMonth, isBusinessDayNumber, parseIsoDay } from '../../src/domain/dates.js';
import {
  dayInMonthIndex, domOf, isBusiness, isLunarHolidayMonth, isMonthEnd, monthIndexOf, weekIndexOf,
} from '../../src/domain/recurring-calendar.js';

const day = parseIsoDay;
const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

describe('calendar facts of a day', () => {
  // the table covers 2000-01-01 … 2050-12-31; days beyond are computed, and must agree
  const days = ['1999-12-31', '2000-01-01', '2000-02-29', '2024-02-28', '2024-02-29', '2024-04-30', '2024-12-31', '2050-12-31', '2051-01-01', '2051-02-28', '1970-01-15'];

  it('day of month and month index, inside and outside the precomputed years', () => {
    expect(days.map((d) => domOf(day(d)))).toEqual(days.map((d) => Number(d.slice(8))));
    expect(days.map((d) => monthIndexOf(day(d)))).toEqual(days.map(monthOf));
  });

  it('month end is the last day of each month, 29 February in a leap year', () => {
    expect(days.map((d) => isMonthEnd(day(d)))).toEqual([true, false, true, false, true, true, true, true, false, true, false]);
  });

  it('weekends and bank holidays are no business days, inside and outside the precomputed years', () => {
    const cases: [string, boolean][] = [
      ['2024-02-08', true], // Thursday before 설날
      ['2024-02-09', false], // 설날 (Friday)
      ['2024-02-10', false], // Saturday
      ['2024-02-13', true],
      ['2000-01-03', true], // Monday
      ['2000-01-01', false], // 신정, Saturday
      ['2050-12-30', true], // Friday
      ['2050-12-31', false], // Saturday
      ['1999-12-31', true], // Friday
      ['1999-12-26', false], // Sunday
      ['2051-01-02', true], // Monday
      ['2051-01-07', false], // Saturday
    ];
    expect(cases.map(([d]) => isBusiness(day(d)))).toEqual(cases.map(([, b]) => b));
  });
});

describe('the nominal day in a month', () => {
  it('a day past the month end is clamped to it, in leap and common years', () => {
    const iso = (mi: number, dom: number) => new Date(dayInMonthIndex(mi, dom) * 86_400_000).toISOString().slice(0, 10);
    expect(iso(monthOf('2024-02-01'), 31)).toBe('2024-02-29');
    expect(iso(monthOf('2023-02-01'), 30)).toBe('2023-02-28');
    expect(iso(monthOf('2024-04-01'), 31)).toBe('2024-04-30');
    expect(iso(monthOf('2024-12-01'), 31)).toBe('2024-12-31');
    expect(iso(monthOf('2025-01-01'), 15)).toBe('2025-01-15');
  });
});

describe('weeks', () => {
  it('weeks start on Monday: 1970-01-05 opens week 1', () => {
    expect(['1970-01-04', '1970-01-05', '1970-01-11', '1970-01-12'].map((d) => weekIndexOf(day(d)))).toEqual([0, 1, 1, 2]);
    expect(weekIndexOf(day('2025-10-06')) - weekIndexOf(day('2025-10-05'))).toBe(1); // Sunday → Monday
    expect(weekIndexOf(day('2025-10-12')) - weekIndexOf(day('2025-10-06'))).toBe(0); // Monday → Sunday
  });
});

describe('설날 and 추석 months', () => {
  it('are the months of a run of three or more holidays, and no others', () => {
    const lunar = ['2024-02', '2024-09', '2025-01', '2025-10', '2026-02', '2026-09'];
    const other = ['2024-01', '2024-05', '2024-10', '2024-12', '2025-02', '2025-09', '2025-03'];
    expect(lunar.map((m) => isLunarHolidayMonth(monthOf(`${m}-01`)))).toEqual(lunar.map(() => true));
    expect(other.map((m) => isLunarHolidayMonth(monthOf(`${m}-01`)))).toEqual(other.map(() => false));
  });
});

describe('the precomputed table', () => {
  // a fresh copy of the module, so its table is built here rather than by whichever test ran first
  let fresh: typeof import('../../src/domain/recurring-calendar.js');
  beforeAll(async () => {
    vi.resetModules();
    fresh = await import('../../src/domain/recurring-calendar.js');
  });

  it('agrees with the calendar arithmetic on every day of 2000–2050', () => {
    const wrong: string[] = [];
    for (let n = daysFromCivil(2000, 1, 1); n <= daysFromCivil(2050, 12, 31); n++) {
      const { year, month, day } = civilFromDays(n);
      const ok =
        fresh.domOf(n) === day &&
        fresh.monthIndexOf(n) === year * 12 + month - 1 &&
        fresh.isBusiness(n) === isBusinessDayNumber(n) &&
        fresh.isMonthEnd(n) === (day === daysInMonth(year, month));
      if (!ok) wrong.push(`${year}-${month}-${day}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
