// Pins how a year's bank holidays are made from the library's public holidays (src/domain/holiday-rules.ts) with small
// made-up library answers, so no slow library call is needed: the 설날 substitute skipping Sundays and other holidays,
// the 2014 start of substitutes, holidays running into the next year, and the one-off days. (Weekdays: 2014-02-02,
// 2034-02-19 and 2035-02-11 are Sundays; 2035-02-09 is a Friday.) Fixtures are built inside each test.
import { describe, expect, it } from 'vitest';
import { bankHolidaysFromLibrary, type LibraryHoliday } from '../../src/domain/holiday-rules.js';

const seollal = (start: string): LibraryHoliday => ({ start, days: 3, name: '설날' });

describe('the 설날 substitute holiday', () => {
  it('skips a day that is already a holiday', () => {
    // span 2/18 Sat, 2/19 Sun, 2/20 Mon: the first free day after it would be 2/21, but that is another holiday
    expect(bankHolidaysFromLibrary(2034, [seollal('2034-02-19'), { start: '2034-02-21', days: 1, name: '기념일' }])).toEqual([
      '2034-02-18', '2034-02-19', '2034-02-20', '2034-02-21', '2034-02-22', '2034-05-01',
    ]);
  });

  it('skips a Sunday: a span clashing with another holiday on its first day is followed by Monday', () => {
    // span 2/8 Thu (also another holiday), 2/9 Fri, 2/10 Sat; 2/11 is a Sunday
    expect(bankHolidaysFromLibrary(2035, [{ start: '2035-02-08', days: 1, name: '기념일' }, seollal('2035-02-09')])).toEqual([
      '2035-02-08', '2035-02-09', '2035-02-10', '2035-02-12', '2035-05-01',
    ]);
  });

  it('exists from 2014 on', () => {
    expect(bankHolidaysFromLibrary(2014, [seollal('2014-02-02')])).toEqual(['2014-02-01', '2014-02-02', '2014-02-03', '2014-02-04', '2014-05-01']);
  });
});

describe('the rest of the year', () => {
  it('keeps only days of the year asked for, sorted', () => {
    expect(bankHolidaysFromLibrary(2035, [{ start: '2035-12-31', days: 2, name: '연말' }, { start: '2035-06-06', days: 0, name: '현충일' }]))
      .toEqual(['2035-05-01', '2035-06-06', '2035-12-31']);
  });

  it("adds 근로자의 날 and the year's one-off days (elections, 임시공휴일), and only that year's", () => {
    expect(bankHolidaysFromLibrary(2026, [])).toEqual(['2026-05-01', '2026-06-03']);
    expect(bankHolidaysFromLibrary(2030, [])).toEqual(['2030-03-27', '2030-05-01', '2030-06-05']);
    expect(bankHolidaysFromLibrary(2027, [])).toEqual(['2027-05-01']);
  });
});
