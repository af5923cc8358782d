// Accuracy on the second blind batch (test/fixtures/memos-blind2.tsv: memos written before the dictionary was read,
// with the bank's tran_type, branch, amount and own-account flag), using every field as evidence. Prints the figures.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier, type Evidence } from '../../src/domain/classify.js';
import type { Direction } from '../../src/domain/types.js';

interface Case {
  memo: string;
  direction: Direction;
  evidence: Evidence;
  expected: string;
}

function readCases(): Case[] {
  const text = readFileSync(new URL('../fixtures/memos-blind2.tsv', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [memo = '', direction = '', type = '', branch = '', amount = '', own = '', expected = ''] = line.split('\t');
      if (direction !== 'in' && direction !== 'out') throw new Error(`bad direction in fixture line: ${line}`);
      if (!/^\d+$/.test(amount) || (own !== '0' && own !== '1') || expected === '') throw new Error(`bad fixture line: ${line}`);
      return { memo, direction, evidence: { type, branch, amount: Number(amount), own: own === '1' }, expected };
    });
}

function score(cases: Case[], withEvidence: boolean): { right: number; misses: string[] } {
  const classifier = createClassifier();
  const misses: string[] = [];
  for (const c of cases) {
    const got = classifier.classify(c.memo, c.direction, withEvidence ? c.evidence : undefined);
    if (got.category !== c.expected) misses.push(`${c.memo}\t${c.direction}\t${c.evidence.type}\texpected ${c.expected}\tgot ${got.category}\t${got.evidence.join('; ')}`);
  }
  return { right: cases.length - misses.length, misses };
}

describe('classification of the second blind batch', () => {
  const cases = readCases();

  it('has at least 300 memos', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it('puts at least 99% of them in the category a person chose, using tran_type, branch, amount and own account', () => {
    const full = score(cases, true);
    const memoOnly = score(cases, false);
    const pct = (n: number): string => ((100 * n) / cases.length).toFixed(1);
    console.log(
      `blind batch 2: ${full.right}/${cases.length} = ${pct(full.right)}% with every field as evidence ` +
        `(memo and direction only: ${memoOnly.right}/${cases.length} = ${pct(memoOnly.right)}%)` +
        (full.misses.length > 0 ? `\nmisses:\n${full.misses.join('\n')}` : ''),
    );
    expect(full.right / cases.length).toBeGreaterThanOrEqual(0.99);
  });
});
