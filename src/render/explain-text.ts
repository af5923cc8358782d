// The text view of `finance explain`: the memo (outside text: sanitized, cut to the terminal width), its category,
// and the rule that decided it.

import { sanitizeLine } from '../sanitize.js';
import { truncateWidth } from './table.js';

export function explainText(
  e: { memo: string; categoryName: string; category: string; why: string; evidence?: readonly string[] },
  columns: number | undefined,
): string {
  const fit = (s: string) => (columns === undefined ? s : truncateWidth(s, columns));
  return [
    fit(sanitizeLine(e.memo)),
    fit(`  →  ${e.categoryName} (${sanitizeLine(e.category)})`),
    fit(`  because: ${sanitizeLine(e.why)}`),
    ...(e.evidence ?? []).map((x) => fit(`  - ${sanitizeLine(x)}`)),
  ].join('\n');
}
