// Precomputed per-day calendar facts (day of month, month index, business day, month end) for the detection hot
// loop, so scanning a million transactions costs array reads instead of civil-date arithmetic.

import { civilFromDays, daysFromCivil, daysInMonth, isBusinessDayNumber, parseIsoDay } from './dates.js';
import { KOREAN_BANK_HOLIDAYS } from './holidays.js';

const FIRST = daysFromCivil(2000, 1, 1);
const LAST = daysFromCivil(2050, 12, 31);
const SIZE = LAST - FIRST + 1;

let domTable: Uint8Array | undefined;
let monthTable: Int32Array | undefined;
let flagTable: Uint8Array | undefined;
const BUSINESS = 1;
const MONTH_END = 2;

function build(): void {
  domTable = new Uint8Array(SIZE);
  monthTable = new Int32Array(SIZE);
  flagTable = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i++) {
    const n = FIRST + i;
    const { year, month, day } = civilFromDays(n);
    domTable[i] = day;
    monthTable[i] = year * 12 + month - 1;
    flagTable[i] = (isBusinessDayNumber(n) ? BUSINESS : 0) | (day === daysInMonth(year, month) ? MONTH_END : 0);
  }
}

function inTable(n: number): boolean {
  if (domTable === undefined) build();
  return n >= FIRST && n <= LAST;
}

/** Day of month 1–31. */
export function domOf(n: number): number {
  return inTable(n) ? domTable![n - FIRST]! : civilFromDays(n).day;
}

/** year * 12 + (month - 1). */
export function monthIndexOf(n: number): number {
  if (inTable(n)) return monthTable![n - FIRST]!;
  const c = civilFromDays(n);
  return c.year * 12 + c.month - 1;
}

export function isBusiness(n: number): boolean {
  return inTable(n) ? (flagTable![n - FIRST]! & BUSINESS) !== 0 : isBusinessDayNumber(n);
}

export function isMonthEnd(n: number): boolean {
  if (inTable(n)) return (flagTable![n - FIRST]! & MONTH_END) !== 0;
  const c = civilFromDays(n);
  return c.day === daysInMonth(c.year, c.month);
}

/** Day number of day `dom` (clamped to the month's length) in month index `monthIndex`. */
export function dayInMonthIndex(monthIndex: number, dom: number): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(dom, daysInMonth(year, month)));
}

/** Monday-based week index of a day number (day 4, 1970-01-05, is the Monday of week 1). */
export function weekIndexOf(n: number): number {
  return Math.floor((n + 3) / 7);
}

let lunarMonths: Set<number> | undefined;

/**
 * Whether a month (year * 12 + month − 1) holds 설날 or 추석: the only holidays that come as a run of three or more
 * days in a row. Family transfers made by hand are larger in those months.
 */
export function isLunarHolidayMonth(monthIndex: number): boolean {
  if (lunarMonths === undefined) {
    lunarMonths = new Set();
    const days = KOREAN_BANK_HOLIDAYS.map(parseIsoDay);
    for (let i = 2; i < days.length; i++) {
      if (days[i]! - days[i - 2]! === 2) lunarMonths.add(monthIndexOf(days[i]!));
    }
  }
  return lunarMonths.has(monthIndex);
}
