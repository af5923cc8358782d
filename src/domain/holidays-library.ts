// The `date-holidays` library (country KR) as a plain list of public holidays per year. Loaded on first use only (it
// is large and slow to start), synchronously, because the business-day calendar is synchronous. Pure computation: the
// library reads no files, network or clock for this.

import { createRequire } from 'node:module';
import type { LibraryHoliday } from './holiday-rules.js';

interface HolidaysInstance {
  getHolidays(year: number): Array<{ date: string; start: Date; end: Date; name: string; type: string }>;
}

let instance: HolidaysInstance | undefined;

function library(): HolidaysInstance {
  if (!instance) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as new (country: string) => HolidaysInstance;
    instance = new Holidays('KR');
  }
  return instance;
}

/** KR public holidays of `year` as the library has them (observances and the like left out). */
export function libraryPublicHolidays(year: number): LibraryHoliday[] {
  return library()
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({
      start: h.date.slice(0, 10), // the first day, in Korea's own time zone
      days: Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000)),
      name: h.name,
    }));
}
