// The built-in dictionary as data: coverage of every category, size, no keyword claimed by two categories.

import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES, UNCATEGORIZED } from '../../src/domain/categories.js';
import { builtinKeywords } from '../../src/domain/classify.js';
import { PAYMENT_APPS } from '../../src/domain/keywords.js';
import { normalizeMemo } from '../../src/domain/normalize.js';

describe('built-in keywords', () => {
  const rules = builtinKeywords();

  it('has at least 500 keywords', () => {
    expect(rules.length).toBeGreaterThanOrEqual(500);
  });

  it('covers every built-in category except uncategorized, and only those', () => {
    const used = new Set(rules.map((r) => r.category));
    const expected = BUILTIN_CATEGORIES.map((c) => c.id).filter((id) => id !== UNCATEGORIZED);
    expect([...used].sort()).toEqual([...expected].sort());
  });

  it('never gives one normalised keyword two categories, nor lists it twice', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { keyword, category } of rules) {
      const norm = normalizeMemo(keyword);
      const before = seen.get(norm);
      if (before !== undefined) clashes.push(`${keyword}: ${before} / ${category}`);
      seen.set(norm, category);
    }
    expect(clashes).toEqual([]);
  });

  it('has no keyword that normalises to nothing', () => {
    expect(rules.filter((r) => normalizeMemo(r.keyword) === '')).toEqual([]);
  });

  it('does not list payment apps as keywords (the merchant behind them decides)', () => {
    const apps = new Set(PAYMENT_APPS.map(normalizeMemo));
    expect(rules.filter((r) => apps.has(normalizeMemo(r.keyword)))).toEqual([]);
  });
});
