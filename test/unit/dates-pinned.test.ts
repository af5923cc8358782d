// Pins the calendar rules of src/domain/dates.ts and src/domain/kst.ts that mutation testing showed no test held:
// the 400-year leap rule, each part of the strict YYYY-MM-DD parser, zero-padding and era boundaries.
import { describe, expect, it } from 'vitest';
import {
  addMonths, daysBetween, formatIsoDay, isBusinessDay, isIsoDate, lastDayOfMonth, nextBusinessDay, parseIsoDay,
  previousBusinessDay,
} from '../../src/domain/dates.js';
import { addDaysIso, addMonthsIso, daysBetweenIso, isIsoDate as kstIsIsoDate, kstCompactDate, kstDate } from '../../src/domain/kst.js';

describe('leap years', () => {
  it('2100 and 1900 are not leap years, 2000 and 2400 are', () => {
    for (const check of [isIsoDate, kstIsIsoDate]) {
      expect(check('2000-02-29')).toBe(true);
      expect(check('2400-02-29')).toBe(true);
      expect(check('2100-02-29')).toBe(false);
      expect(check('1900-02-29')).toBe(false);
      expect(check('2024-02-29')).toBe(true);
      expect(check('2023-02-29')).toBe(false);
    }
    expect(() => parseIsoDay('2100-02-29')).toThrow(RangeError);
    expect(lastDayOfMonth('2000-02-01')).toBe('2000-02-29');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonthsIso('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonthsIso('2000-01-31', 1)).toBe('2000-02-29');
  });

  it('the last day of a 400-year cycle and the days around it round-trip', () => {
    for (const iso of ['2000-02-28', '2000-02-29', '2000-03-01', '1600-02-29', '2400-02-29', '2400-03-01', '2399-12-31']) {
      expect(formatIsoDay(parseIsoDay(iso))).toBe(iso);
    }
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
  });
});

describe('month lengths', () => {
  it('April, June, September and November have 30 days, the other long months 31', () => {
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      const expected = m === 2 ? 28 : [4, 6, 9, 11].includes(m) ? 30 : 31;
      expect(lastDayOfMonth(`2023-${mm}-10`)).toBe(`2023-${mm}-${expected}`);
      expect(isIsoDate(`2023-${mm}-${expected}`)).toBe(true);
      expect(isIsoDate(`2023-${mm}-${expected + 1}`)).toBe(false);
      expect(kstIsIsoDate(`2023-${mm}-${expected}`)).toBe(true);
      expect(kstIsIsoDate(`2023-${mm}-${expected + 1}`)).toBe(false);
    }
  });
});

describe('the strict YYYY-MM-DD parser', () => {
  const bad = [
    '2024x01-01', // only the first separator wrong
    '2024-01x01', // only the second separator wrong
    '2024-01-1', // too short, separators in place
    '2024-01-011', // too long
    '2024-0a-01', // letters in the month
    '202a-01-01', // letters in the year
    '2024-01-0a', // letters in the day
    '2024-0/-01', // a character just below '0'
    '2024-01-1/', // … where it would still leave a valid day
    '202/-01-01', // … or a valid year
    '2024-1:-01', // a character just above '9'
    '+999-01-01', // a sign is not a digit
    '2024-00-10', // month 00
    '2024-13-01', // month 13
    '2024-01-00', // day 00
    '2024-01-32', // day 32
    '2024-04-31', // April has 30 days
  ];

  it('rejects every malformed or impossible date, naming it in the error', () => {
    for (const s of bad) {
      expect(() => parseIsoDay(s), s).toThrow(`not a YYYY-MM-DD date: ${s}`);
      expect(isIsoDate(s), s).toBe(false);
      expect(kstIsIsoDate(s), s).toBe(false);
    }
  });

  it('rejects a valid date inside a longer string', () => {
    for (const s of ['x2024-01-01', '2024-01-01x', ' 2024-01-01', '2024-01-01\n']) {
      expect(isIsoDate(s), s).toBe(false);
      expect(kstIsIsoDate(s), s).toBe(false);
      expect(() => parseIsoDay(s)).toThrow(RangeError);
    }
  });

  it('accepts the edges: month 01 and 12, day 01 and the month end, years 0000 and 9999', () => {
    for (const s of ['2024-01-01', '2024-12-31', '2024-01-31', '2024-12-01', '0000-03-01', '9999-12-31', '2024-09-09', '2024-10-10']) {
      expect(formatIsoDay(parseIsoDay(s)), s).toBe(s);
      expect(isIsoDate(s), s).toBe(true);
      expect(kstIsIsoDate(s), s).toBe(true);
    }
    expect(parseIsoDay('1970-01-10')).toBe(9);
    expect(parseIsoDay('1970-10-01')).toBe(273);
    expect(parseIsoDay('1971-01-01')).toBe(365);
  });

  it('writes years before 1000 with four digits', () => {
    expect(formatIsoDay(parseIsoDay('0999-12-31') + 1)).toBe('1000-01-01');
    expect(formatIsoDay(parseIsoDay('0042-07-04'))).toBe('0042-07-04');
    expect(addMonthsIso('0999-12-15', -1)).toBe('0999-11-15');
  });
});

describe('business days around long holidays', () => {
  it('a debit due in 추석 2025 moves to the first business day after it; a salary to the last one before', () => {
    expect(nextBusinessDay('2025-10-05')).toBe('2025-10-10');
    expect(previousBusinessDay('2025-10-05')).toBe('2025-10-02');
    expect(isBusinessDay('2025-10-02')).toBe(true);
    expect(isBusinessDay('2025-10-10')).toBe(true);
  });

  it('a day before the precomputed years is still checked against the holidays: 1990-01-01, a Monday, is 신정', () => {
    expect(isBusinessDay('1990-01-01')).toBe(false);
    expect(isBusinessDay('1990-03-01')).toBe(false); // 삼일절, a Thursday
    expect(isBusinessDay('1990-03-02')).toBe(true);
  });
});

describe('Korean wall-clock dates (kst.ts)', () => {
  it('Korea is 9 hours ahead of UTC: 15:00 UTC is already the next day there', () => {
    expect(kstDate(new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
    expect(kstDate(new Date('2026-03-31T15:00:00.000Z'))).toBe('2026-04-01');
    expect(kstCompactDate(new Date('2026-12-31T15:00:00Z'))).toBe('20270101');
    expect(kstCompactDate(new Date('2026-01-05T00:00:00Z'))).toBe('20260105');
    expect(kstDate(new Date('0999-06-01T00:00:00Z'))).toBe('0999-06-01');
  });

  it('adds days across month and year ends, forwards and backwards', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDaysIso('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysIso('2025-01-01', -365)).toBe('2024-01-02');
  });

  it('adds months clamping to the month end, including backwards over a year', () => {
    expect(addMonthsIso('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsIso('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonthsIso('2025-05-31', -3)).toBe('2025-02-28');
    expect(addMonthsIso('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonthsIso('2025-11-05', 2)).toBe('2026-01-05');
    expect(addMonthsIso('2025-12-05', 12)).toBe('2026-12-05');
    expect(addMonthsIso('2025-10-09', 0)).toBe('2025-10-09');
  });

  it('counts days between two dates, negative when the second is earlier', () => {
    expect(daysBetweenIso('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetweenIso('2025-01-01', '2024-12-25')).toBe(-7);
    expect(daysBetweenIso('2025-03-30', '2025-03-30')).toBe(0);
  });
});
