// The sandbox data generator: determinism, exact balance chains, Korean business-day rules for salary and bills,
// the recurring series the truth promises, realistic content, and million-row scale.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedFor, BUILTIN_CATEGORIES } from '../../src/domain/categories.js';
import { generateHousehold, type GeneratedTx, type Household } from '../../src/sandbox/generator.js';
import { HOSTILE_ALIAS, HOSTILE_BANK_NAME, HOSTILE_MEMOS } from '../../src/sandbox/hostile.js';
import { generateTestbedHousehold } from '../../src/sandbox/testbed.js';
import { writeTruthFile } from '../../src/sandbox/truth.js';

const cache = new Map<string, Household>();
function household(seed = 1, months = 12, accounts = 3, end = '2025-06-30'): Household {
  const key = `${seed}|${months}|${accounts}|${end}`;
  let h = cache.get(key);
  if (!h) cache.set(key, (h = generateHousehold({ seed, months, accounts, end })));
  return h;
}
const main = (h: Household) => {
  const a = h.accounts[0];
  if (!a) throw new Error('no main account');
  return a;
};
const weekday = (d: string): number => new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T00:00:00Z`).getUTCDay();
const bySeries = (h: Household, id: string): GeneratedTx[] =>
  h.accounts.flatMap((a) => a.transactions()).filter((t) => t.seriesId === id);

describe('generateHousehold', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = generateHousehold({ seed: 42, end: '2025-06-30' });
    const b = generateHousehold({ seed: 42, end: '2025-06-30' });
    expect(a.user).toEqual(b.user);
    expect(main(a).transactions()).toEqual(main(b).transactions());
    const c = generateHousehold({ seed: 43, end: '2025-06-30' });
    expect(main(c).transactions()).not.toEqual(main(a).transactions());
  });

  it('keeps every balance chain exact and non-negative, rows sorted, across seeds and account counts', () => {
    for (const seed of [1, 2, 3, 99]) {
      for (const accounts of [1, 2, 3, 6, 12]) {
        const h = household(seed, 18, accounts);
        expect(h.accounts.length).toBe(accounts);
        for (const acct of h.accounts) {
          let bal = acct.openingBalance;
          let prev = '';
          const problems: string[] = [];
          for (const t of acct.transactions()) {
            bal += t.inout === '입금' ? t.amount : -t.amount;
            if (t.afterBalance !== bal) problems.push(`chain broken at ${t.date}${t.time}`);
            if (t.afterBalance < 0) problems.push(`negative at ${t.date}${t.time}`);
            if (!Number.isInteger(t.amount) || t.amount <= 0) problems.push(`amount ${t.amount}`);
            if (t.date + t.time < prev) problems.push(`unsorted at ${t.date}${t.time}`);
            prev = t.date + t.time;
          }
          expect(problems.slice(0, 3), `seed ${seed} accounts ${accounts} ${acct.alias}`).toEqual([]);
        }
      }
    }
  });

  it('gives believable identities', () => {
    const h = household();
    expect(h.user.userSeqNo).toMatch(/^110\d{7}$/);
    expect(h.user.userCi).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(h.user.userName).toMatch(/^[가-힣]{3}$/);
    expect(new Set(h.accounts.map((a) => a.bankCodeStd)).size).toBe(3);
    for (const a of h.accounts) {
      expect(a.fintechUseNum).toMatch(/^1202500001\d{14}$/);
      expect(a.accountNumMasked).toMatch(/^\d{9}\*\*\*$/);
      expect(a.holderName).toBe(h.user.userName);
      expect(a.registeredAt).toMatch(/^\d{8}([01]\d|2[0-3])[0-5]\d[0-5]\d$/);
    }
    expect(h.accounts.map((a) => a.accountType)).toEqual(['1', '1', '2']);
    expect(h.start).toBe('2024-07-01');
  });

  it('pays salary on the 25th or the previous business day (weekends, 성탄절)', () => {
    const h = household(1, 24);
    const salary = bySeries(h, 'salary');
    expect(salary.length).toBe(24);
    const dates = salary.map((t) => t.date);
    expect(dates).toContain('20250124'); // 2025-01-25 is a Saturday
    expect(dates).toContain('20240524'); // Saturday
    expect(dates).toContain('20241224'); // 12-25 is 성탄절
    expect(dates).toContain('20250425'); // an ordinary Friday
    for (const t of salary) {
      expect(Number(t.date.slice(6))).toBeLessThanOrEqual(25);
      expect([0, 6]).not.toContain(weekday(t.date));
      expect(t).toMatchObject({ inout: '입금', tranType: '급여', category: 'salary' });
    }
  });

  it('pays rent and bills on the next business day, 설날 included', () => {
    const h = household(1, 24, 3, '2025-12-31');
    const rent = bySeries(h, 'rent').map((t) => t.date);
    expect(rent).toContain('20240507'); // 5/5 Sunday, 5/6 대체공휴일
    expect(rent).toContain('20251010'); // 추석 10/5–10/8, 한글날 10/9
    expect(new Set(bySeries(h, 'rent').map((t) => t.amount)).size).toBe(1);
    const electricity = bySeries(h, 'electricity');
    expect(electricity.map((t) => t.date)).toContain('20240819'); // 8/18 is a Sunday
    expect(new Set(electricity.map((t) => t.amount)).size).toBeGreaterThan(5);
    const fee = bySeries(h, 'maintenance-fee');
    expect(fee.map((t) => t.date)).toContain('20250131'); // 1/27 temporary holiday, 설날 1/28–1/30
  });

  it('has the subscriptions the truth promises: price rise, a cancelled one, two under one memo', () => {
    const h = household();
    const yt = bySeries(h, 'youtube-premium').map((t) => t.amount);
    expect(yt[0]).toBe(10_450);
    expect(yt[yt.length - 1]).toBe(14_900);
    const melon = h.truth.series.find((s) => s.id === 'melon');
    expect(melon?.active).toBe(false);
    expect(melon && melon.last <= '2025-02-28').toBe(true);
    const naver = h.truth.series.filter((s) => s.memo === '네이버페이');
    expect(naver.length).toBe(2);
    const a = bySeries(h, 'naverpay-membership');
    const b = bySeries(h, 'naverpay-tving');
    expect(new Set(a.map((t) => t.date.slice(6)))).toEqual(new Set(['03']));
    expect(new Set(b.map((t) => t.date.slice(6)))).toEqual(new Set(['17']));
    expect(a[0]?.amount).toBe(4_900);
    expect(b[0]?.amount).toBe(14_900);
    expect(bySeries(h, 'netflix').length).toBe(12);
  });

  it('has weekly savings, a card bill with varying amounts, and a yearly payment seen twice over 13+ months', () => {
    const h = household();
    const weekly = bySeries(h, 'weekly-savings');
    expect(weekly.length).toBeGreaterThanOrEqual(52);
    expect(weekly.filter((t) => weekday(t.date) === 1).length).toBeGreaterThan(45);
    const card = bySeries(h, 'card-bill').map((t) => t.amount);
    expect(Math.max(...card) / Math.min(...card)).toBeGreaterThan(1.5);
    expect(bySeries(h, 'car-insurance').length).toBe(1);
    expect(bySeries(household(1, 13), 'car-insurance').length).toBe(2);
    const truth = household(1, 13).truth.series.find((s) => s.id === 'car-insurance');
    expect(truth).toMatchObject({ cadence: 'yearly', occurrences: 2, direction: 'out' });
  });

  it('moves money between its own accounts: the same amount arrives minutes later, memo naming the holder', () => {
    const h = household();
    const outs = bySeries(h, 'own-transfer-1');
    const ins = bySeries(h, 'own-transfer-1-in');
    expect(outs.length).toBe(12);
    expect(ins.length).toBe(outs.length);
    outs.forEach((o, i) => {
      const inn = ins[i] as GeneratedTx;
      expect(inn.amount).toBe(o.amount);
      expect(inn.date).toBe(o.date);
      expect(Number(inn.time) - Number(o.time)).toBeGreaterThanOrEqual(0);
      expect(o.memo).toBe(h.user.userName);
      expect(o.category).toBe('transfer');
    });
    expect(bySeries(h, 'weekly-savings-in').length).toBe(bySeries(h, 'weekly-savings').length);
  });

  it('has realistic content: short memos, allowed categories, spending at chains, identical twin purchases', () => {
    const h = household();
    const ids = new Set(BUILTIN_CATEGORIES.map((c) => c.id));
    const rows = h.accounts.flatMap((a) => a.transactions());
    for (const t of rows) {
      expect(t.memo.length).toBeGreaterThan(0);
      expect(t.memo.length).toBeLessThanOrEqual(20);
      expect(ids.has(t.category)).toBe(true);
      expect(allowedFor(t.category, t.inout === '입금' ? 'in' : 'out'), `${t.memo} ${t.category}`).toBe(true);
      expect(t.date).toMatch(/^\d{8}$/);
      expect(t.time).toMatch(/^([01]\d|2[0-3])[0-5]\d[0-5]\d$/);
    }
    const memos = new Set(rows.map((t) => t.memo));
    for (const m of ['스타벅스코리아', 'GS25역삼점', '우아한형제들', '쿠팡(주)', '관리비', '월세', 'KB카드대금']) {
      expect(memos.has(m), m).toBe(true);
    }
    const mainRows = main(h).transactions();
    const twins = mainRows.filter((t, i) => {
      const p = mainRows[i - 1];
      return p && p.date === t.date && p.time === t.time && p.memo === t.memo && p.amount === t.amount;
    });
    expect(twins.length).toBeGreaterThan(0);
    const perDay = mainRows.filter((t) => !t.seriesId).length / 365;
    expect(perDay).toBeGreaterThan(1.5);
    expect(perDay).toBeLessThan(5);
  });

  it('lists series with per-row truth, and writes it as a JSON file', () => {
    const h = household(5, 6, 3);
    const fin = main(h).fintechUseNum;
    const rows = h.truth.transactions(fin);
    expect(rows.length).toBe(main(h).count);
    const seriesIds = new Set(h.truth.series.map((s) => s.id));
    for (const r of rows) if (r.seriesId) expect(seriesIds.has(r.seriesId)).toBe(true);
    for (const s of h.truth.series) expect(s.occurrences).toBe(bySeries(h, s.id).length);
    const dir = mkdtempSync(join(tmpdir(), 'truth-'));
    try {
      const path = join(dir, 'truth.json');
      writeTruthFile(h, path);
      const parsed = JSON.parse(readFileSync(path, 'utf8'));
      expect(parsed.series.length).toBe(h.truth.series.length);
      expect(parsed.accounts[0].rows.length).toBe(main(h).count);
      expect(parsed.accounts[0].rows[0].category).toBe(main(h).tx(0).category);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers range and balance queries by binary search', () => {
    const a = main(household());
    const i = a.indexAtOrAfter('20250101');
    expect(a.tx(i).date >= '20250101').toBe(true);
    expect(a.tx(i - 1).date < '20250101').toBe(true);
    expect(a.balanceOn('20241231')).toBe(a.tx(i - 1).afterBalance);
    expect(a.balanceOn('20000101')).toBe(a.openingBalance);
  });

  it('scales to a million rows quickly and compactly', () => {
    const t0 = performance.now();
    const h = generateHousehold({ seed: 1, end: '2025-06-30', transactions: 1_000_000 });
    const ms = performance.now() - t0;
    const total = h.accounts.reduce((n, a) => n + a.count, 0);
    expect(total).toBeGreaterThanOrEqual(1_000_000);
    expect(total).toBeLessThan(1_300_000);
    expect(ms).toBeLessThan(15_000);
    // Column storage: the typed arrays hold every row in well under 64 bytes.
    const bytes = h.accounts.reduce((n, a) => n + Object.values(a.columns)
      .reduce((m: number, v: unknown) => m + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0), 0);
    console.log(`1M-row household: ${total} rows in ${Math.round(ms)} ms, ${Math.round(bytes / total)} column bytes/row, ` +
      `rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
    expect(bytes / total).toBeLessThan(64);
    const last = h.accounts[0]?.tx((h.accounts[0]?.count ?? 1) - 1);
    expect(last !== undefined && last.date <= '20250630').toBe(true);
  });
});

