// Day arithmetic and the Korean business-day rules the generator schedules by. A small local holiday table
// (2023–2027); the full 2015–2030 table for the app lives in src/domain/holidays.ts, deliberately not shared.

/** Days since 1970-01-01 (UTC calendar, used as a plain date counter). */
export type DayNum = number;

const MS_PER_DAY = 86_400_000;

export function dayNum(year: number, month: number, day: number): DayNum {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseIsoDate(text: string): DayNum {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${text}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNum(y, mo, d);
  const back = ymd(n);
  if (back.year !== y || back.month !== mo || back.day !== d) throw new Error(`no such date: ${text}`);
  return n;
}

export function ymd(n: DayNum): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** YYYYMMDD as a number, the generator's compact date form. */
export function compactDate(n: DayNum): number {
  const { year, month, day } = ymd(n);
  return year * 10000 + month * 100 + day;
}

export function isoDate(n: DayNum): string {
  const c = compactDate(n);
  const s = String(c);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day-of-month `months` later (negative: earlier), clamped to the month's length. */
export function addMonths(n: DayNum, months: number): DayNum {
  const { year, month, day } = ymd(n);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayNum(y, m, Math.min(day, daysInMonth(y, m)));
}

// Public holidays including 설날/추석 and substitute (대체) and temporary holidays, as MMDD per year.
const HOLIDAYS: Record<number, readonly number[]> = {
  2023: [101, 121, 122, 123, 124, 301, 505, 527, 529, 606, 815, 928, 929, 930, 1002, 1003, 1009, 1225],
  2024: [101, 209, 210, 211, 212, 301, 410, 505, 506, 515, 606, 815, 916, 917, 918, 1001, 1003, 1009, 1225],
  2025: [101, 127, 128, 129, 130, 301, 303, 505, 506, 603, 606, 815, 1003, 1005, 1006, 1007, 1008, 1009, 1225],
  2026: [101, 216, 217, 218, 301, 302, 505, 524, 525, 603, 606, 815, 817, 924, 925, 926, 1003, 1005, 1009, 1225],
  2027: [101, 206, 207, 208, 209, 301, 505, 513, 606, 815, 816, 914, 915, 916, 1003, 1004, 1009, 1011, 1225, 1227],
};
// Outside the table only the fixed-date national holidays are known; good enough for synthetic history.
const FIXED = [101, 301, 505, 606, 815, 1003, 1009, 1225];

const holidaySets = new Map<number, Set<number>>();
function holidaysOf(year: number): Set<number> {
  let set = holidaySets.get(year);
  if (!set) {
    set = new Set(HOLIDAYS[year] ?? FIXED);
    holidaySets.set(year, set);
  }
  return set;
}

export function isHoliday(n: DayNum): boolean {
  const { year, month, day } = ymd(n);
  return holidaysOf(year).has(month * 100 + day);
}

export function isBusinessDay(n: DayNum): boolean {
  const wd = ymd(n).weekday;
  return wd !== 0 && wd !== 6 && !isHoliday(n);
}

/** `n` itself when it is a business day, else the next one (bills, rent). */
export function nextBusinessDay(n: DayNum): DayNum {
  while (!isBusinessDay(n)) n++;
  return n;
}

/** `n` itself when it is a business day, else the previous one (salary). */
export function previousBusinessDay(n: DayNum): DayNum {
  while (!isBusinessDay(n)) n--;
  return n;
}
