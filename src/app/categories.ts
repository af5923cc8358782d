// Resolving a category argument (id or Korean name, or a user category) against what the store knows.

import { BUILTIN_CATEGORIES, findBuiltinCategory } from '../domain/categories.js';
import { UsageError } from '../errors.js';
import type { Store } from '../store/index.js';

/** An existing category id for `arg`, or a usage error listing the valid ones. */
export function resolveCategory(store: Store, arg: string): string {
  const builtin = findBuiltinCategory(arg);
  if (builtin) return builtin.id;
  const user = store.labels.userCategories();
  const trimmed = arg.trim();
  if (user.includes(trimmed)) return trimmed;
  throw new UsageError(
    `unknown category '${arg}'`,
    `use one of: ${[...BUILTIN_CATEGORIES.map((c) => c.id), ...user].join(', ')} (or create one with 'finance label set <memo> <new name>')`,
  );
}

/** Edit distance over Unicode code points (Hangul decomposed into jamo first, so 카폐 is one step from 카페). */
function distance(a: string, b: string): number {
  const x = [...a.normalize('NFD').toLowerCase()];
  const y = [...b.normalize('NFD').toLowerCase()];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** The existing categories closest to `arg` (by id, name or a part of a name such as 카페 in 카페/간식), best first. */
export function closestCategories(store: Store, arg: string, n = 3): Array<{ id: string; name: string }> {
  const all = [...BUILTIN_CATEGORIES.map((c) => ({ id: c.id, name: c.name })), ...store.labels.userCategories().map((id) => ({ id, name: id }))];
  const a = arg.trim();
  const score = (c: { id: string; name: string }) => Math.min(...[c.id, c.name, ...c.name.split('/')].map((t) => distance(a, t)));
  return all
    .map((c) => ({ c, d: score(c) }))
    .sort((p, q) => p.d - q.d)
    .slice(0, n)
    .map((p) => p.c);
}

/** A user category that can be removed or renamed (built-ins cannot), or a usage error. */
export function userCategory(store: Store, arg: string): string {
  const builtin = findBuiltinCategory(arg);
  if (builtin) throw new UsageError(`'${builtin.id}' (${builtin.name}) is a built-in category and cannot be changed`, 'only categories you made can be removed or renamed');
  const id = arg.trim().normalize('NFC');
  if (!store.labels.userCategories().includes(id)) {
    const user = store.labels.userCategories();
    throw new UsageError(`no category of yours is named '${arg}'`, user.length ? `yours: ${user.join(', ')}` : "you have none; 'finance label set <memo> <new name> --new' makes one");
  }
  return id;
}
