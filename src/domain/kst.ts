// Korean wall-clock time (KST, UTC+9, no daylight saving): the API's dates and times are all in it.

const KST_OFFSET_MS = 9 * 3600 * 1000;

function kstParts(now: Date): { y: string; m: string; d: string; hh: string; mm: string; ss: string; ms: string } {
  const t = new Date(now.getTime() + KST_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    y: p(t.getUTCFullYear(), 4),
    m: p(t.getUTCMonth() + 1),
    d: p(t.getUTCDate()),
    hh: p(t.getUTCHours()),
    mm: p(t.getUTCMinutes()),
    ss: p(t.getUTCSeconds()),
    ms: p(t.getUTCMilliseconds(), 3),
  };
}

/** Today's date in Korea, YYYY-MM-DD. */
export function kstDate(now: Date): string {
  const p = kstParts(now);
  return `${p.y}-${p.m}-${p.d}`;
}

/** YYYYMMDD in Korea (the bank_tran_id day). */
export function kstCompactDate(now: Date): string {
  const p = kstParts(now);
  return `${p.y}${p.m}${p.d}`;
}

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Adds days to a YYYY-MM-DD date. */
export function addDaysIso(date: string, days: number): string {
  const t = Date.parse(date + 'T00:00:00Z') + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping the day to the month's end. */
export function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Days from a to b (b - a). */
export function daysBetweenIso(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}
