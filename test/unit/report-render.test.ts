// The report's views: readable text without escapes on a pipe, charts fitted to the width, CSV category table.

import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report.js';
import { compactWon, fitSeries, lineChart } from '../../src/render/charts.js';
import { reportCsv } from '../../src/render/report-csv.js';
import { bar, displayWidth, reportText } from '../../src/render/report-text.js';

const report: Report = {
  from: '2026-01-01', to: '2026-03-31', assets: 12_345_678,
  accounts: [{ id: 'A', bankName: 'KB국민은행', accountNumMasked: '123456***', alias: '생활비', balance: 12_345_678, balanceAt: '2026-03-31T05:00:00Z' }],
  income: 3_000_000, spending: 1_234_500, net: 1_765_500,
  categories: [
    { category: 'food', name: '식비', amount: 1_000_000, count: 12, share: 0.8101 },
    { category: 'x,"y"', name: 'x,"y"', amount: 234_500, count: 3, share: 0.1899 },
  ],
  upcoming: [{ memo: '넷플릭스', account: 'A', direction: 'out', cadence: 'monthly', count: 6, averageAmount: 17_000, lastAmount: 17_000, firstDate: '2025-10-05', lastDate: '2026-03-05', nextDate: '2026-04-05', active: true, category: 'leisure', intervalStdDays: 0, amountKind: 'fixed', expectedAmount: 17_000, ownTransfer: false }],
  weekly: Array.from({ length: 60 }, (_, i) => ({ weekStart: `2026-W${i}`, balance: 10_000_000 + i * 37_000, spending: 100_000 + (i % 5) * 20_000, income: 0 })),
  ownTransfers: { count: 2, amount: 400_000 },
};

describe('reportText', () => {
  it('is sectioned text with thousands separators and no escapes when colour is off', () => {
    const text = reportText(report, { c: new Chalk({ level: 0 }), columns: undefined, chart: true });
    expect(text).not.toMatch(/\x1b\[/);
    for (const s of ['자산 Assets', '수입/지출', '카테고리별 지출', '다가오는 고정지출', '주간 잔액', '주간 지출']) expect(text).toContain(s);
    expect(text).toContain('12,345,678원');
    expect(text).toContain('+1,765,500원');
    expect(text).toContain('400,000원');
    expect(text).toMatch(/식비\s+1,000,000원\s+12건\s+81\.0%\s+█+/);
    expect(text).toMatch(/2026-04-05\s+넷플릭스\s+17,000원\s+monthly/);
    expect(text).toMatch(/10\.\d+M/); // won-labelled y axis
  });

  it('colours only through the chalk instance', () => {
    const text = reportText(report, { c: new Chalk({ level: 1 }), columns: 100, chart: true });
    expect(text).toMatch(/\x1b\[/);
  });

  it('fits every line to the terminal width and leaves charts out with chart: false', () => {
    for (const columns of [50, 80, 120]) {
      const text = reportText(report, { c: new Chalk({ level: 0 }), columns, chart: true });
      const widest = Math.max(...text.split('\n').filter((l) => /[┤┼]/.test(l)).map(displayWidth));
      expect(widest).toBeLessThanOrEqual(columns);
      // 60 weeks: downsampled to fill 50 columns; at 80 and 120 one column per week
      if (columns === 50) expect(widest).toBeGreaterThan(columns - 3);
      else expect(widest).toBeLessThan(60 + 12);
    }
    expect(reportText(report, { c: new Chalk({ level: 0 }), columns: 80, chart: false })).not.toContain('주간 잔액');
  });
});

describe('charts', () => {
  it('downsamples long series and stretches short ones', () => {
    expect(fitSeries([1, 2, 3, 4, 5, 6], 3, 'last')).toEqual([2, 4, 6]);
    expect(fitSeries([1, 3, 5, 7], 2, 'mean')).toEqual([2, 6]);
    expect(fitSeries([1, 2], 7)).toEqual([1, 1, 1, 2, 2, 2]);
  });
  it('labels won compactly, precise enough to tell rows apart', () => {
    expect(compactWon(1_234_567)).toBe('1.2M');
    expect(compactWon(1_234_567, 10_000)).toBe('1.23M');
    expect(compactWon(950)).toBe('950');
    expect(compactWon(-2_500_000_000)).toBe('-2.5B');
  });
  it('draws a flat series without failing and nothing for an empty one', () => {
    expect(lineChart([5, 5, 5], { width: 30 })).toContain('5');
    expect(lineChart([], { width: 30 })).toBe('');
  });
  it('draws distinct labels top to bottom', () => {
    const labels = lineChart([0, 1_000_000], { width: 40, height: 4 }).split('\n').map((l) => l.split(/[┤┼]/)[0]!.trim());
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toBe('1.0M');
    expect(labels.at(-1)).toBe('0');
  });
  it('draws bars in eighths', () => {
    expect(bar(0.5, 4)).toBe('██');
    expect(bar(1 / 32, 4)).toBe('▏');
    expect(bar(2, 3)).toBe('███');
  });
});

describe('reportCsv', () => {
  it('is the category table with RFC 4180 quoting', () => {
    expect(reportCsv(report)).toBe('category,name,amount,count,share\nfood,식비,1000000,12,0.8101\n"x,""y""","x,""y""",234500,3,0.1899\n');
  });
});
