// Fixed (recurring) payment and income detection: groups transactions by account, direction and memo, matches each
// group against calendar patterns with Korean business-day shifts, and reports one series per pattern found.

import { parseIsoDay } from './dates.js';
import { BAND_CADENCE, buildChains, CADENCES, fillBand, fillBuckets, PhaseBuckets, type Chain } from './recurring-chains.js';
import { groupTransactions } from './recurring-group.js';
import { selectChains } from './recurring-select.js';
import { compareSeries, seriesFromChain } from './recurring-series.js';
import { HALF_PERIOD_DAYS, type RecurringInput, type RecurringSeries } from './recurring-types.js';

export type { Cadence, RecurringInput, RecurringOptions, RecurringSeries } from './recurring-types.js';
export { detectRecurringBaseline } from './recurring-baseline.js';
export { normalizeMemo } from './recurring-group.js';

const MONTH_PHASES = 32; // day of month 1–31; index 0 unused
const WEEK_PHASES = 7;
/** Rows per day above which a group is not searched for hand-made (± 3 days) series. */
const BAND_MAX_DENSITY = 0.1;

export function detectRecurring(txns: readonly RecurringInput[], opts: { today: string }): RecurringSeries[] {
  const today = parseIsoDay(opts.today);
  const { groups, days } = groupTransactions(txns);
  const month = new PhaseBuckets(MONTH_PHASES);
  const week = new PhaseBuckets(WEEK_PHASES);
  const band = new PhaseBuckets(MONTH_PHASES);
  const out: RecurringSeries[] = [];
  for (const group of groups) {
    const n = group.members.length;
    if (n < 2) continue;
    fillBuckets(group.days, month, week);
    const chains: Chain[] = [];
    for (const spec of CADENCES) {
      const buckets = spec.family === 'month' ? month : week;
      const [from, to] = spec.family === 'month' ? [1, MONTH_PHASES] : [0, WEEK_PHASES];
      for (let phase = from; phase < to; phase++) buildChains(buckets, phase, spec, group.amounts, chains);
    }
    const used = new Uint8Array(n);
    const chosen = chains.length === 0 ? [] : selectChains(chains, group.days, group.amounts, used);
    // Then series made by hand (± 3 days) among the rows the calendar did not explain: four or more of them, in a
    // memo with at most about three rows a month (busier, a ± 3-day window too often holds a row of luck).
    let left = n;
    for (const c of chosen) left -= c.members.length;
    const spanDays = group.days[n - 1]! - group.days[0]! + 1;
    if (left >= BAND_CADENCE.minCount && n <= spanDays * BAND_MAX_DENSITY) {
      fillBand(group.days, group.amounts, band, used);
      const bandChains: Chain[] = [];
      for (let phase = 1; phase < MONTH_PHASES; phase++) buildChains(band, phase, BAND_CADENCE, group.amounts, bandChains);
      if (bandChains.length > 0) chosen.push(...selectChains(bandChains, group.days, group.amounts, used));
    }
    if (chosen.length === 0) continue;
    const ctx = { txns, days, account: group.account, direction: group.direction, memo: group.memo, today };
    for (const chain of chosen) out.push(seriesFromChain(chain, chain.members.map((p) => group.members[p]!), ctx));
  }
  return out.sort(compareSeries);
}

/**
 * The same series seen from another day: `active` is false once `today` is more than half a period past the expected
 * date. Lets stored series (detected on the day of a sync) be read on a later day without detecting again.
 */
export function asOf(series: RecurringSeries, today: string): RecurringSeries {
  const late = (Date.parse(today + 'T00:00:00Z') - Date.parse(series.nextDate + 'T00:00:00Z')) / 86_400_000;
  return { ...series, active: !(late > HALF_PERIOD_DAYS[series.cadence]) };
}
