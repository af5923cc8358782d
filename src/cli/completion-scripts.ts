// Generates the bash, zsh and fish completion scripts from the command tree (src/cli/command-tree.ts). Commands,
// options and fixed choices are written into the script; accounts and categories come at completion time from the
// hidden `finance __complete <kind>` command (as gh and cobra do), which prints nothing when there is no data.

import { allCommands, type CommandNode, type OptionNode, type ValueKind } from './command-tree.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Single-quoted for sh, bash, zsh and fish alike ('…'\''…'; fish reads \' inside quotes, sh needs the '\'' dance). */
function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function fishq(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The options that apply at a node: its own, then the program's (global options work after any command). */
function optionsAt(root: CommandNode, node: CommandNode): OptionNode[] {
  const seen = new Set<string>();
  const out: OptionNode[] = [];
  for (const o of [...node.options, ...(node === root ? [] : root.options.filter((g) => !g.names.includes('-V') && !g.names.includes('--version')))]) {
    if (o.names.some((n) => seen.has(n))) continue;
    o.names.forEach((n) => seen.add(n));
    out.push(o);
  }
  return out;
}

/** A value kind as the sh data functions print it: '@accounts', '@categories', '@files', '@dirs', '@none' or words. */
function shKind(v: ValueKind): string {
  return v.kind === 'choices' ? v.values.join(' ') : `@${v.kind}`;
}

/** The shared sh data functions (plain `case`, read by the bash and zsh drivers alike). */
function shData(root: CommandNode): string {
  const nodes = allCommands(root);
  const key = (n: CommandNode) => shq(n.path.join(' '));
  const subs = nodes.filter((n) => n.commands.length > 0).map((n) => `    ${key(n)}) echo ${shq(n.commands.flatMap((c) => [c.name, ...c.aliases]).join(' '))} ;;`);
  const opts = nodes.map((n) => `    ${key(n)}) echo ${shq(optionsAt(root, n).flatMap((o) => o.names).join(' '))} ;;`);
  const values: string[] = [];
  for (const o of root.options) if (o.value) for (const name of o.names) values.push(`    *'|${name}') echo ${shq(shKind(o.value))} ;;`);
  for (const n of nodes) {
    if (n === root) continue;
    for (const o of n.options) if (o.value) for (const name of o.names) values.unshift(`    ${shq(`${n.path.join(' ')}|${name}`)}) echo ${shq(shKind(o.value))} ;;`);
  }
  const args: string[] = [];
  for (const n of nodes) {
    n.arguments.forEach((a, i) => {
      if (a.value.kind !== 'none') {
        const pattern = a.variadic ? `${shq(`${n.path.join(' ')}|`)}*` : shq(`${n.path.join(' ')}|${i}`);
        args.push(`    ${pattern}) echo ${shq(shKind(a.value))} ;;`);
      }
    });
  }
  return `# The command tree (generated; do not edit): subcommands and options per command path, values per option and
# per positional argument ('@accounts', '@categories' come from \`finance __complete\`).
__finance_subcommands() {
  case "$1" in
${subs.join('\n')}
  esac
}
__finance_options() {
  case "$1" in
${opts.join('\n')}
  esac
}
# What an option's value is completed with; fails for a flag that takes no value.
__finance_option_value() {
  case "$1|$2" in
${values.join('\n')}
    *) return 1 ;;
  esac
}
__finance_argument() {
  case "$1|$2" in
${args.join('\n')}
    *) return 1 ;;
  esac
}
# Reads the words before the cursor: sets __finance_path (the command path), __finance_home (a --home given) and
# __finance_npos (positional arguments after the command path). Words are passed as arguments, the program first.
__finance_scan() {
  __finance_path='' __finance_home='' __finance_npos=0
  shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --home=*) __finance_home="\${1#--home=}" ;;
      -*)
        if __finance_option_value "$__finance_path" "$1" >/dev/null; then
          [ "$1" = --home ] && __finance_home="$2"
          [ $# -gt 1 ] && shift
        fi ;;
      *)
        if [ "$__finance_npos" -eq 0 ] && case " $(__finance_subcommands "$__finance_path") " in *" $1 "*) true ;; *) false ;; esac; then
          __finance_path="\${__finance_path:+$__finance_path }$1"
        else
          __finance_npos=$((__finance_npos + 1))
        fi ;;
    esac
    shift
  done
}
# What the word at the cursor is completed with, given the word before it: '@options', '@accounts', … or words.
__finance_what() {
  local prev="$1" cur="$2" kind subs
  case "$prev" in
    -*) if kind=$(__finance_option_value "$__finance_path" "$prev"); then echo "$kind"; return; fi ;;
  esac
  case "$cur" in
    -*) echo '@options'; return ;;
  esac
  subs=$(__finance_subcommands "$__finance_path")
  if [ -n "$subs" ] && [ "$__finance_npos" -eq 0 ]; then echo "$subs"; return; fi
  __finance_argument "$__finance_path" "$__finance_npos" || echo '@none'
}
# Accounts or categories, one a line, from the program itself (nothing at all when there is no data directory).
__finance_dynamic() {
  if [ -n "$__finance_home" ]; then
    "$__finance_program" --home "$__finance_home" __complete "$1" 2>/dev/null
  else
    "$__finance_program" __complete "$1" 2>/dev/null
  fi
}`;
}

function bash(root: CommandNode): string {
  return `# bash completion for finance (generated by \`finance completion bash\` from the command tree; do not edit).
# Use it now:   source <(finance completion bash)
# Keep it:      finance completion bash > ~/.local/share/bash-completion/completions/finance
${shData(root)}
_finance() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev='' kind v
  [ "$COMP_CWORD" -gt 0 ] && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  __finance_program="\${COMP_WORDS[0]}"
  __finance_scan "\${COMP_WORDS[@]:0:COMP_CWORD}"
  kind=$(__finance_what "$prev" "$cur")
  COMPREPLY=()
  case "$kind" in
    @options) COMPREPLY=($(compgen -W "$(__finance_options "$__finance_path")" -- "$cur")) ;;
    @files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    @dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    @none) ;;
    @accounts|@categories)
      local IFS=$'\\n'
      for v in $(__finance_dynamic "\${kind#@}"); do
        [[ "$v" == "$cur"* ]] || continue
        [[ "$v" == *[[:space:]\\'\\"\\$\\\`\\\\\\(\\)\\&\\;\\|\\<\\>]* ]] && v=$(printf '%q' "$v")
        COMPREPLY+=("$v")
      done ;;
    *) COMPREPLY=($(compgen -W "$kind" -- "$cur")) ;;
  esac
  return 0
}
complete -F _finance finance
`;
}

function zsh(root: CommandNode): string {
  return `#compdef finance
# zsh completion for finance (generated by \`finance completion zsh\` from the command tree; do not edit).
# Use it now:   autoload -U compinit && compinit; source <(finance completion zsh)
# Keep it:      finance completion zsh > "\${fpath[1]}/_finance"
${shData(root)}
_finance() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" kind
  local -a vals
  __finance_program="\${words[1]}"
  __finance_scan "\${(@)words[1,CURRENT-1]}"
  kind=$(__finance_what "$prev" "$cur")
  case "$kind" in
    @options) vals=(\${=$(__finance_options "$__finance_path")}) ;;
    @files) _files; return ;;
    @dirs) _path_files -/; return ;;
    @none) return 1 ;;
    @accounts|@categories) vals=("\${(@f)$(__finance_dynamic "\${kind#@}")}") ;;
    *) vals=(\${=kind}) ;;
  esac
  vals=(\${vals:#})
  compadd -a vals
}
if [ "$funcstack[1]" = "_finance" ]; then
  _finance "$@"
elif (( $+functions[compdef] )); then
  compdef _finance finance
fi
`;
}

function fishValue(v: ValueKind): string {
  switch (v.kind) {
    case 'choices':
      return `-x -a ${fishq(v.values.join(' '))}`;
    case 'accounts':
    case 'categories':
      return `-x -a '(__finance_dynamic ${v.kind})'`;
    case 'files':
      return '-r -F';
    case 'dirs':
      return `-x -a '(__fish_complete_directories)'`;
    case 'none':
      return '-x';
  }
}

function fish(root: CommandNode): string {
  const lines: string[] = [];
  const opt = (cond: string, o: OptionNode) => {
    const parts = ['complete -c finance'];
    if (cond) parts.push(`-n ${fishq(cond)}`);
    for (const n of o.names) parts.push(n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`);
    if (o.value) parts.push(fishValue(o.value));
    if (o.description) parts.push(`-d ${fishq(o.description)}`);
    lines.push(parts.join(' '));
  };
  for (const o of root.options) opt('', o);
  for (const node of allCommands(root)) {
    const cond = `__finance_path_is ${node.path.map(fishq).join(' ')}`.trim();
    for (const c of node.commands) {
      lines.push(`complete -c finance -f -n ${fishq(cond)} -a ${fishq(c.name)} -d ${fishq(c.description.split('\n')[0] ?? '')}`);
    }
    if (node !== root) for (const o of node.options) opt(`__finance_path_is ${node.path.join(' ')}`, o);
    node.arguments.forEach((a, i) => {
      if (a.value.kind === 'none') return;
      const argCond = `${cond}; and __finance_npos_is ${a.variadic ? `${i}+` : i}`;
      if (a.value.kind === 'choices') lines.push(`complete -c finance -f -n ${fishq(argCond)} -a ${fishq(a.value.values.join(' '))}`);
      else if (a.value.kind === 'accounts' || a.value.kind === 'categories') lines.push(`complete -c finance -f -n ${fishq(argCond)} -a '(__finance_dynamic ${a.value.kind})'`);
    });
  }
  // Which options take a value, so the scanner skips their values (fish passes no tree of its own to functions).
  const valued = new Set<string>();
  for (const n of allCommands(root)) for (const o of n.options) if (o.value) o.names.forEach((x) => valued.add(x));
  const subs = allCommands(root)
    .filter((n) => n.commands.length > 0)
    .map((n) => `        case ${fishq(n.path.join(' '))}\n            echo ${n.commands.map((c) => fishq(c.name)).join(' ')}`);
  return `# fish completion for finance (generated by \`finance completion fish\` from the command tree; do not edit).
# Use it now:   finance completion fish | source
# Keep it:      finance completion fish > ~/.config/fish/completions/finance.fish

function __finance_subcommands
    switch "$argv"
${subs.join('\n')}
    end
end

# Sets the command path, positional count and --home from the words before the cursor.
function __finance_scan
    set -g __finance_path
    set -g __finance_npos 0
    set -g __finance_home
    set -l words (commandline -opc)
    set -e words[1]
    set -l skip 0
    for w in $words
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $w
            case '--home=*'
                set __finance_home (string replace -- '--home=' '' $w)
            case ${[...valued].map(fishq).join(' ')}
                set skip 1
            case '-*'
            case '*'
                if test $__finance_npos -eq 0; and contains -- $w (string split ' ' -- (__finance_subcommands "$__finance_path"))
                    set -a __finance_path $w
                else
                    set __finance_npos (math $__finance_npos + 1)
                end
        end
    end
    set -l i (contains -i -- --home $words)
    and set -q words[(math $i + 1)]
    and set -g __finance_home $words[(math $i + 1)]
end

function __finance_path_is
    __finance_scan
    test "$__finance_path" = "$argv"
end

function __finance_npos_is
    string match -q '*+' -- $argv[1]; and test $__finance_npos -ge (string trim -c + -- $argv[1]); and return 0
    test $__finance_npos -eq $argv[1]
end

function __finance_dynamic
    __finance_scan
    set -l program (commandline -opc)[1]
    if test -n "$__finance_home"
        $program --home $__finance_home __complete $argv[1] 2>/dev/null
    else
        $program __complete $argv[1] 2>/dev/null
    end
end

complete -c finance -f
${lines.join('\n')}
`;
}

export function completionScript(shell: Shell, root: CommandNode): string {
  switch (shell) {
    case 'bash':
      return bash(root);
    case 'zsh':
      return zsh(root);
    case 'fish':
      return fish(root);
  }
}
