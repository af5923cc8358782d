// Recurring-payment calendars for the generator: which days a monthly/weekly/quarterly/yearly series falls on once
// the Korean business-day rule (move to the previous or next business day) is applied, clipped to the history.

import { addMonths, daysInMonth, dayNum, type DayNum, nextBusinessDay, previousBusinessDay, ymd } from './calendar.js';

export type Shift = 'next' | 'prev' | 'none';

function shift(n: DayNum, rule: Shift): DayNum {
  if (rule === 'next') return nextBusinessDay(n);
  if (rule === 'prev') return previousBusinessDay(n);
  return n;
}

/** Day `dom` (clamped to the month's end) of every month, shifted, within [start, end]. */
export function monthlyDays(start: DayNum, end: DayNum, dom: number, rule: Shift, months?: readonly number[]): DayNum[] {
  const out: DayNum[] = [];
  // Begin one month early: a date shifted forward from the previous month can land inside the range.
  let cursor = addMonths(start, -1);
  for (;;) {
    const { year, month } = ymd(cursor);
    const nominal = dayNum(year, month, Math.min(dom, daysInMonth(year, month)));
    if (nominal > end + 7) break;
    const day = shift(nominal, rule);
    if (day >= start && day <= end && (!months || months.includes(month))) out.push(day);
    cursor = dayNum(year, month, 1) + 32;
  }
  return out;
}

/** Every `weekday` (0 = Sunday) in the range, shifted; `everyWeeks` 2 gives a fortnightly calendar. */
export function weeklyDays(start: DayNum, end: DayNum, weekday: number, rule: Shift, everyWeeks = 1): DayNum[] {
  const out: DayNum[] = [];
  let n = start;
  while (ymd(n).weekday !== weekday) n++;
  for (; n <= end; n += 7 * everyWeeks) {
    const day = shift(n, rule);
    if (day <= end) out.push(day);
  }
  return out;
}

/** The same month and day each year, shifted, within the range. */
export function yearlyDays(start: DayNum, end: DayNum, month: number, day: number, rule: Shift): DayNum[] {
  const out: DayNum[] = [];
  for (let y = ymd(start).year; y <= ymd(end).year; y++) {
    const d = shift(dayNum(y, month, Math.min(day, daysInMonth(y, month))), rule);
    if (d >= start && d <= end) out.push(d);
  }
  return out;
}
