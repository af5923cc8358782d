// The bank-holiday calendar year by year, fast (no direct library call inside the precomputed years): the flat list of
// every precomputed holiday, business days at both ends of the precomputed years, substitute holidays, a year's list
// made once, and a year whose library answer holds no real date.

import { describe, expect, it } from 'vitest';
import { bankHolidaysOf, HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR, KOREAN_BANK_HOLIDAYS } from '../../src/domain/holidays.js';
import { isBusinessDay, nextBusinessDay } from '../../src/domain/dates.js';

describe('the precomputed holiday years', () => {
  it('the flat list is every year 2000–2060 in order, from 2000-01-01 to 2060-12-27, without duplicates', () => {
    const years: string[] = [];
    for (let year = HOLIDAY_FIRST_YEAR; year <= HOLIDAY_LAST_YEAR; year++) years.push(...bankHolidaysOf(year));
    expect(KOREAN_BANK_HOLIDAYS).toEqual(years);
    expect(KOREAN_BANK_HOLIDAYS[0]).toBe('2000-01-01');
    expect(KOREAN_BANK_HOLIDAYS.at(-1)).toBe('2060-12-27'); // Christmas 2060 is a Saturday: Monday the 27th instead
    expect(new Set(KOREAN_BANK_HOLIDAYS).size).toBe(KOREAN_BANK_HOLIDAYS.length);
    expect([...KOREAN_BANK_HOLIDAYS].sort()).toEqual(KOREAN_BANK_HOLIDAYS);
  });

  it('holidays of the first and the last precomputed year are no business days', () => {
    // 2000: 설날 span Fri 2/4 – Sun 2/6 (no substitutes before 2014); Mon 2/7 is a business day again.
    expect(['2000-02-04', '2000-02-07'].map(isBusinessDay)).toEqual([false, true]);
    expect(nextBusinessDay('2000-02-04')).toBe('2000-02-07'); // a debit due on 설날 moves to Monday
    // 2060: 설날 Sun 2/1 – Tue 2/3 with its substitute Wed 2/4; Christmas on Saturday → Monday 12/27 off.
    expect(['2060-02-02', '2060-02-04', '2060-02-05'].map(isBusinessDay)).toEqual([false, false, true]);
    expect(['2060-12-24', '2060-12-27', '2060-12-28'].map(isBusinessDay)).toEqual([true, false, true]);
    expect(nextBusinessDay('2060-12-25')).toBe('2060-12-28');
  });

  it('substitute holidays: 설날 2024 on a Saturday gives Monday 2/12 off, 어린이날 2024 on a Sunday gives Monday 5/6', () => {
    const y2024 = bankHolidaysOf(2024);
    expect(y2024).toEqual(expect.arrayContaining(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-05-05', '2024-05-06']));
    expect(y2024).not.toContain('2024-02-13');
    expect(isBusinessDay('2024-02-12')).toBe(false);
    expect(isBusinessDay('2024-02-13')).toBe(true);
  });

  it("a year's list is made once: asking again gives the very same list", () => {
    expect(bankHolidaysOf(2031)).toBe(bankHolidaysOf(2031));
    expect(bankHolidaysOf(2031)).toContain('2031-01-01');
  });
});

describe('years the library cannot give real dates for', () => {
  it('a year the library answers with no real dates (-100) has no bank holidays at all: weekends only, asked as often as one likes', () => {
    // The library answers -100 with dates like '-100-01-01', which are no ISO dates; the calendar does not fail on it.
    // (Not every year before the Common Era does this: -1000 comes back as the library's year 1000, giving 5/1 only.)
    expect(bankHolidaysOf(-100)).toEqual([]);
    expect(bankHolidaysOf(-100)).toEqual([]);
  }, 60_000);
});
