// Text views of the insight objects: trend (sparklines and change), budgets (bars), forecast (lowest point, chart),
// and the report's new sections built from the same pieces. Colour only through `c`; widths count Hangul as two.

import type { ChalkInstance } from 'chalk';
import type { BudgetStatus } from '../domain/budget.js';
import { categoryName } from '../domain/categories.js';
import type { FixedChange } from '../domain/fixed-changes.js';
import type { Forecast } from '../domain/forecast.js';
import { change, trendCategories, type TrendMonth } from '../domain/trend.js';
import { sanitizeLine } from '../sanitize.js';
import { lineChart } from './charts.js';
import { formatWon } from './format.js';
import { bar, displayWidth } from './report-text.js';

const SPARKS = '▁▂▃▄▅▆▇█';

// Widths of what shows: colour escapes take no column.
const visible = (s: string): number => displayWidth(s.replace(/\x1b\[[0-9;]*m/g, ''));
export const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - visible(s)));
export const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - visible(s))) + s;

/** A sparkline: one block per value, scaled from 0 to the largest. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max <= 0 ? SPARKS[0] : SPARKS[Math.min(7, Math.round((v / max) * 7))])).join('');
}

/** "▲ 12,300원 +15.2%" / "▼ …" / "=" — the change from `previous` to `current`; more spending is red. */
export function changeText(previous: number, current: number, c: ChalkInstance, opts: { moreIsBad?: boolean } = {}): string {
  const ch = change(previous, current);
  if (ch.amount === 0) return c.dim('=');
  const pct = ch.ratio === null ? c.dim('new') : `${ch.ratio > 0 ? '+' : ''}${(ch.ratio * 100).toFixed(1)}%`;
  const text = `${ch.amount > 0 ? '▲' : '▼'} ${formatWon(Math.abs(ch.amount))} ${pct}`;
  const bad = (ch.amount > 0) === (opts.moreIsBad ?? true);
  return bad ? c.red(text) : c.green(text);
}

/**
 * One row per line (income, spending, then categories by total): a sparkline over the months, the monthly average,
 * the last complete month with its change against the month before, and the current month to date (a partial month
 * is not compared with whole ones).
 */
export function trendText(rows: readonly TrendMonth[], c: ChalkInstance): string {
  const out: string[] = [];
  const first = rows[0]?.month ?? '';
  const last = rows[rows.length - 1]?.month ?? '';
  out.push(c.bold(`추이 Trend  ${first} → ${last} (${last} to date)`), '');
  if (rows.every((r) => r.income === 0 && r.spending === 0)) {
    out.push(c.dim("  no transactions in these months — run 'finance sync' to fetch history"));
    return out.join('\n');
  }
  const lines: Array<{ name: string; values: number[]; moreIsBad: boolean }> = [
    { name: '수입 Income', values: rows.map((r) => r.income), moreIsBad: false },
    { name: '지출 Spending', values: rows.map((r) => r.spending), moreIsBad: true },
    ...trendCategories(rows).map((cat) => ({ name: categoryName(cat), values: rows.map((r) => r.categories[cat] ?? 0), moreIsBad: true })),
  ];
  const n = rows.length;
  const avg = (v: number[]) => Math.round(v.reduce((s, x) => s + x, 0) / v.length);
  const nameW = Math.max(...lines.map((l) => displayWidth(l.name)));
  const col = (pick: (l: (typeof lines)[number]) => number, head: string) =>
    Math.max(head.length, ...lines.map((l) => visible(formatWon(pick(l)))));
  const avgW = col((l) => avg(l.values), 'average');
  const fullW = n >= 2 ? col((l) => l.values[n - 2]!, rows[n - 2]!.month) : 0;
  const nowW = col((l) => l.values[n - 1]!, `${last} so far`);
  const full = n >= 2 ? `  ${padStart(rows[n - 2]!.month, fullW)}  ${n >= 3 ? padEnd(`vs ${rows[n - 3]!.month}`, 24) : ''}` : '';
  out.push(c.dim(`  ${padEnd('', nameW)}  ${padEnd('months', n)}  ${padStart('average', avgW)}${full}  ${padStart(`${last} so far`, nowW)}`));
  lines.forEach((l, i) => {
    const cur = l.values[n - 1]!;
    let whole = '';
    if (n >= 2) {
      const change = n >= 3 ? padEnd(changeText(l.values[n - 3]!, l.values[n - 2]!, c, { moreIsBad: l.moreIsBad }), 24) : '';
      whole = `  ${padStart(formatWon(l.values[n - 2]!), fullW)}  ${change}`;
    }
    const name = i < 2 ? c.bold(padEnd(l.name, nameW)) : padEnd(l.name, nameW);
    out.push(`  ${name}  ${c.cyan(sparkline(l.values))}  ${padStart(formatWon(avg(l.values)), avgW)}${whole}  ${padStart(formatWon(cur), nowW)}`);
    if (i === 1) out.push('');
  });
  return out.join('\n');
}

const STATUS_LABEL = { ok: 'ok', warn: 'warn', over: 'over' } as const;

