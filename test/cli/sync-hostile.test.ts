// `finance sync` against a hostile server of our own (issue 14): one case per finding, each asserting the exit code,
// the exact multiset of stored rows, and that no secret reaches stdout, stderr, the database or `status`.

import { afterEach, describe, expect, it } from 'vitest';
import { addDaysIso, kstDate } from '../../src/domain/kst.js';
import { runCli } from '../helpers/cli.js';
import { ACCESS, expectNoSecrets, expected, ledger, query, seededHome, sorted, startHostile, stored, type Hostile, type WireRow } from './sync-hostile-server.js';

const today = kstDate(new Date());
/** The calendar month (YYYYMM) 45 days ago: a whole window in the middle of a 70-day history. */
const target = addDaysIso(today, -45).replace(/-/g, '').slice(0, 6);
const inTarget = (from: string, to: string) => from.slice(0, 6) === target && to.slice(0, 6) === target;

let h: Hostile | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function sync(home: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  return runCli(['--home', home, 'sync', ...args], { env });
}

async function statusOutputs(home: string, env: NodeJS.ProcessEnv): Promise<{ text: string; json: Record<string, unknown> }> {
  const text = await runCli(['--home', home, 'status'], { env });
  const json = await runCli(['--home', home, 'status', '--json'], { env });
  return { text: text.stdout + text.stderr, json: JSON.parse(json.stdout) };
}

