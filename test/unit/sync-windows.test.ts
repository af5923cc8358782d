// Sync's pure helpers: month windows over a range, and putting a server's rows in posting order.

import { describe, expect, it } from 'vitest';
import { inAscendingOrder, monthWindows } from '../../src/app/sync.js';
import { planWindows } from '../../src/app/sync-window.js';
import type { Transaction } from '../../src/domain/types.js';

const tx = (date: string, time: string, memo: string): Transaction => ({
  account: 'a', date, time, direction: 'out', amount: 1, balanceAfter: 0, memo, type: '', branch: '',
});

describe('monthWindows', () => {
  it('covers the range with calendar-month windows, clipped at both ends', () => {
    expect(monthWindows('2026-01-15', '2026-03-10')).toEqual([
      { from: '2026-01-15', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-10' },
    ]);
    expect(monthWindows('2024-02-29', '2024-02-29')).toEqual([{ from: '2024-02-29', to: '2024-02-29' }]);
    expect(monthWindows('2026-05-02', '2026-05-01')).toEqual([]);
  });
});

describe('planWindows', () => {
  it('asks a short range in one window, even across the end of a month (a daily sync on the 1st)', () => {
    expect(planWindows('2026-11-28', '2026-12-03')).toEqual([{ from: '2026-11-28', to: '2026-12-03' }]);
    expect(planWindows('2026-12-03', '2026-12-03')).toEqual([{ from: '2026-12-03', to: '2026-12-03' }]);
    // 31 days is still short; 32 days are month windows
    expect(planWindows('2026-01-15', '2026-02-14')).toEqual([{ from: '2026-01-15', to: '2026-02-14' }]);
    expect(planWindows('2026-01-15', '2026-02-15')).toEqual(monthWindows('2026-01-15', '2026-02-15'));
    expect(planWindows('2026-01-15', '2026-02-15')).toHaveLength(2);
    expect(planWindows('2026-05-02', '2026-05-01')).toEqual([]);
  });
});

describe('inAscendingOrder', () => {
  it('keeps an ascending answer as it is, including the order of same-time rows', () => {
    const rows = [tx('2026-01-01', '09:00:00', 'a'), tx('2026-01-01', '09:00:00', 'b'), tx('2026-01-02', '08:00:00', 'c')];
    expect(inAscendingOrder(rows).map((r) => r.memo)).toEqual(['a', 'b', 'c']);
  });
  it('turns a newest-first answer around, same-time rows in posting order', () => {
    const rows = [tx('2026-01-02', '08:00:00', 'c'), tx('2026-01-01', '09:00:00', 'b'), tx('2026-01-01', '09:00:00', 'a')];
    expect(inAscendingOrder(rows).map((r) => r.memo)).toEqual(['a', 'b', 'c']);
  });
  it('sorts a shuffled answer by date and time', () => {
    const rows = [tx('2026-01-01', '12:00:00', 'b'), tx('2026-01-03', '08:00:00', 'd'), tx('2026-01-01', '07:00:00', 'a'), tx('2026-01-02', '23:59:59', 'c')];
    expect(inAscendingOrder(rows).map((r) => r.memo)).toEqual(['a', 'b', 'c', 'd']);
  });
});