describe('generateHousehold controlText', () => {
  const plain = household(5, 6, 3);
  const hostile = generateHousehold({ seed: 5, months: 6, accounts: 3, end: '2025-06-30', controlText: true });
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('puts every kind of hostile text into memos, shown among each account\'s newest rows', () => {
    // The savings account has only recurring rows, which stay as they are.
    for (const a of hostile.accounts.filter((x) => x.transactions().some((t) => !t.seriesId))) {
      const newest = a.transactions().filter((t) => !t.seriesId).slice(-5).map((t) => t.memo);
      expect(newest.filter((m) => HOSTILE_MEMOS.includes(m)).length, a.alias).toBe(5);
    }
    const all = new Set(hostile.accounts.flatMap((a) => a.transactions().map((t) => t.memo)));
    for (const m of HOSTILE_MEMOS) expect(all.has(m), JSON.stringify(m)).toBe(true);
    const kinds = HOSTILE_MEMOS.join('');
    for (const needle of ['\u001b[2J', '\u001b]0;', '\u0007', '\r', '\u009b', '\u202e']) expect(kinds).toContain(needle);
    expect(hostile.accounts[0]?.alias).toBe(HOSTILE_ALIAS);
    expect(hostile.accounts[1]?.bankName).toBe(HOSTILE_BANK_NAME);
    expect(HOSTILE_ALIAS).toMatch(CONTROL);
    expect(HOSTILE_BANK_NAME).toMatch(CONTROL);
    // Spread through history too, not only at the end.
    const main0 = hostile.accounts[0]!.transactions();
    expect(main0.slice(0, main0.length / 2).some((t) => HOSTILE_MEMOS.includes(t.memo))).toBe(true);
  });

  it('changes only memos of rows outside recurring series, deterministically, and nothing without the option', () => {
    for (const [k, a] of hostile.accounts.entries()) {
      const before = plain.accounts[k]!.transactions();
      const after = a.transactions();
      expect(after.length).toBe(before.length);
      let changed = 0;
      after.forEach((t, i) => {
        const b = before[i]!;
        expect({ ...t, memo: '' }).toEqual({ ...b, memo: '' });
        if (t.memo !== b.memo) {
          changed++;
          expect(b.seriesId).toBeUndefined();
          expect(HOSTILE_MEMOS).toContain(t.memo);
        }
      });
      if (before.some((t) => !t.seriesId)) expect(changed).toBeGreaterThanOrEqual(5);
      else expect(changed).toBe(0);
    }
    expect(plain.accounts.flatMap((a) => a.transactions()).some((t) => CONTROL.test(t.memo))).toBe(false);
    expect(plain.accounts.some((a) => CONTROL.test(a.alias) || CONTROL.test(a.bankName))).toBe(false);
    const again = generateHousehold({ seed: 5, months: 6, accounts: 3, end: '2025-06-30', controlText: true });
    expect(again.accounts.map((a) => a.transactions())).toEqual(hostile.accounts.map((a) => a.transactions()));
    expect(hostile.truth.series).toEqual(plain.truth.series);
  });
});