describe('sync against a hostile server (issue 14)', () => {
  it('item 1: next_page_yn Y with an empty trace makes the window incomplete: 65, rows kept, the next run fetches it again', async () => {
    const rows = ledger(70, 3);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    let faulty = true;
    h.tweak = (body, i) => (faulty && inTarget(i.from, i.to) && i.page === 1 ? { ...body, next_page_yn: 'Y', befor_inquiry_trace_info: '' } : body);
    const { home, env } = seededHome(h);
    const first = await sync(home, env, '--json');
    expect(first.code, first.stderr).toBe(65);
    expect(first.stderr).toMatch(/incomplete: next_page_yn was Y but the page trace \(befor_inquiry_trace_info\) is empty/);
    const summary = JSON.parse(first.stdout);
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/incomplete/) });
    // What was read is stored (pages 1 and 2 of the target month and every other month); the rest is missing.
    const all = expected('F000000000000000000000A1', rows);
    const targetRows = all.filter((r) => r.date.replace(/-/g, '').startsWith(target));
    expect(stored(home)).toEqual(sorted([...all.filter((r) => !targetRows.includes(r)), ...targetRows.slice(0, 50)]));
    expect(targetRows.length).toBeGreaterThan(50);
    faulty = false;
    const second = await sync(home, env);
    expect(second.code, second.stderr).toBe(0);
    expect(stored(home)).toEqual(all);
    const st = await statusOutputs(home, env);
    expect(expectNoSecrets(home, [first.stdout, first.stderr, second.stdout, second.stderr, st.text, JSON.stringify(st.json)])).toEqual([]);
  });

  it('item 1: a cycling trace (P1, P2, P1) on one of two accounts: 75, the other account whole, then exact', async () => {
    const a = ledger(70, 4);
    const b = ledger(70, 5);
    h = await startHostile([
      { fin: 'F000000000000000000000A1', rows: a, balance: 1 },
      { fin: 'F000000000000000000000B2', rows: b, balance: 2 },
    ]);
    let faulty = true;
    h.tweak = (body, i) =>
      faulty && i.fin.endsWith('B2') && inTarget(i.from, i.to) && i.page === 1 ? { ...body, next_page_yn: 'Y', befor_inquiry_trace_info: 'P1' } : body;
    const { home, env } = seededHome(h);
    const first = await sync(home, env, '--json');
    expect(first.code, first.stderr).toBe(75);
    const summary = JSON.parse(first.stdout);
    expect(summary.accounts.map((x: { status: string }) => x.status)).toEqual(['ok', 'failed']);
    expect(summary.accounts[1].error).toMatch(/repeats an earlier one/);
    const ea = expected('F000000000000000000000A1', a);
    const eb = expected('F000000000000000000000B2', b);
    expect(stored(home).filter((r) => r.account.endsWith('A1'))).toEqual(ea);
    expect(stored(home).filter((r) => r.account.endsWith('B2')).length).toBeLessThan(eb.length);
    faulty = false;
    const second = await sync(home, env);
    expect(second.code, second.stderr).toBe(0);
    expect(stored(home)).toEqual(sorted([...ea, ...eb]));
    expect(expectNoSecrets(home, [first.stdout, first.stderr, second.stderr])).toEqual([]);
  });

  it('item 1: a broken balance chain is read again once; an answer that is whole the second time leaves no break', async () => {
    const rows = ledger(70, 6);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    // The first answer of the target month drops its 10th row; the second is whole.
    h.tweak = (body, i) =>
      inTarget(i.from, i.to) && i.page === 0 && i.round === 1 ? { ...body, res_list: (body.res_list as WireRow[]).filter((_, k) => k !== 9) } : body;
    const { home, env } = seededHome(h);
    const r = await sync(home, env, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
    expect(JSON.parse(r.stdout).chainBreaks).toEqual([]);
    expect(h.requests.filter((q) => q.path.includes('transaction_list') && inTarget(q.from, q.to) && q.trace === null)).toHaveLength(2);
    const st = await statusOutputs(home, env);
    expect(st.json.chainBreaks).toEqual([]);
    expect(expectNoSecrets(home, [r.stdout, r.stderr, st.text])).toEqual([]);
  });

  it('item 1: a break that remains is listed with its date by sync --json and status; sync --repair reads its month again', async () => {
    const rows = ledger(70, 7);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    let faulty = true;
    const dropped = rows.findIndex((x) => String(x.tran_date).startsWith(target)) + 12;
    const missing = rows[dropped]!;
    const next = rows[dropped + 1]!;
    h.tweak = (body, i) => (faulty && inTarget(i.from, i.to) ? { ...body, res_list: (body.res_list as WireRow[]).filter((x) => x !== missing) } : body);
    const { home, env } = seededHome(h);
    const r = await sync(home, env, '--json');
    expect(r.code, r.stderr).toBe(0);
    const breakDate = `${String(next.tran_date).slice(0, 4)}-${String(next.tran_date).slice(4, 6)}-${String(next.tran_date).slice(6, 8)}`;
    expect(JSON.parse(r.stdout).chainBreaks).toEqual([expect.objectContaining({ account: 'F000000000000000000000A1', date: breakDate })]);
    const st = await statusOutputs(home, env);
    expect(st.json.chainBreaks).toEqual([expect.objectContaining({ date: breakDate })]);
    expect(st.text).toContain(breakDate);
    // A plain sync does not go back to a month read whole; the repair does.
    faulty = false;
    const plain = await sync(home, env, '--json');
    expect(JSON.parse(plain.stdout).chainBreaks).toHaveLength(1);
    const repair = await sync(home, env, '--repair', '--json');
    expect(repair.code, repair.stderr).toBe(0);
    expect(JSON.parse(repair.stdout)).toMatchObject({ inserted: 1, chainBreaks: [] });
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
    expect((await statusOutputs(home, env)).json.chainBreaks).toEqual([]);
    expect(expectNoSecrets(home, [r.stdout, r.stderr, st.text, repair.stdout, repair.stderr])).toEqual([]);
  });

  it('item 4: rsp_code A0000 with bank_rsp_code 551 is a data error (65) for the account; nothing of that answer stored', async () => {
    const rows = ledger(70, 8);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    let faulty = true;
    h.tweak = (body, i) =>
      faulty && inTarget(i.from, i.to) && i.page === 1 ? { ...body, bank_rsp_code: '551', bank_rsp_message: `거래 불가 token ${i.bearer}` } : body;
    const { home, env } = seededHome(h);
    const first = await sync(home, env, '--json');
    expect(first.code, first.stderr).toBe(65);
    expect(first.stderr).toMatch(/A0000 but the bank answered 551/);
    const all = expected('F000000000000000000000A1', rows);
    // The target month failed as a whole (its first page was never stored); the months before it are stored.
    const monthOf = (d: string) => d.replace(/-/g, '').slice(0, 6);
    expect(stored(home)).toEqual(all.filter((x) => monthOf(x.date) < target));
    faulty = false;
    const second = await sync(home, env);
    expect(second.code, second.stderr).toBe(0);
    expect(stored(home)).toEqual(all);
    const st = await statusOutputs(home, env);
    expect(expectNoSecrets(home, [first.stdout, first.stderr, second.stderr, st.text, JSON.stringify(st.json)])).toEqual([]);
  });

  it('item 5: a memo the bank changed updates the stored row (re-classified); identical purchases stay two rows', async () => {
    const rows = ledger(70, 9);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    const { home, env } = seededHome(h);
    const first = await sync(home, env);
    expect(first.code, first.stderr).toBe(0);
    // A search fills the memo → payee table from the rows stored so far.
    expect((await runCli(['--home', home, 'tx', '--search', 'ㅅㅌㅂㅅ', '--json'], { env })).code).toBe(0);
    // Within the overlap of the next run: yesterday's first row gets a new memo.
    const k = rows.findIndex((x) => String(x.tran_date) === addDaysIso(today, -1).replace(/-/g, '') && x.inout_type === '출금');
    rows[k] = { ...rows[k]!, print_content: '스타벅스 강남R점' };
    const second = await sync(home, env, '--json');
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).accounts[0]).toMatchObject({ inserted: 0, memoUpdates: 1 });
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
    const cat = query<{ category: string; category_source: string }>(home, 'SELECT category, category_source FROM transactions WHERE memo = ?', '스타벅스 강남R점');
    expect(cat).toEqual([{ category: 'cafe', category_source: 'keyword' }]);
    // The renamed memo has its payee too: found by initial consonants.
    const found = JSON.parse((await runCli(['--home', home, 'tx', '--search', 'ㅅㅌㅂㅅ', '--json'], { env })).stdout) as Array<{ memo: string; payee: string }>;
    expect(found.filter((t) => t.memo === '스타벅스 강남R점')).toEqual([expect.objectContaining({ payee: '스타벅스' })]);
    expect(query(home, "SELECT 1 FROM transactions WHERE memo = '스타벅스 역삼점' AND time = '20:00:00'")).toHaveLength(2);
    expect(expectNoSecrets(home, [first.stderr, second.stdout, second.stderr])).toEqual([]);
  });

  it('item 6: --deadline stops after the current window with 75, keeps what is stored, and a later run completes it', async () => {
    const rows = ledger(200, 10);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    // One request at a time at 400 ms: ten month windows take about 4 s however idle the machine, so a 2 s deadline
    // always falls inside the run.
    h.latencyMs = 400;
    const { home, env: base } = seededHome(h);
    const env = { ...base, FINANCE_SYNC_CONCURRENCY: '1' };
    expect((await sync(home, env, '--deadline', '5x')).code).toBe(64);
    expect((await sync(home, { ...env, FINANCE_SYNC_DEADLINE: 'soon' })).code).toBe(78);
    expect((await runCli(['--home', home, 'config', 'set', 'syncDeadline', 'tomorrow'], { env })).code).toBe(64);
    const t0 = Date.now();
    const first = await sync(home, env, '--deadline', '2s', '--json');
    expect(first.code, first.stderr).toBe(75);
    expect(Date.now() - t0).toBeLessThan(7000);
    expect(first.stderr).toMatch(/deadline passed/);
    const part = stored(home);
    const all = expected('F000000000000000000000A1', rows);
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThan(all.length);
    // Every stored row is a real one, and whole months only (oldest first): a prefix of the history by date.
    const last = part.map((r) => r.date).sort().at(-1)!;
    expect(part).toEqual(all.filter((r) => r.date <= last));
    h.latencyMs = 0;
    const second = await sync(home, { ...env, FINANCE_SYNC_DEADLINE: '10m' });
    expect(second.code, second.stderr).toBe(0);
    expect(stored(home)).toEqual(all);
    expect(expectNoSecrets(home, [first.stdout, first.stderr, second.stderr])).toEqual([]);
  });

  it('item 8: runs left "running" by a killed sync are closed as interrupted by the next one', async () => {
    const rows = ledger(10, 11);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    const { home, env } = seededHome(h);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${home}/finance.db`);
    db.prepare("INSERT INTO sync_runs (started_at, status) VALUES ('2026-01-01T00:00:00.000Z', 'running')").run();
    db.close();
    const r = await sync(home, env);
    expect(r.code, r.stderr).toBe(0);
    expect(query<{ status: string; finished: number }>(home, 'SELECT status, finished_at IS NOT NULL AS finished FROM sync_runs ORDER BY id')).toEqual([
      { status: 'interrupted', finished: 1 },
      { status: 'ok', finished: 1 },
    ]);
    expect(stored(home)).toEqual(expected('F000000000000000000000A1', rows));
  });

  it('item 8: a tran_amt of more than 12 digits (zero padding counts) is a data error, nothing of that page stored', async () => {
    const rows = ledger(10, 12);
    h = await startHostile([{ fin: 'F000000000000000000000A1', rows, balance: 5 }]);
    h.tweak = (body) => ({ ...body, res_list: (body.res_list as WireRow[]).map((x, k) => (k === 0 ? { ...x, tran_amt: String(x.tran_amt).padStart(19, '0') } : x)) });
    const { home, env } = seededHome(h);
    const r = await sync(home, env);
    expect(r.code, r.stderr).toBe(65);
    expect(r.stderr).toMatch(/tran_amt has more than the 12 digits/);
    expect(stored(home)).toEqual([]);
    expect(r.stderr).not.toContain(ACCESS);
  });
});
