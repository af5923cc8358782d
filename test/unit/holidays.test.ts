// The bank-holiday calendar against the date-holidays library (country KR): the hand-typed 2015–2030 table
// cross-checked year by year with every difference accounted for, the precomputed 2000–2060 data still equal to what
// the library gives, and years past the data taken from the library so the calendar never ends.

import { describe, expect, it } from 'vitest';
import { bankHolidaysFromLibrary, LABOUR_DAY, ONE_OFF_HOLIDAYS } from '../../src/domain/holiday-rules.js';
import { libraryPublicHolidays } from '../../src/domain/holidays-library.js';
import { bankHolidaysOf, HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR } from '../../src/domain/holidays.js';
import { isBusinessDay, nextBusinessDay } from '../../src/domain/dates.js';
import { BY_YEAR, FIXED_EVERY_YEAR, HAND_TABLE_YEARS } from '../fixtures/holidays-hand-2015-2030.js';

// The library takes a good fraction of a second per year: ask it once per year.
const libraryCache = new Map<number, ReturnType<typeof libraryPublicHolidays>>();
function library(year: number) {
  let list = libraryCache.get(year);
  if (!list) libraryCache.set(year, (list = libraryPublicHolidays(year)));
  return list;
}

// Generous: the library is slow, and slower still on a loaded machine.
const LIBRARY_TIMEOUT = 180_000;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function handTable(year: number): Set<string> {
  return new Set([...FIXED_EVERY_YEAR, ...(BY_YEAR[year] ?? [])].map((md) => `${year}-${md}`));
}

/** The library's own days, spans expanded, before any correction. */
function rawLibrary(year: number): Set<string> {
  const out = new Set<string>();
  for (const h of library(year)) for (let i = 0; i < h.days; i++) out.add(addDays(h.start, i));
  return out;
}

const HAND_YEARS = Array.from({ length: HAND_TABLE_YEARS.last - HAND_TABLE_YEARS.first + 1 }, (_, i) => HAND_TABLE_YEARS.first + i);

// 제헌절 (7/17) is a public holiday again from 2026 (with a substitute when it falls on a weekend, as for every
// national day); the hand table predates that. And the 2030 election days, which the hand table did not have.
const ADDED_SINCE_HAND_TABLE = ['2026-07-17', '2027-07-17', '2027-07-19', '2028-07-17', '2029-07-17', '2030-07-17', '2030-03-27', '2030-06-05'];

describe('holiday cross-check with date-holidays (KR), 2015–2030', () => {
  it('the library differs from the hand table only where a known reason says so', () => {
    const unexplained: string[] = [];
    let seollalShift = 0;
    for (const year of HAND_YEARS) {
      const hand = handTable(year);
      const lib = rawLibrary(year);
      const seollal = library(year).find((h) => h.name === '설날')!.start;
      for (const d of hand) {
        if (lib.has(d)) continue;
        if (d === `${year}-${LABOUR_DAY}`) continue; // 근로자의 날: banks close, not a public holiday
        if ((ONE_OFF_HOLIDAYS[year] ?? []).includes(d.slice(5))) continue; // election day or 임시공휴일
        if (d === addDays(seollal, -1)) {
          seollalShift++; // the library starts 설날 a day late: no 설날 전날
          continue;
        }
        unexplained.push(`hand only: ${d}`);
      }
      for (const d of lib) {
        if (hand.has(d)) continue;
        if (d === addDays(seollal, 2)) continue; // …and adds the second day after 설날 instead
        if (ADDED_SINCE_HAND_TABLE.includes(d)) continue;
        unexplained.push(`library only: ${d}`);
      }
    }
    expect(unexplained).toEqual([]);
    expect(seollalShift).toBe(16); // every year
  }, LIBRARY_TIMEOUT);

  it('the calendar is the hand table plus 제헌절 from 2026 and the 2030 election days, for every year', () => {
    for (const year of HAND_YEARS) {
      const expected = [...handTable(year), ...ADDED_SINCE_HAND_TABLE.filter((d) => d.startsWith(`${year}-`))].sort();
      expect(bankHolidaysOf(year), String(year)).toEqual(expected);
    }
  });
});

