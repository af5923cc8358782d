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

/** For `label set`: a built-in (id or name), or a new user category created on first use. */
export function resolveOrCreateCategory(store: Store, arg: string): { id: string; created: boolean } {
  const builtin = findBuiltinCategory(arg);
  if (builtin) return { id: builtin.id, created: false };
  const id = arg.trim().normalize('NFC');
  if (!id || id.length > 40 || /[\t\r\n]/.test(id)) throw new UsageError(`'${arg}' is not a usable category name`, 'use 1–40 characters without tabs or newlines');
  const exists = store.labels.userCategories().includes(id);
  if (!exists) store.labels.addUserCategory(id);
  return { id, created: !exists };
}
