// The day-by-day history of a household: recurring series plus irregular spending per account, posted in time
// order onto exact balance chains (spending that would dip under an account's floor is simply not made).

import { compactDate, type DayNum, ymd } from './calendar.js';
import { type Dictionaries, Dictionary, TxColumns } from './columns.js';
import { BANKS, MERCHANTS, SIDE_INCOMES } from './merchants.js';
import { Rng } from './prng.js';
import { defineSeries, type SeriesContext, type SeriesDef } from './series.js';

interface Event {
  sec: number;
  incoming: boolean;
  amount: number;
  memo: string;
  tranType: string;
  branch: string;
  category: string;
  series?: string;
  /** spending is skipped when it would take the balance under this floor; undefined = always posts */
  floor?: number;
  rate?: number;
}

export interface Persona {
  holder: string;
  employer: string;
  salary: number;
  rent: number;
  phoneMemo: string;
  healthInsurance: number;
  userSeqNo: string;
  userCi: string;
}

/** irregular purchases per day by account slot (extras: 0.5) */
const SPEND_RATE = [2.4, 1.3, 0];
/** opening balance range per slot, in 100,000 won (main: on top of its reserve; extras: 1–8) */
const OPENING_RANGE: Array<[number, number]> = [[10, 30], [3, 12], [10, 30]];

export interface Built {
  columns: TxColumns[];
  dict: Dictionaries;
  opening: number[];
  series: SeriesDef[];
  occurrences: Map<string, { count: number; first: DayNum; last: DayNum; lastAmount: number }>;
  total: number;
  seriesRows: number;
}