export function budgetLines(budgets: readonly BudgetStatus[], c: ChalkInstance, width: number): string[] {
  const nameW = Math.max(0, ...budgets.map((b) => displayWidth(b.name)));
  const spentW = Math.max(0, ...budgets.map((b) => visible(`${formatWon(b.spent)} / ${formatWon(b.limit)}`)));
  const barW = Math.max(5, Math.min(20, width - (2 + nameW + 2 + spentW + 2 + 7 + 2 + 6 + 2 + 24)));
  return budgets.map((b) => {
    const paint = b.status === 'over' ? c.red : b.status === 'warn' ? c.yellow : c.green;
    const used = `${formatWon(b.spent)} / ${formatWon(b.limit)}`;
    const pct = `${(b.share * 100).toFixed(0)}%`.padStart(5);
    const filled = bar(Math.min(1, b.share), barW);
    const rest = b.remaining >= 0 ? `${formatWon(b.remaining)} left` : `${formatWon(-b.remaining)} over`;
    const pace = b.status === 'warn' && b.projected > b.limit ? c.dim(` pace → ${formatWon(b.projected)}`) : '';
    return `  ${padEnd(b.name, nameW)}  ${padStart(used, spentW)}  ${paint(padEnd(filled, barW))} ${pct}  ${paint(STATUS_LABEL[b.status].padEnd(4))}  ${rest}${pace}`;
  });
}

export function budgetText(budgets: readonly BudgetStatus[], month: string, c: ChalkInstance, width: number): string {
  const out = [c.bold(`예산 Budgets  ${month} to date`), ''];
  if (budgets.length === 0) out.push(c.dim("  no budgets set — e.g. 'finance budget set food 400000'"));
  else out.push(...budgetLines(budgets, c, width));
  return out.join('\n');
}

export function forecastLines(f: Forecast, c: ChalkInstance, opts: { width: number; chart: boolean }): string[] {
  const out: string[] = [];
  const low = f.lowest.balance < 0 ? c.red(formatWon(f.lowest.balance)) : formatWon(f.lowest.balance);
  out.push(`  ${padEnd('지금 Now', 16)}  ${formatWon(f.start)}  ${c.dim(f.from)}`);
  out.push(`  ${padEnd('최저 Lowest', 16)}  ${low}  ${c.dim(f.lowest.date)}`);
  out.push(`  ${padEnd('마지막 End', 16)}  ${formatWon(f.end.balance)}  ${c.dim(f.end.date)}`);
  out.push(c.dim(`  variable spending ${formatWon(f.variableDaily)}/day (last 90 days)${f.nextSalary ? `; next salary ${f.nextSalary}` : ''}`));
  if (f.warning) out.push(c.red(`  ! ${f.warning}`));
  if (opts.chart && f.days.length > 1) {
    out.push(lineChart(f.days.map((d) => d.balance), { width: opts.width, c, combine: 'last', xLabels: [f.from, f.to], height: 6 }));
  }
  return out;
}

export function forecastText(f: Forecast, c: ChalkInstance, opts: { width: number; chart: boolean }): string {
  const out = [c.bold(`예측 Forecast  ${f.from} → ${f.to}`), '', ...forecastLines(f, c, opts), ''];
  const fixedDays = f.days.filter((d) => d.fixed.length > 0);
  if (fixedDays.length > 0) {
    out.push(c.bold('  고정 Fixed payments and incomes'));
    const memoW = Math.max(...fixedDays.flatMap((d) => d.fixed.map((x) => displayWidth(sanitizeLine(x.memo)))));
    for (const d of fixedDays) {
      for (const x of d.fixed) {
        const amount = x.direction === 'in' ? c.green(`+${formatWon(x.amount)}`) : `-${formatWon(x.amount)}`;
        out.push(`  ${d.date}  ${padEnd(sanitizeLine(x.memo), memoW)}  ${padStart(amount, 14)}  ${c.dim(`→ ${formatWon(d.balance)}`)}`);
      }
    }
  }
  return out.join('\n');
}

const KIND = { new: '새로 New', stopped: '중단 Stopped', price: '가격 Price' } as const;

export function changesLines(changes: readonly FixedChange[], c: ChalkInstance): string[] {
  if (changes.length === 0) return [c.dim('  no fixed payment started, stopped or changed price')];
  const memoW = Math.max(...changes.map((x) => displayWidth(sanitizeLine(x.memo))));
  return changes.map((x) => {
    const what =
      x.kind === 'price'
        ? `${formatWon(x.oldAmount!)} → ${formatWon(x.newAmount!)} ${changeText(x.oldAmount!, x.newAmount!, c)}`
        : x.kind === 'new'
          ? formatWon(x.newAmount!)
          : c.dim(`was ${formatWon(x.oldAmount!)}`);
    return `  ${x.date}  ${padEnd(KIND[x.kind], 12)}  ${padEnd(sanitizeLine(x.memo), memoW)}  ${what}`;
  });
}

export function topPayeeLines(payees: ReadonlyArray<{ payee: string; amount: number; count: number }>, c: ChalkInstance, width: number): string[] {
  if (payees.length === 0) return [c.dim('  no spending in this period')];
  const nameW = Math.max(...payees.map((p) => displayWidth(sanitizeLine(p.payee))));
  const amountW = Math.max(...payees.map((p) => visible(formatWon(p.amount))));
  const top = payees[0]!.amount;
  // `${count}건` padded to 6 characters takes 7 cells (건 is wide).
  const barW = Math.max(5, Math.min(20, width - (2 + nameW + 2 + amountW + 2 + 7 + 2)));
  return payees.map((p) => `  ${padEnd(sanitizeLine(p.payee), nameW)}  ${padStart(formatWon(p.amount), amountW)}  ${`${p.count}건`.padStart(6)}  ${c.cyan(bar(top > 0 ? p.amount / top : 0, barW))}`);
}

