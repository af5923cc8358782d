// Calendar arithmetic on ISO dates ('YYYY-MM-DD') as integer day numbers (days since 1970-01-01), no Date objects,
// and the Korean business-day calendar (weekends + ./holidays.ts) used to shift payments off non-business days.

import { bankHolidaysOf, HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR, KOREAN_BANK_HOLIDAYS } from './holidays.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a civil date; month 1–12. Works for any proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (m === null) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Day number of 'YYYY-MM-DD'. Hot path: no regex, no allocation. Throws RangeError on a malformed date. */
export function parseIsoDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) throw new RangeError(`not a YYYY-MM-DD date: ${s}`);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a YYYY-MM-DD date: ${s}`);
  }
  return daysFromCivil(year, month, day);
}

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatIsoDay(n: number): string {
  const { year, month, day } = civilFromDays(n);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function addDays(iso: string, days: number): string {
  return formatIsoDay(parseIsoDay(iso) + days);
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = civilFromDays(parseIsoDay(iso));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDay(daysFromCivil(y, m, Math.min(day, daysInMonth(y, m))));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return parseIsoDay(to) - parseIsoDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return weekdayOfDay(parseIsoDay(iso));
}

/** The last day of the month `iso` falls in, as 'YYYY-MM-DD'. */
export function lastDayOfMonth(iso: string): string {
  const { year, month } = civilFromDays(parseIsoDay(iso));
  return formatIsoDay(daysFromCivil(year, month, daysInMonth(year, month)));
}

const HOLIDAY_DAYS: ReadonlySet<number> = new Set(KOREAN_BANK_HOLIDAYS.map(parseIsoDay));
const HOLIDAY_FIRST_DAY = daysFromCivil(HOLIDAY_FIRST_YEAR, 1, 1);
const HOLIDAY_LAST_DAY = daysFromCivil(HOLIDAY_LAST_YEAR, 12, 31);
// Years outside the precomputed ones, as day-number sets, made once each (the library is slow).
const otherYears = new Map<number, ReadonlySet<number>>();

function isHolidayNumber(n: number): boolean {
  if (n >= HOLIDAY_FIRST_DAY && n <= HOLIDAY_LAST_DAY) return HOLIDAY_DAYS.has(n);
  const { year } = civilFromDays(n);
  let set = otherYears.get(year);
  if (!set) {
    set = new Set(bankHolidaysOf(year).map(parseIsoDay));
    otherYears.set(year, set);
  }
  return set.has(n);
}

/** Business day = not Saturday, not Sunday, not a bank holiday. Day-number form for hot loops. */
export function isBusinessDayNumber(n: number): boolean {
  const wd = weekdayOfDay(n);
  return wd !== 0 && wd !== 6 && !isHolidayNumber(n);
}

/** The day itself if it is a business day, else the first business day after it (how debits are moved). */
export function rollForward(n: number): number {
  let d = n;
  while (!isBusinessDayNumber(d)) d++;
  return d;
}

/** The day itself if it is a business day, else the last business day before it (how salaries are moved). */
export function rollBackward(n: number): number {
  let d = n;
  while (!isBusinessDayNumber(d)) d--;
  return d;
}

export function isBusinessDay(iso: string): boolean {
  return isBusinessDayNumber(parseIsoDay(iso));
}

/** `iso` itself when it is a business day, otherwise the first business day after it. */
export function nextBusinessDay(iso: string): string {
  return formatIsoDay(rollForward(parseIsoDay(iso)));
}

/** `iso` itself when it is a business day, otherwise the last business day before it. */
export function previousBusinessDay(iso: string): string {
  return formatIsoDay(rollBackward(parseIsoDay(iso)));
}
