// The category a `label set` names: a built-in (id or Korean name) or one of the user's; a name that does not exist
// yet is created only on purpose — asked on a terminal (with the closest existing names offered first, since it is
// most often a typo), or with --new; otherwise a usage error naming the closest ones.

import { findBuiltinCategory } from '../domain/categories.js';
import { UsageError } from '../errors.js';
import { sanitizeLine } from '../sanitize.js';
import type { Store } from '../store/index.js';
import { closestCategories } from './categories.js';
import type { Context } from './context.js';

const CREATE = '\u0000create';
const CANCEL = '\u0000cancel';

/** The category id to use and whether it must be created; undefined when the person cancelled at the prompt. */
export async function chooseCategory(ctx: Context, store: Store, arg: string, allowNew: boolean): Promise<{ id: string; created: boolean } | undefined> {
  const builtin = findBuiltinCategory(arg);
  if (builtin) return { id: builtin.id, created: false };
  const id = arg.trim().normalize('NFC');
  if (!id || id.length > 40 || /[\u0000-\u001f\u007f-\u009f]/.test(id)) throw new UsageError(`'${sanitizeLine(arg)}' is not a usable category name`, 'use 1–40 characters without control characters');
  if (store.labels.userCategories().includes(id)) return { id, created: false };
  if (allowNew) return { id, created: true };
  const closest = closestCategories(store, id);
  const shown = sanitizeLine(id);
  if (!ctx.io.canPrompt) {
    throw new UsageError(
      `there is no category '${shown}'`,
      `closest: ${closest.map((c) => `${c.name} (${c.id})`).join(', ')}; add --new to create '${shown}'`,
    );
  }
  const { select } = await import('@inquirer/prompts');
  const answer = await select<string>(
    {
      message: `There is no category '${shown}'. Use:`,
      choices: [
        ...closest.map((c) => ({ name: `${c.name} (${c.id})`, value: c.id })),
        { name: `a new category '${shown}'`, value: CREATE },
        { name: 'cancel', value: CANCEL },
      ],
    },
    { input: ctx.io.streams.stdin as NodeJS.ReadStream, output: ctx.io.streams.stderr as NodeJS.WriteStream, signal: ctx.signal },
  );
  if (answer === CANCEL) return undefined;
  if (answer === CREATE) return { id, created: true };
  return { id: answer, created: false };
}
