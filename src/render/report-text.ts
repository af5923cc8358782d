// The text view of a report: sections for assets, income/spending, categories with bars, upcoming fixed payments,
// and weekly balance/spending charts. The same readable text on a terminal and a pipe; colour only through `c`.

import type { ChalkInstance } from 'chalk';
import { categoryName } from '../domain/categories.js';
import type { Report } from '../domain/report.js';
import { lineChart } from './charts.js';
import stringWidth from 'string-width';
import { sanitizeLine } from '../sanitize.js';
import { formatKstTimestamp, formatSignedWon, formatWon } from './format.js';
import { budgetLines, changesLines, changeText, forecastLines, topPayeeLines } from './insight-text.js';
import { truncateWidth } from './table.js';

export interface ReportTextOptions {
  c: ChalkInstance;
  /** terminal width; undefined on a pipe (then 80 is used for bars and charts) */
  columns: number | undefined;
  chart: boolean;
}

const PIPE_WIDTH = 80;
const BAR_WIDTH = 20;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Terminal columns a string takes (string-width: Hangul, CJK, emoji and full-width forms count two). */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** A horizontal bar of `fraction` (0..1) of `width` cells, in eighths. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

export function reportText(report: Report, opts: ReportTextOptions): string {
  const { c } = opts;
  const width = opts.columns ?? PIPE_WIDTH;
  const h = (s: string) => c.bold(s);
  const out: string[] = [];
  out.push(h(`재무 보고서 Report  ${report.from} → ${report.to}`), '');

  out.push(`${h('자산 Assets')}  ${c.bold(formatWon(report.assets))}`);
  const amounts = report.accounts.map((a) => (a.balance === null ? '—' : formatWon(a.balance)));
  const amountW = Math.max(0, ...amounts.map(displayWidth));
  // Bank names and aliases are outside text: sanitized, and cut so the line fits; the time goes first when narrow.
  const withTime = width >= 80;
  const names = report.accounts.map((a) => sanitizeLine(`${a.bankName} ${a.accountNumMasked}${a.alias ? ` (${a.alias})` : ''}`));
  const nameW = Math.min(Math.max(0, ...names.map(displayWidth)), Math.max(8, width - 2 - 2 - amountW - (withTime ? 18 : 0)));
  report.accounts.forEach((a, i) => {
    // A past period's balances are those at its end (a date), not a sync time.
    const at = a.balanceAt && withTime ? c.dim(a.balanceAt.length === 10 ? `  at the end of ${a.balanceAt}` : `  ${formatKstTimestamp(a.balanceAt)}`) : '';
    out.push(`  ${padEnd(truncateWidth(names[i]!, nameW), nameW)}  ${padStart(amounts[i]!, amountW)}${at}`);
  });
  if (report.accounts.length === 0) out.push(c.dim("  no accounts yet — run 'finance login' and 'finance sync'"));
  out.push('');

  out.push(h('수입/지출 Income and spending'));
  const flows: Array<[string, string]> = [
    ['수입 Income', formatWon(report.income)],
    ['지출 Spending', formatWon(report.spending)],
    ['순수입 Net', formatSignedWon(report.net)],
  ];
  const flowW = Math.max(...flows.map(([, v]) => displayWidth(v)));
  for (const [label, value] of flows) {
    const v = padStart(value, flowW);
    out.push(`  ${padEnd(label, 14)}  ${label.startsWith('순') ? (report.net < 0 ? c.red(v) : c.green(v)) : v}`);
  }
  const own = report.ownTransfers;
  if (own.count > 0) out.push(c.dim(`  내 계좌 간 이체 ${own.count}건 ${formatWon(own.amount)}${width >= 80 ? ' moved between own accounts' : ''} (not counted)`));
  out.push('');

  out.push(h('카테고리별 지출 Spending by category'));
  if (report.categories.length === 0) out.push(c.dim('  no spending in this period'));
  const catNames = report.categories.map((x) => truncateWidth(sanitizeLine(x.name), 16));
  const catW = Math.max(0, ...catNames.map(displayWidth));
  const catAmountW = Math.max(0, ...report.categories.map((x) => displayWidth(formatWon(x.amount))));
  const countW = Math.max(0, ...report.categories.map((x) => `${x.count}건`.length));
  // The change against the comparison period, per category (▲/▼ amount and %).
  const prev = new Map(report.previous?.categories.map((x) => [x.category, x.amount]));
  const change = (category: string, amount: number) => (report.previous ? `  ${changeText(prev.get(category) ?? 0, amount, c)}` : '');
  const base = 2 + catW + 2 + catAmountW + 2 + countW + 2 + 6 + 2;
  let barW = Math.max(5, Math.min(BAR_WIDTH, width - base));
  let showChange = true;
  if (opts.columns !== undefined && report.previous) {
    // On a terminal the change column must fit too: the bar shrinks first, then goes, then the change goes.
    const changeW = Math.max(0, ...report.categories.map((x) => stringWidth(change(x.category, x.amount))));
    const room = width - base - changeW;
    barW = room >= 5 ? Math.min(BAR_WIDTH, room) : 0;
    showChange = base - 2 + (barW ? barW + 2 : 0) + changeW <= width;
  }
  const vs = (category: string, amount: number) => (showChange ? change(category, amount) : '');
  for (const [i, x] of report.categories.entries()) {
    const share = `${(x.share * 100).toFixed(1)}%`.padStart(6);
    out.push(
      `  ${padEnd(catNames[i]!, catW)}  ${padStart(formatWon(x.amount), catAmountW)}  ${`${x.count}건`.padStart(countW)}  ${share}${barW ? `  ${c.cyan(padEnd(bar(x.share, barW), barW))}` : ''}${vs(x.category, x.amount)}`,
    );
  }
  if (report.previous) {
    const p = report.previous;
    const gone = p.categories.filter((x) => !report.categories.some((y) => y.category === x.category));
    for (const x of gone) out.push(`  ${padEnd(truncateWidth(sanitizeLine(x.name), 16), catW)}  ${padStart(formatWon(0), catAmountW)}  ${' '.repeat(countW + 2 + 6 + (barW ? 2 + barW : 0))}${vs(x.category, 0)}`);
    const vsLine = c.dim(`  vs ${p.from} → ${p.to}: spending ${formatWon(p.spending)}, income ${formatWon(p.income)}`);
    const vsChange = changeText(p.spending, report.spending, c);
    // On a narrow terminal the change goes on its own line rather than past the edge.
    if (opts.columns !== undefined && stringWidth(vsLine) + 2 + stringWidth(vsChange) > width) out.push(vsLine, `  ${vsChange}`);
    else out.push(`${vsLine}  ${vsChange}`);
  }
  out.push('');

  if (report.topPayees) {
    out.push(h('주요 거래처 Top payees'), ...topPayeeLines(report.topPayees, c, width), '');
  }
  if (report.changes) {
    out.push(h('변동 What changed (fixed payments)'), ...changesLines(report.changes, c), '');
  }
  if (report.budgets && report.budgets.length > 0) {
    out.push(h('예산 Budgets (this month to date)'), ...budgetLines(report.budgets, c, width), '');
  }

  out.push(h('다가오는 고정지출 Upcoming fixed payments (30 days)'));
  if (report.upcoming.length === 0) out.push(c.dim('  none expected'));
  // Memos are outside text: sanitized and cut so the line fits; the category goes last and is cut (or left out) first.
  const memos = report.upcoming.map((u) => sanitizeLine(u.memo));
  const fixedPart = 2 + 10 + 2 + 2 + 14 + 2 + 9 + (width >= 80 ? 2 + 10 : 0);
  const memoW = Math.min(Math.max(0, ...memos.map(displayWidth)), Math.max(8, width - fixedPart));
  report.upcoming.forEach((u, i) => {
    const shown = (u.direction === 'in' ? '+' : '') + formatWon(u.expectedAmount) + (u.amountKind === 'varying' ? ' ~' : '');
    const line = `  ${u.nextDate}  ${padEnd(truncateWidth(memos[i]!, memoW), memoW)}  ${padStart(shown, 14)}  ${u.cadence}`;
    const kind = sanitizeLine(u.ownTransfer ? '내 계좌 간 이체 own transfer' : categoryName(u.category));
    const room = width - displayWidth(line) - 2;
    out.push(room >= 4 ? `${line}  ${c.dim(truncateWidth(kind, room))}` : line);
  });
  if (report.forecast) {
    out.push('', h(`예측 Forecast ${report.forecast.from} → ${report.forecast.to}`), ...forecastLines(report.forecast, c, { width, chart: false }));
  }

  if (opts.chart && report.weekly.length > 0) {
    const xLabels: [string, string] = [report.weekly[0]!.weekStart, report.weekly[report.weekly.length - 1]!.weekStart];
    const chart = (values: number[], combine: 'last' | 'mean') => lineChart(values, { width, c, combine, xLabels });
    out.push('', h('주간 잔액 Weekly balance (end of week)'), chart(report.weekly.map((w) => w.balance), 'last'));
    out.push('', h('주간 지출 Weekly spending'), chart(report.weekly.map((w) => w.spending), 'mean'));
  }
  return out.join('\n');
}
