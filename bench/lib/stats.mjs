// Small numeric helpers for the bench runner: medians with their spread, and human-readable figures.

/** { median, min, max, n } of a list of numbers. */
export function summarize(values) {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const median = n % 2 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  return { median, min: xs[0], max: xs[n - 1], n };
}

export function fmtInt(x) {
  return Math.round(x).toLocaleString('en-US');
}

export function fmtMs(ms) {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function fmtMb(kb) {
  return `${(kb / 1024).toFixed(0)} MB`;
}

export function fmtRate(perSecond) {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e4) return `${(perSecond / 1e3).toFixed(0)} k/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)}/s`;
}

/** "median (min–max)" with one formatter. */
export function spread(s, fmt) {
  if (s.n <= 1) return fmt(s.median);
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}
