// Reads the commander program into a plain tree (commands, options, arguments and what values each takes), the one
// source the shell completion scripts and the man page are generated from, so neither drifts from the real CLI.

import type { Argument, Command, Option } from 'commander';
import type { EventEmitter } from 'node:events';

/** What a value is completed with: a fixed list, the user's accounts or categories, paths, or nothing. */
export type ValueKind =
  | { kind: 'choices'; values: string[] }
  | { kind: 'accounts' }
  | { kind: 'categories' }
  | { kind: 'files' }
  | { kind: 'dirs' }
  | { kind: 'none' };

export interface OptionNode {
  flags: string; // as commander shows it: "-o, --output <file>"
  names: string[]; // "-o", "--output"
  description: string;
  value: ValueKind | null; // null: a flag that takes no value
  valueName: string; // "file" (empty for flags)
}

export interface ArgumentNode {
  name: string;
  required: boolean;
  variadic: boolean;
  value: ValueKind;
}

export interface CommandNode {
  name: string;
  path: string[]; // e.g. ['label', 'set']; [] for the program
  aliases: string[];
  description: string;
  usage: string;
  options: OptionNode[];
  arguments: ArgumentNode[];
  commands: CommandNode[];
  helpAfter: string; // the examples text added after --help
}

/** Dynamic value kinds by the name of an option or argument (`--account <id>`, `<category>`). */
function kindByName(name: string, choices: readonly string[] | undefined): ValueKind {
  if (choices && choices.length > 0) return { kind: 'choices', values: [...choices] };
  const n = name.toLowerCase();
  if (n === 'account') return { kind: 'accounts' };
  if (n === 'category') return { kind: 'categories' };
  if (n === 'home' || n === 'dir' || n === 'directory') return { kind: 'dirs' };
  if (n === 'output' || n === 'file' || n === 'input') return { kind: 'files' };
  return { kind: 'none' };
}

function optionNode(o: Option): OptionNode {
  const names = [o.short, o.long].filter((n): n is string => typeof n === 'string');
  const takesValue = o.required || o.optional;
  const valueName = takesValue ? (/[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? 'value') : '';
  const key = (o.long ?? o.short ?? '').replace(/^-+/, '');
  let value: ValueKind | null = null;
  if (takesValue) {
    value = kindByName(key, o.argChoices);
    if (value.kind === 'none') value = kindByName(valueName, undefined);
  }
  return { flags: o.flags, names, description: o.description, value, valueName };
}

function argumentNode(a: Argument): ArgumentNode {
  return { name: a.name(), required: a.required, variadic: a.variadic, value: kindByName(a.name(), a.argChoices) };
}

/** The text a command adds after its help (examples), read through commander's own help output. */
function helpAfterText(cmd: Command): string {
  let after = '';
  // commander keeps addHelpText as 'afterHelp' listeners (Command is an EventEmitter; its typings do not say so).
  const listeners = (cmd as unknown as EventEmitter).listeners('afterHelp');
  for (const l of listeners) {
    let written = '';
    try {
      (l as (ctx: { error: boolean; command: Command; write: (s: string) => void }) => void)({
        error: false,
        command: cmd,
        write: (s: string) => {
          written += s;
        },
      });
    } catch {
      // a listener that needs more than we give it is left out of the man page
    }
    after += written;
  }
  return after.replace(/^\n+/, '').replace(/\s+$/, '');
}

/** The visible tree under `cmd` (hidden commands such as `__complete` and hidden options are left out). */
export function commandTree(cmd: Command, path: string[] = []): CommandNode {
  const help = cmd.createHelp();
  const options = help.visibleOptions(cmd).map(optionNode);
  const commands = help
    .visibleCommands(cmd)
    .filter((c) => c.name() !== 'help')
    .map((c) => commandTree(c, [...path, c.name()]));
  return {
    name: cmd.name(),
    path,
    aliases: cmd.aliases(),
    description: cmd.description(),
    usage: cmd.usage(),
    options,
    arguments: cmd.registeredArguments.map(argumentNode),
    commands,
    helpAfter: helpAfterText(cmd),
  };
}

/** Every node, depth first, the program first. */
export function allCommands(root: CommandNode): CommandNode[] {
  return [root, ...root.commands.flatMap(allCommands)];
}
