// The text view of `finance explain`: the memo (outside text: sanitized, cut to the terminal width), its category,
// the rule that decided it and the evidence, wrapped at the terminal width so nothing of the reason is lost.

import stringWidth from 'string-width';
import { sanitizeLine } from '../sanitize.js';
import { truncateWidth } from './table.js';

/** Word-wraps `text` to `width` cells, continuation lines indented by `indent` spaces. */
export function wrapWidth(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && stringWidth(next) > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else line = next;
  }
  lines.push(line);
  return lines.map((l) => truncateWidth(l, width));
}

export function explainText(
  e: { memo: string; categoryName: string; category: string; why: string; evidence?: readonly string[] },
  columns: number | undefined,
): string {
  const fit = (s: string) => (columns === undefined ? [s] : wrapWidth(s, columns, 4));
  return [
    columns === undefined ? sanitizeLine(e.memo) : truncateWidth(sanitizeLine(e.memo), columns),
    ...fit(`  →  ${e.categoryName} (${sanitizeLine(e.category)})`),
    ...fit(`  because: ${sanitizeLine(e.why)}`),
    ...(e.evidence ?? []).flatMap((x) => fit(`  - ${sanitizeLine(x)}`)),
  ].join('\n');
}
