// The built-in categories as CLI.md ("## Categories") promises them: stable ids with their Korean names, in that
// order, lookup by either (trimmed, ids in any case), display names, and which direction may use which category.
import { describe, expect, it } from 'vitest';
import { allowedFor, BUILTIN_CATEGORIES, categoryName, findBuiltinCategory, INCOME_CATEGORIES, UNCATEGORIZED } from '../../src/domain/categories.js';

// CLI.md's table, id → name, in its order
const CONTRACT: Array<[string, string]> = [
  ['food', '식비'], ['cafe', '카페/간식'], ['mart', '마트/편의점'], ['shopping', '쇼핑'], ['beauty', '뷰티/미용'],
  ['transport', '교통'], ['car', '자동차'], ['housing', '주거/통신'], ['medical', '의료/건강'], ['leisure', '문화/여가'],
  ['travel', '여행/숙박'], ['education', '교육'], ['finance', '금융/보험'], ['gift', '경조/선물'], ['transfer', '이체'],
  ['salary', '급여'], ['income', '기타수입'], ['uncategorized', '미분류'],
];

describe('built-in categories', () => {
  it('are the ids and Korean names of the command-line contract, in its order, all built in', () => {
    expect(BUILTIN_CATEGORIES.map((c) => [c.id, c.name])).toEqual(CONTRACT);
    expect(BUILTIN_CATEGORIES.every((c) => c.builtin === true)).toBe(true);
    expect(UNCATEGORIZED).toBe('uncategorized');
  });

  it('are found by id (any case) or Korean name, with spaces around ignored', () => {
    for (const [id, name] of CONTRACT) {
      expect(findBuiltinCategory(id), id).toEqual({ id, name, builtin: true });
      expect(findBuiltinCategory(name), name).toEqual({ id, name, builtin: true });
    }
    expect(findBuiltinCategory(' CAFE ')?.id).toBe('cafe');
    expect(findBuiltinCategory('  카페/간식\t')?.id).toBe('cafe');
    expect(findBuiltinCategory('Food')?.id).toBe('food');
    for (const unknown of ['', 'coffee', '카페', 'food2']) expect(findBuiltinCategory(unknown), unknown).toBeUndefined();
  });

  it('display as their Korean name; a user category displays as itself', () => {
    for (const [id, name] of CONTRACT) expect(categoryName(id)).toBe(name);
    expect(categoryName('저축놀이')).toBe('저축놀이');
    expect(categoryName('식비')).toBe('식비');
  });
});

describe('direction', () => {
  it('incoming money only into salary, income, transfer or uncategorized', () => {
    expect([...INCOME_CATEGORIES].sort()).toEqual(['income', 'salary', 'transfer', 'uncategorized']);
    const inAllowed = CONTRACT.map(([id]) => id).filter((id) => allowedFor(id, 'in'));
    expect(inAllowed).toEqual(['transfer', 'salary', 'income', 'uncategorized']);
    expect(allowedFor('저축놀이', 'in')).toBe(false);
  });

  it('outgoing money into anything but salary and income, user categories included', () => {
    const outAllowed = CONTRACT.map(([id]) => id).filter((id) => allowedFor(id, 'out'));
    expect(outAllowed).toEqual(CONTRACT.map(([id]) => id).filter((id) => id !== 'salary' && id !== 'income'));
    expect(allowedFor('저축놀이', 'out')).toBe(true);
  });
});
