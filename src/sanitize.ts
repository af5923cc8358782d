// The one sanitizer for text that comes from outside (memos, bank names, aliases, server messages, callback
// parameters) on its way to a terminal, stderr, a TSV line or the database's error columns: control characters are
// shown as visible escapes (`\x1b`, `\x9b`, `\u202e`), so nothing a bank or a web page sends can drive the terminal,
// and registered secrets are replaced first (redactSecrets), so server-echoed tokens never reach a sink.

import { redactSecrets } from './redact.js';

// C0 controls, DEL, C1 controls, and the Unicode bidi overrides/isolates and line/paragraph separators that can
// reorder or break what a terminal shows.
const CONTROL_ANY = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of outside text (a table cell, a TSV field, a name): every control character escaped, newlines too. */
export function sanitizeLine(text: string): string {
  return text.replace(CONTROL_ANY, escapeChar);
}

/** Multi-line outside text (a message block): newlines and tabs kept, every other control character escaped. */
export function sanitizeText(text: string): string {
  return text.replace(CONTROL_KEEP_LINES, escapeChar);
}

/** Server or callback text bound for stderr, JSON or the database: secrets redacted, then control characters escaped. */
export function cleanOutside(text: string): string {
  return sanitizeLine(redactSecrets(text));
}
