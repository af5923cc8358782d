// `finance export` checked by the real tools when installed (hledger, ledger, bean-check): the journals parse, every
// balance assertion holds, and per-category expense totals equal the report's categories over the same period.

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStore, run, type Fixture } from './report-fixture.js';

const has = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
const tools = { hledger: has('hledger'), ledger: has('ledger'), beancount: has('bean-check') };
for (const [tool, ok] of Object.entries(tools)) if (!ok) console.warn(`report-export-tools: ${tool} is not installed — its checks are not registered`);

let fx: Fixture;
let expected: Map<string, number>; // Expenses:<Category> → amount, from report --json over the whole history
const FROM = '2025-10-01';
const TO = '2026-04-18';

beforeAll(async () => {
  fx = buildStore();
  const r = await run(fx.home, ['report', '--json', '--from', FROM, '--to', TO]);
  const report = JSON.parse(r.stdout) as { categories: Array<{ category: string; amount: number }> };
  expected = new Map(report.categories.map((c) => [`Expenses:${c.category[0]!.toUpperCase()}${c.category.slice(1)}`, c.amount]));
  expect(expected.size).toBeGreaterThan(3);
});

async function exportTo(format: string): Promise<string> {
  const file = join(fx.home, `out.${format}`);
  const r = await run(fx.home, ['export', '--format', format, '-o', file]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`wrote ${fx.rows.length} transactions to .*out\\.${format}`));
  expect(statSync(file).mode & 0o777).toBe(0o600);
  return file;
}

/** "  1234 KRW  Expenses:Food" lines → map (ledger and hledger --flat balance output). */
function parseBalances(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    const x = /^\s*(-?[\d,]+) KRW\s+(Expenses:\S+)\s*$/.exec(line);
    if (x) m.set(x[2]!, Number(x[1]!.replace(/,/g, '')));
  }
  return m;
}

describe('export to stdout and csv', () => {
  it('writes CSV with the documented header, one row per transaction', async () => {
    const r = await run(fx.home, ['export', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,account,date,time,direction,amount,balanceAfter,memo,type,branch,category,categoryName,categorySource,payee');
    expect(lines).toHaveLength(fx.rows.length + 1);
    expect(r.stdout).toContain('"say ""hi"""');
  });
  it('requires --format (64) and limits to --from/--to', async () => {
    expect((await run(fx.home, ['export'])).code).toBe(64);
    expect((await run(fx.home, ['export', '--format', 'xml'])).code).toBe(64);
    const r = await run(fx.home, ['export', '--format', 'csv', '--from', '2026-01-01', '--to', '2026-01-31']);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(fx.rows.filter((x) => x.date.startsWith('2026-01')).length + 1);
  });
});

describe.runIf(tools.hledger)('hledger', () => {
  it('checks the ledger export (assertions included) and matches the report per category', async () => {
    const file = await exportTo('ledger');
    execFileSync('hledger', ['-f', file, 'check'], { encoding: 'utf8' });
    const bal = execFileSync('hledger', ['-f', file, 'balance', '--flat', '--no-total', '^Expenses'], { encoding: 'utf8' });
    expect(parseBalances(bal)).toEqual(expected);
    expect(readFileSync(file, 'utf8')).toMatch(/ = -?\d+ KRW/);
  });
  it('fails the check when an assertion is wrong (the check can fail)', async () => {
    const file = await exportTo('ledger');
    const broken = join(fx.home, 'broken.ledger');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, readFileSync(file, 'utf8').replace(/ = (-?\d+) KRW/, (_, n: string) => ` = ${Number(n) + 1} KRW`));
    expect(spawnSync('hledger', ['-f', broken, 'check']).status).not.toBe(0);
  });
});

describe.runIf(tools.ledger)('ledger', () => {
  it('balances the ledger export and matches the report per category', async () => {
    const file = await exportTo('ledger');
    const out = execFileSync('ledger', ['-f', file, 'balance', '--flat', '--no-total', '^Expenses'], { encoding: 'utf8' });
    expect(parseBalances(out)).toEqual(expected);
  });
});

describe.runIf(tools.beancount)('beancount', () => {
  it('passes bean-check with a balance directive per account and day', async () => {
    const file = await exportTo('beancount');
    const r = spawnSync('bean-check', [file], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/\d{4}-\d\d-\d\d balance Assets:Bank:KB-123456XXX -?\d+ KRW/);
  });
});
