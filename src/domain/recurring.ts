// Fixed (recurring) payment and income detection: groups transactions by account, direction and memo, matches each
// group against calendar patterns with Korean business-day shifts, and reports one series per pattern found.

import { parseIsoDay } from './dates.js';
import { buildChains, CADENCES, fillBuckets, PhaseBuckets, type Chain } from './recurring-chains.js';
import { groupTransactions } from './recurring-group.js';
import { selectChains } from './recurring-select.js';
import { compareSeries, seriesFromChain } from './recurring-series.js';
import { HALF_PERIOD_DAYS, type RecurringInput, type RecurringSeries } from './recurring-types.js';

export type { Cadence, RecurringInput, RecurringOptions, RecurringSeries } from './recurring-types.js';
export { detectRecurringBaseline } from './recurring-baseline.js';
export { normalizeMemo } from './recurring-group.js';

const MONTH_PHASES = 32; // day of month 1–31; index 0 unused
const WEEK_PHASES = 7;

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
    // Hand-made series need at least four occurrences (CADENCES), so smaller groups skip the band buckets.
    const withBand = n >= 4;
    fillBuckets(group.days, month, week, withBand ? band : undefined);
    const chains: Chain[] = [];
    for (const spec of CADENCES) {
      if (spec.family === 'band' && !withBand) continue;
      const buckets = spec.family === 'month' ? month : spec.family === 'band' ? band : week;
      const [from, to] = spec.family === 'week' ? [0, WEEK_PHASES] : [1, MONTH_PHASES];
      for (let phase = from; phase < to; phase++) buildChains(buckets, phase, spec, group.amounts, chains);
    }
    if (chains.length === 0) continue;
    const ctx = { txns, days, account: group.account, direction: group.direction, memo: group.memo, today };
    for (const chain of selectChains(chains, group.days, group.amounts)) {
      out.push(seriesFromChain(chain, chain.members.map((p) => group.members[p]!), ctx));
    }
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