describe('generateTestbedHousehold', () => {
  it('has 25–60 canned rows per account, dated 2019, on a balance chain broken only where the real capture was', () => {
    for (const seed of [1, 7, 11, 99]) {
      const h = generateTestbedHousehold({ seed });
      expect(h.accounts.map((a) => a.state)).toEqual(['01', '01', '01', '09']);
      for (const a of h.accounts) {
        const rows = a.canned ?? [];
        expect(rows.length, a.alias).toBeGreaterThanOrEqual(25);
        expect(rows.length, a.alias).toBeLessThanOrEqual(60);
        expect(a.count).toBe(rows.length);
        let bal: number | undefined;
        for (const r of rows) {
          expect(r.tran_date).toMatch(/^2019(0[1-6])\d\d$/);
          const amount = Number(r.tran_amt);
          expect(Number.isInteger(amount) && amount >= 0).toBe(true);
          const delta = r.inout_type === '입금' ? amount : r.inout_type === '기타' ? 0 : -amount;
          const after = r.after_balance_amt === '' ? undefined : Number(r.after_balance_amt);
          // The opening burst repeats one registered balance; everything after it follows the chain.
          const burst = r.tran_date === '20190101' && r.tran_time === '010101';
          if (bal !== undefined && after !== undefined && !burst) expect(after, `${a.alias} ${r.tran_date}`).toBe(bal + delta);
          if (after !== undefined && after < 0) throw new Error(`negative balance on ${a.alias}`);
          bal = after ?? (bal === undefined ? undefined : bal + delta);
        }
        expect(a.registeredBalance).toBe(bal);
      }
      expect(generateTestbedHousehold({ seed }).accounts.map((a) => a.canned)).toEqual(h.accounts.map((a) => a.canned));
    }
  });
});
