// Korean bank holidays (ISO dates): public holidays incl. 설날/추석 3-day spans and 대체공휴일, election days,
// 임시공휴일, and 근로자의 날 (5/1, banks closed). 2000–2060 come precomputed from the date-holidays library
// (./holidays-data.ts, checked against the library by test/unit/holidays.test.ts, which also cross-checks the
// hand-typed 2015–2030 table this file used to hold); any other year is asked of the library on first use and cached,
// so the calendar never ends. Weekends are not listed unless a holiday falls on one; 12/31 (bank closing day) is left
// out on purpose.

import { bankHolidaysFromLibrary } from './holiday-rules.js';
import { libraryPublicHolidays } from './holidays-library.js';
import { DATA_FIRST_YEAR, DATA_LAST_YEAR, HOLIDAY_DATA } from './holidays-data.js';

export const HOLIDAY_FIRST_YEAR = DATA_FIRST_YEAR;
export const HOLIDAY_LAST_YEAR = DATA_LAST_YEAR;

// Only asked for DATA_FIRST_YEAR…DATA_LAST_YEAR, and scripts/gen-holidays.mjs writes every one of those years with at
// least 1/1 and 5/1 in it: the entry is always there and never empty.
function fromData(year: number): string[] {
  return HOLIDAY_DATA[year]!.split(' ').map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`);
}

/** Every bank holiday of the precomputed years as 'YYYY-MM-DD', sorted, without duplicates. */
export const KOREAN_BANK_HOLIDAYS: readonly string[] = (() => {
  const all: string[] = [];
  for (let year = DATA_FIRST_YEAR; year <= DATA_LAST_YEAR; year++) all.push(...fromData(year));
  return all;
})();

const byYear = new Map<number, readonly string[]>();

/** The bank holidays of any year, sorted; outside 2000–2060 from the library (slow the first time, then cached). */
export function bankHolidaysOf(year: number): readonly string[] {
  let days = byYear.get(year);
  if (!days) {
    days = year >= DATA_FIRST_YEAR && year <= DATA_LAST_YEAR ? fromData(year) : libraryYear(year);
    byYear.set(year, days);
  }
  return days;
}

function libraryYear(year: number): string[] {
  try {
    return bankHolidaysFromLibrary(year, libraryPublicHolidays(year));
  } catch {
    // A year whose library answer holds no real dates (some years before the Common Era, e.g. -100: the rules' date
    // arithmetic throws on them): weekends only, as before this table existed.
    return [];
  }
}
