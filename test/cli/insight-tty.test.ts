// The insight views on a real pseudo-terminal, 100 columns (test/helpers/pty-run.py), through the built CLI: colour,
// charts and sparklines, nothing wider than the terminal; and the same commands piped carry no escapes.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, BIN, cleanEnv } from '../helpers/cli.js';
import { buildSandboxStore, type SandboxStore } from '../helpers/sandbox-store.js';

let sb: SandboxStore;
const env = cleanEnv({ FINANCE_NOW: '2026-11-20T03:00:00Z' });

beforeAll(() => {
  sb = buildSandboxStore({ end: '2026-11-20', months: 14, seed: 5 });
  for (const [c, a] of [['food', '250000'], ['cafe', '1000'], ['shopping', '900000']]) {
    const r = spawnSync(process.execPath, [BIN, '--home', sb.home, 'budget', 'set', c!, a!], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }
});

function tty(args: string[]): { status: number | null; plain: string; raw: string } {
  const r = spawnSync('python3', [join(__dirname, '../helpers/pty-run.py'), process.execPath, BIN, '--home', sb.home, ...args], { env, encoding: 'utf8' });
  return { status: r.status, raw: r.stdout, plain: r.stdout.replace(/\x1b\[[0-9;]*m/g, '') };
}

const width = (line: string) => [...line].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);

describe('insight views on a terminal', () => {
  it.each([
    [['trend'], ['추이 Trend', '지출 Spending', '▲', '2026-11 so far']],
    [['budget', 'list'], ['예산 Budgets  2026-11 to date', 'over', '식비']],
    [['forecast'], ['예측 Forecast  2026-11-20', '최저 Lowest', '┤', '고정 Fixed payments and incomes']],
    [['report'], ['주요 거래처 Top payees', '변동 What changed', '예산 Budgets', '예측 Forecast', '▼']],
  ])('%j: coloured, charted, within 100 columns', (args, expected) => {
    const r = tty(args);
    expect(r.status, r.plain).toBe(0);
    expect(r.raw).toMatch(ANSI);
    for (const e of expected) expect(r.plain).toContain(e);
    for (const line of r.plain.split('\n')) expect(width(line), line).toBeLessThanOrEqual(100);
  });

  it('budget check on a terminal names what is over and exits 3', () => {
    const r = tty(['budget', 'check']);
    expect(r.status).toBe(3);
    expect(r.plain).toMatch(/카페\/간식 \(cafe\) over by/);
  });

  it('piped: no escapes, TSV for trend, budget list and forecast', () => {
    for (const args of [['trend'], ['budget', 'list'], ['forecast']]) {
      const r = spawnSync(process.execPath, [BIN, '--home', sb.home, ...args], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(ANSI);
      const lines = r.stdout.replace(/\n$/, '').split('\n');
      const cols = lines[0]!.split('\t').length;
      expect(cols).toBeGreaterThan(3);
      for (const l of lines) expect(l.split('\t')).toHaveLength(cols);
    }
  });
});