export function build(
  seed: number, start: DayNum, end: DayNum, months: number, nAcc: number, k: number, p: Persona, extraSeries = false,
): Built {
  const rSeries = new Rng(seed, 'series');
  const rDay = new Rng(seed, 'days');
  const ctx: SeriesContext = {
    start, end, months, accounts: nAcc, k, holder: p.holder, employer: p.employer, salary: p.salary, rent: p.rent,
    phoneMemo: p.phoneMemo, healthInsurance: p.healthInsurance, branches: BANKS.map((b) => b.branch),
    ...(extraSeries ? { extraSeries } : {}),
  };
  const series = defineSeries(ctx, rSeries);
  const receiving: SeriesDef[] = [];
  // Main keeps a reserve that covers a month of fixed payments and own transfers, so bills never overdraw it.
  const transfersOut = (nAcc >= 2 ? 800_000 : 0) + Math.max(0, nAcc - 3) * 250_000;
  const reserve = Math.round(4_300_000 + transfersOut * k);
  const opening = Array.from({ length: nAcc }, (_, a) => {
    const [lo, hi] = OPENING_RANGE[a] ?? [1, 8];
    return (a === 0 ? reserve : 0) + rSeries.int(lo, hi) * 100_000;
  });

  const scheduled = new Map<number, Event[]>();
  const at = (acct: number, day: DayNum): Event[] => {
    const key = day * 16 + acct;
    let list = scheduled.get(key);
    if (!list) scheduled.set(key, (list = []));
    return list;
  };
  for (const s of series) {
    s.days.forEach((day, i) => {
      const sec = rSeries.int(s.hours[0] * 3600, s.hours[1] * 3600 - 1);
      const amount = s.amount(i, day, rSeries);
      const ev: Event = { sec, incoming: s.incoming, amount, memo: s.memo, tranType: s.tranType, branch: s.branch,
        category: s.category, series: s.id };
      if (s.rateOfBalance !== undefined) ev.rate = s.rateOfBalance;
      at(s.account, day).push(ev);
      if (s.counterpart) {
        at(s.counterpart.account, day).push({ ...ev, incoming: true, sec: Math.min(86_399, sec + rSeries.int(5, 180)),
          memo: s.counterpart.memo, series: s.counterpart.id });
      }
    });
    if (s.counterpart) {
      const { counterpart, ...rest } = s;
      receiving.push({ ...rest, id: counterpart.id, account: counterpart.account, memo: counterpart.memo, incoming: true });
    }
  }
  series.push(...receiving);

  const dict: Dictionaries = { memo: new Dictionary(), tranType: new Dictionary(), branch: new Dictionary(),
    category: new Dictionary(), series: new Dictionary() };
  const columns = opening.map(() => new TxColumns());
  const balance = opening.slice();
  const occurrences: Built['occurrences'] = new Map();
  const totalWeight = MERCHANTS.reduce((s, m) => s + m.weight, 0);
  let seriesRows = 0;

  for (let day = start; day <= end; day++) {
    const weekend = ymd(day).weekday % 6 === 0;
    const date = compactDate(day);
    for (let a = 0; a < nAcc; a++) {
      const events = (scheduled.get(day * 16 + a) ?? []).slice();
      const floor = a === 0 ? reserve : 0;
      const n = rDay.poisson((SPEND_RATE[a] ?? 0.5) * k * (weekend ? 1.3 : 1));
      for (let j = 0; j < n; j++) {
        let w = rDay.next() * totalWeight;
        let m = MERCHANTS[0] as (typeof MERCHANTS)[number];
        for (const cand of MERCHANTS) {
          m = cand;
          if ((w -= cand.weight) < 0) break;
        }
        const amount = rDay.amount(m.min, m.max, m.max <= 20_000 ? 10 : 100);
        const ev: Event = { sec: rDay.int(m.from * 3600, m.to * 3600 - 1), incoming: false, amount, memo: m.memo,
          tranType: m.tranType ?? '체크카드', branch: '', category: m.category, floor };
        events.push(ev);
        // Now and then the same purchase is rung up twice in the same second: two genuine, identical rows.
        if (rDay.chance(0.012)) events.push({ ...ev });
      }
      if (a === 0 && rDay.chance(0.03 * k)) {
        events.push({ sec: rDay.int(9 * 3600, 22 * 3600), incoming: false, amount: rDay.int(5, 30) * 10_000,
          memo: 'ATM출금', tranType: '현금', branch: BANKS[0]?.branch ?? '', category: 'transfer', floor });
      }
      if (a < 2 && rDay.chance(0.02 * k)) {
        const s = rDay.pick(SIDE_INCOMES);
        events.push({ sec: rDay.int(8 * 3600, 23 * 3600), incoming: true, amount: rDay.amount(s.min, s.max),
          memo: s.memo, tranType: '타행환', branch: '', category: s.category });
      }
      if (events.length === 0) continue;
      events.sort((x, y) => x.sec - y.sec);
      const cols = columns[a] as TxColumns;
      let bal = balance[a] as number;
      for (const ev of events) {
        let amount = ev.amount;
        if (ev.rate !== undefined) amount = Math.floor(Math.max(0, bal) * ev.rate);
        if (amount <= 0) continue;
        if (!ev.incoming && ev.floor !== undefined && bal - amount < ev.floor) continue;
        bal += ev.incoming ? amount : -amount;
        const hh = Math.floor(ev.sec / 3600);
        const mm = Math.floor((ev.sec % 3600) / 60);
        const key = date * 1e6 + hh * 10000 + mm * 100 + (ev.sec % 60);
        cols.push(key, ev.incoming, amount, bal, dict.memo.id(ev.memo), dict.tranType.id(ev.tranType),
          dict.branch.id(ev.branch), dict.category.id(ev.category), ev.series ? dict.series.id(ev.series) + 1 : 0);
        if (ev.series) {
          seriesRows++;
          const o = occurrences.get(ev.series);
          if (o) {
            o.count++;
            o.last = day;
            o.lastAmount = amount;
          } else occurrences.set(ev.series, { count: 1, first: day, last: day, lastAmount: amount });
        }
      }
      balance[a] = bal;
    }
  }
  for (const c of columns) c.trim();
  const total = columns.reduce((s, c) => s + c.length, 0);
  return { columns, dict, opening, series, occurrences, total, seriesRows };
}

