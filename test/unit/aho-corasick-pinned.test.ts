// Pins the Aho–Corasick matcher (src/domain/aho-corasick.ts): every occurrence of every word, including words inside
// other words and words that end where another does, exactly as a naive search finds them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../src/domain/aho-corasick.js';

/** Sorted [word, end] pairs as a plain search over every position finds them. */
function naive(words: readonly string[], text: string): string[] {
  const found: string[] = [];
  words.forEach((w, i) => {
    if (w === '') return;
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) found.push(`${i}@${at + w.length}`);
  });
  return found.sort();
}

function scanned(words: readonly string[], text: string): string[] {
  const hits: number[] = [];
  new Automaton(words).scan(text, hits);
  const found: string[] = [];
  for (let h = 0; h < hits.length; h += 2) found.push(`${hits[h]}@${hits[h + 1]}`);
  return found.sort();
}

describe('Aho–Corasick matcher', () => {
  it('finds overlapping words, words inside words and repeated words', () => {
    const words = ['he', 'she', 'his', 'hers'];
    expect(scanned(words, 'ushers')).toEqual(['0@4', '1@4', '3@6']);
    expect(scanned(['스타벅스', '벅스', '스'], '스타벅스')).toEqual(['0@4', '1@4', '2@1', '2@4']);
    expect(scanned(['aa'], 'aaaa')).toEqual(['0@2', '0@3', '0@4']);
    expect(scanned(['abc', 'bcd', 'c'], 'xabcdx')).toEqual(['0@4', '1@5', '2@4']);
  });

  it('follows failure links after a mismatch deep in a word', () => {
    expect(scanned(['abcd', 'bce', 'ce'], 'abce')).toEqual(['1@4', '2@4']);
    expect(scanned(['aab', 'ab'], 'aaab')).toEqual(['0@4', '1@4']);
    expect(scanned(['이마트', '마트24'], '이마트24')).toEqual(['0@3', '1@5']);
  });

  it('appends to the hits it is given, and finds nothing in empty text or without words', () => {
    const hits = [7, 7];
    new Automaton(['a']).scan('aa', hits);
    expect(hits).toEqual([7, 7, 0, 1, 0, 2]);
    expect(scanned(['a'], '')).toEqual([]);
    expect(scanned([], 'abc')).toEqual([]);
  });

  it('agrees with a naive search on random words and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '가', '나');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 30 }), (words, text) => {
        expect(scanned(words, text)).toEqual(naive(words, text));
      }),
      { numRuns: 300, seed: 20 },
    );
  });
});
