// Labels that stick (past and future rows), explain, categories and classify, through the built CLI.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { addDaysIso, kstDate } from '../../src/domain/kst.js';
import { runCli, tempHome } from '../helpers/cli.js';
import { expectedRows, login } from '../helpers/session.js';

const today = kstDate(new Date());
const cut = addDaysIso(today, -75);
let sandbox: SandboxHandle;
let home: string;
let env: NodeJS.ProcessEnv;

interface TxJson {
  memo: string;
  date: string;
  category: string;
  categoryName: string;
  categorySource: string;
  direction: string;
}

async function tx(args: string[] = []): Promise<TxJson[]> {
  const r = await runCli(['--home', home, 'tx', '--format', 'json', ...args], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as TxJson[];
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, months: 6, accounts: 2, end: today, autoConsent: true });
  home = tempHome();
  ({ env } = await login(sandbox, home));
  const r = await runCli(['--home', home, 'sync', '--to', cut], { env });
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
});

describe('labels', () => {
  it('apply at once to stored rows and to every later sync, and beat keyword rules', async () => {
    // A memo that occurs both before and after the cut date.
    const rows = expectedRows(sandbox).filter((r) => r.direction === 'out');
    const before = new Set(rows.filter((r) => r.date <= cut).map((r) => r.memo));
    const memo = rows.filter((r) => r.date > cut && before.has(r.memo)).map((r) => r.memo).find((m) => m.length > 2)!;
    expect(memo).toBeTruthy();

    const set = await runCli(['--home', home, 'label', 'set', memo, '경조/선물'], { env });
    expect(set.code, set.stderr).toBe(0);
    const stored = (await tx()).filter((t) => t.memo === memo);
    expect(stored.length).toBeGreaterThan(0);
    for (const t of stored) expect([t.category, t.categorySource]).toEqual(['gift', 'label']);

    const sync = await runCli(['--home', home, 'sync'], { env });
    expect(sync.code, sync.stderr).toBe(0);
    const after = (await tx()).filter((t) => t.memo === memo);
    expect(after.length).toBe(rows.filter((r) => r.memo === memo).length);
    expect(after.some((t) => t.date > cut)).toBe(true);
    for (const t of after) expect([t.category, t.categoryName, t.categorySource]).toEqual(['gift', '경조/선물', 'label']);

    const explain = JSON.parse((await runCli(['--home', home, 'explain', memo, '--json'], { env })).stdout);
    expect(explain).toMatchObject({ memo, category: 'gift', categoryName: '경조/선물', source: 'label' });

    const list = JSON.parse((await runCli(['--home', home, 'label', 'list', '--json'], { env })).stdout);
    expect(list).toEqual([{ memo, category: 'gift', createdAt: expect.any(String), scope: 'memo' }]);

    const rm = await runCli(['--home', home, 'label', 'rm', memo], { env });
    expect(rm.code).toBe(0);
    for (const t of (await tx()).filter((x) => x.memo === memo)) expect(t.categorySource).not.toBe('label');
  });

  it('a new name creates a user category usable in filters', async () => {
    const memo = (await tx()).find((t) => t.direction === 'out')!.memo;
    // Without a terminal a new name needs --new (64 naming the closest existing ones), so a typo creates nothing.
    const refused = await runCli(['--home', home, 'label', 'set', memo, '반려동물'], { env });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/closest: .+--new/);
    const r = await runCli(['--home', home, 'label', 'set', memo, '반려동물', '--new'], { env });
    expect(r.code, r.stderr).toBe(0);
    const rows = await tx(['--category', '반려동물']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((t) => t.category === '반려동물' && t.categoryName === '반려동물')).toBe(true);
    const cats = JSON.parse((await runCli(['--home', home, 'categories', '--json'], { env })).stdout) as Array<{ id: string; count: number }>;
    expect(cats.find((c) => c.id === '반려동물')?.count).toBe(rows.length);
    expect((await runCli(['--home', home, 'tx', '--category', 'nonsense'], { env })).code).toBe(64);
  });

  it('user keywords beat built-in ones; classify reports what changed', async () => {
    const add = await runCli(['--home', home, 'categories', 'add-keyword', 'education', '스타벅스'], { env });
    expect(add.code, add.stderr).toBe(0);
    const e = JSON.parse((await runCli(['--home', home, 'explain', '스타벅스코리아', '--json'], { env })).stdout);
    expect(e).toMatchObject({ category: 'education', source: 'keyword' });
    expect(e.rule).toContain('스타벅스');
    const dry = JSON.parse((await runCli(['--home', home, 'classify', '--dry-run', '--json'], { env })).stdout);
    expect(dry.changed).toBe(0);
    expect(typeof dry.unclassified).toBe('number');
  });

  it('explain names each piece of evidence, tran_type included', async () => {
    const asTransfer = JSON.parse((await runCli(['--home', home, 'explain', '김미영', '--type', '타행환', '--json'], { env })).stdout);
    expect(asTransfer).toMatchObject({ category: 'transfer', rule: 'built-in rule "personal name"' });
    expect(asTransfer.evidence.join('\n')).toContain('tran_type "타행환"');
    const asPurchase = await runCli(['--home', home, 'explain', '김미영칼국수', '--type', '체크카드'], { env });
    expect(asPurchase.code, asPurchase.stderr).toBe(0);
    expect(asPurchase.stdout).toContain('식비 (food)');
    expect(asPurchase.stdout).toContain('- tran_type "체크카드": a purchase');
    const bad = await runCli(['--home', home, 'explain', '김미영', '--amount', 'lots'], { env });
    expect(bad.code).toBe(64);
  });

  it('label set --payee labels every memo of a merchant, now and later; explain says so; rm --payee undoes it', async () => {
    const rows = (await tx()).filter((t) => t.memo.startsWith('스타벅스'));
    expect(rows.length).toBeGreaterThan(0);
    const set = await runCli(['--home', home, 'label', 'set', '--payee', '스타벅스', 'gift', '--json'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ payee: '스타벅스', scope: 'payee', category: 'gift' });
    expect((await tx()).filter((t) => t.memo.startsWith('스타벅스')).every((t) => t.category === 'gift' && t.categorySource === 'label')).toBe(true);
    // a memo of the same merchant never seen before is covered too
    const e = JSON.parse((await runCli(['--home', home, 'explain', '스타벅스 판교테크노밸리점', '--json'], { env })).stdout);
    expect(e).toMatchObject({ category: 'gift', source: 'label', labelScope: 'payee', rule: 'payee label "스타벅스"' });
    const list = JSON.parse((await runCli(['--home', home, 'label', 'list', '--json'], { env })).stdout);
    expect(list).toContainEqual(expect.objectContaining({ payee: '스타벅스', scope: 'payee', category: 'gift' }));
    const both = await runCli(['--home', home, 'label', 'set', '--payee', '스타벅스', 'x', 'gift'], { env });
    expect(both.code).toBe(64);
    const rm = await runCli(['--home', home, 'label', 'rm', '--payee', '스타벅스'], { env });
    expect(rm.code, rm.stderr).toBe(0);
    expect((await tx()).filter((t) => t.memo.startsWith('스타벅스')).some((t) => t.category === 'gift')).toBe(false);
  });

  it('explain of an unknown memo says none', async () => {
    const e = JSON.parse((await runCli(['--home', home, 'explain', 'ZZQ알수없는가맹점', '--json'], { env })).stdout);
    expect(e).toMatchObject({ category: 'uncategorized', categoryName: '미분류', source: 'none', rule: null });
  });
});
