// The built-in categories (stable English id + Korean display name) and the rules on which direction may use which.

import type { Direction } from './types.js';

export interface Category {
  id: string;
  name: string;
  builtin: boolean;
}

export const BUILTIN_CATEGORIES: readonly Category[] = [
  { id: 'food', name: '식비', builtin: true },
  { id: 'cafe', name: '카페/간식', builtin: true },
  { id: 'mart', name: '마트/편의점', builtin: true },
  { id: 'shopping', name: '쇼핑', builtin: true },
  { id: 'beauty', name: '뷰티/미용', builtin: true },
  { id: 'transport', name: '교통', builtin: true },
  { id: 'car', name: '자동차', builtin: true },
  { id: 'housing', name: '주거/통신', builtin: true },
  { id: 'medical', name: '의료/건강', builtin: true },
  { id: 'leisure', name: '문화/여가', builtin: true },
  { id: 'travel', name: '여행/숙박', builtin: true },
  { id: 'education', name: '교육', builtin: true },
  { id: 'finance', name: '금융/보험', builtin: true },
  { id: 'gift', name: '경조/선물', builtin: true },
  { id: 'transfer', name: '이체', builtin: true },
  { id: 'salary', name: '급여', builtin: true },
  { id: 'income', name: '기타수입', builtin: true },
  { id: 'uncategorized', name: '미분류', builtin: true },
];

export const UNCATEGORIZED = 'uncategorized';

/** Categories incoming money may be classified into. */
export const INCOME_CATEGORIES: ReadonlySet<string> = new Set(['salary', 'income', 'transfer', UNCATEGORIZED]);

const byId = new Map(BUILTIN_CATEGORIES.map((c) => [c.id, c]));
const byName = new Map(BUILTIN_CATEGORIES.map((c) => [c.name, c]));

/** The built-in category for an id or Korean name, or undefined. */
export function findBuiltinCategory(idOrName: string): Category | undefined {
  const key = idOrName.trim();
  return byId.get(key.toLowerCase()) ?? byName.get(key);
}

/** Display name of a category id: the Korean name for built-ins, the id itself for user categories. */
export function categoryName(id: string): string {
  return byId.get(id)?.name ?? id;
}

/** Whether money moving in `direction` may be put in `categoryId` (user categories count as spending). */
export function allowedFor(categoryId: string, direction: Direction): boolean {
  if (direction === 'in') return INCOME_CATEGORIES.has(categoryId);
  return categoryId !== 'salary' && categoryId !== 'income';
}