describe('holiday calendar beyond the hand table', () => {
  it('the precomputed data is what the library gives today (rerun `npm run gen:holidays` when it changes)', () => {
    const years = [...HAND_YEARS, 2000, 2014, 2031, 2045, 2060];
    for (const year of years) expect(bankHolidaysOf(year), String(year)).toEqual(bankHolidaysFromLibrary(year, library(year)));
    expect([HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR]).toEqual([2000, 2060]);
  }, LIBRARY_TIMEOUT);

  it('every year 2000–2060 has 설날 and 추석 as three days in a row, 5/1, and no 12/31', () => {
    for (let year = HOLIDAY_FIRST_YEAR; year <= HOLIDAY_LAST_YEAR; year++) {
      const days = new Set(bankHolidaysOf(year));
      const threeInARow = (from: string, to: string) => {
        for (let d = from; d <= to; d = addDays(d, 1)) if (days.has(d) && days.has(addDays(d, 1)) && days.has(addDays(d, 2))) return true;
        return false;
      };
      expect(threeInARow(`${year}-01-20`, `${year}-02-20`), `${year} 설날`).toBe(true);
      expect(threeInARow(`${year}-09-01`, `${year}-10-08`), `${year} 추석`).toBe(true);
      expect(days.has(`${year}-05-01`)).toBe(true);
      expect(days.has(`${year}-12-31`)).toBe(false);
    }
  });

  it('a 설날 span touching a Sunday is followed by a substitute holiday on the first day that is no holiday or Sunday', () => {
    const span = (start: string) => [addDays(start, -1), start, addDays(start, 1)];
    // 2027: 2/6 Sat, 2/7 Sun (설날), 2/8 Mon → 2/9 Tue. 2034: 2/18 Sat, 2/19 Sun (설날), 2/20 Mon → 2/21 Tue.
    const made = bankHolidaysFromLibrary(2034, [{ start: '2034-02-19', days: 3, name: '설날' }]);
    expect(made).toEqual(['2034-02-18', '2034-02-19', '2034-02-20', '2034-02-21', '2034-05-01']);
    // No Sunday in the span (2035: Wed–Fri): no substitute.
    expect(bankHolidaysFromLibrary(2035, [{ start: '2035-02-08', days: 3, name: '설날' }])).toEqual([...span('2035-02-08'), '2035-05-01']);
    // The library's own 설날 substitute is replaced by the right one; before 2014 there are none.
    expect(bankHolidaysFromLibrary(2013, [{ start: '2013-02-10', days: 3, name: '설날' }, { start: '2013-02-13', days: 1, name: '설날 (대체공휴일)' }])).toEqual([
      '2013-02-09', '2013-02-10', '2013-02-11', '2013-05-01',
    ]);
  });

  it('years past the data come from the library, so the calendar never ends', () => {
    const y2100 = bankHolidaysOf(2100);
    expect(y2100).toContain('2100-01-01');
    expect(y2100).toContain('2100-05-01');
    expect(y2100).toContain('2100-12-25');
    expect(y2100.length).toBeGreaterThanOrEqual(15);
    expect(isBusinessDay('2100-03-01')).toBe(false); // Monday, 삼일절
    expect(isBusinessDay('2100-03-02')).toBe(true);
    const seollal = library(2075).find((h) => h.name === '설날')!.start;
    const next = nextBusinessDay(addDays(seollal, -1));
    expect(next > addDays(seollal, 1)).toBe(true);
    expect(bankHolidaysOf(1990)).toContain('1990-01-01'); // before the data, too
  }, LIBRARY_TIMEOUT);
});
