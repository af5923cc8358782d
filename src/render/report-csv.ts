// The CSV view of a report: its category table (`report --format csv`).

import type { Report } from '../domain/report.js';
import { toCsv } from './csv.js';

export const REPORT_CSV_HEADERS = ['category', 'name', 'amount', 'count', 'share'] as const;

export function reportCsv(report: Report): string {
  return toCsv(
    REPORT_CSV_HEADERS,
    report.categories.map((c) => [c.category, c.name, c.amount, c.count, c.share]),
  );
}
