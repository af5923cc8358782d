// What a fixed series will likely charge next (CLI.md `expectedAmount`) and when its price changed: the current price
// after a change (유튜브프리미엄 10,450 → 14,900 expects 14,900, never the mean), a recent typical value for bills that vary.

/** How many of the latest amounts a varying bill's expectation looks at: recent enough to follow seasons. */
export const RECENT_AMOUNTS = 3;

export interface PriceChange {
  /** YYYY-MM-DD of the first payment at the new price */
  date: string;
  oldAmount: number;
  newAmount: number;
}

/** `amounts` in date order; `fixed`: the amount changed at most once. */
export function expectedAmount(amounts: readonly number[], kind: 'fixed' | 'varying'): number {
  if (amounts.length === 0) return 0;
  if (kind === 'fixed') return amounts[amounts.length - 1]!;
  const recent = amounts.slice(-RECENT_AMOUNTS).slice().sort((a, b) => a - b);
  const mid = recent.length >> 1;
  return recent.length % 2 === 1 ? recent[mid]! : Math.round((recent[mid - 1]! + recent[mid]!) / 2);
}

/** The last change of price of a fixed-amount series, or undefined (never changed, or the amount varies). */
export function lastPriceChange(amounts: readonly number[], dates: readonly string[], kind: 'fixed' | 'varying'): PriceChange | undefined {
  if (kind !== 'fixed') return undefined;
  for (let i = amounts.length - 1; i > 0; i--) {
    if (amounts[i] !== amounts[i - 1]) return { date: dates[i]!, oldAmount: amounts[i - 1]!, newAmount: amounts[i]! };
  }
  return undefined;
}
