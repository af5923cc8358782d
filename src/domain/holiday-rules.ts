// How a year's Korean bank holidays are made from the public holidays that the `date-holidays` library knows: its
// 설날 span corrected, 근로자의 날 added (banks close, though it is no public holiday), and the one-off days no rule
// can know (election days, 임시공휴일). Pure: the library's answer comes in as data.

/** One public holiday as the library reports it: first day (YYYY-MM-DD), length in days, name. */
export interface LibraryHoliday {
  start: string;
  days: number;
  name: string;
}

/** 근로자의 날 (노동절 from 2026): not a public holiday, but banks are closed. */
export const LABOUR_DAY = '05-01';

/**
 * Days that are holidays by a one-off designation, as MM-DD per year: election days (임기만료 선거일, holidays by the
 * 공휴일 regulation) and 임시공휴일. 2030 follows the election law as it stands: the presidential election on the first
 * Wednesday from 70 days before the term ends (2030-06-03), local elections on the first Wednesday from 30 days
 * before 2030-06-30. Years before 2015 have none listed.
 */
export const ONE_OFF_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2015: ['08-14'], // 임시공휴일 (광복 70주년)
  2016: ['04-13', '05-06'], // 20대 총선; 임시공휴일
  2017: ['05-09', '10-02'], // 19대 대선; 임시공휴일
  2018: ['06-13'], // 7회 지방선거
  2020: ['04-15', '08-17'], // 21대 총선; 임시공휴일
  2022: ['03-09', '06-01'], // 20대 대선; 8회 지방선거
  2023: ['10-02'], // 임시공휴일
  2024: ['04-10', '10-01'], // 22대 총선; 임시공휴일 (국군의 날)
  2025: ['01-27', '06-03'], // 임시공휴일; 21대 대선
  2026: ['06-03'], // 9회 지방선거
  2028: ['04-12'], // 23대 총선
  2030: ['03-27', '06-05'], // 22대 대선; 10회 지방선거
};

const DAY_MS = 86_400_000;

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function isSunday(iso: string): boolean {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() === 0;
}

/**
 * The bank holidays of `year` (sorted 'YYYY-MM-DD'; weekends only where a holiday falls on them).
 *
 * 설날: the library puts its three days at 설날 and the two days after; the law (관공서의 공휴일에 관한 규정) makes them
 * the day before, 설날 and the day after. Its own 설날 substitutes are dropped and made again from the right span: from
 * 2014, when a day of the span is a Sunday or another holiday, the first day after the span that is neither becomes a
 * holiday (Saturdays do not count for 설날 and 추석).
 */
export function bankHolidaysFromLibrary(year: number, library: readonly LibraryHoliday[]): string[] {
  const days = new Set<string>();
  const seollal: string[] = [];
  for (const h of library) {
    if (h.name.startsWith('설날')) {
      if (!/대체/.test(h.name)) seollal.push(h.start);
      continue;
    }
    for (let i = 0; i < Math.max(1, h.days); i++) days.add(addDays(h.start, i));
  }
  days.add(`${year}-${LABOUR_DAY}`);
  for (const md of ONE_OFF_HOLIDAYS[year] ?? []) days.add(`${year}-${md}`);
  for (const newYear of seollal) {
    const span = [addDays(newYear, -1), newYear, addDays(newYear, 1)];
    const clash = span.some((d) => isSunday(d) || days.has(d));
    span.forEach((d) => days.add(d));
    if (clash && year >= 2014) {
      let d = addDays(newYear, 2);
      while (isSunday(d) || days.has(d)) d = addDays(d, 1);
      days.add(d);
    }
  }
  return [...days].filter((d) => d.startsWith(`${year}-`)).sort();
}
