// Terminal line charts (asciichart) with y-axis labels in won, fitted to a width: series longer than the plot area
// are downsampled, shorter ones stretched. Plain characters; colour only through the chalk instance passed in.

import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';

interface AsciiChart {
  plot(series: number[], cfg: { height: number; format: (x: number) => string; colors?: Array<string | undefined> }): string;
}

const asciichart = createRequire(import.meta.url)('asciichart') as AsciiChart;

export interface LineChartOptions {
  /** total width in columns, labels included */
  width: number;
  /** rows of the plot area */
  height?: number;
  /** how to combine values that share one column when downsampling */
  combine?: 'last' | 'mean';
  c?: ChalkInstance;
  /** caption under the x axis: first and last x labels */
  xLabels?: [string, string];
}

const MAX_STRETCH = 6;

/** 1234567 → "1.2M", scaled so that labels `step` apart stay distinct. */
export function compactWon(n: number, step = 0): string {
  const abs = Math.abs(n);
  const [unit, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'K'] : [1, ''];
  const decimals = unit === 1 || step <= 0 ? (unit === 1 ? 0 : 1) : Math.min(3, Math.max(0, Math.ceil(-Math.log10(step / unit))));
  return `${(n / unit).toFixed(decimals)}${suffix}`;
}

/** Resamples `values` to exactly `n` columns: buckets when longer, repeated points when shorter. */
export function fitSeries(values: readonly number[], n: number, combine: 'last' | 'mean' = 'last'): number[] {
  if (values.length === 0 || n <= 0) return [];
  if (values.length > n) {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const bucket = values.slice(Math.floor((i * values.length) / n), Math.floor(((i + 1) * values.length) / n));
      out.push(combine === 'last' ? bucket[bucket.length - 1]! : bucket.reduce((s, v) => s + v, 0) / bucket.length);
    }
    return out;
  }
  const k = Math.max(1, Math.min(MAX_STRETCH, Math.floor(n / values.length)));
  return values.flatMap((v) => Array<number>(k).fill(v));
}

/** A line chart of `values`, every line at most `opts.width` columns; '' when there is nothing to plot. */
export function lineChart(values: readonly number[], opts: LineChartOptions): string {
  if (values.length === 0) return '';
  const height = opts.height ?? 8;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = (max - min) / height;
  const labelWidth = Math.max(compactWon(min, step).length, compactWon(max, step).length) + 1;
  const plotWidth = Math.max(1, opts.width - labelWidth - 2);
  const series = fitSeries(values, plotWidth, opts.combine);
  const [open] = opts.c && opts.c.level > 0 ? opts.c.cyan('\u0000').split('\u0000') : [undefined];
  const chart = asciichart.plot(series, {
    height: max === min ? 1 : height,
    format: (x) => compactWon(x, step).padStart(labelWidth),
    colors: [open],
  });
  if (!opts.xLabels) return chart;
  const [first, last] = opts.xLabels;
  const gap = Math.max(1, series.length + 1 - first.length - last.length);
  return `${chart}\n${' '.repeat(labelWidth + 1)}${first}${' '.repeat(gap)}${last}`;
}
