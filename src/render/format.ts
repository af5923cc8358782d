// Text formatting shared by the views: won amounts with thousands separators, masked numbers, ages.

const won = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234500 → "1,234,500원" */
export function formatWon(amount: number): string {
  return `${won.format(amount)}원`;
}

/** 1234500 → "1,234,500" */
export function formatNumber(n: number): string {
  return won.format(n);
}

/** Signed: +1,000원 / -1,000원 */
export function formatSignedWon(amount: number): string {
  return `${amount > 0 ? '+' : amount < 0 ? '-' : ''}${won.format(Math.abs(amount))}원`;
}

/** ISO timestamp → "YYYY-MM-DD HH:MM" in KST, for people. */
export function formatKstTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 9 * 3600 * 1000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
