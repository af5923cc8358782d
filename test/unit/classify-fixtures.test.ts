// Accuracy of the built-in dictionary on hand-written bank memos (test/fixtures/memos.tsv), with the misses printed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/domain/classify.js';
import type { Direction } from '../../src/domain/types.js';

interface Case {
  memo: string;
  direction: Direction;
  expected: string;
}

function readCases(): Case[] {
  const text = readFileSync(new URL('../fixtures/memos.tsv', import.meta.url), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [memo = '', direction = '', expected = ''] = line.split('\t');
      if (direction !== 'in' && direction !== 'out') throw new Error(`bad direction in fixture line: ${line}`);
      return { memo, direction, expected };
    });
}

describe('classification accuracy on fixture memos', () => {
  const cases = readCases();

  it('has at least 150 fixture memos', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it('classifies at least 90% of them as expected', () => {
    const classifier = createClassifier();
    const misses: string[] = [];
    for (const c of cases) {
      const got = classifier.classify(c.memo, c.direction);
      if (got.category !== c.expected) {
        misses.push(`${c.memo}\t${c.direction}\texpected ${c.expected}\tgot ${got.category}\t${got.rule ?? '-'}`);
      }
    }
    const accuracy = (cases.length - misses.length) / cases.length;
    console.log(
      `classify fixtures: ${cases.length - misses.length}/${cases.length} correct, accuracy ${accuracy.toFixed(3)}` +
        (misses.length > 0 ? `\nmisses:\n${misses.join('\n')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
